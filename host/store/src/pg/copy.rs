//! Moving an installation from SQLite to PostgreSQL (`sentra store migrate --to URL`):
//! every table of the state database copied row by row into an empty PostgreSQL
//! database in one transaction (all or nothing), pack files becoming blobs, sequences set
//! past the copied ids. Audit entries keep their ids, timestamps and hashes, so the
//! chains verify the same on the other side.

use std::collections::BTreeMap;

use rusqlite::types::Value as Sq;

use super::PostgresStore;
use super::postgres::types::ToSql;
use crate::prelude::*;
use crate::{SqliteStore, StoreError};

/// How a column's SQLite value becomes a PostgreSQL one.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Int,
    Real,
    /// SQLite's 0/1 integers.
    Bool,
}

/// A table copied as it is: its columns, and its serial column whose sequence is set
/// past the copied ids.
type Table = (&'static str, &'static [(&'static str, Kind)], Option<&'static str>);

/// Tables in copy order (packs and work items are copied on their own, below).
const TABLES: &[Table] = {
    use Kind::*;
    &[
        (
            "api_keys",
            &[("id", Text), ("name", Text), ("role", Text), ("tenant", Text), ("secret_sha256", Text), ("created_at", Int), ("revoked_at", Int)],
            None,
        ),
        (
            "audit",
            &[
                ("id", Int),
                ("tenant", Text),
                ("timestamp", Text),
                ("actor", Text),
                ("role", Text),
                ("action", Text),
                ("target", Text),
                ("details", Text),
                ("result", Text),
                ("prev_hash", Text),
                ("hash", Text),
            ],
            None,
        ),
        ("audit_heads", &[("tenant", Text), ("entries", Int), ("hash", Text)], None),
        (
            "scans",
            &[
                ("id", Int),
                ("tenant", Text),
                ("started_at", Text),
                ("root", Text),
                ("packs", Text),
                ("critical", Int),
                ("high", Int),
                ("medium", Int),
                ("low", Int),
                ("info", Int),
                ("total", Int),
                ("files_scanned", Int),
                ("duration_ms", Int),
                ("gate_passed", Bool),
                ("score", Real),
                ("result", Text),
                ("complete", Bool),
            ],
            Some("id"),
        ),
        ("scan_findings", &[("scan_id", Int), ("seq", Int), ("severity", Text), ("rule_id", Text), ("file", Text), ("finding", Text)], None),
        (
            "suppressions",
            &[
                ("id", Text),
                ("tenant", Text),
                ("rule_id", Text),
                ("file_pattern", Text),
                ("reason", Text),
                ("expires", Text),
                ("created_by", Text),
                ("created_at", Text),
            ],
            None,
        ),
        (
            "approvals",
            &[
                ("id", Int),
                ("tenant", Text),
                ("action_type", Text),
                ("title", Text),
                ("context", Text),
                ("payload", Text),
                ("requested_by", Text),
                ("created_at", Text),
                ("expires_at", Text),
                ("status", Text),
                ("resolved_by", Text),
                ("resolved_at", Text),
                ("comment", Text),
            ],
            Some("id"),
        ),
        ("reconcile_runs", &[("id", Int), ("tenant", Text), ("at", Text), ("provider", Text), ("summary", Text)], Some("id")),
        ("server_info", &[("key", Text), ("value", Text)], None),
        ("settings", &[("scope", Text), ("tenant", Text), ("body", Text), ("updated_at", Int)], None),
        (
            "scan_jobs",
            &[
                ("seq", Int),
                ("id", Text),
                ("tenant", Text),
                ("request", Text),
                ("status", Text),
                ("attempts", Int),
                ("worker", Text),
                ("lease_until_ms", Int),
                ("created_at", Text),
                ("started_at", Text),
                ("finished_at", Text),
                ("finished_ms", Int),
                ("error", Text),
                ("result", Text),
            ],
            Some("seq"),
        ),
    ]
};

/// Rows copied, by table; and what was not copied, with why.
#[derive(Debug, Default)]
pub struct CopyReport {
    pub rows: BTreeMap<String, usize>,
    pub notes: Vec<String>,
}

fn pg_value(v: Sq, kind: Kind) -> Box<dyn ToSql + Send + Sync> {
    match (kind, v) {
        (_, Sq::Null) => match kind {
            Kind::Text => Box::new(None::<String>),
            Kind::Int => Box::new(None::<i64>),
            Kind::Real => Box::new(None::<f64>),
            Kind::Bool => Box::new(None::<bool>),
        },
        (Kind::Bool, Sq::Integer(i)) => Box::new(i != 0),
        (Kind::Int, Sq::Integer(i)) => Box::new(i),
        (Kind::Real, Sq::Real(f)) => Box::new(f),
        (Kind::Real, Sq::Integer(i)) => Box::new(i as f64),
        (_, Sq::Text(t)) => Box::new(t),
        (_, Sq::Integer(i)) => Box::new(i.to_string()),
        (_, Sq::Real(f)) => Box::new(f.to_string()),
        (_, Sq::Blob(b)) => Box::new(String::from_utf8_lossy(&b).into_owned()),
    }
}

impl PostgresStore {
    /// Copies everything `from` holds into this database, which must hold nothing yet.
    pub fn copy_from_sqlite(&self, from: &SqliteStore) -> Result<CopyReport, StoreError> {
        let mut report = CopyReport::default();
        // Everything read first (SQLite is local and small next to a network round trip).
        let mut tables = Vec::new();
        for (table, columns, serial) in TABLES {
            let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
            let rows: Vec<Vec<Sq>> = from.with(|c| {
                let mut stmt = c.prepare(&format!("SELECT {} FROM {table}", names.join(", ")))?;
                stmt.query_map([], |r| (0..names.len()).map(|i| r.get::<_, Sq>(i)).collect::<rusqlite::Result<Vec<_>>>())?.collect()
            })?;
            tables.push((*table, *columns, *serial, rows));
        }
        let packs = custom_and_builtin_packs(from, &mut report)?;
        let work_items = newest_work_items(from, &mut report)?;
        let revisions: Vec<(String, i64)> =
            from.with(|c| c.prepare("SELECT key, value FROM meta")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())?;

        self.with(|c| {
            let mut tx = c.transaction()?;
            let used: i64 = tx
                .query_one("SELECT (SELECT COUNT(*) FROM api_keys) + (SELECT COUNT(*) FROM packs) + (SELECT COUNT(*) FROM audit) + (SELECT COUNT(*) FROM scans)", &[])?
                .get(0);
            if used > 0 {
                return Ok(Err(StoreError::Invalid(format!("PostgreSQL {}: the database already holds sentra data; migrate into an empty one", self.target))));
            }
            for (table, columns, serial, rows) in tables {
                let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
                let marks: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
                let insert = tx.prepare(&format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), marks.join(", ")))?;
                for row in &rows {
                    let values: Vec<Box<dyn ToSql + Send + Sync>> = row.iter().cloned().zip(columns.iter()).map(|(v, (_, k))| pg_value(v, *k)).collect();
                    let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|b| b.as_ref() as &(dyn ToSql + Sync)).collect();
                    tx.execute(&insert, &refs)?;
                }
                if let Some(col) = serial {
                    tx.execute(&format!("SELECT setval(pg_get_serial_sequence('{table}', '{col}'), COALESCE((SELECT MAX({col}) FROM {table}), 0) + 1, false)"), &[])?;
                }
                report.rows.insert(table.to_string(), rows.len());
            }
            tx.execute("SELECT setval('audit_ids', COALESCE((SELECT MAX(id) FROM audit), 0) + 1, false)", &[])?;
            for p in &packs {
                if let Some(bytes) = &p.bytes {
                    tx.execute("INSERT INTO pack_blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING", &[&p.sha256, bytes])?;
                }
                tx.execute(
                    "INSERT INTO packs (tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, updated_at, signer, author)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                    &[
                        &p.tenant,
                        &p.pack_id,
                        &p.custom,
                        &p.kind.as_str(),
                        &p.sha256,
                        &p.name,
                        &p.version,
                        &p.description,
                        &p.license,
                        &(p.rule_count as i64),
                        &p.enabled,
                        &p.overrides.to_string(),
                        &p.updated_unix,
                        &p.signer,
                        &p.author,
                    ],
                )?;
            }
            report.rows.insert("packs".into(), packs.len());
            for w in &work_items {
                let refs: Vec<&(dyn ToSql + Sync)> = w.iter().map(|b| b.as_ref() as &(dyn ToSql + Sync)).collect();
                tx.execute(
                    "INSERT INTO work_items (id, tenant, rule_id, title, description, acceptance_criteria, state, findings_key, findings_count, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    &refs,
                )?;
            }
            tx.execute("SELECT setval(pg_get_serial_sequence('work_items', 'id'), COALESCE((SELECT MAX(id) FROM work_items), 0) + 1, false)", &[])?;
            report.rows.insert("work_items".into(), work_items.len());
            for (key, value) in &revisions {
                tx.execute("UPDATE meta SET value = $2 WHERE key = $1", &[key, value])?;
            }
            tx.commit()?;
            Ok(Ok(()))
        })??;
        Ok(report)
    }
}

/// A pack row as copied: its record, its seconds, and a custom pack's bytes.
struct CopiedPack {
    tenant: String,
    pack_id: String,
    custom: bool,
    kind: crate::PackKind,
    sha256: String,
    name: String,
    version: String,
    description: String,
    license: String,
    rule_count: usize,
    enabled: bool,
    overrides: serde_json::Value,
    updated_unix: i64,
    signer: Option<String>,
    author: String,
    /// A custom pack's bytes.
    bytes: Option<Vec<u8>>,
}

fn custom_and_builtin_packs(from: &SqliteStore, report: &mut CopyReport) -> Result<Vec<CopiedPack>, StoreError> {
    let tenants: Vec<String> = from.with(|c| c.prepare("SELECT DISTINCT tenant FROM packs ORDER BY tenant")?.query_map([], |r| r.get(0))?.collect())?;
    let mut out = Vec::new();
    for tenant in tenants {
        for record in from.list_packs(&tenant)? {
            let updated_unix: i64 =
                from.with(|c| c.query_row("SELECT updated_at FROM packs WHERE tenant = ?1 AND pack_id = ?2", [&record.tenant, &record.pack_id], |r| r.get(0)))?;
            let bytes = if record.custom {
                match from.pack_bytes(&record) {
                    Ok(b) => Some(b),
                    Err(e) => {
                        // A pack whose file is gone or changed cannot run here either.
                        report.notes.push(format!("pack `{}` of tenant `{}` not copied: {e}", record.pack_id, record.tenant));
                        continue;
                    }
                }
            } else {
                None
            };
            let p = CopiedPack {
                tenant: record.tenant,
                pack_id: record.pack_id,
                custom: record.custom,
                kind: record.kind,
                sha256: record.sha256,
                name: record.name,
                version: record.version,
                description: record.description,
                license: record.license,
                rule_count: record.rule_count,
                enabled: record.enabled,
                overrides: record.overrides,
                updated_unix,
                signer: record.signer,
                author: record.author,
                bytes,
            };
            out.push(p);
        }
    }
    Ok(out)
}

/// Work items, keeping only the newest of a rule where SQLite holds several (two
/// reconciles at once could make them; PostgreSQL keeps one per rule).
fn newest_work_items(from: &SqliteStore, report: &mut CopyReport) -> Result<Vec<Vec<Box<dyn ToSql + Send + Sync>>>, StoreError> {
    let rows: Vec<Vec<Sq>> = from.with(|c| {
        let mut stmt = c.prepare(
            "SELECT id, tenant, rule_id, title, description, acceptance_criteria, state, findings_key, findings_count, created_at, updated_at
             FROM work_items w WHERE id = (SELECT MAX(id) FROM work_items v WHERE v.tenant = w.tenant AND v.rule_id = w.rule_id) ORDER BY id",
        )?;
        stmt.query_map([], |r| (0..11).map(|i| r.get::<_, Sq>(i)).collect::<rusqlite::Result<Vec<_>>>())?.collect()
    })?;
    let all: i64 = from.with(|c| c.query_row("SELECT COUNT(*) FROM work_items", [], |r| r.get(0)))?;
    if all as usize > rows.len() {
        report.notes.push(format!("{} older duplicate work items (the same rule twice) not copied; the newest of each rule is", all as usize - rows.len()));
    }
    use Kind::*;
    let kinds = [Int, Text, Text, Text, Text, Text, Text, Text, Int, Text, Text];
    Ok(rows.into_iter().map(|row| row.into_iter().zip(kinds).map(|(v, k)| pg_value(v, k)).collect()).collect())
}
