//! Packs at runtime: a tenant imports, creates, exports, overrides, enables, disables and
//! deletes packs over HTTP (and `sentra pack ...` on the same store), without a restart.
//!
//! A pack is verified once, at import: a YAML document is validated and run through the
//! declarative engine's `configure`; a component must be a component of a supported API
//! version that imports only what the host grants, describe itself with unique rule ids
//! and compile. Only then is it stored (atomically, see `sentra_store::packs`). Each
//! tenant sees the built-in packs and its own custom packs; scans load a tenant's packs
//! once per store revision and keep the set they started with.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use sentra_engine::config::RawRuleOverride;
use sentra_engine::{Catalog, Config, declarative};
use sentra_runtime::LoadedPack;
use sentra_store::{NewPack, PackKind, PackRecord, Storage, StoreError, valid_pack_id};
use serde::Serialize;

/// What an import brings.
#[derive(Debug)]
pub enum ImportSource {
    /// A YAML (or JSON) pack document.
    Yaml(String),
    /// A Wasm component.
    Wasm(Vec<u8>),
}

/// Who did something, for the audit log.
#[derive(Clone, Debug)]
pub struct Actor {
    pub name: String,
    pub role: String,
}

impl Actor {
    /// A person at the command line.
    pub fn cli() -> Self {
        let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".into());
        Self { name: format!("cli:{user}"), role: "admin".into() }
    }
}

impl From<&Principal> for Actor {
    fn from(p: &Principal) -> Self {
        Self { name: p.name.clone(), role: p.role.to_string() }
    }
}

/// Appends to the tenant's audit log. A failure to record is logged, not returned: the
/// change it describes has already been committed.
pub fn audit(store: &dyn Storage, tenant: &str, actor: &Actor, action: &str, target: &str, details: serde_json::Value, result: &str) {
    let entry = sentra_store::NewAuditEntry {
        tenant: tenant.into(),
        actor: actor.name.clone(),
        role: actor.role.clone(),
        action: action.into(),
        target: target.into(),
        details,
        result: result.into(),
    };
    if let Err(e) = store.append_audit(&entry) {
        tracing::error!(tenant, action, target, error = %e, "could not write the audit log");
    }
}

#[derive(Debug)]
pub struct ImportRequest {
    pub actor: Actor,
    pub tenant: String,
    /// The id to store the pack under; it must match the pack's own when both are given.
    pub pack_id: Option<String>,
    pub overwrite: bool,
    /// When given, the component's sha256 must be this.
    pub expected_sha256: Option<String>,
    pub enabled: bool,
    pub source: ImportSource,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("`{0}` is not a valid pack id (1 to 64 of a-z, 0-9 and `-`, starting with a letter or digit)")]
    InvalidId(String),
    #[error("the pack is invalid: {}", problems.join("; "))]
    Invalid { problems: Vec<String> },
    #[error("pack `{0}` already exists; import with overwrite to replace it")]
    Exists(String),
    #[error("`{0}` is the id of a built-in pack")]
    Builtin(String),
    #[error("no pack `{0}`")]
    NotFound(String),
    #[error("pack `{0}` is built in: it can be disabled, not deleted")]
    BuiltinDelete(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks a pack and stores it for the tenant.
pub fn import_pack(catalog: &Catalog, store: &dyn Storage, config: &Config, req: ImportRequest) -> Result<PackRecord, ImportError> {
    let checked = check_import(catalog, config, &req)?;
    store_import(catalog, store, req, checked)
}

/// A pack that passed every check but storage: what [`store_import`] writes.
pub struct CheckedImport {
    new: NewPack,
    bytes: Vec<u8>,
}

/// Validates an import without touching the store: the document or component, its id,
/// and that it loads. A caller that must not create state for a refused pack (the CLI)
/// checks first and opens the store after.
pub fn check_import(catalog: &Catalog, config: &Config, req: &ImportRequest) -> Result<CheckedImport, ImportError> {
    if let Some(id) = &req.pack_id
        && !valid_pack_id(id) {
            return Err(ImportError::InvalidId(id.clone()));
        }
    // A document can hold a thousand bad rules: name the first few, count the rest, so
    // the answer (and the audit entry) stays small.
    let invalid = |mut problems: Vec<String>| {
        let limit = sentra_runtime::MAX_LISTED_PROBLEMS;
        if problems.len() > limit {
            let more = problems.len() - limit;
            problems.truncate(limit);
            problems.push(format!("and {more} more problems"));
        }
        ImportError::Invalid { problems }
    };
    let (new, bytes) = match &req.source {
        ImportSource::Yaml(text) => {
            let default_id = req.pack_id.clone().unwrap_or_default();
            let checked = declarative::check_pack("pack", text, &default_id, &config.pack_limits.regex)
                .map_err(|e| invalid(e.problems.iter().map(ToString::to_string).collect()))?;
            let id = checked.id().to_string();
            if req.pack_id.as_deref().is_some_and(|want| want != id) {
                return Err(invalid(vec![format!("the document's pack_id `{id}` differs from the requested `{}`", req.pack_id.as_deref().unwrap_or(""))]));
            }
            // Run it once: the engine must accept the document.
            let loaded = catalog.load_checked(&id, &checked, config).map_err(|e| invalid(vec![e.to_string()]))?;
            let d = &checked.document;
            let new = NewPack {
                tenant: req.tenant.clone(),
                pack_id: id,
                kind: PackKind::Yaml,
                name: d.name.clone(),
                version: d.version.clone(),
                description: d.description.clone(),
                license: d.license.clone().unwrap_or_default(),
                rule_count: loaded.info().rules.len(),
                enabled: req.enabled,
            };
            (new, text.clone().into_bytes())
        }
        ImportSource::Wasm(bytes) => {
            let sha = sentra_store::packs::sha256_hex(bytes);
            if let Some(want) = &req.expected_sha256
                && !want.eq_ignore_ascii_case(&sha) {
                    return Err(invalid(vec![format!("sha256 is {sha}, not the expected {want}")]));
                }
            let name = req.pack_id.clone().unwrap_or_else(|| "uploaded component".into());
            let loaded = catalog.load_external(&name, bytes, config).map_err(|e| invalid(vec![e.to_string()]))?;
            let info = loaded.info();
            if req.pack_id.as_deref().is_some_and(|want| want != info.id) {
                return Err(invalid(vec![format!("the component describes itself as `{}`, not `{}`", info.id, req.pack_id.as_deref().unwrap_or(""))]));
            }
            if !valid_pack_id(&info.id) {
                return Err(ImportError::InvalidId(info.id.clone()));
            }
            let new = NewPack {
                tenant: req.tenant.clone(),
                pack_id: info.id.clone(),
                kind: PackKind::Wasm,
                name: info.name.clone(),
                version: info.version.clone(),
                description: info.description.clone(),
                license: info.license.clone(),
                rule_count: info.rules.len(),
                enabled: req.enabled,
            };
            (new, bytes.clone())
        }
    };
    if catalog.ids().contains(&new.pack_id) {
        return Err(ImportError::Builtin(new.pack_id));
    }
    Ok(CheckedImport { new, bytes })
}

/// Stores a checked pack (refusing to replace one unless asked) and audits it.
pub fn store_import(catalog: &Catalog, store: &dyn Storage, req: ImportRequest, checked: CheckedImport) -> Result<PackRecord, ImportError> {
    let CheckedImport { new, bytes } = checked;
    if catalog.ids().contains(&new.pack_id) {
        return Err(ImportError::Builtin(new.pack_id));
    }
    if !req.overwrite && store.get_pack(&new.tenant, &new.pack_id)?.is_some_and(|r| r.custom) {
        return Err(ImportError::Exists(new.pack_id));
    }
    let record = store.put_pack(&new, &bytes)?;
    audit(
        store,
        &record.tenant,
        &req.actor,
        "pack.import",
        &record.pack_id,
        serde_json::json!({"sha256": record.sha256, "kind": record.kind.as_str(), "rules": record.rule_count, "overwrite": req.overwrite}),
        "ok",
    );
    Ok(record)
}

/// Deletes a tenant's custom pack.
pub fn delete_pack(catalog: &Catalog, store: &dyn Storage, tenant: &str, pack_id: &str, actor: &Actor) -> Result<(), ImportError> {
    if !valid_pack_id(pack_id) {
        return Err(ImportError::InvalidId(pack_id.into()));
    }
    if catalog.ids().iter().any(|id| id == pack_id) {
        return Err(ImportError::BuiltinDelete(pack_id.into()));
    }
    if !store.delete_pack(tenant, pack_id)? {
        return Err(ImportError::NotFound(pack_id.into()));
    }
    audit(store, tenant, actor, "pack.delete", pack_id, serde_json::json!({}), "ok");
    Ok(())
}

/// A tenant's packs as loaded for scanning, for one store revision.
pub(crate) struct TenantPacks {
    pub revision: i64,
    pub records: Vec<PackRecord>,
    /// Custom packs that loaded, enabled or not.
    pub custom: Vec<(PackRecord, Arc<LoadedPack>)>,
    /// Custom packs whose stored copy no longer loads.
    pub broken: BTreeMap<String, String>,
}

impl TenantPacks {
    pub fn load(catalog: &Catalog, store: &dyn Storage, config: &Config, tenant: &str, revision: i64) -> Result<Self, StoreError> {
        let records = store.list_packs(tenant)?;
        let mut custom = Vec::new();
        let mut broken = BTreeMap::new();
        for r in records.iter().filter(|r| r.custom) {
            let loaded = store.pack_bytes(r).map_err(|e| e.to_string()).and_then(|bytes| match r.kind {
                PackKind::Wasm => catalog.load_external(&r.pack_id, &bytes, config).map_err(|e| e.to_string()),
                PackKind::Yaml => {
                    let text = String::from_utf8_lossy(&bytes);
                    declarative::check_pack(&r.pack_id, &text, &r.pack_id, &config.pack_limits.regex)
                        .map_err(|e| e.to_string())
                        .and_then(|c| catalog.load_checked(&r.pack_id, &c, config).map_err(|e| e.to_string()))
                }
            });
            match loaded {
                Ok(p) => custom.push((r.clone(), p)),
                Err(e) => {
                    tracing::warn!(tenant, pack_id = %r.pack_id, error = %e, "a stored custom pack does not load");
                    broken.insert(r.pack_id.clone(), e);
                }
            }
        }
        Ok(Self { revision, records, custom, broken })
    }

    pub fn disabled(&self) -> BTreeSet<String> {
        self.records.iter().filter(|r| !r.enabled).map(|r| r.pack_id.clone()).collect()
    }

    /// The tenant's stored overrides, as config `pack_overrides`.
    pub fn overrides(&self) -> BTreeMap<String, BTreeMap<String, RawRuleOverride>> {
        let mut out = BTreeMap::new();
        for r in &self.records {
            if let Ok(map) = serde_json::from_value::<BTreeMap<String, RawRuleOverride>>(r.overrides.clone())
                && !map.is_empty() {
                    out.insert(r.pack_id.clone(), map);
                }
        }
        out
    }

    /// Pack selection for a scan: the configured (or all) built-in packs plus the tenant's
    /// enabled custom packs, minus disabled ones; and the custom packs to load with them.
    /// The pack ids a scan runs and the tenant's own packs among them. Unconfigured, that
    /// is the `detected` built-ins (zero-config) and every enabled tenant pack.
    pub fn selection(&self, configured: Option<&Vec<String>>, detected: &[String]) -> (Vec<String>, Vec<Arc<LoadedPack>>) {
        let disabled = self.disabled();
        let enabled_custom: Vec<&(PackRecord, Arc<LoadedPack>)> = self.custom.iter().filter(|(r, _)| r.enabled).collect();
        let ids: Vec<String> = match configured {
            Some(ids) => ids.clone(),
            None => detected.iter().cloned().chain(enabled_custom.iter().map(|(r, _)| r.pack_id.clone())).collect(),
        };
        let ids: Vec<String> = ids.into_iter().filter(|id| !disabled.contains(id)).collect();
        let extra = enabled_custom.iter().filter(|(r, _)| ids.contains(&r.pack_id)).map(|(_, p)| p.clone()).collect();
        (ids, extra)
    }
}

/// A YAML description of a loaded pack: for a YAML pack the document itself (so
/// re-importing it gives the same findings), for a component what it describes (its
/// code is not exported; rules without a pattern come out as `type: wasm-check`, which
/// an importer skips and lists).
pub fn export_yaml(pack: &LoadedPack, stored_yaml: Option<&str>) -> String {
    if let Some(text) = stored_yaml {
        return text.to_string();
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        pack_id: &'a str,
        name: &'a str,
        description: &'a str,
        version: &'a str,
        license: &'a str,
        rules: Vec<serde_json::Value>,
    }
    let info = pack.info();
    let rules = info
        .rules
        .iter()
        .map(|r| {
            let mut v = serde_json::json!({
                "id": r.id, "name": r.name, "description": r.description, "severity": r.severity.as_str(),
                "standard": r.standard, "clause": r.clause, "compliance_category": r.category,
                "remediation_guidance": r.remediation,
            });
            let m = v.as_object_mut().expect("an object");
            match (&r.pattern, r.project_level) {
                (Some(p), false) => {
                    m.insert("type".into(), "regex".into());
                    m.insert("pattern".into(), p.clone().into());
                }
                (_, true) => {
                    m.insert("type".into(), "documentation_obligation".into());
                }
                (None, false) => {
                    m.insert("type".into(), "wasm-check".into());
                }
            }
            for (k, list) in [("file_glob", &r.file_globs), ("exclude_globs", &r.exclude_globs), ("tags", &r.tags), ("cwe", &r.cwe), ("references", &r.references)] {
                if !list.is_empty() {
                    let value = if k == "file_glob" { serde_json::Value::from(list.join(",")) } else { serde_json::json!(list) };
                    m.insert(k.into(), value);
                }
            }
            v
        })
        .collect();
    let doc = Doc { pack_id: &info.id, name: &info.name, description: &info.description, version: &info.version, license: &info.license, rules };
    let mut out = format!("# Exported by sentra from pack `{}` ({}); a component's code is not exported.\n", info.id, pack.sha256());
    out.push_str(&serde_saphyr::to_string(&doc).unwrap_or_default());
    out
}

// ---------------------------------------------------------------------------------
// HTTP

use axum::Json;
use axum::extract::{Query, State};
use crate::error::UrlPath;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::error::{ApiError, FieldError, blocking};
use crate::{AppState, Body, Principal};

impl From<ImportError> for ApiError {
    fn from(e: ImportError) -> Self {
        match &e {
            ImportError::InvalidId(_) => ApiError::invalid(&["path", "pack_id"], e.to_string(), "value_error"),
            ImportError::Invalid { problems } => {
                let mut err = ApiError::bad_request("invalid_pack", e.to_string());
                err.errors = Some(problems.iter().map(|p| FieldError { loc: vec!["body".into()], msg: p.clone(), kind: "invalid_pack".into() }).collect());
                err
            }
            ImportError::Exists(_) => ApiError::new(StatusCode::CONFLICT, "pack_exists", e.to_string()),
            ImportError::Builtin(_) => ApiError::new(StatusCode::CONFLICT, "builtin_pack", e.to_string()),
            ImportError::NotFound(_) => ApiError::new(StatusCode::NOT_FOUND, "pack_not_found", e.to_string()),
            ImportError::BuiltinDelete(_) => ApiError::bad_request("builtin_pack", e.to_string()),
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
    pub api_version: String,
    pub license: String,
    pub rule_count: usize,
    pub enabled: bool,
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
    /// With status `pending_approval` (202): the approval request that enables it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_id: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PacksResponse {
    pub packs: Vec<PackEntry>,
    pub total: usize,
    pub enabled_count: usize,
}


fn check_id(id: &str) -> Result<(), ApiError> {
    if valid_pack_id(id) { Ok(()) } else { Err(ImportError::InvalidId(id.into()).into()) }
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
        let disabled = tenant.disabled();
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
                    api_version: sentra_runtime::PACK_API_VERSION.to_string(),
                    license: i.license.clone(),
                    rule_count: i.rules.len(),
                    enabled: !disabled.contains(&i.id),
                    source: "builtin".into(),
                    kind: if state.catalog.is_yaml(&i.id) { "yaml" } else { "wasm" }.into(),
                    sha256: pack.sha256().to_string(),
                    last_updated: None,
                    status: "ok".into(),
                    error: None,
                    limits: limits(),
                    approval_id: None,
                }
            })
            .collect();
        for r in tenant.records.iter().filter(|r| r.custom) {
            packs.push(custom_entry(r, tenant.broken.get(&r.pack_id).cloned(), limits()));
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
pub(crate) async fn create(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreatePack = crate::error::parse_required_body(body)?;
    check_id(&req.pack_id)?;
    let doc = serde_json::json!({
        "pack_id": req.pack_id, "name": req.name, "description": req.description,
        "version": req.version.clone().unwrap_or_else(|| "1.0.0".into()), "license": req.license, "rules": req.rules,
    });
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

/// A tenant's own pack as listed, imported or created.
fn custom_entry(r: &PackRecord, error: Option<String>, limits: PackLimitsView) -> PackEntry {
    PackEntry {
        pack_id: r.pack_id.clone(),
        name: r.name.clone(),
        description: r.description.clone(),
        version: r.version.clone(),
        api_version: sentra_runtime::PACK_API_VERSION.to_string(),
        license: r.license.clone(),
        rule_count: r.rule_count,
        enabled: r.enabled,
        source: "custom".into(),
        kind: r.kind.as_str().into(),
        sha256: r.sha256.clone(),
        last_updated: Some(r.updated_at.clone()),
        status: if error.is_some() { "error" } else { "ok" }.into(),
        error,
        limits,
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

/// Imports a pack: a YAML document (`{"pack_yaml": ...}`), or a Wasm component sent as
/// `Content-Type: application/wasm`. 201 with the stored pack.
#[utoipa::path(post, path = "/api/packs/import", tag = "packs", params(ImportQuery), request_body(content = ImportYaml, description = "JSON, or the component's bytes as application/wasm"),
    responses((status = 201, body = PackEntry), (status = 202, body = PackEntry, description = "Stored disabled, pending approval (governance `on_pack_import`)"), (status = 400, body = crate::ErrorBody, description = "invalid_pack, with every problem in `errors`"),
        (status = 409, body = crate::ErrorBody), (status = 413, body = crate::ErrorBody), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn import(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    headers: HeaderMap,
    query: Result<Query<ImportQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::invalid(&["query"], e.body_text(), "value_error"))?;
    let is_wasm = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/wasm"));
    let req = if is_wasm {
        let bytes = body.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "the component is larger than the request body limit")
            } else {
                ApiError::bad_request("bad_request", e.body_text())
            }
        })?;
        if let Some(id) = &q.pack_id {
            check_id(id)?;
        }
        ImportRequest {
            actor: Actor::from(&p),
            tenant: p.tenant.clone(),
            pack_id: q.pack_id,
            overwrite: q.overwrite.unwrap_or(false),
            expected_sha256: q.sha256,
            enabled: true,
            source: ImportSource::Wasm(bytes.to_vec()),
        }
    } else {
        let body: ImportYaml = crate::error::parse_required_body(body)?;
        if let Some(id) = &body.pack_id {
            check_id(id).map_err(|_| ApiError::invalid(&["body", "pack_id"], format!("`{id}` is not a valid pack id"), "value_error"))?;
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
        let mut entry = custom_entry(&record, None, limits_view(&loaded.config.for_tenant(&p.tenant)));
        if !loaded.config.governance.human_review_required.on_pack_import {
            return Ok((StatusCode::CREATED, Json(entry)).into_response());
        }
        state.store.set_pack_enabled(&p.tenant, &record.pack_id, false).map_err(|e| ApiError::internal(e.to_string()))?;
        let a = crate::approvals::request(
            &state,
            &p.tenant,
            &Actor::from(&p),
            "pack_import",
            &format!("Enable imported pack `{}`", record.pack_id),
            serde_json::json!({"pack_id": record.pack_id, "sha256": record.sha256, "kind": record.kind.as_str()}),
            serde_json::json!({"pack_id": record.pack_id, "sha256": record.sha256}),
        )?;
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
    check_id(id)?;
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
    (
        [(header::CONTENT_TYPE, "application/x-yaml".to_string()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.yaml\""))],
        yaml,
    )
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
    request_body(content = Object, description = "Rule id to override"),
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
        let mut errors = Vec::new();
        for (rule, o) in &overrides {
            if !rules.contains(rule) {
                errors.push(FieldError { loc: vec!["body".into(), rule.clone()], msg: format!("pack `{id}` has no rule `{rule}`"), kind: "value_error".into() });
            }
            if let Some(s) = &o.severity
                && sentra_runtime::Severity::parse(s).is_none() {
                    errors.push(FieldError {
                        loc: vec!["body".into(), rule.clone(), "severity".into()],
                        msg: format!("unknown severity `{s}` (expected critical, high, medium, low or info)"),
                        kind: "value_error".into(),
                    });
                }
        }
        if !errors.is_empty() {
            return Err(ApiError::invalid_many(errors));
        }
        let value = serde_json::to_value(&overrides).map_err(|e| ApiError::internal(e.to_string()))?;
        state.store.set_pack_overrides(&p.tenant, &id, &value).map_err(|e| ApiError::internal(e.to_string()))?;
        audit(state.store.as_ref(), &p.tenant, &Actor::from(&p), "pack.overrides", &id, value.clone(), "ok");
        Ok(Json(OverridesResponse { pack_id: id, overrides: value }))
    })
    .await
}

async fn toggle(state: Arc<AppState>, p: Principal, id: String, enabled: bool) -> Result<Json<serde_json::Value>, ApiError> {
    blocking(move || {
        find(&state, &p.tenant, &id)?;
        state.store.set_pack_enabled(&p.tenant, &id, enabled).map_err(|e| ApiError::internal(e.to_string()))?;
        let action = if enabled { "pack.enable" } else { "pack.disable" };
        audit(state.store.as_ref(), &p.tenant, &Actor::from(&p), action, &id, serde_json::json!({}), "ok");
        Ok(Json(serde_json::json!({"pack_id": id, "enabled": enabled})))
    })
    .await
}

/// Enables a pack for the caller's tenant.
#[utoipa::path(post, path = "/api/packs/{id}/enable", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")), responses((status = 200, description = "`{pack_id, enabled}`"), (status = 404, body = crate::ErrorBody)))]
pub(crate) async fn enable(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, UrlPath(id): UrlPath<String>) -> Result<Json<serde_json::Value>, ApiError> {
    toggle(state, p, id, true).await
}

/// Disables a pack (built-in ones too) for the caller's tenant.
#[utoipa::path(post, path = "/api/packs/{id}/disable", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")), responses((status = 200, description = "`{pack_id, enabled}`"), (status = 404, body = crate::ErrorBody)))]
pub(crate) async fn disable(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, UrlPath(id): UrlPath<String>) -> Result<Json<serde_json::Value>, ApiError> {
    toggle(state, p, id, false).await
}

/// Deletes a custom pack: 204; unknown: 404; built-in: 400.
#[utoipa::path(delete, path = "/api/packs/{id}", tag = "packs", params(("id" = String, Path, pattern = "^[a-z0-9][a-z0-9-]{0,63}$")),
    responses((status = 204, description = "Deleted"), (status = 400, body = crate::ErrorBody), (status = 404, body = crate::ErrorBody), (status = 422, body = crate::ErrorBody)))]
pub(crate) async fn delete(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>, UrlPath(id): UrlPath<String>) -> Result<StatusCode, ApiError> {
    blocking(move || {
        delete_pack(&state.catalog, state.store.as_ref(), &p.tenant, &id, &Actor::from(&p))?;
        Ok(StatusCode::NO_CONTENT)
    })
    .await
}
