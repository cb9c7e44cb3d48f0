//! The work-item endpoints: list, reconcile, provider status and connection test, over
//! the providers of `sentra-devops`. Which provider is used comes from `devops:` in the
//! config; credentials come from the server's environment and are never echoed.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use sentra_devops::{Provider, ProviderError, ReconcileResponse, WorkItem};
use sentra_engine::ScanResult;
use sentra_engine::devops::{DevopsSettings, PROVIDERS};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::error::{ApiError, blocking};
use crate::{AppState, ErrorBody, Principal};

fn env(k: &str) -> Option<String> {
    std::env::var(k).ok()
}

/// A tracker that cannot be reached or refuses: 500 with the provider's own message.
fn provider_error(e: ProviderError) -> ApiError {
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "provider_error", e.to_string())
}

pub(crate) fn connect(state: &AppState, settings: &DevopsSettings, tenant: &str) -> Result<Box<dyn Provider>, ProviderError> {
    sentra_devops::connect(settings, &env, state.store.clone(), tenant)
}

fn provider_for(state: &AppState, tenant: &str) -> Result<Box<dyn Provider>, ApiError> {
    let loaded = state.current()?;
    connect(state, &state.tenant_config(&loaded, tenant)?.config.devops, tenant).map_err(provider_error)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorkItemsParams {
    /// `active`, `closed` or `all` (default).
    #[param(schema_with = crate::openapi::work_item_state)]
    pub state: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WorkItemsResponse {
    pub work_items: Vec<WorkItem>,
    pub total: usize,
    pub provider: String,
}

/// The tenant's work items.
#[utoipa::path(get, path = "/api/work-items", tag = "devops", params(WorkItemsParams),
    responses((status = 200, body = WorkItemsResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn work_items(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    q: Result<Query<WorkItemsParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<WorkItemsResponse>, ApiError> {
    let q = crate::error::query(q)?;
    let filter = q.state.unwrap_or_else(|| "all".into());
    if !["active", "closed", "all"].contains(&filter.as_str()) {
        return Err(ApiError::invalid(&["query", "state"], format!("`{filter}` is not active, closed or all"), "value_error"));
    }
    blocking(move || {
        let provider = provider_for(&state, &p.tenant)?;
        let items: Vec<WorkItem> = provider.list().map_err(provider_error)?.into_iter().filter(|i| filter == "all" || i.state == filter).collect();
        Ok(Json(WorkItemsResponse { total: items.len(), work_items: items, provider: provider.name().into() }))
    })
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReconcileParams {
    /// Report the actions without making them.
    pub dry_run: Option<bool>,
    /// The repository (`repo_path` as scanned) whose latest complete scan to reconcile;
    /// default the latest complete scan of any repository. Inline-file and
    /// `changed_files` scans never count.
    pub repo_path: Option<String>,
}

/// Keeps work items in step with the blocking findings of a repository's latest complete
/// scan (named in the answer). A provider that
/// cannot list its items gives `status: error`; one that refuses an action gives
/// `status: partial` with the error on that action, which the next run retries.
#[utoipa::path(post, path = "/api/reconcile", tag = "devops", params(ReconcileParams),
    responses((status = 200, body = ReconcileResponse), (status = 422, body = ErrorBody), (status = 500, body = ErrorBody)))]
pub(crate) async fn reconcile_endpoint(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    q: Result<Query<ReconcileParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ReconcileResponse>, ApiError> {
    let q = crate::error::query(q)?;
    let dry_run = q.dry_run.unwrap_or(false);
    blocking(move || {
        let loaded = state.current()?;
        let view = state.tenant_config(&loaded, &p.tenant)?;
        let name = view.config.devops.provider.name();
        let pick = sentra_store::ScanPick::LatestComplete(q.repo_path.as_deref());
        let Some((summary, json)) = state.store.scan_result(&p.tenant, pick).map_err(|e| ApiError::internal(e.to_string()))? else {
            return Ok(Json(ReconcileResponse::empty("no_scan", name, None)));
        };
        let result: ScanResult = serde_json::from_str(&json).map_err(|e| ApiError::internal(e.to_string()))?;
        let mut out = match connect(&state, &view.config.devops, &p.tenant) {
            Ok(provider) => sentra_devops::reconcile(provider.as_ref(), &result, &view.config.gate_fail_on, dry_run),
            Err(e) => {
                let mut out = ReconcileResponse::empty("error", name, Some(e.to_string()));
                out.result.errors = 1;
                out
            }
        };
        (out.scan_id, out.repository) = (Some(summary.id), Some(summary.root.clone()));
        if !dry_run {
            let summary = json!({"scan_id": summary.id, "repository": summary.root, "status": out.status, "created": out.result.created, "updated": out.result.updated, "closed": out.result.closed,
                "reopened": out.result.reopened, "errors": out.result.errors, "error": out.error});
            state.store.record_reconcile(&p.tenant, name, &summary).map_err(|e| ApiError::internal(e.to_string()))?;
            crate::packs::audit(state.store.as_ref(), &p.tenant, &crate::packs::Actor::from(&p), "reconcile", name, summary, &out.status);
        }
        Ok(Json(out))
    })
    .await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DevopsStatus {
    pub provider: String,
    /// Whether the settings are complete and the credentials are set.
    pub configured: bool,
    /// What is missing or wrong, when not configured.
    pub problem: Option<String>,
    /// Which of the provider's settings are set in the config (never their values).
    #[schema(value_type = Object)]
    pub settings: serde_json::Map<String, serde_json::Value>,
    /// Which of the provider's credential variables are set (never their values).
    #[schema(value_type = Object)]
    pub env: serde_json::Map<String, serde_json::Value>,
    /// Providers this build supports.
    pub supported: Vec<String>,
    /// Time, provider and counts of the last reconcile.
    #[schema(value_type = Option<Object>)]
    pub last_reconcile: Option<serde_json::Value>,
}

/// The provider in use, what of its settings and credentials is present, and the last
/// reconcile. Makes no request to the tracker (see test-connection for that).
#[utoipa::path(get, path = "/api/devops/status", tag = "devops", responses((status = 200, body = DevopsStatus)))]
pub(crate) async fn status(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<DevopsStatus>, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let view = state.tenant_config(&loaded, &p.tenant)?;
        let devops = &view.config.devops;
        let name = devops.provider.name();
        let last = state
            .store
            .last_reconcile(&p.tenant)
            .map_err(|e| ApiError::internal(e.to_string()))?
            .map(|(at, provider, summary)| json!({"at": at, "provider": provider, "summary": summary}));
        let settings = view.config.raw_devops.present().into_iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
        let env = sentra_engine::devops::credential_env(name).iter().map(|k| (k.to_string(), json!(env(k).is_some_and(|v| !v.is_empty())))).collect();
        // Connecting checks the credentials without a request.
        let problem = connect(&state, devops, &p.tenant).err().map(|e| e.to_string());
        Ok(Json(DevopsStatus {
            provider: name.into(),
            configured: problem.is_none(),
            problem,
            settings,
            env,
            supported: PROVIDERS.map(String::from).to_vec(),
            last_reconcile: last,
        }))
    })
    .await
}

/// The tree's files as the scan walk sees them (the state directory left out), as
/// (relative path, text).
fn tree_files(state: &AppState, root: &std::path::Path, config: &sentra_engine::Config) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (rel, path, len) in sentra_engine::scan::walk_tree(root, config) {
        if state.state_dir.as_ref().is_some_and(|d| path.starts_with(d)) {
            continue;
        }
        if let Some(data) = sentra_engine::scan::load_file(&path, len, config.max_file_bytes, !state.config.allow_hard_links) {
            files.push((rel, String::from_utf8_lossy(data.bytes()).into_owned()));
        }
    }
    files
}

fn requirements_error(e: String) -> ApiError {
    let mut err = ApiError::internal(e);
    err.code = "config_error";
    err
}

/// Traces `REQ-`/`SRS-` ids and requirements' work item ids in source comments against
/// `requirements.yaml`; every source file that traces to nothing is a
/// `SENTRA-REQ-COVERAGE` finding.
#[utoipa::path(get, path = "/api/check-coverage", tag = "devops",
    responses((status = 200, body = sentra_engine::trace::Coverage), (status = 500, body = ErrorBody)))]
pub(crate) async fn check_coverage(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
) -> Result<Json<sentra_engine::trace::Coverage>, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let root = state.workspace(&loaded, &p.tenant)?;
        let config = &state.tenant_config(&loaded, &p.tenant)?.config;
        let requirements = sentra_engine::trace::read_requirements(&root).map_err(requirements_error)?;
        Ok(Json(sentra_engine::trace::coverage(&requirements, &tree_files(&state, &root, config))))
    })
    .await
}

/// The same as `GET /api/check-coverage`, under the method sentrik used (it takes no body).
#[utoipa::path(post, path = "/api/check-coverage", tag = "devops",
    responses((status = 200, body = sentra_engine::trace::Coverage), (status = 500, body = ErrorBody)))]
pub(crate) async fn check_coverage_post(state: State<Arc<AppState>>, p: axum::Extension<Principal>) -> Result<Json<sentra_engine::trace::Coverage>, ApiError> {
    check_coverage(state, p).await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GenerateParams {
    /// Report what would be written without writing it (or pushing).
    pub dry_run: Option<bool>,
    /// Create a work item for each new requirement through the configured provider.
    pub push: Option<bool>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PushOutcome {
    pub req_id: String,
    pub work_item_id: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct GenerateResponse {
    /// `ok` (written), `unchanged` (nothing untraced is left) or `dry_run`.
    pub status: String,
    /// The file, relative to the tenant's workspace.
    pub path: String,
    /// The new draft requirements.
    pub added: Vec<sentra_engine::trace::Requirement>,
    /// Requirements in the file afterwards.
    pub total: usize,
    /// One entry per new requirement when `push` was asked for.
    pub pushed: Vec<PushOutcome>,
    /// The file's text afterwards (what it would be, for a dry run).
    pub yaml: String,
}

/// Drafts requirements for source files that trace to none, grouped by directory, and
/// merges them into `requirements.yaml`: existing entries are never renumbered or
/// rewritten, new ones take the next free `REQ-` numbers, and the same tree gives the
/// same file. With `push`, each new requirement gets a work item (an item already made
/// for it by an interrupted run is reused).
#[utoipa::path(post, path = "/api/generate-reqs", tag = "devops", params(GenerateParams),
    responses((status = 200, body = GenerateResponse), (status = 422, body = ErrorBody), (status = 500, body = ErrorBody)))]
pub(crate) async fn generate_reqs(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    q: Result<Query<GenerateParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<GenerateResponse>, ApiError> {
    let q = crate::error::query(q)?;
    let (dry_run, push) = (q.dry_run.unwrap_or(false), q.push.unwrap_or(false));
    blocking(move || {
        use sentra_engine::trace::{REQUIREMENTS_FILE, coverage, read_requirements};
        let loaded = state.current()?;
        let root = state.workspace(&loaded, &p.tenant)?;
        let view = state.tenant_config(&loaded, &p.tenant)?;
        let path = root.join(REQUIREMENTS_FILE);
        let existing_text = match std::fs::read_to_string(&path) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(requirements_error(format!("{}: {e}", path.display()))),
        };
        let existing = read_requirements(&root).map_err(requirements_error)?;
        let files = tree_files(&state, &root, &view.config);
        let untraced = coverage(&existing, &files).untraced_files;
        let mut added = sentra_engine::reqgen::generate(&existing, &files, &untraced);
        let mut pushed = Vec::new();
        if push && !dry_run && !added.is_empty() {
            let provider = connect(&state, &view.config.devops, &p.tenant);
            let items = provider.as_ref().map_err(|e| e.to_string()).and_then(|p| p.list().map_err(|e| e.to_string()));
            for r in &mut added {
                let draft = sentra_devops::requirement_draft(r);
                let outcome = match (&provider, &items) {
                    (Err(e), _) => Err(e.to_string()),
                    (_, Err(e)) => Err(e.clone()),
                    (Ok(provider), Ok(items)) => match items.iter().find(|i| i.rule_id == draft.rule_id) {
                        Some(found) => Ok(found.id.clone()),
                        None => provider.create(&draft).map(|i| i.id).map_err(|e| e.to_string()),
                    },
                };
                match outcome {
                    Ok(id) => {
                        r.work_item_id = Some(id.clone());
                        pushed.push(PushOutcome { req_id: r.req_id.clone(), work_item_id: Some(id), error: None });
                    }
                    Err(e) => pushed.push(PushOutcome { req_id: r.req_id.clone(), work_item_id: None, error: Some(e) }),
                }
            }
        }
        let now = jiff::Timestamp::now().round(jiff::Unit::Second).map_err(|e| ApiError::internal(e.to_string()))?.to_string();
        let yaml = sentra_engine::reqgen::merge(existing_text.as_deref(), &existing, &added, &now);
        let status = if dry_run {
            "dry_run"
        } else if added.is_empty() {
            "unchanged"
        } else {
            sentra_engine::config_edit::write_atomic(&path, yaml.as_bytes()).map_err(|e| ApiError::internal(format!("{}: {e}", path.display())))?;
            let ids: Vec<&str> = added.iter().map(|r| r.req_id.as_str()).collect();
            crate::packs::audit(
                state.store.as_ref(),
                &p.tenant,
                &crate::packs::Actor::from(&p),
                "generate_reqs",
                REQUIREMENTS_FILE,
                json!({"added": ids, "pushed": push}),
                "ok",
            );
            "ok"
        };
        Ok(Json(GenerateResponse {
            status: status.into(),
            path: REQUIREMENTS_FILE.into(),
            total: existing.requirements.len() + added.len(),
            added,
            pushed,
            yaml,
        }))
    })
    .await
}
