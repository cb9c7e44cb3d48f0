//! `/api/config` and `/api/governance`: a tenant's own settings (stored per tenant, over
//! the operator's values), and `/api/operator/config`: the operator's (an `operator` key).
//! Reads show effective values with secrets, URL credentials, absolute paths and other
//! tenants left out; writes are checked as a whole before anything is stored.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::error::{ApiError, FieldError};
use crate::state::{Loaded, TenantView};
use crate::{AppState, Body, ErrorBody, Principal};

use sentra_app::settings::{SettingsError, redact};
use sentra_engine::layers;

/// A tenant's effective settings: its stored ones over the operator's values, with the
/// defaults filled in. No other tenant, no absolute path, secrets redacted.
fn effective(view: &TenantView) -> Result<Value, ApiError> {
    let c = &view.config;
    let l = &c.pack_limits;
    let mut out = serde_json::to_value(&view.raw).map_err(|e| ApiError::internal(e.to_string()))?;
    let defaults = json!({
        "standards_packs": c.standards_packs,
        "gate_fail_on": c.gate_fail_on,
        "scan_exclude": c.scan_exclude,
        "max_file_bytes": c.max_file_bytes,
        "pack_limits": {
            "timeout_ms": l.call_timeout.as_millis() as u64, "memory_mb": l.memory_bytes >> 20,
            "max_findings_per_file": l.max_findings_per_file, "max_findings_per_scan": l.max_findings_per_scan,
            "max_message_bytes": l.max_message_bytes, "regex_backtrack_limit": l.regex.backtrack_limit,
        },
        "reporters": c.reporters,
        "output_dir": c.output_dir,
    });
    if let (Some(o), Some(d)) = (out.as_object_mut(), defaults.as_object()) {
        for (k, v) in d {
            o.insert(k.clone(), v.clone());
        }
        // What the operator decided per tenant is shown as its effect above (limits,
        // trackers), never as the list of tenants.
        o.remove("tenants");
    }
    Ok(redact(&out))
}

/// Who owns each key of a settings document.
fn owners(config: &Value) -> Map<String, Value> {
    config.as_object().into_iter().flatten().map(|(k, _)| (k.clone(), json!(layers::owner(k)))).collect()
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ConfigResponse {
    /// `ok` after an update; `pending_approval` when a governance change waits for review.
    pub status: Option<String>,
    /// The approval request holding a governance change (with `pending_approval`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_change_id: Option<i64>,
    /// The caller's tenant: whose settings these are.
    pub tenant: String,
    /// The operator's config file (relative to the server root): where the defaults under
    /// the tenant's own settings come from.
    pub path: String,
    /// `GUARD_*` variables in effect (their values are not shown).
    pub environment: Vec<String>,
    /// The effective settings.
    #[schema(value_type = Object)]
    pub config: Value,
    /// Who decides each key: `tenant` (changed here) or `operator`.
    #[schema(value_type = Object)]
    pub owners: Map<String, Value>,
}

pub(crate) fn env_vars() -> Vec<String> {
    let mut v: Vec<String> = std::env::vars().map(|(k, _)| k).filter(|k| k.starts_with("GUARD_") && k != "GUARD_API_KEY").collect();
    v.sort();
    v
}

fn config_response(state: &AppState, tenant: &str, status: Option<&str>, pending: Option<i64>) -> Result<ConfigResponse, ApiError> {
    let loaded = state.current()?;
    let config = effective(state.tenant_config(&loaded, tenant)?.as_ref())?;
    Ok(ConfigResponse {
        status: status.map(str::to_string),
        pending_change_id: pending,
        tenant: tenant.to_string(),
        path: sentra_app::settings::shown_path(&state.root),
        environment: env_vars(),
        owners: owners(&config),
        config,
    })
}

/// The caller's tenant's effective settings, secrets redacted.
#[utoipa::path(get, path = "/api/config", tag = "config", responses((status = 200, body = ConfigResponse)))]
pub(crate) async fn get_config(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<ConfigResponse>, ApiError> {
    crate::error::blocking(move || Ok(Json(config_response(&state, &p.tenant, None, None)?))).await
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigUpdate {
    /// Deep-merged into the settings; `null` removes a key. At least one key.
    #[schema(schema_with = crate::openapi::config_updates)]
    pub updates: Value,
}

/// The updates of a request: a non-empty object.
pub(crate) fn updates_of(body: Body) -> Result<Map<String, Value>, ApiError> {
    let req: ConfigUpdate = crate::error::parse_required_body(body)?;
    req.updates
        .as_object()
        .filter(|u| !u.is_empty())
        .cloned()
        .ok_or_else(|| ApiError::invalid(&["body", "updates"], "must be a non-empty object", "value_error"))
}

/// A settings error as the API answers it: 403 for keys the caller does not own, 422 with
/// every problem (located under `body.updates`).
pub(crate) fn settings_error(e: SettingsError) -> ApiError {
    match e {
        SettingsError::Invalid(problems) => ApiError::invalid_many(problems.into_iter().map(|(field, msg)| {
            let mut loc = vec!["body".to_string(), "updates".to_string()];
            loc.extend(field.split('.').filter(|s| !s.is_empty()).map(str::to_string));
            FieldError { loc, msg, kind: "value_error".into() }
        })),
        e @ SettingsError::OperatorOnly(_) => {
            ApiError::new(StatusCode::FORBIDDEN, "operator_setting", format!("{e}: use an operator key (POST /api/operator/config)"))
        }
        other => ApiError::internal(other.to_string()),
    }
}

/// Merges `updates` into the caller's tenant's settings, validates the tenant's whole
/// config (422 with every problem, nothing stored), stores it and audits it in the
/// tenant's chain. Keys the operator owns are 403 `operator_setting`. A `governance`
/// update under `on_config_change` review is held for approval (202), as on
/// `/api/governance`; it must then come alone.
#[utoipa::path(post, path = "/api/config", tag = "config", request_body = ConfigUpdate,
    responses((status = 200, body = ConfigResponse), (status = 202, body = ConfigResponse), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn post_config(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<(StatusCode, Json<ConfigResponse>), ApiError> {
    let updates = updates_of(body)?;
    crate::error::blocking(move || {
        let loaded = state.current()?;
        // Ownership first: a tenant learns nothing from a change it may not make.
        let not_yours = layers::operator_paths(&updates);
        if !not_yours.is_empty() {
            return Err(settings_error(SettingsError::OperatorOnly(not_yours)));
        }
        if let Some(held) = hold_governance(&state, &loaded, &p, &updates)? {
            return Ok((StatusCode::ACCEPTED, Json(held)));
        }
        let _guard = state.config_write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let actor = sentra_app::Actor::from(&p);
        let known = state.known_packs(&loaded, &p.tenant)?;
        let names_known = |values: &Value| sentra_app::packs::pack_ref_problems(values, &known);
        sentra_app::settings::update_tenant(state.store.as_ref(), &p.tenant, &actor, &loaded.operator, &updates, &names_known).map_err(settings_error)?;
        Ok((StatusCode::OK, Json(config_response(&state, &p.tenant, Some("ok"), None)?)))
    })
    .await
}

/// Governance changed through `/api/config` goes through the same review as through
/// `/api/governance`: with `on_config_change`, it is held for approval (and must come alone,
/// so nothing is half applied). `None` when nothing is held.
fn hold_governance(state: &AppState, loaded: &Loaded, p: &Principal, updates: &Map<String, Value>) -> Result<Option<ConfigResponse>, ApiError> {
    let Some(governance) = updates.get("governance") else { return Ok(None) };
    if !state.tenant_config(loaded, &p.tenant)?.config.governance.human_review_required.on_config_change {
        return Ok(None);
    }
    if updates.len() > 1 {
        let msg = "governance changes need approval here: send `governance` alone (or use /api/governance)";
        return Err(ApiError::invalid(&["body", "updates", "governance"], msg, "value_error"));
    }
    sentra_app::governance::check(state.store.as_ref(), &p.tenant, &loaded.operator, governance).map_err(|e| governance_error(e, &["body", "updates"]))?;
    let action = sentra_app::approvals::DeferredAction::ConfigChange { governance: governance.clone() };
    let a = crate::approvals::request(state, p, action, "Change the governance settings", json!({"change": governance}))?;
    Ok(Some(config_response(state, &p.tenant, Some("pending_approval"), Some(a.id))?))
}

fn governance_error(e: sentra_app::governance::GovernanceError, under: &[&str]) -> ApiError {
    match e {
        sentra_app::governance::GovernanceError::Invalid { field, message } => {
            let mut loc: Vec<&str> = under.to_vec();
            loc.extend(field.split('.').filter(|s| !s.is_empty()));
            ApiError::invalid(&loc, message, "value_error")
        }
        other => ApiError::internal(other.to_string()),
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ConfigWarning {
    pub field: String,
    pub message: String,
    /// `warning` or `error`.
    pub level: String,
    pub hint: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ValidationReport {
    pub valid: bool,
    pub warnings: Vec<ConfigWarning>,
    pub error_count: usize,
    pub warning_count: usize,
}

/// Checks the caller's tenant's effective settings as its scans would use them: unknown
/// packs, overrides of unknown rules, expired suppressions.
#[utoipa::path(get, path = "/api/config/validate", tag = "config", responses((status = 200, body = ValidationReport)))]
pub(crate) async fn validate(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<ValidationReport>, ApiError> {
    crate::error::blocking(move || {
        let mut out = Vec::new();
        let mut push = |field: &str, message: String, level: &str, hint: Option<&str>| {
            out.push(ConfigWarning { field: field.into(), message, level: level.into(), hint: hint.map(str::to_string) })
        };
        let loaded = state.current()?;
        match state.tenant_config(&loaded, &p.tenant) {
            Err(e) => push("", e.detail.clone(), "error", Some("fix the settings; scans fail until then")),
            Ok(view) => {
                let config = &view.config;
                let tenant_packs = state.tenant_packs(&loaded, &p.tenant)?;
                let mut ids = state.catalog.ids();
                ids.extend(loaded.extra.iter().map(|x| x.info().id.clone()));
                ids.extend(tenant_packs.records.iter().map(|r| r.pack_id.clone()));
                for id in config.standards_packs.iter().flatten() {
                    if !ids.contains(id) {
                        push("standards_packs", format!("no pack `{id}`"), "error", Some("see GET /api/packs"));
                    }
                }
                let packs = state.base_packs(&loaded)?;
                for (pack, rule) in config.rule_overrides.keys() {
                    match packs.iter().find(|x| &x.info().id == pack) {
                        None if !ids.contains(pack) => push("pack_overrides", format!("no pack `{pack}`"), "error", None),
                        Some(x) if !x.info().rules.iter().any(|r| &r.id == rule) => {
                            push("pack_overrides", format!("pack `{pack}` has no rule `{rule}`"), "error", None)
                        }
                        _ => {}
                    }
                }
                let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
                for s in config.suppressions.iter().filter(|s| s.expired(today)) {
                    let msg = format!("the suppression of `{}` in `{}` expired", s.rule_id, s.file_pattern);
                    push("suppressions", msg, "warning", Some("renew or remove it"));
                }
            }
        }
        let error_count = out.iter().filter(|w| w.level == "error").count();
        let warning_count = out.len() - error_count;
        Ok(Json(ValidationReport { valid: error_count == 0, warnings: out, error_count, warning_count }))
    })
    .await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct GovernanceResponse {
    /// `ok`, or `pending_approval` when the change waits for review.
    pub status: Option<String>,
    /// The pending change, when there is one.
    pub pending_change_id: Option<i64>,
    pub governance: sentra_engine::governance::Governance,
    /// The `fail_on` the gate applies: config `gate_fail_on` when set, else the profile's.
    pub effective_fail_on: Vec<sentra_runtime::Severity>,
    /// Governance changes of this tenant waiting for review.
    pub pending_changes: Vec<PendingChange>,
}

/// A held governance change.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PendingChange {
    pub approval_id: i64,
    pub requested_by: String,
    pub created_at: String,
    /// The governance settings it would store.
    #[schema(value_type = Object)]
    pub governance: Value,
}

fn governance_view(state: &AppState, tenant: &str, status: Option<&str>, pending: Option<i64>) -> Result<GovernanceResponse, ApiError> {
    let loaded = state.current()?;
    let view = state.tenant_config(&loaded, tenant)?;
    let held = state.store.list_approvals(tenant, Some(sentra_store::ApprovalState::Pending), None).map_err(|e| ApiError::internal(e.to_string()))?;
    let pending_changes = held
        .iter()
        .filter_map(|a| match sentra_app::approvals::DeferredAction::of(a) {
            sentra_app::approvals::DeferredAction::ConfigChange { governance } => {
                Some(PendingChange { approval_id: a.id, requested_by: a.requested_by.clone(), created_at: a.created_at.clone(), governance })
            }
            _ => None,
        })
        .collect();
    Ok(GovernanceResponse {
        status: status.map(str::to_string),
        pending_change_id: pending,
        governance: view.config.governance.clone(),
        effective_fail_on: view.config.gate_fail_on.clone(),
        pending_changes,
    })
}

/// The caller's tenant's effective governance (the profile with its overrides), and its
/// changes waiting for review.
#[utoipa::path(get, path = "/api/governance", tag = "config", responses((status = 200, body = GovernanceResponse)))]
pub(crate) async fn get_governance(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
) -> Result<Json<GovernanceResponse>, ApiError> {
    crate::error::blocking(move || Ok(Json(governance_view(&state, &p.tenant, None, None)?))).await
}

/// Replaces the caller's tenant's governance settings (a profile and field-by-field
/// overrides). Validated (422) and audited; when review of config changes is on, the change
/// is stored pending approval (202) instead of applied.
#[utoipa::path(post, path = "/api/governance", tag = "config", request_body = sentra_engine::governance::RawGovernance,
    responses((status = 200, body = GovernanceResponse), (status = 202, body = GovernanceResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn post_governance(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<(StatusCode, Json<GovernanceResponse>), ApiError> {
    let raw: sentra_engine::governance::RawGovernance = crate::error::parse_required_body(body)?;
    sentra_engine::governance::resolve(Some(&raw)).map_err(|(field, msg)| {
        let mut loc = vec!["body".to_string()];
        loc.extend(field.split('.').skip(1).map(str::to_string));
        ApiError::invalid_many([FieldError { loc, msg, kind: "value_error".into() }])
    })?;
    crate::error::blocking(move || {
        let value = serde_json::to_value(&raw).map_err(|e| ApiError::internal(e.to_string()))?;
        let loaded = state.current()?;
        let store = state.store.as_ref();
        sentra_app::governance::check(store, &p.tenant, &loaded.operator, &value).map_err(|e| governance_error(e, &["body"]))?;
        if state.tenant_config(&loaded, &p.tenant)?.config.governance.human_review_required.on_config_change {
            let action = sentra_app::approvals::DeferredAction::ConfigChange { governance: value.clone() };
            let a = crate::approvals::request(&state, &p, action, "Change the governance settings", json!({"change": value}))?;
            return Ok((StatusCode::ACCEPTED, Json(governance_view(&state, &p.tenant, Some("pending_approval"), Some(a.id))?)));
        }
        let _guard = state.config_write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let actor = sentra_app::Actor::from(&p);
        sentra_app::governance::write(store, &p.tenant, &actor, &loaded.operator, &value).map_err(|e| governance_error(e, &["body"]))?;
        Ok((StatusCode::OK, Json(governance_view(&state, &p.tenant, Some("ok"), None)?)))
    })
    .await
}
