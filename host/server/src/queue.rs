//! `/api/scans`: asynchronous scans. `POST` checks a request as `/scan` would and puts it
//! on the queue in the store (202 with its id); any server sharing the store takes it when
//! it has a free scan slot ([`worker`]), renewing its lease while the scan runs, and
//! records the result; `GET /api/scans/{id}` reads the job from any of them.
//!
//! A queued scan reads a directory of the tenant's workspace (on storage every replica
//! mounts), inline files, or a git repository and ref, cloned by the replica that runs it
//! into a temporary directory within the operator's policy (`sentra_app::git_clone`).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sentra_engine::Source;
use sentra_store::{JobOutcome, JobState, ScanJob};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, UrlPath, blocking, internal};
use crate::scan::{CheckedScan, ConfigOverrides, ScanRequest, check_scan, run_in_slot};
use crate::{AppState, Body, ErrorBody, Principal};

/// How long a worker's claim on a job lasts unless renewed (renewed every third of it).
pub const DEFAULT_SCAN_LEASE: Duration = Duration::from_secs(60);
/// How often an idle worker looks for a job.
pub const QUEUE_POLL: Duration = Duration::from_millis(500);

/// A queued scan: a `/scan` request, or a git repository and ref to clone and scan.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QueuedScanRequest {
    pub repo_path: Option<String>,
    #[schema(schema_with = crate::openapi::inline_files)]
    pub files: Option<BTreeMap<String, String>>,
    #[schema(schema_with = crate::openapi::changed_files)]
    pub changed_files: Option<Vec<String>>,
    pub config_overrides: Option<ConfigOverrides>,
    /// A repository to clone (shallow, one ref) and scan; only URLs the operator allows
    /// (`--scan-git-allow`). Takes precedence over `files` and `repo_path` (as `files`
    /// does over `repo_path`).
    pub git: Option<GitSource>,
}

#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GitSource {
    pub url: String,
    /// A branch or tag.
    #[serde(rename = "ref")]
    pub reference: String,
}

impl QueuedScanRequest {
    fn split(self) -> (ScanRequest, Option<GitSource>) {
        let scan = ScanRequest { repo_path: self.repo_path, files: self.files, changed_files: self.changed_files, config_overrides: self.config_overrides };
        (scan, self.git)
    }
}

/// A queued scan as the API shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ScanJobView {
    pub id: String,
    pub status: JobState,
    /// How many times a server took it (a server that stops mid-scan leaves it to another).
    pub attempts: i64,
    pub created_at: String,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    pub error: Option<String>,
    /// The scan's result (as `/scan` answers), once `done`.
    #[schema(value_type = Option<Object>)]
    pub result: Option<Box<serde_json::value::RawValue>>,
}

impl From<ScanJob> for ScanJobView {
    fn from(j: ScanJob) -> Self {
        let result = j.result.and_then(|r| serde_json::value::RawValue::from_string(r).ok());
        Self {
            id: j.id,
            status: j.status,
            attempts: j.attempts,
            created_at: j.created_at,
            started_at: j.started_at,
            finished_at: j.finished_at,
            error: j.error,
            result,
        }
    }
}

/// Queues a scan; any server sharing the store runs it.
#[utoipa::path(post, path = "/api/scans", tag = "core", request_body(content = Option<QueuedScanRequest>, description = "As `/scan`, or `git` to clone"),
    responses((status = 202, body = ScanJobView, description = "Queued; `Location` names it"), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody, description = "`git` names a repository the operator does not allow"),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody, description = "The tenant has 100 scans waiting or running")))]
pub(crate) async fn enqueue(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, body: Body) -> Result<Response, ApiError> {
    let bytes = body.as_ref().map(|b| b.clone()).unwrap_or_default();
    let req: QueuedScanRequest = crate::error::parse_optional_body_async(body).await?;
    let (scan, git) = req.split();
    // Everything `/scan` checks, now: a bad request is a 4xx here, not a failed job. A git
    // scan's overrides are checked as an inline scan's (its tree does not exist yet).
    match &git {
        Some(g) => {
            sentra_app::git_clone::check(&state.config.scan_git, &g.url, &g.reference).map_err(git_error)?;
            drop(check_scan(&state, &p.tenant, ScanRequest { files: Some(BTreeMap::new()), repo_path: None, ..scan }).await?);
        }
        None => drop(check_scan(&state, &p.tenant, scan).await?),
    }
    let absent = matches!(bytes.trim_ascii(), b"" | b"null");
    let stored = if absent { "{}".to_string() } else { String::from_utf8_lossy(&bytes).into_owned() };
    let tenant = p.tenant.clone();
    let st = state.clone();
    let job = blocking(move || st.store.enqueue_scan(&tenant, &stored).map_err(internal)).await?;
    let Some(job) = job else {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "queue_full",
            format!("{} scans are waiting or running; retry later", sentra_store::scan_jobs::MAX_PENDING_PER_TENANT),
        );
        e.retry_after = Some(30);
        return Err(e);
    };
    let location = HeaderValue::from_str(&format!("/api/scans/{}", job.id)).map_err(internal)?;
    let mut response = (StatusCode::ACCEPTED, Json(ScanJobView::from(job))).into_response();
    response.headers_mut().insert(header::LOCATION, location);
    Ok(response)
}

/// A queued scan's status, and its result once done.
#[utoipa::path(get, path = "/api/scans/{id}", tag = "core", params(("id" = String, Path, description = "The id `POST /api/scans` answered")),
    responses((status = 200, body = ScanJobView), (status = 404, body = ErrorBody)))]
pub(crate) async fn status(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<ScanJobView>, ApiError> {
    let not_found = || ApiError::new(StatusCode::NOT_FOUND, "scan_not_found", "no queued scan with that id for your tenant");
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let job = blocking(move || state.store.get_scan_job(&p.tenant, &id).map_err(internal)).await?;
    job.map(|j| Json(j.into())).ok_or_else(not_found)
}

fn git_error(e: sentra_app::git_clone::GitError) -> ApiError {
    use sentra_app::git_clone::GitError as G;
    match e {
        G::Disabled | G::NotAllowed => ApiError::new(StatusCode::FORBIDDEN, "git_not_allowed", e.to_string()),
        G::BadRef(_) => ApiError::invalid(&["body", "git", "ref"], e.to_string(), "value_error"),
        other => ApiError::bad_request("git_clone_failed", other.to_string()),
    }
}

/// One of a server's queue workers: while a scan slot is free, takes the oldest waiting
/// job, runs it and records how it ended. A server runs as many as it has scan slots.
pub(crate) async fn worker(state: Arc<AppState>, name: String) {
    loop {
        // Idle, a worker only looks: it holds no scan slot (readiness and `/scan` see them all).
        let st = state.clone();
        match blocking(move || st.store.scan_waiting().map_err(internal)).await {
            Ok(true) => {}
            Ok(false) => {
                tokio::time::sleep(QUEUE_POLL).await;
                continue;
            }
            Err(e) => {
                tracing::warn!(error = %e.detail, "cannot read the scan queue");
                tokio::time::sleep(QUEUE_POLL * 10).await;
                continue;
            }
        }
        // Then the slot: a claimed job never waits for one (nor fails for want of one).
        let Ok(permit) = state.scans.acquire().await else { return };
        let (st, n, lease) = (state.clone(), name.clone(), state.config.scan_lease);
        match blocking(move || st.store.claim_scan(&n, lease).map_err(internal)).await {
            Ok(Some(job)) => run_job(&state, &name, job, permit).await,
            Ok(None) => {
                drop(permit);
                tokio::time::sleep(QUEUE_POLL).await;
            }
            Err(e) => {
                drop(permit);
                tracing::warn!(error = %e.detail, "cannot read the scan queue");
                tokio::time::sleep(QUEUE_POLL * 10).await;
            }
        }
    }
}

async fn run_job(state: &Arc<AppState>, worker: &str, job: ScanJob, permit: tokio::sync::SemaphorePermit<'_>) {
    // `lost` is the lease's own flag: a scan stopped by its time limit also sets `cancel`,
    // and is then recorded as failed here rather than left to be retried.
    let (cancel, lost) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
    let heartbeat = AbortOnDrop(tokio::spawn(renew_lease(state.clone(), job.id.clone(), worker.to_string(), cancel.clone(), lost.clone())));
    let outcome = run_request(state, &job, cancel, permit).await;
    drop(heartbeat);
    if lost.load(Ordering::Relaxed) {
        // Another server holds the job now (this one missed its lease): it finishes it.
        tracing::warn!(job = %job.id, "lost the lease on a queued scan; left to the server that took it");
        return;
    }
    let (st, id, w) = (state.clone(), job.id.clone(), worker.to_string());
    let finished = blocking(move || {
        let outcome = match &outcome {
            Ok(result) => JobOutcome::Done { result },
            Err(error) => JobOutcome::Failed { error },
        };
        st.store.finish_scan(&id, &w, outcome).map_err(internal)
    })
    .await;
    match finished {
        Ok(true) => tracing::info!(job = %job.id, tenant = %job.tenant, "queued scan finished"),
        Ok(false) => tracing::warn!(job = %job.id, "a queued scan finished after its lease passed to another server; result dropped"),
        Err(e) => tracing::warn!(job = %job.id, error = %e.detail, "cannot record a queued scan's end"),
    }
}

/// Stops the heartbeat however `run_job` ends (a panic, a shutdown), so no lease is kept
/// alive for a scan nobody runs.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Renews the lease every third of it; stops the scan when the lease is lost.
async fn renew_lease(state: Arc<AppState>, id: String, worker: String, cancel: Arc<AtomicBool>, lost: Arc<AtomicBool>) {
    let lease = state.config.scan_lease;
    loop {
        tokio::time::sleep(lease / 3).await;
        let (st, i, w) = (state.clone(), id.clone(), worker.clone());
        if let Ok(false) = blocking(move || st.store.renew_scan_lease(&i, &w, lease).map_err(internal)).await {
            lost.store(true, Ordering::Relaxed);
            cancel.store(true, Ordering::Relaxed);
            return;
        }
    }
}

/// Runs a job's request; its result as JSON, or why it failed (never a file's contents).
async fn run_request(state: &Arc<AppState>, job: &ScanJob, cancel: Arc<AtomicBool>, permit: tokio::sync::SemaphorePermit<'_>) -> Result<String, String> {
    let req: QueuedScanRequest = serde_json::from_str(&job.request).map_err(|e| format!("the stored request does not parse: {e}"))?;
    let (scan, git) = req.split();
    let tenant = job.tenant.clone();
    let (checked, _clone) = match git {
        None => (check_scan(state, &tenant, scan).await.map_err(|e| e.detail)?, None),
        Some(g) => {
            let (policy, parent) = (state.config.scan_git.clone(), clone_parent(state));
            let clone = tokio::task::spawn_blocking(move || sentra_app::git_clone::clone(&policy, &g.url, &g.reference, &parent).map(|c| (c, g)))
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())?;
            // Checked as inline files (no workspace needed), then pointed at the clone.
            let inline = ScanRequest { files: Some(BTreeMap::new()), repo_path: None, ..scan };
            let mut checked: CheckedScan = check_scan(state, &tenant, inline).await.map_err(|e| e.detail)?;
            checked.prepared.source = Source::Directory(clone.0.path());
            // The URL as given (it holds no user info: `git_clone::check` refuses `@`).
            checked.prepared.label = format!("{}@{}", clone.1.url, clone.1.reference);
            checked.prepared.cache = false;
            (checked, Some(clone.0))
        }
    };
    let (result, _) = run_in_slot(state, tenant, checked, cancel, None, permit).await.map_err(|e| e.detail)?;
    serde_json::to_string(&result).map_err(|e| e.to_string())
}

/// Where clones go: the system's temporary directory (the state directory is never
/// scanned, so not there).
fn clone_parent(_state: &AppState) -> std::path::PathBuf {
    std::env::temp_dir().join("sentra-clones")
}
