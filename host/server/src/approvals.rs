//! `/api/approvals`: human review where governance asks for it. Requests come from
//! callers (`POST`) and from the server itself (a failing gate under `on_gate_failure`, a
//! governance change under `on_config_change`). Resolving one needs a role governance
//! allows and a different person than the requester; approving a config change applies
//! it, approving a gate failure lets the next gate on the same findings pass.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use crate::error::UrlPath;
use axum::http::StatusCode;
use sentra_store::{Approval, NewApproval, ResolveRefusal, Storage as _};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{ApiError, blocking, internal};
use crate::packs::{Actor, audit};
use crate::{AppState, Body, ErrorBody, Principal};


/// Marks requests past their time as expired, and audits each.
pub(crate) fn expire(state: &AppState) -> Result<(), ApiError> {
    let actor = Actor { name: "sentra".into(), role: "system".into() };
    for (tenant, a) in state.store.expire_approvals().map_err(internal)? {
        audit(state.store.as_ref(), &tenant, &actor, "approval.expire", &a.id.to_string(), json!({"action_type": a.action_type}), "expired");
    }
    Ok(())
}

/// Opens a request with the governance timeout, audited.
pub(crate) fn request(state: &AppState, tenant: &str, actor: &Actor, action_type: &str, title: &str, context: Value, payload: Value) -> Result<Approval, ApiError> {
    let timeout_s = state.current()?.config.governance.approvals.timeout_s;
    let new = NewApproval {
        tenant: tenant.into(),
        action_type: action_type.into(),
        title: title.into(),
        context,
        payload,
        requested_by: actor.name.clone(),
        timeout_s,
    };
    let a = state.store.create_approval(&new).map_err(internal)?;
    audit(state.store.as_ref(), tenant, actor, "approval.request", &a.id.to_string(), json!({"action_type": a.action_type, "title": a.title}), "pending");
    Ok(a)
}

/// The fingerprint of a gate's blocking findings: an approved failure covers exactly them.
pub(crate) fn findings_key(result: &sentra_engine::ScanResult, fail_on: &[sentra_runtime::Severity]) -> String {
    let mut prints: Vec<&str> = result.findings.iter().filter(|f| fail_on.contains(&f.severity)).map(|f| f.fingerprint.as_str()).collect();
    prints.sort_unstable();
    sentra_store::packs::sha256_hex(prints.join("\n").as_bytes())
}

/// For a failing gate: an approved override of exactly these findings (the gate passes),
/// or, when governance wants review of gate failures, the (new or pending) request.
pub(crate) fn gate_review(state: &AppState, p: &Principal, target: &str, key: &str, failed: bool) -> Result<(bool, Option<i64>), ApiError> {
    if !failed {
        return Ok((false, None));
    }
    expire(state)?;
    let mine = state.store.list_approvals(&p.tenant, None, Some("gate_failure")).map_err(internal)?;
    let matching = |status: &str| mine.iter().find(|a| a.status == status && a.payload["findings"] == key).map(|a| a.id);
    if let Some(id) = matching("approved") {
        return Ok((true, Some(id)));
    }
    if !state.current()?.config.governance.human_review_required.on_gate_failure {
        return Ok((false, None));
    }
    if let Some(id) = matching("pending") {
        return Ok((false, Some(id)));
    }
    let a = request(state, &p.tenant, &Actor::from(p), "gate_failure", &format!("Gate failed on {target}"), json!({"target": target}), json!({"findings": key}))?;
    Ok((false, Some(a.id)))
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
    let q = crate::history::query(q)?;
    let status = q.status.unwrap_or_else(|| "pending".into());
    if !["pending", "approved", "rejected", "expired", "all"].contains(&status.as_str()) {
        return Err(ApiError::invalid(&["query", "status"], format!("`{status}` is not pending, approved, rejected, expired or all"), "value_error"));
    }
    blocking(move || {
        expire(&state)?;
        let filter = (status != "all").then_some(status.as_str());
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

/// Opens a request. 201.
#[utoipa::path(post, path = "/api/approvals", tag = "approvals", request_body = NewRequest,
    responses((status = 201, body = Approval), (status = 422, body = ErrorBody)))]
pub(crate) async fn create(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, body: Body) -> Result<(StatusCode, Json<Approval>), ApiError> {
    let req: NewRequest = crate::error::parse_required_body(body)?;
    let valid_type = !req.action_type.is_empty() && req.action_type.len() <= 64 && req.action_type.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.');
    if !valid_type {
        return Err(ApiError::invalid(&["body", "action_type"], "1 to 64 of a-z, `_` and `.`", "value_error"));
    }
    if req.title.trim().is_empty() {
        return Err(ApiError::invalid(&["body", "title"], "must not be empty", "value_error"));
    }
    if !(req.context.is_null() || req.context.is_object()) {
        return Err(ApiError::invalid(&["body", "context"], "must be a JSON object", "type_error"));
    }
    blocking(move || {
        let mut context = if req.context.is_null() { json!({}) } else { req.context };
        if let (Some(by), Some(m)) = (req.requested_by, context.as_object_mut()) {
            m.insert("requested_for".into(), by.into());
        }
        let a = request(&state, &p.tenant, &Actor::from(&p), &req.action_type, &req.title, context, json!({}))?;
        Ok((StatusCode::CREATED, Json(a)))
    })
    .await
}

fn find(state: &AppState, tenant: &str, id: i64) -> Result<Approval, ApiError> {
    expire(state)?;
    state
        .store
        .get_approval(tenant, id)
        .map_err(internal)?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "approval_not_found", format!("no approval request {id}")))
}

/// One request.
#[utoipa::path(get, path = "/api/approvals/{id}", tag = "approvals", params(("id" = i64, Path, minimum = 1)),
    responses((status = 200, body = Approval), (status = 404, body = ErrorBody)))]
pub(crate) async fn get(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, UrlPath(id): UrlPath<i64>) -> Result<Json<Approval>, ApiError> {
    blocking(move || Ok(Json(find(&state, &p.tenant, id)?))).await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApprovalStatus {
    pub id: i64,
    pub status: String,
    pub expired: bool,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
}

/// A request's status.
#[utoipa::path(get, path = "/api/approvals/{id}/status", tag = "approvals", params(("id" = i64, Path, minimum = 1)),
    responses((status = 200, body = ApprovalStatus), (status = 404, body = ErrorBody)))]
pub(crate) async fn status(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, UrlPath(id): UrlPath<i64>) -> Result<Json<ApprovalStatus>, ApiError> {
    blocking(move || {
        let a = find(&state, &p.tenant, id)?;
        Ok(Json(ApprovalStatus { id: a.id, expired: a.status == "expired", status: a.status, resolved_by: a.resolved_by, resolved_at: a.resolved_at }))
    })
    .await
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// `approve` or `reject`.
    #[schema(schema_with = crate::openapi::resolution_action)]
    pub action: String,
    /// Required to approve.
    #[serde(default)]
    pub comment: String,
}

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
    let status = match r.action.as_str() {
        "approve" => "approved",
        "reject" => "rejected",
        other => return Err(ApiError::invalid(&["body", "action"], format!("`{other}` is not approve or reject"), "value_error")),
    };
    if status == "approved" && r.comment.trim().is_empty() {
        return Err(ApiError::invalid(&["body", "comment"], "a comment is required to approve", "value_error"));
    }
    blocking(move || {
        let roles = state.current()?.config.governance.approvals.approver_roles.clone();
        if !roles.iter().any(|role| role == p.role.as_str()) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                format!("role `{}` may not resolve approvals (governance.approvals.approver_roles: {})", p.role, roles.join(", ")),
            ));
        }
        let a = find(&state, &p.tenant, id)?;
        if a.status != "pending" {
            return Err(ApiError::new(StatusCode::CONFLICT, "already_resolved", format!("approval request {id} is already {}", a.status)));
        }
        if a.requested_by == p.name {
            return Err(ApiError::new(StatusCode::FORBIDDEN, "self_approval", "the requester cannot resolve their own request"));
        }
        let resolved = match state.store.resolve_approval(&p.tenant, id, status, &p.name, &r.comment).map_err(internal)? {
            Ok(a) => a,
            Err(ResolveRefusal::NotFound) => return Err(ApiError::new(StatusCode::NOT_FOUND, "approval_not_found", format!("no approval request {id}"))),
            Err(ResolveRefusal::AlreadyResolved(s)) => {
                return Err(ApiError::new(StatusCode::CONFLICT, "already_resolved", format!("approval request {id} is already {s}")));
            }
        };
        let action = if status == "approved" { "approval.approve" } else { "approval.reject" };
        audit(state.store.as_ref(), &p.tenant, &Actor::from(&p), action, &id.to_string(), json!({"comment": r.comment, "action_type": resolved.action_type}), status);
        if status == "approved" && resolved.action_type == "config_change"
            && let Some(g) = resolved.payload.get("governance") {
                crate::settings::apply_governance(&state, &p, g.clone())?;
            }
        // An approved import is enabled, if it is still the pack that was reviewed.
        if status == "approved" && resolved.action_type == "pack_import"
            && let Some(id) = resolved.payload["pack_id"].as_str() {
                let current = state.store.get_pack(&p.tenant, id).map_err(internal)?;
                if current.is_some_and(|r| r.sha256 == resolved.payload["sha256"]) {
                    state.store.set_pack_enabled(&p.tenant, id, true).map_err(internal)?;
                    audit(state.store.as_ref(), &p.tenant, &Actor::from(&p), "pack.enable", id, json!({"approval_id": resolved.id}), "ok");
                }
            }
        Ok(Json(resolved))
    })
    .await
}
