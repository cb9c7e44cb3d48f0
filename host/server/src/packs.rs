//! `/api/packs`: the HTTP face of the packs use cases in `sentra_app::packs`.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sentra_engine::Config;
use sentra_engine::config::RawRuleOverride;
use sentra_runtime::LoadedPack;
use sentra_store::{PackKind, PackRecord, valid_pack_id};
use serde::{Deserialize, Serialize};

use crate::error::UrlPath;

use crate::error::{ApiError, FieldError, blocking};
use crate::{AppState, Body, Principal};
pub use sentra_app::audit::{Actor, audit};
pub use sentra_app::packs::{
    CheckedImport, ImportError, ImportRequest, ImportSource, TenantPacks, check_import, delete_pack, export_yaml, import_pack, store_import,
};

impl From<ImportError> for ApiError {
    fn from(e: ImportError) -> Self {
        match &e {
            // The id a document or component gives itself: the body's.
            ImportError::InvalidId(_) => ApiError::invalid(&["body", "pack_id"], e.to_string(), "value_error"),
            ImportError::Invalid { problems } => {
                let mut err = ApiError::bad_request("invalid_pack", e.to_string());
                err.errors = Some(problems.iter().map(|p| FieldError { loc: vec!["body".into()], msg: p.clone(), kind: "invalid_pack".into() }).collect());
                err
            }
            ImportError::Exists(_) => ApiError::new(StatusCode::CONFLICT, "pack_exists", e.to_string()),
            ImportError::Builtin(_) => ApiError::new(StatusCode::CONFLICT, "builtin_pack", e.to_string()),
            ImportError::NotFound(_) => ApiError::new(StatusCode::NOT_FOUND, "pack_not_found", e.to_string()),
            ImportError::BuiltinDelete(_) => ApiError::new(StatusCode::CONFLICT, "builtin_pack", e.to_string()),
            ImportError::InUse { .. } => ApiError::new(StatusCode::CONFLICT, "pack_in_use", e.to_string()),
            ImportError::Bundle(_) => ApiError::bad_request("invalid_bundle", e.to_string()),
            ImportError::Untrusted(_) => ApiError::new(StatusCode::FORBIDDEN, "untrusted_pack", e.to_string()),
            ImportError::Store(_) => ApiError::internal(e.to_string()),
        }
    }
}

/// Sandbox limits a pack runs under.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PackLimitsView {
    pub timeout_ms: u64,
    pub memory_mb: u64,
    pub max_findings_per_file: usize,
    pub max_findings_per_scan: usize,
    pub max_message_bytes: usize,
}

/// One pack as `GET /api/packs` lists it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PackEntry {
    pub pack_id: String,
    pub name: String,
    pub description: String,
    pub version: String,
    /// The pack API version the component targets (`0.1.0`, `0.2.0`; YAML packs run on
    /// the declarative engine's); `unknown` when the stored copy does not load.
    pub api_version: String,
    pub license: String,
    pub rule_count: usize,
    /// Whether the pack runs in the tenant's scans (its `state` is `selected`, `detected`
    /// or `enabled`).
    pub enabled: bool,
    /// The pack's one state for the caller's tenant.
    pub state: sentra_model::PackState,
    /// Why it is in that state.
    pub state_reason: String,
    /// `builtin` or `custom`.
    pub source: String,
    /// `yaml` or `wasm`.
    pub kind: String,
    pub sha256: String,
    pub last_updated: Option<String>,
    /// `ok`, or `error` with `error` saying why.
    pub status: String,
    pub error: Option<String>,
    pub limits: PackLimitsView,
    /// Who signed the bundle a custom pack was imported from (verified at import; the
    /// stored copy is checked against `sha256` whenever it loads). Absent for built-in
    /// packs and plain `.wasm`/`.yaml` imports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<PackSigner>,
    /// The author its bundle's manifest names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// With status `pending_approval` (202): the approval request that enables it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_id: Option<i64>,
}

/// The verified signer of a pack's bundle.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PackSigner {
    /// The first 16 hex digits of the key's sha256.
    pub key_id: String,
    /// The public key (`ed25519:...`).
    pub key: String,
    /// The name the tenant's trust policy gives the key, when it lists it.
    pub name: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PacksResponse {
    pub packs: Vec<PackEntry>,
    pub total: usize,
    /// Packs that run in the tenant's scans.
    pub enabled_count: usize,
}

/// A pack id from the request, located where the request gave it (`["path", "id"]`, ...).
fn check_id(id: &str, loc: &[&str]) -> Result<(), ApiError> {
    if valid_pack_id(id) { Ok(()) } else { Err(ApiError::invalid(loc, ImportError::InvalidId(id.into()).to_string(), "value_error")) }
}

fn limits_view(config: &Config) -> PackLimitsView {
    let l = &config.pack_limits;
    PackLimitsView {
        timeout_ms: l.call_timeout.as_millis() as u64,
        memory_mb: (l.memory_bytes >> 20) as u64,
        max_findings_per_file: l.max_findings_per_file,
        max_findings_per_scan: l.max_findings_per_scan,
        max_message_bytes: l.max_message_bytes,
    }
}

/// Every pack the caller's tenant sees: the built-in ones and its own.
#[utoipa::path(get, path = "/api/packs", tag = "packs", responses((status = 200, body = PacksResponse)))]
pub(crate) async fn list(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<PacksResponse>, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let tenant = state.tenant_packs(&loaded, &p.tenant)?;
        let base = state.base_packs(&loaded)?;
        let configured = state.tenant_config(&loaded, &p.tenant)?.config.standards_packs.clone();
        let detected = state.detected(&loaded, &p.tenant);
        let tenant_config = loaded.config.for_tenant(&p.tenant);
        let limits = || limits_view(&tenant_config);
        let mut packs: Vec<PackEntry> = base
            .iter()
            .map(|pack| {
                let i = pack.info();
                PackEntry {
                    pack_id: i.id.clone(),
                    name: i.name.clone(),
                    description: i.description.clone(),
                    version: i.version.clone(),
                    api_version: pack.api_version().to_string(),
                    license: i.license.clone(),
                    rule_count: i.rules.len(),
                    enabled: false,
                    state: sentra_model::PackState::Available,
                    state_reason: String::new(),
                    source: "builtin".into(),
                    kind: if state.catalog.is_yaml(&i.id) { "yaml" } else { "wasm" }.into(),
                    sha256: pack.sha256().to_string(),
                    last_updated: None,
                    status: "ok".into(),
                    error: None,
                    limits: limits(),
                    signer: None,
                    author: None,
                    approval_id: None,
                }
            })
            .collect();
        for r in tenant.records.iter().filter(|r| r.custom) {
            let mut entry = custom_entry(r, tenant.api_version(&r.pack_id), tenant.broken.get(&r.pack_id).cloned(), limits());
            entry.signer = signer_view(r, &tenant.trust);
            if let Some(reason) = tenant.untrusted.get(&r.pack_id) {
                (entry.status, entry.error) = ("untrusted".into(), Some(reason.clone()));
            }
            packs.push(entry);
        }
        for entry in &mut packs {
            let (pack_state, reason) = tenant.state(&entry.pack_id, configured.as_ref(), &detected);
            (entry.state, entry.state_reason, entry.enabled) = (pack_state, reason.to_string(), pack_state.runs());
            if entry.error.is_some() && pack_state.runs() && entry.status != "untrusted" {
                (entry.enabled, entry.state_reason) = (false, format!("{reason}, but its stored copy does not load (see `error`)"));
            }
        }
        let enabled_count = packs.iter().filter(|p| p.enabled).count();
        Ok(Json(PacksResponse { total: packs.len(), enabled_count, packs }))
    })
    .await
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[derive(Default)]
pub struct CreatePack {
    #[schema(pattern = "^[a-z0-9][a-z0-9-]{0,63}$")]
    pub pack_id: String,
    #[schema(min_length = 1)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
    /// Rules in the YAML rule schema (`schemas/pack.schema.json`).
    #[schema(value_type = Vec<Object>)]
    pub rules: Vec<serde_json::Value>,
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// Creates a custom YAML pack from JSON. 201 with the stored pack.
#[utoipa::path(post, path = "/api/packs", tag = "packs", request_body = CreatePack,
    responses((status = 201, body = PackEntry), (status = 202, body = PackEntry, description = "Stored disabled, pending approval (governance `on_pack_import`)"), (status = 400, body = crate::ErrorBody), (status = 409, body = crate::ErrorBody), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn create(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, body: Body) -> Result<Response, ApiError> {
    let req: CreatePack = crate::error::parse_required_body(body)?;
    check_id(&req.pack_id, &["body", "pack_id"])?;
    let mut doc = serde_json::json!({
        "pack_id": req.pack_id, "name": req.name, "description": req.description,
        "version": req.version.clone().unwrap_or_else(|| "1.0.0".into()), "rules": req.rules,
    });
    // An absent license stays absent (never `license: null` in the stored document).
    if let Some(license) = &req.license {
        doc["license"] = serde_json::Value::String(license.clone());
    }
    let yaml = serde_saphyr::to_string(&doc).map_err(|e| ApiError::internal(e.to_string()))?;
    let import = ImportRequest {
        actor: Actor::from(&p),
        tenant: p.tenant.clone(),
        pack_id: Some(req.pack_id.clone()),
        overwrite: false,
        expected_sha256: None,
        enabled: req.enabled.unwrap_or(true),
        source: ImportSource::Yaml(yaml),
    };
    let record = run_import(state.clone(), import).await?;
    held_for_review(state, p, record).await
}

/// Who signed a stored pack, named as `policy` names the key.
fn signer_view(r: &PackRecord, policy: &sentra_bundle::TrustPolicy) -> Option<PackSigner> {
    let key = sentra_bundle::PublicKey::parse(r.signer.as_deref()?).ok()?;
    Some(PackSigner { key_id: key.id(), key: key.to_string(), name: policy.named(&key).map(str::to_string) })
}

/// A tenant's own pack as listed, imported or created.
fn custom_entry(r: &PackRecord, api_version: Option<String>, error: Option<String>, limits: PackLimitsView) -> PackEntry {
    PackEntry {
        pack_id: r.pack_id.clone(),
        name: r.name.clone(),
        description: r.description.clone(),
        version: r.version.clone(),
        // A stored copy that does not load has no version the host could read.
        api_version: api_version.unwrap_or_else(|| "unknown".into()),
        license: r.license.clone(),
        rule_count: r.rule_count,
        enabled: r.enabled,
        state: if r.enabled { sentra_model::PackState::Enabled } else { sentra_model::PackState::Disabled },
        state_reason: if r.enabled { "turned on for this tenant" } else { "turned off for this tenant" }.into(),
        source: "custom".into(),
        kind: r.kind.as_str().into(),
        sha256: r.sha256.clone(),
        last_updated: Some(r.updated_at.clone()),
        status: if error.is_some() { "error" } else { "ok" }.into(),
        error,
        limits,
        signer: None,
        author: (!r.author.is_empty()).then(|| r.author.clone()),
        approval_id: None,
    }
}

async fn run_import(state: Arc<AppState>, req: ImportRequest) -> Result<PackRecord, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let config = loaded.config.for_tenant(&req.tenant);
        Ok(import_pack(&state.catalog, state.store.as_ref(), &config, req)?)
    })
    .await
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// For a component upload: the id to store it under (must match its own).
    #[param(pattern = "^[a-z0-9][a-z0-9-]{0,63}$")]
    pub pack_id: Option<String>,
    /// Replace an existing pack of that id.
    pub overwrite: Option<bool>,
    /// For a component upload: its expected sha256.
    pub sha256: Option<String>,
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportYaml {
    #[schema(pattern = "^[a-z0-9][a-z0-9-]{0,63}$")]
    pub pack_id: Option<String>,
    /// The document: YAML text, or the document as a JSON object.
    #[schema(value_type = Object)]
    pub pack_yaml: serde_json::Value,
    #[serde(default)]
    pub overwrite: bool,
}

/// Imports a pack: a YAML document (`{"pack_yaml": ...}`), a Wasm component sent as
/// `Content-Type: application/wasm`, or a pack bundle (`sentra pack sign`) sent as
/// `Content-Type: application/vnd.sentra.pack-bundle+json`. The operator's `pack_trust`
/// decides which are admitted (403 `untrusted_pack` otherwise); a bundle whose hash or
/// signature does not verify is refused (400 `invalid_bundle`). 201 with the stored pack.
#[utoipa::path(post, path = "/api/packs/import", tag = "packs", params(ImportQuery), request_body(content = ImportYaml, description = "JSON; or the component's bytes as application/wasm; or a bundle file as application/vnd.sentra.pack-bundle+json"),
    responses((status = 201, body = PackEntry), (status = 202, body = PackEntry, description = "Stored disabled, pending approval (governance `on_pack_import`)"), (status = 400, body = crate::ErrorBody, description = "invalid_pack, with every problem in `errors`; invalid_bundle"),
        (status = 403, body = crate::ErrorBody, description = "untrusted_pack: the operator's pack_trust does not admit it"),
        (status = 409, body = crate::ErrorBody), (status = 413, body = crate::ErrorBody), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn import(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    headers: HeaderMap,
    query: Result<Query<ImportQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::invalid(&["query"], e.body_text(), "value_error"))?;
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let is_bundle = content_type.starts_with(sentra_bundle::MEDIA_TYPE);
    let req = if content_type.starts_with("application/wasm") || is_bundle {
        let bytes = body.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "the component is larger than the upload limit (--max-upload-bytes)")
            } else {
                ApiError::bad_request("bad_request", e.body_text())
            }
        })?;
        if let Some(id) = &q.pack_id {
            check_id(id, &["query", "pack_id"])?;
        }
        ImportRequest {
            actor: Actor::from(&p),
            tenant: p.tenant.clone(),
            pack_id: q.pack_id,
            overwrite: q.overwrite.unwrap_or(false),
            expected_sha256: q.sha256,
            enabled: true,
            source: if is_bundle { ImportSource::Bundle(bytes.to_vec()) } else { ImportSource::Wasm(bytes.to_vec()) },
        }
    } else {
        // Only a component may use this route's larger body limit.
        if body.as_ref().is_ok_and(|b| b.len() > state.config.max_body_bytes) {
            return Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "the document is larger than the request body limit"));
        }
        let body: ImportYaml = crate::error::parse_required_body_async(body).await?;
        if let Some(id) = &body.pack_id {
            check_id(id, &["body", "pack_id"])?;
        }
        let text = match body.pack_yaml {
            serde_json::Value::String(s) => s,
            v @ serde_json::Value::Object(_) => serde_json::to_string_pretty(&v).map_err(|e| ApiError::internal(e.to_string()))?,
            serde_json::Value::Null => return Err(ApiError::invalid(&["body", "pack_yaml"], "required", "missing")),
            _ => return Err(ApiError::invalid(&["body", "pack_yaml"], "must be YAML text or an object", "type_error")),
        };
        ImportRequest {
            actor: Actor::from(&p),
            tenant: p.tenant.clone(),
            pack_id: body.pack_id,
            overwrite: body.overwrite || q.overwrite.unwrap_or(false),
            expected_sha256: None,
            enabled: true,
            source: ImportSource::Yaml(text),
        }
    };
    let record = run_import(state.clone(), req).await?;
    held_for_review(state, p, record).await
}

/// Under `human_review_required.on_pack_import` an imported pack stays disabled until its
/// approval request is approved: 202 with the request's id. Otherwise 201.
async fn held_for_review(state: Arc<AppState>, p: Principal, record: PackRecord) -> Result<Response, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let api_version = state.tenant_packs(&loaded, &p.tenant).ok().and_then(|t| t.api_version(&record.pack_id));
        let tenant_config = loaded.config.for_tenant(&p.tenant);
        let mut entry = custom_entry(&record, api_version, None, limits_view(&tenant_config));
        entry.signer = signer_view(&record, &tenant_config.pack_trust);
        if !state.tenant_config(&loaded, &p.tenant)?.config.governance.human_review_required.on_pack_import {
            return Ok((StatusCode::CREATED, Json(entry)).into_response());
        }
        state.store.set_pack_enabled(&p.tenant, &record.pack_id, false).map_err(|e| ApiError::internal(e.to_string()))?;
        let action = sentra_app::approvals::DeferredAction::PackImport { pack_id: record.pack_id.clone(), sha256: record.sha256.clone() };
        let context = serde_json::json!({"pack_id": record.pack_id, "sha256": record.sha256, "kind": record.kind.as_str()});
        let a = crate::approvals::request(&state, &p, action, &format!("Enable imported pack `{}`", record.pack_id), context)?;
        entry.enabled = false;
        entry.status = "pending_approval".into();
        entry.approval_id = Some(a.id);
        Ok((StatusCode::ACCEPTED, Json(entry)).into_response())
    })
    .await
}

/// The pack a tenant sees under `id`: a built-in one, or its own custom one.
enum Found {
    Builtin(Arc<LoadedPack>),
    Custom(Box<PackRecord>, Option<Arc<LoadedPack>>),
}

fn find(state: &AppState, tenant: &str, id: &str) -> Result<Found, ApiError> {
    check_id(id, &["path", "id"])?;
    let loaded = state.current()?;
    if let Some(p) = state.base_packs(&loaded)?.into_iter().find(|p| p.info().id == id && state.catalog.ids().iter().any(|c| c == id)) {
        return Ok(Found::Builtin(p));
    }
    let tenant_packs = state.tenant_packs(&loaded, tenant)?;
    match tenant_packs.records.iter().find(|r| r.custom && r.pack_id == id) {
        Some(r) => Ok(Found::Custom(Box::new(r.clone()), tenant_packs.custom.iter().find(|(c, _)| c.pack_id == id).map(|(_, p)| p.clone()))),
        None => Err(ImportError::NotFound(id.into()).into()),
    }
}

/// The pack as YAML (`<id>.yaml`): a YAML pack's document, or what a component describes.
#[utoipa::path(get, path = "/api/packs/{id}/export", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")),
    responses((status = 200, content_type = "application/x-yaml", description = "The pack document"), (status = 404, body = crate::ErrorBody), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn export(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    let yaml = blocking(move || {
        Ok(match find(&state, &p.tenant, &id)? {
            Found::Builtin(pack) => export_yaml(&pack, state.catalog.yaml_document(&id)),
            Found::Custom(record, pack) => match record.kind {
                PackKind::Yaml => String::from_utf8_lossy(&state.store.pack_bytes(&record).map_err(|e| ApiError::internal(e.to_string()))?).into_owned(),
                PackKind::Wasm => {
                    let pack = pack.ok_or_else(|| ApiError::internal(format!("pack `{id}` does not load")))?;
                    export_yaml(&pack, None)
                }
            },
        })
    });
    Ok(yaml_response(yaml.await?))
}

fn yaml_response(yaml: String) -> Response {
    let name = yaml
        .lines()
        .find_map(|l| l.strip_prefix("pack_id:").map(|v| v.trim().trim_matches(['"', '\'']).to_string()))
        .filter(|id| valid_pack_id(id))
        .unwrap_or_else(|| "pack".into());
    ([(header::CONTENT_TYPE, "application/x-yaml".to_string()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.yaml\""))], yaml)
        .into_response()
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OverridesResponse {
    pub pack_id: String,
    #[schema(value_type = Object)]
    pub overrides: serde_json::Value,
}

/// A pack's per-rule overrides for the caller's tenant.
#[utoipa::path(get, path = "/api/packs/{id}/overrides", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")),
    responses((status = 200, body = OverridesResponse), (status = 404, body = crate::ErrorBody)))]
pub(crate) async fn get_overrides(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<OverridesResponse>, ApiError> {
    blocking(move || {
        find(&state, &p.tenant, &id)?;
        let record = state.store.get_pack(&p.tenant, &id).map_err(|e| ApiError::internal(e.to_string()))?;
        let overrides = record.map_or_else(|| serde_json::json!({}), |r| r.overrides);
        Ok(Json(OverridesResponse { pack_id: id, overrides }))
    })
    .await
}

/// Replaces a pack's per-rule overrides (`{"RULE-ID": {"severity": "low", "enabled": false}}`).
/// Unknown rules or bad values: 422. They apply to the next scan, `/rules`, gates and reports.
#[utoipa::path(post, path = "/api/packs/{id}/overrides", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")),
    request_body(content = BTreeMap<String, sentra_engine::config::RawRuleOverride>, description = "Rule id to override"),
    responses((status = 200, body = OverridesResponse), (status = 404, body = crate::ErrorBody), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn set_overrides(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<String>,
    body: Body,
) -> Result<Json<OverridesResponse>, ApiError> {
    let overrides: BTreeMap<String, RawRuleOverride> = crate::error::parse_required_body(body)?;
    blocking(move || {
        let rules: Vec<String> = match find(&state, &p.tenant, &id)? {
            Found::Builtin(pack) | Found::Custom(_, Some(pack)) => pack.info().rules.iter().map(|r| r.id.clone()).collect(),
            Found::Custom(_, None) => return Err(ApiError::internal(format!("pack `{id}` does not load"))),
        };
        let problems = sentra_app::packs::check_overrides(&id, &rules, &overrides);
        if !problems.is_empty() {
            return Err(ApiError::invalid_many(problems.into_iter().map(|(at, msg)| {
                let mut loc = vec!["body".to_string()];
                loc.extend(at);
                FieldError { loc, msg, kind: "value_error".into() }
            })));
        }
        let actor = Actor::from(&p);
        let value =
            sentra_app::packs::set_overrides(state.store.as_ref(), &p.tenant, &actor, &id, &overrides).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(Json(OverridesResponse { pack_id: id, overrides: value }))
    })
    .await
}

async fn toggle(state: Arc<AppState>, p: Principal, id: String, enabled: bool) -> Result<Json<serde_json::Value>, ApiError> {
    blocking(move || {
        find(&state, &p.tenant, &id)?;
        sentra_app::packs::set_enabled(state.store.as_ref(), &p.tenant, &Actor::from(&p), &id, enabled).map_err(|e| match e {
            sentra_app::packs::ToggleError::PendingApproval { .. } => ApiError::new(StatusCode::CONFLICT, "approval_pending", e.to_string()),
            sentra_app::packs::ToggleError::Store(e) => ApiError::internal(e.to_string()),
        })?;
        // The state it is in now: enabling a pack makes it run; disabling always stops it.
        let loaded = state.current()?;
        let configured = state.tenant_config(&loaded, &p.tenant)?.config.standards_packs.clone();
        let (now, reason) = state.tenant_packs(&loaded, &p.tenant)?.state(&id, configured.as_ref(), &state.detected(&loaded, &p.tenant));
        Ok(Json(serde_json::json!({"pack_id": id, "enabled": now.runs(), "state": now, "state_reason": reason})))
    })
    .await
}

/// Enables a pack for the caller's tenant.
#[utoipa::path(post, path = "/api/packs/{id}/enable", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")), responses((status = 200, description = "`{pack_id, enabled}`"), (status = 404, body = crate::ErrorBody), (status = 409, body = crate::ErrorBody)))]
pub(crate) async fn enable(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    toggle(state, p, id, true).await
}

/// Disables a pack (built-in ones too) for the caller's tenant.
#[utoipa::path(post, path = "/api/packs/{id}/disable", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")), responses((status = 200, description = "`{pack_id, enabled}`"), (status = 404, body = crate::ErrorBody)))]
pub(crate) async fn disable(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    toggle(state, p, id, false).await
}

/// Deletes a custom pack: 204; unknown: 404; built-in, or named by the tenant's settings: 409.
#[utoipa::path(delete, path = "/api/packs/{id}", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")),
    responses((status = 204, description = "Deleted"), (status = 409, body = crate::ErrorBody), (status = 404, body = crate::ErrorBody), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn delete(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    UrlPath(id): UrlPath<String>,
) -> Result<StatusCode, ApiError> {
    check_id(&id, &["path", "id"])?;
    blocking(move || {
        delete_pack(&state.catalog, state.store.as_ref(), &p.tenant, &id, &Actor::from(&p))?;
        Ok(StatusCode::NO_CONTENT)
    })
    .await
}
