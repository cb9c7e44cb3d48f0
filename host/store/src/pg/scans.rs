//! [`ScanStore`] on PostgreSQL: the same layout as the SQLite store (a result without its
//! findings, and one row per finding), split and joined in Rust (`result_json`).

use sentra_model::Severity;

use super::PostgresStore;
use super::postgres::Row;
use crate::result_json;
use crate::scans::{FindingsFilter, FindingsPage, NewScan, ScanPick, ScanStore, ScanSummary};
use crate::{SCAN_RESULTS_KEPT, StoreError};

const COLUMNS: &str = "id, started_at, root, packs, critical, high, medium, low, info, total, files_scanned, duration_ms, gate_passed, score, complete";

/// The scan a [`ScanPick`] names ($1 the tenant, $2 an id or NULL, $3 a repository or
/// NULL); only scans whose result is kept.
const PICKED: &str =
    "tenant = $1 AND result <> '' AND ($2::BIGINT IS NULL OR id = $2) AND ($2::BIGINT IS NOT NULL OR complete) AND ($3::TEXT IS NULL OR root = $3)";

fn row(r: &Row) -> ScanSummary {
    let n = |i: usize| r.get::<_, i64>(i) as usize;
    ScanSummary {
        id: r.get(0),
        started_at: r.get(1),
        root: r.get(2),
        packs: serde_json::from_str(&r.get::<_, String>(3)).unwrap_or_default(),
        critical: n(4),
        high: n(5),
        medium: n(6),
        low: n(7),
        info: n(8),
        total: n(9),
        files_scanned: n(10),
        duration_ms: r.get::<_, i64>(11) as u64,
        gate_passed: r.get(12),
        score: r.get(13),
        complete: r.get(14),
    }
}

impl ScanStore for PostgresStore {
    fn record_scan(&self, scan: &NewScan) -> Result<i64, StoreError> {
        let started = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let packs = serde_json::to_string(&scan.packs).unwrap_or_else(|_| "[]".into());
        let total: usize = scan.counts.iter().sum();
        let (stripped, findings) = result_json::split(&scan.result);
        let count = |i: usize| scan.counts[i] as i64;
        let (mut seq, mut severity, mut rule, mut file, mut text) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, f) in findings.into_iter().enumerate() {
            seq.push(i as i64);
            severity.push(f.head.severity);
            rule.push(f.head.rule_id);
            file.push(f.head.evidence.file);
            text.push(f.text);
        }
        self.with(|c| {
            let mut tx = c.transaction()?;
            let id: i64 = tx
                .query_one(
                    "INSERT INTO scans (tenant, started_at, root, packs, critical, high, medium, low, info, total, files_scanned, duration_ms, gate_passed, score, result, complete)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
                    &[
                        &scan.tenant,
                        &started,
                        &scan.root,
                        &packs,
                        &count(0),
                        &count(1),
                        &count(2),
                        &count(3),
                        &count(4),
                        &(total as i64),
                        &(scan.files_scanned as i64),
                        &(scan.duration_ms as i64),
                        &scan.gate_passed,
                        &scan.score,
                        &stripped,
                        &scan.complete,
                    ],
                )?
                .get(0);
            // One statement for every finding (50,000 at most): arrays, not a row at a time.
            tx.execute(
                "INSERT INTO scan_findings (scan_id, seq, severity, rule_id, file, finding)
                 SELECT $1, * FROM unnest($2::BIGINT[], $3::TEXT[], $4::TEXT[], $5::TEXT[], $6::TEXT[])",
                &[&id, &seq, &severity, &rule, &file, &text],
            )?;
            // Summaries are kept for trends; full results only for the latest scans and each
            // repository's latest complete one (as the SQLite store).
            let dropped: Vec<i64> = tx
                .query(
                    "SELECT id FROM scans WHERE tenant = $1 AND result <> '' AND id < (
                         SELECT id FROM scans WHERE tenant = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)
                       AND id NOT IN (SELECT MAX(id) FROM scans WHERE tenant = $1 AND complete GROUP BY root)",
                    &[&scan.tenant, &(SCAN_RESULTS_KEPT - 1)],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            if !dropped.is_empty() {
                tx.execute("DELETE FROM scan_findings WHERE scan_id = ANY($1)", &[&dropped])?;
                tx.execute("UPDATE scans SET result = '' WHERE id = ANY($1)", &[&dropped])?;
            }
            tx.commit()?;
            Ok(id)
        })
    }

    fn list_scans(&self, tenant: &str, since: Option<&str>, limit: usize, complete_only: bool) -> Result<Vec<ScanSummary>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM scans WHERE tenant = $1 AND started_at >= $2 AND (NOT $4 OR complete) ORDER BY id DESC LIMIT $3");
        self.with(|c| Ok(c.query(&sql, &[&tenant, &since.unwrap_or(""), &(limit as i64), &complete_only])?.iter().map(row).collect()))
    }

    fn scan_result(&self, tenant: &str, pick: ScanPick<'_>) -> Result<Option<(ScanSummary, String)>, StoreError> {
        let (id, root) = pick.params();
        self.with(|c| {
            let mut tx = c.build_transaction().isolation_level(super::postgres::IsolationLevel::RepeatableRead).read_only(true).start()?;
            let Some(r) = tx.query_opt(&format!("SELECT {COLUMNS}, result FROM scans WHERE {PICKED} ORDER BY id DESC LIMIT 1"), &[&tenant, &id, &root])? else {
                return Ok(None);
            };
            let summary = row(&r);
            let stripped: String = r.get(15);
            let findings: Vec<String> =
                tx.query("SELECT finding FROM scan_findings WHERE scan_id = $1 ORDER BY seq", &[&summary.id])?.iter().map(|r| r.get(0)).collect();
            tx.commit()?;
            Ok(Some((summary, result_json::join(&stripped, &findings))))
        })
    }

    fn scan_summary(&self, tenant: &str, pick: ScanPick<'_>) -> Result<Option<ScanSummary>, StoreError> {
        let (id, root) = pick.params();
        self.with(|c| {
            Ok(c.query_opt(&format!("SELECT {COLUMNS} FROM scans WHERE {PICKED} ORDER BY id DESC LIMIT 1"), &[&tenant, &id, &root])?.as_ref().map(row))
        })
    }

    fn scan_findings(&self, tenant: &str, scan_id: i64, filter: &FindingsFilter<'_>) -> Result<FindingsPage, StoreError> {
        let severity = filter.severity.map(|s| s.as_str());
        let rule_id = filter.rule_id;
        // The heads (severity and file) of every match are read to count them; only the
        // page's findings are read whole.
        let heads = self.with(|c| {
            c.query(
                "SELECT f.seq, f.severity, f.file FROM scan_findings f JOIN scans s ON s.id = f.scan_id
                 WHERE s.tenant = $1 AND f.scan_id = $2 AND ($3::TEXT IS NULL OR f.severity = $3) AND ($4::TEXT IS NULL OR f.rule_id = $4)
                 ORDER BY f.seq",
                &[&tenant, &scan_id, &severity, &rule_id],
            )
        })?;
        let (mut page, mut out) = (Vec::new(), FindingsPage::default());
        for r in &heads {
            let file: String = r.get(2);
            if filter.file.is_some_and(|wanted| !wanted(&file)) {
                continue;
            }
            if let Some(s) = Severity::parse(&r.get::<_, String>(1)) {
                out.by_severity.add(s);
            }
            if out.total >= filter.offset && page.len() < filter.limit {
                page.push(r.get::<_, i64>(0));
            }
            out.total += 1;
        }
        if !page.is_empty() {
            out.findings = self.with(|c| {
                let rows = c.query("SELECT finding FROM scan_findings WHERE scan_id = $1 AND seq = ANY($2) ORDER BY seq", &[&scan_id, &page])?;
                Ok(rows.iter().map(|r| r.get(0)).collect())
            })?;
        }
        Ok(out)
    }

    fn top_files(&self, tenant: &str, scan_id: i64, limit: usize) -> Result<Vec<(String, usize)>, StoreError> {
        self.with(|c| {
            let rows = c.query(
                "SELECT f.file, COUNT(*) AS n FROM scan_findings f JOIN scans s ON s.id = f.scan_id
                 WHERE s.tenant = $1 AND f.scan_id = $2 GROUP BY f.file ORDER BY n DESC, f.file LIMIT $3",
                &[&tenant, &scan_id, &(limit as i64)],
            )?;
            Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i64>(1) as usize)).collect())
        })
    }
}
