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
    let details = json!({"keys": changed, "path": shown_path(root)});
    audit(store, tenant, actor, "config.update", "config", redact(&details), "ok");
    Ok(changed)
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
