//! Work items of the built-in (`local`) DevOps provider, and the summaries of reconcile
//! runs (of any provider).
//!
//! [`WorkItemStore`] is what the store does with them; its SQLite implementation is below.

use rusqlite::{OptionalExtension, params};

use crate::{SqliteStore, StoreError};

/// The `work_items` and `reconcile_runs` tables (migration 7).
pub(crate) const MIGRATION: &str = "CREATE TABLE work_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        acceptance_criteria TEXT NOT NULL,
        state TEXT NOT NULL,
        findings_key TEXT NOT NULL,
        findings_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX work_items_tenant ON work_items(tenant, rule_id);
    CREATE TABLE reconcile_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL,
        at TEXT NOT NULL,
        provider TEXT NOT NULL,
        summary TEXT NOT NULL
    );";

/// A work item of the built-in (`local`) provider.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LocalWorkItem {
    pub id: i64,
    pub rule_id: String,
    pub title: String,
    pub description: String,
    pub acceptance_criteria: Vec<String>,
    /// `active` or `closed`.
    pub state: String,
    /// Identifies the findings the item was last written for.
    pub findings_key: String,
    pub findings_count: usize,
    pub created_at: String,
    pub updated_at: String,
}

/// What a work item says.
#[derive(Clone, Debug)]
pub struct WorkItemDraft {
    pub rule_id: String,
    pub title: String,
    pub description: String,
    pub acceptance_criteria: Vec<String>,
    pub findings_key: String,
    pub findings_count: usize,
}

/// Work items of the local provider, and reconcile runs.
pub trait WorkItemStore {
    /// The local provider's work items of a tenant, oldest first.
    fn list_work_items(&self, tenant: &str) -> Result<Vec<LocalWorkItem>, StoreError>;
    /// Creates an active item.
    fn create_work_item(&self, tenant: &str, draft: &WorkItemDraft) -> Result<LocalWorkItem, StoreError>;
    /// Rewrites an item's content and sets its state.
    fn update_work_item(&self, tenant: &str, id: i64, draft: Option<&WorkItemDraft>, state: &str) -> Result<Option<LocalWorkItem>, StoreError>;
    /// Records a reconcile run's summary.
    fn record_reconcile(&self, tenant: &str, provider: &str, summary: &serde_json::Value) -> Result<(), StoreError>;
    /// The latest reconcile run: (time, provider, summary).
    fn last_reconcile(&self, tenant: &str) -> Result<Option<(String, String, serde_json::Value)>, StoreError>;
}

impl WorkItemStore for SqliteStore {
    fn list_work_items(&self, tenant: &str) -> Result<Vec<LocalWorkItem>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT id, rule_id, title, description, acceptance_criteria, state, findings_key, findings_count, created_at, updated_at
                 FROM work_items WHERE tenant = ?1 ORDER BY id",
            )?;
            stmt.query_map([tenant], row)?.collect()
        })
    }

    fn create_work_item(&self, tenant: &str, d: &WorkItemDraft) -> Result<LocalWorkItem, StoreError> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let criteria = serde_json::to_string(&d.acceptance_criteria).unwrap_or_else(|_| "[]".into());
        let id = self.with(|c| {
            c.execute(
                "INSERT INTO work_items (tenant, rule_id, title, description, acceptance_criteria, state, findings_key, findings_count, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, ?7, ?8, ?8)",
                params![tenant, d.rule_id, d.title, d.description, criteria, d.findings_key, d.findings_count as i64, now],
            )?;
            Ok(c.last_insert_rowid())
        })?;
        Ok(self.list_work_items(tenant)?.into_iter().find(|w| w.id == id).expect("the item was just stored"))
    }

    fn update_work_item(&self, tenant: &str, id: i64, d: Option<&WorkItemDraft>, state: &str) -> Result<Option<LocalWorkItem>, StoreError> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let n = self.with(|c| match d {
            Some(d) => c.execute(
                "UPDATE work_items SET title = ?3, description = ?4, acceptance_criteria = ?5, findings_key = ?6, findings_count = ?7, state = ?8, updated_at = ?9
                 WHERE tenant = ?1 AND id = ?2",
                params![
                    tenant,
                    id,
                    d.title,
                    d.description,
                    serde_json::to_string(&d.acceptance_criteria).unwrap_or_else(|_| "[]".into()),
                    d.findings_key,
                    d.findings_count as i64,
                    state,
                    now
                ],
            ),
            None => c.execute("UPDATE work_items SET state = ?3, updated_at = ?4 WHERE tenant = ?1 AND id = ?2", params![tenant, id, state, now]),
        })?;
        if n == 0 {
            return Ok(None);
        }
        Ok(self.list_work_items(tenant)?.into_iter().find(|w| w.id == id))
    }

    fn record_reconcile(&self, tenant: &str, provider: &str, summary: &serde_json::Value) -> Result<(), StoreError> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        self.with(|c| {
            c.execute("INSERT INTO reconcile_runs (tenant, at, provider, summary) VALUES (?1, ?2, ?3, ?4)", params![tenant, now, provider, summary.to_string()])
                .map(|_| ())
        })
    }

    fn last_reconcile(&self, tenant: &str) -> Result<Option<(String, String, serde_json::Value)>, StoreError> {
        self.with(|c| {
            c.query_row("SELECT at, provider, summary FROM reconcile_runs WHERE tenant = ?1 ORDER BY id DESC LIMIT 1", [tenant], |r| {
                let s: String = r.get(2)?;
                Ok((r.get(0)?, r.get(1)?, serde_json::from_str(&s).unwrap_or(serde_json::Value::Null)))
            })
            .optional()
        })
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LocalWorkItem> {
    let criteria: String = r.get(4)?;
    Ok(LocalWorkItem {
        id: r.get(0)?,
        rule_id: r.get(1)?,
        title: r.get(2)?,
        description: r.get(3)?,
        acceptance_criteria: serde_json::from_str(&criteria).unwrap_or_default(),
        state: r.get(5)?,
        findings_key: r.get(6)?,
        findings_count: r.get::<_, i64>(7)? as usize,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}
