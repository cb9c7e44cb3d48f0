//! Scan history: every scan (CLI and API) with its summary and its full result, so
//! findings, metrics and trends survive restarts.
//!
//! [`ScanStore`] is what the store does with the history; its SQLite implementation is below.

use rusqlite::{OptionalExtension, params};
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
}

impl ScanStore for SqliteStore {
    fn record_scan(&self, scan: &NewScan) -> Result<i64, StoreError> {
        let started = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let packs = serde_json::to_string(&scan.packs).unwrap_or_else(|_| "[]".into());
        let total: usize = scan.counts.iter().sum();
        self.with(|c| {
            c.execute(
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
                    scan.result,
                    scan.complete
                ],
            )?;
            let id = c.last_insert_rowid();
            // Summaries are kept for trends; full results only for the latest scans and each
            // repository's latest complete one, or a busy server's database grows by the
            // size of every result (about 1 GB a minute under the soak test's load).
            c.execute(
                "UPDATE scans SET result = '' WHERE tenant = ?1 AND result <> '' AND id < (
                     SELECT id FROM scans WHERE tenant = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)
                   AND id NOT IN (SELECT MAX(id) FROM scans WHERE tenant = ?1 AND complete = 1 GROUP BY root)",
                params![scan.tenant, SCAN_RESULTS_KEPT - 1],
            )?;
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
        let (id, root) = match pick {
            ScanPick::Id(id) => (Some(id), None),
            ScanPick::LatestComplete(root) => (None, root),
        };
        let sql = format!(
            "SELECT {COLUMNS}, result FROM scans WHERE tenant = ?1 AND result <> ''
               AND (?2 IS NULL OR id = ?2) AND (?2 IS NOT NULL OR complete = 1) AND (?3 IS NULL OR root = ?3)
             ORDER BY id DESC LIMIT 1"
        );
        self.with(|c| c.query_row(&sql, params![tenant, id, root], |r| Ok((row(r)?, r.get::<_, String>(15)?))).optional())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_scan_results_are_kept_per_tenant() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let scan = |tenant: &str, n: usize| NewScan {
            tenant: tenant.into(),
            root: ".".into(),
            packs: vec![],
            counts: [0; 5],
            files_scanned: n,
            duration_ms: 1,
            gate_passed: None,
            score: 100.0,
            result: format!("{{\"n\": {n}}}"),
            complete: true,
        };
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
        let scan = |root: &str, complete: bool| NewScan {
            tenant: "t".into(),
            root: root.into(),
            packs: vec![],
            counts: [0; 5],
            files_scanned: 1,
            duration_ms: 1,
            gate_passed: None,
            score: 100.0,
            result: format!("{{\"root\": \"{root}\"}}"),
            complete,
        };
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
}
