//! The incremental scan cache as the CLI and the server keep it: the engine's
//! [`ScanCache`] loaded from, and saved back to, the state's `scan-cache.db` under one key
//! (a tree, or a tenant and a tree). A cache that cannot be read or written costs speed,
//! never a result, so failures are logged and the scan goes on without it.

use std::path::{Path, PathBuf};

use sentra_engine::cache::ScanCache;

/// A loaded cache and where its changes go back to.
pub struct StoredScanCache {
    dir: PathBuf,
    key: String,
    cache: ScanCache,
}

impl StoredScanCache {
    /// The cache stored under `key` in `dir`; `None` (logged) when it cannot be read.
    pub fn load(dir: &Path, key: &str) -> Option<Self> {
        match sentra_store::ScanCacheDb::open(dir).and_then(|db| db.load(key)) {
            Ok((contexts, files)) => Some(Self { cache: ScanCache::from_rows(contexts, files), dir: dir.to_path_buf(), key: key.to_string() }),
            Err(e) => {
                tracing::warn!(error = %e, dir = %dir.display(), "scan cache unavailable; scanning every file");
                None
            }
        }
    }

    /// The directory holding the cache database (a scan of a tree containing it skips it).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What a scan reads and fills.
    pub fn cache(&self) -> &ScanCache {
        &self.cache
    }

    /// Writes what the scan changed, in one transaction.
    pub fn save(mut self) {
        let changes = self.cache.take_changes();
        let saved = sentra_store::ScanCacheDb::open(&self.dir).and_then(|mut db| db.save(&self.key, &changes.contexts, &changes.upserts, &changes.removed));
        if let Err(e) = saved {
            tracing::warn!(error = %e, dir = %self.dir.display(), "could not save the scan cache");
        }
    }
}
