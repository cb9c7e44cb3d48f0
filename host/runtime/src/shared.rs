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

use crate::pool::{Grows, Live, Pool};

/// What a hub needs to know of an instance: the configurations it holds, as (the hub's
/// id, the instance's handle), and the hub generation it was last checked against.
pub(crate) trait Holds: Grows {
    fn configs(&self) -> &[(u64, u32)];
    fn checked_in(&mut self) -> &mut u64;
}

impl Holds for Live {
    fn configs(&self) -> &[(u64, u32)] {
        &self.configs
    }
    fn checked_in(&mut self) -> &mut u64 {
        &mut self.generation
    }
}

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
pub(crate) struct Hub<T = Live> {
    idle: Pool<T>,
    registry: Mutex<Registry>,
    /// Bumped whenever a configuration goes: an instance taken before that checks, when
    /// it comes back, that it holds none that went.
    generation: AtomicU64,
}

impl<T> Default for Hub<T> {
    fn default() -> Self {
        Self { idle: Pool::default(), registry: Mutex::default(), generation: AtomicU64::new(0) }
    }
}

impl<T: Holds> Hub<T> {
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
        self.idle.retain(|live| !live.configs().iter().any(|(c, _)| *c == id));
    }

    pub(crate) fn take(&self, input: usize) -> Option<T> {
        self.idle.take(input)
    }

    /// Keeps `live` warm, unless it holds a configuration that went while it ran.
    pub(crate) fn put(&self, mut live: T) {
        // Held while the instance goes back, so no configuration goes in between.
        let r = self.registry();
        let now = self.generation.load(Ordering::Relaxed);
        if *live.checked_in() != now {
            if live.configs().iter().any(|(c, _)| !r.by_id.contains_key(c)) {
                return;
            }
            *live.checked_in() = now;
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

/// A pack's place in a hub: the hub and its configuration there (the pack's settings are
/// the ones the hub registered).
pub(crate) struct SharedConfig {
    pub(crate) hub: Arc<Hub>,
    pub(crate) id: u64,
}

impl Drop for SharedConfig {
    fn drop(&mut self) {
        self.hub.unregister(self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default)]
    struct Fake {
        configs: Vec<(u64, u32)>,
        generation: u64,
    }

    impl Grows for Fake {
        fn growth(&self) -> usize {
            0
        }
    }

    impl Holds for Fake {
        fn configs(&self) -> &[(u64, u32)] {
            &self.configs
        }
        fn checked_in(&mut self) -> &mut u64 {
            &mut self.generation
        }
    }

    #[test]
    fn equal_settings_share_an_id_and_the_last_user_takes_the_instances_holding_it() {
        let hub: Hub<Fake> = Hub::default();
        let (a, _) = hub.register("doc a");
        let (b, settings) = hub.register("doc b");
        assert_eq!(&*settings, "doc b");
        assert_eq!(hub.register("doc a").0, a, "a second pack of the same document shares it");
        hub.put(Fake { configs: vec![(a, 0), (b, 1)], generation: hub.generation() });
        hub.put(Fake { configs: vec![(a, 0)], generation: hub.generation() });
        // Taken (the least grown, first) before `b` goes, returned after.
        let in_flight = hub.take(0).unwrap();
        assert_eq!(in_flight.configs, vec![(a, 0), (b, 1)]);
        hub.unregister(a);
        hub.unregister(b);
        assert_eq!(hub.idle_instances(), 1, "`a` still has a user, and the idle instance holds no `b`");
        hub.put(in_flight);
        assert_eq!(hub.idle_instances(), 1, "an instance holding a document that went is not kept");
        hub.unregister(a);
        assert_eq!(hub.idle_instances(), 0, "the last user of `a` went, and so did the instances holding it");
        let (again, _) = hub.register("doc a");
        assert_ne!(again, a, "a document registered again gets a new id");
    }
}
