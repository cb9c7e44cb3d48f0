//! The audit log: append-only, hash-chained per tenant.
//!
//! Each entry stores the SHA-256 of its own content and of the tenant's previous entry, so
//! changing, removing or reordering any row breaks the chain at that row, which
//! [`verify`](crate::Storage::verify_audit) reports. Triggers refuse `UPDATE` and `DELETE`
//! on the table; the chain catches whoever removes them first.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash the first entry of a tenant chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub(crate) const MIGRATION: &str = "CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL,
        timestamp TEXT NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        details TEXT NOT NULL,
        result TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_tenant ON audit(tenant, id);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;";

/// What a caller records.
#[derive(Clone, Debug)]
pub struct NewAuditEntry {
    pub tenant: String,
    pub actor: String,
    pub role: String,
    /// `pack.import`, `key.create`, `gate`, ...
    pub action: String,
    pub target: String,
    pub details: serde_json::Value,
    /// `ok`, `passed`, `failed`, `denied`, ...
    pub result: String,
}

/// A stored entry.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339, UTC, milliseconds.
    pub timestamp: String,
    pub tenant: String,
    pub actor: String,
    pub role: String,
    pub action: String,
    pub target: String,
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    pub result: String,
    pub prev_hash: String,
    pub hash: String,
}

/// Filters of a listing.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    pub limit: usize,
    pub offset: usize,
    pub action: Option<String>,
    pub actor: Option<String>,
    /// RFC 3339; entries at or after it.
    pub since: Option<String>,
}

/// The result of checking a tenant's chain.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AuditVerification {
    pub valid: bool,
    pub entries: usize,
    /// The first entry whose content or link does not check out.
    pub broken_at: Option<i64>,
    pub reason: Option<String>,
}

/// The hash of an entry: its content, chained to `prev_hash`. Fields are length-prefixed
/// so no two different entries serialize alike.
pub(crate) fn entry_hash(e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    for field in [
        e.prev_hash.as_str(),
        &e.id.to_string(),
        &e.timestamp,
        &e.tenant,
        &e.actor,
        &e.role,
        &e.action,
        &e.target,
        &e.details.to_string(),
        &e.result,
    ] {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

pub(crate) const COLUMNS: &str = "id, timestamp, tenant, actor, role, action, target, details, result, prev_hash, hash";

pub(crate) fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let details: String = r.get(7)?;
    Ok(AuditEntry {
        id: r.get(0)?,
        timestamp: r.get(1)?,
        tenant: r.get(2)?,
        actor: r.get(3)?,
        role: r.get(4)?,
        action: r.get(5)?,
        target: r.get(6)?,
        details: serde_json::from_str(&details).unwrap_or(serde_json::Value::String(details)),
        result: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
    })
}

/// Walks a tenant's entries, oldest first, checking every hash and link.
pub(crate) fn verify(entries: &[AuditEntry]) -> AuditVerification {
    let mut prev = GENESIS.to_string();
    for e in entries {
        if e.prev_hash != prev {
            return AuditVerification {
                valid: false,
                entries: entries.len(),
                broken_at: Some(e.id),
                reason: Some(format!("entry {} does not link to the entry before it (removed or reordered entries)", e.id)),
            };
        }
        if entry_hash(e) != e.hash {
            return AuditVerification {
                valid: false,
                entries: entries.len(),
                broken_at: Some(e.id),
                reason: Some(format!("entry {} was changed after it was written", e.id)),
            };
        }
        prev = e.hash.clone();
    }
    AuditVerification { valid: true, entries: entries.len(), broken_at: None, reason: None }
}
