//! `/api/operator/config`: the operator's settings over the API, for a key of the
//! `operator` role (no tenant role has it). Changes are stored over the server's config
//! file (which stays the operator's defaults), checked as the server would start with them
//! (pack files inside the root, outside the state directory, loading; workspaces not
//! overlapping; every tenant's settings still valid) and recorded in every tenant's audit
//! chain, since every tenant is affected.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use serde_json::Value;

use crate::error::{ApiError, blocking};
use crate::settings::{env_vars, settings_error, updates_of};
use crate::{AppState, Body, ErrorBody, Principal};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OperatorConfigResponse {
    /// `ok` after an update.
    pub status: Option<String>,
    /// The config file (relative to the server root) the stored changes are layered over.
    pub path: String,
    /// `GUARD_*` variables in effect (their values are not shown).
    pub environment: Vec<String>,
    /// What operator keys changed, as stored (secrets redacted).
    #[schema(value_type = Object)]
    pub stored: Value,
    /// The operator's effective values: the file, the stored changes, `GUARD_*`.
    #[schema(value_type = Object)]
    pub config: Value,
}

fn response(state: &AppState, status: Option<&str>) -> Result<OperatorConfigResponse, ApiError> {
    let loaded = state.current()?;
    let stored = state.store.settings(sentra_store::SettingsScope::Operator).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(OperatorConfigResponse {
        status: status.map(str::to_string),
        path: sentra_app::settings::shown_path(&state.root),
        environment: env_vars(),
        stored: sentra_app::settings::redact(&stored.unwrap_or_else(|| Value::Object(Default::default()))),
        config: sentra_app::settings::redact(&loaded.operator),
    })
}

/// The operator's effective settings, secrets redacted.
#[utoipa::path(get, path = "/api/operator/config", tag = "config", responses((status = 200, body = OperatorConfigResponse)))]
pub(crate) async fn get_config(State(state): State<Arc<AppState>>) -> Result<Json<OperatorConfigResponse>, ApiError> {
    blocking(move || Ok(Json(response(&state, None)?))).await
}

/// Merges `updates` into the operator's stored settings (any key: operator keys, and
/// tenant keys as every tenant's defaults), checks that the server would start with the
/// result and that every tenant's settings stay valid (422 with the problems, nothing
/// stored), stores it, records it in every tenant's audit chain and applies it.
#[utoipa::path(post, path = "/api/operator/config", tag = "config", request_body = crate::settings::ConfigUpdate,
    responses((status = 200, body = OperatorConfigResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn post_config(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<Json<OperatorConfigResponse>, ApiError> {
    let updates = updates_of(body)?;
    blocking(move || {
        let _guard = state.config_write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let loaded = state.current()?;
        let actor = sentra_app::Actor::from(&p);
        let extra = |merged: &Value| check_loads(&state, merged).err().into_iter().collect::<Vec<_>>();
        sentra_app::settings::update_operator(state.store.as_ref(), &actor, &loaded.file, &updates, &extra).map_err(settings_error)?;
        state.reload_now()?;
        Ok(Json(response(&state, Some("ok"))?))
    })
    .await
}

/// Operator values the server could not start with are refused before they are stored:
/// pack files must lie inside the root, outside the state directory, be regular files and
/// load; workspaces may not overlap. Errors name the file and the reason, never its contents.
fn check_loads(state: &AppState, merged: &Value) -> Result<(), (String, String)> {
    let at = |key: &'static str| move |msg: String| (key.to_string(), msg);
    let raw: sentra_engine::config::RawConfig = serde_json::from_value(merged.clone()).map_err(|e| at("")(e.to_string()))?;
    let config = sentra_engine::Config::from_raw(raw, "update").map_err(|e| at("")(e.to_string()))?;
    crate::workspace::check_no_overlap(&state.root, state.config.tenants_root.as_deref(), &config).map_err(|e| at("tenants")(e.to_string()))?;
    for path in config.confined_pack_files(&state.root, &state.forbidden_dirs()).map_err(|e| at("pack_files")(e.to_string()))? {
        state.catalog.load_file(&path, &config).map_err(|e| at("pack_files")(e.to_string()))?;
    }
    Ok(())
}
