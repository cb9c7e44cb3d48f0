//! Suppressions made over the API, per tenant (those in a workspace's config file are the
//! engine's business).
//!
//! [`SuppressionStore`] is what the store does with them; its SQLite implementation is below.

use rusqlite::params;

use crate::{SqliteStore, StoreError};

/// The `suppressions` table (migration 5).
pub(crate) const MIGRATION: &str = "CREATE TABLE suppressions (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        file_pattern TEXT NOT NULL,
        reason TEXT NOT NULL,
        expires TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (tenant, rule_id, file_pattern)
    );";

/// A suppression made over the API.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SuppressionRecord {
    pub id: String,
    pub rule_id: String,
    pub file_pattern: String,
    pub reason: String,
    /// `YYYY-MM-DD`, the last day it applies.
    pub expires: Option<String>,
    pub created_by: String,
    /// RFC 3339.
    pub created_at: String,
}

/// Suppressions made over the API.
pub trait SuppressionStore {
    /// A tenant's API suppressions, oldest first.
    fn list_suppressions(&self, tenant: &str) -> Result<Vec<SuppressionRecord>, StoreError>;
    /// Adds one; `None` when the tenant already has one for that rule and file pattern.
    fn add_suppression(&self, tenant: &str, s: &SuppressionRecord) -> Result<Option<SuppressionRecord>, StoreError>;
    /// Deletes one; `false` when the tenant has no such suppression.
    fn delete_suppression(&self, tenant: &str, id: &str) -> Result<bool, StoreError>;
}

/// `s` with a new random id and the time of now: what an add stores.
pub(crate) fn new_record(s: &SuppressionRecord) -> SuppressionRecord {
    let mut id = [0u8; 8];
    getrandom::fill(&mut id).expect("the OS random number generator is available");
    let mut record = s.clone();
    record.id = hex::encode(id);
    record.created_at = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    record
}

impl SuppressionStore for SqliteStore {
    fn list_suppressions(&self, tenant: &str) -> Result<Vec<SuppressionRecord>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT id, rule_id, file_pattern, reason, expires, created_by, created_at FROM suppressions WHERE tenant = ?1 ORDER BY created_at, id",
            )?;
            stmt.query_map([tenant], |r| {
                Ok(SuppressionRecord {
                    id: r.get(0)?,
                    rule_id: r.get(1)?,
                    file_pattern: r.get(2)?,
                    reason: r.get(3)?,
                    expires: r.get(4)?,
                    created_by: r.get(5)?,
                    created_at: r.get(6)?,
                })
            })?
            .collect()
        })
    }

    fn add_suppression(&self, tenant: &str, s: &SuppressionRecord) -> Result<Option<SuppressionRecord>, StoreError> {
        let record = new_record(s);
        let inserted = self.with(|c| {
            c.execute(
                "INSERT OR IGNORE INTO suppressions (id, tenant, rule_id, file_pattern, reason, expires, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![record.id, tenant, record.rule_id, record.file_pattern, record.reason, record.expires, record.created_by, record.created_at],
            )
        })?;
        Ok((inserted == 1).then_some(record))
    }

    fn delete_suppression(&self, tenant: &str, id: &str) -> Result<bool, StoreError> {
        self.with(|c| c.execute("DELETE FROM suppressions WHERE tenant = ?1 AND id = ?2", [tenant, id])).map(|n| n > 0)
    }
}
