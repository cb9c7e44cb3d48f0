//! Scan history: every scan (CLI and API) with its summary and its full result, so
//! findings, metrics and trends survive restarts.

use serde::Serialize;

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
}

pub(crate) const COLUMNS: &str = "id, started_at, root, packs, critical, high, medium, low, info, total, files_scanned, duration_ms, gate_passed, score";

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
    })
}
