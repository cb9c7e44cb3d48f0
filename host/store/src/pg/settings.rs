//! [`SettingsStore`] on PostgreSQL.

use serde_json::Value;

use super::PostgresStore;
use crate::StoreError;
use crate::settings::{SettingsScope, SettingsStore};

impl SettingsStore for PostgresStore {
    fn settings_revision(&self) -> Result<i64, StoreError> {
        self.with(|c| c.query_one("SELECT value FROM meta WHERE key = 'settings_revision'", &[])).map(|r| r.get(0))
    }

    fn settings(&self, scope: SettingsScope<'_>) -> Result<Option<Value>, StoreError> {
        let (kind, tenant) = scope.key();
        let text: Option<String> =
            self.with(|c| Ok(c.query_opt("SELECT body FROM settings WHERE scope = $1 AND tenant = $2", &[&kind, &tenant])?.map(|r| r.get(0))))?;
        text.map(|t| serde_json::from_str(&t).map_err(|e| StoreError::Invalid(format!("stored {kind} settings {tenant}: {e}")))).transpose()
    }

    fn set_settings(&self, scope: SettingsScope<'_>, body: &Value) -> Result<(), StoreError> {
        let (kind, tenant) = scope.key();
        let text = body.to_string();
        self.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute(
                "INSERT INTO settings (scope, tenant, body, updated_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (scope, tenant) DO UPDATE SET body = $3, updated_at = $4",
                &[&kind, &tenant, &text, &crate::now()],
            )?;
            tx.execute("UPDATE meta SET value = value + 1 WHERE key = 'settings_revision'", &[])?;
            tx.commit()
        })
    }

    fn tenants_with_settings(&self) -> Result<Vec<String>, StoreError> {
        self.with(|c| Ok(c.query("SELECT tenant FROM settings WHERE scope = 'tenant' ORDER BY tenant", &[])?.iter().map(|r| r.get(0)).collect()))
    }

    fn known_tenants(&self) -> Result<Vec<String>, StoreError> {
        self.with(|c| {
            let rows = c.query(
                "SELECT tenant FROM api_keys UNION SELECT tenant FROM packs UNION SELECT tenant FROM audit
                 UNION SELECT tenant FROM settings WHERE scope = 'tenant' ORDER BY 1",
                &[],
            )?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }
}
