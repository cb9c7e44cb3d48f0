//! How a scan uses the incremental cache ([`crate::cache::ScanCache`]), behind one type:
//! before running packs on a file the per-file work asks [`FileCache::lookup`] which entry
//! still holds and [`FileCache::reuse`] which pack outputs it can reuse; after, one of the
//! `record` methods says what to store, or that the file was seen unchanged.
//!
//! Without a cache every method is a no-op apart from reading the file, so the per-file
//! code has a single path.

use std::sync::atomic::Ordering;
use std::time::SystemTime;

use sentra_runtime::{FileData, ScanOutput};

use super::StageTimes;
use super::walk::{Candidate, Input, Loaded};
use crate::cache::{ContentHash, Entry, ScanCache};
use crate::config::Config;
use crate::packs::PackSet;

/// The cache of one scan, with this scan's pack keys.
pub(super) struct FileCache<'a> {
    cache: Option<&'a ScanCache>,
    /// One key per pack, in pack order (see [`crate::cache::pack_key`]).
    keys: Vec<String>,
    /// When the scan started: entries of files modified just before get no time.
    now: SystemTime,
}

/// What the cache knows about one file, as learned before its packs run.
pub(super) struct Lookup<'a> {
    /// The entry that still describes the file (same size and time, or same content).
    pub(super) entry: Option<&'a Entry>,
    /// Whether size and time alone matched, so the file was not read or hashed.
    stat_trusted: bool,
    /// Whether some pack had no reusable output (set by [`FileCache::reuse`]).
    pub(super) need_run: bool,
    mtime: Option<SystemTime>,
    size: u64,
    hash: Option<ContentHash>,
}

impl Lookup<'_> {
    /// The entry, when it alone answers for the file: it is binary, or every pack's
    /// output was reused and is empty and there is no `sentra-ignore` comment to apply, so
    /// there is nothing to read or build.
    pub(super) fn nothing_to_build(&self, outputs: &[Option<ScanOutput>]) -> Option<&Entry> {
        let e = self.entry?;
        let all_empty = || outputs.iter().all(|o| o.as_ref().is_some_and(|o| o.findings.is_empty() && o.errors.is_empty()));
        (e.binary || (!self.need_run && !e.has_ignore && all_empty())).then_some(e)
    }
}

impl<'a> FileCache<'a> {
    /// Starts a scan on `cache` (if any): computes each pack's key and tells the cache
    /// whether the whole tree is walked (only then may it drop entries of unseen files).
    pub(super) fn begin(cache: Option<&'a ScanCache>, packs: &PackSet, active: &[Vec<bool>], config: &Config, full: bool) -> Self {
        let keys = match cache {
            Some(c) => {
                let keys: Vec<String> = packs.packs.iter().zip(active).map(|(p, a)| crate::cache::pack_key(p, a, config)).collect();
                c.begin(keys.clone(), full);
                keys
            }
            None => Vec::new(),
        };
        Self { cache, keys, now: SystemTime::now() }
    }

    /// Whether there is a cache (pack outputs are kept for it only then).
    pub(super) fn enabled(&self) -> bool {
        self.cache.is_some()
    }

    /// Finds the entry that still holds for `cand`: by size and time without reading the
    /// file, else by content hash, reading it with `load` (the contents are returned so
    /// the file is read once).
    pub(super) fn lookup(
        &self,
        cand: &Candidate,
        size: u64,
        load: impl FnOnce() -> Result<FileData, Loaded>,
    ) -> Result<(Lookup<'a>, Option<FileData>), Loaded> {
        let mut look = Lookup { entry: None, stat_trusted: false, need_run: true, mtime: None, size, hash: None };
        if let (Some(c), Input::Disk(len, mtime, _)) = (self.cache, &cand.input) {
            look.mtime = *mtime;
            if let Some(e) = c.get(&cand.rel) {
                let ns = mtime.and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok()).map_or(-1, |d| d.as_nanos() as i64);
                look.stat_trusted = e.mtime_ns != 0 && e.size == *len && e.mtime_ns == ns;
                look.entry = Some(e);
            }
        }
        let mut data = None;
        if !look.stat_trusted {
            let d = load()?;
            if self.cache.is_some() {
                let h = crate::cache::content_hash(d.bytes());
                if look.entry.is_some_and(|e| e.hash != h) {
                    look.entry = None;
                }
                look.hash = Some(h);
            }
            data = Some(d);
        }
        Ok((look, data))
    }

    /// The outputs the entry holds for packs whose key is unchanged since it was written
    /// (`None` for the packs that must run), counting a hit in `times.files_cached`.
    pub(super) fn reuse(&self, look: &mut Lookup<'_>, packs: usize, times: &StageTimes) -> Vec<Option<ScanOutput>> {
        let mut outputs = vec![None; packs];
        if let (Some(e), Some(c)) = (look.entry, self.cache) {
            let ctx = c.context(e);
            for (p, key) in self.keys.iter().enumerate() {
                if let Some(i) = ctx.iter().position(|k| k == key) {
                    outputs[p] = Some(e.outputs.iter().find(|(j, _)| *j == i as u32).map(|(_, o)| o.clone()).unwrap_or_default());
                }
            }
            times.files_cached.fetch_add(1, Ordering::Relaxed);
        }
        look.need_run = outputs.iter().any(Option::is_none);
        outputs
    }

    /// Records a file the entry alone answered for ([`Lookup::nothing_to_build`]).
    pub(super) fn record_unchanged(&self, rel: &str, look: &Lookup<'_>, e: &Entry) {
        match (look.stat_trusted, self.cache) {
            (true, Some(c)) => c.mark_seen(rel),
            // Same content, new time: store the time so the next scan need not read it.
            // Every current pack's output is empty here, so the entry moves to this
            // scan's context with no outputs.
            _ => self.store(rel, look, e.hash, Facts { binary: e.binary, generated: e.generated, has_ignore: e.has_ignore }, Vec::new()),
        }
    }

    /// Records a binary file found by reading it.
    pub(super) fn record_binary(&self, rel: &str, look: &Lookup<'_>) {
        if let Some(h) = look.hash {
            self.store(rel, look, h, Facts { binary: true, generated: false, has_ignore: false }, Vec::new());
        }
    }

    /// Records a file packs were asked about: `outputs` are the non-empty ones by pack
    /// index. A file where some call `failed` is only marked seen, so the next scan retries
    /// it; so is one whose entry held by stat and needed no pack run.
    pub(super) fn record(&self, rel: &str, look: &Lookup<'_>, failed: bool, facts: Facts, bytes: &[u8], outputs: Vec<(u32, ScanOutput)>) {
        // An entry is written only when something changed: the content, its time, or packs
        // that ran on it now.
        if self.cache.is_some() && !failed && (!look.stat_trusted || look.need_run) {
            let h = look.hash.or(look.entry.map(|e| e.hash)).unwrap_or_else(|| crate::cache::content_hash(bytes));
            self.store(rel, look, h, facts, outputs);
        } else if let Some(c) = self.cache {
            c.mark_seen(rel);
        }
    }

    fn store(&self, rel: &str, look: &Lookup<'_>, hash: ContentHash, facts: Facts, outputs: Vec<(u32, ScanOutput)>) {
        if let Some(c) = self.cache {
            let Facts { binary, generated, has_ignore } = facts;
            let mtime_ns = crate::cache::trusted_mtime(look.mtime, self.now);
            c.put(rel, Entry { size: look.size, mtime_ns, hash, ctx: String::new(), binary, generated, has_ignore, outputs });
        }
    }
}

/// What the cache stores about a file's contents besides pack outputs.
#[derive(Clone, Copy)]
pub(super) struct Facts {
    pub(super) binary: bool,
    pub(super) generated: bool,
    pub(super) has_ignore: bool,
}
