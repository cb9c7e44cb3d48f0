//! The incremental scan cache: what each pack reported for each file, keyed by the file's
//! content hash and by a per-pack key (pack bytes and settings, rule descriptions, which
//! rules are active, and the config that shapes what the pack sees), so a rescan of an
//! unchanged tree runs no pack and a changed file, pack or rule config reruns exactly
//! what it affects.
//!
//! The cache is a plain map here; callers persist it (the state store keeps it in SQLite)
//! as opaque rows through [`ScanCache::from_rows`] and [`ScanCache::take_changes`].
//!
//! A file whose size and modification time match its entry is trusted without being
//! read, as git's index does; an entry written within [`RACY_WINDOW`] of the file's
//! modification time stores no time, so a same-second edit is always re-hashed.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use sentra_runtime::ScanOutput;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::packs::PreparedPack;

/// Bump when the engine changes what it stores or how findings come out of pack output.
const FORMAT: u32 = 1;
/// A file modified this recently when its entry is written is re-hashed next time, since
/// a second edit within the file system's timestamp granularity leaves size and time alike.
pub const RACY_WINDOW: Duration = Duration::from_secs(2);

/// A file's content hash (BLAKE3).
pub type ContentHash = [u8; 32];

pub fn content_hash(bytes: &[u8]) -> ContentHash {
    *blake3::hash(bytes).as_bytes()
}

/// What the cache knows about one file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub size: u64,
    /// Nanoseconds since the epoch; 0 when the time cannot be trusted.
    pub mtime_ns: i64,
    pub hash: ContentHash,
    /// The context (list of pack keys) the outputs were computed under.
    pub ctx: String,
    pub binary: bool,
    pub generated: bool,
    /// Holds a `sentra-ignore` comment (the file is read again to apply it).
    pub has_ignore: bool,
    /// Non-empty outputs, by position in the context's pack-key list.
    pub outputs: Vec<(u32, ScanOutput)>,
}

/// The id of a list of pack keys: a digest, so concurrent scans writing the same cache
/// can never give one id two meanings.
fn context_id(keys: &[String]) -> String {
    let mut h = blake3::Hasher::new();
    for k in keys {
        h.update(k.as_bytes());
        h.update(&[0]);
    }
    h.finalize().to_hex()[..16].to_string()
}

/// The cache of one scan root, loaded before a scan and saved after it.
#[derive(Default)]
pub struct ScanCache {
    entries: HashMap<String, Entry>,
    contexts: HashMap<String, Vec<String>>,
    updates: Mutex<Vec<(String, Entry)>>,
    seen: Mutex<HashSet<String>>,
    /// Rows that could not be decoded (dropped on save).
    corrupt: Vec<String>,
    /// Set by the scan: its pack keys, and whether it walked the whole tree.
    run: Mutex<Option<(Vec<String>, bool)>>,
}

impl std::fmt::Debug for ScanCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScanCache").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

/// What a scan changed in the cache, for the caller to persist in one transaction.
#[derive(Debug, Default)]
pub struct CacheChanges {
    /// (id, encoded pack-key list): insert when absent (an id never changes meaning).
    pub contexts: Vec<(String, Vec<u8>)>,
    /// (path, encoded entry).
    pub upserts: Vec<(String, Vec<u8>)>,
    /// Paths whose entries should go (files no longer in the tree, undecodable rows).
    pub removed: Vec<String>,
}

impl ScanCache {
    /// An empty cache (the first scan of a root).
    pub fn new() -> Self {
        Self::default()
    }

    /// Decodes stored rows: contexts (id, pack-key list) and files (path, entry). Rows
    /// that fail to decode or refer to an unknown context are ignored (and removed on the
    /// next save): a cache miss is always safe.
    pub fn from_rows(contexts: Vec<(String, Vec<u8>)>, files: Vec<(String, Vec<u8>)>) -> Self {
        let mut cache = Self::default();
        for (id, blob) in contexts {
            if let Ok(keys) = serde_json::from_slice::<Vec<String>>(&blob) {
                cache.contexts.insert(id, keys);
            }
        }
        for (path, blob) in files {
            match serde_json::from_slice::<Entry>(&blob) {
                Ok(e) if cache.contexts.contains_key(&e.ctx) => {
                    cache.entries.insert(path, e);
                }
                _ => cache.corrupt.push(path),
            }
        }
        cache
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn get(&self, path: &str) -> Option<&Entry> {
        self.entries.get(path)
    }

    /// The pack keys of an entry's context.
    pub(crate) fn context(&self, e: &Entry) -> &[String] {
        self.contexts.get(&e.ctx).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn mark_seen(&self, path: &str) {
        self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(path.to_string());
    }

    /// Records a fresh entry; its context is the scan's, filled in by
    /// [`ScanCache::take_changes`].
    pub(crate) fn put(&self, path: &str, entry: Entry) {
        self.mark_seen(path);
        self.updates.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((path.to_string(), entry));
    }

    pub(crate) fn begin(&self, keys: Vec<String>, full: bool) {
        *self.run.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some((keys, full));
    }

    /// What to persist after a scan (nothing when no scan ran): entries written by the
    /// scan, and, when it walked the whole tree, the removal of files it did not see.
    pub fn take_changes(&mut self) -> CacheChanges {
        let Some((keys, full)) = self.run.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner).take() else {
            return CacheChanges::default();
        };
        let updates = std::mem::take(self.updates.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner));
        let seen = std::mem::take(self.seen.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner));
        let mut removed = std::mem::take(&mut self.corrupt);
        if full {
            removed.extend(self.entries.keys().filter(|p| !seen.contains(*p)).cloned());
            for p in &removed {
                self.entries.remove(p);
            }
        }
        let ctx = context_id(&keys);
        let contexts = vec![(ctx.clone(), serde_json::to_vec(&keys).expect("pack keys serialise"))];
        self.contexts.insert(ctx.clone(), keys);
        let mut upserts = Vec::with_capacity(updates.len());
        for (path, mut e) in updates {
            e.ctx = ctx.clone();
            upserts.push((path.clone(), serde_json::to_vec(&e).expect("cache entries serialise")));
            self.entries.insert(path, e);
        }
        CacheChanges { contexts, upserts, removed }
    }
}

/// The key of one pack's output in this scan: changes whenever anything that decides what
/// the pack reports for a given file changes.
pub(crate) fn pack_key(pack: &PreparedPack, active: &[bool], config: &Config) -> String {
    let mut h = blake3::Hasher::new();
    h.update(&FORMAT.to_le_bytes()); // an older engine's outputs never match
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(env!("SENTRA_ENGINE_BUILD_HASH").as_bytes());
    h.update(pack.pack.sha256().as_bytes());
    h.update(&[0]);
    h.update(pack.pack.settings().unwrap_or("").as_bytes());
    h.update(&[0]);
    h.update(&serde_json::to_vec(pack.pack.info()).expect("pack info serialises"));
    h.update(&active.iter().map(|&a| u8::from(a)).collect::<Vec<_>>());
    let limits = pack.pack.limits();
    // The time limit is left out: it changes whether a call fails, and failures are never
    // cached.
    let shape = format!("{}|{}|{:?}|{}|{}", limits.max_findings_per_file, limits.max_message_bytes, limits.regex, config.scan_generated, config.max_file_bytes);
    h.update(shape.as_bytes());
    h.finalize().to_hex()[..32].to_string()
}

/// Nanoseconds since the epoch of a modification time, or 0 when it is unknown, in the
/// future, or too recent to trust (see [`RACY_WINDOW`]).
pub(crate) fn trusted_mtime(mtime: Option<SystemTime>, now: SystemTime) -> i64 {
    let Some(t) = mtime else { return 0 };
    match now.duration_since(t) {
        Ok(age) if age >= RACY_WINDOW => t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry { size: 1, mtime_ns: 5, hash: [1; 32], ctx: String::new(), binary: false, generated: false, has_ignore: false, outputs: Vec::new() }
    }

    #[test]
    fn a_round_trip_keeps_entries_and_contexts() {
        let mut c = ScanCache::new();
        c.begin(vec!["k1".into(), "k2".into()], true);
        c.put("a.rs", entry());
        c.put("b.rs", entry());
        let changes = c.take_changes();
        assert_eq!(changes.upserts.len(), 2);
        let c2 = ScanCache::from_rows(changes.contexts, changes.upserts);
        assert_eq!(c2.len(), 2);
        assert_eq!(c2.context(c2.get("a.rs").unwrap()), ["k1", "k2"]);
    }

    #[test]
    fn files_gone_from_the_tree_are_removed_and_bad_rows_dropped() {
        let mut c = ScanCache::new();
        c.begin(vec!["k".into()], true);
        c.put("a.rs", entry());
        c.put("b.rs", entry());
        let changes = c.take_changes();
        let mut files = changes.upserts.clone();
        files.push(("c.rs".into(), b"not json".to_vec()));
        let mut orphan = entry();
        orphan.ctx = "unknown".into();
        files.push(("d.rs".into(), serde_json::to_vec(&orphan).unwrap()));
        let mut c2 = ScanCache::from_rows(changes.contexts, files);
        assert_eq!(c2.len(), 2);
        c2.begin(vec!["k".into()], true);
        c2.mark_seen("a.rs");
        let changes = c2.take_changes();
        let mut removed = changes.removed.clone();
        removed.sort();
        assert_eq!(removed, ["b.rs", "c.rs", "d.rs"]);
        // a.rs was seen but not rewritten.
        assert!(changes.upserts.is_empty());
    }

    #[test]
    fn a_partial_scan_removes_nothing() {
        let mut c = ScanCache::new();
        c.begin(vec!["k".into()], true);
        c.put("a.rs", entry());
        let changes = c.take_changes();
        let mut c2 = ScanCache::from_rows(changes.contexts, changes.upserts);
        c2.begin(vec!["k".into()], false);
        assert!(c2.take_changes().removed.is_empty());
    }

    #[test]
    fn context_ids_depend_only_on_the_keys() {
        assert_eq!(context_id(&["a".into(), "b".into()]), context_id(&["a".into(), "b".into()]));
        assert_ne!(context_id(&["a".into(), "b".into()]), context_id(&["ab".into()]));
    }

    #[test]
    fn recent_modifications_are_not_trusted() {
        let now = SystemTime::now();
        assert_eq!(trusted_mtime(Some(now), now), 0);
        assert_eq!(trusted_mtime(Some(now - Duration::from_secs(1)), now), 0);
        assert!(trusted_mtime(Some(now - Duration::from_secs(3)), now) > 0);
        assert_eq!(trusted_mtime(None, now), 0);
    }
}
