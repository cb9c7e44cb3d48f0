//! `/api/config`: the effective config (secrets redacted), validated updates written to
//! the config file (atomically, other keys and comments kept), and a validation report.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{ApiError, FieldError};
use crate::{AppState, Body, ErrorBody, Principal};

use sentra_app::settings::{SettingsError, redact};

/// The effective config: file values, then `GUARD_*` environment, then defaults.
fn effective(state: &AppState, tenant: &str) -> Result<Value, ApiError> {
    let loaded = state.current()?;
    let c = &loaded.config;
    let l = &c.pack_limits;
    let mut out = serde_json::to_value(&loaded.raw).map_err(|e| ApiError::internal(e.to_string()))?;
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
        // A tenant sees its own limits, never which other tenants exist.
        if let Some(Value::Object(tenants)) = o.get_mut("tenants") {
            tenants.retain(|name, _| name == tenant);
        }
    }
    Ok(redact(&out))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ConfigResponse {
    /// `ok` after an update; `pending_approval` when a governance change waits for review.
    pub status: Option<String>,
    /// The approval request holding a governance change (with `pending_approval`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_change_id: Option<i64>,
    /// The file the values come from (or would be written to).
    pub path: String,
    /// `GUARD_*` variables in effect (their values are not written to the file).
    pub environment: Vec<String>,
    #[schema(value_type = Object)]
    pub config: Value,
}

fn env_vars() -> Vec<String> {
    let mut v: Vec<String> = std::env::vars().map(|(k, _)| k).filter(|k| k.starts_with("GUARD_") && k != "GUARD_API_KEY").collect();
    v.sort();
    v
}

/// The effective config, secrets redacted.
#[utoipa::path(get, path = "/api/config", tag = "config", responses((status = 200, body = ConfigResponse)))]
pub(crate) async fn get_config(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<ConfigResponse>, ApiError> {
    tokio::task::spawn_blocking(move || {
        let path = sentra_app::settings::shown_path(&state.root);
        Ok(Json(ConfigResponse { status: None, pending_change_id: None, path, environment: env_vars(), config: effective(&state, &p.tenant)? }))
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigUpdate {
    /// Deep-merged into the config file; `null` removes a key. At least one key.
    #[schema(value_type = Object)]
    pub updates: Value,
}

/// Merges `updates` into the config file, validates the result as a whole (422 with every
/// problem, nothing written), writes it atomically and applies it. A `governance` update
/// under `on_config_change` review is held for approval (202), as on `/api/governance`;
/// it must then come alone.
#[utoipa::path(post, path = "/api/config", tag = "config", request_body = ConfigUpdate,
    responses((status = 200, body = ConfigResponse), (status = 202, body = ConfigResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn post_config(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<(axum::http::StatusCode, Json<ConfigResponse>), ApiError> {
    let req: ConfigUpdate = crate::error::parse_required_body(body)?;
    let Some(updates) = req.updates.as_object().filter(|u| !u.is_empty()).cloned() else {
        return Err(ApiError::invalid(&["body", "updates"], "must be a non-empty object", "value_error"));
    };
    tokio::task::spawn_blocking(move || {
        if let Some(held) = hold_governance(&state, &p, &updates)? {
            return Ok((axum::http::StatusCode::ACCEPTED, Json(held)));
        }
        // One writer at a time: read, merge and write are one step.
        let _guard = state.config_write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let extra = |merged: &Value| check_loads(&state, merged);
        let actor = sentra_app::Actor::from(&p);
        sentra_app::settings::update_file(state.store.as_ref(), &p.tenant, &actor, &state.root, &updates, &extra).map_err(|e| match e {
            SettingsError::Invalid(problems) => ApiError::invalid_many(problems.into_iter().map(|(field, msg)| {
                let mut loc = vec!["body".to_string(), "updates".to_string()];
                loc.extend(field.split('.').filter(|s| !s.is_empty()).map(str::to_string));
                FieldError { loc, msg, kind: "value_error".into() }
            })),
            other => ApiError::internal(other.to_string()),
        })?;
        state.reload_now()?;
        let done = ConfigResponse {
            status: Some("ok".into()),
            pending_change_id: None,
            path: sentra_app::settings::shown_path(&state.root),
            environment: env_vars(),
            config: effective(&state, &p.tenant)?,
        };
        Ok((axum::http::StatusCode::OK, Json(done)))
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?
}

/// Governance changed through `/api/config` goes through the same review as through
/// `/api/governance`: with `on_config_change`, it is held for approval (and must come alone,
/// so nothing is half applied). `None` when nothing is held.
fn hold_governance(state: &AppState, p: &Principal, updates: &serde_json::Map<String, Value>) -> Result<Option<ConfigResponse>, ApiError> {
    let Some(governance) = updates.get("governance") else { return Ok(None) };
    if !state.current()?.config.governance.human_review_required.on_config_change {
        return Ok(None);
    }
    if updates.len() > 1 {
        let msg = "governance changes need approval here: send `governance` alone (or use /api/governance)";
        return Err(ApiError::invalid(&["body", "updates", "governance"], msg, "value_error"));
    }
    let raw: sentra_engine::governance::RawGovernance =
        serde_json::from_value(governance.clone()).map_err(|e| ApiError::invalid(&["body", "updates", "governance"], e.to_string(), "value_error"))?;
    sentra_engine::governance::resolve(Some(&raw)).map_err(|(field, msg)| ApiError::invalid(&["body", "updates", &field], msg, "value_error"))?;
    let action = sentra_app::approvals::DeferredAction::ConfigChange { governance: governance.clone() };
    let a = crate::approvals::request(state, p, action, "Change the governance settings", json!({"change": governance}))?;
    Ok(Some(ConfigResponse {
        status: Some("pending_approval".into()),
        pending_change_id: Some(a.id),
        path: sentra_app::settings::shown_path(&state.root),
        environment: env_vars(),
        config: effective(state, &p.tenant)?,
    }))
}

/// A would-be config that the server could not start with is refused before it is written:
/// its pack files must lie inside the root, outside the state directory, be regular files
/// and load. Errors name the file and the reason, never its contents.
fn check_loads(state: &AppState, merged: &Value) -> Result<(), (String, String)> {
    let at_pack_files = |msg: String| ("pack_files".to_string(), msg);
    let raw: sentra_engine::config::RawConfig = serde_json::from_value(merged.clone()).map_err(|e| at_pack_files(e.to_string()))?;
    let config = sentra_engine::Config::from_raw(raw, "update").map_err(|e| at_pack_files(e.to_string()))?;
    for path in config.confined_pack_files(&state.root, &state.forbidden_dirs()).map_err(|e| at_pack_files(e.to_string()))? {
        state.catalog.load_file(&path, &config).map_err(|e| at_pack_files(e.to_string()))?;
    }
    Ok(())
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

/// Checks the config file as the server would use it: unknown packs, overrides of unknown
/// rules, missing pack files, expired suppressions.
#[utoipa::path(get, path = "/api/config/validate", tag = "config", responses((status = 200, body = ValidationReport)))]
pub(crate) async fn validate(State(state): State<Arc<AppState>>) -> Result<Json<ValidationReport>, ApiError> {
    tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        let mut push = |field: &str, message: String, level: &str, hint: Option<&str>| {
            out.push(ConfigWarning { field: field.into(), message, level: level.into(), hint: hint.map(str::to_string) })
        };
        match sentra_engine::Config::load(&state.root, None) {
            Err(e) => push("", e.to_string(), "error", Some("fix the file; the server keeps its last good config")),
            Ok(config) => {
                let ids = state.catalog.ids();
                for id in config.standards_packs.iter().flatten() {
                    if !ids.contains(id) {
                        push("standards_packs", format!("no built-in pack `{id}`"), "error", Some("see GET /api/packs"));
                    }
                }
                for f in config.pack_file_paths(&state.root) {
                    if !f.is_file() {
                        push("pack_files", format!("{} does not exist", f.display()), "error", None);
                    }
                }
                if let Ok(loaded) = state.current()
                    && let Ok(packs) = state.base_packs(&loaded)
                {
                    for (pack, rule) in config.rule_overrides.keys() {
                        match packs.iter().find(|p| &p.info().id == pack) {
                            None if !ids.contains(pack) => push("pack_overrides", format!("no pack `{pack}`"), "error", None),
                            Some(p) if !p.info().rules.iter().any(|r| &r.id == rule) => {
                                push("pack_overrides", format!("pack `{pack}` has no rule `{rule}`"), "error", None)
                            }
                            _ => {}
                        }
                    }
                }
                let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
                for s in &config.suppressions {
                    if s.expired(today) {
                        push(
                            "suppressions",
                            format!("the suppression of `{}` in `{}` expired", s.rule_id, s.file_pattern),
                            "warning",
                            Some("renew or remove it"),
                        );
                    }
                }
            }
        }
        let error_count = out.iter().filter(|w| w.level == "error").count();
        let warning_count = out.len() - error_count;
        Ok(Json(ValidationReport { valid: error_count == 0, warnings: out, error_count, warning_count }))
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?
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
}

fn governance_view(state: &AppState, status: Option<&str>, pending: Option<i64>) -> Result<GovernanceResponse, ApiError> {
    let loaded = state.current()?;
    Ok(GovernanceResponse {
        status: status.map(str::to_string),
        pending_change_id: pending,
        governance: loaded.config.governance.clone(),
        effective_fail_on: loaded.config.gate_fail_on.clone(),
    })
}

/// The effective governance: the profile with its overrides.
#[utoipa::path(get, path = "/api/governance", tag = "config", responses((status = 200, body = GovernanceResponse)))]
pub(crate) async fn get_governance(State(state): State<Arc<AppState>>) -> Result<Json<GovernanceResponse>, ApiError> {
    tokio::task::spawn_blocking(move || Ok(Json(governance_view(&state, None, None)?))).await.map_err(|e| ApiError::internal(e.to_string()))?
}

/// Replaces the governance settings (a profile and field-by-field overrides). Validated
/// (422) and audited; when review of config changes is on, the change is stored pending
/// approval (202) instead of applied.
#[utoipa::path(post, path = "/api/governance", tag = "config", request_body = sentra_engine::governance::RawGovernance,
    responses((status = 200, body = GovernanceResponse), (status = 202, body = GovernanceResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn post_governance(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<(axum::http::StatusCode, Json<GovernanceResponse>), ApiError> {
    let raw: sentra_engine::governance::RawGovernance = crate::error::parse_required_body(body)?;
    sentra_engine::governance::resolve(Some(&raw)).map_err(|(field, msg)| {
        let mut loc = vec!["body".to_string()];
        loc.extend(field.split('.').skip(1).map(str::to_string));
        ApiError::invalid_many([FieldError { loc, msg, kind: "value_error".into() }])
    })?;
    tokio::task::spawn_blocking(move || {
        let value = serde_json::to_value(&raw).map_err(|e| ApiError::internal(e.to_string()))?;
        if state.current()?.config.governance.human_review_required.on_config_change {
            let action = sentra_app::approvals::DeferredAction::ConfigChange { governance: value.clone() };
            let a = crate::approvals::request(&state, &p, action, "Change the governance settings", json!({"change": value}))?;
            return Ok((axum::http::StatusCode::ACCEPTED, Json(governance_view(&state, Some("pending_approval"), Some(a.id))?)));
        }
        apply_governance(&state, &p, value)?;
        Ok((axum::http::StatusCode::OK, Json(governance_view(&state, Some("ok"), None)?)))
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?
}

/// Writes new governance settings into the config file and applies them, audited.
pub(crate) fn apply_governance(state: &AppState, p: &Principal, value: Value) -> Result<(), ApiError> {
    let _guard = state.config_write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    sentra_app::governance::write(&state.root, &value).map_err(|e| match e {
        sentra_app::governance::GovernanceError::Invalid { field, message } if !field.is_empty() => {
            ApiError::invalid(&["body", &field], message, "value_error")
        }
        other => ApiError::internal(other.to_string()),
    })?;
    state.reload_now()?;
    crate::packs::audit(state.store.as_ref(), &p.tenant, &crate::packs::Actor::from(p), "governance.update", "governance", value, "ok");
    Ok(())
}
