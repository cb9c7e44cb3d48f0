//! [`ScanJobStore`] on PostgreSQL: replicas claim jobs with `FOR UPDATE SKIP LOCKED`, so
//! two never take the same job and none waits for another's claim. Lease times are the
//! replicas' own clocks (keep them in step, as any lease needs).

use std::time::Duration;

use super::PostgresStore;
use super::postgres::Row;
use crate::StoreError;
use crate::scan_jobs::{
    ANY_WAITING, COLUMNS, FINISHED_KEPT, FINISHED_KEPT_PER_TENANT, JobOutcome, JobState, MAX_ATTEMPTS, MAX_PENDING_PER_TENANT, NEXT_JOB, PRUNE_FINISHED,
    ScanJob, ScanJobStore, give_up_message, new_id, now_ms,
};

fn row(r: &Row) -> ScanJob {
    ScanJob {
        id: r.get(0),
        tenant: r.get(1),
        request: r.get(2),
        status: JobState::parse(&r.get::<_, String>(3)),
        attempts: r.get(4),
        created_at: r.get(5),
        started_at: r.get(6),
        finished_at: r.get(7),
        error: r.get(8),
        result: r.get(9),
    }
}

impl ScanJobStore for PostgresStore {
    fn scan_waiting(&self) -> Result<bool, StoreError> {
        self.with(|c| c.query_one(ANY_WAITING, &[&now_ms()])).map(|r| r.get(0))
    }

    fn enqueue_scan(&self, tenant: &str, request: &str) -> Result<Option<ScanJob>, StoreError> {
        let (id, created, now) = (new_id(), crate::stamp(), now_ms());
        let cutoff = now - FINISHED_KEPT.as_millis() as i64;
        self.with(|c| {
            let mut tx = c.transaction()?;
            // Per tenant, one enqueue at a time: the bound holds across replicas.
            tx.execute("SELECT pg_advisory_xact_lock(hashtext('sentra.scan_jobs'), hashtext($1))", &[&tenant])?;
            tx.execute(PRUNE_FINISHED, &[&tenant, &cutoff, &(FINISHED_KEPT_PER_TENANT - 1)])?;
            let pending: i64 = tx.query_one("SELECT COUNT(*) FROM scan_jobs WHERE tenant = $1 AND status IN ('queued', 'running')", &[&tenant])?.get(0);
            if pending >= MAX_PENDING_PER_TENANT {
                return Ok(None);
            }
            let r = tx.query_one(
                &format!("INSERT INTO scan_jobs (id, tenant, request, status, attempts, created_at) VALUES ($1, $2, $3, 'queued', 0, $4) RETURNING {COLUMNS}"),
                &[&id, &tenant, &request, &created],
            )?;
            tx.commit()?;
            Ok(Some(row(&r)))
        })
    }

    fn claim_scan(&self, worker: &str, lease: Duration) -> Result<Option<ScanJob>, StoreError> {
        let (now, started) = (now_ms(), crate::stamp());
        let until = now + lease.as_millis() as i64;
        self.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute(
                "UPDATE scan_jobs SET status = 'failed', error = $3, finished_at = $4, finished_ms = $1, worker = NULL, request = ''
                 WHERE status = 'running' AND lease_until_ms < $1 AND attempts >= $2",
                &[&now, &MAX_ATTEMPTS, &give_up_message(), &started],
            )?;
            let r = tx.query_opt(
                &format!(
                    "UPDATE scan_jobs SET status = 'running', worker = $2, attempts = attempts + 1, lease_until_ms = $3, started_at = COALESCE(started_at, $4)
                     WHERE seq = ({NEXT_JOB} FOR UPDATE SKIP LOCKED)
                     RETURNING {COLUMNS}"
                ),
                &[&now, &worker, &until, &started],
            )?;
            tx.commit()?;
            Ok(r.as_ref().map(row))
        })
    }

    fn renew_scan_lease(&self, id: &str, worker: &str, lease: Duration) -> Result<bool, StoreError> {
        let until = now_ms() + lease.as_millis() as i64;
        self.with(|c| c.execute("UPDATE scan_jobs SET lease_until_ms = $3 WHERE id = $1 AND worker = $2 AND status = 'running'", &[&id, &worker, &until]))
            .map(|n| n == 1)
    }

    fn finish_scan(&self, id: &str, worker: &str, outcome: JobOutcome<'_>) -> Result<bool, StoreError> {
        let (status, result, error) = outcome.columns();
        self.with(|c| {
            c.execute(
                "UPDATE scan_jobs SET status = $3, result = $4, error = $5, finished_at = $6, finished_ms = $7, worker = NULL, request = ''
                 WHERE id = $1 AND worker = $2 AND status = 'running'",
                &[&id, &worker, &status, &result, &error, &crate::stamp(), &now_ms()],
            )
        })
        .map(|n| n == 1)
    }

    fn get_scan_job(&self, tenant: &str, id: &str) -> Result<Option<ScanJob>, StoreError> {
        self.with(|c| Ok(c.query_opt(&format!("SELECT {COLUMNS} FROM scan_jobs WHERE tenant = $1 AND id = $2"), &[&tenant, &id])?.as_ref().map(row)))
    }
}
