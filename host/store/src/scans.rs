//! Scan history: every scan (CLI and API) with its summary and its full result, so
//! findings, metrics and trends survive restarts.
//!
//! A result's findings are kept one row each beside it (`scan_findings`), so a page of
//! findings or the files with the most of them are read without the whole result (which
//! may hold 50,000 findings); the whole result is put back together only when asked for.
//!
//! [`ScanStore`] is what the store does with the history; its SQLite implementation is below.

use rusqlite::{OptionalExtension, params};
use sentra_model::{BySeverity, Severity};
use serde::Serialize;

use crate::{SCAN_RESULTS_KEPT, SqliteStore, StoreError};

/// The `scans` table (migration 4).
pub(crate) const MIGRATION: &str = "CREATE TABLE scans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL,
        started_at TEXT NOT NULL,
        root TEXT NOT NULL,
        packs TEXT NOT NULL,
        critical INTEGER NOT NULL,
        high INTEGER NOT NULL,
        medium INTEGER NOT NULL,
        low INTEGER NOT NULL,
        info INTEGER NOT NULL,
        total INTEGER NOT NULL,
        files_scanned INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        gate_passed INTEGER,
        score REAL NOT NULL,
        result TEXT NOT NULL
    );
    CREATE INDEX scans_tenant ON scans(tenant, id);";

/// Migration 11: whether a scan covered its whole repository. Only complete scans define a
/// repository's current findings; earlier rows count as complete (it was not recorded).
pub(crate) const COMPLETE_MIGRATION: &str = "ALTER TABLE scans ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX scans_complete ON scans(tenant, complete, root, id);";

/// Migration 12: findings one row each, moved out of the results already stored.
pub(crate) const FINDINGS_MIGRATION: &str = "CREATE TABLE scan_findings (
        scan_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        severity TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        file TEXT NOT NULL,
        finding TEXT NOT NULL,
        PRIMARY KEY (scan_id, seq)
    ) WITHOUT ROWID;
    INSERT INTO scan_findings
        SELECT s.id, f.key, coalesce(json_extract(f.value, '$.severity'), ''), coalesce(json_extract(f.value, '$.rule_id'), ''),
               coalesce(json_extract(f.value, '$.evidence.file'), ''), f.value
        FROM scans s, json_each(s.result, '$.findings') f WHERE s.result <> '';
    UPDATE scans SET result = json_set(result, '$.findings', json('[]')) WHERE json_type(result, '$.findings') = 'array';";

/// The result without its findings (they go to `scan_findings`), for `?1` the result.
const RESULT_WITHOUT_FINDINGS: &str = "CASE WHEN json_type(?1, '$.findings') = 'array' THEN json_set(?1, '$.findings', json('[]')) ELSE ?1 END";

/// The stored result with its findings put back, in a query over `scans`.
const WHOLE_RESULT: &str = "CASE WHEN result <> '' AND json_type(result, '$.findings') = 'array' THEN json_set(result, '$.findings', json((
        SELECT json_group_array(json(finding) ORDER BY seq) FROM scan_findings WHERE scan_id = scans.id))) ELSE result END";

/// Which of a stored scan's findings to read (see [`ScanStore::scan_findings`]).
pub struct FindingsFilter<'a> {
    pub severity: Option<Severity>,
    pub rule_id: Option<&'a str>,
    /// Whether a finding's file is wanted (a glob, in the server).
    pub file: Option<&'a dyn Fn(&str) -> bool>,
    /// Matching findings skipped before the page.
    pub offset: usize,
    /// The page's length at most.
    pub limit: usize,
}

/// A page of a stored scan's findings.
#[derive(Debug, Default)]
pub struct FindingsPage {
    /// Each finding as stored (JSON), in the result's order.
    pub findings: Vec<String>,
    /// Matching findings in all.
    pub total: usize,
    /// Of the matching findings.
    pub by_severity: BySeverity,
}

/// Which recorded scan to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanPick<'a> {
    /// That scan.
    Id(i64),
    /// The latest complete scan of that repository (its label), or of any.
    LatestComplete(Option<&'a str>),
}

/// What a caller records about a scan.
#[derive(Clone, Debug)]
pub struct NewScan {
    pub tenant: String,
    pub root: String,
    pub packs: Vec<String>,
    /// critical, high, medium, low, info.
    pub counts: [usize; 5],
    pub files_scanned: usize,
    pub duration_ms: u64,
    pub gate_passed: Option<bool>,
    pub score: f64,
    /// The scan result as JSON.
    pub result: String,
    /// Whether the scan covered its whole repository (not inline files, not only changed
    /// files): only such scans define a repository's current findings.
    pub complete: bool,
}

/// A recorded scan, without its result.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ScanSummary {
    pub id: i64,
    /// RFC 3339, UTC.
    pub started_at: String,
    pub root: String,
    pub packs: Vec<String>,
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
    pub total: usize,
    pub files_scanned: usize,
    pub duration_ms: u64,
    pub gate_passed: Option<bool>,
    /// The compliance score, 0 to 100.
    pub score: f64,
    /// Whether it covered its whole repository (see [`NewScan::complete`]).
    pub complete: bool,
}

pub(crate) const COLUMNS: &str =
    "id, started_at, root, packs, critical, high, medium, low, info, total, files_scanned, duration_ms, gate_passed, score, complete";

pub(crate) fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ScanSummary> {
    let packs: String = r.get(3)?;
    let n = |i: usize| -> rusqlite::Result<usize> { Ok(r.get::<_, i64>(i)? as usize) };
    Ok(ScanSummary {
        id: r.get(0)?,
        started_at: r.get(1)?,
        root: r.get(2)?,
        packs: serde_json::from_str(&packs).unwrap_or_default(),
        critical: n(4)?,
        high: n(5)?,
        medium: n(6)?,
        low: n(7)?,
        info: n(8)?,
        total: n(9)?,
        files_scanned: n(10)?,
        duration_ms: r.get::<_, i64>(11)? as u64,
        gate_passed: r.get::<_, Option<i64>>(12)?.map(|v| v != 0),
        score: r.get(13)?,
        complete: r.get::<_, i64>(14)? != 0,
    })
}

/// Scan history.
pub trait ScanStore {
    /// Records a scan; returns its id.
    fn record_scan(&self, scan: &NewScan) -> Result<i64, StoreError>;
    /// A tenant's scans, newest first (at most `limit`, only those at or after `since`;
    /// only complete ones when `complete_only`).
    fn list_scans(&self, tenant: &str, since: Option<&str>, limit: usize, complete_only: bool) -> Result<Vec<ScanSummary>, StoreError>;
    /// The stored result (JSON) of the scan `pick` names; `None` also when the scan is
    /// older than the last [`SCAN_RESULTS_KEPT`] and not the latest complete one of its
    /// repository, whose results are dropped.
    fn scan_result(&self, tenant: &str, pick: ScanPick<'_>) -> Result<Option<(ScanSummary, String)>, StoreError>;
    /// The summary of the scan `pick` names, when its result is kept (as [`Self::scan_result`]
    /// would find it), without reading the result.
    fn scan_summary(&self, tenant: &str, pick: ScanPick<'_>) -> Result<Option<ScanSummary>, StoreError>;
    /// The findings of a tenant's scan that pass `filter`: their number, severities, and
    /// the page asked for; only the page's findings are read whole.
    fn scan_findings(&self, tenant: &str, scan_id: i64, filter: &FindingsFilter<'_>) -> Result<FindingsPage, StoreError>;
    /// The files with the most findings in a tenant's scan, most first (then by path), at
    /// most `limit`.
    fn top_files(&self, tenant: &str, scan_id: i64, limit: usize) -> Result<Vec<(String, usize)>, StoreError>;
}

impl ScanStore for SqliteStore {
    fn record_scan(&self, scan: &NewScan) -> Result<i64, StoreError> {
        let started = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let packs = serde_json::to_string(&scan.packs).unwrap_or_else(|_| "[]".into());
        let total: usize = scan.counts.iter().sum();
        self.with(|c| {
            let tx = c.transaction()?;
            let stripped: String = tx.query_row(&format!("SELECT {RESULT_WITHOUT_FINDINGS}"), [&scan.result], |r| r.get(0))?;
            tx.execute(
                "INSERT INTO scans (tenant, started_at, root, packs, critical, high, medium, low, info, total, files_scanned, duration_ms, gate_passed, score, result, complete)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    scan.tenant,
                    started,
                    scan.root,
                    packs,
                    scan.counts[0] as i64,
                    scan.counts[1] as i64,
                    scan.counts[2] as i64,
                    scan.counts[3] as i64,
                    scan.counts[4] as i64,
                    total as i64,
                    scan.files_scanned as i64,
                    scan.duration_ms as i64,
                    scan.gate_passed,
                    scan.score,
                    stripped,
                    scan.complete
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO scan_findings
                   SELECT ?1, key, coalesce(json_extract(value, '$.severity'), ''), coalesce(json_extract(value, '$.rule_id'), ''),
                          coalesce(json_extract(value, '$.evidence.file'), ''), value
                   FROM json_each(?2, '$.findings')",
                params![id, scan.result],
            )?;
            // Summaries are kept for trends; full results only for the latest scans and each
            // repository's latest complete one, or a busy server's database grows by the
            // size of every result (about 1 GB a minute under the soak test's load).
            let dropped: Vec<i64> = tx
                .prepare(
                    "SELECT id FROM scans WHERE tenant = ?1 AND result <> '' AND id < (
                         SELECT id FROM scans WHERE tenant = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)
                       AND id NOT IN (SELECT MAX(id) FROM scans WHERE tenant = ?1 AND complete = 1 GROUP BY root)",
                )?
                .query_map(params![scan.tenant, SCAN_RESULTS_KEPT - 1], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for old in dropped {
                tx.execute("DELETE FROM scan_findings WHERE scan_id = ?1", [old])?;
                tx.execute("UPDATE scans SET result = '' WHERE id = ?1", [old])?;
            }
            tx.commit()?;
            Ok(id)
        })
    }

    fn list_scans(&self, tenant: &str, since: Option<&str>, limit: usize, complete_only: bool) -> Result<Vec<ScanSummary>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {COLUMNS} FROM scans WHERE tenant = ?1 AND started_at >= ?2 AND (?4 = 0 OR complete = 1) ORDER BY id DESC LIMIT ?3"
            ))?;
            stmt.query_map(params![tenant, since.unwrap_or(""), limit as i64, complete_only], row)?.collect()
        })
    }

    fn scan_result(&self, tenant: &str, pick: ScanPick<'_>) -> Result<Option<(ScanSummary, String)>, StoreError> {
        let (id, root) = pick.params();
        let sql = format!("SELECT {COLUMNS}, {WHOLE_RESULT} FROM scans WHERE {PICKED} ORDER BY id DESC LIMIT 1");
        self.with(|c| c.query_row(&sql, params![tenant, id, root], |r| Ok((row(r)?, r.get::<_, String>(15)?))).optional())
    }

    fn scan_summary(&self, tenant: &str, pick: ScanPick<'_>) -> Result<Option<ScanSummary>, StoreError> {
        let (id, root) = pick.params();
        let sql = format!("SELECT {COLUMNS} FROM scans WHERE {PICKED} ORDER BY id DESC LIMIT 1");
        self.with(|c| c.query_row(&sql, params![tenant, id, root], row).optional())
    }

    fn scan_findings(&self, tenant: &str, scan_id: i64, filter: &FindingsFilter<'_>) -> Result<FindingsPage, StoreError> {
        self.with(|c| {
            // The heads (severity and file) of every match are read to count them; only the
            // page's findings are read whole.
            let mut heads = c.prepare_cached(
                "SELECT f.seq, f.severity, f.file FROM scan_findings f JOIN scans s ON s.id = f.scan_id
                 WHERE s.tenant = ?1 AND f.scan_id = ?2 AND (?3 IS NULL OR f.severity = ?3) AND (?4 IS NULL OR f.rule_id = ?4)
                 ORDER BY f.seq",
            )?;
            let severity = filter.severity.map(|s| s.as_str());
            let mut rows = heads.query(params![tenant, scan_id, severity, filter.rule_id])?;
            let (mut page, mut out) = (Vec::new(), FindingsPage::default());
            while let Some(r) = rows.next()? {
                let file: String = r.get(2)?;
                if filter.file.is_some_and(|wanted| !wanted(&file)) {
                    continue;
                }
                if let Some(s) = Severity::parse(&r.get::<_, String>(1)?) {
                    out.by_severity.add(s);
                }
                if out.total >= filter.offset && page.len() < filter.limit {
                    page.push(r.get::<_, i64>(0)?);
                }
                out.total += 1;
            }
            let mut whole = c.prepare_cached("SELECT finding FROM scan_findings WHERE scan_id = ?1 AND seq = ?2")?;
            for seq in page {
                out.findings.push(whole.query_row(params![scan_id, seq], |r| r.get(0))?);
            }
            Ok(out)
        })
    }

    fn top_files(&self, tenant: &str, scan_id: i64, limit: usize) -> Result<Vec<(String, usize)>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT f.file, COUNT(*) AS n FROM scan_findings f JOIN scans s ON s.id = f.scan_id
                 WHERE s.tenant = ?1 AND f.scan_id = ?2 GROUP BY f.file ORDER BY n DESC, f.file LIMIT ?3",
            )?;
            stmt.query_map(params![tenant, scan_id, limit as i64], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?.collect()
        })
    }
}

impl<'a> ScanPick<'a> {
    /// The parameters `?2` and `?3` of [`PICKED`].
    pub(crate) fn params(self) -> (Option<i64>, Option<&'a str>) {
        match self {
            ScanPick::Id(id) => (Some(id), None),
            ScanPick::LatestComplete(root) => (None, root),
        }
    }
}

/// The scan a [`ScanPick`] names, for `?1` the tenant, `?2` an id or NULL, `?3` a
/// repository or NULL; only scans whose result is kept.
const PICKED: &str = "tenant = ?1 AND result <> '' AND (?2 IS NULL OR id = ?2) AND (?2 IS NOT NULL OR complete = 1) AND (?3 IS NULL OR root = ?3)";

#[cfg(test)]
mod tests {
    use super::*;

    fn new_scan(tenant: &str, root: &str, result: String, complete: bool) -> NewScan {
        let (tenant, root, packs) = (tenant.into(), root.into(), vec![]);
        NewScan { tenant, root, packs, counts: [0; 5], files_scanned: 1, duration_ms: 1, gate_passed: None, score: 100.0, result, complete }
    }

    #[test]
    fn only_the_latest_scan_results_are_kept_per_tenant() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let scan = |tenant: &str, n: usize| new_scan(tenant, ".", format!("{{\"n\": {n}}}"), true);
        let other = store.record_scan(&scan("other", 0)).unwrap();
        let ids: Vec<i64> = (0..SCAN_RESULTS_KEPT as usize + 5).map(|n| store.record_scan(&scan("t", n)).unwrap()).collect();
        assert!(store.scan_result("t", ScanPick::Id(ids[4])).unwrap().is_none(), "the oldest results are dropped");
        assert!(store.scan_result("t", ScanPick::Id(ids[5])).unwrap().is_some(), "the latest {SCAN_RESULTS_KEPT} stay");
        assert_eq!(store.scan_result("t", ScanPick::LatestComplete(None)).unwrap().unwrap().1, format!("{{\"n\": {}}}", ids.len() - 1));
        assert_eq!(store.list_scans("t", None, 1000, false).unwrap().len(), ids.len(), "summaries are all kept");
        assert!(store.scan_result("other", ScanPick::Id(other)).unwrap().is_some(), "another tenant's history is untouched");
    }

    #[test]
    fn partial_scans_never_become_the_latest_and_never_push_out_a_complete_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let scan = |root: &str, complete: bool| new_scan("t", root, format!("{{\"root\": \"{root}\"}}"), complete);
        let full_a = store.record_scan(&scan("repo-a", true)).unwrap();
        let full_b = store.record_scan(&scan("repo-b", true)).unwrap();
        for _ in 0..SCAN_RESULTS_KEPT + 3 {
            store.record_scan(&scan("inline files", false)).unwrap();
        }
        let latest = |root| store.scan_result("t", ScanPick::LatestComplete(root)).unwrap().map(|(s, _)| s.id);
        assert_eq!(latest(None), Some(full_b));
        assert_eq!(latest(Some("repo-a")), Some(full_a), "kept past the retention of the latest results");
        assert_eq!(latest(Some("inline files")), None);
        assert_eq!(store.list_scans("t", None, 1000, true).unwrap().len(), 2);
    }

    fn finding(rule: &str, severity: &str, file: &str) -> serde_json::Value {
        serde_json::json!({"rule_id": rule, "severity": severity, "message": "m", "evidence": {"file": file, "line": 1}})
    }

    fn with_findings(tenant: &str, findings: &[serde_json::Value]) -> NewScan {
        new_scan(tenant, ".", serde_json::json!({"files_scanned": 1, "findings": findings}).to_string(), true)
    }

    #[test]
    fn findings_are_read_a_page_at_a_time_and_the_whole_result_comes_back_as_stored() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let findings: Vec<_> =
            (0..30).map(|i| finding(if i % 3 == 0 { "R1" } else { "R2" }, if i % 2 == 0 { "high" } else { "low" }, &format!("src/f{}.py", i % 4))).collect();
        let id = store.record_scan(&with_findings("t", &findings)).unwrap();
        let (_, whole) = store.scan_result("t", ScanPick::Id(id)).unwrap().unwrap();
        let whole: serde_json::Value = serde_json::from_str(&whole).unwrap();
        assert_eq!(whole, serde_json::json!({"files_scanned": 1, "findings": findings}), "put back in order");

        let all = FindingsFilter { severity: None, rule_id: None, file: None, offset: 0, limit: 1 };
        let page = store.scan_findings("t", id, &all).unwrap();
        assert_eq!((page.total, page.by_severity.high, page.by_severity.low, page.findings.len()), (30, 15, 15, 1));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&page.findings[0]).unwrap(), findings[0]);

        let in_f1 = |f: &str| f == "src/f1.py";
        let some = FindingsFilter { severity: Some(Severity::Low), rule_id: Some("R2"), file: Some(&in_f1), offset: 1, limit: 10 };
        let page = store.scan_findings("t", id, &some).unwrap();
        let expected: Vec<_> =
            findings.iter().filter(|f| f["severity"] == "low" && f["rule_id"] == "R2" && f["evidence"]["file"] == "src/f1.py").skip(1).cloned().collect();
        assert_eq!(page.total, expected.len() + 1);
        assert_eq!(page.findings.iter().map(|f| serde_json::from_str::<serde_json::Value>(f).unwrap()).collect::<Vec<_>>(), expected);

        let top = store.top_files("t", id, 2).unwrap();
        assert_eq!(top, vec![("src/f0.py".to_string(), 8), ("src/f1.py".to_string(), 8)]);
        assert_eq!(store.scan_summary("t", ScanPick::LatestComplete(None)).unwrap().map(|s| s.id), Some(id));

        assert_eq!(store.scan_findings("other", id, &all).unwrap().total, 0, "another tenant reads nothing of it");
        assert!(store.top_files("other", id, 20).unwrap().is_empty());
        assert!(store.scan_summary("other", ScanPick::Id(id)).unwrap().is_none());
    }

    #[test]
    fn dropped_results_take_their_findings_with_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let mut partial = with_findings("t", &[finding("R", "high", "a.py")]);
        partial.complete = false;
        let first = store.record_scan(&partial).unwrap();
        for _ in 0..SCAN_RESULTS_KEPT {
            store.record_scan(&partial).unwrap();
        }
        let rows: i64 = store.with(|c| c.query_row("SELECT COUNT(*) FROM scan_findings", [], |r| r.get(0))).unwrap();
        assert_eq!(rows, SCAN_RESULTS_KEPT, "one finding for each kept result");
        assert!(store.scan_summary("t", ScanPick::Id(first)).unwrap().is_none());
    }

    #[test]
    fn results_stored_before_the_findings_table_are_moved_into_it() {
        let dir = tempfile::tempdir().unwrap();
        let findings = [finding("R", "medium", "x.go"), finding("S", "info", "y.go")];
        {
            // A database at the schema before migration 12, holding a whole result.
            let store = SqliteStore::open(dir.path()).unwrap();
            store
                .with(|c| {
                    c.execute_batch("DROP TABLE scan_findings; DROP TABLE scan_jobs; ALTER TABLE packs DROP COLUMN signer; ALTER TABLE packs DROP COLUMN author")?;
                    c.pragma_update(None, "user_version", 11)?;
                    c.execute(
                        "INSERT INTO scans (tenant, started_at, root, packs, critical, high, medium, low, info, total, files_scanned, duration_ms, score, result)
                         VALUES ('t', '2026-01-01T00:00:00Z', '.', '[]', 0, 0, 1, 0, 1, 2, 2, 1, 90.0, ?1)",
                        [serde_json::json!({"findings": findings}).to_string()],
                    )
                })
                .unwrap();
        }
        let store = SqliteStore::open(dir.path()).unwrap();
        let id = store.scan_summary("t", ScanPick::LatestComplete(None)).unwrap().unwrap().id;
        let all = FindingsFilter { severity: None, rule_id: None, file: None, offset: 0, limit: 10 };
        let page = store.scan_findings("t", id, &all).unwrap();
        assert_eq!((page.total, page.by_severity.medium, page.by_severity.info), (2, 1, 1));
        let stored: String = store.with(|c| c.query_row("SELECT result FROM scans WHERE id = ?1", [id], |r| r.get(0))).unwrap();
        assert_eq!(stored, r#"{"findings":[]}"#, "the findings left the result");
        let (_, whole) = store.scan_result("t", ScanPick::Id(id)).unwrap().unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&whole).unwrap(), serde_json::json!({"findings": findings}));
    }
}
