//! A scan job as both faces run it. A face first builds a [`ScanPlan`], checking the whole
//! request (paths, overrides, packs) before it takes any scan slot; [`run`] then scans with
//! cancellation, progress and the incremental cache, and records the history.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use sentra_engine::scan::{Progress, StageTimes};
use sentra_engine::suppress::Suppression;
use sentra_engine::{Config, PackSet, ScanError, ScanOptions, Source};
use sentra_model::ScanResult;
use sentra_store::Storage;

use crate::scan_cache::StoredScanCache;

/// A checked scan: everything the engine needs, nothing left to validate.
pub struct ScanPlan {
    /// What was scanned, as the history shows it.
    pub label: String,
    pub source: Source,
    pub packs: Arc<PackSet>,
    pub config: Config,
    /// Only these relative paths (when set).
    pub only: Option<BTreeSet<String>>,
    /// The tenant's suppressions made over the API (beyond the config's).
    pub suppressions: Vec<Suppression>,
    /// Directories never read (the state directory, report output).
    pub skip_dirs: Vec<PathBuf>,
    /// The tree's incremental cache, already loaded.
    pub cache: Option<StoredScanCache>,
    /// Refuse files with more than one hard link (a server's scans).
    pub single_link_only: bool,
    /// A CLI scan: one process, one scan, the machine's memory. Past
    /// [`sentra_engine::SPILL_FINDINGS_AFTER`] findings the rest wait in a temporary file,
    /// and the packs' warm instances are released before the findings are read back.
    pub one_shot: bool,
}

/// How a running scan is steered and observed.
#[derive(Default)]
pub struct Controls<'a> {
    pub cancel: Option<std::sync::Arc<AtomicBool>>,
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    pub timings: Option<&'a StageTimes>,
}

/// Where a finished scan is recorded.
pub struct History<'a> {
    pub store: &'a dyn Storage,
    pub tenant: &'a str,
}

/// A finished scan.
pub struct Finished {
    pub result: ScanResult,
    pub config: Config,
    pub label: String,
    /// Whether it covered its whole repository (not inline files, not only some paths).
    pub complete: bool,
    /// How long saving the cache took.
    pub cache_save: Duration,
}

/// Runs a checked scan, saves its cache and records it in `history`.
pub fn run(plan: ScanPlan, controls: &Controls<'_>, history: Option<&History<'_>>) -> Result<Finished, ScanError> {
    let ScanPlan { label, source, packs, config, only, suppressions, mut skip_dirs, cache, single_link_only, one_shot } = plan;
    let complete = matches!(source, Source::Directory(_)) && only.is_none();
    if let Some(dir) = cache.as_ref().and_then(|c| c.dir().canonicalize().ok()) {
        skip_dirs.push(dir);
    }
    let options = ScanOptions {
        only,
        cancel: controls.cancel.clone(),
        progress: controls.progress,
        suppressions,
        today: None,
        skip_dirs,
        single_link_only,
        cache: cache.as_ref().map(StoredScanCache::cache),
        timings: controls.timings,
        spill_after: one_shot.then_some(sentra_engine::SPILL_FINDINGS_AFTER),
        release_packs: one_shot,
    };
    let result = sentra_engine::scan(&source, &packs, &config, &options);
    drop(options);
    let result = result?;
    let started = Instant::now();
    if let Some(cache) = cache {
        cache.save();
    }
    let cache_save = started.elapsed();
    if let Some(h) = history {
        let passed = sentra_model::gate_with(&result, &config.gate_policy()).passed;
        crate::history::record(h.store, h.tenant, &label, &result, passed, complete);
    }
    Ok(Finished { result, config, label, complete, cache_save })
}
