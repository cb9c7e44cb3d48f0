//! What every handler shares: the server's settings and limits, the loaded config and
//! pack files (reloaded with `--reload`), each tenant's packs by store revision, and the
//! pack sets built from them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sentra_engine::config::RawConfig;
use sentra_engine::{Catalog, Config, PackSet};
use tokio::sync::Semaphore;

pub use error::ApiError;

use crate::*;

/// How often pending approval requests past their time are marked expired.
pub const APPROVAL_SWEEP: Duration = Duration::from_secs(1);

/// Largest request body (bytes). Larger bodies get 413.
pub const DEFAULT_MAX_BODY_BYTES: usize = 32 << 20;
/// Largest pack component `POST /api/packs/import` takes (a componentize-py pack is about
/// 36 MB): the largest component the runtime compiles, plus room for the request.
pub const DEFAULT_MAX_UPLOAD_BYTES: usize = sentra_runtime::MAX_COMPONENT_BYTES + (1 << 20);

/// Longest query string (bytes). Longer ones get 400 `query_too_long`: no filter, id or
/// path the API takes comes close, and a long one is a mistake or a probe.
pub const DEFAULT_MAX_QUERY_BYTES: usize = 4 << 10;

/// Most inline files one request may carry.
pub const DEFAULT_MAX_INLINE_FILES: usize = 10_000;

/// Scans that run at once; more wait for a slot.
pub const DEFAULT_MAX_CONCURRENT_SCANS: usize = 2;

/// How long a scan waits for a slot before the request gets 503.
pub const DEFAULT_QUEUE_WAIT: Duration = Duration::from_secs(30);

/// Longest a scan may run before it is cancelled (503).
pub const DEFAULT_SCAN_TIMEOUT: Duration = Duration::from_secs(300);

/// Server settings; each limit has a `DEFAULT_*` constant above.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// The workspace relative `repo_path`s resolve against, and the only tree scans may read.
    pub root: PathBuf,
    pub max_body_bytes: usize,
    /// Largest component upload (`POST /api/packs/import` as `application/wasm`).
    pub max_upload_bytes: usize,
    pub max_query_bytes: usize,
    pub max_inline_files: usize,
    pub max_concurrent_scans: usize,
    pub queue_wait: Duration,
    pub scan_timeout: Duration,
    /// Where the state database lives (`<root>/.sentra` unless overridden); with a
    /// database URL, what stays local to this replica (the scan cache, compiled packs).
    pub state_dir: PathBuf,
    /// `--database-url`: a PostgreSQL database shared by replicas, instead of SQLite in
    /// the state directory.
    pub database_url: Option<String>,
    /// How long a queued scan's claim lasts unless renewed (`--scan-lease`).
    pub scan_lease: Duration,
    /// Which git repositories queued scans may clone (`--scan-git-allow`), and the bounds.
    pub scan_git: sentra_app::git_clone::GitPolicy,
    /// Bound to a loopback address only (no key configured: the server is open).
    pub loopback: bool,
    /// `GUARD_API_KEY`: one admin key for simple setups.
    pub env_api_key: Option<String>,
    /// Requests per minute per key or IP; 0 turns the limit off.
    pub rate_limit_per_minute: u32,
    /// Read files with more than one hard link in scans (off: a hard link inside the root
    /// to a file outside it would otherwise be read).
    pub allow_hard_links: bool,
    /// Connection caps and the header-read timeout of the accept loop.
    pub connections: crate::listen::ConnectionLimits,
    /// `--tenants-root DIR`: tenant `t`'s workspace is `DIR/t` unless the config maps it.
    pub tenants_root: Option<PathBuf>,
    /// Development mode: re-read the config and pack files when they change on disk.
    /// Otherwise they are read once, at start.
    pub reload: bool,
    /// Browser origins (`https://host[:port]`) allowed to call the API across origins
    /// (CORS); none by default.
    pub cors_origins: Vec<String>,
}

impl ServerConfig {
    pub fn new(root: PathBuf) -> Self {
        Self {
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            max_query_bytes: DEFAULT_MAX_QUERY_BYTES,
            max_inline_files: DEFAULT_MAX_INLINE_FILES,
            max_concurrent_scans: DEFAULT_MAX_CONCURRENT_SCANS,
            queue_wait: DEFAULT_QUEUE_WAIT,
            scan_timeout: DEFAULT_SCAN_TIMEOUT,
            state_dir: sentra_store::state_dir(&root, None),
            database_url: None,
            scan_lease: crate::queue::DEFAULT_SCAN_LEASE,
            scan_git: sentra_app::git_clone::GitPolicy::default(),
            loopback: true,
            env_api_key: None,
            rate_limit_per_minute: auth::DEFAULT_RATE_LIMIT_PER_MINUTE,
            reload: false,
            allow_hard_links: false,
            tenants_root: None,
            connections: crate::listen::ConnectionLimits::default(),
            cors_origins: Vec::new(),
            root,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    pub(crate) config: ServerConfig,
    /// `config.root`, canonical (symlinks resolved).
    pub(crate) root: PathBuf,
    pub(crate) catalog: Catalog,
    pub(crate) started: Instant,
    pub(crate) scans: Semaphore,
    /// Streamed scans stopped because their client went away.
    pub(crate) scans_cancelled: AtomicU64,
    pub(crate) loaded: std::sync::RwLock<Arc<Loaded>>,
    /// The state database (keys, custom packs).
    pub(crate) store: Arc<dyn sentra_store::Storage>,
    /// Serialises config file updates.
    pub(crate) config_write: Mutex<()>,
    /// Each tenant's packs, as of a store revision.
    pub(crate) tenants: Mutex<HashMap<String, Arc<packs::TenantPacks>>>,
    /// The state directory, canonical, never scanned (see [`ScanOptions::skip_dirs`]).
    pub(crate) state_dir: Option<PathBuf>,
    pub(crate) auth: Arc<auth::Auth>,
}

/// The config and the config's pack files the server runs with; replaced as a whole when
/// `--reload` sees a change, so a scan keeps the set it started with.
pub(crate) struct Loaded {
    /// The config file's values as written: what operator changes are layered over.
    pub(crate) file: serde_json::Value,
    /// The operator's values: the file, the operator's stored changes, then `GUARD_*`.
    pub(crate) operator: serde_json::Value,
    pub(crate) origin: String,
    pub(crate) config: Config,
    pub(crate) extra: Vec<Arc<sentra_runtime::LoadedPack>>,
    /// The built-in packs zero-config chose for each workspace (used when `standards_packs`
    /// is unset), by workspace root; `None` is a tenant without one.
    pub(crate) detected: Mutex<HashMap<Option<PathBuf>, Arc<Vec<String>>>>,
    pub(crate) fingerprint: Vec<(PathBuf, Option<(std::time::SystemTime, u64)>)>,
    /// Pack sets by pack selection, so a request does not reload packs.
    pub(crate) pack_sets: Mutex<HashMap<String, Arc<PackSet>>>,
    /// `GET /rules` before filters, by tenant and pack revision: the effective rules only
    /// change with the config (a new `Loaded`) or the tenant's packs and overrides.
    pub(crate) rules: Mutex<HashMap<String, CachedRules>>,
    /// Each tenant's effective settings, as of a settings revision.
    pub(crate) tenant_views: Mutex<HashMap<String, Arc<TenantView>>>,
    /// The operator's stored changes this was built with, and the store's settings
    /// revision at which they were last found unchanged: another replica's operator change
    /// is seen on the next request here ([`AppState::current`]).
    pub(crate) operator_stored: Option<serde_json::Value>,
    pub(crate) settings_checked: std::sync::atomic::AtomicI64,
}

/// What one tenant runs with: the operator's values under its own stored settings.
pub(crate) struct TenantView {
    /// The store's settings revision it was built at.
    pub(crate) revision: i64,
    pub(crate) raw: RawConfig,
    /// Checked, with the tenant's sandbox limits.
    pub(crate) config: Config,
}

/// The effective rules of a tenant, and the unfiltered `GET /rules` body ready to send.
#[derive(Clone)]
pub(crate) struct CachedRules {
    pub(crate) all: Arc<Vec<crate::rules::RuleEntry>>,
    pub(crate) body: axum::body::Bytes,
}

/// What `--reload` watches: the config file candidates and the configured pack files.
pub(crate) fn fingerprint(root: &Path, pack_files: &[PathBuf]) -> Vec<(PathBuf, Option<(std::time::SystemTime, u64)>)> {
    sentra_engine::config::CONFIG_FILES
        .iter()
        .map(|f| root.join(f))
        .chain(pack_files.iter().cloned())
        .map(|p| {
            let meta = std::fs::metadata(&p).ok().and_then(|m| Some((m.modified().ok()?, m.len())));
            (p, meta)
        })
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{path}: the server root does not exist or is not a directory")]
    Root { path: PathBuf },
    #[error(transparent)]
    Config(#[from] sentra_engine::ConfigError),
    #[error(transparent)]
    Packs(#[from] sentra_engine::CatalogError),
    #[error(transparent)]
    Store(#[from] sentra_store::StoreError),
    #[error("settings: {0}")]
    Settings(String),
    #[error("{0}")]
    Workspace(String),
}

impl AppState {
    /// Checks the root and loads the default packs, so a broken setup fails at start.
    pub fn new(config: ServerConfig, catalog: Catalog) -> Result<Arc<Self>, StartError> {
        let root = config.root.canonicalize().ok().filter(|p| p.is_dir()).ok_or_else(|| StartError::Root { path: config.root.clone() })?;
        let store = sentra_store::open(config.database_url.as_deref(), &config.state_dir)?;
        // The CLI acting on this state checks approved config changes against this root's config.
        store.set_server_root(&root)?;
        upgrade_settings(store.as_ref(), &root)?;
        let state_dir = config.state_dir.canonicalize().ok();
        let loaded = load(&root, config.tenants_root.as_deref(), &catalog, store.as_ref(), &state_dir.iter().cloned().collect::<Vec<_>>())?;
        let auth = Arc::new(auth::Auth::new(store.clone(), config.env_api_key.as_deref(), config.loopback, config.rate_limit_per_minute));
        let state = Arc::new(Self {
            auth,
            store,
            tenants: Mutex::new(HashMap::new()),
            config_write: Mutex::new(()),
            scans: Semaphore::new(config.max_concurrent_scans.max(1)),
            started: Instant::now(),
            scans_cancelled: AtomicU64::new(0),
            state_dir: state_dir.clone(),
            config,
            loaded: std::sync::RwLock::new(Arc::new(loaded)),
            root,
            catalog,
        });
        let current = state.loaded.read().expect("loaded config").clone();
        // A config file that names a pack or rule nobody has would fail every scan: refuse
        // to start instead, naming the file and the key.
        let known = state.known_packs(&current, sentra_model::DEFAULT_TENANT).map_err(|e| StartError::Settings(e.detail))?;
        let mut problems = sentra_app::packs::pack_ref_problems(&current.file, &known);
        problems.extend(current.config.unmatched_suppressions(known.values().flatten().map(String::as_str)));
        // A sentra config's unknown suppression only matches nothing: not worth refusing to start.
        problems.retain(|(key, _)| current.config.is_migrated() || !key.starts_with("suppressions"));
        if let Some((key, message)) = current.config.settle_rule_problems(problems).into_iter().next() {
            return Err(StartError::Settings(format!("{}: `{key}`: {message}", current.origin)));
        }
        state.pack_set(&current, "base", &current.config, Vec::new())?;
        Ok(state)
    }

    /// Every pack `tenant` has (built-in, config `pack_files`, and its own, enabled or not)
    /// with its rule ids: what its settings may name.
    pub(crate) fn known_packs(&self, loaded: &Loaded, tenant: &str) -> Result<BTreeMap<String, BTreeSet<String>>, ApiError> {
        let rules = |p: &sentra_runtime::LoadedPack| (p.info().id.clone(), p.info().rules.iter().map(|r| r.id.clone()).collect());
        let mut known: BTreeMap<String, BTreeSet<String>> = self.base_packs(loaded)?.iter().map(|p| rules(p)).collect();
        known.extend(self.tenant_packs(loaded, tenant)?.custom.iter().map(|(_, p)| rules(p)));
        Ok(known)
    }

    /// An admin key, created (and returned, once) when the server is reachable from other
    /// hosts and no key is configured.
    pub fn bootstrap_admin_key(&self) -> Result<Option<String>, sentra_store::StoreError> {
        self.auth.bootstrap_admin_key()
    }

    /// The config and packs to use now; with `--reload`, re-read first when a watched
    /// file changed (a broken file is an error naming it, and the next request retries).
    pub(crate) fn current(&self) -> Result<Arc<Loaded>, ApiError> {
        let current = self.loaded.read().expect("loaded config").clone();
        let file_changed = self.config.reload && fingerprint(&self.root, &current.config.pack_file_paths(&self.root)) != current.fingerprint;
        if !file_changed && !self.operator_changed(&current)? {
            return Ok(current);
        }
        let fresh = self.reload_now()?;
        if file_changed {
            tracing::info!(origin = %fresh.origin, packs = fresh.extra.len(), "reloaded the config and pack files");
            sentra_app::packs::audit_trust_reload(self.store.as_ref(), &current.config, &fresh.config);
        } else {
            // The replica that made the change audited it.
            tracing::info!("reloaded the operator's settings, changed through another replica");
        }
        Ok(fresh)
    }

    /// Whether the operator's stored changes differ from those `loaded` was built with
    /// (one read of the settings revision; the stored document only when it moved).
    fn operator_changed(&self, loaded: &Loaded) -> Result<bool, ApiError> {
        use std::sync::atomic::Ordering;
        let internal = |e: sentra_store::StoreError| ApiError::internal(e.to_string());
        let revision = self.store.settings_revision().map_err(internal)?;
        if revision == loaded.settings_checked.load(Ordering::Relaxed) {
            return Ok(false);
        }
        let stored = self.store.settings(sentra_store::SettingsScope::Operator).map_err(internal)?;
        if stored == loaded.operator_stored {
            loaded.settings_checked.store(revision, Ordering::Relaxed);
            return Ok(false);
        }
        Ok(true)
    }

    /// Directories the server never reads on a config's behalf: its state directory
    /// (reading the database as a pack would drop SQLite's locks; see [`ScanOptions::skip_dirs`]).
    pub(crate) fn forbidden_dirs(&self) -> Vec<PathBuf> {
        self.state_dir.iter().cloned().collect()
    }

    /// Re-reads the config now (after an operator change), whatever `--reload` says.
    pub(crate) fn reload_now(&self) -> Result<Arc<Loaded>, ApiError> {
        let fresh =
            Arc::new(load(&self.root, self.config.tenants_root.as_deref(), &self.catalog, self.store.as_ref(), &self.forbidden_dirs()).map_err(|e| {
                let mut err = ApiError::internal(format!("reloading the server config: {e}"));
                err.code = "config_error";
                err
            })?);
        *self.loaded.write().expect("loaded config") = fresh.clone();
        self.tenants.lock().expect("tenant packs").clear();
        Ok(fresh)
    }

    /// What `tenant` runs with now: the operator's values under the tenant's stored
    /// settings, rebuilt when any settings changed in the store.
    pub(crate) fn tenant_config(&self, loaded: &Loaded, tenant: &str) -> Result<Arc<TenantView>, ApiError> {
        let internal = |e: &dyn std::fmt::Display| ApiError::internal(e.to_string());
        let revision = self.store.settings_revision().map_err(|e| internal(&e))?;
        if let Some(v) = loaded.tenant_views.lock().expect("tenant views").get(tenant).filter(|v| v.revision == revision) {
            return Ok(v.clone());
        }
        let values = sentra_app::settings::tenant_values(self.store.as_ref(), &loaded.operator, tenant).map_err(|e| internal(&e))?;
        let origin = format!("settings of tenant `{tenant}`");
        let broken = |e: &dyn std::fmt::Display| {
            let mut err = ApiError::internal(format!("{origin}: {e}"));
            err.code = "config_error";
            err
        };
        let raw: RawConfig = serde_json::from_value(values).map_err(|e| broken(&e))?;
        let config = Config::from_raw(raw.clone(), &origin).map_err(|e| broken(&e))?.for_tenant(tenant);
        let view = Arc::new(TenantView { revision, raw, config });
        loaded.tenant_views.lock().expect("tenant views").insert(tenant.to_string(), view.clone());
        Ok(view)
    }

    /// The workspace of `tenant`, canonical, or 403 `no_workspace`.
    pub(crate) fn workspace(&self, loaded: &Loaded, tenant: &str) -> Result<PathBuf, ApiError> {
        crate::workspace::require(self.workspace_of(loaded, tenant), tenant)
    }

    fn workspace_of(&self, loaded: &Loaded, tenant: &str) -> Option<PathBuf> {
        crate::workspace::root_of(&self.root, self.config.tenants_root.as_deref(), &loaded.config, tenant)
    }

    /// Zero-config: the packs that fit what `tenant`'s workspace is made of (for a tenant
    /// without one, the packs every tree gets), detected once per workspace.
    pub(crate) fn detected(&self, loaded: &Loaded, tenant: &str) -> Arc<Vec<String>> {
        let root = self.workspace_of(loaded, tenant);
        if let Some(d) = loaded.detected.lock().expect("detected packs").get(&root) {
            return d.clone();
        }
        let found = Arc::new(match &root {
            Some(r) => sentra_engine::detect::detect(r, &loaded.config, &self.catalog.ids()).pack_ids(),
            None => sentra_engine::detect::always_on(&self.catalog.ids()).pack_ids(),
        });
        loaded.detected.lock().expect("detected packs").insert(root, found.clone());
        found
    }

    /// A loaded pack set, cached under `key` (which must name everything that selects it).
    pub(crate) fn pack_set(
        &self,
        loaded: &Loaded,
        key: &str,
        config: &Config,
        tenant_extra: Vec<Arc<sentra_runtime::LoadedPack>>,
    ) -> Result<Arc<PackSet>, sentra_engine::CatalogError> {
        let key = format!("{key}|{:?}", config.standards_packs);
        if let Some(set) = loaded.pack_sets.lock().expect("pack set cache").get(&key) {
            return Ok(set.clone());
        }
        let mut extra = loaded.extra.clone();
        extra.extend(tenant_extra);
        let set = Arc::new(self.catalog.load_with(config, extra)?);
        let mut cache = loaded.pack_sets.lock().expect("pack set cache");
        // Old tenant revisions pile up otherwise.
        if cache.len() > 256 {
            cache.retain(|k, _| k.starts_with("base|"));
        }
        cache.insert(key, set.clone());
        Ok(set)
    }

    /// Every built-in (and config `pack_files`) pack, loaded.
    pub(crate) fn base_packs(&self, loaded: &Loaded) -> Result<Vec<Arc<sentra_runtime::LoadedPack>>, ApiError> {
        let mut all = loaded.config.clone();
        all.standards_packs = None;
        let set = self.pack_set(loaded, "base-all", &all, Vec::new()).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(set.packs.iter().map(|p| p.pack.clone()).collect())
    }

    /// A tenant's packs as of the store's current revision (reloaded when another request
    /// or `sentra pack ...` changed them).
    pub(crate) fn tenant_packs(&self, loaded: &Loaded, tenant: &str) -> Result<Arc<packs::TenantPacks>, ApiError> {
        let revision = self.store.packs_revision().map_err(|e| ApiError::internal(e.to_string()))?;
        let config = loaded.config.for_tenant(tenant);
        // A change of the trust policy judges the stored packs again.
        if let Some(t) = self.tenants.lock().expect("tenant packs").get(tenant).filter(|t| t.revision == revision && t.trust == config.pack_trust) {
            return Ok(t.clone());
        }
        let fresh =
            Arc::new(packs::TenantPacks::load(&self.catalog, self.store.as_ref(), &config, tenant, revision).map_err(|e| ApiError::internal(e.to_string()))?);
        self.tenants.lock().expect("tenant packs").insert(tenant.to_string(), fresh.clone());
        Ok(fresh)
    }

    /// The pack set a tenant's scan runs with; `exact` when the request named its packs
    /// (then packs turned on but not named stay out).
    pub(crate) fn tenant_pack_set(&self, loaded: &Loaded, tenant: &str, config: &Config, exact: bool) -> Result<Arc<PackSet>, ApiError> {
        let t = self.tenant_packs(loaded, tenant)?;
        let detected = self.detected(loaded, tenant);
        let (ids, extra) = t.selection(config.standards_packs.as_ref(), &detected, exact);
        // A named pack the trust policy refuses fails the scan (closed), saying why.
        if let Some((id, reason)) = t.untrusted.iter().find(|(id, _)| ids.contains(id)) {
            return Err(ApiError::new(
                axum::http::StatusCode::CONFLICT,
                "untrusted_pack",
                format!("pack `{id}` is named in standards_packs but does not run: {reason}"),
            ));
        }
        // `pack_files` packs are always there unless named away.
        let mut config = config.clone();
        let mut ids = ids;
        if config.standards_packs.is_none() {
            ids.extend(loaded.extra.iter().map(|p| p.info().id.clone()));
        }
        config.standards_packs = Some(ids);
        self.pack_set(loaded, &format!("{tenant}|{}", t.revision), &config, extra).map_err(|e| match e {
            sentra_engine::CatalogError::UnknownPack { .. } => {
                ApiError::invalid(&["body", "config_overrides", "standards_packs"], e.to_string(), "value_error")
            }
            other => ApiError::internal(other.to_string()),
        })
    }
}

/// Upgrade step: tenant settings a config file held before they moved to the store become
/// the `default` tenant's (once per state directory); and a note for each tenant key of the
/// file that the `default` tenant's own setting shadows.
fn upgrade_settings(store: &dyn sentra_store::Storage, root: &Path) -> Result<(), StartError> {
    let path = sentra_engine::config_edit::config_path(root);
    let file = sentra_engine::config_edit::file_values(&path)?;
    let shown = sentra_app::settings::shown_path(root);
    match sentra_app::settings::import_file_tenant_settings(store, &file) {
        Ok(keys) if !keys.is_empty() => tracing::info!(
            keys = %keys.join(", "),
            "imported the tenant settings of {shown} as tenant `default`'s stored settings (now changed with POST /api/config); \
             for other tenants the file's values are defaults"
        ),
        Ok(_) => {}
        Err(e) => return Err(StartError::Settings(e.to_string())),
    }
    for key in sentra_app::settings::shadowed_file_keys(store, &file, sentra_app::DEFAULT_TENANT) {
        tracing::warn!("`{key}` in {shown} is a default only: tenant `default` has its own (see GET /api/config)");
    }
    Ok(())
}

/// Reads the operator's values (the config under `root`, the operator's stored changes,
/// then `GUARD_*`) and loads its pack files, which must lie inside the root and outside
/// `forbidden` (the state directory).
pub(crate) fn load(
    root: &Path,
    tenants_root: Option<&Path>,
    catalog: &Catalog,
    store: &dyn sentra_store::Storage,
    forbidden: &[PathBuf],
) -> Result<Loaded, StartError> {
    let origin = sentra_app::settings::shown_path(root);
    // Read before the values: a change made in between is seen on the next request.
    let settings_revision = store.settings_revision().map_err(|e| StartError::Settings(e.to_string()))?;
    let operator_stored = store.settings(sentra_store::SettingsScope::Operator).map_err(|e| StartError::Settings(e.to_string()))?;
    let file = sentra_engine::config_edit::file_values(&sentra_engine::config_edit::config_path(root))?;
    let operator = sentra_app::settings::operator_values(Some(store), root).map_err(|e| StartError::Settings(e.to_string()))?;
    let raw: RawConfig = serde_json::from_value(operator).map_err(|e| sentra_engine::ConfigError::Parse { path: origin.clone(), message: e.to_string() })?;
    let raw = sentra_engine::config::apply_env(raw, |k| std::env::var(k).ok())?;
    let operator = serde_json::to_value(&raw).map_err(|e| StartError::Settings(e.to_string()))?;
    let config = Config::from_raw(raw.clone(), &origin)?;
    crate::workspace::check_no_overlap(root, tenants_root, &config)?;
    let paths = config.confined_pack_files(root, forbidden)?;
    let mut extra = Vec::new();
    for path in &paths {
        let file = catalog.load_file(path, &config)?;
        for w in &file.warnings {
            tracing::warn!("{}: {w}", path.display());
        }
        extra.push(file.pack);
    }
    Ok(Loaded {
        fingerprint: fingerprint(root, &paths),
        file,
        operator,
        origin,
        config,
        extra,
        detected: Mutex::new(HashMap::new()),
        pack_sets: Mutex::new(HashMap::new()),
        rules: Mutex::new(HashMap::new()),
        tenant_views: Mutex::new(HashMap::new()),
        operator_stored,
        settings_checked: std::sync::atomic::AtomicI64::new(settings_revision),
    })
}
