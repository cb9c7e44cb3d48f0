//! Compiled queries and joined batches shared host-wide while something holds them.
//!
//! Every instance of a pack (one per thread) compiles and joins the same queries, and each
//! costs tree-sitter's analysis (milliseconds for a query, a hundred for a batch of twenty).
//! Entries are weak, so the cache never keeps a value alive and holds no more than the live
//! handles do; a key being built is built once, the other threads asking for it wait for
//! that build (which they would otherwise have repeated) rather than racing it.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use crate::SyntaxError;

type Slot<V> = Arc<OnceLock<Result<Weak<V>, SyntaxError>>>;

pub(crate) struct WeakCache<K, V>(Mutex<Option<HashMap<K, Slot<V>>>>);

/// A slot still worth keeping: being built, or built and alive.
fn live<V>(slot: &Slot<V>) -> bool {
    slot.get().is_none_or(|r| r.as_ref().is_ok_and(|w| w.strong_count() > 0))
}

impl<K: Hash + Eq, V> WeakCache<K, V> {
    pub(crate) const fn new() -> Self {
        Self(Mutex::new(None))
    }

    /// The live value for `key`, or the one `build` makes now (or another thread is making).
    pub(crate) fn get_or_build(&self, key: K, build: impl Fn() -> Result<V, SyntaxError>) -> Result<Arc<V>, SyntaxError> {
        let slot = {
            let mut guard = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let map = guard.get_or_insert_with(HashMap::new);
            match map.get(&key) {
                Some(slot) if live(slot) => slot.clone(),
                _ => {
                    map.retain(|_, s| live(s));
                    map.entry(key).or_default().clone()
                }
            }
        };
        let mut made = None;
        let built = slot.get_or_init(|| {
            build().map(|v| {
                let v = Arc::new(v);
                let weak = Arc::downgrade(&v);
                made = Some(v);
                weak
            })
        });
        if let Some(v) = made {
            return Ok(v);
        }
        match built {
            // Dropped by its builder in between: built again, for this caller alone.
            Ok(weak) => weak.upgrade().map_or_else(|| build().map(Arc::new), Ok),
            Err(e) => Err(e.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_key_is_built_once_however_many_threads_ask_and_goes_with_its_holders() {
        static CACHE: WeakCache<u32, String> = WeakCache::new();
        let builds = AtomicUsize::new(0);
        let build = || {
            builds.fetch_add(1, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(20));
            Ok("joined".to_string())
        };
        let held: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4).map(|_| s.spawn(|| CACHE.get_or_build(1, build).unwrap())).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        assert!(held.windows(2).all(|w| Arc::ptr_eq(&w[0], &w[1])));
        drop(held);
        CACHE.get_or_build(1, build).unwrap();
        assert_eq!(builds.load(Ordering::SeqCst), 2, "nothing held it: built again");
        let failed = CACHE.get_or_build(2, || Err(SyntaxError::Query("bad".into())));
        assert_eq!(failed.unwrap_err(), SyntaxError::Query("bad".into()));
    }
}
