//! [`SuppressionStore`] on PostgreSQL.

use super::PostgresStore;
use crate::StoreError;
use crate::suppressions::{SuppressionRecord, SuppressionStore};

impl SuppressionStore for PostgresStore {
    fn list_suppressions(&self, tenant: &str) -> Result<Vec<SuppressionRecord>, StoreError> {
        self.with(|c| {
            let rows = c.query(
                "SELECT id, rule_id, file_pattern, reason, expires, created_by, created_at FROM suppressions WHERE tenant = $1 ORDER BY created_at, id",
                &[&tenant],
            )?;
            Ok(rows
                .iter()
                .map(|r| SuppressionRecord {
                    id: r.get(0),
                    rule_id: r.get(1),
                    file_pattern: r.get(2),
                    reason: r.get(3),
                    expires: r.get(4),
                    created_by: r.get(5),
                    created_at: r.get(6),
                })
                .collect())
        })
    }

    fn add_suppression(&self, tenant: &str, s: &SuppressionRecord) -> Result<Option<SuppressionRecord>, StoreError> {
        let record = crate::suppressions::new_record(s);
        let inserted = self.with(|c| {
            c.execute(
                "INSERT INTO suppressions (id, tenant, rule_id, file_pattern, reason, expires, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT DO NOTHING",
                &[&record.id, &tenant, &record.rule_id, &record.file_pattern, &record.reason, &record.expires, &record.created_by, &record.created_at],
            )
        })?;
        Ok((inserted == 1).then_some(record))
    }

    fn delete_suppression(&self, tenant: &str, id: &str) -> Result<bool, StoreError> {
        self.with(|c| c.execute("DELETE FROM suppressions WHERE tenant = $1 AND id = $2", &[&tenant, &id])).map(|n| n > 0)
    }
}
