//! `/api/audit` and `/api/audit/verify`: a tenant's hash-chained audit log.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Extension, Query, State};
use serde::{Deserialize, Serialize};

pub use auth::Principal;
pub use error::{ApiError, ErrorBody};

use crate::*;

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
    /// Only entries at or after this time: RFC 3339 (`2026-01-31T12:00:00Z`) or a date
    /// (`2026-01-31`, from midnight UTC).
    #[param(format = Date)]
    pub since: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditResponse {
    pub entries: Vec<sentra_store::AuditEntry>,
    pub total: usize,
    /// The head of the tenant's chain (entry count and last hash) when the page was read:
    /// keep a copy to detect a later rollback of the whole database.
    pub head: Option<sentra_store::AuditHead>,
}

/// The caller's tenant's audit log, newest first.
#[utoipa::path(get, path = "/api/audit", tag = "audit", params(AuditParams),
    responses((status = 200, body = AuditResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn audit_log(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    query: Result<Query<AuditParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<AuditResponse>, ApiError> {
    let q = crate::error::query(query)?;
    let limit = crate::error::range("limit", q.limit, 100, 1, 1000)?;
    let offset = crate::error::range("offset", q.offset, 0, 0, i64::MAX)?;
    let since = match &q.since {
        None => None,
        Some(s) => {
            let date = || s.parse::<jiff::civil::Date>().ok().and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok()).map(|z| z.timestamp());
            let t: jiff::Timestamp = s.parse().ok().or_else(date).ok_or_else(|| {
                ApiError::invalid(&["query", "since"], format!("`{s}` is not an RFC 3339 time (2026-01-31T12:00:00Z) or a date (2026-01-31)"), "value_error")
            })?;
            Some(t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        }
    };
    let query = sentra_store::AuditQuery { limit: limit as usize, offset: offset as usize, action: q.action, actor: q.actor, since };
    let (entries, total, head) = tokio::task::spawn_blocking(move || {
        let head = state.store.audit_head(&p.tenant)?;
        let (entries, total) = state.store.list_audit(&p.tenant, &query)?;
        Ok::<_, sentra_store::StoreError>((entries, total, head))
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?
    .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Json(AuditResponse { entries, total, head }))
}

/// Checks the caller's tenant's audit chain and says where it breaks.
#[utoipa::path(get, path = "/api/audit/verify", tag = "audit", responses((status = 200, body = sentra_store::AuditVerification)))]
pub(crate) async fn audit_verify(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
) -> Result<Json<sentra_store::AuditVerification>, ApiError> {
    let v = tokio::task::spawn_blocking(move || state.store.verify_audit(&p.tenant))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Json(v))
}
