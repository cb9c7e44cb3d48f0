//! The config file as the API edits it: updates merged over what the file holds, the whole
//! checked (every problem listed, nothing written), then written in place (other keys and
//! comments kept, atomically) and audited with secrets redacted.

use std::path::{Path, PathBuf};

use sentra_engine::config_edit;
use sentra_store::Storage;
use serde_json::{Map, Value, json};

use crate::audit::{Actor, audit};

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// Each problem as (dotted key under the update, message).
    #[error("the config would be invalid: {}", .0.iter().map(|(k, m)| format!("{k}: {m}")).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<(String, String)>),
    #[error("{0}")]
    Read(#[from] sentra_engine::ConfigError),
    #[error("{path}: {message}")]
    Write { path: PathBuf, message: String },
}

/// Field names whose values are never shown.
fn is_secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["token", "secret", "password", "webhook", "api_key", "apikey", "credential"].iter().any(|s| n.contains(s))
}

/// `value` with every secret-looking field replaced by `{"value": "***", "set": bool}`.
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
        other => other.clone(),
    }
}

/// A check beyond the config's own rules (the server's: its pack files load), as
/// (key, message) when it fails.
pub type ExtraCheck<'a> = &'a dyn Fn(&Value) -> Result<(), (String, String)>;

/// Merges `updates` into the config file under `root`, checks the result with the config's
/// rules and `extra`, writes it and audits the change. Returns the keys changed.
pub fn update_file(
    store: &dyn Storage,
    tenant: &str,
    actor: &Actor,
    root: &Path,
    updates: &Map<String, Value>,
    extra: ExtraCheck<'_>,
) -> Result<Vec<String>, SettingsError> {
    let path = config_edit::config_path(root);
    let mut merged = config_edit::file_values(&path)?;
    config_edit::merge(&mut merged, &Value::Object(updates.clone()));
    let problems = config_edit::problems(&merged);
    if !problems.is_empty() {
        return Err(SettingsError::Invalid(problems));
    }
    extra(&merged).map_err(|p| SettingsError::Invalid(vec![p]))?;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let changed: Vec<String> = updates.keys().cloned().collect();
    let new_text = config_edit::rewrite(&text, &changed, &merged);
    config_edit::write_atomic(&path, new_text.as_bytes()).map_err(|e| SettingsError::Write { path: path.clone(), message: e.to_string() })?;
    let details = json!({"keys": changed, "path": path.display().to_string()});
    audit(store, tenant, actor, "config.update", "config", redact(&details), "ok");
    Ok(changed)
}
