//! Settings in two layers with owners ([`sentra_engine::layers`]): the operator's (the
//! server's config file, then what an operator key changed, kept in the store) and each
//! tenant's own (kept in the store). A change is merged over what its layer holds, the
//! result checked as a whole as the tenant would run it (every problem listed, nothing
//! written), then stored and audited with secrets redacted: a tenant's change in its own
//! chain, an operator's in every tenant's.

use std::path::Path;

use sentra_engine::{config_edit, layers};
use sentra_store::{SettingsScope, Storage, StoreError};
use serde_json::{Map, Value, json};

use crate::audit::{Actor, audit};

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// Each problem as (dotted key under the update, message).
    #[error("the config would be invalid: {}", .0.iter().map(|(k, m)| format!("{k}: {m}")).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<(String, String)>),
    /// A tenant's change touched settings only the operator decides.
    #[error("only the operator may change {}", .0.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", "))]
    OperatorOnly(Vec<String>),
    #[error("{0}")]
    Read(#[from] sentra_engine::ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
}
/// Field names whose values are never shown.
fn is_secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["token", "secret", "password", "webhook", "api_key", "apikey", "credential"].iter().any(|s| n.contains(s))
}

/// `text` with the user info of any URL in it (`https://user:pass@host`) replaced by `***`.
fn redact_url_credentials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let authority_end = tail.find(['/', '?', '#', ' ', '"']).unwrap_or(tail.len());
        match tail[..authority_end].rfind('@') {
            Some(at) => {
                out.push_str("***");
                rest = &tail[at..];
            }
            None => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

/// `value` with every secret-looking field replaced by `{"value": "***", "set": bool}`,
/// and credentials inside URLs replaced by `***`.
pub fn redact(value: &Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let v = if is_secret(k) { json!({"value": "***", "set": !v.is_null() && v != "" }) } else { redact(v) };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(redact).collect()),
        Value::String(text) if text.contains("://") => Value::String(redact_url_credentials(text)),
        other => other.clone(),
    }
}

/// The config file's path as shown to API callers: relative to the server root (an
/// absolute path tells a tenant how the operator's machine is laid out).
pub fn shown_path(root: &Path) -> String {
    let path = config_edit::config_path(root);
    path.strip_prefix(root).unwrap_or(&path).display().to_string()
}

/// A check beyond the config's own rules (the server's: every pack and rule the settings
/// name exists for the tenant), as (key, message) for each problem.
pub type ExtraCheck<'a> = &'a dyn Fn(&Value) -> Vec<(String, String)>;

/// No check beyond the config's own.
pub fn no_extra_check(_: &Value) -> Vec<(String, String)> {
    Vec::new()
}

/// The operator's values as stored layers give them: the config file under `root`, then
/// what operator keys changed. `GUARD_*` variables are applied by the caller that runs
/// with them (they are the operator's too).
pub fn operator_values(store: Option<&dyn Storage>, root: &Path) -> Result<Value, SettingsError> {
    let mut values = config_edit::file_values(&config_edit::config_path(root))?;
    if let Some(stored) = store.map(|s| s.settings(SettingsScope::Operator)).transpose()?.flatten() {
        config_edit::merge(&mut values, &stored);
    }
    Ok(values)
}

/// What `tenant` runs with, as a config document (see [`layers::for_tenant`]).
pub fn tenant_values(store: &dyn Storage, operator: &Value, tenant: &str) -> Result<Value, SettingsError> {
    let stored = store.settings(SettingsScope::Tenant(tenant))?;
    Ok(layers::for_tenant(operator, tenant, stored.as_ref()))
}

/// Every problem of `values` as a config, and a tracker the operator did not offer.
fn check(values: &Value, offered: &[String], extra: ExtraCheck<'_>) -> Result<(), SettingsError> {
    let mut problems = config_edit::problems(values);
    if let Some(provider) = values.pointer("/devops/provider").and_then(Value::as_str)
        && !offered.iter().any(|o| o == provider)
    {
        problems.push(("devops.provider".into(), format!("the operator offers no `{provider}` tracker (offered: {})", offered.join(", "))));
    }
    problems.extend(extra(values));
    if !problems.is_empty() {
        return Err(SettingsError::Invalid(problems));
    }
    Ok(())
}

/// Merges `updates` into `tenant`'s stored settings, checks the tenant's whole effective
/// config (with `extra`), stores and audits it. Settings the operator owns are refused by
/// name, nothing written. Returns the keys changed.
pub fn update_tenant(
    store: &dyn Storage,
    tenant: &str,
    actor: &Actor,
    operator: &Value,
    updates: &Map<String, Value>,
    extra: ExtraCheck<'_>,
) -> Result<Vec<String>, SettingsError> {
    let stored = check_tenant_update(store, tenant, operator, updates, extra)?;
    store.set_settings(SettingsScope::Tenant(tenant), &stored)?;
    let changed: Vec<String> = updates.keys().cloned().collect();
    let details = json!({"keys": changed, "changes": Value::Object(updates.clone())});
    audit(store, tenant, actor, "config.update", "config", redact(&details), "ok");
    Ok(changed)
}

/// What [`update_tenant`] would store, checked, without storing it.
pub fn check_tenant_update(
    store: &dyn Storage,
    tenant: &str,
    operator: &Value,
    updates: &Map<String, Value>,
    extra: ExtraCheck<'_>,
) -> Result<Value, SettingsError> {
    let not_yours = layers::operator_paths(updates);
    if !not_yours.is_empty() {
        return Err(SettingsError::OperatorOnly(not_yours));
    }
    // Keys the config does not have are named (the stored part keeps only known ones).
    let known = sentra_engine::config::config_keys();
    let mut problems: Vec<(String, String)> =
        updates.keys().filter(|k| !known.contains(k)).map(|k| (k.clone(), format!("unknown setting `{k}` (see schemas/config.schema.json)"))).collect();
    let mut stored = store.settings(SettingsScope::Tenant(tenant))?.unwrap_or_else(|| Value::Object(Map::new()));
    config_edit::merge(&mut stored, &Value::Object(updates.clone()));
    let stored = layers::tenant_part(&stored);
    let offered = layers::trackers_offered(&layers::for_tenant(operator, tenant, None));
    match check(&layers::for_tenant(operator, tenant, Some(&stored)), &offered, extra) {
        Ok(()) => {}
        Err(SettingsError::Invalid(more)) => problems.extend(more),
        Err(other) => return Err(other),
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(SettingsError::Invalid(problems));
    }
    Ok(stored)
}

/// Merges `updates` into the operator's stored changes, checks the operator's values (the
/// config `file` values under them) and every tenant's config with them, stores and
/// audits the change in every known tenant's chain. Returns the keys changed.
pub fn update_operator(
    store: &dyn Storage,
    actor: &Actor,
    file: &Value,
    updates: &Map<String, Value>,
    extra: ExtraCheck<'_>,
) -> Result<Vec<String>, SettingsError> {
    let mut stored = store.settings(SettingsScope::Operator)?.unwrap_or_else(|| Value::Object(Map::new()));
    config_edit::merge(&mut stored, &Value::Object(updates.clone()));
    let mut values = file.clone();
    config_edit::merge(&mut values, &stored);
    check(&values, &layers::trackers_offered(&values), extra)?;
    for tenant in store.tenants_with_settings()? {
        if let Err(SettingsError::Invalid(problems)) = check(&tenant_values(store, &values, &tenant)?, &layers::trackers_offered(&values), &no_extra_check) {
            let problems = problems.into_iter().map(|(k, m)| (k, format!("tenant `{tenant}`'s settings would be invalid: {m}"))).collect();
            return Err(SettingsError::Invalid(problems));
        }
    }
    store.set_settings(SettingsScope::Operator, &stored)?;
    let changed: Vec<String> = updates.keys().cloned().collect();
    let details = redact(&json!({"keys": changed, "changes": Value::Object(updates.clone()), "by": "operator"}));
    let mut tenants = store.known_tenants()?;
    if !tenants.iter().any(|t| t == crate::DEFAULT_TENANT) {
        tenants.push(crate::DEFAULT_TENANT.into());
    }
    // A trust policy change: the new config, read once, judges each tenant's packs.
    let trusting = (updates.contains_key("pack_trust") || updates.contains_key("tenants")).then(|| operator_config(&values)).flatten();
    for tenant in tenants {
        let mut details = details.clone();
        // A trust policy change stops the packs it no longer admits: say which, in the
        // chain of the tenant whose packs they are.
        let untrusted = trusting.as_ref().map(|c| crate::packs::untrusted_packs(store, &c.for_tenant(&tenant).pack_trust, &tenant)).unwrap_or_default();
        if !untrusted.is_empty() {
            details["untrusted_packs"] = json!(untrusted);
        }
        audit(store, &tenant, actor, "operator.config.update", "config", details, "ok");
    }
    Ok(changed)
}

/// The operator's `values` as a checked config (they were checked before they got here).
fn operator_config(values: &Value) -> Option<sentra_engine::Config> {
    let raw = serde_json::from_value::<sentra_engine::config::RawConfig>(values.clone()).ok()?;
    sentra_engine::Config::from_raw(raw, "operator").ok()
}

/// The fact recorded once the config file's tenant settings were imported.
const IMPORTED: &str = "tenant_settings_imported";

/// Upgrade step, run once per state directory: the tenant settings a config file held
/// before they moved to the store become the `default` tenant's stored settings (audited),
/// so a single-tenant setup keeps everything it had configured. Returns the keys imported.
pub fn import_file_tenant_settings(store: &dyn Storage, file: &Value) -> Result<Vec<String>, SettingsError> {
    if store.fact(IMPORTED)?.is_some() {
        return Ok(Vec::new());
    }
    let part = layers::tenant_part(file);
    let keys: Vec<String> = part.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default();
    let tenant = crate::DEFAULT_TENANT;
    if keys.is_empty() || store.settings(SettingsScope::Tenant(tenant))?.is_some() {
        store.record_fact(IMPORTED, "nothing to import")?;
        return Ok(Vec::new());
    }
    store.set_settings(SettingsScope::Tenant(tenant), &part)?;
    let details = redact(&json!({"keys": keys, "from": "the server config file"}));
    audit(store, tenant, &Actor::system(), "config.import", "config", details, "ok");
    store.record_fact(IMPORTED, &jiff::Timestamp::now().to_string())?;
    Ok(keys)
}

/// Tenant keys whose value in the config `file` differs from `tenant`'s stored one: the
/// file's value is only a default there, which a reader of the file may not expect.
pub fn shadowed_file_keys(store: &dyn Storage, file: &Value, tenant: &str) -> Vec<String> {
    let Ok(Some(stored)) = store.settings(SettingsScope::Tenant(tenant)) else { return Vec::new() };
    let part = layers::tenant_part(file);
    let Some(file_keys) = part.as_object() else { return Vec::new() };
    file_keys.iter().filter(|(k, v)| stored.get(k.as_str()).is_some_and(|s| s != *v)).map(|(k, _)| k.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_url_credentials_are_redacted() {
        let v = json!({"jira_token": "t", "devops": {"jira": {"base_url": "https://bot:hunter2@jira.example.com/x"}}, "list": ["see http://a@b/c and https://plain/"]});
        let r = redact(&v);
        assert_eq!(r["jira_token"], json!({"value": "***", "set": true}));
        assert_eq!(r["devops"]["jira"]["base_url"], "https://***@jira.example.com/x");
        assert_eq!(r["list"][0], "see http://***@b/c and https://plain/");
        assert!(!r.to_string().contains("hunter2"));
    }
}
