//! Work items and reconciliation: the latest scan's blocking findings, grouped by rule,
//! kept in step with a work tracker through the [`Provider`] trait. A rule with findings
//! and no item gets one; an item whose findings changed is updated; a closed item whose
//! rule fires again is reopened; an active item whose rule no longer fires is closed.
//! Running it twice on the same findings does nothing the second time.
//!
//! This build has the `local` provider (items in the state database). GitHub, Azure
//! DevOps and Jira providers implement the same trait against their REST APIs; they are
//! not built yet, and naming one is a clear 422, never a silent no-op.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use sentra_engine::{Finding, ScanResult};
use sentra_store::{LocalWorkItem, Storage as _, WorkItemDraft};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::error::{ApiError, blocking};
use crate::{AppState, Body, ErrorBody, Principal};

/// Providers this build can talk to.
pub const PROVIDERS: [&str; 1] = ["local"];

/// A work item as every provider reports it.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct WorkItem {
    pub id: String,
    pub title: String,
    pub description: String,
    pub acceptance_criteria: Vec<String>,
    /// `active` or `closed`.
    pub state: String,
    pub rule_id: String,
    /// The tracker's own id (the same as `id` for `local`).
    pub devops_id: String,
    pub url: Option<String>,
    pub linked_findings_count: usize,
    #[serde(skip)]
    findings_key: String,
}

/// A work tracker. Every item carries its rule id as a machine-readable marker, so items
/// are found again by rule, never by title.
pub trait Provider: Send + Sync {
    fn name(&self) -> &'static str;
    fn list(&self) -> Result<Vec<WorkItem>, String>;
    fn create(&self, draft: &WorkItemDraft) -> Result<WorkItem, String>;
    /// Rewrites an item and sets its state (`active` reopens, `closed` closes).
    fn update(&self, id: &str, draft: Option<&WorkItemDraft>, state: &str) -> Result<WorkItem, String>;
}

/// Items in the state database, per tenant.
pub struct LocalProvider {
    store: Arc<sentra_store::SqliteStore>,
    tenant: String,
}

fn from_local(w: LocalWorkItem) -> WorkItem {
    WorkItem {
        id: w.id.to_string(),
        devops_id: w.id.to_string(),
        title: w.title,
        description: w.description,
        acceptance_criteria: w.acceptance_criteria,
        state: w.state,
        rule_id: w.rule_id,
        url: None,
        linked_findings_count: w.findings_count,
        findings_key: w.findings_key,
    }
}

impl Provider for LocalProvider {
    fn name(&self) -> &'static str {
        "local"
    }
    fn list(&self) -> Result<Vec<WorkItem>, String> {
        Ok(self.store.list_work_items(&self.tenant).map_err(|e| e.to_string())?.into_iter().map(from_local).collect())
    }
    fn create(&self, draft: &WorkItemDraft) -> Result<WorkItem, String> {
        self.store.create_work_item(&self.tenant, draft).map(from_local).map_err(|e| e.to_string())
    }
    fn update(&self, id: &str, draft: Option<&WorkItemDraft>, state: &str) -> Result<WorkItem, String> {
        let id: i64 = id.parse().map_err(|_| format!("`{id}` is not a local work item id"))?;
        self.store
            .update_work_item(&self.tenant, id, draft, state)
            .map_err(|e| e.to_string())?
            .map(from_local)
            .ok_or_else(|| format!("no work item {id}"))
    }
}

/// What one work item should say about a rule's findings.
fn draft(rule_id: &str, findings: &[&Finding]) -> WorkItemDraft {
    let name = findings.first().map(|f| f.message.split(':').next().unwrap_or(&f.message).to_string()).unwrap_or_default();
    let mut files: Vec<&str> = findings.iter().map(|f| f.evidence.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let mut description = format!("sentra found {} blocking finding(s) of rule {rule_id}.\n\n", findings.len());
    for f in findings {
        description.push_str(&format!("- {}:{} [{}] {}\n", f.evidence.file, f.evidence.lines[0], f.severity.as_str(), f.message));
    }
    if let Some(r) = findings.iter().map(|f| f.remediation_guidance.as_str()).find(|r| !r.is_empty()) {
        description.push_str(&format!("\nRemediation: {r}\n"));
    }
    description.push_str(&format!("\n<!-- sentra-rule: {rule_id} -->\n"));
    let mut prints: Vec<&str> = findings.iter().map(|f| f.fingerprint.as_str()).collect();
    prints.sort_unstable();
    WorkItemDraft {
        rule_id: rule_id.into(),
        title: format!("[sentra] {rule_id}: {name}"),
        description,
        acceptance_criteria: files.iter().map(|f| format!("No {rule_id} finding remains in {f}")).collect(),
        findings_key: sentra_store::packs::sha256_hex(prints.join("\n").as_bytes()),
        findings_count: findings.len(),
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReconcileAction {
    /// `create`, `update`, `close` or `reopen`.
    pub action: String,
    pub rule_id: String,
    pub work_item_id: Option<String>,
    pub title: String,
    /// Why the provider refused, when it did.
    pub error: Option<String>,
}

#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct ReconcileCounts {
    pub created: usize,
    pub updated: usize,
    pub closed: usize,
    pub reopened: usize,
    pub errors: usize,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReconcileResponse {
    /// `ok`, `dry_run`, `partial` (some actions failed) or `no_scan`.
    pub status: String,
    pub provider: String,
    pub actions: Vec<ReconcileAction>,
    pub result: ReconcileCounts,
}

/// Brings the provider in step with `result`'s blocking findings.
pub fn reconcile(provider: &dyn Provider, result: &ScanResult, fail_on: &[sentra_runtime::Severity], dry_run: bool) -> Result<ReconcileResponse, String> {
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in result.findings.iter().filter(|f| !f.is_obligation && fail_on.contains(&f.severity)) {
        by_rule.entry(f.rule_id.as_str()).or_default().push(f);
    }
    let items = provider.list()?;
    let mut actions = Vec::new();
    let mut counts = ReconcileCounts::default();
    let mut act = |action: &str, rule: &str, id: Option<String>, title: String, outcome: Option<Result<WorkItem, String>>| {
        let (work_item_id, error) = match outcome {
            None => (id, None),
            Some(Ok(item)) => (Some(item.id), None),
            Some(Err(e)) => (id, Some(e)),
        };
        match (&error, action) {
            (Some(_), _) => counts.errors += 1,
            (None, "create") => counts.created += 1,
            (None, "update") => counts.updated += 1,
            (None, "close") => counts.closed += 1,
            (None, _) => counts.reopened += 1,
        }
        actions.push(ReconcileAction { action: action.into(), rule_id: rule.into(), work_item_id, title, error });
    };
    for (rule, findings) in &by_rule {
        let d = draft(rule, findings);
        // The newest item of a rule is the one kept in step.
        match items.iter().rev().find(|i| i.rule_id == *rule) {
            None => {
                let outcome = (!dry_run).then(|| provider.create(&d));
                act("create", rule, None, d.title.clone(), outcome);
            }
            Some(item) if item.state == "closed" => {
                let outcome = (!dry_run).then(|| provider.update(&item.id, Some(&d), "active"));
                act("reopen", rule, Some(item.id.clone()), d.title.clone(), outcome);
            }
            Some(item) if item.findings_key != d.findings_key => {
                let outcome = (!dry_run).then(|| provider.update(&item.id, Some(&d), "active"));
                act("update", rule, Some(item.id.clone()), d.title.clone(), outcome);
            }
            Some(_) => {}
        }
    }
    for item in items.iter().filter(|i| i.state == "active" && !by_rule.contains_key(i.rule_id.as_str())) {
        let outcome = (!dry_run).then(|| provider.update(&item.id, None, "closed"));
        act("close", &item.rule_id, Some(item.id.clone()), item.title.clone(), outcome);
    }
    let status = if dry_run {
        "dry_run"
    } else if counts.errors > 0 {
        "partial"
    } else {
        "ok"
    };
    Ok(ReconcileResponse { status: status.into(), provider: provider.name().into(), actions, result: counts })
}

fn provider_for(state: &AppState, tenant: &str) -> LocalProvider {
    LocalProvider { store: state.store.clone(), tenant: tenant.into() }
}


#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorkItemsParams {
    /// `active`, `closed` or `all` (default).
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
    let q = crate::history::query(q)?;
    let filter = q.state.unwrap_or_else(|| "all".into());
    if !["active", "closed", "all"].contains(&filter.as_str()) {
        return Err(ApiError::invalid(&["query", "state"], format!("`{filter}` is not active, closed or all"), "value_error"));
    }
    blocking(move || {
        let provider = provider_for(&state, &p.tenant);
        let items: Vec<WorkItem> =
            provider.list().map_err(ApiError::internal)?.into_iter().filter(|i| filter == "all" || i.state == filter).collect();
        Ok(Json(WorkItemsResponse { total: items.len(), work_items: items, provider: provider.name().into() }))
    })
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReconcileParams {
    /// Report the actions without making them.
    pub dry_run: Option<bool>,
}

/// Keeps work items in step with the latest scan's blocking findings.
#[utoipa::path(post, path = "/api/reconcile", tag = "devops", params(ReconcileParams),
    responses((status = 200, body = ReconcileResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn reconcile_endpoint(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    q: Result<Query<ReconcileParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ReconcileResponse>, ApiError> {
    let q = crate::history::query(q)?;
    let dry_run = q.dry_run.unwrap_or(false);
    blocking(move || {
        let provider = provider_for(&state, &p.tenant);
        let Some((_, json)) = state.store.scan_result(&p.tenant, None).map_err(|e| ApiError::internal(e.to_string()))? else {
            return Ok(Json(ReconcileResponse { status: "no_scan".into(), provider: provider.name().into(), actions: Vec::new(), result: ReconcileCounts::default() }));
        };
        let result: ScanResult = serde_json::from_str(&json).map_err(|e| ApiError::internal(e.to_string()))?;
        let fail_on = state.current()?.config.gate_fail_on.clone();
        let out = reconcile(&provider, &result, &fail_on, dry_run).map_err(ApiError::internal)?;
        if !dry_run {
            let summary = json!({"status": out.status, "created": out.result.created, "updated": out.result.updated, "closed": out.result.closed, "reopened": out.result.reopened, "errors": out.result.errors});
            state.store.record_reconcile(&p.tenant, provider.name(), &summary).map_err(|e| ApiError::internal(e.to_string()))?;
            crate::packs::audit(state.store.as_ref(), &p.tenant, &crate::packs::Actor::from(&p), "reconcile", provider.name(), summary, &out.status);
        }
        Ok(Json(out))
    })
    .await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DevopsStatus {
    pub provider: String,
    pub configured: bool,
    /// Providers this build supports.
    pub supported: Vec<String>,
    /// Time, provider and counts of the last reconcile.
    #[schema(value_type = Object)]
    pub last_reconcile: Option<serde_json::Value>,
}

/// The provider in use and the last reconcile.
#[utoipa::path(get, path = "/api/devops/status", tag = "devops", responses((status = 200, body = DevopsStatus)))]
pub(crate) async fn status(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<DevopsStatus>, ApiError> {
    blocking(move || {
        let last = state
            .store
            .last_reconcile(&p.tenant)
            .map_err(|e| ApiError::internal(e.to_string()))?
            .map(|(at, provider, summary)| json!({"at": at, "provider": provider, "summary": summary}));
        Ok(Json(DevopsStatus { provider: "local".into(), configured: true, supported: PROVIDERS.map(String::from).to_vec(), last_reconcile: last }))
    })
    .await
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TestConnection {
    pub provider: String,
    /// Provider settings (nothing is saved).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub settings: serde_json::Value,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TestConnectionResult {
    /// `ok` or `error`.
    pub status: String,
    pub provider: String,
    pub message: String,
    pub work_item_count: Option<usize>,
}

/// Checks that a provider answers (nothing is saved). Unsupported providers are 422.
#[utoipa::path(post, path = "/api/devops/test-connection", tag = "devops", request_body = TestConnection,
    responses((status = 200, body = TestConnectionResult), (status = 422, body = ErrorBody)))]
pub(crate) async fn test_connection(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<Json<TestConnectionResult>, ApiError> {
    let req: TestConnection = crate::error::parse_optional_body(body)?;
    if !PROVIDERS.contains(&req.provider.as_str()) {
        return Err(ApiError::invalid(
            &["body", "provider"],
            format!("`{}` is not a provider this build supports ({})", req.provider, PROVIDERS.join(", ")),
            "value_error",
        ));
    }
    blocking(move || {
        let provider = provider_for(&state, &p.tenant);
        Ok(Json(match provider.list() {
            Ok(items) => TestConnectionResult { status: "ok".into(), provider: req.provider, message: "the local store answers".into(), work_item_count: Some(items.len()) },
            Err(e) => TestConnectionResult { status: "error".into(), provider: req.provider, message: e, work_item_count: None },
        }))
    })
    .await
}

/// Traces `REQ-`/`SRS-` ids in source comments against `requirements.yaml`; every source
/// file that traces to nothing is a `SENTRA-REQ-COVERAGE` finding.
#[utoipa::path(get, path = "/api/check-coverage", tag = "devops",
    responses((status = 200, body = sentra_engine::trace::Coverage), (status = 500, body = ErrorBody)))]
pub(crate) async fn check_coverage(State(state): State<Arc<AppState>>) -> Result<Json<sentra_engine::trace::Coverage>, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let requirements = sentra_engine::trace::read_requirements(&state.root).map_err(|e| {
            let mut err = ApiError::internal(e);
            err.code = "config_error";
            err
        })?;
        let mut files = Vec::new();
        for (rel, path, len) in sentra_engine::scan::walk_tree(&state.root, &loaded.config) {
            if state.state_dir.as_ref().is_some_and(|d| path.starts_with(d)) {
                continue;
            }
            if let Some(data) = sentra_engine::scan::load_file(&path, len, loaded.config.max_file_bytes) {
                files.push((rel, String::from_utf8_lossy(data.bytes()).into_owned()));
            }
        }
        Ok(Json(sentra_engine::trace::coverage(&requirements, &files)))
    })
    .await
}
