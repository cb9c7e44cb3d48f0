//! What the host gives a pack: the native matcher capability, a log function, and inert
//! WASI (no preopens, no environment, frozen clocks), plus the per-store memory limiter.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sentra_matcher::{Match, MatchError, MatchLimits, PatternPool, PatternSet, Text};
use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

pub use crate::file::FileData;

/// A pattern that failed, as every API version reports it.
pub struct HostPatternError {
    pub pattern: u32,
    pub message: String,
}

type PatternError = HostPatternError;

fn pattern_error(e: MatchError) -> PatternError {
    PatternError { pattern: e.pattern() as u32, message: e.to_string() }
}

/// Log levels, as every API version names them.
#[derive(Clone, Copy, Debug)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

/// The host side of the `matcher` resource.
pub struct MatcherRes(Arc<PatternSet>);

/// Estimated bytes of compiled patterns kept for reuse beyond what live instances hold.
/// Over it, the least recently used sets no instance holds are dropped.
pub const DEFAULT_MATCHER_CACHE_BYTES: usize = 128 << 20;

/// Compiled pattern sets keyed by their pattern list, shared by every instance, so a fresh
/// instance (after a trap, or one per thread) does not recompile. Bounded: sets are
/// charged their estimated size ([`PatternSet::approx_bytes`]), the least recently used
/// one that no instance holds goes first when over budget, and [`MatcherCache::sweep`]
/// (run when a pack is dropped) drops every set no instance holds.
///
/// Sets share each pattern they have in common (one [`PatternPool`]), and with it its
/// matches on the file being scanned ([`FileData`]'s [`sentra_matcher::FileMatches`]).
#[derive(Clone)]
pub struct MatcherCache(Arc<Mutex<CacheInner>>, Arc<PatternPool>);

impl Default for MatcherCache {
    fn default() -> Self {
        Self::with_budget(DEFAULT_MATCHER_CACHE_BYTES)
    }
}

struct CacheInner {
    entries: HashMap<MatcherKey, CacheEntry>,
    bytes: usize,
    budget: usize,
    clock: u64,
}

struct CacheEntry {
    set: Arc<PatternSet>,
    bytes: usize,
    used: u64,
}

/// A compiled set is shared by every pack asking for the same patterns under the same limits.
type MatcherKey = (Vec<String>, MatchLimits);

impl MatcherCache {
    pub fn with_budget(budget: usize) -> Self {
        Self(Arc::new(Mutex::new(CacheInner { entries: HashMap::new(), bytes: 0, budget, clock: 0 })), Arc::default())
    }

    fn get_or_compile(&self, patterns: Vec<String>, limits: MatchLimits) -> Result<Arc<PatternSet>, MatchError> {
        let key = (patterns, limits);
        {
            let mut inner = self.0.lock().expect("matcher cache");
            inner.clock += 1;
            let now = inner.clock;
            if let Some(e) = inner.entries.get_mut(&key) {
                e.used = now;
                return Ok(e.set.clone());
            }
        }
        // Each pattern compiles on its first search: a pack pays for the patterns the
        // scanned files need, on the threads that scan them.
        let set = Arc::new(PatternSet::compile_lazy(&key.0, limits, &self.1)?);
        let mut inner = self.0.lock().expect("matcher cache");
        let bytes = set.approx_bytes();
        let used = inner.clock;
        if let Some(old) = inner.entries.insert(key, CacheEntry { set: set.clone(), bytes, used }) {
            inner.bytes -= old.bytes;
        }
        inner.bytes += bytes;
        inner.evict_over_budget();
        Ok(set)
    }

    /// Drops every set no instance holds (a pack went away).
    pub fn sweep(&self) {
        let mut inner = self.0.lock().expect("matcher cache");
        let mut freed = 0;
        inner.entries.retain(|_, e| {
            let keep = Arc::strong_count(&e.set) > 1;
            if !keep {
                freed += e.bytes;
            }
            keep
        });
        inner.bytes -= freed;
    }

    /// The estimated bytes the cache holds now.
    pub fn bytes(&self) -> usize {
        self.0.lock().expect("matcher cache").bytes
    }
}

impl CacheInner {
    fn evict_over_budget(&mut self) {
        while self.bytes > self.budget {
            // Only the cache holds an evictable set: one a live instance uses stays (its
            // memory is that pack's, and dropping it here would free nothing).
            let lru = self.entries.iter().filter(|(_, e)| Arc::strong_count(&e.set) == 1).min_by_key(|(_, e)| e.used).map(|(k, _)| k.clone());
            let Some(k) = lru else { break };
            if let Some(e) = self.entries.remove(&k) {
                self.bytes -= e.bytes;
            }
        }
    }
}

/// Denies memory growth past the cap and remembers that it did, so a resulting trap is
/// reported as "out of memory" rather than an anonymous `unreachable`.
pub struct Limiter {
    pub(crate) memory_bytes: usize,
    pub tripped: bool,
    /// The largest linear memory granted so far (wasm memory never shrinks).
    pub grown: usize,
}

impl wasmtime::ResourceLimiter for Limiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        let ok = desired <= self.memory_bytes;
        if ok {
            self.grown = self.grown.max(desired);
        } else {
            self.tripped = true;
        }
        Ok(ok)
    }
    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= 100_000)
    }
}

pub struct HostState {
    pub pack_id: String,
    wasi: WasiCtx,
    table: ResourceTable,
    pub limiter: Limiter,
    regex_limits: MatchLimits,
    matchers: MatcherCache,
    /// Contents of the files of the current `scan` call, by file id.
    pub files: Vec<FileData>,
    /// Their paths, by file id (the grammar can depend on the extension).
    pub paths: Vec<String>,
    /// Syntax-tree state of the current call: node handles and live queries.
    pub(crate) syntax: crate::syntax::CallNodes,
    /// The instance's syntax queries joined per grammar, and this call's results.
    pub(crate) batches: crate::batch::Batches,
    /// Data flows returned to the pack during the current call.
    pub(crate) flows: crate::taint::CallFlows,
    /// When the current call must end.
    pub(crate) deadline: Instant,
    /// The scan the current call runs for, when it can be cancelled.
    pub(crate) cancel: Option<Arc<AtomicBool>>,
    /// Why the current call was stopped, once it was.
    pub stopped: Option<StopReason>,
    /// What the pack may still log in this scan.
    logs: Arc<LogBudget>,
}

/// Log lines one pack may write in one scan (more are counted and dropped).
pub const DEFAULT_MAX_LOG_LINES_PER_SCAN: usize = 1_000;

/// What a pack may log in one scan, shared by its instances on every worker thread.
#[derive(Debug)]
pub struct LogBudget {
    left: std::sync::atomic::AtomicUsize,
    dropped: std::sync::atomic::AtomicUsize,
}

impl LogBudget {
    pub fn new(lines: usize) -> Self {
        Self { left: lines.into(), dropped: 0.into() }
    }

    /// Takes one line from the budget; `false` (and counted) when it is spent.
    fn take(&self) -> bool {
        let ok = self.left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1)).is_ok();
        if !ok {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
        ok
    }

    /// Lines dropped so far.
    pub fn dropped(&self) -> usize {
        self.dropped.load(Ordering::Relaxed)
    }
}

impl Default for LogBudget {
    fn default() -> Self {
        Self::new(DEFAULT_MAX_LOG_LINES_PER_SCAN)
    }
}

/// What a call runs under beyond the pack's limits: the scan's cancellation and its log
/// budget for this pack.
#[derive(Clone, Debug, Default)]
pub struct CallScope {
    pub cancel: Option<Arc<AtomicBool>>,
    pub logs: Option<Arc<LogBudget>>,
}

/// Why a call into a pack was stopped from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// Past the pack's time limit (guest and host work together).
    Deadline,
    /// The scan was cancelled.
    Cancelled,
}

impl HostState {
    pub fn new(pack_id: String, wasi: WasiCtx, table: ResourceTable, memory_bytes: usize, regex_limits: MatchLimits, matchers: MatcherCache) -> Self {
        let limiter = Limiter { memory_bytes, tripped: false, grown: 0 };
        let logs = Arc::default();
        Self {
            pack_id,
            wasi,
            table,
            limiter,
            regex_limits,
            matchers,
            files: Vec::new(),
            paths: Vec::new(),
            syntax: Default::default(),
            batches: Default::default(),
            flows: Default::default(),
            deadline: Instant::now(),
            cancel: None,
            stopped: None,
            logs,
        }
    }

    /// Starts the clock of a call: it may take `timeout`, stops early once the scope's
    /// scan is cancelled, and logs within the scope's budget (a budget of its own without one).
    pub fn begin_call(&mut self, timeout: Duration, scope: &CallScope) {
        self.deadline = Instant::now() + timeout;
        self.cancel = scope.cancel.clone();
        self.logs = scope.logs.clone().unwrap_or_default();
        self.stopped = None;
    }

    /// Whether the current call must stop now (and why, in [`HostState::stopped`]).
    pub fn should_stop(&mut self) -> bool {
        if self.stopped.is_none() {
            self.stopped = stop_reason(self.deadline, self.cancel.as_deref());
        }
        self.stopped.is_some()
    }

    /// Forgets the current call's files and everything derived from them (node handles).
    pub fn end_call(&mut self) {
        self.files.clear();
        self.paths.clear();
        self.syntax.clear();
        self.batches.next_call();
        self.flows.clear();
    }

    pub(crate) fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }

    fn file(&self, id: u32) -> Result<&FileData, PatternError> {
        self.files.get(id as usize).ok_or_else(|| PatternError { pattern: 0, message: format!("no file with id {id} in this scan call") })
    }

    fn matcher(&self, r: &Resource<MatcherRes>) -> Result<Arc<PatternSet>, PatternError> {
        self.table.get(r).map(|m| m.0.clone()).map_err(|e| PatternError { pattern: 0, message: format!("invalid matcher handle: {e}") })
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

/// Clocks that always read zero: packs get no time source to fingerprint or race.
pub struct FrozenClock;

impl wasmtime_wasi::HostWallClock for FrozenClock {
    fn resolution(&self) -> Duration {
        Duration::from_secs(1)
    }
    fn now(&self) -> Duration {
        Duration::ZERO
    }
}

impl wasmtime_wasi::HostMonotonicClock for FrozenClock {
    fn resolution(&self) -> u64 {
        1_000_000_000
    }
    fn now(&self) -> u64 {
        0
    }
}

pub(crate) fn stop_reason(deadline: Instant, cancel: Option<&AtomicBool>) -> Option<StopReason> {
    if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
        Some(StopReason::Cancelled)
    } else if Instant::now() >= deadline {
        Some(StopReason::Deadline)
    } else {
        None
    }
}

/// A `find-all` list may name each pattern of the set once: a list repeating an index (a
/// way to make one call do unbounded work) is refused.
fn check_pattern_list(patterns: &[u32], set_len: usize) -> Result<(), PatternError> {
    let mut seen = vec![false; set_len];
    for &p in patterns {
        match seen.get_mut(p as usize) {
            None => return Err(PatternError { pattern: p, message: format!("pattern {p} does not exist (the set has {set_len})") }),
            Some(true) => return Err(PatternError { pattern: p, message: format!("pattern {p} is named twice in one call") }),
            Some(slot) => *slot = true,
        }
    }
    Ok(())
}

impl HostState {
    /// `find-all` of every API version.
    pub(crate) fn find_all_native(&mut self, m: &Resource<MatcherRes>, file: u32, patterns: &[u32]) -> Result<(Vec<Match>, Vec<PatternError>), PatternError> {
        let set = self.matcher(m)?;
        check_pattern_list(patterns, set.len())?;
        let data = self.file(file)?.clone();
        let text = Text::new(data.bytes());
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        // Host work counts against the call's deadline and the scan's cancellation: checked
        // between patterns and between matches.
        let (deadline, cancel) = (self.deadline, self.cancel.clone());
        let mut reason = None;
        let mut stop = || {
            reason = stop_reason(deadline, cancel.as_deref());
            reason.is_some()
        };
        if set.find_all_until(&text, patterns, &mut out, &mut errors, &mut stop, Some(data.matches())).is_err() {
            // The guest traps at its next epoch check; the error says why meanwhile.
            self.stopped = reason;
            let why = if reason == Some(StopReason::Cancelled) { "the scan was cancelled" } else { "the pack's time limit was reached" };
            return Err(PatternError { pattern: 0, message: format!("matching stopped: {why}") });
        }
        Ok((out, errors.into_iter().map(pattern_error).collect()))
    }

    /// `is-match` of every API version.
    pub(crate) fn is_match_native(&mut self, m: &Resource<MatcherRes>, file: u32, pattern: u32) -> Result<bool, PatternError> {
        if self.should_stop() {
            return Err(PatternError { pattern, message: "matching stopped: the pack's time limit was reached or the scan was cancelled".into() });
        }
        let set = self.matcher(m)?;
        let data = self.file(file)?;
        set.is_match(&Text::new(data.bytes()), pattern).map_err(pattern_error)
    }

    pub(crate) fn drop_matcher(&mut self, rep: Resource<MatcherRes>) -> wasmtime::Result<()> {
        self.table.delete(rep)?;
        Ok(())
    }

    /// `compile` of every API version.
    pub(crate) fn compile_native(&mut self, patterns: Vec<String>) -> Result<Resource<MatcherRes>, PatternError> {
        let set = self.matchers.get_or_compile(patterns, self.regex_limits).map_err(pattern_error)?;
        self.table.push(MatcherRes(set)).map_err(|e| PatternError { pattern: 0, message: e.to_string() })
    }

    /// `log` of every API version.
    pub(crate) fn log_native(&mut self, level: LogLevel, message: String) {
        if !self.logs.take() {
            return;
        }
        let pack = self.pack_id.as_str();
        let message: String = message.chars().take(4096).collect();
        match level {
            LogLevel::Trace => tracing::trace!(pack, "{message}"),
            LogLevel::Debug => tracing::debug!(pack, "{message}"),
            LogLevel::Info => tracing::info!(pack, "{message}"),
            LogLevel::Warn => tracing::warn!(pack, "{message}"),
            LogLevel::Error => tracing::error!(pack, "{message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matcher_cache_keeps_to_its_budget_and_sweeps_what_no_instance_holds() {
        let one = PatternSet::compile(&["a[0-9]+b"], MatchLimits::default()).unwrap().approx_bytes();
        let cache = MatcherCache::with_budget(one * 3);
        let held = cache.get_or_compile(vec!["held[0-9]+".into()], MatchLimits::default()).unwrap();
        for i in 0..20 {
            cache.get_or_compile(vec![format!("p{i}[0-9]+b")], MatchLimits::default()).unwrap();
            assert!(cache.bytes() <= one * 4, "{} > budget", cache.bytes());
        }
        // The held set survives eviction; the next request for it is a hit.
        assert!(Arc::ptr_eq(&held, &cache.get_or_compile(vec!["held[0-9]+".into()], MatchLimits::default()).unwrap()));
        cache.sweep();
        assert_eq!(cache.bytes(), held.approx_bytes(), "only what an instance holds is left");
        drop(held);
        cache.sweep();
        assert_eq!(cache.bytes(), 0);
    }

    #[test]
    fn a_log_budget_is_shared_and_counts_what_it_drops() {
        let budget = Arc::new(LogBudget::new(3));
        let other = budget.clone();
        assert!(budget.take() && other.take() && budget.take());
        assert!(!other.take() && !budget.take());
        assert_eq!(budget.dropped(), 2);
    }

    #[test]
    fn a_pattern_list_may_name_each_pattern_once() {
        assert!(check_pattern_list(&[0, 1, 2], 3).is_ok());
        assert!(check_pattern_list(&[0, 1, 0], 3).unwrap_err().message.contains("twice"));
        assert!(check_pattern_list(&[3], 3).unwrap_err().message.contains("does not exist"));
    }
}
