//! `GET /rules`: the tenant's effective rules, cached per config and pack revision.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Extension, Query, State};
use axum::response::IntoResponse;
use sentra_runtime::Severity;
use serde::{Deserialize, Serialize};

pub use auth::Principal;
pub use error::{ApiError, ErrorBody};

use crate::scan::{current_for, prepare};
use crate::state::CachedRules;
use crate::*;

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
pub(crate) async fn rules(
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
        Some(s) => Some(
            Severity::parse(s)
                .ok_or_else(|| ApiError::invalid(&["query", "severity"], format!("`{s}` is not one of critical, high, medium, low, info"), "value_error"))?,
        ),
    };
    let (loaded, tenant_packs) = current_for(&state, &p.tenant).await?;
    // The tenant's settings (overrides, packs) change the rules too.
    let settings_revision = {
        let st = state.clone();
        crate::error::blocking(move || sentra_store::SettingsStore::settings_revision(st.store.as_ref()).map_err(crate::error::internal)).await?
    };
    let key = format!("{}|{}|{settings_revision}", p.tenant, tenant_packs.revision);
    let cached = loaded.rules.lock().expect("rules cache").get(&key).cloned();
    let cached = match cached {
        Some(c) => c,
        None => {
            let config = {
                let (st, l, t, o) = (state.clone(), loaded.clone(), p.tenant.clone(), tenant_packs.overrides());
                crate::error::blocking(move || prepare(&st, &l, &t, o, ScanRequest::default())).await?.config
            };
            let set = {
                let (st, l, c, tenant) = (state.clone(), loaded.clone(), config.clone(), p.tenant.clone());
                tokio::task::spawn_blocking(move || st.tenant_pack_set(&l, &tenant, &c, false)).await.map_err(|e| ApiError::internal(e.to_string()))??
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
