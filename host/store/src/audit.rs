//! The audit log: append-only, hash-chained per tenant.
//!
//! Each entry stores the SHA-256 of its own content and of the tenant's previous entry, so
//! changing, removing or reordering any row breaks the chain at that row, which
//! [`verify`](AuditStore::verify_audit) reports. Triggers refuse `UPDATE` and `DELETE`
//! on the table; the chain catches whoever removes them first.
//!
//! [`AuditStore`] is what the store does with the log; its SQLite implementation is below.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{SqliteStore, StoreError};

/// The hash the first entry of a tenant chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The `audit` table and its triggers (migration 3).
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

/// Each tenant's chain head, kept beside the chain and moved in the same transaction as
/// every append (migration 9): removing trailing entries leaves the chain valid link by
/// link, but shorter than its head says (heads of existing chains are filled in).
pub(crate) const HEADS_MIGRATION: &str = "CREATE TABLE audit_heads (
        tenant TEXT PRIMARY KEY,
        entries INTEGER NOT NULL,
        hash TEXT NOT NULL
    );
    INSERT INTO audit_heads (tenant, entries, hash)
        SELECT a.tenant, COUNT(*), (SELECT b.hash FROM audit b WHERE b.tenant = a.tenant ORDER BY b.id DESC LIMIT 1)
        FROM audit a GROUP BY a.tenant;";

/// The head of a tenant's chain: how many entries it has and the hash of the last. Keep a
/// copy outside the database to detect a rollback of the whole database, which rewinds
/// the head with the chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AuditHead {
    pub entries: usize,
    pub hash: String,
}

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
    /// The chain head as recorded beside the chain.
    pub head: Option<AuditHead>,
}

impl AuditEntry {
    /// The entry `new` makes as entry `id`, chained to `prev_hash`, with its hash.
    pub(crate) fn chained(new: &NewAuditEntry, id: i64, timestamp: String, prev_hash: String) -> Self {
        let mut entry = AuditEntry {
            id,
            timestamp,
            tenant: new.tenant.clone(),
            actor: new.actor.clone(),
            role: new.role.clone(),
            action: new.action.clone(),
            target: new.target.clone(),
            details: new.details.clone(),
            result: new.result.clone(),
            prev_hash,
            hash: String::new(),
        };
        entry.hash = entry_hash(&entry);
        entry
    }
}

/// The hash of an entry: its content, chained to `prev_hash`. Fields are length-prefixed
/// so no two different entries serialize alike.
pub(crate) fn entry_hash(e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    for field in [e.prev_hash.as_str(), &e.id.to_string(), &e.timestamp, &e.tenant, &e.actor, &e.role, &e.action, &e.target, &e.details.to_string(), &e.result]
    {
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

fn head_of(c: &rusqlite::Connection, tenant: &str) -> rusqlite::Result<Option<AuditHead>> {
    c.query_row("SELECT entries, hash FROM audit_heads WHERE tenant = ?1", [tenant], |r| {
        Ok(AuditHead { entries: r.get::<_, i64>(0)? as usize, hash: r.get(1)? })
    })
    .optional()
}

/// [`verify`], then the chain's end against its recorded head: trailing entries removed
/// leave every link intact, but the chain shorter than its head.
pub(crate) fn verify_against(entries: &[AuditEntry], head: Option<AuditHead>) -> AuditVerification {
    let mut v = verify(entries);
    let last = entries.last().map(|e| e.hash.as_str());
    if v.valid
        && let Some(h) = &head
        && (h.entries != entries.len() || last != Some(h.hash.as_str()))
    {
        v.valid = false;
        v.broken_at = entries.last().map(|e| e.id);
        v.reason = Some(format!(
            "the chain has {} entries but its head records {} (entries were removed from its end, or the head was changed)",
            entries.len(),
            h.entries
        ));
    }
    v.head = head;
    v
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
                head: None,
            };
        }
        if entry_hash(e) != e.hash {
            return AuditVerification {
                valid: false,
                entries: entries.len(),
                broken_at: Some(e.id),
                reason: Some(format!("entry {} was changed after it was written", e.id)),
                head: None,
            };
        }
        prev = e.hash.clone();
    }
    AuditVerification { valid: true, entries: entries.len(), broken_at: None, reason: None, head: None }
}

/// The audit log.
pub trait AuditStore {
    /// Appends an entry to the tenant's audit chain.
    fn append_audit(&self, entry: &NewAuditEntry) -> Result<AuditEntry, StoreError>;
    /// A tenant's entries, newest first, and how many match in all.
    fn list_audit(&self, tenant: &str, query: &AuditQuery) -> Result<(Vec<AuditEntry>, usize), StoreError>;
    /// Checks a tenant's chain, link by link and against its recorded head.
    fn verify_audit(&self, tenant: &str) -> Result<AuditVerification, StoreError>;
    /// The tenant's chain head, if it has entries.
    fn audit_head(&self, tenant: &str) -> Result<Option<AuditHead>, StoreError>;
}

impl AuditStore for SqliteStore {
    fn append_audit(&self, new: &NewAuditEntry) -> Result<AuditEntry, StoreError> {
        let timestamp = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        self.with(|c| {
            // IMMEDIATE: two writers never chain to the same previous entry.
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let prev: String = tx
                .query_row("SELECT hash FROM audit WHERE tenant = ?1 ORDER BY id DESC LIMIT 1", [&new.tenant], |r| r.get(0))
                .optional()?
                .unwrap_or_else(|| GENESIS.to_string());
            let next_id: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM audit", [], |r| r.get(0))?;
            let entry = AuditEntry::chained(new, next_id, timestamp, prev);
            tx.execute(
                &format!("INSERT INTO audit ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
                params![
                    entry.id,
                    entry.timestamp,
                    entry.tenant,
                    entry.actor,
                    entry.role,
                    entry.action,
                    entry.target,
                    entry.details.to_string(),
                    entry.result,
                    entry.prev_hash,
                    entry.hash
                ],
            )?;
            tx.execute(
                "INSERT INTO audit_heads (tenant, entries, hash) VALUES (?1, 1, ?2)
                 ON CONFLICT(tenant) DO UPDATE SET entries = entries + 1, hash = ?2",
                params![entry.tenant, entry.hash],
            )?;
            tx.commit()?;
            Ok(entry)
        })
    }

    fn list_audit(&self, tenant: &str, q: &AuditQuery) -> Result<(Vec<AuditEntry>, usize), StoreError> {
        let (filter, args) = listing_filter(tenant, q);
        self.with(|c| {
            let total: i64 = c.query_row(&format!("SELECT COUNT(*){filter}"), rusqlite::params_from_iter(&args), |r| r.get(0))?;
            let sql = format!("SELECT {COLUMNS}{filter} ORDER BY id DESC LIMIT {} OFFSET {}", q.limit, q.offset);
            let mut stmt = c.prepare(&sql)?;
            let entries = stmt.query_map(rusqlite::params_from_iter(&args), row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((entries, total as usize))
        })
    }

    fn verify_audit(&self, tenant: &str) -> Result<AuditVerification, StoreError> {
        let (entries, head) = self.with(|c| {
            // One read transaction: an append between the two reads would look like a loss.
            let tx = c.transaction()?;
            let entries = {
                let mut stmt = tx.prepare(&format!("SELECT {COLUMNS} FROM audit WHERE tenant = ?1 ORDER BY id"))?;
                stmt.query_map([tenant], row)?.collect::<rusqlite::Result<Vec<_>>>()?
            };
            let head = head_of(&tx, tenant)?;
            Ok((entries, head))
        })?;
        Ok(verify_against(&entries, head))
    }

    fn audit_head(&self, tenant: &str) -> Result<Option<AuditHead>, StoreError> {
        self.with(|c| head_of(c, tenant))
    }
}

/// The `FROM ... WHERE ...` of a listing, and its arguments.
fn listing_filter(tenant: &str, q: &AuditQuery) -> (String, Vec<String>) {
    let mut sql = String::from(" FROM audit WHERE tenant = ?1");
    let mut args = vec![tenant.to_string()];
    for (col, op, v) in [("action", "=", &q.action), ("actor", "=", &q.actor), ("timestamp", ">=", &q.since)] {
        if let Some(v) = v {
            args.push(v.clone());
            sql.push_str(&format!(" AND {col} {op} ?{}", args.len()));
        }
    }
    (sql, args)
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn the_audit_chain_detects_changed_and_removed_entries() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let entry = |tenant: &str, action: &str| NewAuditEntry {
            tenant: tenant.into(),
            actor: "ci".into(),
            role: "admin".into(),
            action: action.into(),
            target: "x".into(),
            details: serde_json::json!({"n": 1}),
            result: "ok".into(),
        };
        for i in 0..5 {
            store.append_audit(&entry("a", &format!("act{i}"))).unwrap();
            store.append_audit(&entry("b", "other")).unwrap();
        }
        assert!(store.verify_audit("a").unwrap().valid);
        let (page, total) = store.list_audit("a", &AuditQuery { limit: 2, ..Default::default() }).unwrap();
        assert_eq!((page.len(), total, page[0].action.as_str()), (2, 5, "act4"));
        let conn = Connection::open(store.path()).unwrap();
        // The triggers refuse edits; someone who drops them is caught by the chain.
        assert!(conn.execute("UPDATE audit SET result = 'forged' WHERE id = 5", []).is_err());
        conn.execute_batch("DROP TRIGGER audit_no_update; UPDATE audit SET result = 'forged' WHERE id = 5;").unwrap();
        let v = store.verify_audit("a").unwrap();
        assert_eq!((v.valid, v.broken_at), (false, Some(5)));
        assert!(store.verify_audit("b").unwrap().valid, "chains are per tenant");
        conn.execute_batch("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4;").unwrap();
        assert_eq!(store.verify_audit("b").unwrap().broken_at, Some(6));
    }

    #[test]
    fn removing_trailing_entries_is_caught_by_the_head() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let entry = NewAuditEntry {
            tenant: "a".into(),
            actor: "ci".into(),
            role: "admin".into(),
            action: "x".into(),
            target: "t".into(),
            details: serde_json::json!({}),
            result: "ok".into(),
        };
        for _ in 0..4 {
            store.append_audit(&entry).unwrap();
        }
        let v = store.verify_audit("a").unwrap();
        assert!(v.valid, "{v:?}");
        assert_eq!(v.head.as_ref().map(|h| h.entries), Some(4));
        assert_eq!(store.audit_head("a").unwrap(), v.head);
        // Every link of what is left is intact; only the head shows the loss.
        let conn = Connection::open(store.path()).unwrap();
        conn.execute_batch("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id >= 3;").unwrap();
        let v = store.verify_audit("a").unwrap();
        assert_eq!((v.valid, v.entries, v.broken_at), (false, 2, Some(2)), "{v:?}");
        assert!(v.reason.unwrap().contains("head records 4"));
    }
}
