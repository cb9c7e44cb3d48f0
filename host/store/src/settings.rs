//! Stored settings: each tenant's own settings, and the operator's changes made with an
//! operator key, as JSON documents (the config file's shape). Every write bumps one
//! revision, so a server knows when the settings it derived from them are stale.
//!
//! [`SettingsStore`] is what the store does with them; its SQLite implementation is below.

use rusqlite::{OptionalExtension, params};
use serde_json::Value;

use crate::{SqliteStore, StoreError};

/// The `settings` table and its revision counter (migration 10). The operator's row has
/// scope `operator` and an empty tenant; a tenant's has scope `tenant`.
pub(crate) const MIGRATION: &str = "CREATE TABLE settings (
        scope TEXT NOT NULL CHECK (scope IN ('operator', 'tenant')),
        tenant TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (scope, tenant)
    );
    INSERT INTO meta (key, value) VALUES ('settings_revision', 0);";

/// Whose settings a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsScope<'a> {
    /// The operator's changes over the server's config file.
    Operator,
    /// One tenant's own settings.
    Tenant(&'a str),
}

impl SettingsScope<'_> {
    pub(crate) fn key(&self) -> (&'static str, &str) {
        match self {
            SettingsScope::Operator => ("operator", ""),
            SettingsScope::Tenant(t) => ("tenant", t),
        }
    }
}

/// Stored settings documents.
pub trait SettingsStore {
    /// Bumped by every settings write.
    fn settings_revision(&self) -> Result<i64, StoreError>;
    /// The stored document of `scope`, if one was ever written.
    fn settings(&self, scope: SettingsScope<'_>) -> Result<Option<Value>, StoreError>;
    /// Replaces the stored document of `scope`.
    fn set_settings(&self, scope: SettingsScope<'_>, body: &Value) -> Result<(), StoreError>;
    /// Tenants that have stored settings, sorted.
    fn tenants_with_settings(&self) -> Result<Vec<String>, StoreError>;
    /// Every tenant the state knows of (keys, packs, settings, audit), sorted: whose audit
    /// chains an operator change is recorded in.
    fn known_tenants(&self) -> Result<Vec<String>, StoreError>;
}

impl SettingsStore for SqliteStore {
    fn settings_revision(&self) -> Result<i64, StoreError> {
        self.with(|c| c.query_row("SELECT value FROM meta WHERE key = 'settings_revision'", [], |r| r.get(0)))
    }

    fn settings(&self, scope: SettingsScope<'_>) -> Result<Option<Value>, StoreError> {
        let (kind, tenant) = scope.key();
        let text = self
            .with(|c| c.query_row("SELECT body FROM settings WHERE scope = ?1 AND tenant = ?2", params![kind, tenant], |r| r.get::<_, String>(0)).optional())?;
        text.map(|t| serde_json::from_str(&t).map_err(|e| StoreError::Invalid(format!("stored {kind} settings {tenant}: {e}")))).transpose()
    }

    fn set_settings(&self, scope: SettingsScope<'_>, body: &Value) -> Result<(), StoreError> {
        let (kind, tenant) = scope.key();
        let text = body.to_string();
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO settings (scope, tenant, body, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(scope, tenant) DO UPDATE SET body = ?3, updated_at = ?4",
                params![kind, tenant, text, crate::now()],
            )?;
            tx.execute("UPDATE meta SET value = value + 1 WHERE key = 'settings_revision'", [])?;
            tx.commit()
        })
    }

    fn tenants_with_settings(&self) -> Result<Vec<String>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare("SELECT tenant FROM settings WHERE scope = 'tenant' ORDER BY tenant")?;
            stmt.query_map([], |r| r.get(0))?.collect()
        })
    }

    fn known_tenants(&self) -> Result<Vec<String>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT tenant FROM api_keys UNION SELECT tenant FROM packs UNION SELECT tenant FROM audit
                 UNION SELECT tenant FROM settings WHERE scope = 'tenant' ORDER BY 1",
            )?;
            stmt.query_map([], |r| r.get(0))?.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documents_are_kept_per_scope_and_each_write_bumps_the_revision() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let r0 = store.settings_revision().unwrap();
        assert_eq!(store.settings(SettingsScope::Tenant("acme")).unwrap(), None);
        store.set_settings(SettingsScope::Tenant("acme"), &json!({"gate_fail_on": ["low"]})).unwrap();
        store.set_settings(SettingsScope::Operator, &json!({"max_file_bytes": 10})).unwrap();
        store.set_settings(SettingsScope::Tenant("acme"), &json!({"gate_fail_on": ["info"]})).unwrap();
        assert_eq!(store.settings_revision().unwrap(), r0 + 3);
        assert_eq!(store.settings(SettingsScope::Tenant("acme")).unwrap(), Some(json!({"gate_fail_on": ["info"]})));
        assert_eq!(store.settings(SettingsScope::Tenant("beta")).unwrap(), None);
        assert_eq!(store.settings(SettingsScope::Operator).unwrap(), Some(json!({"max_file_bytes": 10})));
        assert_eq!(store.tenants_with_settings().unwrap(), vec!["acme".to_string()]);
        assert_eq!(store.known_tenants().unwrap(), vec!["acme".to_string()]);
    }
}
