//! `sentra serve`: the REST API over the scan engine.
//!
//! Scans run on blocking threads behind a semaphore (a bounded pool: a request that
//! cannot get a slot in time gets 503 with `Retry-After`) and under a time limit. Every
//! error is the JSON shape of [`error::ApiError`]; `repo_path` is confined to the root.

pub mod auth;
mod approvals;
pub mod compliance;
pub mod devops;
mod docs;
mod openapi;
mod strict_json;
pub mod history;
pub mod settings;
pub mod packs;
pub mod scan_cache;
pub mod error;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, Extension, Query, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use sentra_engine::config::RawConfig;
use sentra_engine::{Catalog, Config, GateResult, PackSet, ScanError, ScanOptions, ScanResult, Source};
use sentra_runtime::Severity;
use sentra_store::Storage as _;
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;

pub use auth::{Permission, Principal};
pub use error::{ApiError, ErrorBody, FieldError};

/// The OpenAPI document, generated from the handlers and their types.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "sentra", description = "Compliance and security scanning with sandboxed WebAssembly rule packs."),
    paths(health, scan, gate, report, rules, scan_stream, packs::list, packs::create, packs::import, packs::export,
        packs::get_overrides, packs::set_overrides, packs::enable, packs::disable, packs::delete, audit_log, audit_verify,
        history::findings, history::metrics, history::trends, history::license,
        history::list_suppressions, history::add_suppression, history::delete_suppression,
        settings::get_config, settings::post_config, settings::validate, settings::get_governance, settings::post_governance,
        approvals::list, approvals::create, approvals::get, approvals::status, approvals::resolve,
        devops::work_items, devops::reconcile_endpoint, devops::status, devops::test_connection, devops::check_coverage, devops::generate_reqs, compliance::compliance),
    components(schemas(ErrorBody, FieldError)),
    modifiers(&SecurityAddon),
    tags((name = "core", description = "Scanning, gating and rules"), (name = "packs", description = "Packs at runtime, per tenant"), (name = "audit", description = "The hash-chained audit log"), (name = "findings", description = "Recorded scans: findings, metrics, trends"), (name = "config", description = "The server's config"), (name = "approvals", description = "Human review"), (name = "devops", description = "Work items and reconciliation"))
)]
pub struct ApiDoc;

/// Declares the API-key schemes and, on every protected operation (from
/// [`auth::ROUTES`]), the security requirement, the permission it needs and the
/// 401/403/429 answers.
struct SecurityAddon;

impl utoipa::Modify for SecurityAddon {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
        use utoipa::openapi::{RefOr, ResponseBuilder};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme("api_key", SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))));
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
        let error = |desc: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(desc)
                    .content("application/json", utoipa::openapi::ContentBuilder::new().schema(Some(utoipa::openapi::Ref::from_schema_name("Error"))).build())
                    .build(),
            )
        };
        for (path, item) in doc.paths.paths.iter_mut() {
            for (method, op) in [("GET", &mut item.get), ("POST", &mut item.post), ("DELETE", &mut item.delete), ("PUT", &mut item.put), ("PATCH", &mut item.patch)] {
                let Some(op) = op.as_mut() else { continue };
                // The answers the shared layers give any operation: a malformed path or
                // query (400), a body that fails validation (422) or is too large (413),
                // and a failure inside the server (500), all in the one error shape.
                let takes_input = op.parameters.as_ref().is_some_and(|p| !p.is_empty()) || op.request_body.is_some();
                let responses = &mut op.responses.responses;
                if takes_input {
                    responses.entry("400".into()).or_insert_with(|| error("Malformed request (path, query or body)"));
                    responses.entry("422".into()).or_insert_with(|| error("Validation failed: `errors` names each field"));
                }
                if op.request_body.is_some() {
                    responses.entry("413".into()).or_insert_with(|| error("The body exceeds the server's limit"));
                }
                if path != "/health" {
                    responses.entry("500".into()).or_insert_with(|| error("Internal error"));
                }
                let Some(perm) = auth::route_permission(method, path) else { continue };
                op.security = Some(vec![SecurityRequirement::new("api_key", Vec::<String>::new()), SecurityRequirement::new("bearer", Vec::<String>::new())]);
                let note = format!("Requires permission `{}`.", perm.as_str());
                op.description = Some(match op.description.take().filter(|d| !d.trim().is_empty()) {
                    Some(d) => format!("{d}\n\n{note}"),
                    None => note,
                });
                op.responses.responses.insert("401".into(), error("Missing, invalid or revoked API key"));
                op.responses.responses.insert("403".into(), error("The key's role lacks the permission"));
                op.responses.responses.insert("429".into(), error("Rate limit exceeded (see Retry-After)"));
            }
        }
    }
}

/// The OpenAPI document as served at `/openapi.json` and committed as `schemas/openapi.json`.
pub fn openapi_json() -> String {
    use utoipa::OpenApi;
    let mut doc = ApiDoc::openapi();
    // The crate version, not the date of the build, so the committed copy stays stable.
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc.to_pretty_json().expect("the OpenAPI document serializes") + "\n"
}

async fn openapi_doc() -> ([(axum::http::HeaderName, &'static str); 1], String) {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], openapi_json())
}

/// How often pending approval requests past their time are marked expired.
pub const APPROVAL_SWEEP: Duration = Duration::from_secs(1);

/// Largest request body (bytes). Larger bodies get 413.
pub const DEFAULT_MAX_BODY_BYTES: usize = 32 << 20;
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
    pub max_query_bytes: usize,
    pub max_inline_files: usize,
    pub max_concurrent_scans: usize,
    pub queue_wait: Duration,
    pub scan_timeout: Duration,
    /// Where the state database lives (`<root>/.sentra` unless overridden).
    pub state_dir: PathBuf,
    /// Bound to a loopback address only (no key configured: the server is open).
    pub loopback: bool,
    /// `GUARD_API_KEY`: one admin key for simple setups.
    pub env_api_key: Option<String>,
    /// Requests per minute per key or IP; 0 turns the limit off.
    pub rate_limit_per_minute: u32,
    /// Development mode: re-read the config and pack files when they change on disk.
    /// Otherwise they are read once, at start.
    pub reload: bool,
}

impl ServerConfig {
    pub fn new(root: PathBuf) -> Self {
        Self {
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_query_bytes: DEFAULT_MAX_QUERY_BYTES,
            max_inline_files: DEFAULT_MAX_INLINE_FILES,
            max_concurrent_scans: DEFAULT_MAX_CONCURRENT_SCANS,
            queue_wait: DEFAULT_QUEUE_WAIT,
            scan_timeout: DEFAULT_SCAN_TIMEOUT,
            state_dir: sentra_store::state_dir(&root, None),
            loopback: true,
            env_api_key: None,
            rate_limit_per_minute: auth::DEFAULT_RATE_LIMIT_PER_MINUTE,
            reload: false,
            root,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    config: ServerConfig,
    /// `config.root`, canonical (symlinks resolved).
    root: PathBuf,
    catalog: Catalog,
    started: Instant,
    scans: Semaphore,
    /// Streamed scans stopped because their client went away.
    scans_cancelled: AtomicU64,
    loaded: std::sync::RwLock<Arc<Loaded>>,
    /// The state database (keys, custom packs).
    pub(crate) store: Arc<sentra_store::SqliteStore>,
    /// Serialises config file updates.
    config_write: Mutex<()>,
    /// Each tenant's packs, as of a store revision.
    tenants: Mutex<HashMap<String, Arc<packs::TenantPacks>>>,
    /// The state directory, canonical, never scanned (see [`ScanOptions::skip_dirs`]).
    state_dir: Option<PathBuf>,
    pub(crate) auth: Arc<auth::Auth>,
}

/// The config and the config's pack files the server runs with; replaced as a whole when
/// `--reload` sees a change, so a scan keeps the set it started with.
struct Loaded {
    raw: RawConfig,
    origin: String,
    config: Config,
    extra: Vec<Arc<sentra_runtime::LoadedPack>>,
    /// The built-in packs zero-config chose for the root (used when `standards_packs` is unset).
    detected: Vec<String>,
    fingerprint: Vec<(PathBuf, Option<(std::time::SystemTime, u64)>)>,
    /// Pack sets by pack selection, so a request does not reload packs.
    pack_sets: Mutex<HashMap<String, Arc<PackSet>>>,
    /// `GET /rules` before filters, by tenant and pack revision: the effective rules only
    /// change with the config (a new `Loaded`) or the tenant's packs and overrides.
    rules: Mutex<HashMap<String, CachedRules>>,
}

/// The effective rules of a tenant, and the unfiltered `GET /rules` body ready to send.
#[derive(Clone)]
struct CachedRules {
    all: Arc<Vec<RuleEntry>>,
    body: axum::body::Bytes,
}

/// What `--reload` watches: the config file candidates and the configured pack files.
fn fingerprint(root: &Path, pack_files: &[PathBuf]) -> Vec<(PathBuf, Option<(std::time::SystemTime, u64)>)> {
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
}

impl AppState {
    /// Checks the root and loads the default packs, so a broken setup fails at start.
    pub fn new(config: ServerConfig, catalog: Catalog) -> Result<Arc<Self>, StartError> {
        let root = config.root.canonicalize().ok().filter(|p| p.is_dir()).ok_or_else(|| StartError::Root { path: config.root.clone() })?;
        let store = Arc::new(sentra_store::SqliteStore::open(&config.state_dir)?);
        let auth = Arc::new(auth::Auth::new(store.clone(), config.env_api_key.as_deref(), config.loopback, config.rate_limit_per_minute));
        let state = Arc::new(Self {
            auth,
            store,
            tenants: Mutex::new(HashMap::new()),
            config_write: Mutex::new(()),
            scans: Semaphore::new(config.max_concurrent_scans.max(1)),
            started: Instant::now(),
            scans_cancelled: AtomicU64::new(0),
            state_dir: config.state_dir.canonicalize().ok(),
            config,
            loaded: std::sync::RwLock::new(Arc::new(load(&root, &catalog)?)),
            root,
            catalog,
        });
        let current = state.loaded.read().expect("loaded config").clone();
        state.pack_set(&current, "base", &current.config, Vec::new())?;
        Ok(state)
    }

    /// An admin key, created (and returned, once) when the server is reachable from other
    /// hosts and no key is configured.
    pub fn bootstrap_admin_key(&self) -> Result<Option<String>, sentra_store::StoreError> {
        self.auth.bootstrap_admin_key()
    }

    /// The config and packs to use now; with `--reload`, re-read first when a watched
    /// file changed (a broken file is an error naming it, and the next request retries).
    fn current(&self) -> Result<Arc<Loaded>, ApiError> {
        let current = self.loaded.read().expect("loaded config").clone();
        if !self.config.reload || fingerprint(&self.root, &current.config.pack_file_paths(&self.root)) == current.fingerprint {
            return Ok(current);
        }
        let fresh = Arc::new(load(&self.root, &self.catalog).map_err(|e| {
            let mut err = ApiError::internal(format!("reloading the server config: {e}"));
            err.code = "config_error";
            err
        })?);
        tracing::info!(origin = %fresh.origin, packs = fresh.extra.len(), "reloaded the config and pack files");
        *self.loaded.write().expect("loaded config") = fresh.clone();
        self.tenants.lock().expect("tenant packs").clear();
        Ok(fresh)
    }

    /// Re-reads the config now (after `POST /api/config`), whatever `--reload` says.
    fn reload_now(&self) -> Result<Arc<Loaded>, ApiError> {
        let fresh = Arc::new(load(&self.root, &self.catalog).map_err(|e| {
            let mut err = ApiError::internal(format!("reloading the server config: {e}"));
            err.code = "config_error";
            err
        })?);
        *self.loaded.write().expect("loaded config") = fresh.clone();
        self.tenants.lock().expect("tenant packs").clear();
        Ok(fresh)
    }

    /// A loaded pack set, cached under `key` (which must name everything that selects it).
    fn pack_set(
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
    fn base_packs(&self, loaded: &Loaded) -> Result<Vec<Arc<sentra_runtime::LoadedPack>>, ApiError> {
        let mut all = loaded.config.clone();
        all.standards_packs = None;
        let set = self.pack_set(loaded, "base-all", &all, Vec::new()).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(set.packs.iter().map(|p| p.pack.clone()).collect())
    }

    /// A tenant's packs as of the store's current revision (reloaded when another request
    /// or `sentra pack ...` changed them).
    fn tenant_packs(&self, loaded: &Loaded, tenant: &str) -> Result<Arc<packs::TenantPacks>, ApiError> {
        let revision = self.store.packs_revision().map_err(|e| ApiError::internal(e.to_string()))?;
        if let Some(t) = self.tenants.lock().expect("tenant packs").get(tenant).filter(|t| t.revision == revision) {
            return Ok(t.clone());
        }
        let fresh = Arc::new(
            packs::TenantPacks::load(&self.catalog, self.store.as_ref(), &loaded.config.for_tenant(tenant), tenant, revision)
                .map_err(|e| ApiError::internal(e.to_string()))?,
        );
        self.tenants.lock().expect("tenant packs").insert(tenant.to_string(), fresh.clone());
        Ok(fresh)
    }

    /// The pack set a tenant's scan runs with.
    fn tenant_pack_set(&self, loaded: &Loaded, tenant: &str, config: &Config) -> Result<Arc<PackSet>, ApiError> {
        let t = self.tenant_packs(loaded, tenant)?;
        let (ids, extra) = t.selection(config.standards_packs.as_ref(), &loaded.detected);
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

/// Reads the config under `root` and loads its pack files.
fn load(root: &Path, catalog: &Catalog) -> Result<Loaded, StartError> {
    let (raw, origin) = Config::load_raw(root, None)?;
    let config = Config::from_raw(raw.clone(), &origin)?;
    let paths = config.pack_file_paths(root);
    let mut extra = Vec::new();
    for path in &paths {
        let file = catalog.load_file(path, &config)?;
        for w in &file.warnings {
            tracing::warn!("{}: {w}", path.display());
        }
        extra.push(file.pack);
    }
    // Zero-config: without `standards_packs`, the packs that fit what the tree is made of.
    let detected = sentra_engine::detect::detect(root, &config, &catalog.ids()).pack_ids();
    Ok(Loaded { fingerprint: fingerprint(root, &paths), raw, origin, config, extra, detected, pack_sets: Mutex::new(HashMap::new()), rules: Mutex::new(HashMap::new()) })
}

/// The API router. Protected routes sit behind [`auth::guard`], which enforces the
/// permission [`auth::ROUTES`] gives each of them; `/health`, `/openapi.json` and the
/// documentation pages are public.
pub fn router(state: Arc<AppState>) -> Router {
    let (body_limit, query_limit) = (state.config.max_body_bytes, state.config.max_query_bytes);
    let protected = Router::new()
        .route("/scan", post(scan))
        .route("/gate", post(gate))
        .route("/rules", get(rules))
        .route("/report", post(report))
        .route("/api/run-scan-stream", post(scan_stream))
        .route("/api/config", get(settings::get_config).post(settings::post_config))
        .route("/api/config/validate", get(settings::validate))
        .route("/api/governance", get(settings::get_governance).post(settings::post_governance))
        .route("/api/findings", get(history::findings))
        .route("/api/suppressions", get(history::list_suppressions).post(history::add_suppression))
        .route("/api/suppressions/{id}", axum::routing::delete(history::delete_suppression))
        .route("/api/metrics", get(history::metrics))
        .route("/api/trends", get(history::trends))
        .route("/api/license", get(history::license))
        .route("/api/approvals", get(approvals::list).post(approvals::create))
        .route("/api/approvals/{id}", get(approvals::get).patch(approvals::resolve))
        .route("/api/approvals/{id}/status", get(approvals::status))
        .route("/api/work-items", get(devops::work_items))
        .route("/api/reconcile", post(devops::reconcile_endpoint))
        .route("/api/devops/status", get(devops::status))
        .route("/api/check-coverage", get(devops::check_coverage))
        .route("/api/generate-reqs", post(devops::generate_reqs))
        .route("/api/compliance/{pack_id}", get(compliance::compliance))
        .route("/api/devops/test-connection", post(devops::test_connection))
        .route("/api/audit", get(audit_log))
        .route("/api/audit/verify", get(audit_verify))
        .route("/api/packs", get(packs::list).post(packs::create))
        .route("/api/packs/import", post(packs::import))
        .route("/api/packs/{id}", axum::routing::delete(packs::delete))
        .route("/api/packs/{id}/export", get(packs::export))
        .route("/api/packs/{id}/overrides", get(packs::get_overrides).post(packs::set_overrides))
        .route("/api/packs/{id}/enable", post(packs::enable))
        .route("/api/packs/{id}/disable", post(packs::disable))
        .route_layer(middleware::from_fn_with_state(state.clone(), auth::guard));
    let app = Router::new()
        .merge(protected)
        .route("/health", get(health))
        .route("/openapi.json", get(openapi_doc))
        .merge(docs::routes());
    with_common_layers(app, body_limit, query_limit).with_state(state)
}

/// What every route gets: JSON 404/405, the body and query limits, panics as JSON 500,
/// the request id and the log line.
fn with_common_layers<S: Clone + Send + Sync + 'static>(app: Router<S>, body_limit: usize, query_limit: usize) -> Router<S> {
    app.fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(middleware::from_fn(move |req: Request, next: Next| async move {
            match req.uri().query() {
                Some(q) if q.len() > query_limit => ApiError::bad_request(
                    "query_too_long",
                    format!("the query string is {} bytes; the limit is {query_limit}", q.len()),
                )
                .into_response(),
                _ => next.run(req).await,
            }
        }))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(middleware::from_fn(request_log))
}

static REQUEST_IDS: AtomicU64 = AtomicU64::new(1);
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Echoes (or assigns) `x-request-id` and logs one line per request.
async fn request_log(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128)
        .map(str::to_string)
        .unwrap_or_else(|| format!("req-{}", REQUEST_IDS.fetch_add(1, Ordering::Relaxed)));
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    if let Ok(v) = HeaderValue::from_str(&id) {
        req.headers_mut().insert(REQUEST_ID, v.clone());
        let mut res = next.run(req).await;
        res.headers_mut().insert(REQUEST_ID, v);
        let (tenant, key) = res.extensions().get::<Principal>().map_or(("-", "-"), |p| (p.tenant.as_str(), p.key_id.as_str()));
        tracing::info!(%method, %path, status = res.status().as_u16(), latency_ms = started.elapsed().as_millis() as u64, request_id = %id, tenant, key, "request");
        return res;
    }
    next.run(req).await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
    pub packs_loaded: usize,
    pub uptime_s: u64,
    /// Streamed scans cancelled because the client disconnected.
    pub scans_cancelled: u64,
}

/// Liveness and what is loaded. No authentication.
#[utoipa::path(get, path = "/health", tag = "core", responses((status = 200, body = Health)))]
async fn health(State(state): State<Arc<AppState>>) -> Json<Health> {
    let loaded = state.loaded.read().expect("loaded config").clone();
    let key = format!("base|{:?}", loaded.config.standards_packs);
    let packs_loaded = loaded.pack_sets.lock().expect("pack set cache").get(&key).map_or(0, |s| s.packs.len());
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        packs_loaded,
        uptime_s: state.started.elapsed().as_secs(),
        scans_cancelled: state.scans_cancelled.load(Ordering::Relaxed),
    })
}

/// A scan request; every field is optional.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct ScanRequest {
    /// Directory to scan, relative to the server root (default: the root itself).
    pub repo_path: Option<String>,
    /// Relative path to contents, scanned in memory (takes precedence over `repo_path`).
    pub files: Option<BTreeMap<String, String>>,
    /// Only these relative paths.
    pub changed_files: Option<Vec<String>>,
    pub config_overrides: Option<ConfigOverrides>,
}

/// The scan-related config keys a request may override; any other key is 422.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigOverrides {
    pub standards_packs: Option<Vec<String>>,
    #[schema(value_type = Option<Vec<sentra_runtime::Severity>>)]
    pub gate_fail_on: Option<Vec<String>>,
    pub scan_exclude: Option<Vec<String>>,
    pub max_file_bytes: Option<u64>,
    /// Per-rule overrides by pack id then rule id (merged over the config file's);
    /// an unknown pack or rule is 422.
    pub pack_overrides: Option<BTreeMap<String, BTreeMap<String, sentra_engine::config::RawRuleOverride>>>,
}

/// A checked inline path: relative, `/`-separated, no `..`, NUL or drive prefix.
fn check_inline_path(p: &str) -> Result<(), String> {
    if p.is_empty() || p.contains('\0') {
        return Err("empty or contains NUL".into());
    }
    if p.starts_with('/') || p.starts_with('\\') || p.as_bytes().get(1) == Some(&b':') {
        return Err("must be relative".into());
    }
    if p.split(['/', '\\']).any(|seg| seg == ".." || seg.is_empty() || seg == ".") {
        return Err("must not contain `..`, `.` or empty segments".into());
    }
    Ok(())
}

/// `repo_path` resolved (symlinks too) and confined to the root.
fn resolve_repo(root: &Path, repo_path: Option<&str>) -> Result<PathBuf, ApiError> {
    let Some(raw) = repo_path else { return Ok(root.to_path_buf()) };
    if raw.contains('\0') {
        return Err(ApiError::bad_request("invalid_path", "repo_path contains NUL"));
    }
    let candidate = Path::new(raw);
    // Reject `..` before touching the disk: nothing outside the root is even stat'ed.
    if candidate.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(ApiError::bad_request("path_outside_root", format!("repo_path `{raw}` is outside the server root")));
    }
    let joined = if candidate.is_absolute() { candidate.to_path_buf() } else { root.join(candidate) };
    if !joined.starts_with(root) {
        return Err(ApiError::bad_request("path_outside_root", format!("repo_path `{raw}` is outside the server root")));
    }
    let resolved = joined
        .canonicalize()
        .map_err(|_| ApiError::bad_request("path_not_found", format!("repo_path `{raw}` does not exist")))?;
    if !resolved.starts_with(root) {
        return Err(ApiError::bad_request("path_outside_root", format!("repo_path `{raw}` is outside the server root")));
    }
    if !resolved.is_dir() {
        return Err(ApiError::bad_request("not_a_directory", format!("repo_path `{raw}` is not a directory")));
    }
    Ok(resolved)
}

struct Prepared {
    /// What was scanned, as the history shows it: the `repo_path`, or `inline files`.
    label: String,
    source: Source,
    config: Config,
    options_only: Option<BTreeSet<String>>,
}

/// The scan's config: the server's, then the tenant's stored rule overrides, then the
/// request's overrides.
fn prepare(
    state: &AppState,
    loaded: &Loaded,
    tenant: &str,
    tenant_overrides: BTreeMap<String, BTreeMap<String, sentra_engine::config::RawRuleOverride>>,
    req: ScanRequest,
) -> Result<Prepared, ApiError> {
    let (mut raw, origin) = (loaded.raw.clone(), loaded.origin.clone());
    if !tenant_overrides.is_empty() {
        let merged = raw.pack_overrides.get_or_insert_with(BTreeMap::new);
        for (pack, rules) in tenant_overrides {
            merged.entry(pack).or_default().extend(rules);
        }
    }
    if let Some(o) = req.config_overrides {
        if o.standards_packs.is_some() {
            raw.standards_packs = o.standards_packs;
        }
        if o.gate_fail_on.is_some() {
            raw.gate_fail_on = o.gate_fail_on;
        }
        if o.scan_exclude.is_some() {
            raw.scan_exclude = o.scan_exclude;
        }
        if o.max_file_bytes.is_some() {
            raw.max_file_bytes = o.max_file_bytes;
        }
        if let Some(overrides) = o.pack_overrides {
            let merged = raw.pack_overrides.get_or_insert_with(BTreeMap::new);
            for (pack, rules) in overrides {
                merged.entry(pack).or_default().extend(rules);
            }
        }
    }
    let config = Config::from_raw(raw, &origin).map_err(|e| match e {
        sentra_engine::ConfigError::Invalid { key, message, .. } => {
            ApiError::invalid(&["body", "config_overrides", &key], message, "value_error")
        }
        other => ApiError::invalid(&["body", "config_overrides"], other.to_string(), "value_error"),
    })?;
    let config = config.for_tenant(tenant);
    let label = if req.files.is_some() { "inline files".to_string() } else { req.repo_path.clone().unwrap_or_else(|| ".".into()) };
    let source = match req.files {
        Some(files) => {
            if files.len() > state.config.max_inline_files {
                return Err(ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too_many_files",
                    format!("{} inline files; the limit is {}", files.len(), state.config.max_inline_files),
                ));
            }
            let mut out = Vec::with_capacity(files.len());
            for (path, contents) in files {
                if let Err(msg) = check_inline_path(&path) {
                    return Err(ApiError::invalid(&["body", "files", &path], format!("invalid path: {msg}"), "value_error"));
                }
                if contents.len() as u64 > config.max_file_bytes {
                    return Err(ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "file_too_large",
                        format!("files.{path}: {} bytes; the limit is {}", contents.len(), config.max_file_bytes),
                    ));
                }
                out.push((path.replace('\\', "/"), contents.into_bytes()));
            }
            Source::Memory(out)
        }
        None => {
            let dir = resolve_repo(&state.root, req.repo_path.as_deref())?;
            if state.state_dir.as_ref().is_some_and(|s| dir.starts_with(s)) {
                return Err(ApiError::bad_request("path_outside_root", "repo_path is inside the server's state directory"));
            }
            Source::Directory(dir)
        }
    };
    if let Some(changed) = &req.changed_files {
        for (i, path) in changed.iter().enumerate() {
            if let Err(msg) = check_inline_path(path) {
                return Err(ApiError::invalid(&["body", "changed_files", &i.to_string()], format!("`{path}`: {msg}"), "value_error"));
            }
        }
    }
    Ok(Prepared { label, source, config, options_only: req.changed_files.map(|c| c.into_iter().collect()) })
}

/// Runs a scan on the blocking pool, under the concurrency bound and the time limit.
async fn run_scan(state: Arc<AppState>, tenant: &str, req: ScanRequest) -> Result<(ScanResult, Config), ApiError> {
    run_scan_with(state, tenant.to_string(), req, Arc::new(AtomicBool::new(false)), None).await
}

/// The server config and the tenant's packs, off the async threads (either may load packs).
async fn current_for(state: &Arc<AppState>, tenant: &str) -> Result<(Arc<Loaded>, Arc<packs::TenantPacks>), ApiError> {
    let (st, tenant) = (state.clone(), tenant.to_string());
    tokio::task::spawn_blocking(move || {
        let loaded = st.current()?;
        let packs = st.tenant_packs(&loaded, &tenant)?;
        Ok((loaded, packs))
    })
    .await
    .map_err(|e| ApiError::internal(format!("config task failed: {e}")))?
}

/// Progress callback of a streamed scan.
type ProgressFn = Box<dyn Fn(sentra_engine::scan::Progress) + Send + Sync>;

async fn run_scan_with(
    state: Arc<AppState>,
    tenant: String,
    req: ScanRequest,
    cancel: Arc<AtomicBool>,
    progress: Option<ProgressFn>,
) -> Result<(ScanResult, Config), ApiError> {
    let checked = check_scan(&state, &tenant, req).await?;
    run_checked_scan(state, tenant, checked, cancel, progress).await
}

/// A scan request checked against the current config and the tenant's packs.
struct CheckedScan {
    loaded: Arc<Loaded>,
    tenant_packs: Arc<packs::TenantPacks>,
    prepared: Prepared,
}

/// Validates a request (paths, inline files, overrides) before any scan slot is taken,
/// so the streaming endpoint can still answer a bad request with a 4xx status.
async fn check_scan(state: &Arc<AppState>, tenant: &str, req: ScanRequest) -> Result<CheckedScan, ApiError> {
    let (loaded, tenant_packs) = current_for(state, tenant).await?;
    // Overrides of rules are checked against the packs later; a pack named with no rules
    // under it would slip past that, so every named pack must exist.
    let named: Vec<&String> = req.config_overrides.iter().flat_map(|o| o.pack_overrides.iter().flat_map(|m| m.keys())).collect();
    for pack in named {
        let known = state.catalog.ids().contains(pack) || tenant_packs.records.iter().any(|r| &r.pack_id == pack);
        if !known {
            return Err(ApiError::invalid(&["body", "config_overrides", "pack_overrides", pack], format!("there is no pack `{pack}`"), "value_error"));
        }
    }
    let prepared = prepare(state, &loaded, tenant, tenant_packs.overrides(), req)?;
    Ok(CheckedScan { loaded, tenant_packs, prepared })
}

async fn run_checked_scan(
    state: Arc<AppState>,
    tenant: String,
    checked: CheckedScan,
    cancel: Arc<AtomicBool>,
    progress: Option<ProgressFn>,
) -> Result<(ScanResult, Config), ApiError> {
    let CheckedScan { loaded, tenant_packs, prepared } = checked;
    let permit = tokio::time::timeout(state.config.queue_wait, state.scans.acquire())
        .await
        .map_err(|_| {
            let mut e = ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "server_busy", "all scan slots are busy; retry later");
            e.retry_after = Some(5);
            e
        })?
        .map_err(|_| ApiError::internal("scan pool closed"))?;
    let timed_out = Arc::new(AtomicBool::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        let cancel = cancel.clone();
        let limit = state.config.scan_timeout;
        tokio::spawn(async move {
            tokio::time::sleep(limit).await;
            timed_out.store(true, Ordering::Relaxed);
            cancel.store(true, Ordering::Relaxed);
        })
    };
    let st = state.clone();
    let flag = cancel.clone();
    let joined = tokio::task::spawn_blocking(move || {
        let set = st.tenant_pack_set(&loaded, &tenant, &prepared.config)?;
        let mut known = st.catalog.ids();
        known.extend(tenant_packs.records.iter().map(|r| r.pack_id.clone()));
        let problems = set.check_overrides(&prepared.config, &known);
        if !problems.is_empty() {
            return Err(ApiError::invalid_many(
                problems.into_iter().map(|(key, msg)| {
                    let mut loc = vec!["body".to_string(), "config_overrides".to_string()];
                    loc.extend(key.split('.').map(str::to_string));
                    FieldError { loc, msg, kind: "value_error".into() }
                }),
            ));
        }
        let progress = progress.as_deref().map(|p| p as &(dyn Fn(sentra_engine::scan::Progress) + Sync));
        let skip_dirs = st.state_dir.iter().cloned().collect();
        let suppressions = history::api_suppressions(&st, &tenant)?;
        // Directory scans reuse what the packs reported for unchanged files, per tenant.
        let cache_key = match (&prepared.source, &st.state_dir) {
            (sentra_engine::Source::Directory(dir), Some(_)) => Some(format!("{tenant}\0{}", dir.display())),
            _ => None,
        };
        let cache = cache_key.as_ref().and_then(|key| scan_cache::StoredScanCache::load(st.state_dir.as_ref()?, key));
        let options = ScanOptions {
            only: prepared.options_only,
            cancel: Some(&flag),
            progress,
            skip_dirs,
            suppressions,
            today: None,
            cache: cache.as_ref().map(scan_cache::StoredScanCache::cache),
            timings: None,
        };
        let result = sentra_engine::scan(&prepared.source, &set, &prepared.config, &options);
        drop(options);
        if let (Some(cache), Ok(_)) = (cache, &result) {
            cache.save();
        }
        if let Ok(r) = &result {
            let passed = sentra_engine::gate_with(r, &prepared.config.gate_policy()).passed;
            history::record(&st, &tenant, &prepared.label, r, passed);
        }
        Ok::<_, ApiError>((result, prepared.config))
    })
    .await;
    timer.abort();
    drop(permit);
    let (result, config) = joined.map_err(|e| ApiError::internal(format!("scan task failed: {e}")))??;
    match result {
        Ok(r) => Ok((r, config)),
        Err(ScanError::Cancelled) if !timed_out.load(Ordering::Relaxed) => {
            Err(ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "scan_cancelled", "the scan was cancelled"))
        }
        Err(ScanError::Cancelled) => {
            let mut e = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "scan_timeout",
                format!("the scan exceeded its time limit of {:?}", state.config.scan_timeout),
            );
            e.retry_after = Some(30);
            Err(e)
        }
        Err(e) => Err(ApiError::bad_request("scan_failed", e.to_string())),
    }
}

pub(crate) type Body = Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>;

/// Scans a directory under the server root, or inline files, and returns the findings.
#[utoipa::path(post, path = "/scan", tag = "core", request_body(content = Option<ScanRequest>, description = "All fields optional; an empty body scans the root"),
    responses((status = 200, body = ScanResult), (status = 400, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 500, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn scan(State(state): State<Arc<AppState>>, Extension(p): Extension<Principal>, body: Body) -> Result<Json<ScanResult>, ApiError> {
    let req = error::parse_optional_body(body)?;
    Ok(Json(run_scan(state, &p.tenant, req).await?.0))
}

/// Scans and applies the gate: fails on findings at the `gate_fail_on` severities
/// (obligations never count) or on an errored pack.
#[utoipa::path(post, path = "/gate", tag = "core", request_body(content = Option<ScanRequest>, description = "As for /scan"),
    responses((status = 200, body = GateResult), (status = 400, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 500, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn gate(State(state): State<Arc<AppState>>, Extension(p): Extension<Principal>, body: Body) -> Result<Json<GateResult>, ApiError> {
    let req: ScanRequest = error::parse_optional_body(body)?;
    let target = if req.files.is_some() { "inline files".to_string() } else { req.repo_path.clone().unwrap_or_else(|| ".".into()) };
    let (result, config) = run_scan(state.clone(), &p.tenant, req).await?;
    let mut verdict = sentra_engine::gate_with(&result, &config.gate_policy());
    let key = approvals::findings_key(&result, &config.gate_fail_on);
    let (st, principal, t, failed) = (state.clone(), p.clone(), target.clone(), !verdict.passed);
    let (overridden, approval_id) = tokio::task::spawn_blocking(move || approvals::gate_review(&st, &principal, &t, &key, failed))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))??;
    verdict.approval_id = approval_id;
    if overridden && verdict.errored_packs.is_empty() {
        verdict.passed = true;
    }
    let details = serde_json::json!({"approval_id": verdict.approval_id,
        "passed": verdict.passed, "blocking": verdict.blocking, "total_findings": verdict.total_findings,
        "errored_packs": verdict.errored_packs, "fail_on": verdict.fail_on,
    });
    let outcome = if verdict.passed { "passed" } else { "failed" };
    tokio::task::spawn_blocking(move || {
        packs::audit(state.store.as_ref(), &p.tenant, &packs::Actor::from(&p), "gate", &target, details, outcome);
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Json(verdict))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// 1 to 1000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
    /// 0 or more (default 0).
    #[param(minimum = 0)]
    pub offset: Option<i64>,
    /// Only this action (`gate`, `pack.import`, ...).
    pub action: Option<String>,
    /// Only this actor (a key name).
    pub actor: Option<String>,
    /// Only entries at or after this RFC 3339 time.
    #[param(format = DateTime)]
    pub since: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditResponse {
    pub entries: Vec<sentra_store::AuditEntry>,
    pub total: usize,
}

/// The caller's tenant's audit log, newest first.
#[utoipa::path(get, path = "/api/audit", tag = "audit", params(AuditParams),
    responses((status = 200, body = AuditResponse), (status = 422, body = ErrorBody)))]
async fn audit_log(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    query: Result<Query<AuditParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<AuditResponse>, ApiError> {
    let q = history::query(query)?;
    let limit = history::range("limit", q.limit, 100, 1, 1000)?;
    let offset = history::range("offset", q.offset, 0, 0, i64::MAX)?;
    let since = match &q.since {
        None => None,
        Some(s) => {
            let t: jiff::Timestamp = s
                .parse()
                .map_err(|_| ApiError::invalid(&["query", "since"], format!("`{s}` is not an RFC 3339 time (2026-01-31T12:00:00Z)"), "value_error"))?;
            Some(t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        }
    };
    let query = sentra_store::AuditQuery { limit: limit as usize, offset: offset as usize, action: q.action, actor: q.actor, since };
    let (entries, total) = tokio::task::spawn_blocking(move || state.store.list_audit(&p.tenant, &query))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Json(AuditResponse { entries, total }))
}

/// Checks the caller's tenant's audit chain and says where it breaks.
#[utoipa::path(get, path = "/api/audit/verify", tag = "audit", responses((status = 200, body = sentra_store::AuditVerification)))]
async fn audit_verify(State(state): State<Arc<AppState>>, Extension(p): Extension<Principal>) -> Result<Json<sentra_store::AuditVerification>, ApiError> {
    let v = tokio::task::spawn_blocking(move || state.store.verify_audit(&p.tenant))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Json(v))
}

/// Sets the cancel flag when dropped: the SSE stream owns one, so a client that goes
/// away stops its scan.
struct CancelOnDrop {
    flag: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
    state: Arc<AppState>,
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if !self.done.load(Ordering::Relaxed) {
            self.flag.store(true, Ordering::Relaxed);
            self.state.scans_cancelled.fetch_add(1, Ordering::Relaxed);
            tracing::info!("streamed scan cancelled: the client disconnected");
        }
    }
}

/// Progress events are sent at most this often.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);
/// Keep-alive comment interval of the stream.
const HEARTBEAT: Duration = Duration::from_secs(5);

/// The scan of `POST /scan`, streamed as Server-Sent Events: `progress` (at most about 10
/// a second), `pack_error` (one per errored pack), then `complete` (the scan result) or
/// `error` (the error shape). A comment every 5 s keeps proxies from closing the stream;
/// disconnecting cancels the scan.
#[utoipa::path(post, path = "/api/run-scan-stream", tag = "core", request_body(content = Option<ScanRequest>, description = "As for /scan"),
    responses((status = 200, content_type = "text/event-stream", description = "`progress`, `pack_error`, `complete` or `error` events"),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn scan_stream(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    body: Body,
) -> Result<axum::response::sse::Sse<impl futures_util::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>>>, ApiError> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    let req: ScanRequest = error::parse_optional_body(body)?;
    let tenant = p.tenant.clone();
    let checked = check_scan(&state, &tenant, req).await?;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let cancel = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicBool::new(false));
    let guard = CancelOnDrop { flag: cancel.clone(), done: done.clone(), state: state.clone() };
    let last = Mutex::new(None::<Instant>);
    let progress_tx = tx.clone();
    let progress: ProgressFn = Box::new(move |p: sentra_engine::scan::Progress| {
        let mut last = last.lock().expect("progress clock");
        let finished = p.files_done == p.files_total;
        if !finished && last.is_some_and(|t| t.elapsed() < PROGRESS_INTERVAL) {
            return;
        }
        *last = Some(Instant::now());
        let fraction = if p.files_total == 0 { 1.0 } else { p.files_done as f64 / p.files_total as f64 };
        let data = serde_json::json!({"phase": "scanning", "progress": fraction, "files_done": p.files_done, "files_total": p.files_total});
        let _ = progress_tx.send(Event::default().event("progress").data(data.to_string()));
    });
    tokio::spawn(async move {
        let outcome = run_checked_scan(state, tenant, checked, cancel, Some(progress)).await;
        match outcome {
            Ok((result, _)) => {
                for e in &result.errored_packs {
                    let _ = tx.send(Event::default().event("pack_error").data(serde_json::to_string(e).unwrap_or_default()));
                }
                let _ = tx.send(Event::default().event("complete").data(serde_json::to_string(&result).unwrap_or_default()));
            }
            Err(e) => {
                let body = ErrorBody { detail: e.detail, code: e.code.to_string(), errors: e.errors };
                let _ = tx.send(Event::default().event("error").data(serde_json::to_string(&body).unwrap_or_default()));
            }
        }
        done.store(true, Ordering::Relaxed);
    });
    let stream = futures_util::stream::unfold((rx, guard), |(mut rx, guard)| async move {
        rx.recv().await.map(|event| (Ok(event), (rx, guard)))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(HEARTBEAT).text("heartbeat")))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// One of `json`, `csv`, `sarif`, `junit`, `html` (default `json`).
    #[param(schema_with = crate::openapi::report_format)]
    pub format: Option<String>,
    /// `true`: answer with the document itself (its media type, as an attachment with a
    /// file name) instead of `{format, content}`.
    pub download: Option<bool>,
}

/// What `POST /report` answers as `application/json`: the wrapped report, or with
/// `download=true&format=json` the scan result itself. For the document only.
#[derive(Serialize, utoipa::ToSchema)]
#[allow(dead_code, clippy::large_enum_variant)] // never built: it only names the schema
#[serde(untagged)]
enum ReportJson {
    Wrapped(ReportResponse),
    Document(ScanResult),
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReportResponse {
    pub format: String,
    /// The rendered report.
    pub content: String,
}

/// Scans and renders a report. The format is checked before anything is scanned.
#[utoipa::path(post, path = "/report", tag = "core", params(ReportQuery), request_body(content = Option<ScanRequest>, description = "As for /scan"),
    responses((status = 200, description = "`{format, content}`, or with `download=true` the document itself in its media type",
            content((ReportJson = "application/json"), (Object = "application/sarif+json"), (String = "text/csv"), (String = "application/xml"), (String = "text/html"))),
        (status = 400, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 500, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn report(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    query: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    use axum::response::IntoResponse;
    let Query(q) = query.map_err(|e| ApiError::invalid(&["query"], e.body_text(), "value_error"))?;
    let format: sentra_reports::Format =
        q.format.as_deref().unwrap_or("json").parse().map_err(|e: String| ApiError::bad_request("unknown_format", e))?;
    let req: ScanRequest = error::parse_optional_body(body)?;
    let root = req.repo_path.clone().filter(|_| req.files.is_none()).unwrap_or_else(|| ".".to_string());
    let (result, config) = run_scan(state, &p.tenant, req).await?;
    let gate = sentra_engine::gate_with(&result, &config.gate_policy());
    let ctx = sentra_reports::ReportContext::now(root, Some(gate));
    let content = tokio::task::spawn_blocking(move || sentra_reports::render(format, &result, &ctx))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?
        .map_err(|e| ApiError::internal(e.to_string()))?;
    if q.download.unwrap_or(false) {
        let disposition = format!("attachment; filename=\"{}\"", format.file_name());
        return Ok((
            [(axum::http::header::CONTENT_TYPE, format.content_type().to_string()), (axum::http::header::CONTENT_DISPOSITION, disposition)],
            content,
        )
            .into_response());
    }
    Ok(Json(ReportResponse { format: format.as_str().to_string(), content }).into_response())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RulesQuery {
    /// Only this pack's rules.
    #[param(pattern = "^[a-z0-9][a-z0-9-]{0,63}$")]
    pub pack: Option<String>,
    /// Only rules of this severity.
    #[param(schema_with = crate::openapi::severity)]
    pub severity: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RuleEntry {
    pub pack_id: String,
    pub id: String,
    pub name: String,
    pub kind: String,
    /// The severity after `pack_overrides`.
    pub severity: Severity,
    /// The severity the pack declares.
    pub declared_severity: Severity,
    /// `false` when `pack_overrides` turns the rule off.
    pub enabled: bool,
    pub standard: String,
    pub clause: String,
    pub description: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RulesResponse {
    pub rules: Vec<RuleEntry>,
    pub total: usize,
}

/// Every rule of the configured packs with its effective severity.
#[utoipa::path(get, path = "/rules", tag = "core", params(RulesQuery),
    responses((status = 200, body = RulesResponse), (status = 422, body = ErrorBody), (status = 500, body = ErrorBody)))]
async fn rules(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    query: Result<Query<RulesQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<axum::response::Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::invalid(&["query"], e.body_text(), "value_error"))?;
    if let Some(pack) = q.pack.as_deref().filter(|id| !sentra_store::valid_pack_id(id)) {
        return Err(ApiError::invalid(&["query", "pack"], format!("`{pack}` is not a valid pack id"), "value_error"));
    }
    let severity = match &q.severity {
        None => None,
        Some(s) => Some(Severity::parse(s).ok_or_else(|| {
            ApiError::invalid(&["query", "severity"], format!("`{s}` is not one of critical, high, medium, low, info"), "value_error")
        })?),
    };
    let (loaded, tenant_packs) = current_for(&state, &p.tenant).await?;
    let key = format!("{}|{}", p.tenant, tenant_packs.revision);
    let cached = loaded.rules.lock().expect("rules cache").get(&key).cloned();
    let cached = match cached {
        Some(c) => c,
        None => {
            let config = prepare(&state, &loaded, &p.tenant, tenant_packs.overrides(), ScanRequest::default())?.config;
            let set = {
                let (st, l, c, tenant) = (state.clone(), loaded.clone(), config.clone(), p.tenant.clone());
                tokio::task::spawn_blocking(move || st.tenant_pack_set(&l, &tenant, &c)).await.map_err(|e| ApiError::internal(e.to_string()))??
            };
            let config = &config;
            let all: Vec<RuleEntry> = set
                .packs
                .iter()
                .flat_map(|p| {
                    p.rules().iter().map(move |r| RuleEntry {
                        pack_id: p.id().to_string(),
                        id: r.id.clone(),
                        name: r.name.clone(),
                        kind: r.kind.clone(),
                        severity: config.effective_severity(p.id(), &r.id, r.severity),
                        declared_severity: r.severity,
                        enabled: config.rule_enabled(p.id(), &r.id),
                        standard: r.standard.clone(),
                        clause: r.clause.clone(),
                        description: r.description.clone(),
                    })
                })
                .collect();
            let body = serde_json::to_vec(&RulesResponse { total: all.len(), rules: all.clone() }).map_err(|e| ApiError::internal(e.to_string()))?;
            let c = CachedRules { all: Arc::new(all), body: body.into() };
            let mut cache = loaded.rules.lock().expect("rules cache");
            // Old tenant revisions pile up otherwise.
            if cache.len() > 256 {
                cache.clear();
            }
            cache.insert(key, c.clone());
            c
        }
    };
    if q.pack.is_none() && severity.is_none() {
        return Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], cached.body).into_response());
    }
    let rules: Vec<RuleEntry> = cached
        .all
        .iter()
        .filter(|r| q.pack.as_deref().is_none_or(|id| r.pack_id == id))
        .filter(|r| severity.is_none_or(|s| r.severity == s))
        .cloned()
        .collect();
    Ok(Json(RulesResponse { total: rules.len(), rules }).into_response())
}

/// Serves until `shutdown` resolves; in-flight requests finish first.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Approval requests expire whether or not anyone reads them.
    let sweeper = {
        let state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(APPROVAL_SWEEP);
            loop {
                tick.tick().await;
                let st = state.clone();
                if let Ok(Err(e)) = tokio::task::spawn_blocking(move || approvals::expire(&st)).await {
                    tracing::warn!(error = %e.detail, "expiring approval requests failed");
                }
            }
        })
    };
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, app).with_graceful_shutdown(shutdown).await;
    sweeper.abort();
    served
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `schemas/openapi.json` is what the server serves; regenerate with
    /// `SENTRA_BLESS=1 cargo test -p sentra-server`.
    #[test]
    fn committed_openapi_is_fresh() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/openapi.json");
        let fresh = openapi_json();
        if std::env::var_os("SENTRA_BLESS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(committed == fresh, "schemas/openapi.json is stale: run `SENTRA_BLESS=1 cargo test -p sentra-server` and commit it");
    }

    /// A handler that panics answers with the JSON 500 shape and the server goes on.
    #[tokio::test]
    async fn a_panicking_handler_is_a_json_500() {
        use tower::ServiceExt;
        async fn boom() -> &'static str {
            panic!("handler bug")
        }
        let app = with_common_layers(Router::new().route("/boom", get(boom)).route("/ok", get(|| async { "ok" })), 1024, DEFAULT_MAX_QUERY_BYTES);
        let req = |uri: &str| axum::http::Request::builder().uri(uri).body(axum::body::Body::empty()).unwrap();
        let res = app.clone().oneshot(req("/boom")).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(res.into_body(), 4096).await.unwrap();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["code"], "internal_error");
        assert_eq!(app.oneshot(req("/ok")).await.unwrap().status(), StatusCode::OK);
    }

    #[test]
    fn inline_paths_are_checked() {
        for ok in ["a.py", "src/a.py", ".env"] {
            assert!(check_inline_path(ok).is_ok(), "{ok}");
        }
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "C:/x", "\\\\server\\x", "a\0b", "a//b", "./a"] {
            assert!(check_inline_path(bad).is_err(), "{bad:?}");
        }
    }
}
