//! Suppressions made over the API (or any face acting on the state): checked like config
//! suppressions, unique per rule and file pattern, audited in the tenant's chain.

use sentra_engine::suppress::Suppression;
use sentra_store::{Storage, StoreError, SuppressionRecord};

use crate::audit::{Actor, audit};

/// A suppression as a caller asks for it.
pub struct NewSuppression<'a> {
    pub rule_id: &'a str,
    /// Empty means every file (`**`).
    pub file_pattern: &'a str,
    pub reason: &'a str,
    /// `YYYY-MM-DD`.
    pub expires: Option<&'a str>,
}

#[derive(Debug, thiserror::Error)]
pub enum SuppressionError {
    /// `field` names the request field at fault.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    #[error("a suppression of `{rule_id}` in `{file_pattern}` already exists")]
    Duplicate { rule_id: String, file_pattern: String },
    #[error("no suppression `{0}`")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks a suppression without storing it: what [`add`] refuses before touching the store.
pub fn check(new: &NewSuppression<'_>) -> Result<(), SuppressionError> {
    let file_pattern = if new.file_pattern.is_empty() { "**" } else { new.file_pattern };
    Suppression::new(None, new.rule_id, file_pattern, new.reason, new.expires, "api")
        .map(|_| ())
        .map_err(|(field, message)| SuppressionError::Invalid { field, message })
}

/// Refuses a suppression whose `rule_id` (a glob) names none of `rules` (the rules of every
/// pack the tenant has): it would hide nothing, most likely a typo or another tool's id.
pub fn check_names<'a>(new: &NewSuppression<'_>, mut rules: impl Iterator<Item = &'a str>) -> Result<(), SuppressionError> {
    let file_pattern = if new.file_pattern.is_empty() { "**" } else { new.file_pattern };
    let s = Suppression::new(None, new.rule_id, file_pattern, new.reason, new.expires, "api")
        .map_err(|(field, message)| SuppressionError::Invalid { field, message })?;
    if rules.any(|r| s.names_rule(r)) {
        return Ok(());
    }
    Err(SuppressionError::Invalid { field: "rule_id".into(), message: format!("`{}` names no rule of your packs (see GET /rules)", new.rule_id) })
}

/// Stores a checked suppression for the tenant, audited.
pub fn add(store: &dyn Storage, tenant: &str, actor: &Actor, new: &NewSuppression<'_>) -> Result<SuppressionRecord, SuppressionError> {
    check(new)?;
    let record = SuppressionRecord {
        id: String::new(),
        rule_id: new.rule_id.to_string(),
        file_pattern: if new.file_pattern.is_empty() { "**".to_string() } else { new.file_pattern.to_string() },
        reason: new.reason.to_string(),
        expires: new.expires.map(str::to_string),
        created_by: actor.name.clone(),
        created_at: String::new(),
    };
    let Some(stored) = store.add_suppression(tenant, &record)? else {
        return Err(SuppressionError::Duplicate { rule_id: record.rule_id, file_pattern: record.file_pattern });
    };
    let details = serde_json::json!({"rule_id": stored.rule_id, "file_pattern": stored.file_pattern, "reason": stored.reason, "expires": stored.expires});
    audit(store, tenant, actor, "suppression.create", &stored.id, details, "ok");
    Ok(stored)
}

/// Deletes one of the tenant's suppressions, audited.
pub fn delete(store: &dyn Storage, tenant: &str, actor: &Actor, id: &str) -> Result<(), SuppressionError> {
    if !store.delete_suppression(tenant, id)? {
        return Err(SuppressionError::NotFound(id.to_string()));
    }
    audit(store, tenant, actor, "suppression.delete", id, serde_json::json!({}), "ok");
    Ok(())
}
