//! Approval requests: a human in the loop where governance asks for one. A request is
//! pending until someone with an approver role resolves it, or until it expires (checked
//! on every read and by the server's background task).

use serde::Serialize;

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
    /// `pending`, `approved`, `rejected` or `expired`.
    pub status: String,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
    pub comment: Option<String>,
}

pub(crate) const COLUMNS: &str =
    "id, action_type, title, context, payload, requested_by, created_at, expires_at, status, resolved_by, resolved_at, comment";

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
    AlreadyResolved(String),
}
