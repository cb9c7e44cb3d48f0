//! `/api/approvals`: human review where governance asks for it. Requests come from
//! callers (`POST`) and from the server itself (a failing gate under `on_gate_failure`, a
//! governance change under `on_config_change`). Resolving one needs a role governance
//! allows and a different person than the requester; approving a config change applies
//! it, approving a gate failure lets the next gate on the same findings pass.

use std::sync::Arc;

use crate::error::UrlPath;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use sentra_app::approvals::{self, ApprovalError, DeferredAction};
use sentra_app::governance::GovernanceError;
use sentra_store::{Approval, ApprovalState, Decision};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{ApiError, blocking, internal};
use crate::{AppState, Body, ErrorBody, Principal};
use sentra_app::Actor;

/// Longest approval request title, in bytes.
pub const MAX_APPROVAL_TITLE_BYTES: usize = 512;
/// Largest approval request `context`, as JSON bytes.
pub const MAX_APPROVAL_CONTEXT_BYTES: usize = 16 << 10;
/// How often resolved and expired requests past the audit retention are deleted.
pub const APPROVAL_PURGE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(3600);

/// Marks requests past their time as expired, and audits each.
pub(crate) fn expire(state: &AppState) -> Result<(), ApiError> {
    approvals::expire(state.store.as_ref()).map_err(internal)
}

/// Deletes every tenant's resolved and expired requests older than its audit retention.
pub(crate) fn purge(state: &AppState) -> Result<usize, ApiError> {
    let loaded = state.current()?;
    let mut purged = 0;
    for tenant in state.store.known_tenants().map_err(internal)? {
        let retention = state.tenant_config(&loaded, &tenant)?.config.governance.audit.retention_days;
        purged += approvals::purge(state.store.as_ref(), &tenant, retention).map_err(internal)?;
    }
    Ok(purged)
}

/// Opens a request with the governance timeout, audited.
pub(crate) fn request(state: &AppState, p: &Principal, action: DeferredAction, title: &str, context: Value) -> Result<Approval, ApiError> {
    let loaded = state.current()?;
    let timeout_s = state.tenant_config(&loaded, &p.tenant)?.config.governance.approvals.timeout_s;
    let req = approvals::NewRequest { action, title, context, timeout_s };
    approvals::request(state.store.as_ref(), &p.tenant, &Actor::from(p), req).map_err(internal)
}

impl From<ApprovalError> for ApiError {
    fn from(e: ApprovalError) -> Self {
        let msg = e.to_string();
        match e {
            ApprovalError::CommentRequired => ApiError::invalid(&["body", "comment"], msg, "value_error"),
            ApprovalError::RoleNotAllowed { .. } => ApiError::new(StatusCode::FORBIDDEN, "forbidden", msg),
            ApprovalError::NotFound(_) => ApiError::new(StatusCode::NOT_FOUND, "approval_not_found", msg),
            ApprovalError::AlreadyResolved { .. } => ApiError::new(StatusCode::CONFLICT, "already_resolved", msg),
            ApprovalError::SelfApproval => ApiError::new(StatusCode::FORBIDDEN, "self_approval", msg),
            ApprovalError::Governance(GovernanceError::Invalid { field, message }) => ApiError::invalid(&["body", &field], message, "value_error"),
            ApprovalError::Governance(GovernanceError::Settings(_)) | ApprovalError::NoServerRoot | ApprovalError::Store(_) => ApiError::internal(msg),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApprovalsParams {
    /// `pending` (default), `approved`, `rejected`, `expired` or `all`.
    #[param(schema_with = crate::openapi::approval_status_filter)]
    pub status: Option<String>,
    pub action_type: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApprovalsResponse {
    pub approvals: Vec<Approval>,
    pub total: usize,
}

/// The caller's tenant's requests, newest first.
#[utoipa::path(get, path = "/api/approvals", tag = "approvals", params(ApprovalsParams),
    responses((status = 200, body = ApprovalsResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn list(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    q: Result<Query<ApprovalsParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ApprovalsResponse>, ApiError> {
    let q = crate::error::query(q)?;
    let status = q.status.unwrap_or_else(|| "pending".into());
    if !["pending", "approved", "rejected", "expired", "all"].contains(&status.as_str()) {
        return Err(ApiError::invalid(&["query", "status"], format!("`{status}` is not pending, approved, rejected, expired or all"), "value_error"));
    }
    blocking(move || {
        expire(&state)?;
        let filter = ApprovalState::parse(&status);
        let approvals = state.store.list_approvals(&p.tenant, filter, q.action_type.as_deref()).map_err(internal)?;
        Ok(Json(ApprovalsResponse { total: approvals.len(), approvals }))
    })
    .await
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRequest {
    #[schema(pattern = "^[a-z_.]{1,64}$")]
    pub action_type: String,
    #[schema(pattern = "\\S")]
    pub title: String,
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub context: Value,
    /// Who asks (informational; the key's name is what counts for self-approval).
    pub requested_by: Option<String>,
}

/// Opens a request. 201. An `obligation_attestation` request names a pack's obligation in
/// its context (`pack_id`, `rule_id`); once approved, compliance reports show the obligation
/// passing, attested by the approver.
#[utoipa::path(post, path = "/api/approvals", tag = "approvals", request_body = NewRequest,
    responses((status = 201, body = Approval), (status = 422, body = ErrorBody)))]
pub(crate) async fn create(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<(StatusCode, Json<Approval>), ApiError> {
    let req: NewRequest = crate::error::parse_required_body(body)?;
    let valid_type =
        !req.action_type.is_empty() && req.action_type.len() <= 64 && req.action_type.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.');
    if !valid_type {
        return Err(ApiError::invalid(&["body", "action_type"], "1 to 64 of a-z, `_` and `.`", "value_error"));
    }
    if req.title.trim().is_empty() {
        return Err(ApiError::invalid(&["body", "title"], "must not be empty", "value_error"));
    }
    if req.title.len() > MAX_APPROVAL_TITLE_BYTES {
        return Err(ApiError::invalid(&["body", "title"], format!("{} bytes; the limit is {MAX_APPROVAL_TITLE_BYTES}", req.title.len()), "value_error"));
    }
    let context_bytes = req.context.to_string().len();
    if context_bytes > MAX_APPROVAL_CONTEXT_BYTES {
        return Err(ApiError::invalid(
            &["body", "context"],
            format!("{context_bytes} bytes as JSON; the limit is {MAX_APPROVAL_CONTEXT_BYTES}"),
            "value_error",
        ));
    }
    if !(req.context.is_null() || req.context.is_object()) {
        return Err(ApiError::invalid(&["body", "context"], "must be a JSON object", "type_error"));
    }
    if req.action_type == sentra_app::attestations::OBLIGATION_ATTESTATION
        && let Err((field, why)) = sentra_app::attestations::check_context(&req.context)
    {
        return Err(ApiError::invalid(&["body", "context", field], why, "value_error"));
    }
    blocking(move || {
        let mut context = if req.context.is_null() { json!({}) } else { req.context };
        if let (Some(by), Some(m)) = (req.requested_by, context.as_object_mut()) {
            m.insert("requested_for".into(), by.into());
        }
        let a = request(&state, &p, DeferredAction::Other(req.action_type), &req.title, context)?;
        Ok((StatusCode::CREATED, Json(a)))
    })
    .await
}

fn find(state: &AppState, tenant: &str, id: i64) -> Result<Approval, ApiError> {
    Ok(approvals::find(state.store.as_ref(), tenant, id)?)
}

/// One request.
#[utoipa::path(get, path = "/api/approvals/{id}", tag = "approvals", params(("id" = i64, Path, minimum = 1)),
    responses((status = 200, body = Approval), (status = 404, body = ErrorBody)))]
pub(crate) async fn get(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<i64>,
) -> Result<Json<Approval>, ApiError> {
    blocking(move || Ok(Json(find(&state, &p.tenant, id)?))).await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApprovalStatus {
    pub id: i64,
    pub status: ApprovalState,
    pub expired: bool,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
}

/// A request's status.
#[utoipa::path(get, path = "/api/approvals/{id}/status", tag = "approvals", params(("id" = i64, Path, minimum = 1)),
    responses((status = 200, body = ApprovalStatus), (status = 404, body = ErrorBody)))]
pub(crate) async fn status(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<i64>,
) -> Result<Json<ApprovalStatus>, ApiError> {
    blocking(move || {
        let a = find(&state, &p.tenant, id)?;
        Ok(Json(ApprovalStatus {
            id: a.id,
            expired: a.status == ApprovalState::Expired,
            status: a.status,
            resolved_by: a.resolved_by,
            resolved_at: a.resolved_at,
        }))
    })
    .await
}

/// A decision. Its schema ([`crate::openapi::resolution`]) says what the handler checks:
/// approving needs a comment that is not blank.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// `approve` or `reject` (sentrik's `approved` and `rejected` are accepted too).
    pub action: String,
    /// Required to approve.
    #[serde(default)]
    pub comment: String,
}

impl utoipa::PartialSchema for Resolution {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::OneOf(crate::openapi::resolution()))
    }
}

impl utoipa::ToSchema for Resolution {}

/// Approves or rejects a pending request: a comment is required to approve, the role must
/// be one governance allows, the requester cannot resolve their own request, and a
/// resolved (or expired) request is 409.
#[utoipa::path(patch, path = "/api/approvals/{id}", tag = "approvals", params(("id" = i64, Path, minimum = 1)), request_body = Resolution,
    responses((status = 200, body = Approval), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn resolve(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<i64>,
    body: Body,
) -> Result<Json<Approval>, ApiError> {
    let r: Resolution = crate::error::parse_required_body(body)?;
    let decision = match r.action.as_str() {
        "approve" | "approved" => Decision::Approve,
        "reject" | "rejected" => Decision::Reject,
        other => return Err(ApiError::invalid(&["body", "action"], format!("`{other}` is not approve or reject"), "value_error")),
    };
    if decision == Decision::Approve && sentra_app::approvals::is_blank(&r.comment) {
        return Err(ApprovalError::CommentRequired.into());
    }
    blocking(move || {
        let loaded = state.current()?;
        let roles = state.tenant_config(&loaded, &p.tenant)?.config.governance.approvals.approver_roles.clone();
        let actor = Actor::from(&p);
        let resolution = approvals::Resolution { id, decision, comment: &r.comment, actor: &actor, approver_roles: Some(&roles) };
        let ctx = approvals::Context { store: state.store.as_ref(), tenant: &p.tenant, operator: Some(&loaded.operator) };
        // A held config change rewrites the tenant's settings: one writer at a time (the
        // settings revision tells every reader it changed).
        let _guard = state.config_write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (resolved, _) = approvals::resolve(&ctx, &resolution)?;
        Ok(Json(resolved))
    })
    .await
}
