//! `/scan`, `/gate`, `/report` and the scan progress stream: a request is checked
//! completely (paths, inline files, overrides, packs) before it takes a scan slot, then run
//! as a `sentra_app::scan` job under the concurrency bound and the time limit.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::extract::{Extension, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use sentra_app::scan::ScanPlan;
use sentra_app::scan_cache::StoredScanCache;
use sentra_engine::{Config, GateResult, ScanError, ScanResult, Source};
use serde::{Deserialize, Serialize};

pub use auth::Principal;
pub use error::{ApiError, ErrorBody, FieldError};

use crate::*;

/// A scan request; every field is optional.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct ScanRequest {
    /// Directory to scan, relative to the tenant's workspace (default: the workspace itself).
    pub repo_path: Option<String>,
    /// Relative path to contents, scanned in memory (takes precedence over `repo_path`).
    #[schema(schema_with = crate::openapi::inline_files)]
    pub files: Option<BTreeMap<String, String>>,
    /// Only these relative paths.
    #[schema(schema_with = crate::openapi::changed_files)]
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
    /// At most 1,000 globs of at most 1 KiB each.
    #[schema(schema_with = crate::openapi::scan_exclude)]
    pub scan_exclude: Option<Vec<String>>,
    /// Lowers the file size limit (bytes); the server's own limit is the most.
    #[schema(minimum = 1, maximum = 1073741824)]
    pub max_file_bytes: Option<u64>,
    /// Per-rule overrides by pack id then rule id (merged over the config file's);
    /// an unknown pack or rule is 422.
    pub pack_overrides: Option<BTreeMap<String, BTreeMap<String, sentra_engine::config::RawRuleOverride>>>,
}

/// Most `scan_exclude` globs a request may carry (each compiled per request).
pub const MAX_REQUEST_GLOBS: usize = 1_000;
/// Longest glob or path a request may carry, in bytes.
pub const MAX_REQUEST_GLOB_BYTES: usize = 1 << 10;
/// Most rule overrides a request may carry.
pub const MAX_REQUEST_RULE_OVERRIDES: usize = 10_000;

/// Bounds what a request's overrides make the server compile, before anything is compiled.
fn check_override_sizes(o: Option<&ConfigOverrides>, changed: Option<&[String]>, max_changed: usize) -> Result<(), ApiError> {
    let too_many =
        |field: &str, n: usize, max: usize| ApiError::invalid(&["body", "config_overrides", field], format!("{n} entries; the limit is {max}"), "value_error");
    if let Some(globs) = o.and_then(|o| o.scan_exclude.as_ref()) {
        if globs.len() > MAX_REQUEST_GLOBS {
            return Err(too_many("scan_exclude", globs.len(), MAX_REQUEST_GLOBS));
        }
        if let Some(long) = globs.iter().find(|g| g.len() > MAX_REQUEST_GLOB_BYTES) {
            return Err(ApiError::invalid(
                &["body", "config_overrides", "scan_exclude"],
                format!("a glob of {} bytes; the limit is {MAX_REQUEST_GLOB_BYTES}", long.len()),
                "value_error",
            ));
        }
    }
    let rules: usize = o.and_then(|o| o.pack_overrides.as_ref()).map_or(0, |m| m.values().map(BTreeMap::len).sum());
    if rules > MAX_REQUEST_RULE_OVERRIDES {
        return Err(too_many("pack_overrides", rules, MAX_REQUEST_RULE_OVERRIDES));
    }
    if let Some(changed) = changed.filter(|c| c.len() > max_changed) {
        return Err(ApiError::invalid(&["body", "changed_files"], format!("{} entries; the limit is {max_changed}", changed.len()), "value_error"));
    }
    Ok(())
}

/// A checked inline path: relative, `/`-separated, no empty, `.` or `..` segment, and no
/// `\\`, `:` (a drive prefix) or NUL. The OpenAPI document states the same rule as
/// [`crate::openapi::INLINE_PATH_PATTERN`] (a unit test holds them together).
pub(crate) fn check_inline_path(p: &str) -> Result<(), String> {
    if p.is_empty() {
        return Err("empty".into());
    }
    if p.contains(['\0', '\\', ':']) {
        return Err("must not contain NUL, `\\` or `:` (paths are relative and `/`-separated)".into());
    }
    if p.starts_with('/') {
        return Err("must be relative".into());
    }
    if p.split('/').any(|seg| seg == ".." || seg.is_empty() || seg == ".") {
        return Err("must not contain `..`, `.` or empty segments".into());
    }
    Ok(())
}

/// `repo_path` resolved (symlinks too) and confined to the root.
pub(crate) fn resolve_repo(root: &Path, repo_path: Option<&str>) -> Result<PathBuf, ApiError> {
    let Some(raw) = repo_path else { return Ok(root.to_path_buf()) };
    if raw.contains('\0') {
        return Err(ApiError::bad_request("invalid_path", "repo_path contains NUL"));
    }
    let candidate = Path::new(raw);
    // Reject `..` before touching the disk: nothing outside the root is even stat'ed.
    if candidate.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(ApiError::bad_request("path_outside_root", format!("repo_path `{raw}` is outside your workspace")));
    }
    let joined = if candidate.is_absolute() { candidate.to_path_buf() } else { root.join(candidate) };
    if !joined.starts_with(root) {
        return Err(ApiError::bad_request("path_outside_root", format!("repo_path `{raw}` is outside your workspace")));
    }
    // A directory that is not there is a resource not found (404), not a malformed request.
    let resolved = joined
        .canonicalize()
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "path_not_found", format!("repo_path `{raw}` does not exist in your workspace")))?;
    if !resolved.starts_with(root) {
        return Err(ApiError::bad_request("path_outside_root", format!("repo_path `{raw}` is outside your workspace")));
    }
    if !resolved.is_dir() {
        return Err(ApiError::bad_request("not_a_directory", format!("repo_path `{raw}` is not a directory")));
    }
    Ok(resolved)
}

pub(crate) struct Prepared {
    /// What was scanned, as the history shows it: the `repo_path`, or `inline files`.
    pub(crate) label: String,
    pub(crate) source: Source,
    pub(crate) config: Config,
    pub(crate) options_only: Option<BTreeSet<String>>,
    /// The request named its packs: run exactly those (see `TenantPacks::selection`).
    pub(crate) exact_packs: bool,
    /// Use the incremental scan cache (off for a throw-away clone: its rows would never
    /// be read again).
    pub(crate) cache: bool,
}

/// The scan's config: the tenant's settings (over the operator's values), then the
/// tenant's stored rule overrides, then the request's overrides within the operator's
/// bounds. A repository scan reads only the tenant's workspace.
pub(crate) fn prepare(
    state: &AppState,
    loaded: &Loaded,
    tenant: &str,
    tenant_overrides: BTreeMap<String, BTreeMap<String, sentra_engine::config::RawRuleOverride>>,
    req: ScanRequest,
) -> Result<Prepared, ApiError> {
    let view = state.tenant_config(loaded, tenant)?;
    let (mut raw, origin) = (view.raw.clone(), format!("settings of tenant `{tenant}`"));
    if !tenant_overrides.is_empty() {
        let merged = raw.pack_overrides.get_or_insert_with(BTreeMap::new);
        for (pack, rules) in tenant_overrides {
            merged.entry(pack).or_default().extend(rules);
        }
    }
    let exact_packs = req.config_overrides.as_ref().is_some_and(|o| o.standards_packs.is_some());
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
        if let Some(n) = o.max_file_bytes {
            // The operator's bound: a request may lower the file size limit, not raise it.
            let bound = view.config.max_file_bytes;
            if n > bound {
                return Err(ApiError::invalid(
                    &["body", "config_overrides", "max_file_bytes"],
                    format!("{n} is above the server's limit of {bound}"),
                    "value_error",
                ));
            }
            raw.max_file_bytes = Some(n);
        }
        if let Some(overrides) = o.pack_overrides {
            let merged = raw.pack_overrides.get_or_insert_with(BTreeMap::new);
            for (pack, rules) in overrides {
                merged.entry(pack).or_default().extend(rules);
            }
        }
    }
    let config = Config::from_raw(raw, &origin).map_err(|e| match e {
        sentra_engine::ConfigError::Invalid { key, message, .. } => ApiError::invalid(&["body", "config_overrides", &key], message, "value_error"),
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
                out.push((path, contents.into_bytes()));
            }
            Source::Memory(out)
        }
        None => {
            let dir = resolve_repo(&state.workspace(loaded, tenant)?, req.repo_path.as_deref())?;
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
    Ok(Prepared { label, source, config, options_only: req.changed_files.map(|c| c.into_iter().collect()), exact_packs, cache: true })
}

/// Runs a scan on the blocking pool, under the concurrency bound and the time limit.
pub(crate) async fn run_scan(state: Arc<AppState>, tenant: &str, req: ScanRequest) -> Result<(ScanResult, Config), ApiError> {
    run_scan_with(state, tenant.to_string(), req, Arc::new(AtomicBool::new(false)), None).await
}

/// The server config and the tenant's packs, off the async threads (either may load packs).
pub(crate) async fn current_for(state: &Arc<AppState>, tenant: &str) -> Result<(Arc<Loaded>, Arc<packs::TenantPacks>), ApiError> {
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
pub(crate) type ProgressFn = Box<dyn Fn(sentra_engine::scan::Progress) + Send + Sync>;

pub(crate) async fn run_scan_with(
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
pub(crate) struct CheckedScan {
    pub(crate) loaded: Arc<Loaded>,
    pub(crate) tenant_packs: Arc<packs::TenantPacks>,
    pub(crate) prepared: Prepared,
}

/// Validates a request (paths, inline files, overrides) before any scan slot is taken,
/// so the streaming endpoint can still answer a bad request with a 4xx status.
pub(crate) async fn check_scan(state: &Arc<AppState>, tenant: &str, req: ScanRequest) -> Result<CheckedScan, ApiError> {
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
    check_override_sizes(req.config_overrides.as_ref(), req.changed_files.as_deref(), state.config.max_inline_files)?;
    // Globs and overrides are compiled off the async threads: a request full of them must
    // not stall other requests (or `/health`).
    let (st, l, t, overrides) = (state.clone(), loaded.clone(), tenant.to_string(), tenant_packs.overrides());
    let prepared = crate::error::blocking(move || prepare(&st, &l, &t, overrides, req)).await?;
    Ok(CheckedScan { loaded, tenant_packs, prepared })
}

pub(crate) async fn run_checked_scan(
    state: Arc<AppState>,
    tenant: String,
    checked: CheckedScan,
    cancel: Arc<AtomicBool>,
    progress: Option<ProgressFn>,
) -> Result<(ScanResult, Config), ApiError> {
    let permit = tokio::time::timeout(state.config.queue_wait, state.scans.acquire())
        .await
        .map_err(|_| {
            let mut e = ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "server_busy", "all scan slots are busy; retry later");
            e.retry_after = Some(5);
            e
        })?
        .map_err(|_| ApiError::internal("scan pool closed"))?;
    run_in_slot(&state, tenant, checked, cancel, progress, permit).await
}

/// [`run_checked_scan`] in a scan slot already taken (a queue worker takes its slot before
/// it claims a job, so a claimed job never waits for one).
pub(crate) async fn run_in_slot(
    state: &Arc<AppState>,
    tenant: String,
    checked: CheckedScan,
    cancel: Arc<AtomicBool>,
    progress: Option<ProgressFn>,
    permit: tokio::sync::SemaphorePermit<'_>,
) -> Result<(ScanResult, Config), ApiError> {
    let CheckedScan { loaded, tenant_packs, prepared } = checked;
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
        crate::lower_this_thread();
        let set = st.tenant_pack_set(&loaded, &tenant, &prepared.config, prepared.exact_packs)?;
        let mut known = st.catalog.ids();
        known.extend(tenant_packs.records.iter().map(|r| r.pack_id.clone()));
        let mut problems = set.check_overrides(&prepared.config, &known);
        // A config file written for sentrik may override rules sentra lacks: those were
        // named once at start and are ignored (a request's own overrides still count).
        if loaded.config.is_migrated() {
            problems.retain(|(key, _)| key.split('.').try_fold(&loaded.file, |v, k| v.get(k)).is_none());
        }
        if !problems.is_empty() {
            return Err(ApiError::invalid_many(problems.into_iter().map(|(key, msg)| {
                let mut loc = vec!["body".to_string(), "config_overrides".to_string()];
                loc.extend(key.split('.').map(str::to_string));
                FieldError { loc, msg, kind: "value_error".into() }
            })));
        }
        let progress = progress.as_deref().map(|p| p as &(dyn Fn(sentra_engine::scan::Progress) + Sync));
        let suppressions = history::api_suppressions(&st, &tenant)?;
        // Directory scans reuse what the packs reported for unchanged files, per tenant.
        let cache = match (&prepared.source, &st.state_dir) {
            (Source::Directory(dir), Some(state_dir)) if prepared.cache => StoredScanCache::load(state_dir, &format!("{tenant}\0{}", dir.display())),
            _ => None,
        };
        let plan = ScanPlan {
            label: prepared.label,
            source: prepared.source,
            packs: set,
            config: prepared.config,
            only: prepared.options_only,
            suppressions,
            skip_dirs: st.state_dir.iter().cloned().collect(),
            cache,
            single_link_only: !st.config.allow_hard_links,
            one_shot: false,
        };
        let controls = sentra_app::scan::Controls { cancel: Some(flag), progress, timings: None };
        let history = sentra_app::scan::History { store: st.store.as_ref(), tenant: &tenant };
        let finished = sentra_app::scan::run(plan, &controls, Some(&history));
        Ok::<_, ApiError>(finished.map(|f| (f.result, f.config)))
    })
    .await;
    timer.abort();
    drop(permit);
    let finished = joined.map_err(|e| ApiError::internal(format!("scan task failed: {e}")))??;
    match finished {
        Ok(done) => Ok(done),
        Err(ScanError::Cancelled) if !timed_out.load(Ordering::Relaxed) => {
            Err(ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "scan_cancelled", "the scan was cancelled"))
        }
        Err(ScanError::Cancelled) => {
            let mut e =
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "scan_timeout", format!("the scan exceeded its time limit of {:?}", state.config.scan_timeout));
            e.retry_after = Some(30);
            Err(e)
        }
        Err(e) => Err(ApiError::bad_request("scan_failed", e.to_string())),
    }
}

/// Scans a directory of the tenant's workspace, or inline files, and returns the findings.
#[utoipa::path(post, path = "/scan", tag = "core", request_body(content = Option<ScanRequest>, description = "All fields optional; an empty body scans the root"),
    responses((status = 200, body = ScanResult), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody, description = "`repo_path` does not exist in the workspace"), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 500, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(crate) async fn scan(State(state): State<Arc<AppState>>, Extension(p): Extension<Principal>, body: Body) -> Result<Json<ScanResult>, ApiError> {
    let req = error::parse_optional_body_async(body).await?;
    Ok(Json(run_scan(state, &p.tenant, req).await?.0))
}

/// Scans and applies the gate: fails on findings at the `gate_fail_on` severities
/// (obligations never count) or on an errored pack.
#[utoipa::path(post, path = "/gate", tag = "core", request_body(content = Option<ScanRequest>, description = "As for /scan"),
    responses((status = 200, body = GateResult), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody, description = "`repo_path` does not exist in the workspace"), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 500, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(crate) async fn gate(State(state): State<Arc<AppState>>, Extension(p): Extension<Principal>, body: Body) -> Result<Json<GateResult>, ApiError> {
    let req: ScanRequest = error::parse_optional_body_async(body).await?;
    let target = if req.files.is_some() { "inline files".to_string() } else { req.repo_path.clone().unwrap_or_else(|| ".".into()) };
    let (result, config) = run_scan(state.clone(), &p.tenant, req).await?;
    let verdict = tokio::task::spawn_blocking(move || {
        let actor = sentra_app::Actor::from(&p);
        let ctx = sentra_app::gate::GateContext { store: state.store.as_ref(), tenant: &p.tenant, actor: &actor, target: &target };
        sentra_app::gate::decide(&ctx, &result, &config).map_err(error::internal)
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))??;
    Ok(Json(verdict))
}

/// Sets the cancel flag when dropped: the SSE stream owns one, so a client that goes
/// away stops its scan.
pub(crate) struct CancelOnDrop {
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
pub(crate) const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// Keep-alive comment interval of the stream.
pub(crate) const HEARTBEAT: Duration = Duration::from_secs(5);

/// Events a scan stream buffers for its client; progress is dropped while it is full.
pub const SSE_BUFFER_EVENTS: usize = 32;
/// How long a stream waits for a client that does not read before cancelling its scan
/// (while scanning) or dropping its last events (after).
pub const SSE_SLOW_READER_TIMEOUT: Duration = Duration::from_secs(30);

/// The scan of `POST /scan`, streamed as Server-Sent Events: `progress` (at most about 10
/// a second), `pack_error` (one per errored pack), then `complete` (the scan result) or
/// `error` (the error shape). A comment every 5 s keeps proxies from closing the stream;
/// disconnecting cancels the scan.
#[utoipa::path(post, path = "/api/run-scan-stream", tag = "core", request_body(content = Option<ScanRequest>, description = "As for /scan"),
    responses((status = 200, content_type = "text/event-stream", description = "`progress`, `pack_error`, `complete` or `error` events"),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody, description = "`repo_path` does not exist in the workspace"), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn scan_stream(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    body: Body,
) -> Result<axum::response::sse::Sse<impl futures_util::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>>>, ApiError> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    let req: ScanRequest = error::parse_optional_body_async(body).await?;
    let tenant = p.tenant.clone();
    let checked = check_scan(&state, &tenant, req).await?;
    // Bounded: a client that does not read holds at most this many events; progress is
    // dropped while the buffer is full, and a reader stuck for SSE_SLOW_READER_TIMEOUT has
    // its scan cancelled.
    let (tx, rx) = tokio::sync::mpsc::channel::<Event>(SSE_BUFFER_EVENTS);
    let cancel = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicBool::new(false));
    let guard = CancelOnDrop { flag: cancel.clone(), done: done.clone(), state: state.clone() };
    let last = Mutex::new((None::<Instant>, None::<Instant>));
    let progress_tx = tx.clone();
    let stuck_cancel = cancel.clone();
    let progress: ProgressFn = Box::new(move |p: sentra_engine::scan::Progress| {
        let mut clock = last.lock().expect("progress clock");
        let finished = p.files_done == p.files_total;
        if !finished && clock.0.is_some_and(|t| t.elapsed() < PROGRESS_INTERVAL) {
            return;
        }
        clock.0 = Some(Instant::now());
        let fraction = if p.files_total == 0 { 1.0 } else { p.files_done as f64 / p.files_total as f64 };
        let data = serde_json::json!({"phase": "scanning", "progress": fraction, "files_done": p.files_done, "files_total": p.files_total});
        match progress_tx.try_send(Event::default().event("progress").data(data.to_string())) {
            Ok(()) => clock.1 = None,
            Err(_) => {
                let since = *clock.1.get_or_insert_with(Instant::now);
                if since.elapsed() >= SSE_SLOW_READER_TIMEOUT {
                    stuck_cancel.store(true, Ordering::Relaxed);
                }
            }
        }
    });
    tokio::spawn(async move {
        let outcome = run_checked_scan(state, tenant, checked, cancel, Some(progress)).await;
        match outcome {
            Ok((result, _)) => {
                for e in &result.errored_packs {
                    let _ =
                        tx.send_timeout(Event::default().event("pack_error").data(serde_json::to_string(e).unwrap_or_default()), SSE_SLOW_READER_TIMEOUT).await;
                }
                let _ =
                    tx.send_timeout(Event::default().event("complete").data(serde_json::to_string(&result).unwrap_or_default()), SSE_SLOW_READER_TIMEOUT).await;
            }
            Err(e) => {
                let body = ErrorBody { detail: e.detail, code: e.code.to_string(), errors: e.errors };
                let _ = tx.send_timeout(Event::default().event("error").data(serde_json::to_string(&body).unwrap_or_default()), SSE_SLOW_READER_TIMEOUT).await;
            }
        }
        done.store(true, Ordering::Relaxed);
    });
    let stream = futures_util::stream::unfold((rx, guard), |(mut rx, guard)| async move { rx.recv().await.map(|event| (Ok(event), (rx, guard))) });
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
pub(crate) enum ReportJson {
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
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody, description = "`repo_path` does not exist in the workspace"), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 500, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(crate) async fn report(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    query: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    use axum::response::IntoResponse;
    let Query(q) = query.map_err(|e| ApiError::invalid(&["query"], e.body_text(), "value_error"))?;
    let format: sentra_reports::Format = q.format.as_deref().unwrap_or("json").parse().map_err(|e: String| ApiError::bad_request("unknown_format", e))?;
    let req: ScanRequest = error::parse_optional_body_async(body).await?;
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
        return Ok(([(axum::http::header::CONTENT_TYPE, format.content_type().to_string()), (axum::http::header::CONTENT_DISPOSITION, disposition)], content)
            .into_response());
    }
    Ok(Json(ReportResponse { format: format.as_str().to_string(), content }).into_response())
}
