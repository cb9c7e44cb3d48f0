//! [`AuditStore`] on PostgreSQL. Appends to one tenant's chain are serialized by locking
//! the tenant's head row, so concurrent writers on any number of replicas still build one
//! chain; entry ids come from a sequence read after the lock, so they grow along each chain.

use super::PostgresStore;
use super::postgres::{GenericClient, Row};
use crate::StoreError;
use crate::audit::{AuditEntry, AuditHead, AuditQuery, AuditStore, AuditVerification, GENESIS, NewAuditEntry, verify_against};

const COLUMNS: &str = "id, timestamp, tenant, actor, role, action, target, details, result, prev_hash, hash";

fn row(r: &Row) -> AuditEntry {
    let details: String = r.get(7);
    AuditEntry {
        id: r.get(0),
        timestamp: r.get(1),
        tenant: r.get(2),
        actor: r.get(3),
        role: r.get(4),
        action: r.get(5),
        target: r.get(6),
        details: serde_json::from_str(&details).unwrap_or(serde_json::Value::String(details)),
        result: r.get(8),
        prev_hash: r.get(9),
        hash: r.get(10),
    }
}

fn head_of(c: &mut impl GenericClient, tenant: &str) -> Result<Option<AuditHead>, super::postgres::Error> {
    Ok(c.query_opt("SELECT entries, hash FROM audit_heads WHERE tenant = $1", &[&tenant])?
        .map(|r| AuditHead { entries: r.get::<_, i64>(0) as usize, hash: r.get(1) }))
}

impl AuditStore for PostgresStore {
    fn append_audit(&self, new: &NewAuditEntry) -> Result<AuditEntry, StoreError> {
        let timestamp = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        self.with(|c| {
            let mut tx = c.transaction()?;
            // The head row is the tenant's lock: created empty if missing, then held.
            tx.execute("INSERT INTO audit_heads (tenant, entries, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant) DO NOTHING", &[&new.tenant, &GENESIS])?;
            let head = tx.query_one("SELECT entries, hash FROM audit_heads WHERE tenant = $1 FOR UPDATE", &[&new.tenant])?;
            let prev: String = head.get(1);
            let id: i64 = tx.query_one("SELECT nextval('audit_ids')", &[])?.get(0);
            let entry = AuditEntry::chained(new, id, timestamp, prev);
            tx.execute(
                &format!("INSERT INTO audit ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"),
                &[
                    &entry.id,
                    &entry.timestamp,
                    &entry.tenant,
                    &entry.actor,
                    &entry.role,
                    &entry.action,
                    &entry.target,
                    &entry.details.to_string(),
                    &entry.result,
                    &entry.prev_hash,
                    &entry.hash,
                ],
            )?;
            tx.execute("UPDATE audit_heads SET entries = entries + 1, hash = $2 WHERE tenant = $1", &[&entry.tenant, &entry.hash])?;
            tx.commit()?;
            Ok(entry)
        })
    }

    fn list_audit(&self, tenant: &str, q: &AuditQuery) -> Result<(Vec<AuditEntry>, usize), StoreError> {
        let mut sql = String::from(" FROM audit WHERE tenant = $1");
        let mut args: Vec<&(dyn super::postgres::types::ToSql + Sync)> = vec![&tenant];
        for (col, op, v) in [("action", "=", &q.action), ("actor", "=", &q.actor), ("timestamp", ">=", &q.since)] {
            if let Some(v) = v {
                args.push(v);
                sql.push_str(&format!(" AND {col} {op} ${}", args.len()));
            }
        }
        self.with(|c| {
            let total: i64 = c.query_one(&format!("SELECT COUNT(*){sql}"), &args)?.get(0);
            let page = format!("SELECT {COLUMNS}{sql} ORDER BY id DESC LIMIT {} OFFSET {}", q.limit, q.offset);
            let entries = c.query(&page, &args)?.iter().map(row).collect();
            Ok((entries, total as usize))
        })
    }

    fn verify_audit(&self, tenant: &str) -> Result<AuditVerification, StoreError> {
        let (entries, head) = self.with(|c| {
            // One snapshot: an append between the two reads would look like a loss.
            let mut tx = c.build_transaction().isolation_level(super::postgres::IsolationLevel::RepeatableRead).read_only(true).start()?;
            let entries: Vec<AuditEntry> =
                tx.query(&format!("SELECT {COLUMNS} FROM audit WHERE tenant = $1 ORDER BY id"), &[&tenant])?.iter().map(row).collect();
            let head = head_of(&mut tx, tenant)?;
            tx.commit()?;
            Ok((entries, head))
        })?;
        // A head created by an append that rolled back records no entries: no chain yet.
        let head = head.filter(|h| h.entries > 0 || !entries.is_empty());
        Ok(verify_against(&entries, head))
    }

    fn audit_head(&self, tenant: &str) -> Result<Option<AuditHead>, StoreError> {
        Ok(self.with(|c| head_of(c, tenant))?.filter(|h| h.entries > 0))
    }
}
