//! [`WorkItemStore`] on PostgreSQL. A tenant has one item per rule (reconcile keeps the
//! newest in step); a unique key makes two replicas' concurrent creates of one rule's item
//! one item, the later create updating it.

use super::PostgresStore;
use super::postgres::Row;
use crate::StoreError;
use crate::work_items::{LocalWorkItem, WorkItemDraft, WorkItemStore};

const COLUMNS: &str = "id, rule_id, title, description, acceptance_criteria, state, findings_key, findings_count, created_at, updated_at";

fn row(r: &Row) -> LocalWorkItem {
    LocalWorkItem {
        id: r.get(0),
        rule_id: r.get(1),
        title: r.get(2),
        description: r.get(3),
        acceptance_criteria: serde_json::from_str(&r.get::<_, String>(4)).unwrap_or_default(),
        state: r.get(5),
        findings_key: r.get(6),
        findings_count: r.get::<_, i64>(7) as usize,
        created_at: r.get(8),
        updated_at: r.get(9),
    }
}

fn criteria(d: &WorkItemDraft) -> String {
    serde_json::to_string(&d.acceptance_criteria).unwrap_or_else(|_| "[]".into())
}

impl WorkItemStore for PostgresStore {
    fn list_work_items(&self, tenant: &str) -> Result<Vec<LocalWorkItem>, StoreError> {
        self.with(|c| Ok(c.query(&format!("SELECT {COLUMNS} FROM work_items WHERE tenant = $1 ORDER BY id"), &[&tenant])?.iter().map(row).collect()))
    }

    fn create_work_item(&self, tenant: &str, d: &WorkItemDraft) -> Result<LocalWorkItem, StoreError> {
        let now = crate::stamp();
        self.with(|c| {
            let r = c.query_one(
                &format!(
                    "INSERT INTO work_items (tenant, rule_id, title, description, acceptance_criteria, state, findings_key, findings_count, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $8)
                     ON CONFLICT (tenant, rule_id) DO UPDATE SET title = excluded.title, description = excluded.description,
                       acceptance_criteria = excluded.acceptance_criteria, findings_key = excluded.findings_key,
                       findings_count = excluded.findings_count, state = 'active', updated_at = excluded.updated_at
                     RETURNING {COLUMNS}"
                ),
                &[&tenant, &d.rule_id, &d.title, &d.description, &criteria(d), &d.findings_key, &(d.findings_count as i64), &now],
            )?;
            Ok(row(&r))
        })
    }

    fn update_work_item(&self, tenant: &str, id: i64, d: Option<&WorkItemDraft>, state: &str) -> Result<Option<LocalWorkItem>, StoreError> {
        let now = crate::stamp();
        self.with(|c| {
            let r = match d {
                Some(d) => c.query_opt(
                    &format!(
                        "UPDATE work_items SET title = $3, description = $4, acceptance_criteria = $5, findings_key = $6, findings_count = $7, state = $8, updated_at = $9
                         WHERE tenant = $1 AND id = $2 RETURNING {COLUMNS}"
                    ),
                    &[&tenant, &id, &d.title, &d.description, &criteria(d), &d.findings_key, &(d.findings_count as i64), &state, &now],
                )?,
                None => c.query_opt(
                    &format!("UPDATE work_items SET state = $3, updated_at = $4 WHERE tenant = $1 AND id = $2 RETURNING {COLUMNS}"),
                    &[&tenant, &id, &state, &now],
                )?,
            };
            Ok(r.as_ref().map(row))
        })
    }

    fn record_reconcile(&self, tenant: &str, provider: &str, summary: &serde_json::Value) -> Result<(), StoreError> {
        let now = crate::stamp();
        self.with(|c| {
            c.execute("INSERT INTO reconcile_runs (tenant, at, provider, summary) VALUES ($1, $2, $3, $4)", &[&tenant, &now, &provider, &summary.to_string()])
        })
        .map(|_| ())
    }

    fn last_reconcile(&self, tenant: &str) -> Result<Option<(String, String, serde_json::Value)>, StoreError> {
        self.with(|c| {
            Ok(c.query_opt("SELECT at, provider, summary FROM reconcile_runs WHERE tenant = $1 ORDER BY id DESC LIMIT 1", &[&tenant])?.map(|r| {
                let s: String = r.get(2);
                (r.get(0), r.get(1), serde_json::from_str(&s).unwrap_or(serde_json::Value::Null))
            }))
        })
    }
}
