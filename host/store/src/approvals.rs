//! Approval requests: a human in the loop where governance asks for one. A request is
//! pending until someone with an approver role resolves it, or until it expires (checked
//! on every read and by the server's background task).
//!
//! [`ApprovalStore`] is what the store does with requests; its SQLite implementation is below.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::{SqliteStore, StoreError};

/// Where a request stands. Stored and served as its lowercase name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ApprovalState {
    Pending,
    Approved,
    Rejected,
    Expired,
}

impl ApprovalState {
    pub const ALL: [ApprovalState; 4] = [ApprovalState::Pending, ApprovalState::Approved, ApprovalState::Rejected, ApprovalState::Expired];

    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalState::Pending => "pending",
            ApprovalState::Approved => "approved",
            ApprovalState::Rejected => "rejected",
            ApprovalState::Expired => "expired",
        }
    }

    /// The state named `s` exactly (lowercase).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl std::fmt::Display for ApprovalState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl rusqlite::types::FromSql for ApprovalState {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = value.as_str()?;
        Self::parse(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("`{s}` is not an approval state").into()))
    }
}

/// How a person resolves a pending request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    /// The state a request takes when resolved this way.
    pub fn state(self) -> ApprovalState {
        match self {
            Decision::Approve => ApprovalState::Approved,
            Decision::Reject => ApprovalState::Rejected,
        }
    }
}

/// The `approvals` table (migration 6).
pub(crate) const MIGRATION: &str = "CREATE TABLE approvals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL,
        action_type TEXT NOT NULL,
        title TEXT NOT NULL,
        context TEXT NOT NULL,
        payload TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        status TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT,
        comment TEXT
    );
    CREATE INDEX approvals_tenant ON approvals(tenant, id);";

/// What a request carries.
#[derive(Clone, Debug)]
pub struct NewApproval {
    pub tenant: String,
    /// `gate_failure`, `config_change`, `pack_import`, or a caller's own type.
    pub action_type: String,
    pub title: String,
    pub context: serde_json::Value,
    /// What approving it applies (a config change), or what it matches (a gate's findings).
    pub payload: serde_json::Value,
    pub requested_by: String,
    /// Seconds until it expires.
    pub timeout_s: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Approval {
    pub id: i64,
    pub action_type: String,
    pub title: String,
    #[schema(value_type = Object)]
    pub context: serde_json::Value,
    #[serde(skip)]
    pub payload: serde_json::Value,
    pub requested_by: String,
    pub created_at: String,
    pub expires_at: String,
    pub status: ApprovalState,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
    pub comment: Option<String>,
}

pub(crate) const COLUMNS: &str = "id, action_type, title, context, payload, requested_by, created_at, expires_at, status, resolved_by, resolved_at, comment";

pub(crate) fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Approval> {
    row_at(r, 0)
}

/// The approval whose columns start at index `o` of the row.
pub(crate) fn row_at(r: &rusqlite::Row<'_>, o: usize) -> rusqlite::Result<Approval> {
    let json = |i: usize| -> rusqlite::Result<serde_json::Value> {
        let s: String = r.get(o + i)?;
        Ok(serde_json::from_str(&s).unwrap_or(serde_json::Value::Null))
    };
    Ok(Approval {
        id: r.get(o)?,
        action_type: r.get(o + 1)?,
        title: r.get(o + 2)?,
        context: json(3)?,
        payload: json(4)?,
        requested_by: r.get(o + 5)?,
        created_at: r.get(o + 6)?,
        expires_at: r.get(o + 7)?,
        status: r.get(o + 8)?,
        resolved_by: r.get(o + 9)?,
        resolved_at: r.get(o + 10)?,
        comment: r.get(o + 11)?,
    })
}

/// Why a resolution was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ResolveRefusal {
    NotFound,
    /// Already approved, rejected or expired.
    AlreadyResolved(ApprovalState),
}

/// Approval requests.
pub trait ApprovalStore {
    /// Opens an approval request.
    fn create_approval(&self, new: &NewApproval) -> Result<Approval, StoreError>;
    /// One of a tenant's requests (expiry applied first).
    fn get_approval(&self, tenant: &str, id: i64) -> Result<Option<Approval>, StoreError>;
    /// A tenant's requests, newest first, optionally by status and type (expiry applied first).
    fn list_approvals(&self, tenant: &str, status: Option<ApprovalState>, action_type: Option<&str>) -> Result<Vec<Approval>, StoreError>;
    /// Approves or rejects a pending request, atomically.
    fn resolve_approval(&self, tenant: &str, id: i64, decision: Decision, by: &str, comment: &str) -> Result<Result<Approval, ResolveRefusal>, StoreError>;
    /// Marks every pending request past its time as expired; returns them.
    fn expire_approvals(&self) -> Result<Vec<(String, Approval)>, StoreError>;
    /// Deletes `tenant`'s resolved and expired requests that ended before `before`
    /// (RFC 3339, UTC); their audit entries stay. Returns how many went.
    fn purge_approvals(&self, tenant: &str, before: &str) -> Result<usize, StoreError>;
}

impl ApprovalStore for SqliteStore {
    fn create_approval(&self, new: &NewApproval) -> Result<Approval, StoreError> {
        let now = jiff::Timestamp::now();
        let fmt = |t: jiff::Timestamp| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let expires = now.checked_add(jiff::SignedDuration::from_secs(new.timeout_s as i64)).unwrap_or(now);
        let id = self.with(|c| {
            c.execute(
                "INSERT INTO approvals (tenant, action_type, title, context, payload, requested_by, created_at, expires_at, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending')",
                params![new.tenant, new.action_type, new.title, new.context.to_string(), new.payload.to_string(), new.requested_by, fmt(now), fmt(expires)],
            )?;
            Ok(c.last_insert_rowid())
        })?;
        Ok(self.get_approval(&new.tenant, id)?.expect("the request was just stored"))
    }

    fn get_approval(&self, tenant: &str, id: i64) -> Result<Option<Approval>, StoreError> {
        self.with(|c| c.query_row(&format!("SELECT {COLUMNS} FROM approvals WHERE tenant = ?1 AND id = ?2"), params![tenant, id], row).optional())
    }

    fn list_approvals(&self, tenant: &str, status: Option<ApprovalState>, action_type: Option<&str>) -> Result<Vec<Approval>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {COLUMNS} FROM approvals WHERE tenant = ?1 AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR action_type = ?3) ORDER BY id DESC"
            ))?;
            stmt.query_map(params![tenant, status.map(ApprovalState::as_str), action_type], row)?.collect()
        })
    }

    fn resolve_approval(&self, tenant: &str, id: i64, decision: Decision, by: &str, comment: &str) -> Result<Result<Approval, ResolveRefusal>, StoreError> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let current: Option<(ApprovalState, String)> = tx
                .query_row("SELECT status, expires_at FROM approvals WHERE tenant = ?1 AND id = ?2", params![tenant, id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match current {
                None => return Ok(Err(ResolveRefusal::NotFound)),
                // Past its time it is expired, whether or not anyone noticed yet.
                Some((ApprovalState::Pending, expires)) if expires.as_str() <= now.as_str() => {
                    return Ok(Err(ResolveRefusal::AlreadyResolved(ApprovalState::Expired)));
                }
                Some((ApprovalState::Pending, _)) => {}
                Some((other, _)) => return Ok(Err(ResolveRefusal::AlreadyResolved(other))),
            }
            tx.execute(
                "UPDATE approvals SET status = ?3, resolved_by = ?4, resolved_at = ?5, comment = ?6 WHERE tenant = ?1 AND id = ?2",
                params![tenant, id, decision.state().as_str(), by, now, comment],
            )?;
            let a = tx.query_row(&format!("SELECT {COLUMNS} FROM approvals WHERE id = ?1"), [id], row)?;
            tx.commit()?;
            Ok(Ok(a))
        })
    }

    fn purge_approvals(&self, tenant: &str, before: &str) -> Result<usize, StoreError> {
        self.with(|c| {
            c.execute(
                "DELETE FROM approvals WHERE tenant = ?1 AND status != 'pending' AND COALESCE(resolved_at, expires_at) < ?2",
                rusqlite::params![tenant, before],
            )
        })
    }

    fn expire_approvals(&self) -> Result<Vec<(String, Approval)>, StoreError> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let expired: Vec<(String, Approval)> = {
                let mut stmt = tx.prepare(&format!(
                    "SELECT tenant, {} FROM approvals WHERE status = 'pending' AND expires_at <= ?1",
                    COLUMNS.split(", ").map(|c| format!("approvals.{c}")).collect::<Vec<_>>().join(", ")
                ))?;
                stmt.query_map([&now], |r| {
                    let tenant: String = r.get(0)?;
                    // The row's columns start at index 1.
                    let a = row_at(r, 1)?;
                    Ok((tenant, a))
                })?
                .collect::<rusqlite::Result<_>>()?
            };
            if !expired.is_empty() {
                tx.execute("UPDATE approvals SET status = 'expired' WHERE status = 'pending' AND expires_at <= ?1", [&now])?;
            }
            tx.commit()?;
            Ok(expired
                .into_iter()
                .map(|(t, mut a)| {
                    a.status = ApprovalState::Expired;
                    (t, a)
                })
                .collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purging_deletes_only_ended_requests_of_the_tenant_before_the_cutoff() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let new = |tenant: &str| NewApproval {
            tenant: tenant.into(),
            action_type: "deploy".into(),
            title: "t".into(),
            context: serde_json::json!({}),
            payload: serde_json::json!({}),
            requested_by: "a".into(),
            timeout_s: 3600,
        };
        let done = store.create_approval(&new("t")).unwrap();
        store.resolve_approval("t", done.id, Decision::Reject, "b", "no").unwrap().unwrap();
        let pending = store.create_approval(&new("t")).unwrap();
        let other = store.create_approval(&new("u")).unwrap();
        store.resolve_approval("u", other.id, Decision::Reject, "b", "no").unwrap().unwrap();
        assert_eq!(store.purge_approvals("t", "2000-01-01T00:00:00Z").unwrap(), 0, "nothing ended before the cutoff");
        assert_eq!(store.purge_approvals("t", "2999-01-01T00:00:00Z").unwrap(), 1);
        assert!(store.get_approval("t", done.id).unwrap().is_none());
        assert!(store.get_approval("t", pending.id).unwrap().is_some(), "pending requests stay");
        assert!(store.get_approval("u", other.id).unwrap().is_some(), "other tenants' stay");
    }
}
