//! Governance settings as the config file holds them. Both faces change them through here:
//! the server after `POST /api/governance` (or an approved change), the CLI when it
//! approves a held change on the server's state.

use std::path::{Path, PathBuf};

use sentra_engine::config_edit;
use serde_json::Value;

#[derive(Debug, thiserror::Error)]
pub enum GovernanceError {
    /// The merged config would not load; `field` is the config key at fault (empty when
    /// the file as a whole is).
    #[error("{}{message}", if field.is_empty() { String::new() } else { format!("{field}: ") })]
    Invalid { field: String, message: String },
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
}

/// The config under `root` with `value` as its governance, checked: what [`write`] would
/// write, without writing it.
pub fn check(root: &Path, value: &Value) -> Result<Value, GovernanceError> {
    let path = config_edit::config_path(root);
    let mut merged = config_edit::file_values(&path).map_err(|e| GovernanceError::Io { path: path.clone(), message: e.to_string() })?;
    if let Some(m) = merged.as_object_mut() {
        m.insert("governance".into(), value.clone());
    }
    match config_edit::problems(&merged).into_iter().next() {
        Some((field, message)) => Err(GovernanceError::Invalid { field, message }),
        None => Ok(merged),
    }
}

/// Writes governance settings into the config file under `root`, validated first: a config
/// that would not load is never written.
pub fn write(root: &Path, value: &Value) -> Result<(), GovernanceError> {
    let path = config_edit::config_path(root);
    let io = |message: String| GovernanceError::Io { path: path.clone(), message };
    let merged = check(root, value)?;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let new_text = config_edit::rewrite(&text, &["governance".to_string()], &merged);
    config_edit::write_atomic(&path, new_text.as_bytes()).map_err(|e| io(e.to_string()))
}
