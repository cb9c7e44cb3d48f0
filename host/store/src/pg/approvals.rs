//! [`ApprovalStore`] on PostgreSQL. Resolving locks the request's row, so two approvers on
//! two replicas cannot both resolve it.

use super::PostgresStore;
use super::postgres::Row;
use crate::StoreError;
use crate::approvals::{Approval, ApprovalState, ApprovalStore, Decision, NewApproval, ResolveRefusal};

const COLUMNS: &str = "id, action_type, title, context, payload, requested_by, created_at, expires_at, status, resolved_by, resolved_at, comment";

fn row(r: &Row) -> Approval {
    row_at(r, 0)
}

fn row_at(r: &Row, o: usize) -> Approval {
    let json = |i: usize| serde_json::from_str(&r.get::<_, String>(o + i)).unwrap_or(serde_json::Value::Null);
    Approval {
        id: r.get(o),
        action_type: r.get(o + 1),
        title: r.get(o + 2),
        context: json(3),
        payload: json(4),
        requested_by: r.get(o + 5),
        created_at: r.get(o + 6),
        expires_at: r.get(o + 7),
        // States are checked on the way in; an unknown one (a newer sentra) reads as expired.
        status: ApprovalState::parse(&r.get::<_, String>(o + 8)).unwrap_or(ApprovalState::Expired),
        resolved_by: r.get(o + 9),
        resolved_at: r.get(o + 10),
        comment: r.get(o + 11),
    }
}

impl ApprovalStore for PostgresStore {
    fn create_approval(&self, new: &NewApproval) -> Result<Approval, StoreError> {
        let now = jiff::Timestamp::now();
        let fmt = |t: jiff::Timestamp| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let expires = now.checked_add(jiff::SignedDuration::from_secs(new.timeout_s as i64)).unwrap_or(now);
        self.with(|c| {
            let r = c.query_one(
                &format!(
                    "INSERT INTO approvals (tenant, action_type, title, context, payload, requested_by, created_at, expires_at, status)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending') RETURNING {COLUMNS}"
                ),
                &[&new.tenant, &new.action_type, &new.title, &new.context.to_string(), &new.payload.to_string(), &new.requested_by, &fmt(now), &fmt(expires)],
            )?;
            Ok(row(&r))
        })
    }

    fn get_approval(&self, tenant: &str, id: i64) -> Result<Option<Approval>, StoreError> {
        self.with(|c| Ok(c.query_opt(&format!("SELECT {COLUMNS} FROM approvals WHERE tenant = $1 AND id = $2"), &[&tenant, &id])?.as_ref().map(row)))
    }

    fn list_approvals(&self, tenant: &str, status: Option<ApprovalState>, action_type: Option<&str>) -> Result<Vec<Approval>, StoreError> {
        let status = status.map(ApprovalState::as_str);
        self.with(|c| {
            let sql = format!(
                "SELECT {COLUMNS} FROM approvals WHERE tenant = $1 AND ($2::TEXT IS NULL OR status = $2) AND ($3::TEXT IS NULL OR action_type = $3) ORDER BY id DESC"
            );
            Ok(c.query(&sql, &[&tenant, &status, &action_type])?.iter().map(row).collect())
        })
    }

    fn resolve_approval(&self, tenant: &str, id: i64, decision: Decision, by: &str, comment: &str) -> Result<Result<Approval, ResolveRefusal>, StoreError> {
        let now = crate::stamp();
        self.with(|c| {
            let mut tx = c.transaction()?;
            let current = tx.query_opt("SELECT status, expires_at FROM approvals WHERE tenant = $1 AND id = $2 FOR UPDATE", &[&tenant, &id])?;
            let Some(current) = current else { return Ok(Err(ResolveRefusal::NotFound)) };
            let (status, expires): (String, String) = (current.get(0), current.get(1));
            match ApprovalState::parse(&status) {
                // Past its time it is expired, whether or not anyone noticed yet.
                Some(ApprovalState::Pending) if expires.as_str() <= now.as_str() => {
                    return Ok(Err(ResolveRefusal::AlreadyResolved(ApprovalState::Expired)));
                }
                Some(ApprovalState::Pending) => {}
                other => return Ok(Err(ResolveRefusal::AlreadyResolved(other.unwrap_or(ApprovalState::Expired)))),
            }
            let r = tx.query_one(
                &format!(
                    "UPDATE approvals SET status = $3, resolved_by = $4, resolved_at = $5, comment = $6 WHERE tenant = $1 AND id = $2 RETURNING {COLUMNS}"
                ),
                &[&tenant, &id, &decision.state().as_str(), &by, &now, &comment],
            )?;
            tx.commit()?;
            Ok(Ok(row(&r)))
        })
    }

    fn expire_approvals(&self) -> Result<Vec<(String, Approval)>, StoreError> {
        let now = crate::stamp();
        self.with(|c| {
            // One statement: a request expires once, whichever replica's task gets there first.
            let rows = c.query(
                &format!("UPDATE approvals SET status = 'expired' WHERE status = 'pending' AND expires_at <= $1 RETURNING tenant, {COLUMNS}"),
                &[&now],
            )?;
            Ok(rows.iter().map(|r| (r.get(0), row_at(r, 1))).collect())
        })
    }

    fn purge_approvals(&self, tenant: &str, before: &str) -> Result<usize, StoreError> {
        self.with(|c| {
            c.execute("DELETE FROM approvals WHERE tenant = $1 AND status != 'pending' AND COALESCE(resolved_at, expires_at) < $2", &[&tenant, &before])
        })
        .map(|n| n as usize)
    }
}
