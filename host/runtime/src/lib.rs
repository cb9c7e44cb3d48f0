//! The pack sandbox. Loads pack components, checks what they import and which API version
//! they target before anything runs, compiles them once (cached on disk), and runs them
//! under a time limit and a memory cap with no filesystem, network, environment or clock.
//!
//! This is the only crate that names wasmtime; everything it exposes is plain Rust.

mod api;
mod batch;
mod describe;
mod file;
mod host;
mod isolated;
mod pool;
mod shared;
mod syntax;
mod taint;
pub mod types;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sentra_matcher::MatchLimits;
use sha2::{Digest, Sha256};
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store, UpdateDeadline};

pub use api::ApiVersion;
use api::Target;
use describe::validate_description;
pub use describe::{MAX_GLOBS_PER_PACK, MAX_ITEM_BYTES, MAX_LIST_ITEMS, MAX_RULE_TEXT_BYTES, MAX_RULES_PER_PACK};
pub use file::FileData;
use host::HostState;
pub use host::{CallScope, DEFAULT_MATCHER_CACHE_BYTES, DEFAULT_MAX_LOG_LINES_PER_SCAN, LogBudget};
pub use isolated::{DEFAULT_COMPILE_MEMORY_BYTES, DEFAULT_COMPILE_TIMEOUT, IsolatedCompiler, MAX_CONCURRENT_COMPILES, precompile_component};
use pool::{Live, Pool};
pub use pool::{RETAINED_INSTANCE_GROWTH, SMALL_CALL_BYTES, SMALL_INSTANCE_GROWTH};
use shared::{Hub, SharedConfig};
pub use syntax::{MAX_LIVE_QUERIES, MAX_NODE_HANDLES_PER_CALL};
pub use types::*;

/// Wall-clock time one guest call may run before it is interrupted.
pub const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(5);
/// Linear memory one pack instance may grow to.
pub const DEFAULT_MEMORY_BYTES: usize = 64 << 20;
/// Findings one pack may report for one file; more marks the pack errored for the scan.
pub const DEFAULT_MAX_FINDINGS_PER_FILE: usize = 1_000;
/// Longest finding message kept (bytes); longer ones are truncated.
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 4_096;
/// Findings one pack may report in one scan; past it the pack is stopped and errored.
/// Override: `pack_limits.max_findings_per_scan`.
pub const DEFAULT_MAX_FINDINGS_PER_SCAN: usize = 100_000;
/// Guest stack size; deep recursion traps instead of exhausting the host.
pub const MAX_WASM_STACK: usize = 1 << 20;
/// Distinct compiled components kept in memory for reuse by later loads.
const MAX_COMPILED_IN_MEMORY: usize = 64;
/// Granularity of deadlines: the engine's epoch advances this often.
const EPOCH_TICK: Duration = Duration::from_millis(5);

/// Limits one pack runs under. Every field has a `DEFAULT_*` constant above and a config
/// override (`pack_limits` in `.sentra/config.yaml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PackLimits {
    pub call_timeout: Duration,
    pub memory_bytes: usize,
    pub max_findings_per_file: usize,
    pub max_message_bytes: usize,
    pub max_findings_per_scan: usize,
    pub regex: MatchLimits,
}

impl Default for PackLimits {
    fn default() -> Self {
        Self {
            call_timeout: DEFAULT_CALL_TIMEOUT,
            memory_bytes: DEFAULT_MEMORY_BYTES,
            max_findings_per_file: DEFAULT_MAX_FINDINGS_PER_FILE,
            max_message_bytes: DEFAULT_MAX_MESSAGE_BYTES,
            max_findings_per_scan: DEFAULT_MAX_FINDINGS_PER_SCAN,
            regex: MatchLimits::default(),
        }
    }
}

/// Why a pack could not be loaded. Every message names the pack.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("pack `{pack}`: not a WebAssembly component ({detail})")]
    NotAComponent { pack: String, detail: String },
    #[error("pack `{pack}`: targets pack API sentra:pack@{found}, but this host supports {supported}")]
    UnsupportedApi { pack: String, found: String, supported: String },
    #[error("pack `{pack}`: does not export the sentra:pack/scanner interface")]
    NoScanner { pack: String },
    #[error(
        "pack `{pack}`: imports `{import}`, which the host does not grant (packs may import sentra:pack/host and the inert WASI interfaces listed in docs/authoring-packs.md)"
    )]
    ForbiddenImport { pack: String, import: String },
    #[error("pack `{pack}`: failed to compile: {detail}")]
    Compile { pack: String, detail: String },
    #[error("pack `{pack}`: failed to start: {detail}")]
    Instantiate { pack: String, detail: String },
    #[error("pack `{pack}`: invalid description: {}", problems.join("; "))]
    InvalidDescription { pack: String, problems: Vec<String> },
    #[error("pack `{pack}`: refused its settings: {}", errors.join("; "))]
    Configure { pack: String, errors: Vec<String> },
}

/// Largest component the host compiles (a Python pack built with componentize-py is about
/// 18 MB).
pub const MAX_COMPONENT_BYTES: usize = 64 << 20;

/// Longest replacement text a finding's fix may carry; a longer fix is dropped from the
/// finding (its description is cut like a message).
pub const MAX_FIX_REPLACEMENT_BYTES: usize = 64 << 10;

/// Lines of a trap's message kept in errors: the trap and the innermost frames. A pack
/// that overflows its stack has a backtrace thousands of frames long, and the message
/// goes into every scan result, log line and audit entry.
pub const MAX_TRAP_DETAIL_LINES: usize = 8;
/// Problems listed by name in one load error (a pack can declare a thousand bad rules).
pub const MAX_LISTED_PROBLEMS: usize = 20;

fn bounded_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= max {
        return text.to_string();
    }
    format!("{}\n    ... {} more lines", lines[..max].join("\n"), lines.len() - max)
}

fn bounded_list(mut items: Vec<String>, max: usize) -> Vec<String> {
    if items.len() > max {
        let more = items.len() - max;
        items.truncate(max);
        items.push(format!("and {more} more"));
    }
    items
}

/// Why a call into a pack failed. The pack's rules are reported as errored for the scan.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum PackError {
    #[error("pack `{pack}` exceeded its time limit of {limit_ms} ms")]
    Timeout { pack: String, limit_ms: u128 },
    #[error("pack `{pack}` exceeded its memory limit of {limit_bytes} bytes")]
    OutOfMemory { pack: String, limit_bytes: usize },
    #[error("pack `{pack}` trapped: {detail}")]
    Trap { pack: String, detail: String },
    #[error("pack `{pack}` refused its settings: {}", errors.join("; "))]
    Configure { pack: String, errors: Vec<String> },
    /// The scan it ran for was cancelled (its client left, or it ran out of time).
    #[error("pack `{pack}` was stopped: the scan was cancelled")]
    Cancelled { pack: String },
}

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("failed to create the Wasm engine: {0}")]
    Engine(String),
}

/// Where compiled components are cached, and the host-wide matcher cache.
#[derive(Clone, Debug, Default)]
pub struct RuntimeConfig {
    /// Directory for compiled components; `None` disables the disk cache.
    pub cache_dir: Option<PathBuf>,
}

/// One wasmtime engine and linker shared by every pack, plus the epoch ticker.
pub struct Runtime {
    engine: Engine,
    linker: Linker<HostState>,
    cache_dir: Option<PathBuf>,
    matchers: host::MatcherCache,
    /// Shared with every loaded pack: deadlines keep ticking while anything can run a guest.
    ticker: Arc<Ticker>,
    /// Compiled components by sha256: every declarative pack runs the same engine
    /// component, and one copy of its machine code serves them all.
    compiled: Mutex<HashMap<String, Component>>,
    /// The sha256 of each product component, by its address: the 28 YAML packs load the
    /// same declarative engine, which would otherwise be hashed 28 times at every start.
    builtin_sha256: Mutex<HashMap<(usize, usize), String>>,
    /// Where untrusted components are compiled; `None` compiles them in this process.
    isolated: Option<IsolatedCompiler>,
    compile_slots: isolated::CompileSlots,
    /// Instances shared by the packs loaded with [`Runtime::load_shared`], by component
    /// and limits. Held weakly: a hub lives as long as a pack uses it.
    hubs: Mutex<HashMap<(String, PackLimits), std::sync::Weak<Hub>>>,
}

/// Who a component comes from, which decides how its compilation is bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// Shipped in the binary: compiled in this process.
    Builtin,
    /// Imported, uploaded or named on the command line: compiled by the
    /// [`IsolatedCompiler`] when one is set.
    External,
}

/// The engine settings every compile uses, in this process and in the compiler child
/// (an artifact loads only into an engine configured the same way).
pub(crate) fn engine_config() -> wasmtime::Config {
    let mut cfg = wasmtime::Config::new();
    cfg.wasm_component_model(true);
    cfg.epoch_interruption(true);
    cfg.max_wasm_stack(MAX_WASM_STACK);
    cfg
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime").field("cache_dir", &self.cache_dir).finish_non_exhaustive()
    }
}

/// Stops the epoch thread when the last holder goes. The runtime and every pack it loaded
/// hold one: a pack set that outlives its runtime (a caller that keeps the packs and drops
/// the catalog) must still have its deadlines enforced, or a looping guest runs forever.
#[derive(Debug)]
struct Ticker {
    stop: Arc<AtomicBool>,
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// WASI interfaces a pack may import: inert in the sandbox (no preopened directories, no
/// environment, no arguments, clocks frozen at zero, stdio discarded). Toolchains such as
/// Rust's wasm32-wasip2 and componentize-py import these even when the pack never uses them.
const ALLOWED_WASI: &[&str] = &[
    "wasi:cli/environment",
    "wasi:cli/exit",
    "wasi:cli/stdin",
    "wasi:cli/stdout",
    "wasi:cli/stderr",
    "wasi:cli/terminal-input",
    "wasi:cli/terminal-output",
    "wasi:cli/terminal-stdin",
    "wasi:cli/terminal-stdout",
    "wasi:cli/terminal-stderr",
    "wasi:io/error",
    "wasi:io/poll",
    "wasi:io/streams",
    "wasi:clocks/wall-clock",
    "wasi:clocks/monotonic-clock",
    "wasi:filesystem/types",
    "wasi:filesystem/preopens",
    "wasi:random/random",
    "wasi:random/insecure",
    "wasi:random/insecure-seed",
];

/// Whether a component targeting pack API `api` may import `name`: the host interfaces of
/// its own version, and inert WASI.
fn import_allowed(name: &str, api: ApiVersion) -> bool {
    let (iface, version) = name.split_once('@').unwrap_or((name, ""));
    if iface == "sentra:pack/host" || iface == "sentra:pack/types" {
        return version == api.as_str();
    }
    ALLOWED_WASI.contains(&iface) && version.starts_with("0.2.")
}

impl Runtime {
    /// Estimated bytes of compiled pattern sets the host keeps for packs (bounded by
    /// [`DEFAULT_MATCHER_CACHE_BYTES`] beyond what live instances hold).
    pub fn matcher_cache_bytes(&self) -> usize {
        self.matchers.bytes()
    }

    pub fn new(config: RuntimeConfig) -> Result<Self, RuntimeError> {
        let engine = Engine::new(&engine_config()).map_err(|e| RuntimeError::Engine(e.to_string()))?;

        let mut linker: Linker<HostState> = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(|e| RuntimeError::Engine(e.to_string()))?;
        api::add_to_linker(&mut linker).map_err(|e| RuntimeError::Engine(e.to_string()))?;

        // Deadlines are counted in engine epochs; this thread advances them. It exits when
        // the runtime is dropped.
        let stop_ticker = Arc::new(AtomicBool::new(false));
        {
            let engine = engine.clone();
            let stop = stop_ticker.clone();
            std::thread::Builder::new()
                .name("sentra-epoch".into())
                .spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        std::thread::sleep(EPOCH_TICK);
                        engine.increment_epoch();
                    }
                })
                .map_err(|e| RuntimeError::Engine(e.to_string()))?;
        }

        let ticker = Arc::new(Ticker { stop: stop_ticker });
        Ok(Self {
            engine,
            linker,
            cache_dir: config.cache_dir,
            matchers: host::MatcherCache::default(),
            ticker,
            compiled: Mutex::new(HashMap::new()),
            builtin_sha256: Mutex::new(HashMap::new()),
            isolated: None,
            compile_slots: isolated::CompileSlots::default(),
            hubs: Mutex::new(HashMap::new()),
        })
    }

    /// Compiles external components (see [`Runtime::load_external`]) in a child process
    /// bounded in time and memory, instead of in this one.
    pub fn set_isolated_compiler(&mut self, compiler: IsolatedCompiler) {
        self.isolated = Some(compiler);
    }

    /// Reads the pack API version a component targets without compiling it, from the
    /// names of its exports (`sentra:pack/scanner@X.Y.Z`).
    fn check_interface(&self, pack: &str, component: &Component) -> Result<ApiVersion, LoadError> {
        let ty = component.component_type();
        let mut found = None;
        for (name, _) in ty.exports(&self.engine) {
            if let Some(version) = name.strip_prefix("sentra:pack/scanner@") {
                found = Some(version.to_string());
            }
        }
        let api = match found {
            None => return Err(LoadError::NoScanner { pack: pack.into() }),
            Some(v) => {
                ApiVersion::parse(&v).ok_or_else(|| LoadError::UnsupportedApi { pack: pack.into(), found: v, supported: ApiVersion::supported_list() })?
            }
        };
        for (name, _) in ty.imports(&self.engine) {
            if !import_allowed(name, api) {
                return Err(LoadError::ForbiddenImport { pack: pack.into(), import: name.into() });
            }
        }
        Ok(api)
    }

    fn cache_path(&self, sha256: &str) -> Option<PathBuf> {
        let dir = self.cache_dir.as_ref()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.engine.precompile_compatibility_hash().hash(&mut h);
        Some(dir.join(format!("{sha256}-{:016x}.cwasm", h.finish())))
    }

    fn compile(&self, pack: &str, bytes: &[u8], sha256: &str, origin: Origin) -> Result<Component, LoadError> {
        if let Some(c) = self.compiled.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(sha256) {
            return Ok(c.clone());
        }
        let component = self.compile_uncached(pack, bytes, sha256, origin)?;
        let mut compiled = self.compiled.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // A server imports and deletes packs for as long as it runs: bound what is kept
        // (packs in use hold their own reference; this only saves recompiles).
        if compiled.len() >= MAX_COMPILED_IN_MEMORY {
            compiled.clear();
        }
        compiled.insert(sha256.to_string(), component.clone());
        Ok(component)
    }

    /// Compiles a component no larger than [`MAX_COMPONENT_BYTES`]: a larger one is refused
    /// before Cranelift sees it. An external one goes to the isolated compiler when one is
    /// set, which bounds its time and memory; built-in packs compile here (a time bound on
    /// them would only refuse the product's own packs on a loaded machine).
    fn compile_bounded(&self, pack: &str, bytes: &[u8], origin: Origin) -> Result<Component, LoadError> {
        let refused = |detail: String| LoadError::Compile { pack: pack.into(), detail };
        if bytes.len() > MAX_COMPONENT_BYTES {
            return Err(refused(format!("the component is {} bytes; the limit is {MAX_COMPONENT_BYTES}", bytes.len())));
        }
        match (&self.isolated, origin) {
            (Some(compiler), Origin::External) => {
                let artifact = compiler.compile(&self.compile_slots, bytes).map_err(refused)?;
                deserialize_artifact(&self.engine, &artifact).map_err(|e| refused(format!("{e:#}")))
            }
            _ => Component::new(&self.engine, bytes).map_err(|e| refused(format!("{e:#}"))),
        }
    }

    fn compile_uncached(&self, pack: &str, bytes: &[u8], sha256: &str, origin: Origin) -> Result<Component, LoadError> {
        let cache = self.cache_path(sha256);
        if let Some(path) = &cache
            && path.exists()
        {
            match load_cached(&self.engine, path) {
                Ok(c) => return Ok(c),
                Err(e) => tracing::warn!(pack, path = %path.display(), error = %e, "discarding unusable compile cache entry"),
            }
        }
        let component = self.compile_bounded(pack, bytes, origin)?;
        if let Some(path) = &cache
            && let Err(e) = store_cached(&component, path)
        {
            tracing::warn!(pack, path = %path.display(), error = %e, "could not write compile cache");
        }
        Ok(component)
    }

    /// Verifies, compiles and describes a pack component. `name` is how errors refer to it
    /// until its description is known (a file name or an id).
    pub fn load(&self, name: &str, bytes: &[u8], limits: PackLimits) -> Result<LoadedPack, LoadError> {
        self.load_configured(name, bytes, None, limits)
    }

    /// Like [`Runtime::load`], handing `settings` to the pack's `configure` in every
    /// instance (the declarative engine receives its pack document this way).
    pub fn load_configured(&self, name: &str, bytes: &[u8], settings: Option<String>, limits: PackLimits) -> Result<LoadedPack, LoadError> {
        self.load_from(name, bytes, settings, limits, Origin::Builtin)
    }

    /// Like [`Runtime::load_configured`] for a component built into this binary: its bytes
    /// live as long as the process, so its hash is computed once however many packs it
    /// serves.
    pub fn load_builtin(&self, name: &str, bytes: &'static [u8], settings: Option<String>, limits: PackLimits) -> Result<LoadedPack, LoadError> {
        self.load_hashed(name, bytes, self.builtin_sha256(bytes), settings, limits, Origin::Builtin, false)
    }

    /// Like [`Runtime::load_builtin`], but the pack runs in instances shared with every
    /// other pack loaded this way from the same component under the same limits, each
    /// instance holding the settings of the packs it ran (the component's `engine`
    /// export). For the product's own packs only: packs of different tenants must not
    /// share an instance. A component without `engine` gets instances of its own.
    pub fn load_shared(&self, name: &str, bytes: &'static [u8], settings: String, limits: PackLimits) -> Result<LoadedPack, LoadError> {
        self.load_hashed(name, bytes, self.builtin_sha256(bytes), Some(settings), limits, Origin::Builtin, true)
    }

    /// The sha256 of a component built into this binary, computed once per component.
    fn builtin_sha256(&self, bytes: &'static [u8]) -> String {
        let key = (bytes.as_ptr() as usize, bytes.len());
        let known = self.builtin_sha256.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&key).cloned();
        known.unwrap_or_else(|| {
            let sha = hex::encode(Sha256::digest(bytes));
            self.builtin_sha256.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(key, sha.clone());
            sha
        })
    }

    /// The hub of `sha256`'s component under `limits`, made on first use.
    fn hub(&self, sha256: &str, limits: PackLimits) -> Arc<Hub> {
        let mut hubs = self.hubs.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        hubs.retain(|_, h| h.strong_count() > 0);
        let slot = hubs.entry((sha256.to_string(), limits)).or_default();
        slot.upgrade().unwrap_or_else(|| {
            let hub = Arc::new(Hub::default());
            *slot = Arc::downgrade(&hub);
            hub
        })
    }

    /// Like [`Runtime::load`] for a component that is not part of the product (imported,
    /// uploaded, stored for a tenant, or named on the command line): compiled by the
    /// isolated compiler when one is set.
    pub fn load_external(&self, name: &str, bytes: &[u8], limits: PackLimits) -> Result<LoadedPack, LoadError> {
        self.load_from(name, bytes, None, limits, Origin::External)
    }

    fn load_from(&self, name: &str, bytes: &[u8], settings: Option<String>, limits: PackLimits, origin: Origin) -> Result<LoadedPack, LoadError> {
        let sha256 = hex::encode(Sha256::digest(bytes));
        self.load_hashed(name, bytes, sha256, settings, limits, origin, false)
    }

    #[allow(clippy::too_many_arguments)]
    fn load_hashed(
        &self,
        name: &str,
        bytes: &[u8],
        sha256: String,
        settings: Option<String>,
        limits: PackLimits,
        origin: Origin,
        share: bool,
    ) -> Result<LoadedPack, LoadError> {
        match bytes.get(0..8) {
            Some([0, b'a', b's', b'm', 1, 0, 0, 0]) => {
                return Err(LoadError::NotAComponent {
                    pack: name.into(),
                    detail: "it is a core module; build it as a component (for Rust: --target wasm32-wasip2)".into(),
                });
            }
            Some([0, b'a', b's', b'm', _, _, 1, 0]) => {}
            _ => {
                return Err(LoadError::NotAComponent { pack: name.into(), detail: "missing the \\0asm component header".into() });
            }
        }
        // Parsing the component's type needs the compiled artifact in wasmtime; the checks
        // below still run before any instantiation.
        let component = self.compile(name, bytes, &sha256, origin)?;
        let api = self.check_interface(name, &component)?;
        let pre = self.linker.instantiate_pre(&component).map_err(|e| LoadError::Instantiate { pack: name.into(), detail: format!("{e:#}") })?;
        let pre = api::Pre::new(api, pre).map_err(|e| LoadError::Instantiate { pack: name.into(), detail: format!("{e:#}") })?;

        let mut settings: Option<Arc<str>> = settings.map(Arc::from);
        let shared = match &mut settings {
            Some(s) if share && pre.has_engine() => {
                let hub = self.hub(&sha256, limits);
                let (id, interned) = hub.register(s);
                // One copy of a document however many packs (pack sets of a server) run it.
                *s = interned;
                Some(SharedConfig { hub, id })
            }
            _ => None,
        };
        let mut pack = LoadedPack {
            name: name.to_string(),
            info: PackInfo {
                id: name.into(),
                name: String::new(),
                version: String::new(),
                description: String::new(),
                license: String::new(),
                rules: Vec::new(),
            },
            sha256,
            limits,
            engine: self.engine.clone(),
            _ticker: self.ticker.clone(),
            pre,
            matchers: self.matchers.clone(),
            idle: Pool::default(),
            settings,
            shared,
        };
        let info = pack.with_instance(|b, s, target| b.describe(s, target), &CallScope::default(), |_| {}, 0).map_err(|e| match e {
            PackError::Configure { errors, .. } => LoadError::Configure { pack: name.into(), errors },
            e => LoadError::Instantiate { pack: name.into(), detail: e.to_string() },
        })?;
        validate_description(name, &info)?;
        pack.info = info;
        Ok(pack)
    }
}

#[allow(unsafe_code)]
fn load_cached(engine: &Engine, path: &Path) -> wasmtime::Result<Component> {
    // SAFETY: `deserialize_file` trusts the file to be a wasmtime artifact. Entries are
    // written only by `store_cached` (temp file + rename, so never torn), are keyed by the
    // sha256 of the component and the engine's compatibility hash, and live in sentra's
    // own cache directory. wasmtime still checks the header and engine compatibility.
    unsafe { Component::deserialize_file(engine, path) }
}

#[allow(unsafe_code)]
fn deserialize_artifact(engine: &Engine, artifact: &[u8]) -> wasmtime::Result<Component> {
    // SAFETY: the artifact was written by this same binary's compiler child (see
    // `isolated`), from the component being loaded, for an engine configured by
    // `engine_config`; it is trusted as much as an entry of the compile cache, and wasmtime
    // still checks its header and engine compatibility.
    unsafe { Component::deserialize(engine, artifact) }
}

fn store_cached(component: &Component, path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let bytes = component.serialize().map_err(|e| std::io::Error::other(e.to_string()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{}.{}.tmp", path.file_name().and_then(|n| n.to_str()).unwrap_or("entry"), std::process::id()));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(&bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

pub use sentra_pack_format::valid_pack_id;

/// A verified, compiled pack with a pool of warm instances (one per concurrent caller).
pub struct LoadedPack {
    name: String,
    info: PackInfo,
    sha256: String,
    limits: PackLimits,
    engine: Engine,
    /// Keeps the epoch advancing while this pack can run (see [`Ticker`]).
    _ticker: Arc<Ticker>,
    pre: api::Pre,
    matchers: host::MatcherCache,
    idle: Pool<Live>,
    /// Given to `configure` in every new instance (or to `engine.add`, when shared).
    settings: Option<Arc<str>>,
    /// Set when the pack runs in instances shared with other packs (see
    /// [`Runtime::load_shared`]); `idle` then stays empty.
    shared: Option<SharedConfig>,
}

impl Drop for LoadedPack {
    /// A deleted pack leaves no host memory behind: its own instances go, and a shared
    /// pack's configuration leaves its hub (with the instances holding it) as `shared`
    /// drops.
    fn drop(&mut self) {
        self.idle.clear();
        drop(self.shared.take());
        self.matchers.sweep();
    }
}

impl std::fmt::Debug for LoadedPack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPack").field("id", &self.info.id).field("sha256", &self.sha256).finish_non_exhaustive()
    }
}

/// A file handed to a pack: its id in this call, relative path, contents and the indices
/// of the rules to run on it.
#[derive(Clone, Debug)]
pub struct FileInput<'a> {
    pub path: &'a str,
    pub data: FileData,
    pub rules: &'a [u32],
}

impl LoadedPack {
    pub fn info(&self) -> &PackInfo {
        &self.info
    }
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
    /// The settings handed to `configure` (a declarative pack's document), if any: with
    /// [`LoadedPack::sha256`], everything that decides what the pack reports.
    pub fn settings(&self) -> Option<&str> {
        self.settings.as_deref()
    }
    pub fn limits(&self) -> &PackLimits {
        &self.limits
    }
    /// The pack API version the component targets.
    pub fn api_version(&self) -> ApiVersion {
        self.pre.version()
    }

    fn instantiate(&self) -> Result<Live, PackError> {
        let wasi = wasmtime_wasi::WasiCtx::builder()
            .wall_clock(host::FrozenClock)
            .monotonic_clock(host::FrozenClock)
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        let state = HostState::new(self.info.id.clone(), wasi, ResourceTable::new(), self.limits.memory_bytes, self.limits.regex, self.matchers.clone());
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.limiter);
        // Asked at every epoch tick while the guest runs: past the call's deadline, or once
        // the scan is cancelled, the guest traps (host calls check the same between matches).
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(|mut ctx| Ok(if ctx.data_mut().should_stop() { UpdateDeadline::Interrupt } else { UpdateDeadline::Continue(1) }));
        store.data_mut().begin_call(self.limits.call_timeout, &CallScope::default());
        let bindings = self.pre.instantiate(&mut store).map_err(|e| self.classify(&store, e))?;
        let generation = self.shared.as_ref().map_or(0, |s| s.hub.generation());
        let mut live = Live { store, bindings, baseline: 0, configs: Vec::new(), generation };
        // A shared instance adds each pack's settings when it first runs the pack.
        if let Some(settings) = self.settings.as_ref().filter(|_| self.shared.is_none()) {
            let configured = self.call(&mut live, |b, s| b.configure(s, settings))?;
            if let Err(errors) = configured {
                return Err(PackError::Configure { pack: self.display_name(), errors });
            }
        }
        live.baseline = live.store.data().limiter.grown;
        Ok(live)
    }

    fn classify(&self, store: &Store<HostState>, e: wasmtime::Error) -> PackError {
        let pack = self.display_name();
        if store.data().limiter.tripped {
            return PackError::OutOfMemory { pack, limit_bytes: self.limits.memory_bytes };
        }
        if matches!(e.downcast_ref::<wasmtime::Trap>(), Some(wasmtime::Trap::Interrupt)) {
            return match store.data().stopped {
                Some(host::StopReason::Cancelled) => PackError::Cancelled { pack },
                _ => PackError::Timeout { pack, limit_ms: self.limits.call_timeout.as_millis() },
            };
        }
        // The trap's reason first ("call stack exhausted"): wasmtime's message starts
        // with the backtrace and keeps the reason for last.
        let trace = bounded_lines(&format!("{e:#}"), MAX_TRAP_DETAIL_LINES);
        let detail = match e.downcast_ref::<wasmtime::Trap>() {
            Some(trap) if !trace.starts_with(&trap.to_string()) => format!("{trap}: {trace}"),
            _ => trace,
        };
        PackError::Trap { pack, detail }
    }

    /// Runs `f` on a warm instance under a fresh deadline. A trapped instance cannot be
    /// re-entered, so it is dropped and the next call instantiates a new one.
    fn call<R>(&self, live: &mut Live, f: impl FnOnce(&api::Bindings, &mut Store<HostState>) -> wasmtime::Result<R>) -> Result<R, PackError> {
        live.store.set_epoch_deadline(1);
        live.store.data_mut().limiter.tripped = false;
        let r = f(&live.bindings, &mut live.store);
        live.store.data_mut().end_call();
        r.map_err(|e| self.classify(&live.store, e))
    }

    fn with_instance<R>(
        &self,
        f: impl FnOnce(&api::Bindings, &mut Store<HostState>, Target) -> wasmtime::Result<R>,
        scope: &CallScope,
        setup: impl FnOnce(&mut HostState),
        input: usize,
    ) -> Result<R, PackError> {
        let taken = match &self.shared {
            Some(s) => s.hub.take(input),
            None => self.idle.take(input),
        };
        let mut live = match taken {
            Some(l) => l,
            None => self.instantiate()?,
        };
        // A shared instance ran another pack last: its logs from here on are this pack's.
        let state = live.store.data_mut();
        if state.pack_id != self.info.id {
            state.pack_id.clone_from(&self.info.id);
        }
        let target = match self.target(&mut live, scope) {
            Ok(t) => t,
            Err(e) => {
                // Refused settings leave the instance as it was; a trap does not.
                if matches!(e, PackError::Configure { .. }) {
                    self.put(live);
                }
                return Err(e);
            }
        };
        let state = live.store.data_mut();
        state.begin_call(self.limits.call_timeout, scope);
        setup(state);
        let r = self.call(&mut live, |b, s| f(b, s, target));
        if r.is_ok() {
            self.put(live);
        }
        r
    }

    /// Which configuration of `live` runs this pack: its own, or (in a shared instance)
    /// the one holding this pack's settings, added now if the instance has not run the
    /// pack yet. The addition is a call of this pack, under its limits and in its scan.
    fn target(&self, live: &mut Live, scope: &CallScope) -> Result<Target, PackError> {
        let Some((shared, settings)) = self.shared.as_ref().zip(self.settings.as_deref()) else { return Ok(Target::Own) };
        let handle = match live.configs.iter().find(|(id, _)| *id == shared.id) {
            Some(&(_, handle)) => handle,
            None => {
                live.store.data_mut().begin_call(self.limits.call_timeout, scope);
                let added = self.call(live, |b, s| b.add(s, settings))?;
                let handle = added.map_err(|errors| PackError::Configure { pack: self.display_name(), errors })?;
                live.configs.push((shared.id, handle));
                // Settings are what a warm instance costs, not growth from a call.
                live.baseline = live.store.data().limiter.grown;
                handle
            }
        };
        live.store.data_mut().batches.set_config(handle);
        Ok(Target::Config(handle))
    }

    fn put(&self, live: Live) {
        match &self.shared {
            Some(s) => s.hub.put(live),
            None => self.idle.put(live),
        }
    }

    fn display_name(&self) -> String {
        if self.info.id.is_empty() { self.name.clone() } else { self.info.id.clone() }
    }

    /// Drops the warm instances (their linear memory goes back to the system), then every
    /// compiled pattern set no instance holds any more. The next call instantiates afresh.
    /// A shared pack drops every instance of its hub.
    pub fn release_instances(&self) {
        match &self.shared {
            Some(s) => s.hub.clear(),
            None => self.idle.clear(),
        }
        self.matchers.sweep();
    }

    /// Warm instances waiting for a call (for a shared pack: its hub's).
    pub fn idle_instances(&self) -> usize {
        match &self.shared {
            Some(s) => s.hub.idle_instances(),
            None => self.idle.len(),
        }
    }

    /// Whether the pack runs in instances shared with other packs.
    pub fn is_shared(&self) -> bool {
        self.shared.is_some()
    }

    /// Scans files in one call. Findings carry the index into `files` as their `file`.
    /// Once the scope's scan is cancelled, the call stops (guest and host matching alike)
    /// within milliseconds.
    pub fn scan(&self, files: &[FileInput<'_>], scope: &CallScope) -> Result<ScanOutput, PackError> {
        let data: Vec<FileData> = files.iter().map(|f| f.data.clone()).collect();
        let paths: Vec<String> = files.iter().map(|f| f.path.to_string()).collect();
        let input = files.iter().map(|f| f.data.bytes().len() + f.path.len()).sum();
        let max_message = self.limits.max_message_bytes;
        let mut out = self.with_instance(
            |b, s, target| {
                let mut out = b.scan(s, target, files, max_message)?;
                s.data().flows.attach(&mut out);
                Ok(out)
            },
            scope,
            |state| {
                state.files = data;
                state.paths = paths;
            },
            input,
        )?;
        self.keep_most_severe(&mut out, files.len());
        Ok(out)
    }

    /// Holds each file to `max_findings_per_file`: a file over it keeps its most severe
    /// findings (by the rule's declared severity, then position) and is listed in
    /// `overflows`. Repository content that makes a pack report thousands of findings
    /// costs that file's excess, not the pack's whole scan.
    fn keep_most_severe(&self, out: &mut ScanOutput, files: usize) {
        let limit = self.limits.max_findings_per_file;
        let mut per_file = vec![0usize; files];
        for f in &out.findings {
            if let Some(n) = per_file.get_mut(f.file as usize) {
                *n += 1;
            }
        }
        if per_file.iter().all(|&n| n <= limit) {
            return;
        }
        let rank = |id: &str| self.info.rules.iter().find(|r| r.id == id).map_or(u8::MAX, |r| r.severity as u8);
        let mut findings = std::mem::take(&mut out.findings);
        findings.sort_by_key(|f| (f.file, rank(&f.rule_id), f.line, f.column));
        let mut kept = vec![0usize; files];
        for f in findings {
            let Some(slot) = kept.get_mut(f.file as usize) else { continue };
            if *slot < limit {
                *slot += 1;
                out.findings.push(f);
            }
        }
        for (file, &reported) in per_file.iter().enumerate().filter(|(_, n)| **n > limit) {
            out.overflows.push(Overflow { file: file as u32, reported, kept: limit });
        }
    }

    /// Project-level findings of `rules` (indices of project-level rules), once per scan.
    pub fn scan_project(&self, files: &[&str], rules: &[u32], scope: &CallScope) -> Result<ScanOutput, PackError> {
        let max_message = self.limits.max_message_bytes;
        let input = files.iter().map(|f| f.len()).sum();
        let mut out = self.with_instance(|b, s, target| b.scan_project(s, target, files, rules, max_message), scope, |_| {}, input)?;
        // Project-level findings have no file: all count as one (index 0).
        for f in &mut out.findings {
            f.file = 0;
        }
        self.keep_most_severe(&mut out, 1);
        Ok(out)
    }
}

/// `s` cut to at most `max` bytes on a character boundary, an ellipsis marking the cut.
pub(crate) fn truncate(mut s: String, max: usize) -> String {
    if s.len() > max {
        // The ellipsis counts against the limit: the result is at most `max` bytes.
        let mut cut = max.saturating_sub('…'.len_utf8());
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push('…');
    }
    s
}

/// A finding as a pack reported it, held to the host's bounds: positions at least 1, the
/// message cut, and a fix whose replacement is over the limit dropped (a cut replacement
/// would be a wrong fix).
pub(crate) fn bounded_finding(mut f: RawFinding, fix: Option<(String, String)>, max_message: usize) -> RawFinding {
    f.line = f.line.max(1);
    f.column = f.column.max(1);
    f.end_line = f.end_line.max(f.line);
    f.end_column = f.end_column.max(1);
    f.message = truncate(f.message, max_message);
    f.fix = fix
        .filter(|(_, replacement)| replacement.len() <= MAX_FIX_REPLACEMENT_BYTES)
        .map(|(description, replacement)| Fix { description: truncate(description, max_message), replacement });
    f
}

#[cfg(test)]
#[test]
fn long_messages_are_truncated_on_a_char_boundary() {
    let msg = "é".repeat(3000);
    let t = truncate(msg, DEFAULT_MAX_MESSAGE_BYTES);
    assert!(t.len() <= DEFAULT_MAX_MESSAGE_BYTES, "{}", t.len());
    assert!(t.ends_with('…'));
    assert_eq!(truncate("short".into(), 10), "short");
}
