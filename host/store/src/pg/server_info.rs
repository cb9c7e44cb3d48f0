//! [`ServerInfoStore`] on PostgreSQL.

use std::path::{Path, PathBuf};

use super::PostgresStore;
use crate::StoreError;
use crate::server_info::ServerInfoStore;

impl ServerInfoStore for PostgresStore {
    fn set_server_root(&self, root: &Path) -> Result<(), StoreError> {
        let value = root.to_string_lossy().into_owned();
        self.with(|c| c.execute("INSERT INTO server_info (key, value) VALUES ('root', $1) ON CONFLICT (key) DO UPDATE SET value = $1", &[&value])).map(|_| ())
    }

    fn server_root(&self) -> Result<Option<PathBuf>, StoreError> {
        self.with(|c| Ok(c.query_opt("SELECT value FROM server_info WHERE key = 'root'", &[])?.map(|r| PathBuf::from(r.get::<_, String>(0)))))
    }

    fn fact(&self, key: &str) -> Result<Option<String>, StoreError> {
        let key = format!("fact:{key}");
        self.with(|c| Ok(c.query_opt("SELECT value FROM server_info WHERE key = $1", &[&key])?.map(|r| r.get(0))))
    }

    fn record_fact(&self, key: &str, value: &str) -> Result<bool, StoreError> {
        let key = format!("fact:{key}");
        self.with(|c| c.execute("INSERT INTO server_info (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", &[&key, &value])).map(|n| n == 1)
    }

    fn probe_write(&self) -> Result<(), StoreError> {
        // A write that is rolled back: fails on a read-only replica or a full disk.
        self.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute("UPDATE meta SET value = value WHERE key = 'packs_revision'", &[])?;
            tx.rollback()
        })
    }
}
