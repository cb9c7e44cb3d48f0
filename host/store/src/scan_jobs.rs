//! The scan queue: scans asked for with `POST /api/scans` wait here until a server with a
//! free scan slot claims one. A claim is a lease: the claiming server renews it while the
//! scan runs; a server that dies stops renewing, and once the lease runs out another takes
//! the job again (at most [`MAX_ATTEMPTS`] times). Only the holder of the current lease can
//! finish a job, so each job has one result however many servers touched it.
//!
//! [`ScanJobStore`] is what the store does with jobs; its SQLite implementation is below.

use std::time::Duration;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{SqliteStore, StoreError};

/// Claims of one job before it is given up as failed.
pub const MAX_ATTEMPTS: i64 = 3;
/// Jobs a tenant may have queued or running at once.
pub const MAX_PENDING_PER_TENANT: i64 = 100;
/// Finished jobs are kept this long, then removed.
pub const FINISHED_KEPT: Duration = Duration::from_secs(7 * 24 * 3600);
/// And at most this many per tenant (each holds its result).
pub const FINISHED_KEPT_PER_TENANT: i64 = 200;

/// The next job to claim (`?1`/`$1` now, in ms): waiting or with a lasped lease, from the
/// tenant with the fewest running jobs, then the oldest; so one tenant's hundred queued
/// scans do not hold every worker while another tenant waits.
/// Whether a job waits (`$1` now, in ms).
pub(crate) const ANY_WAITING: &str = "SELECT EXISTS (SELECT 1 FROM scan_jobs WHERE status = 'queued' OR (status = 'running' AND lease_until_ms < $1))";

pub(crate) const NEXT_JOB: &str = "SELECT seq FROM scan_jobs j
    WHERE status = 'queued' OR (status = 'running' AND lease_until_ms < $1)
    ORDER BY (SELECT COUNT(*) FROM scan_jobs r WHERE r.tenant = j.tenant AND r.status = 'running' AND r.lease_until_ms >= $1), seq
    LIMIT 1";

/// Deletes a tenant's finished jobs past the age or the count kept (`$1` tenant, `$2`
/// the age cutoff in ms, `$3` the count kept).
pub(crate) const PRUNE_FINISHED: &str = "DELETE FROM scan_jobs WHERE tenant = $1 AND status IN ('done', 'failed')
    AND (finished_ms < $2 OR seq < COALESCE((SELECT seq FROM scan_jobs WHERE tenant = $1 AND status IN ('done', 'failed')
                                             ORDER BY seq DESC LIMIT 1 OFFSET $3), 0))";

/// The `scan_jobs` table (SQLite migration 13).
pub(crate) const MIGRATION: &str = "CREATE TABLE scan_jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        tenant TEXT NOT NULL,
        request TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        worker TEXT,
        lease_until_ms INTEGER,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        finished_ms INTEGER,
        error TEXT,
        result TEXT
    );
    CREATE INDEX scan_jobs_claim ON scan_jobs(status, seq);
    CREATE INDEX scan_jobs_tenant ON scan_jobs(tenant, status);";

/// Where a job is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Queued,
    Running,
    Done,
    Failed,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Failed => "failed",
        }
    }

    /// An unknown state (a newer sentra wrote it) reads as failed: nothing waits on it.
    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "queued" => JobState::Queued,
            "running" => JobState::Running,
            "done" => JobState::Done,
            _ => JobState::Failed,
        }
    }
}

/// A queued scan.
#[derive(Clone, Debug, PartialEq)]
pub struct ScanJob {
    pub id: String,
    pub tenant: String,
    /// The request as accepted (JSON).
    pub request: String,
    pub status: JobState,
    /// How many times a server claimed it.
    pub attempts: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    pub error: Option<String>,
    /// The scan's result (JSON), once done.
    pub result: Option<String>,
}

/// How a job ended.
#[derive(Clone, Copy, Debug)]
pub enum JobOutcome<'a> {
    Done { result: &'a str },
    Failed { error: &'a str },
}

impl JobOutcome<'_> {
    /// The `status`, `result` and `error` columns of a job that ended so.
    pub(crate) fn columns(&self) -> (&'static str, Option<&str>, Option<&str>) {
        match *self {
            JobOutcome::Done { result } => ("done", Some(result), None),
            JobOutcome::Failed { error } => ("failed", None, Some(error)),
        }
    }
}

/// The scan queue.
pub trait ScanJobStore {
    /// Queues a scan; `None` when the tenant already has [`MAX_PENDING_PER_TENANT`] waiting
    /// or running. Also removes the tenant's jobs finished longer than [`FINISHED_KEPT`] ago.
    fn enqueue_scan(&self, tenant: &str, request: &str) -> Result<Option<ScanJob>, StoreError>;
    /// Whether any job waits to be claimed (queued, or with a lease that ran out): a cheap
    /// read, so an idle worker holds no scan slot while it looks.
    fn scan_waiting(&self) -> Result<bool, StoreError>;
    /// Takes the oldest job that is queued or whose lease ran out, for `worker`, for
    /// `lease`; jobs out of attempts are marked failed instead.
    fn claim_scan(&self, worker: &str, lease: Duration) -> Result<Option<ScanJob>, StoreError>;
    /// Extends `worker`'s lease on a job; `false` when it no longer holds it.
    fn renew_scan_lease(&self, id: &str, worker: &str, lease: Duration) -> Result<bool, StoreError>;
    /// Ends a job `worker` holds; `false` (and nothing changes) when it no longer holds it.
    fn finish_scan(&self, id: &str, worker: &str, outcome: JobOutcome<'_>) -> Result<bool, StoreError>;
    /// A tenant's job by id. A finished job's `request` is empty (not kept past its run).
    fn get_scan_job(&self, tenant: &str, id: &str) -> Result<Option<ScanJob>, StoreError>;
}

pub(crate) const COLUMNS: &str = "id, tenant, request, status, attempts, created_at, started_at, finished_at, error, result";

/// A new job id: 128 random bits in hex.
pub(crate) fn new_id() -> String {
    let mut id = [0u8; 16];
    getrandom::fill(&mut id).expect("the OS random number generator is available");
    hex::encode(id)
}

pub(crate) fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

pub(crate) fn give_up_message() -> String {
    format!("given up after {MAX_ATTEMPTS} attempts: the servers that took it stopped before finishing")
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ScanJob> {
    Ok(ScanJob {
        id: r.get(0)?,
        tenant: r.get(1)?,
        request: r.get(2)?,
        status: JobState::parse(&r.get::<_, String>(3)?),
        attempts: r.get(4)?,
        created_at: r.get(5)?,
        started_at: r.get(6)?,
        finished_at: r.get(7)?,
        error: r.get(8)?,
        result: r.get(9)?,
    })
}

impl ScanJobStore for SqliteStore {
    fn scan_waiting(&self) -> Result<bool, StoreError> {
        self.with(|c| c.query_row(ANY_WAITING, [now_ms()], |r| r.get(0)))
    }

    fn enqueue_scan(&self, tenant: &str, request: &str) -> Result<Option<ScanJob>, StoreError> {
        let (id, created, now) = (new_id(), crate::stamp(), now_ms());
        let cutoff = now - FINISHED_KEPT.as_millis() as i64;
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(PRUNE_FINISHED, params![tenant, cutoff, FINISHED_KEPT_PER_TENANT - 1])?;
            let pending: i64 = tx.query_row("SELECT COUNT(*) FROM scan_jobs WHERE tenant = ?1 AND status IN ('queued', 'running')", [tenant], |r| r.get(0))?;
            if pending >= MAX_PENDING_PER_TENANT {
                return Ok(None);
            }
            tx.execute(
                "INSERT INTO scan_jobs (id, tenant, request, status, attempts, created_at) VALUES (?1, ?2, ?3, 'queued', 0, ?4)",
                params![id, tenant, request, created],
            )?;
            let job = tx.query_row(&format!("SELECT {COLUMNS} FROM scan_jobs WHERE id = ?1"), [&id], row)?;
            tx.commit()?;
            Ok(Some(job))
        })
    }

    fn claim_scan(&self, worker: &str, lease: Duration) -> Result<Option<ScanJob>, StoreError> {
        let (now, started) = (now_ms(), crate::stamp());
        let until = now + lease.as_millis() as i64;
        self.with(|c| {
            // Idle workers ask twice a second: without work in sight, no write lock.
            let waiting: Option<i64> = c.query_row("SELECT 1 FROM scan_jobs WHERE status IN ('queued', 'running') LIMIT 1", [], |r| r.get(0)).optional()?;
            if waiting.is_none() {
                return Ok(None);
            }
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(
                "UPDATE scan_jobs SET status = 'failed', error = ?3, finished_at = ?4, finished_ms = ?1, worker = NULL, request = ''
                 WHERE status = 'running' AND lease_until_ms < ?1 AND attempts >= ?2",
                params![now, MAX_ATTEMPTS, give_up_message(), started],
            )?;
            let next: Option<i64> = tx.query_row(NEXT_JOB, [now], |r| r.get(0)).optional()?;
            let Some(seq) = next else {
                tx.commit()?;
                return Ok(None);
            };
            tx.execute(
                "UPDATE scan_jobs SET status = 'running', worker = ?2, attempts = attempts + 1, lease_until_ms = ?3, started_at = COALESCE(started_at, ?4) WHERE seq = ?1",
                params![seq, worker, until, started],
            )?;
            let job = tx.query_row(&format!("SELECT {COLUMNS} FROM scan_jobs WHERE seq = ?1"), [seq], row)?;
            tx.commit()?;
            Ok(Some(job))
        })
    }

    fn renew_scan_lease(&self, id: &str, worker: &str, lease: Duration) -> Result<bool, StoreError> {
        let until = now_ms() + lease.as_millis() as i64;
        self.with(|c| c.execute("UPDATE scan_jobs SET lease_until_ms = ?3 WHERE id = ?1 AND worker = ?2 AND status = 'running'", params![id, worker, until]))
            .map(|n| n == 1)
    }

    fn finish_scan(&self, id: &str, worker: &str, outcome: JobOutcome<'_>) -> Result<bool, StoreError> {
        let (status, result, error) = outcome.columns();
        self.with(|c| {
            c.execute(
                "UPDATE scan_jobs SET status = ?3, result = ?4, error = ?5, finished_at = ?6, finished_ms = ?7, worker = NULL, request = ''
                 WHERE id = ?1 AND worker = ?2 AND status = 'running'",
                params![id, worker, status, result, error, crate::stamp(), now_ms()],
            )
        })
        .map(|n| n == 1)
    }

    fn get_scan_job(&self, tenant: &str, id: &str) -> Result<Option<ScanJob>, StoreError> {
        self.with(|c| c.query_row(&format!("SELECT {COLUMNS} FROM scan_jobs WHERE tenant = ?1 AND id = ?2"), [tenant, id], row).optional())
    }
}
