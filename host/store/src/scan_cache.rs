//! Where the incremental scan cache persists: its own SQLite file (`scan-cache.db`) beside
//! the state database, so a large cache never slows or locks the server's state, and
//! deleting it is always safe. Entries are opaque blobs the engine encodes; rows are keyed
//! by scan root (which for the server includes the tenant).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

use crate::{BUSY_TIMEOUT, StoreError, create_private_dir};

/// The cache file inside a state (or cache) directory.
pub const SCAN_CACHE_FILE: &str = "scan-cache.db";

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS contexts (
        root TEXT NOT NULL,
        id TEXT NOT NULL,
        keys BLOB NOT NULL,
        PRIMARY KEY (root, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS files (
        root TEXT NOT NULL,
        path TEXT NOT NULL,
        entry BLOB NOT NULL,
        PRIMARY KEY (root, path)
    ) WITHOUT ROWID;";

/// Stored rows of one root: (contexts, files).
pub type CacheRows = (Vec<(String, Vec<u8>)>, Vec<(String, Vec<u8>)>);

/// The scan cache database.
pub struct ScanCacheDb {
    path: PathBuf,
    conn: Connection,
}

impl std::fmt::Debug for ScanCacheDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScanCacheDb").field("path", &self.path).finish_non_exhaustive()
    }
}

impl ScanCacheDb {
    /// Opens (creating when needed) `dir/scan-cache.db`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        match Self::open_once(dir) {
            // Only a cache: an unreadable file is replaced rather than left to fail every scan.
            Err(StoreError::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. }) if e.code == rusqlite::ErrorCode::NotADatabase => {
                tracing::warn!(dir = %dir.display(), "scan cache is not a database; starting a new one");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(dir.join(format!("{SCAN_CACHE_FILE}{suffix}")));
                }
                Self::open_once(dir)
            }
            other => other,
        }
    }

    fn open_once(dir: &Path) -> Result<Self, StoreError> {
        create_private_dir(dir).map_err(|source| StoreError::CreateDir { path: dir.to_path_buf(), source })?;
        let path = dir.join(SCAN_CACHE_FILE);
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let conn = Connection::open(&path).map_err(sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
        conn.execute_batch(SCHEMA).map_err(sql)?;
        Ok(Self { path, conn })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite { path: self.path.clone(), source }
    }

    /// Every row of `root`.
    pub fn load(&self, root: &str) -> Result<CacheRows, StoreError> {
        let rows = |query: &str| -> rusqlite::Result<Vec<(String, Vec<u8>)>> {
            let mut stmt = self.conn.prepare(query)?;
            stmt.query_map(params![root], |r| Ok((r.get(0)?, r.get(1)?)))?.collect()
        };
        let contexts = rows("SELECT id, keys FROM contexts WHERE root = ?1").map_err(|e| self.sql(e))?;
        let files = rows("SELECT path, entry FROM files WHERE root = ?1").map_err(|e| self.sql(e))?;
        Ok((contexts, files))
    }

    /// Applies one scan's changes in one transaction: a crash keeps the cache as it was
    /// before the scan or as it is after it.
    pub fn save(&mut self, root: &str, contexts: &[(String, Vec<u8>)], upserts: &[(String, Vec<u8>)], removed: &[String]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        {
            let mut ctx = tx.prepare("INSERT OR IGNORE INTO contexts (root, id, keys) VALUES (?1, ?2, ?3)").map_err(sql)?;
            for (id, keys) in contexts {
                ctx.execute(params![root, id, keys]).map_err(sql)?;
            }
            let mut del = tx.prepare("DELETE FROM files WHERE root = ?1 AND path = ?2").map_err(sql)?;
            for p in removed {
                del.execute(params![root, p]).map_err(sql)?;
            }
            let mut put = tx.prepare("INSERT OR REPLACE INTO files (root, path, entry) VALUES (?1, ?2, ?3)").map_err(sql)?;
            for (p, e) in upserts {
                put.execute(params![root, p, e]).map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)
    }

    /// Drops every row of `root`.
    pub fn clear(&mut self, root: &str) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute("DELETE FROM files WHERE root = ?1", params![root]).map_err(sql)?;
        tx.execute("DELETE FROM contexts WHERE root = ?1", params![root]).map_err(sql)?;
        tx.commit().map_err(sql)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_load_back_per_root_and_removals_apply() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = ScanCacheDb::open(dir.path()).unwrap();
        db.save("r1", &[("c".into(), b"[]".to_vec())], &[("a".into(), b"1".to_vec()), ("b".into(), b"2".to_vec())], &[]).unwrap();
        db.save("r2", &[], &[("a".into(), b"9".to_vec())], &[]).unwrap();
        db.save("r1", &[("c".into(), b"ignored".to_vec())], &[("a".into(), b"3".to_vec())], &["b".into()]).unwrap();
        drop(db);
        let db = ScanCacheDb::open(dir.path()).unwrap();
        let (contexts, files) = db.load("r1").unwrap();
        assert_eq!(contexts, vec![("c".to_string(), b"[]".to_vec())]);
        assert_eq!(files, vec![("a".to_string(), b"3".to_vec())]);
        assert_eq!(db.load("r2").unwrap().1.len(), 1);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SCAN_CACHE_FILE), b"garbage, not SQLite at all, long enough to have a header").unwrap();
        let mut db = ScanCacheDb::open(dir.path()).unwrap();
        db.save("r", &[], &[("a".into(), b"1".to_vec())], &[]).unwrap();
        assert_eq!(db.load("r").unwrap().1.len(), 1);
    }

    #[test]
    fn clear_drops_one_root() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = ScanCacheDb::open(dir.path()).unwrap();
        db.save("it's", &[("c".into(), b"[]".to_vec())], &[("a".into(), b"1".to_vec())], &[]).unwrap();
        db.save("other", &[], &[("a".into(), b"1".to_vec())], &[]).unwrap();
        db.clear("it's").unwrap();
        assert_eq!(db.load("it's").unwrap(), (vec![], vec![]));
        assert_eq!(db.load("other").unwrap().1.len(), 1);
    }
}
