//! One scan: walk the tree once, read each file once, hand it to every pack whose rules
//! can match it (in parallel over files), then post-process and order the findings.
//!
//! This module is the orchestrator; the jobs live in submodules: `walk` lists and reads
//! files, `rules` decides which rules run, `scan_file` is the per-file work (with the
//! cache protocol in `file_cache`), and `finish` is everything after the file loop.

mod file_cache;
mod finish;
mod held;
pub(crate) mod presence;
mod rules;
mod scan_file;
mod spill;
mod walk;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

pub use sentra_model::{
    ErroredPack, GatePolicy, GateResult, PackSummary, RuleErrorReport, RuleSummary, ScanResult, SkippedFiles, SkippedRule, compliance_score, gate, gate_with,
};
pub use walk::{DEFAULT_EXCLUDED_DIRS, GENERATED_HEAD_BYTES, is_generated, load_file, walk_tree};

use crate::config::Config;
use crate::packs::PackSet;

/// What to scan.
#[derive(Clone, Debug)]
pub enum Source {
    /// A directory on disk.
    Directory(PathBuf),
    /// Files held in memory (relative path, contents): never written to disk.
    Memory(Vec<(String, Vec<u8>)>),
}

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{path}: no such directory")]
    NotFound { path: PathBuf },
    #[error("{path}: not a directory")]
    NotADirectory { path: PathBuf },
    #[error("scan cancelled")]
    Cancelled,
}

/// Progress of a running scan, for progress bars and streams.
#[derive(Clone, Copy, Debug)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
}

/// Options of one scan beyond the config.
#[derive(Default)]
pub struct ScanOptions<'a> {
    /// Only these relative paths (when set).
    pub only: Option<BTreeSet<String>>,
    /// Set to stop the scan early: between files, and inside a pack's call (its guest code
    /// and the host matching it asked for) within milliseconds.
    pub cancel: Option<Arc<AtomicBool>>,
    /// Called as files complete (from worker threads).
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// Suppressions beyond the config's (the server's, made over the API).
    pub suppressions: Vec<crate::suppress::Suppression>,
    /// The day expiries are judged against (default: today, UTC).
    pub today: Option<jiff::civil::Date>,
    /// Directories never read, by path as walked (the server's state directory: opening
    /// and closing a SQLite file in the process that has it open drops SQLite's POSIX
    /// locks, so a scan must never touch it).
    pub skip_dirs: Vec<PathBuf>,
    /// Refuse regular files with more than one hard link (counted in `files_skipped`): a
    /// server reading a tenant's tree must not follow a hard link to a file outside it.
    pub single_link_only: bool,
    /// The incremental cache of this root: unchanged files reuse what each pack reported
    /// (see [`crate::cache`]). The caller persists it afterwards.
    pub cache: Option<&'a crate::cache::ScanCache>,
    /// Filled with where the time went, per stage (summed over worker threads).
    pub timings: Option<&'a StageTimes>,
    /// Past this many findings held in memory, the rest wait in an anonymous temporary file
    /// with only their ranking key in memory (CLI scans: [`SPILL_FINDINGS_AFTER`]).
    pub spill_after: Option<usize>,
    /// Once the packs' calls are done, drop their warm instances and compiled patterns
    /// before the findings are read back and the result is built (CLI scans: one process,
    /// one scan, so nothing would reuse them; a server keeps them warm for the next scan).
    pub release_packs: bool,
}

/// Findings a CLI scan holds in memory before the rest wait in a temporary file.
pub const SPILL_FINDINGS_AFTER: usize = 10_000;

/// CPU time per scan stage in nanoseconds, summed over worker threads, and cache use.
#[derive(Debug, Default)]
pub struct StageTimes {
    /// Listing the tree (one thread).
    pub walk: AtomicU64,
    /// Reading files and hashing them for the cache.
    pub read: AtomicU64,
    /// Globs and the literal prefilter: deciding which rules can match a file.
    pub prefilter: AtomicU64,
    /// Calls into packs, including the host's regex engine they call back into (for
    /// declarative packs most of this is the regex matching itself).
    pub guest: AtomicU64,
    /// Building findings (snippets, fingerprints) and inline suppressions.
    pub post: AtomicU64,
    /// Everything after the file loop: project rules, overrides, suppressions, ordering.
    pub finish: AtomicU64,
    /// Files whose content the cache already knew.
    pub files_cached: AtomicUsize,
    /// Files at least one pack was run on (the rest came from the cache or matched no rule).
    pub files_run: AtomicUsize,
}

impl StageTimes {
    /// (stage, seconds) in pipeline order.
    pub fn seconds(&self) -> [(&'static str, f64); 6] {
        let s = |a: &AtomicU64| a.load(Ordering::Relaxed) as f64 / 1e9;
        [
            ("walk", s(&self.walk)),
            ("read", s(&self.read)),
            ("prefilter", s(&self.prefilter)),
            ("guest", s(&self.guest)),
            ("post", s(&self.post)),
            ("finish", s(&self.finish)),
        ]
    }
}

/// The caller's [`StageTimes`], if it asked for them. Stage times are only added when it
/// did; the counters go to a scratch copy otherwise, so the per-file code never checks.
struct Timer<'a> {
    times: Option<&'a StageTimes>,
    scratch: StageTimes,
}

impl<'a> Timer<'a> {
    fn new(times: Option<&'a StageTimes>) -> Self {
        Self { times, scratch: StageTimes::default() }
    }

    /// Where counters and stage times go.
    fn stages(&self) -> &StageTimes {
        self.times.unwrap_or(&self.scratch)
    }

    /// Adds the time since `since` to `slot` (a field of [`Timer::stages`]).
    fn add(&self, slot: &AtomicU64, since: Instant) {
        if self.times.is_some() {
            slot.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
    }
}

/// Runs a scan.
pub fn scan(source: &Source, packs: &PackSet, config: &Config, options: &ScanOptions<'_>) -> Result<ScanResult, ScanError> {
    let started = Instant::now();
    let listing = walk::Listing::of(source, config, options)?;
    let all_files = listing.paths();
    let read_text = |i: usize| listing.read_text(i, config.max_file_bytes);
    let rules = rules::active_rules(packs, &all_files, &read_text, config);
    let timer = Timer::new(options.timings);
    let cache = file_cache::FileCache::begin(options.cache, packs, &rules.active, config, options.only.is_none());
    // Per pack: the scan's cancellation, and what the pack may log in this scan.
    let scopes: Vec<sentra_runtime::CallScope> = packs
        .packs
        .iter()
        .map(|_| sentra_runtime::CallScope { cancel: options.cancel.clone(), logs: Some(Arc::new(sentra_runtime::LogBudget::default())) })
        .collect();
    let settler = held::Settler::new(config, options);
    let scanner = scan_file::FileScanner::new(packs, &listing, &rules.active, cache, &timer, &scopes, &settler);

    // The file loop stays this small: everything about one file is in `scan_file`.
    let done = AtomicUsize::new(0);
    let total = listing.files.len();
    listing.files.par_iter().for_each(|cand| {
        if options.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed)) {
            return;
        }
        if scanner.scan_file(cand) {
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(cb) = options.progress {
                cb(Progress { files_done: n, files_total: total });
            }
        }
    });
    if options.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed)) {
        return Err(ScanError::Cancelled);
    }

    let started_finish = Instant::now();
    let (mut shared, dead) = scanner.into_parts();
    finish::run_project_rules(packs, &rules, &dead, &all_files, &scopes, &settler, &mut shared);
    if options.release_packs {
        release(packs);
    }
    for (prepared, scope) in packs.packs.iter().zip(&scopes) {
        let dropped = scope.logs.as_ref().map_or(0, |l| l.dropped());
        if dropped > 0 {
            tracing::warn!(
                pack = prepared.id(),
                dropped,
                "the pack logged more than {} lines in this scan; the rest were dropped",
                sentra_runtime::DEFAULT_MAX_LOG_LINES_PER_SCAN
            );
        }
    }
    if options.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed)) {
        return Err(ScanError::Cancelled);
    }
    let settled = finish::settle(shared, config);
    timer.add(&timer.stages().finish, started_finish);
    Ok(settled.into_result(packs, rules, config, started))
}

/// Frees what the packs hold between scans: their warm instances and compiled patterns,
/// then the C heap's free pages (the worker threads' arenas, where the compiled patterns
/// and their caches lived, are not where the result is built).
fn release(packs: &PackSet) {
    for p in &packs.packs {
        p.pack.release_instances();
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: `malloc_trim` only returns free memory to the system; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}
