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

use crate::audit::{Actor, audit};

/// What an import brings.
#[derive(Debug)]
pub enum ImportSource {
    /// A YAML (or JSON) pack document.
    Yaml(String),
    /// A Wasm component.
    Wasm(Vec<u8>),
    /// A pack bundle (`sentra pack sign`): a manifest and a component or document.
    Bundle(Vec<u8>),
}

impl ImportSource {
    /// What a file's bytes are: a component by its magic number, a bundle by its first
    /// key, otherwise YAML text (`None` when not UTF-8).
    pub fn sniff(bytes: Vec<u8>) -> Option<Self> {
        if bytes.starts_with(b"\0asm") {
            Some(Self::Wasm(bytes))
        } else if sentra_bundle::looks_like_bundle(&bytes) {
            Some(Self::Bundle(bytes))
        } else {
            String::from_utf8(bytes).ok().map(Self::Yaml)
        }
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
    /// The tenant's settings name the pack; deleting it would leave them pointing at nothing.
    #[error("pack `{pack}` is named by this tenant's settings ({}); change them first (POST /api/config)", keys.join(", "))]
    InUse { pack: String, keys: Vec<String> },
    /// A bundle that does not check out (tampered, malformed).
    #[error("the bundle is refused: {0}")]
    Bundle(#[from] sentra_bundle::BundleError),
    /// The operator's trust policy does not admit the pack.
    #[error("the pack is refused by this server's trust policy: {0}")]
    Untrusted(#[from] sentra_bundle::Untrusted),
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

/// Validates an import without touching the store: the trust policy first (before any
/// component is compiled), then a bundle's claims, the document or component, its id, and
/// that it loads. A caller that must not create state for a refused pack (the CLI) checks
/// first and opens the store after.
pub fn check_import(catalog: &Catalog, config: &Config, req: &ImportRequest) -> Result<CheckedImport, ImportError> {
    if let Some(id) = &req.pack_id
        && !valid_pack_id(id)
    {
        return Err(ImportError::InvalidId(id.clone()));
    }
    let (new, bytes, _) = match &req.source {
        ImportSource::Yaml(text) => {
            config.pack_trust.admit(None)?;
            check_yaml(catalog, config, req, text)?
        }
        ImportSource::Wasm(bytes) => {
            config.pack_trust.admit(None)?;
            check_wasm(catalog, config, req, bytes)?
        }
        ImportSource::Bundle(bytes) => check_bundle(catalog, config, req, bytes)?,
    };
    if catalog.ids().contains(&new.pack_id) {
        return Err(ImportError::Builtin(new.pack_id));
    }
    Ok(CheckedImport { new, bytes })
}

/// A document can hold a thousand bad rules: name the first few, count the rest, so the
/// answer (and the audit entry) stays small.
fn invalid(mut problems: Vec<String>) -> ImportError {
    let limit = sentra_runtime::MAX_LISTED_PROBLEMS;
    if problems.len() > limit {
        let more = problems.len() - limit;
        problems.truncate(limit);
        problems.push(format!("and {more} more problems"));
    }
    ImportError::Invalid { problems }
}

/// A checked pack: what is stored, its bytes, and the pack API version it runs on.
type Checked = (NewPack, Vec<u8>, String);

fn check_yaml(catalog: &Catalog, config: &Config, req: &ImportRequest, text: &str) -> Result<Checked, ImportError> {
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
        signer: None,
        author: String::new(),
    };
    Ok((new, text.as_bytes().to_vec(), loaded.api_version().to_string()))
}

fn check_wasm(catalog: &Catalog, config: &Config, req: &ImportRequest, bytes: &[u8]) -> Result<Checked, ImportError> {
    let sha = sentra_store::packs::sha256_hex(bytes);
    if let Some(want) = &req.expected_sha256
        && !want.eq_ignore_ascii_case(&sha)
    {
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
        signer: None,
        author: String::new(),
    };
    Ok((new, bytes.to_vec(), loaded.api_version().to_string()))
}

/// A bundle: its hash and signature verified and its signer admitted before the payload
/// is read, then the payload checked as a plain import would be, and the manifest's id,
/// version and kind held to what the payload says of itself.
fn check_bundle(catalog: &Catalog, config: &Config, req: &ImportRequest, bytes: &[u8]) -> Result<Checked, ImportError> {
    let verified = sentra_bundle::open(bytes)?;
    config.pack_trust.admit(verified.signer.as_ref())?;
    let m = &verified.manifest;
    let (mut new, payload, api_version) = match m.kind {
        sentra_bundle::PayloadKind::Wasm if verified.payload.starts_with(b"\0asm") => check_wasm(catalog, config, req, &verified.payload)?,
        sentra_bundle::PayloadKind::Yaml if !verified.payload.starts_with(b"\0asm") => {
            let text = std::str::from_utf8(&verified.payload).map_err(|_| invalid(vec!["the bundle's YAML payload is not UTF-8".into()]))?;
            check_yaml(catalog, config, req, text)?
        }
        kind => return Err(invalid(vec![format!("the bundle's manifest says `{}`, but its payload is not that", kind.as_str())])),
    };
    // What the manifest says of the pack (and `pack verify` shows) is what the pack says.
    let problems: Vec<String> = [
        ("id", &m.id, &new.pack_id),
        ("name", &m.name, &new.name),
        ("version", &m.version, &new.version),
        ("license", &m.license, &new.license),
        ("api_version", &m.api_version, &api_version),
    ]
    .into_iter()
    .filter(|(_, said, is)| said != is)
    .map(|(field, said, is)| format!("the bundle's manifest says {field} `{said}`, but the pack says `{is}`"))
    .collect();
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    new.signer = verified.signer.map(|k| k.to_string());
    new.author = m.author.clone();
    Ok((new, payload, api_version))
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
        serde_json::json!({
            "sha256": record.sha256, "kind": record.kind.as_str(), "rules": record.rule_count, "overwrite": req.overwrite,
            "signer": record.signer.as_deref().and_then(sentra_bundle::PublicKey::id_of), "author": record.author,
        }),
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
    let settings = store.settings(sentra_store::SettingsScope::Tenant(tenant))?.unwrap_or_default();
    let keys = settings_naming(&settings, pack_id);
    if !keys.is_empty() {
        return Err(ImportError::InUse { pack: pack_id.into(), keys });
    }
    if !store.delete_pack(tenant, pack_id)? {
        return Err(ImportError::NotFound(pack_id.into()));
    }
    audit(store, tenant, actor, "pack.delete", pack_id, serde_json::json!({}), "ok");
    Ok(())
}

/// The settings keys of `settings` that name `pack_id`.
fn settings_naming(settings: &serde_json::Value, pack_id: &str) -> Vec<String> {
    let mut keys = Vec::new();
    if settings.get("standards_packs").and_then(serde_json::Value::as_array).is_some_and(|ids| ids.iter().any(|i| i == pack_id)) {
        keys.push("standards_packs".to_string());
    }
    if settings.get("pack_overrides").and_then(|m| m.get(pack_id)).is_some() {
        keys.push(format!("pack_overrides.{pack_id}"));
    }
    keys
}

/// A tenant's packs as loaded for scanning, for one store revision.
pub struct TenantPacks {
    pub revision: i64,
    pub records: Vec<PackRecord>,
    /// Custom packs that loaded, enabled or not.
    pub custom: Vec<(PackRecord, Arc<LoadedPack>)>,
    /// Custom packs whose stored copy no longer loads.
    pub broken: BTreeMap<String, String>,
    /// Custom packs the tenant's trust policy does not admit (imported before it was
    /// turned on, or signed by a key it no longer lists), with the reason. They do not run
    /// until imported again as a bundle signed by a listed key.
    pub untrusted: BTreeMap<String, String>,
    /// The policy they were judged by: a change of it reloads them.
    pub trust: sentra_bundle::TrustPolicy,
}

impl TenantPacks {
    /// The pack API version custom pack `pack_id` targets, when its stored copy loaded.
    pub fn api_version(&self, pack_id: &str) -> Option<String> {
        self.custom.iter().find(|(r, _)| r.pack_id == pack_id).map(|(_, p)| p.api_version().to_string())
    }

    pub fn load(catalog: &Catalog, store: &dyn Storage, config: &Config, tenant: &str, revision: i64) -> Result<Self, StoreError> {
        let records = store.list_packs(tenant)?;
        let mut custom = Vec::new();
        let mut broken = BTreeMap::new();
        let mut untrusted = BTreeMap::new();
        for r in records.iter().filter(|r| r.custom) {
            if let Err(reason) = admitted(&config.pack_trust, r) {
                untrusted.insert(r.pack_id.clone(), reason);
                continue;
            }
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
        Ok(Self { revision, records, custom, broken, untrusted, trust: config.pack_trust.clone() })
    }

    pub fn disabled(&self) -> BTreeSet<String> {
        self.records.iter().filter(|r| !r.enabled).map(|r| r.pack_id.clone()).collect()
    }

    /// The tenant's stored overrides, as config `pack_overrides`.
    pub fn overrides(&self) -> BTreeMap<String, BTreeMap<String, RawRuleOverride>> {
        let mut out = BTreeMap::new();
        for r in &self.records {
            if let Ok(map) = serde_json::from_value::<BTreeMap<String, RawRuleOverride>>(r.overrides.clone())
                && !map.is_empty()
            {
                out.insert(r.pack_id.clone(), map);
            }
        }
        out
    }

    /// Packs turned on for the tenant: built-in ones enabled explicitly, its own imported
    /// or enabled.
    pub fn enabled(&self) -> BTreeSet<String> {
        self.records.iter().filter(|r| r.enabled).map(|r| r.pack_id.clone()).collect()
    }

    /// A pack's state for the tenant and why ([`sentra_model::PackState`]).
    pub fn state(&self, pack_id: &str, configured: Option<&Vec<String>>, detected: &[String]) -> (sentra_model::PackState, &'static str) {
        if self.untrusted.contains_key(pack_id) {
            return (sentra_model::PackState::Untrusted, "the operator's pack trust policy does not admit it (see `error`)");
        }
        let record = self.records.iter().find(|r| r.pack_id == pack_id);
        let (enabled, disabled) = (record.is_some_and(|r| r.enabled), record.is_some_and(|r| !r.enabled));
        sentra_model::PackState::of(pack_id, configured.map(Vec::as_slice), detected, enabled, disabled)
    }

    /// The pack ids a scan runs (every pack whose state runs: named in `standards_packs`,
    /// or `detected` when it is unset, plus every pack turned on, minus every pack turned
    /// off) and the tenant's own packs among them. With `exact` (a request named its
    /// packs), the packs named, minus those turned off.
    pub fn selection(&self, configured: Option<&Vec<String>>, detected: &[String], exact: bool) -> (Vec<String>, Vec<Arc<LoadedPack>>) {
        let disabled = self.disabled();
        let mut ids: Vec<String> = configured.cloned().unwrap_or_else(|| detected.to_vec());
        // A stored pack that no longer loads is listed as broken (`GET /api/packs`), not run
        // because it is turned on; named in `standards_packs`, the scan reports it.
        let turned_on = if exact && configured.is_some() { BTreeSet::new() } else { self.enabled() };
        for id in turned_on.into_iter().filter(|id| !self.broken.contains_key(id) && !self.untrusted.contains_key(id)) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.retain(|id| !disabled.contains(id));
        let extra = self.custom.iter().filter(|(r, _)| ids.contains(&r.pack_id)).map(|(_, p)| p.clone()).collect();
        (ids, extra)
    }
}

/// Whether `policy` admits stored pack `record` (by the signer its import verified), and
/// if not, why.
pub(crate) fn admitted(policy: &sentra_bundle::TrustPolicy, record: &PackRecord) -> Result<(), String> {
    let signer = match record.signer.as_deref().map(sentra_bundle::PublicKey::parse) {
        None => None,
        Some(Ok(key)) => Some(key),
        Some(Err(_)) => return Err("its stored signer is unreadable; import it again".into()),
    };
    policy.admit(signer.as_ref()).map(|_| ()).map_err(|e| e.to_string())
}

/// The custom packs of `tenant` that `policy` does not admit, as `id: reason`.
pub fn untrusted_packs(store: &dyn Storage, policy: &sentra_bundle::TrustPolicy, tenant: &str) -> Vec<String> {
    let records = store.list_packs(tenant).unwrap_or_default();
    records.iter().filter(|r| r.custom).filter_map(|r| admitted(policy, r).err().map(|why| format!("{}: {why}", r.pack_id))).collect()
}

/// Records in each tenant's audit chain a change of its trust policy that came with a new
/// config file (`--reload`), with the packs the new policy stops. Changes made over
/// `/api/operator/config` are recorded there.
pub fn audit_trust_reload(store: &dyn Storage, before: &Config, after: &Config) {
    if before.pack_trust == after.pack_trust && before.tenant_trust == after.tenant_trust {
        return;
    }
    let mut tenants = store.known_tenants().unwrap_or_default();
    if !tenants.iter().any(|t| t == crate::DEFAULT_TENANT) {
        tenants.push(crate::DEFAULT_TENANT.into());
    }
    for tenant in tenants {
        let policy = after.for_tenant(&tenant).pack_trust;
        if before.for_tenant(&tenant).pack_trust == policy {
            continue;
        }
        let details = serde_json::json!({
            "policy": policy.mode().as_str(), "untrusted_packs": untrusted_packs(store, &policy, &tenant), "from": "the server config file",
        });
        audit(store, &tenant, &Actor::system(), "operator.pack_trust.reload", "pack_trust", details, "ok");
    }
}

/// Every pack and rule `values` (a tenant's effective settings) names that `known` (pack
/// id to its rule ids, as the tenant has them) lacks, as (key, message): one bad write
/// must not leave every later scan failing.
pub fn pack_ref_problems(values: &serde_json::Value, known: &BTreeMap<String, BTreeSet<String>>) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let available = || known.keys().cloned().collect::<Vec<_>>().join(", ");
    if let Some(ids) = values.get("standards_packs").and_then(serde_json::Value::as_array) {
        for (i, id) in ids.iter().enumerate() {
            let id = id.as_str().unwrap_or_default();
            if !known.contains_key(id) {
                problems.push((format!("standards_packs.{i}"), format!("no pack `{id}` (available: {})", available())));
            }
        }
    }
    // (`pack_on_error` may name a pack before it is imported: it changes no scan until then.)
    if let Some(map) = values.get("pack_overrides").and_then(serde_json::Value::as_object) {
        for (pack, rules) in map {
            let Some(have) = known.get(pack) else {
                problems.push((format!("pack_overrides.{pack}"), format!("no pack `{pack}` (available: {})", available())));
                continue;
            };
            for rule in rules.as_object().into_iter().flat_map(|r| r.keys()).filter(|r| !have.contains(*r)) {
                problems.push((format!("pack_overrides.{pack}.{rule}"), format!("pack `{pack}` has no rule `{rule}`")));
            }
        }
    }
    problems
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
            for (k, list) in
                [("file_glob", &r.file_globs), ("exclude_globs", &r.exclude_globs), ("tags", &r.tags), ("cwe", &r.cwe), ("references", &r.references)]
            {
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

#[derive(Debug, thiserror::Error)]
pub enum ToggleError {
    /// Enabling would bypass the review its import is held for.
    #[error("pack `{pack_id}` waits for approval request {approval_id}; it is enabled when that is approved")]
    PendingApproval { pack_id: String, approval_id: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Enables or disables a pack for the tenant, audited. The caller has checked that the
/// pack exists for the tenant (a built-in one, or one of its own). A pack whose import is
/// held for review cannot be enabled around it.
pub fn set_enabled(store: &dyn Storage, tenant: &str, actor: &Actor, pack_id: &str, enabled: bool) -> Result<(), ToggleError> {
    if enabled && let Some(approval_id) = crate::approvals::pending_import(store, tenant, pack_id)? {
        return Err(ToggleError::PendingApproval { pack_id: pack_id.to_string(), approval_id });
    }
    store.set_pack_enabled(tenant, pack_id, enabled)?;
    let action = if enabled { "pack.enable" } else { "pack.disable" };
    audit(store, tenant, actor, action, pack_id, serde_json::json!({}), "ok");
    Ok(())
}

/// One problem of a set of rule overrides: where (rule id, then field) and what.
pub type OverrideProblem = (Vec<String>, String);

/// Checks a pack's rule overrides against the rules it has; every problem is listed.
pub fn check_overrides(pack_id: &str, rules: &[String], overrides: &BTreeMap<String, RawRuleOverride>) -> Vec<OverrideProblem> {
    let mut problems = Vec::new();
    for (rule, o) in overrides {
        if !rules.contains(rule) {
            problems.push((vec![rule.clone()], format!("pack `{pack_id}` has no rule `{rule}`")));
        }
        if let Some(s) = &o.severity
            && sentra_model::Severity::parse(s).is_none()
        {
            problems.push((vec![rule.clone(), "severity".into()], format!("unknown severity `{s}` (expected critical, high, medium, low or info)")));
        }
    }
    problems
}

/// Replaces a pack's rule overrides for the tenant (checked first with
/// [`check_overrides`]), audited; returns them as stored.
pub fn set_overrides(
    store: &dyn Storage,
    tenant: &str,
    actor: &Actor,
    pack_id: &str,
    overrides: &BTreeMap<String, RawRuleOverride>,
) -> Result<serde_json::Value, StoreError> {
    let value = serde_json::to_value(overrides).unwrap_or_default();
    store.set_pack_overrides(tenant, pack_id, &value)?;
    audit(store, tenant, actor, "pack.overrides", pack_id, value.clone(), "ok");
    Ok(value)
}
