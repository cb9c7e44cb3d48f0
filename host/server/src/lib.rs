//! `sentra serve`: the REST API over the scan engine.
//!
//! Scans run on blocking threads behind a semaphore (a bounded pool: a request that
//! cannot get a slot in time gets 503 with `Retry-After`) and under a time limit. Every
//! error is the JSON shape of [`error::ApiError`]; `repo_path` is confined to the root.

mod approvals;
mod audit;
pub mod auth;
pub mod compliance;
pub mod cors;
pub mod devops;
mod docs;
pub mod error;
pub mod history;
mod listen;
mod openapi;
mod operator;
pub mod packs;
mod queue;
mod rules;
mod scan;
pub mod settings;
mod stall;
mod state;
mod strict_json;
mod tracker_test;
mod workspace;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use tower_http::catch_panic::CatchPanicLayer;

pub use auth::{Permission, Principal};
pub use error::{ApiError, ErrorBody, FieldError};

use audit::{audit_log, audit_verify};
pub use listen::{ConnectionLimits, DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_CLIENT, LISTEN_BACKLOG, bind};
use openapi::openapi_doc;
pub use openapi::{ApiDoc, openapi_json};
pub use queue::{DEFAULT_SCAN_LEASE, GitSource, QueuedScanRequest, ScanJobView};
use rules::rules;
pub use scan::{ConfigOverrides, ScanRequest};
use scan::{gate, report, scan, scan_stream};
pub use stall::DEFAULT_WRITE_STALL_TIMEOUT;
pub(crate) use state::Loaded;
pub use state::{
    APPROVAL_SWEEP, AppState, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONCURRENT_SCANS, DEFAULT_MAX_INLINE_FILES, DEFAULT_MAX_QUERY_BYTES,
    DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_QUEUE_WAIT, DEFAULT_SCAN_TIMEOUT, ServerConfig, StartError,
};

/// Largest body of a settings-sized request (config, governance, suppressions, approvals,
/// overrides, test-connection); larger ones are 413 before they are read in full. Scans
/// and pack imports take up to `--max-body-bytes`.
pub const SMALL_BODY_BYTES: usize = 1 << 20;

/// The body limit of settings-sized routes: [`SMALL_BODY_BYTES`], or the server's own
/// limit when that is lower (a route limit replaces the server's, never raises it).
fn small_body(server_limit: usize) -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(SMALL_BODY_BYTES.min(server_limit))
}

/// The API router. Protected routes sit behind [`auth::guard`], which enforces the
/// permission [`auth::ROUTES`] gives each of them; `/health`, `/openapi.json` and the
/// documentation pages are public.
pub fn router(state: Arc<AppState>) -> Router {
    let (body_limit, query_limit, upload_limit) = (state.config.max_body_bytes, state.config.max_query_bytes, state.config.max_upload_bytes);
    let protected = Router::new()
        .route("/scan", post(scan))
        .route("/gate", post(gate))
        .route("/rules", get(rules))
        .route("/report", post(report))
        .route("/api/run-scan-stream", post(scan_stream))
        .route("/api/scans", post(queue::enqueue))
        .route("/api/scans/{id}", get(queue::status))
        .route("/api/config", get(settings::get_config).post(settings::post_config).layer(small_body(body_limit)))
        .route("/api/config/validate", get(settings::validate))
        .route("/api/governance", get(settings::get_governance).post(settings::post_governance).layer(small_body(body_limit)))
        .route("/api/operator/config", get(operator::get_config).post(operator::post_config).layer(small_body(body_limit)))
        .route("/api/findings", get(history::findings))
        .route("/api/suppressions", get(history::list_suppressions).post(history::add_suppression).layer(small_body(body_limit)))
        .route("/api/suppressions/{id}", axum::routing::delete(history::delete_suppression))
        .route("/api/metrics", get(history::metrics))
        .route("/api/trends", get(history::trends))
        .route("/api/license", get(history::license))
        .route("/api/approvals", get(approvals::list).post(approvals::create).layer(small_body(body_limit)))
        .route("/api/approvals/{id}", get(approvals::get).patch(approvals::resolve).layer(small_body(body_limit)))
        .route("/api/approvals/{id}/status", get(approvals::status))
        .route("/api/work-items", get(devops::work_items))
        .route("/api/reconcile", post(devops::reconcile_endpoint))
        .route("/api/devops/status", get(devops::status))
        .route("/api/check-coverage", get(devops::check_coverage).post(devops::check_coverage_post))
        .route("/api/generate-reqs", post(devops::generate_reqs))
        .route("/api/compliance/{pack_id}", get(compliance::compliance))
        .route("/api/devops/test-connection", post(tracker_test::test_connection).layer(small_body(body_limit)))
        .route("/api/audit", get(audit_log))
        .route("/api/audit/verify", get(audit_verify))
        .route("/api/packs", get(packs::list).post(packs::create))
        // A component may be larger than other requests (a componentize-py pack is about
        // 36 MB): this route has its own limit (a document sent here still gets the body limit).
        .route("/api/packs/import", post(packs::import).layer(DefaultBodyLimit::max(upload_limit.max(body_limit))))
        .route("/api/packs/{id}", axum::routing::delete(packs::delete))
        .route("/api/packs/{id}/export", get(packs::export))
        .route("/api/packs/{id}/overrides", get(packs::get_overrides).post(packs::set_overrides).layer(small_body(body_limit)))
        .route("/api/packs/{id}/enable", post(packs::enable))
        .route("/api/packs/{id}/disable", post(packs::disable))
        .route_layer(middleware::from_fn_with_state(state.clone(), auth::guard));
    let app = Router::new()
        .merge(protected)
        .route("/health", get(health))
        .route("/health/ready", get(ready))
        .route("/openapi.json", get(openapi_doc))
        .merge(docs::routes());
    let cors = cors::layer(&state.config.cors_origins);
    let app = with_common_layers(app, body_limit, query_limit).with_state(state);
    match cors {
        Some(cors) => app.layer(cors),
        None => app,
    }
}

/// What every route gets: JSON 404/405, the body and query limits, panics as JSON 500,
/// the request id and the log line.
fn with_common_layers<S: Clone + Send + Sync + 'static>(app: Router<S>, body_limit: usize, query_limit: usize) -> Router<S> {
    app.fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(middleware::from_fn(move |req: Request, next: Next| async move {
            match req.uri().query() {
                Some(q) if q.len() > query_limit => {
                    ApiError::bad_request("query_too_long", format!("the query string is {} bytes; the limit is {query_limit}", q.len())).into_response()
                }
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
    /// Scan slots free now, of `scan_slots` (see `/health/ready`).
    pub scan_slots_free: usize,
    pub scan_slots: usize,
    /// Estimated bytes of compiled patterns the host keeps for packs.
    pub matcher_cache_bytes: usize,
}

/// Whether the server can take work now.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Readiness {
    pub ready: bool,
    /// A scan slot is free (scans would not queue).
    pub scan_slot_free: bool,
    /// The blocking pool ran a task within the probe's time.
    pub blocking_pool: bool,
    /// The state database took its write lock within the probe's time.
    pub store_writable: bool,
}

/// How long a readiness probe waits for the blocking pool and the store.
pub const READINESS_PROBE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(1);

/// Liveness and what is loaded. No authentication.
#[utoipa::path(get, path = "/health", tag = "core", responses((status = 200, body = Health)))]
async fn health(State(state): State<Arc<AppState>>) -> Json<Health> {
    let loaded = state.loaded.read().expect("loaded config").clone();
    // Built-in packs and the config's pack files: what a reload replaced, counted anew.
    let packs_loaded = state.catalog.ids().len() + loaded.extra.len();
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        packs_loaded,
        uptime_s: state.started.elapsed().as_secs(),
        scans_cancelled: state.scans_cancelled.load(Ordering::Relaxed),
        scan_slots_free: state.scans.available_permits(),
        scan_slots: state.config.max_concurrent_scans.max(1),
        matcher_cache_bytes: state.catalog.matcher_cache_bytes(),
    })
}

/// Readiness: 200 when a scan slot is free, the blocking pool runs tasks and the state
/// database can be written, each checked within a second; 503 otherwise (`/health` stays a
/// liveness check). No authentication.
#[utoipa::path(get, path = "/health/ready", tag = "core", responses((status = 200, body = Readiness), (status = 503, body = Readiness)))]
async fn ready(State(state): State<Arc<AppState>>) -> (axum::http::StatusCode, Json<Readiness>) {
    let scan_slot_free = state.scans.available_permits() > 0;
    let st = state.clone();
    let probe = tokio::task::spawn_blocking(move || st.store.probe_write().is_ok());
    let (blocking_pool, store_writable) = match tokio::time::timeout(READINESS_PROBE_TIMEOUT, probe).await {
        Ok(Ok(writable)) => (true, writable),
        _ => (false, false),
    };
    let ready = scan_slot_free && blocking_pool && store_writable;
    let status = if ready { axum::http::StatusCode::OK } else { axum::http::StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(Readiness { ready, scan_slot_free, blocking_pool, store_writable }))
}

pub(crate) type Body = Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>;

/// Serves until `shutdown` resolves; in-flight requests finish first.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    lower_scan_priority();
    // Approval requests expire whether or not anyone reads them.
    let sweeper = {
        let state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(APPROVAL_SWEEP);
            let mut last_purge: Option<std::time::Instant> = None;
            loop {
                tick.tick().await;
                let st = state.clone();
                if let Ok(Err(e)) = tokio::task::spawn_blocking(move || approvals::expire(&st)).await {
                    tracing::warn!(error = %e.detail, "expiring approval requests failed");
                }
                if last_purge.is_none_or(|t| t.elapsed() >= approvals::APPROVAL_PURGE_INTERVAL) {
                    last_purge = Some(std::time::Instant::now());
                    let st = state.clone();
                    match tokio::task::spawn_blocking(move || approvals::purge(&st)).await {
                        Ok(Ok(n)) if n > 0 => tracing::info!(purged = n, "deleted approval requests past the audit retention"),
                        Ok(Err(e)) => tracing::warn!(error = %e.detail, "purging approval requests failed"),
                        _ => {}
                    }
                }
            }
        })
    };
    // Queued scans: one worker per scan slot, each taking a job while a slot is free.
    // Random: two replicas in containers (each pid 1) started the same moment differ.
    let mut nonce = [0u8; 8];
    getrandom::fill(&mut nonce).expect("the OS random number generator is available");
    let id = format!("{}-{}", std::process::id(), hex::encode(nonce));
    let workers: Vec<_> = (0..state.config.max_concurrent_scans.max(1)).map(|n| tokio::spawn(queue::worker(state.clone(), format!("{id}-{n}")))).collect();
    let limits = state.config.connections.clone();
    let served = listen::serve(listener, router(state), limits, shutdown).await;
    sweeper.abort();
    workers.iter().for_each(|w| w.abort());
    served
}

/// How much lower than the request threads scan workers run (Unix nice increment).
pub const SCAN_THREAD_NICENESS: i32 = 10;

/// Scans (and pack compilation) run on the rayon pool; its threads run at a lower
/// priority than the threads that answer requests, so a saturated machine still answers
/// `/health` and small requests promptly and scans take the rest.
fn lower_scan_priority() {
    let built = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("sentra-scan-{i}")).start_handler(|_| lower_this_thread()).build_global();
    if built.is_err() {
        tracing::debug!("the scan thread pool was already started; its priority is unchanged");
    }
}

/// Lowers the calling thread's priority by [`SCAN_THREAD_NICENESS`], once: scan workers
/// and the blocking pool (parsing large bodies, compiling packs, the store) yield to the
/// threads that accept connections and answer requests.
pub(crate) fn lower_this_thread() {
    thread_local! {
        static LOWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LOWERED.with(|l| l.replace(true)) {
        return;
    }
    #[cfg(target_os = "linux")]
    #[allow(unsafe_code)]
    // SAFETY: plain syscalls on the calling thread's own id; no memory is shared.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, SCAN_THREAD_NICENESS);
    }
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
    use crate::scan::check_inline_path;
    use axum::http::StatusCode;
    use std::path::Path;

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
