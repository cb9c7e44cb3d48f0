//! What the server remembers, in one SQLite database (`sentra.db`) in the state
//! directory: WAL mode so the CLI and a running server share it safely, a busy timeout
//! instead of "database is locked" errors, and migrations versioned in code.
//!
//! Callers use the [`Storage`] trait, so a server-grade backend can replace SQLite
//! without touching them.

pub mod approvals;
pub mod audit;
pub mod keys;
pub mod packs;
pub mod scan_cache;
pub mod scans;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

pub use approvals::{Approval, NewApproval, ResolveRefusal};
pub use audit::{AuditEntry, AuditQuery, AuditVerification, NewAuditEntry};
pub use keys::{ApiKey, NewKey, Role};
pub use packs::{NewPack, PackKind, PackRecord, valid_pack_id};
pub use scan_cache::{SCAN_CACHE_FILE, ScanCacheDb};
pub use scans::{NewScan, ScanSummary};

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

    /// Bumped by every pack change, so servers know when to reload a tenant's packs.
    fn packs_revision(&self) -> Result<i64, StoreError>;
    /// A tenant's custom packs and built-in pack settings, by pack id.
    fn list_packs(&self, tenant: &str) -> Result<Vec<PackRecord>, StoreError>;
    fn get_pack(&self, tenant: &str, pack_id: &str) -> Result<Option<PackRecord>, StoreError>;
    /// Stores (or replaces) a custom pack and its bytes; overrides are kept on replace.
    fn put_pack(&self, new: &NewPack, bytes: &[u8]) -> Result<PackRecord, StoreError>;
    /// The bytes of a custom pack, checked against its sha256.
    fn pack_bytes(&self, record: &PackRecord) -> Result<Vec<u8>, StoreError>;
    /// Deletes a custom pack (and its file); `false` when there was none.
    fn delete_pack(&self, tenant: &str, pack_id: &str) -> Result<bool, StoreError>;
    /// Enables or disables a pack for a tenant (a built-in one gets a settings row).
    fn set_pack_enabled(&self, tenant: &str, pack_id: &str, enabled: bool) -> Result<(), StoreError>;
    /// Replaces a pack's rule overrides for a tenant.
    fn set_pack_overrides(&self, tenant: &str, pack_id: &str, overrides: &serde_json::Value) -> Result<(), StoreError>;

    /// Appends an entry to the tenant's audit chain.
    fn append_audit(&self, entry: &NewAuditEntry) -> Result<AuditEntry, StoreError>;
    /// A tenant's entries, newest first, and how many match in all.
    fn list_audit(&self, tenant: &str, query: &AuditQuery) -> Result<(Vec<AuditEntry>, usize), StoreError>;
    /// Checks a tenant's chain.
    fn verify_audit(&self, tenant: &str) -> Result<AuditVerification, StoreError>;

    /// A tenant's API suppressions, oldest first.
    fn list_suppressions(&self, tenant: &str) -> Result<Vec<SuppressionRecord>, StoreError>;
    /// Adds one; `None` when the tenant already has one for that rule and file pattern.
    fn add_suppression(&self, tenant: &str, s: &SuppressionRecord) -> Result<Option<SuppressionRecord>, StoreError>;
    /// Deletes one; `false` when the tenant has no such suppression.
    fn delete_suppression(&self, tenant: &str, id: &str) -> Result<bool, StoreError>;

    /// Opens an approval request.
    fn create_approval(&self, new: &NewApproval) -> Result<Approval, StoreError>;
    /// One of a tenant's requests (expiry applied first).
    fn get_approval(&self, tenant: &str, id: i64) -> Result<Option<Approval>, StoreError>;
    /// A tenant's requests, newest first, optionally by status and type (expiry applied first).
    fn list_approvals(&self, tenant: &str, status: Option<&str>, action_type: Option<&str>) -> Result<Vec<Approval>, StoreError>;
    /// Approves or rejects a pending request, atomically.
    fn resolve_approval(&self, tenant: &str, id: i64, status: &str, by: &str, comment: &str) -> Result<Result<Approval, ResolveRefusal>, StoreError>;
    /// Marks every pending request past its time as expired; returns them.
    fn expire_approvals(&self) -> Result<Vec<(String, Approval)>, StoreError>;

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

    /// Records a scan; returns its id.
    fn record_scan(&self, scan: &NewScan) -> Result<i64, StoreError>;
    /// A tenant's scans, newest first (at most `limit`, only those at or after `since`).
    fn list_scans(&self, tenant: &str, since: Option<&str>, limit: usize) -> Result<Vec<ScanSummary>, StoreError>;
    /// The stored result (JSON) of a tenant's scan, or of its latest scan; `None` also when
    /// the scan is older than the last [`SCAN_RESULTS_KEPT`], whose results are dropped.
    fn scan_result(&self, tenant: &str, id: Option<i64>) -> Result<Option<(ScanSummary, String)>, StoreError>;
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
    CREATE INDEX api_keys_name ON api_keys(name);", packs::MIGRATION, audit::MIGRATION, scans::MIGRATION, "CREATE TABLE suppressions (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        file_pattern TEXT NOT NULL,
        reason TEXT NOT NULL,
        expires TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (tenant, rule_id, file_pattern)
    );", approvals::MIGRATION, "CREATE TABLE work_items (
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
    );"];

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

/// A suppression made over the API.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SuppressionRecord {
    pub id: String,
    pub rule_id: String,
    pub file_pattern: String,
    pub reason: String,
    /// `YYYY-MM-DD`, the last day it applies.
    pub expires: Option<String>,
    pub created_by: String,
    /// RFC 3339.
    pub created_at: String,
}

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

    fn packs_revision(&self) -> Result<i64, StoreError> {
        self.with(|c| c.query_row("SELECT value FROM meta WHERE key = 'packs_revision'", [], |r| r.get(0)))
    }

    fn list_packs(&self, tenant: &str) -> Result<Vec<PackRecord>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!("SELECT {} FROM packs WHERE tenant = ?1 ORDER BY pack_id", packs::COLUMNS))?;
            stmt.query_map([tenant], packs::row)?.collect()
        })
    }

    fn get_pack(&self, tenant: &str, pack_id: &str) -> Result<Option<PackRecord>, StoreError> {
        self.with(|c| {
            c.query_row(&format!("SELECT {} FROM packs WHERE tenant = ?1 AND pack_id = ?2", packs::COLUMNS), [tenant, pack_id], packs::row)
                .optional()
        })
    }

    fn put_pack(&self, new: &NewPack, bytes: &[u8]) -> Result<PackRecord, StoreError> {
        if !valid_pack_id(&new.pack_id) {
            return Err(StoreError::Invalid(format!("pack id `{}` is invalid", new.pack_id)));
        }
        let dir = packs::tenant_dir(&self.dir, &new.tenant)?;
        let sha = packs::sha256_hex(bytes);
        let file = format!("{}-{}.{}", new.pack_id, &sha[..16], new.kind.as_str());
        packs::write_atomic(&dir, &file, bytes).map_err(|source| StoreError::Io { path: dir.join(&file), source })?;
        let rel = format!("packs/{}/{file}", new.tenant);
        let old_file = self.with(|c| {
            let tx = c.transaction()?;
            let old: Option<Option<String>> = tx
                .query_row("SELECT file FROM packs WHERE tenant = ?1 AND pack_id = ?2", [&new.tenant, &new.pack_id], |r| r.get(0))
                .optional()?;
            tx.execute(
                "INSERT INTO packs (tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, file, updated_at)
                 VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '{}', ?11, ?12)
                 ON CONFLICT (tenant, pack_id) DO UPDATE SET custom = 1, kind = ?3, sha256 = ?4, name = ?5, version = ?6,
                   description = ?7, license = ?8, rule_count = ?9, enabled = ?10, file = ?11, updated_at = ?12",
                params![
                    new.tenant,
                    new.pack_id,
                    new.kind.as_str(),
                    sha,
                    new.name,
                    new.version,
                    new.description,
                    new.license,
                    new.rule_count as i64,
                    new.enabled,
                    rel,
                    now()
                ],
            )?;
            bump(&tx)?;
            tx.commit()?;
            Ok(old.flatten())
        })?;
        if let Some(old) = old_file.filter(|o| *o != rel) {
            let _ = std::fs::remove_file(self.dir.join(old));
        }
        Ok(self.get_pack(&new.tenant, &new.pack_id)?.expect("the pack was just stored"))
    }

    fn pack_bytes(&self, record: &PackRecord) -> Result<Vec<u8>, StoreError> {
        let Some(file) = &record.file else {
            return Err(StoreError::Invalid(format!("pack `{}` is built in; it has no stored file", record.pack_id)));
        };
        let path = self.dir.join(file);
        let bytes = std::fs::read(&path).map_err(|source| StoreError::Io { path: path.clone(), source })?;
        if packs::sha256_hex(&bytes) != record.sha256 {
            return Err(StoreError::Corrupt { pack_id: record.pack_id.clone(), path });
        }
        Ok(bytes)
    }

    fn delete_pack(&self, tenant: &str, pack_id: &str) -> Result<bool, StoreError> {
        let file = self.with(|c| {
            let tx = c.transaction()?;
            let file: Option<Option<String>> = tx
                .query_row("SELECT file FROM packs WHERE tenant = ?1 AND pack_id = ?2 AND custom = 1", [tenant, pack_id], |r| r.get(0))
                .optional()?;
            if file.is_some() {
                tx.execute("DELETE FROM packs WHERE tenant = ?1 AND pack_id = ?2", [tenant, pack_id])?;
                bump(&tx)?;
            }
            tx.commit()?;
            Ok(file)
        })?;
        match file {
            None => Ok(false),
            Some(f) => {
                if let Some(f) = f {
                    let _ = std::fs::remove_file(self.dir.join(f));
                }
                Ok(true)
            }
        }
    }

    fn set_pack_enabled(&self, tenant: &str, pack_id: &str, enabled: bool) -> Result<(), StoreError> {
        self.upsert_setting(tenant, pack_id, "enabled = excluded.enabled", enabled, &serde_json::json!({}))
    }

    fn set_pack_overrides(&self, tenant: &str, pack_id: &str, overrides: &serde_json::Value) -> Result<(), StoreError> {
        self.upsert_setting(tenant, pack_id, "overrides = excluded.overrides", true, overrides)
    }

    fn append_audit(&self, new: &NewAuditEntry) -> Result<AuditEntry, StoreError> {
        let timestamp = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        self.with(|c| {
            // IMMEDIATE: two writers never chain to the same previous entry.
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let prev: String = tx
                .query_row("SELECT hash FROM audit WHERE tenant = ?1 ORDER BY id DESC LIMIT 1", [&new.tenant], |r| r.get(0))
                .optional()?
                .unwrap_or_else(|| audit::GENESIS.to_string());
            let next_id: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM audit", [], |r| r.get(0))?;
            let mut entry = AuditEntry {
                id: next_id,
                timestamp,
                tenant: new.tenant.clone(),
                actor: new.actor.clone(),
                role: new.role.clone(),
                action: new.action.clone(),
                target: new.target.clone(),
                details: new.details.clone(),
                result: new.result.clone(),
                prev_hash: prev,
                hash: String::new(),
            };
            entry.hash = audit::entry_hash(&entry);
            tx.execute(
                &format!("INSERT INTO audit ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", audit::COLUMNS),
                params![
                    entry.id,
                    entry.timestamp,
                    entry.tenant,
                    entry.actor,
                    entry.role,
                    entry.action,
                    entry.target,
                    entry.details.to_string(),
                    entry.result,
                    entry.prev_hash,
                    entry.hash
                ],
            )?;
            tx.commit()?;
            Ok(entry)
        })
    }

    fn list_audit(&self, tenant: &str, q: &AuditQuery) -> Result<(Vec<AuditEntry>, usize), StoreError> {
        let (filter, args) = Self::audit_filter(tenant, q);
        self.with(|c| {
            let total: i64 = c.query_row(&format!("SELECT COUNT(*){filter}"), rusqlite::params_from_iter(&args), |r| r.get(0))?;
            let sql = format!("SELECT {}{filter} ORDER BY id DESC LIMIT {} OFFSET {}", audit::COLUMNS, q.limit, q.offset);
            let mut stmt = c.prepare(&sql)?;
            let entries = stmt.query_map(rusqlite::params_from_iter(&args), audit::row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((entries, total as usize))
        })
    }

    fn list_suppressions(&self, tenant: &str) -> Result<Vec<SuppressionRecord>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT id, rule_id, file_pattern, reason, expires, created_by, created_at FROM suppressions WHERE tenant = ?1 ORDER BY created_at, id",
            )?;
            stmt.query_map([tenant], |r| {
                Ok(SuppressionRecord {
                    id: r.get(0)?,
                    rule_id: r.get(1)?,
                    file_pattern: r.get(2)?,
                    reason: r.get(3)?,
                    expires: r.get(4)?,
                    created_by: r.get(5)?,
                    created_at: r.get(6)?,
                })
            })?
            .collect()
        })
    }

    fn add_suppression(&self, tenant: &str, s: &SuppressionRecord) -> Result<Option<SuppressionRecord>, StoreError> {
        let mut id = [0u8; 8];
        getrandom::fill(&mut id).expect("the OS random number generator is available");
        let mut record = s.clone();
        record.id = hex::encode(id);
        record.created_at = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let inserted = self.with(|c| {
            c.execute(
                "INSERT OR IGNORE INTO suppressions (id, tenant, rule_id, file_pattern, reason, expires, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![record.id, tenant, record.rule_id, record.file_pattern, record.reason, record.expires, record.created_by, record.created_at],
            )
        })?;
        Ok((inserted == 1).then_some(record))
    }

    fn delete_suppression(&self, tenant: &str, id: &str) -> Result<bool, StoreError> {
        self.with(|c| c.execute("DELETE FROM suppressions WHERE tenant = ?1 AND id = ?2", [tenant, id])).map(|n| n > 0)
    }

    fn create_approval(&self, new: &NewApproval) -> Result<Approval, StoreError> {
        let now = jiff::Timestamp::now();
        let fmt = |t: jiff::Timestamp| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let expires = now.checked_add(jiff::SignedDuration::from_secs(new.timeout_s as i64)).unwrap_or(now);
        let id = self.with(|c| {
            c.execute(
                "INSERT INTO approvals (tenant, action_type, title, context, payload, requested_by, created_at, expires_at, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending')",
                params![new.tenant, new.action_type, new.title, new.context.to_string(), new.payload.to_string(), new.requested_by, fmt(now), fmt(expires)],
            )?;
            Ok(c.last_insert_rowid())
        })?;
        Ok(self.get_approval(&new.tenant, id)?.expect("the request was just stored"))
    }

    fn get_approval(&self, tenant: &str, id: i64) -> Result<Option<Approval>, StoreError> {
        self.with(|c| {
            c.query_row(&format!("SELECT {} FROM approvals WHERE tenant = ?1 AND id = ?2", approvals::COLUMNS), params![tenant, id], approvals::row)
                .optional()
        })
    }

    fn list_approvals(&self, tenant: &str, status: Option<&str>, action_type: Option<&str>) -> Result<Vec<Approval>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {} FROM approvals WHERE tenant = ?1 AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR action_type = ?3) ORDER BY id DESC",
                approvals::COLUMNS
            ))?;
            stmt.query_map(params![tenant, status, action_type], approvals::row)?.collect()
        })
    }

    fn resolve_approval(&self, tenant: &str, id: i64, status: &str, by: &str, comment: &str) -> Result<Result<Approval, ResolveRefusal>, StoreError> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let current: Option<(String, String)> = tx
                .query_row("SELECT status, expires_at FROM approvals WHERE tenant = ?1 AND id = ?2", params![tenant, id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match current {
                None => return Ok(Err(ResolveRefusal::NotFound)),
                // Past its time it is expired, whether or not anyone noticed yet.
                Some((s, expires)) if s == "pending" && expires.as_str() <= now.as_str() => {
                    return Ok(Err(ResolveRefusal::AlreadyResolved("expired".into())));
                }
                Some((s, _)) if s == "pending" => {}
                Some((other, _)) => return Ok(Err(ResolveRefusal::AlreadyResolved(other))),
            }
            tx.execute(
                "UPDATE approvals SET status = ?3, resolved_by = ?4, resolved_at = ?5, comment = ?6 WHERE tenant = ?1 AND id = ?2",
                params![tenant, id, status, by, now, comment],
            )?;
            let a = tx.query_row(&format!("SELECT {} FROM approvals WHERE id = ?1", approvals::COLUMNS), [id], approvals::row)?;
            tx.commit()?;
            Ok(Ok(a))
        })
    }

    fn expire_approvals(&self) -> Result<Vec<(String, Approval)>, StoreError> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let expired: Vec<(String, Approval)> = {
                let mut stmt = tx.prepare(&format!(
                    "SELECT tenant, {} FROM approvals WHERE status = 'pending' AND expires_at <= ?1",
                    approvals::COLUMNS.split(", ").map(|c| format!("approvals.{c}")).collect::<Vec<_>>().join(", ")
                ))?;
                stmt.query_map([&now], |r| {
                    let tenant: String = r.get(0)?;
                    // The row's columns start at index 1.
                    let a = approvals::row_at(r, 1)?;
                    Ok((tenant, a))
                })?
                .collect::<rusqlite::Result<_>>()?
            };
            if !expired.is_empty() {
                tx.execute("UPDATE approvals SET status = 'expired' WHERE status = 'pending' AND expires_at <= ?1", [&now])?;
            }
            tx.commit()?;
            Ok(expired
                .into_iter()
                .map(|(t, mut a)| {
                    a.status = "expired".into();
                    (t, a)
                })
                .collect())
        })
    }

    fn list_work_items(&self, tenant: &str) -> Result<Vec<LocalWorkItem>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT id, rule_id, title, description, acceptance_criteria, state, findings_key, findings_count, created_at, updated_at
                 FROM work_items WHERE tenant = ?1 ORDER BY id",
            )?;
            stmt.query_map([tenant], work_item_row)?.collect()
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
            c.execute(
                "INSERT INTO reconcile_runs (tenant, at, provider, summary) VALUES (?1, ?2, ?3, ?4)",
                params![tenant, now, provider, summary.to_string()],
            )
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

    fn record_scan(&self, scan: &NewScan) -> Result<i64, StoreError> {
        let started = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let packs = serde_json::to_string(&scan.packs).unwrap_or_else(|_| "[]".into());
        let total: usize = scan.counts.iter().sum();
        self.with(|c| {
            c.execute(
                "INSERT INTO scans (tenant, started_at, root, packs, critical, high, medium, low, info, total, files_scanned, duration_ms, gate_passed, score, result)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    scan.tenant,
                    started,
                    scan.root,
                    packs,
                    scan.counts[0] as i64,
                    scan.counts[1] as i64,
                    scan.counts[2] as i64,
                    scan.counts[3] as i64,
                    scan.counts[4] as i64,
                    total as i64,
                    scan.files_scanned as i64,
                    scan.duration_ms as i64,
                    scan.gate_passed,
                    scan.score,
                    scan.result
                ],
            )?;
            let id = c.last_insert_rowid();
            // Summaries are kept for trends; full results only for the latest scans, or a
            // busy server's database grows by the size of every result (about 1 GB a minute
            // under the soak test's load).
            c.execute(
                "UPDATE scans SET result = '' WHERE tenant = ?1 AND result <> '' AND id < (
                     SELECT id FROM scans WHERE tenant = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)",
                params![scan.tenant, SCAN_RESULTS_KEPT - 1],
            )?;
            Ok(id)
        })
    }

    fn list_scans(&self, tenant: &str, since: Option<&str>, limit: usize) -> Result<Vec<ScanSummary>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {} FROM scans WHERE tenant = ?1 AND started_at >= ?2 ORDER BY id DESC LIMIT ?3",
                scans::COLUMNS
            ))?;
            stmt.query_map(params![tenant, since.unwrap_or(""), limit as i64], scans::row)?.collect()
        })
    }

    fn scan_result(&self, tenant: &str, id: Option<i64>) -> Result<Option<(ScanSummary, String)>, StoreError> {
        let sql = format!(
            "SELECT {}, result FROM scans WHERE tenant = ?1 AND result <> '' AND (?2 IS NULL OR id = ?2) ORDER BY id DESC LIMIT 1",
            scans::COLUMNS
        );
        self.with(|c| {
            c.query_row(&sql, params![tenant, id], |r| Ok((scans::row(r)?, r.get::<_, String>(14)?))).optional()
        })
    }

    fn verify_audit(&self, tenant: &str) -> Result<AuditVerification, StoreError> {
        let entries = self.with(|c| {
            let mut stmt = c.prepare(&format!("SELECT {} FROM audit WHERE tenant = ?1 ORDER BY id", audit::COLUMNS))?;
            stmt.query_map([tenant], audit::row)?.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        Ok(audit::verify(&entries))
    }
}

impl SqliteStore {
    fn audit_filter(tenant: &str, q: &AuditQuery) -> (String, Vec<String>) {
        let mut sql = String::from(" FROM audit WHERE tenant = ?1");
        let mut args = vec![tenant.to_string()];
        for (col, op, v) in [("action", "=", &q.action), ("actor", "=", &q.actor), ("timestamp", ">=", &q.since)] {
            if let Some(v) = v {
                args.push(v.clone());
                sql.push_str(&format!(" AND {col} {op} ?{}", args.len()));
            }
        }
        (sql, args)
    }
}

fn work_item_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LocalWorkItem> {
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

/// Marks a pack change for every server sharing the database.
fn bump(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute("UPDATE meta SET value = value + 1 WHERE key = 'packs_revision'", []).map(|_| ())
}

impl SqliteStore {
    /// Inserts a settings row for a built-in pack, or updates one column of an existing row.
    fn upsert_setting(&self, tenant: &str, pack_id: &str, update: &str, enabled: bool, overrides: &serde_json::Value) -> Result<(), StoreError> {
        if !valid_pack_id(pack_id) || !keys::valid_tenant(tenant) {
            return Err(StoreError::Invalid(format!("pack id `{pack_id}` or tenant `{tenant}` is invalid")));
        }
        let overrides = overrides.to_string();
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                &format!(
                    "INSERT INTO packs (tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, file, updated_at)
                     VALUES (?1, ?2, 0, 'wasm', '', '', '', '', '', 0, ?3, ?4, NULL, ?5)
                     ON CONFLICT (tenant, pack_id) DO UPDATE SET {update}, updated_at = excluded.updated_at"
                ),
                params![tenant, pack_id, enabled, overrides, now()],
            )?;
            bump(&tx)?;
            tx.commit()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_scan_results_are_kept_per_tenant() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let scan = |tenant: &str, n: usize| NewScan {
            tenant: tenant.into(),
            root: ".".into(),
            packs: vec![],
            counts: [0; 5],
            files_scanned: n,
            duration_ms: 1,
            gate_passed: None,
            score: 100.0,
            result: format!("{{\"n\": {n}}}"),
        };
        let other = store.record_scan(&scan("other", 0)).unwrap();
        let ids: Vec<i64> = (0..SCAN_RESULTS_KEPT as usize + 5).map(|n| store.record_scan(&scan("t", n)).unwrap()).collect();
        assert!(store.scan_result("t", Some(ids[4])).unwrap().is_none(), "the oldest results are dropped");
        assert!(store.scan_result("t", Some(ids[5])).unwrap().is_some(), "the latest {SCAN_RESULTS_KEPT} stay");
        assert_eq!(store.scan_result("t", None).unwrap().unwrap().1, format!("{{\"n\": {}}}", ids.len() - 1));
        assert_eq!(store.list_scans("t", None, 1000).unwrap().len(), ids.len(), "summaries are all kept");
        assert!(store.scan_result("other", Some(other)).unwrap().is_some(), "another tenant's history is untouched");
    }

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
    fn the_audit_chain_detects_changed_and_removed_entries() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        let entry = |tenant: &str, action: &str| NewAuditEntry {
            tenant: tenant.into(),
            actor: "ci".into(),
            role: "admin".into(),
            action: action.into(),
            target: "x".into(),
            details: serde_json::json!({"n": 1}),
            result: "ok".into(),
        };
        for i in 0..5 {
            store.append_audit(&entry("a", &format!("act{i}"))).unwrap();
            store.append_audit(&entry("b", "other")).unwrap();
        }
        assert!(store.verify_audit("a").unwrap().valid);
        let (page, total) = store.list_audit("a", &AuditQuery { limit: 2, ..Default::default() }).unwrap();
        assert_eq!((page.len(), total, page[0].action.as_str()), (2, 5, "act4"));
        let conn = Connection::open(store.path()).unwrap();
        // The triggers refuse edits; someone who drops them is caught by the chain.
        assert!(conn.execute("UPDATE audit SET result = 'forged' WHERE id = 5", []).is_err());
        conn.execute_batch("DROP TRIGGER audit_no_update; UPDATE audit SET result = 'forged' WHERE id = 5;").unwrap();
        let v = store.verify_audit("a").unwrap();
        assert_eq!((v.valid, v.broken_at), (false, Some(5)));
        assert!(store.verify_audit("b").unwrap().valid, "chains are per tenant");
        conn.execute_batch("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4;").unwrap();
        assert_eq!(store.verify_audit("b").unwrap().broken_at, Some(6));
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
