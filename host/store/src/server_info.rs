//! Facts about the server that uses this state directory (today: the workspace root it
//! serves), so the CLI acting on the same state finds the same config.
//!
//! [`ServerInfoStore`] is what the store does with them; its SQLite implementation is below.

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;

use crate::{SqliteStore, StoreError};

/// The `server_info` table (migration 8).
pub(crate) const MIGRATION: &str = "CREATE TABLE server_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

/// Facts about the server on this state directory.
pub trait ServerInfoStore {
    /// Records the workspace root a server serves from this state directory (its config
    /// file lives there), so the CLI acting on the same state changes the same config.
    fn set_server_root(&self, root: &Path) -> Result<(), StoreError>;
    /// The root the last server on this state directory served, if any did.
    fn server_root(&self) -> Result<Option<PathBuf>, StoreError>;
    /// A one-off fact (an upgrade step done, and when): `None` until recorded.
    fn fact(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Records a fact; `false` when it was already recorded (it is then left as it was).
    fn record_fact(&self, key: &str, value: &str) -> Result<bool, StoreError>;
    /// Takes the database's write lock and lets it go at once: whether a write could
    /// happen now (readiness checks).
    fn probe_write(&self) -> Result<(), StoreError>;
}

impl ServerInfoStore for SqliteStore {
    fn set_server_root(&self, root: &Path) -> Result<(), StoreError> {
        let value = root.to_string_lossy().into_owned();
        self.with(|c| c.execute("INSERT INTO server_info (key, value) VALUES ('root', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1", [value])).map(|_| ())
    }

    fn server_root(&self) -> Result<Option<PathBuf>, StoreError> {
        self.with(|c| c.query_row("SELECT value FROM server_info WHERE key = 'root'", [], |r| r.get::<_, String>(0)).optional()).map(|v| v.map(PathBuf::from))
    }

    fn fact(&self, key: &str) -> Result<Option<String>, StoreError> {
        let key = format!("fact:{key}");
        self.with(|c| c.query_row("SELECT value FROM server_info WHERE key = ?1", [key], |r| r.get(0)).optional())
    }

    fn probe_write(&self) -> Result<(), StoreError> {
        self.with(|c| c.execute_batch("BEGIN IMMEDIATE; ROLLBACK;"))
    }

    fn record_fact(&self, key: &str, value: &str) -> Result<bool, StoreError> {
        let key = format!("fact:{key}");
        self.with(|c| c.execute("INSERT INTO server_info (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING", [key.as_str(), value])).map(|n| n == 1)
    }
}
