//! What the server remembers, in one SQLite database (`sentra.db`) in the state
//! directory: WAL mode so the CLI and a running server share it safely, a busy timeout
//! instead of "database is locked" errors, and migrations versioned in code.
//!
//! Callers use the [`Storage`] trait, so a server-grade backend can replace SQLite
//! without touching them.

pub mod keys;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

pub use keys::{ApiKey, NewKey, Role};

/// The state directory under the workspace root when nothing overrides it.
pub const DEFAULT_STATE_DIR: &str = ".sentra";
/// Environment variable overriding the state directory (as `--state-dir` does).
pub const STATE_DIR_ENV: &str = "GUARD_STATE_DIR";
/// The database file inside the state directory.
pub const DATABASE_FILE: &str = "sentra.db";
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
}

/// Everything the server stores. One implementation today ([`SqliteStore`]).
pub trait Storage: Send + Sync {
    /// Creates a key; the secret is in the result and nowhere else.
    fn create_key(&self, new: &NewKey) -> Result<(ApiKey, String), StoreError>;
    /// All keys, revoked ones too, oldest first.
    fn list_keys(&self) -> Result<Vec<ApiKey>, StoreError>;
    /// Revokes a key by id or (unique) name; revoking twice is not an error.
    fn revoke_key(&self, id_or_name: &str) -> Result<ApiKey, StoreError>;
    /// The active key with this secret, if any.
    fn authenticate(&self, secret: &str) -> Result<Option<ApiKey>, StoreError>;
    /// How many keys are active.
    fn active_key_count(&self) -> Result<usize, StoreError>;
}

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &["CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        tenant TEXT NOT NULL,
        secret_sha256 TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
    );
    CREATE INDEX api_keys_name ON api_keys(name);"];

/// The SQLite store.
pub struct SqliteStore {
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
        Ok(Self { path, conn: Mutex::new(conn) })
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

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

const KEY_COLUMNS: &str = "id, name, role, tenant, created_at, revoked_at";

fn key_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKey> {
    let role: String = r.get(2)?;
    Ok(ApiKey {
        id: r.get(0)?,
        name: r.get(1)?,
        // Roles are checked on the way in; an unknown one (a newer sentra wrote it) gets no rights.
        role: role.parse().unwrap_or(Role::Viewer),
        tenant: r.get(3)?,
        created_at: keys::format_time(r.get(4)?),
        revoked_at: r.get::<_, Option<i64>>(5)?.map(keys::format_time),
    })
}

impl Storage for SqliteStore {
    fn create_key(&self, new: &NewKey) -> Result<(ApiKey, String), StoreError> {
        new.validate()?;
        let (id, secret) = keys::generate();
        let hash = keys::hash_secret(&secret);
        let name = new.name.clone().unwrap_or_else(|| format!("{}-{id}", new.role));
        let created = now();
        let inserted = self.with(|c| {
            let tx = c.transaction()?;
            let taken: Option<String> =
                tx.query_row("SELECT id FROM api_keys WHERE name = ?1 AND revoked_at IS NULL", [&name], |r| r.get(0)).optional()?;
            if taken.is_some() {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO api_keys (id, name, role, tenant, secret_sha256, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, name, new.role.as_str(), new.tenant, hash, created],
            )?;
            tx.commit()?;
            Ok(true)
        })?;
        if !inserted {
            return Err(StoreError::DuplicateName(name));
        }
        let key = ApiKey {
            id,
            name,
            role: new.role,
            tenant: new.tenant.clone(),
            created_at: keys::format_time(created),
            revoked_at: None,
        };
        Ok((key, secret))
    }

    fn list_keys(&self) -> Result<Vec<ApiKey>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!("SELECT {KEY_COLUMNS} FROM api_keys ORDER BY created_at, id"))?;
            stmt.query_map([], key_row)?.collect()
        })
    }

    fn revoke_key(&self, id_or_name: &str) -> Result<ApiKey, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            let matches: Vec<ApiKey> = {
                let mut stmt = tx.prepare(&format!(
                    "SELECT {KEY_COLUMNS} FROM api_keys WHERE id = ?1 OR (name = ?1 AND revoked_at IS NULL) ORDER BY id = ?1 DESC"
                ))?;
                stmt.query_map([id_or_name], key_row)?.collect::<rusqlite::Result<_>>()?
            };
            // An exact id wins over a name.
            let pick = match matches.as_slice() {
                [] => return Ok(Err(StoreError::NoSuchKey(id_or_name.into()))),
                [first, ..] if first.id == id_or_name => first.clone(),
                [only] => only.clone(),
                _ => return Ok(Err(StoreError::AmbiguousKey(id_or_name.into()))),
            };
            tx.execute("UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL", params![pick.id, now()])?;
            let key = tx.query_row(&format!("SELECT {KEY_COLUMNS} FROM api_keys WHERE id = ?1"), [&pick.id], key_row)?;
            tx.commit()?;
            Ok(Ok(key))
        })?
    }

    fn authenticate(&self, secret: &str) -> Result<Option<ApiKey>, StoreError> {
        if !keys::looks_like_key(secret) {
            return Ok(None);
        }
        // Looked up by the SHA-256 of the secret: the secret itself is never stored, and a
        // timing difference in the index lookup reveals nothing about a valid secret.
        let hash = keys::hash_secret(secret);
        self.with(|c| {
            c.query_row(
                &format!("SELECT {KEY_COLUMNS} FROM api_keys WHERE secret_sha256 = ?1 AND revoked_at IS NULL"),
                [hash],
                key_row,
            )
            .optional()
        })
    }

    fn active_key_count(&self) -> Result<usize, StoreError> {
        self.with(|c| c.query_row("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL", [], |r| r.get::<_, i64>(0)))
            .map(|n| n as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_key(role: Role, name: Option<&str>) -> NewKey {
        NewKey { role, tenant: "default".into(), name: name.map(str::to_string) }
    }

    #[test]
    fn keys_are_stored_hashed_and_authenticate_until_revoked() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let (key, secret) = store.create_key(&new_key(Role::Developer, Some("ci"))).unwrap();
        assert!(secret.starts_with("snt_") && secret.contains(&key.id), "{secret}");
        let raw = std::fs::read(store.path()).unwrap();
        let wal = std::fs::read(dir.path().join("sentra.db-wal")).unwrap_or_default();
        for bytes in [&raw, &wal] {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "the secret is stored in plain text");
        }
        assert_eq!(store.authenticate(&secret).unwrap().unwrap().role, Role::Developer);
        assert!(store.authenticate("snt_00000000_0000").unwrap().is_none());
        assert_eq!(store.active_key_count().unwrap(), 1);

        // A second handle (another process, in practice) sees the key and the revocation.
        let other = SqliteStore::open(dir.path()).unwrap();
        assert_eq!(other.revoke_key("ci").unwrap().id, key.id);
        assert!(store.authenticate(&secret).unwrap().is_none());
        assert_eq!(store.active_key_count().unwrap(), 0);
        assert!(store.list_keys().unwrap()[0].revoked_at.is_some());
        assert!(matches!(store.revoke_key("nope"), Err(StoreError::NoSuchKey(_))));
    }

    #[test]
    fn names_are_unique_among_active_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        store.create_key(&new_key(Role::Admin, Some("ops"))).unwrap();
        assert!(matches!(store.create_key(&new_key(Role::Viewer, Some("ops"))), Err(StoreError::DuplicateName(_))));
        store.revoke_key("ops").unwrap();
        store.create_key(&new_key(Role::Viewer, Some("ops"))).unwrap();
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
