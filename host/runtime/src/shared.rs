//! Instances shared by several packs of one component (the optional `engine` export).
//!
//! Every built-in YAML pack runs the same declarative engine. With an instance per pack
//! and worker thread, a scan with every pack kept about fifty warm instances, each with
//! its own linear memory and data image. A [`Hub`] keeps one pool for all of them
//! instead: an instance adds a pack's configuration (`engine.add`) the first time it
//! runs that pack, and every later call names it. The hub is keyed by component and
//! limits, so each call still runs under its pack's limits and is charged to that pack.
//! When the last pack of a configuration goes, the instances holding it are dropped.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::pool::{Live, Pool};

/// One configuration (a pack document) the hub's packs run.
struct Registered {
    settings: Arc<str>,
    /// Loaded packs that run it (a server loads the same built-in pack in many pack sets).
    users: usize,
}

#[derive(Default)]
struct Registry {
    next: u64,
    by_id: HashMap<u64, Registered>,
    by_settings: HashMap<Arc<str>, u64>,
}

/// The warm instances of one component shared by every pack loaded with it to share.
#[derive(Default)]
pub(crate) struct Hub {
    idle: Pool<Live>,
    registry: Mutex<Registry>,
    /// Bumped whenever a configuration goes: an instance taken before that checks, when
    /// it comes back, that it holds none that went.
    generation: AtomicU64,
}

impl Hub {
    fn registry(&self) -> MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The id of `settings` (the same for equal settings) and the settings to `add`.
    pub(crate) fn register(&self, settings: &str) -> (u64, Arc<str>) {
        let mut r = self.registry();
        if let Some(&id) = r.by_settings.get(settings) {
            let entry = r.by_id.get_mut(&id).expect("registered settings have an entry");
            entry.users += 1;
            return (id, entry.settings.clone());
        }
        let (id, settings) = (r.next, Arc::<str>::from(settings));
        r.next += 1;
        r.by_settings.insert(settings.clone(), id);
        r.by_id.insert(id, Registered { settings: settings.clone(), users: 1 });
        (id, settings)
    }

    /// A pack running configuration `id` went. Its last one takes the configuration, and
    /// the idle instances holding it, along: their memory goes back to the system.
    pub(crate) fn unregister(&self, id: u64) {
        let mut r = self.registry();
        let Some(entry) = r.by_id.get_mut(&id) else { return };
        entry.users -= 1;
        if entry.users > 0 {
            return;
        }
        let gone = r.by_id.remove(&id).expect("present");
        r.by_settings.remove(&gone.settings);
        self.generation.fetch_add(1, Ordering::Relaxed);
        self.idle.retain(|live| !live.configs.iter().any(|(c, _)| *c == id));
    }

    pub(crate) fn take(&self, input: usize) -> Option<Live> {
        self.idle.take(input)
    }

    /// Keeps `live` warm, unless it holds a configuration that went while it ran.
    pub(crate) fn put(&self, mut live: Live) {
        // Held while the instance goes back, so no configuration goes in between.
        let r = self.registry();
        let now = self.generation.load(Ordering::Relaxed);
        if live.generation != now {
            if live.configs.iter().any(|(c, _)| !r.by_id.contains_key(c)) {
                return;
            }
            live.generation = now;
        }
        self.idle.put(live);
    }

    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }

    pub(crate) fn clear(&self) {
        self.idle.clear();
    }

    pub(crate) fn idle_instances(&self) -> usize {
        self.idle.len()
    }
}

/// A pack's place in a hub: the hub and its configuration there.
pub(crate) struct SharedConfig {
    pub(crate) hub: Arc<Hub>,
    pub(crate) id: u64,
    pub(crate) settings: Arc<str>,
}

impl Drop for SharedConfig {
    fn drop(&mut self) {
        self.hub.unregister(self.id);
    }
}
