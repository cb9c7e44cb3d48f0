//! What the host gives a pack: the native matcher capability, a log function, and inert
//! WASI (no preopens, no environment, frozen clocks), plus the per-store memory limiter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sentra_matcher::{MatchError, MatchLimits, PatternSet, Text};
use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use crate::bindings::sentra::pack::host as wit_host;
use wit_host::PatternError;

fn pattern_error(e: MatchError) -> PatternError {
    PatternError { pattern: e.pattern() as u32, message: e.to_string() }
}

/// A file's bytes, shared between the engine (which read it once) and the matcher.
#[derive(Clone)]
pub struct FileData(Arc<dyn AsRef<[u8]> + Send + Sync>);

impl FileData {
    pub fn new(data: impl AsRef<[u8]> + Send + Sync + 'static) -> Self {
        Self(Arc::new(data))
    }
    pub fn bytes(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

impl std::fmt::Debug for FileData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FileData({} bytes)", self.bytes().len())
    }
}

/// The host side of the `matcher` resource.
pub struct MatcherRes(Arc<PatternSet>);

/// Compiled pattern sets keyed by their pattern list, shared by every instance, so a fresh
/// instance (after a trap, or one per thread) does not recompile.
#[derive(Clone, Default)]
pub struct MatcherCache(Arc<Mutex<HashMap<MatcherKey, Arc<PatternSet>>>>);

/// A compiled set is shared by every pack asking for the same patterns under the same limits.
type MatcherKey = (Vec<String>, MatchLimits);

impl MatcherCache {
    fn get_or_compile(&self, patterns: Vec<String>, limits: MatchLimits) -> Result<Arc<PatternSet>, MatchError> {
        let key = (patterns, limits);
        if let Some(set) = self.0.lock().expect("matcher cache").get(&key) {
            return Ok(set.clone());
        }
        let set = Arc::new(PatternSet::compile(&key.0, limits)?);
        self.0.lock().expect("matcher cache").insert(key, set.clone());
        Ok(set)
    }
}

/// Denies memory growth past the cap and remembers that it did, so a resulting trap is
/// reported as "out of memory" rather than an anonymous `unreachable`.
pub struct Limiter {
    memory_bytes: usize,
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
}

impl HostState {
    pub fn new(pack_id: String, wasi: WasiCtx, table: ResourceTable, memory_bytes: usize, regex_limits: MatchLimits, matchers: MatcherCache) -> Self {
        Self { pack_id, wasi, table, limiter: Limiter { memory_bytes, tripped: false, grown: 0 }, regex_limits, matchers, files: Vec::new() }
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

impl crate::bindings::sentra::pack::types::Host for HostState {}

impl wit_host::HostMatcher for HostState {
    fn find_all(&mut self, m: Resource<MatcherRes>, file: u32, patterns: Vec<u32>) -> Result<wit_host::FindResult, PatternError> {
        let set = self.matcher(&m)?;
        let data = self.file(file)?;
        let text = Text::new(data.bytes());
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        set.find_all(&text, &patterns, &mut out, &mut errors);
        let matches = out
            .into_iter()
            .map(|m| wit_host::RegexMatch {
                pattern: m.pattern,
                start: m.start as u32,
                end: m.end as u32,
                line: m.line,
                column: m.column,
                end_line: m.end_line,
                end_column: m.end_column,
            })
            .collect();
        Ok(wit_host::FindResult { matches, errors: errors.into_iter().map(pattern_error).collect() })
    }

    fn is_match(&mut self, m: Resource<MatcherRes>, file: u32, pattern: u32) -> Result<bool, PatternError> {
        let set = self.matcher(&m)?;
        let data = self.file(file)?;
        set.is_match(&Text::new(data.bytes()), pattern).map_err(pattern_error)
    }

    fn drop(&mut self, rep: Resource<MatcherRes>) -> wasmtime::Result<()> {
        self.table.delete(rep)?;
        Ok(())
    }
}

impl wit_host::Host for HostState {
    fn compile(&mut self, patterns: Vec<String>) -> Result<Resource<MatcherRes>, PatternError> {
        let set = self.matchers.get_or_compile(patterns, self.regex_limits).map_err(pattern_error)?;
        self.table.push(MatcherRes(set)).map_err(|e| PatternError { pattern: 0, message: e.to_string() })
    }

    fn log(&mut self, level: wit_host::LogLevel, message: String) {
        let pack = self.pack_id.as_str();
        let message: String = message.chars().take(4096).collect();
        match level {
            wit_host::LogLevel::Trace => tracing::trace!(pack, "{message}"),
            wit_host::LogLevel::Debug => tracing::debug!(pack, "{message}"),
            wit_host::LogLevel::Info => tracing::info!(pack, "{message}"),
            wit_host::LogLevel::Warn => tracing::warn!(pack, "{message}"),
            wit_host::LogLevel::Error => tracing::error!(pack, "{message}"),
        }
    }
}
