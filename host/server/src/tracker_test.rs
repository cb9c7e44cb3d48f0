//! `POST /api/devops/test-connection`: one real, authenticated request to a tracker with
//! the given settings and the server's credentials. The URL is always the operator's
//! (configured, or the provider's public default) and credentials always come from the
//! server's environment: a request names neither.
//!
//! sentrik's request shape is accepted too: `devops_provider` with flat fields
//! (`github_repo: owner/repo`, `azure_devops_org`, `azure_devops_project`, `jira_project`);
//! the rest of the provider's settings come from the tenant's config.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use sentra_engine::devops::{PROVIDERS, RawDevops};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::error::{ApiError, blocking};
use crate::{AppState, Body, Principal};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestConnection {
    pub provider: String,
    #[serde(default)]
    pub settings: Value,
    pub timeout_secs: Option<u64>,
}

impl utoipa::PartialSchema for TestConnection {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::OneOf(crate::openapi::test_connection()))
    }
}

impl utoipa::ToSchema for TestConnection {}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TestConnectionResult {
    /// `ok` or `error`.
    pub status: String,
    pub provider: String,
    pub message: String,
    pub work_item_count: Option<usize>,
}

/// Lists the provider's sentra items with the given settings and the server's credentials:
/// a real authenticated request. Missing credentials, a tracker URL the operator has not
/// configured, an unreachable host or a refusal is `status: error` with the reason. Bad
/// settings are 422.
#[utoipa::path(post, path = "/api/devops/test-connection", tag = "devops", request_body = TestConnection,
    responses((status = 200, body = TestConnectionResult), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn test_connection(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<Json<TestConnectionResult>, ApiError> {
    let value: Value = crate::error::parse_required_body(body)?;
    let configured = {
        let (st, tenant) = (state.clone(), p.tenant.clone());
        tokio::task::spawn_blocking(move || {
            let loaded = st.current()?;
            Ok::<_, ApiError>(serde_json::to_value(&st.tenant_config(&loaded, &tenant)?.raw.devops).unwrap_or_default())
        })
        .await
        .map_err(|e| ApiError::internal(e.to_string()))??
    };
    let req = match value.get("devops_provider") {
        Some(_) => from_sentrik(value, &configured)?,
        None => serde_json::from_value::<TestConnection>(value).map_err(|e| ApiError::invalid(&["body"], e.to_string(), "value_error"))?,
    };
    let raw = checked_request(&req, &configured)?;
    let provider = req.provider.clone();
    let settings = match raw.check() {
        Ok(settings) => settings,
        // The operator has not configured this tracker's URL: nothing to connect to.
        Err((key, msg)) if key.ends_with("base_url") => return Ok(Json(failed(provider, format!("`devops.{key}` {msg} in the server's config")))),
        Err((key, msg)) => {
            let loc: Vec<&str> = ["body"].into_iter().chain(key.split('.').map(|k| if k == provider { "settings" } else { k })).collect();
            return Err(ApiError::invalid(&loc, msg, "value_error"));
        }
    };
    blocking(move || {
        let outcome = crate::devops::connect(&state, &settings, &p.tenant).and_then(|tracker| tracker.list());
        Ok(Json(match outcome {
            Ok(items) => TestConnectionResult {
                status: "ok".into(),
                message: format!("{provider} answered: {} sentra work item(s)", items.len()),
                provider,
                work_item_count: Some(items.len()),
            },
            Err(e) => failed(provider, e.to_string()),
        }))
    })
    .await
}

fn failed(provider: String, message: String) -> TestConnectionResult {
    TestConnectionResult { status: "error".into(), provider, message, work_item_count: None }
}

/// The request as `devops:` settings: the provider's given settings over nothing but the
/// configured `base_url` (a request never names where credentials go).
fn checked_request(req: &TestConnection, configured: &Value) -> Result<RawDevops, ApiError> {
    if !PROVIDERS.contains(&req.provider.as_str()) {
        let msg = format!("`{}` is not a provider (expected one of {})", req.provider, PROVIDERS.join(", "));
        return Err(ApiError::invalid(&["body", "provider"], msg, "value_error"));
    }
    let mut settings = match &req.settings {
        Value::Null => Map::new(),
        Value::Object(m) => m.clone(),
        _ => return Err(ApiError::invalid(&["body", "settings"], "must be an object", "type_error")),
    };
    if settings.contains_key("base_url") {
        let msg = "tracker URLs come from the server's config (`devops.<provider>.base_url`); a request cannot name where credentials are sent";
        return Err(ApiError::invalid(&["body", "settings", "base_url"], msg, "value_error"));
    }
    if req.provider == "local" {
        if let Some(key) = settings.keys().next() {
            return Err(ApiError::invalid(&["body", "settings", key], "the local provider takes no settings", "value_error"));
        }
    } else if let Some(base) = configured[req.provider.as_str()].get("base_url").filter(|v| v.is_string()) {
        settings.insert("base_url".into(), base.clone());
    }
    let mut raw = Map::new();
    raw.insert("provider".into(), json!(req.provider));
    raw.insert("timeout_secs".into(), json!(req.timeout_secs));
    if req.provider != "local" {
        raw.insert(req.provider.clone(), Value::Object(settings));
    }
    serde_json::from_value(Value::Object(raw)).map_err(|e| ApiError::invalid(&["body", "settings"], e.to_string(), "value_error"))
}

/// sentrik's flat keys, each with the provider and the sentra setting it fills.
const SENTRIK_FIELDS: &[(&str, &str, &str)] = &[
    ("azure_devops_org", "azure", "organization"),
    ("azure_devops_project", "azure", "project"),
    ("jira_project", "jira", "project_key"),
    ("github_repo", "github", "owner/repo"),
];

/// A sentrik-shaped request as sentra's: the tenant's configured settings of that provider,
/// with the flat fields over them. A URL or credential key is 422, never used.
fn from_sentrik(value: Value, configured: &Value) -> Result<TestConnection, ApiError> {
    let Value::Object(mut body) = value else { return Err(ApiError::invalid(&["body"], "must be an object", "type_error")) };
    let provider = match body.remove("devops_provider") {
        Some(Value::String(p)) if p == "stub" => "local".to_string(),
        Some(Value::String(p)) if PROVIDERS.contains(&p.as_str()) => p,
        _ => return Err(ApiError::invalid(&["body", "devops_provider"], format!("expected one of stub, {}", PROVIDERS.join(", ")), "value_error")),
    };
    let timeout_secs = match body.remove("timeout_secs") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_u64().ok_or_else(|| ApiError::invalid(&["body", "timeout_secs"], "must be a whole number", "type_error"))?),
    };
    let mut settings = configured.get(&provider).and_then(Value::as_object).cloned().unwrap_or_default();
    settings.remove("base_url");
    for (key, value) in body {
        let Some((_, for_provider, setting)) = SENTRIK_FIELDS.iter().find(|(k, _, _)| *k == key) else {
            let msg = "not a test-connection field (sentrik's `devops_provider` form takes azure_devops_org, azure_devops_project, jira_project and github_repo; URLs and credentials come from the server)";
            return Err(ApiError::invalid(&["body", &key], msg, "value_error"));
        };
        let Some(text) = value.as_str() else { return Err(ApiError::invalid(&["body", &key], "must be a string", "type_error")) };
        if *for_provider != provider {
            return Err(ApiError::invalid(&["body", &key], format!("is a {for_provider} setting, not {provider}'s"), "value_error"));
        }
        if *setting == "owner/repo" {
            let Some((owner, repo)) = text.split_once('/') else {
                return Err(ApiError::invalid(&["body", &key], "expected `owner/repo`", "value_error"));
            };
            settings.insert("owner".into(), json!(owner));
            settings.insert("repo".into(), json!(repo));
        } else {
            settings.insert(setting.to_string(), json!(text));
        }
    }
    Ok(TestConnection { settings: if provider == "local" { Value::Null } else { Value::Object(settings) }, provider, timeout_secs })
}
