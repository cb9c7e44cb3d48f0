//! What the server remembers: by default one SQLite database (`sentra.db`) in the state
//! directory (WAL mode so the CLI and a running server share it safely, a busy timeout
//! instead of "database is locked" errors, migrations versioned in code); or, for any
//! number of replicas, one PostgreSQL database ([`PostgresStore`], `--database-url`).
//!
//! Callers use the [`Storage`] trait, so a server-grade backend can replace SQLite
//! without touching them. [`Storage`] is the sum of one trait per aggregate ([`KeyStore`],
//! [`PackStore`], [`AuditStore`], [`ApprovalStore`], [`ScanStore`], [`ScanJobStore`], [`WorkItemStore`],
//! [`SuppressionStore`], [`ServerInfoStore`]), each declared in its aggregate's module
//! beside its SQL, its migration and its row mapping, so a backend can arrive one
//! aggregate at a time. Their methods need the traits in scope: `use sentra_store::prelude::*;`.

pub mod approvals;
pub mod audit;
#[cfg(test)]
mod conformance;
pub mod keys;
pub mod packs;
mod pg;
mod result_json;
pub mod scan_cache;
pub mod scan_jobs;
pub mod scans;
pub mod server_info;
pub mod settings;
pub mod suppressions;
#[cfg(test)]
pub(crate) mod testing;
pub mod work_items;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::Connection;

pub use approvals::{Approval, ApprovalState, ApprovalStore, Decision, NewApproval, ResolveRefusal};
pub use audit::{AuditEntry, AuditHead, AuditQuery, AuditStore, AuditVerification, NewAuditEntry};
pub use keys::{ApiKey, KeyStore, NewKey, Role};
pub use packs::{NewPack, PackKind, PackRecord, PackStore, valid_pack_id};
pub use pg::{CopyReport, PostgresStore, is_postgres_url};
pub use scan_cache::{SCAN_CACHE_FILE, ScanCacheDb};
pub use scan_jobs::{JobOutcome, JobState, ScanJob, ScanJobStore};
pub use scans::{FindingsFilter, FindingsPage, NewScan, ScanPick, ScanStore, ScanSummary};
pub use server_info::ServerInfoStore;
pub use settings::{SettingsScope, SettingsStore};
pub use suppressions::{SuppressionRecord, SuppressionStore};
pub use work_items::{LocalWorkItem, WorkItemDraft, WorkItemStore};

pub mod prelude {
    //! The aggregate traits, whose methods are callable only with them in scope:
    //! `use sentra_store::prelude::*;` lets code call the store's methods on a
    //! [`SqliteStore`](crate::SqliteStore) (on a `dyn Storage` they resolve without it).
    pub use crate::{ApprovalStore, AuditStore, KeyStore, PackStore, ScanJobStore, ScanStore, ServerInfoStore, SettingsStore, SuppressionStore, WorkItemStore};
}

/// The state directory under the workspace root when nothing overrides it.
pub const DEFAULT_STATE_DIR: &str = ".sentra";
/// Environment variable overriding the state directory (as `--state-dir` does).
pub const STATE_DIR_ENV: &str = "GUARD_STATE_DIR";
/// The database file inside the state directory.
pub const DATABASE_FILE: &str = "sentra.db";
/// How old an unreferenced pack file must be before opening the store removes it.
pub const ORPHAN_FILE_AGE: std::time::Duration = std::time::Duration::from_secs(3600);
/// Scans per tenant whose full result is kept (older ones keep their summary for trends).
pub const SCAN_RESULTS_KEPT: i64 = 200;
/// How long a write waits for another process's write before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The state directory: `explicit`, else `$GUARD_STATE_DIR`, else `<root>/.sentra`.
pub fn state_dir(root: &Path, explicit: Option<&Path>) -> PathBuf {
    match explicit {
        Some(p) => p.to_path_buf(),
        None => match std::env::var_os(STATE_DIR_ENV).filter(|v| !v.is_empty()) {
            Some(v) => PathBuf::from(v),
            None => root.join(DEFAULT_STATE_DIR),
        },
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot create the state directory: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Sqlite { path: PathBuf, source: rusqlite::Error },
    #[error("{path}: the database is at schema version {found}, newer than this sentra knows ({known}); upgrade sentra")]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("no API key `{0}` (give its id or name; see `sentra keys list`)")]
    NoSuchKey(String),
    #[error("`{0}` names more than one API key; give its id")]
    AmbiguousKey(String),
    #[error("an API key named `{0}` already exists")]
    DuplicateName(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("pack `{pack_id}`: its stored file {path} does not match its sha256 (changed on disk?)")]
    Corrupt { pack_id: String, path: PathBuf },
    #[error("pack `{pack_id}`: its stored bytes (sha256 {sha256}) are missing or do not match their sha256")]
    CorruptBlob { pack_id: String, sha256: String },
    /// Opening the database failed (at start): names it, never its password.
    #[error("PostgreSQL {target}: {message}")]
    Postgres { target: String, message: String },
    /// A call failed at run time: the database's own reason, without its address (the
    /// message may reach a tenant as a 500; the server log names the database).
    #[error("PostgreSQL: {message}")]
    PostgresCall { message: String },
    #[error("PostgreSQL {target}: the database is at schema version {found}, newer than this sentra knows ({known}); upgrade sentra")]
    TooNewPostgres { target: String, found: i64, known: i64 },
}

/// Environment variable naming the database (as `--database-url` does).
pub const DATABASE_URL_ENV: &str = "GUARD_DATABASE_URL";

/// Opens the store: PostgreSQL when `database_url` names one, else SQLite in `state_dir`.
pub fn open(database_url: Option<&str>, state_dir: &Path) -> Result<std::sync::Arc<dyn Storage>, StoreError> {
    match database_url.filter(|u| !u.is_empty()) {
        Some(url) => Ok(std::sync::Arc::new(PostgresStore::open(url)?)),
        None => Ok(std::sync::Arc::new(SqliteStore::open(state_dir)?)),
    }
}

/// Everything the server stores: [`SqliteStore`] or [`PostgresStore`]; every type
/// implementing all the aggregate traits is one.
pub trait Storage:
    KeyStore + PackStore + AuditStore + ApprovalStore + ScanStore + ScanJobStore + WorkItemStore + SuppressionStore + ServerInfoStore + SettingsStore + Send + Sync
{
}

impl<T> Storage for T where
    T: KeyStore
        + PackStore
        + AuditStore
        + ApprovalStore
        + ScanStore
        + ScanJobStore
        + WorkItemStore
        + SuppressionStore
        + ServerInfoStore
        + SettingsStore
        + Send
        + Sync
        + ?Sized
{
}

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Never
/// reorder or edit them: a state directory of an earlier release must still open.
const MIGRATIONS: &[&str] = &[
    keys::MIGRATION,
    packs::MIGRATION,
    audit::MIGRATION,
    scans::MIGRATION,
    suppressions::MIGRATION,
    approvals::MIGRATION,
    work_items::MIGRATION,
    server_info::MIGRATION,
    audit::HEADS_MIGRATION,
    settings::MIGRATION,
    scans::COMPLETE_MIGRATION,
    scans::FINDINGS_MIGRATION,
    scan_jobs::MIGRATION,
    packs::PROVENANCE_MIGRATION,
];

/// The SQLite store.
pub struct SqliteStore {
    dir: PathBuf,
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens (creating when needed) the database in `dir` and brings its schema up to date.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        create_private_dir(dir).map_err(|source| StoreError::CreateDir { path: dir.to_path_buf(), source })?;
        let path = dir.join(DATABASE_FILE);
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let mut conn = Connection::open(&path).map_err(sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        migrate(&mut conn).map_err(|e| match e {
            MigrateError::Sqlite(source) => StoreError::Sqlite { path: path.clone(), source },
            MigrateError::TooNew(found) => StoreError::TooNew { path: path.clone(), found, known: MIGRATIONS.len() as i64 },
        })?;
        let store = Self { dir: dir.to_path_buf(), path, conn: Mutex::new(conn) };
        store.sweep_pack_files(ORPHAN_FILE_AGE);
        Ok(store)
    }

    /// Deletes pack files no row refers to, and temporary files of interrupted imports,
    /// once they are older than `min_age`. A process killed between writing a pack file
    /// and committing its row (or in the middle of the write) leaves them; the age keeps
    /// the sweep away from an import another process is making right now. Best effort:
    /// a file that cannot be removed is left for the next open.
    pub fn sweep_pack_files(&self, min_age: std::time::Duration) -> usize {
        let Ok(referenced) = self.with(|c| {
            let mut stmt = c.prepare("SELECT file FROM packs WHERE file IS NOT NULL")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            rows.collect::<rusqlite::Result<std::collections::HashSet<String>>>()
        }) else {
            return 0;
        };
        let Ok(tenants) = std::fs::read_dir(self.dir.join("packs")) else { return 0 };
        let now = std::time::SystemTime::now();
        let mut removed = 0;
        for tenant in tenants.flatten().filter(|e| e.path().is_dir()) {
            let Ok(files) = std::fs::read_dir(tenant.path()) else { continue };
            for file in files.flatten() {
                let rel = format!("packs/{}/{}", tenant.file_name().to_string_lossy(), file.file_name().to_string_lossy());
                let old_enough = file.metadata().and_then(|m| m.modified()).is_ok_and(|t| now.duration_since(t).unwrap_or_default() >= min_age);
                if old_enough && !referenced.contains(&rel) && std::fs::remove_file(file.path()).is_ok() {
                    tracing::info!(file = %rel, "removed a pack file no pack refers to (left by an interrupted import)");
                    removed += 1;
                }
            }
        }
        removed
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let mut conn = self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut conn).map_err(|source| StoreError::Sqlite { path: self.path.clone(), source })
    }
}

enum MigrateError {
    Sqlite(rusqlite::Error),
    TooNew(i64),
}

fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(MigrateError::Sqlite)?;
    if version > MIGRATIONS.len() as i64 {
        return Err(MigrateError::TooNew(version));
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        // One transaction per step: a crash leaves the schema at a known version.
        let tx = conn.transaction().map_err(MigrateError::Sqlite)?;
        tx.execute_batch(step).map_err(MigrateError::Sqlite)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64).map_err(MigrateError::Sqlite)?;
        tx.commit().map_err(MigrateError::Sqlite)?;
    }
    Ok(())
}

/// The state directory holds key hashes and, later, audit data: owner-only on Unix.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// RFC 3339 to the second, UTC: how the store writes the times it shows.
pub(crate) fn stamp() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_left_by_interrupted_imports_are_swept_and_stored_packs_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let new = NewPack {
            tenant: "default".into(),
            pack_id: "kept".into(),
            kind: PackKind::Yaml,
            name: "kept".into(),
            version: "1".into(),
            description: String::new(),
            license: String::new(),
            rule_count: 0,
            signer: None,
            author: String::new(),
            enabled: true,
        };
        let record = store.put_pack(&new, b"pack_id: kept\nname: kept\nrules: []\n").unwrap();
        let packs = dir.path().join("packs/default");
        // What a kill leaves: a written file whose row never committed, a half-written one.
        std::fs::write(packs.join("orphan-0123456789abcdef.yaml"), "pack_id: orphan\n").unwrap();
        std::fs::write(packs.join(".import-1-0.tmp"), "pack_id: tor").unwrap();
        assert_eq!(store.sweep_pack_files(ORPHAN_FILE_AGE), 0, "young files are left alone: an import may be in flight");
        assert_eq!(store.sweep_pack_files(std::time::Duration::ZERO), 2);
        let left: Vec<String> = std::fs::read_dir(&packs).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(left.len(), 1, "{left:?}");
        assert_eq!(store.pack_bytes(&record).unwrap(), b"pack_id: kept\nname: kept\nrules: []\n");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        drop(SqliteStore::open(dir.path()).unwrap());
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let err = SqliteStore::open(dir.path()).unwrap_err().to_string();
        assert!(err.contains("schema version 99"), "{err}");
    }
}
