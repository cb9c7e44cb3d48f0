//! A pack's warm instances, kept for the next call on any thread.
//!
//! Linear memory never shrinks, and a call's files are copied into it: an instance that
//! once held a large file keeps that memory for as long as it lives. So a pack keeps at
//! most one such *large* instance warm, and hands it the calls with large input; the rest
//! stay small. Without this a scan's resident memory becomes packs x threads x the largest
//! file (on a 1.5 GB tree with every built-in pack: 54 instances of about 1 MiB growth).

use std::sync::{Mutex, PoisonError};

use wasmtime::Store;

use crate::api;
use crate::host::HostState;

/// An instance whose linear memory grew more than this past its baseline is dropped after
/// its call instead of kept warm.
pub const RETAINED_INSTANCE_GROWTH: usize = 1 << 20;
/// An instance grown more than this past its baseline is the pack's large one: at most one
/// is kept warm.
pub const SMALL_INSTANCE_GROWTH: usize = 256 << 10;
/// Calls with more input than this (bytes of files or paths) go to the large instance.
pub const SMALL_CALL_BYTES: usize = 64 << 10;

/// One instance and what it cost once started.
pub(crate) struct Live {
    pub(crate) store: Store<HostState>,
    pub(crate) bindings: api::Bindings,
    /// Linear memory once started (and configured): what a warm instance costs.
    pub(crate) baseline: usize,
    /// In an instance shared through a hub: the configurations it holds, as (the hub's
    /// id, the instance's handle).
    pub(crate) configs: Vec<(u64, u32)>,
    /// The hub's generation when the instance was last checked against it.
    pub(crate) generation: u64,
}

/// What the pool needs to know of an instance.
pub(crate) trait Grows {
    /// How far its linear memory grew past its baseline.
    fn growth(&self) -> usize;

    fn is_large(&self) -> bool {
        self.growth() > SMALL_INSTANCE_GROWTH
    }
}

impl Grows for Live {
    fn growth(&self) -> usize {
        self.store.data().limiter.grown.saturating_sub(self.baseline)
    }
}

pub(crate) struct Pool<T>(Mutex<Vec<T>>);

impl<T> Default for Pool<T> {
    fn default() -> Self {
        Self(Mutex::new(Vec::new()))
    }
}

impl<T: Grows> Pool<T> {
    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<T>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A warm instance for a call with `input` bytes: the most grown one for a large call
    /// (it has the room already), the least grown one otherwise.
    pub(crate) fn take(&self, input: usize) -> Option<T> {
        let mut idle = self.idle();
        let growths = idle.iter().map(T::growth).enumerate();
        let pick = if input > SMALL_CALL_BYTES { growths.max_by_key(|&(_, g)| g) } else { growths.min_by_key(|&(_, g)| g) };
        pick.map(|(i, _)| idle.swap_remove(i))
    }

    /// Keeps `live` warm unless it grew past [`RETAINED_INSTANCE_GROWTH`], or it is large
    /// and the pack already keeps a large one (then its memory goes back to the system).
    pub(crate) fn put(&self, live: T) {
        if live.growth() > RETAINED_INSTANCE_GROWTH {
            return;
        }
        let mut idle = self.idle();
        if live.is_large() && idle.iter().any(T::is_large) {
            return;
        }
        idle.push(live);
    }

    /// Drops the idle instances `keep` refuses.
    pub(crate) fn retain(&self, keep: impl FnMut(&T) -> bool) {
        let mut idle = self.idle();
        let (kept, dropped): (Vec<T>, Vec<T>) = std::mem::take(&mut *idle).into_iter().partition(keep);
        *idle = kept;
        drop(idle);
        // Outside the lock, as in `clear`.
        drop(dropped);
    }

    pub(crate) fn clear(&self) {
        // Dropped outside the lock: unmapping memories takes a while.
        drop(std::mem::take(&mut *self.idle()));
    }

    pub(crate) fn len(&self) -> usize {
        self.idle().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Fake(&'static str, usize);

    impl Grows for Fake {
        fn growth(&self) -> usize {
            self.1
        }
    }

    const LARGE: usize = SMALL_INSTANCE_GROWTH + 1;

    #[test]
    fn keeps_one_large_instance_and_every_small_one() {
        let pool = Pool::default();
        pool.put(Fake("small", 10));
        pool.put(Fake("large", LARGE));
        pool.put(Fake("second large", LARGE + 5));
        pool.put(Fake("small too", SMALL_INSTANCE_GROWTH));
        pool.put(Fake("grown past the bound", RETAINED_INSTANCE_GROWTH + 1));
        assert_eq!(pool.len(), 3);
        assert_eq!(pool.take(SMALL_CALL_BYTES + 1), Some(Fake("large", LARGE)), "a large call takes the large one");
        assert_eq!(pool.take(1), Some(Fake("small", 10)), "a small call takes the least grown");
        assert_eq!(pool.take(SMALL_CALL_BYTES + 1), Some(Fake("small too", SMALL_INSTANCE_GROWTH)));
        assert_eq!(pool.take(1), None);
        pool.put(Fake("large again", LARGE));
        assert_eq!(pool.len(), 1, "with no large one kept, a large one is");
        pool.clear();
        assert_eq!(pool.len(), 0);
    }
}
