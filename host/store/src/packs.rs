//! Custom packs and per-tenant pack settings.
//!
//! A custom pack's bytes live in `<state>/packs/<tenant>/<id>-<sha256 prefix>.<yaml|wasm>`,
//! written atomically (temporary file, fsync, rename) before the database row that points
//! at it is committed. A crash in between leaves the row on the old file: the old pack,
//! never a torn one. Ids and tenants are checked against strict patterns before they
//! become path components.
//!
//! [`PackStore`] is what the store does with packs; its SQLite implementation is below.

use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{SqliteStore, StoreError};

/// Pack ids: what may become a path component.
pub fn valid_pack_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// How a custom pack is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PackKind {
    Yaml,
    Wasm,
}

impl PackKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PackKind::Yaml => "yaml",
            PackKind::Wasm => "wasm",
        }
    }
    pub(crate) fn parse(s: &str) -> Self {
        if s == "wasm" { PackKind::Wasm } else { PackKind::Yaml }
    }
}

/// A tenant's custom pack, or a tenant's settings for a built-in pack (`custom == false`,
/// no file).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PackRecord {
    pub tenant: String,
    pub pack_id: String,
    pub custom: bool,
    pub kind: PackKind,
    pub sha256: String,
    pub name: String,
    pub version: String,
    pub description: String,
    pub license: String,
    pub rule_count: usize,
    pub enabled: bool,
    /// Rule overrides as JSON: `{"RULE-ID": {"severity": "low", "enabled": false}}`.
    pub overrides: serde_json::Value,
    /// RFC 3339, UTC.
    pub updated_at: String,
    /// Who signed the bundle it was imported from (`ed25519:...`); `None` for a plain
    /// `.wasm` or `.yaml` import (and packs stored before bundles existed).
    pub signer: Option<String>,
    /// The author its bundle's manifest names (empty without a bundle).
    pub author: String,
    /// The file holding the pack, inside the state directory (custom packs only).
    #[serde(skip)]
    pub(crate) file: Option<String>,
}

/// What an import stores.
#[derive(Clone, Debug)]
pub struct NewPack {
    pub tenant: String,
    pub pack_id: String,
    pub kind: PackKind,
    pub name: String,
    pub version: String,
    pub description: String,
    pub license: String,
    pub rule_count: usize,
    pub enabled: bool,
    /// The bundle's verified signer (`ed25519:...`), when it came in a signed bundle.
    pub signer: Option<String>,
    /// The author its bundle's manifest names.
    pub author: String,
}

/// The `packs` and `meta` tables (migration 2).
pub(crate) const MIGRATION: &str = "CREATE TABLE packs (
        tenant TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        custom INTEGER NOT NULL,
        kind TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        description TEXT NOT NULL,
        license TEXT NOT NULL,
        rule_count INTEGER NOT NULL,
        enabled INTEGER NOT NULL,
        overrides TEXT NOT NULL,
        file TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (tenant, pack_id)
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO meta (key, value) VALUES ('packs_revision', 0);";

/// Where a pack came from (migration 14): the signer of its bundle and the author it names.
pub(crate) const PROVENANCE_MIGRATION: &str = "ALTER TABLE packs ADD COLUMN signer TEXT;
    ALTER TABLE packs ADD COLUMN author TEXT NOT NULL DEFAULT '';";

pub(crate) const COLUMNS: &str =
    "tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, file, updated_at, signer, author";

pub(crate) fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PackRecord> {
    let overrides: String = r.get(11)?;
    Ok(PackRecord {
        tenant: r.get(0)?,
        pack_id: r.get(1)?,
        custom: r.get::<_, i64>(2)? != 0,
        kind: PackKind::parse(&r.get::<_, String>(3)?),
        sha256: r.get(4)?,
        name: r.get(5)?,
        version: r.get(6)?,
        description: r.get(7)?,
        license: r.get(8)?,
        rule_count: r.get::<_, i64>(9)? as usize,
        enabled: r.get::<_, i64>(10)? != 0,
        overrides: serde_json::from_str(&overrides).unwrap_or_else(|_| serde_json::json!({})),
        file: r.get(12)?,
        updated_at: crate::keys::format_time(r.get(13)?),
        signer: r.get(14)?,
        author: r.get(15)?,
    })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The directory of a tenant's pack files; the tenant is checked first.
pub(crate) fn tenant_dir(state: &Path, tenant: &str) -> Result<PathBuf, StoreError> {
    if !crate::keys::valid_tenant(tenant) {
        return Err(StoreError::Invalid(format!("tenant `{tenant}` is invalid")));
    }
    Ok(state.join("packs").join(tenant))
}

/// Writes `bytes` to `dir/name` via a temporary file, fsync and rename.
pub(crate) fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile_in(dir)?;
    tmp.1.write_all(bytes)?;
    tmp.1.sync_all()?;
    std::fs::rename(&tmp.0, dir.join(name))?;
    // The rename itself is durable once the directory is synced.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    for i in 0..100u32 {
        let p = dir.join(format!(".import-{}-{i}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("could not create a temporary file"))
}

/// Custom packs and per-tenant settings of built-in packs.
pub trait PackStore {
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
}

impl PackStore for SqliteStore {
    fn packs_revision(&self) -> Result<i64, StoreError> {
        self.with(|c| c.query_row("SELECT value FROM meta WHERE key = 'packs_revision'", [], |r| r.get(0)))
    }

    fn list_packs(&self, tenant: &str) -> Result<Vec<PackRecord>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!("SELECT {COLUMNS} FROM packs WHERE tenant = ?1 ORDER BY pack_id"))?;
            stmt.query_map([tenant], row)?.collect()
        })
    }

    fn get_pack(&self, tenant: &str, pack_id: &str) -> Result<Option<PackRecord>, StoreError> {
        self.with(|c| c.query_row(&format!("SELECT {COLUMNS} FROM packs WHERE tenant = ?1 AND pack_id = ?2"), [tenant, pack_id], row).optional())
    }

    fn put_pack(&self, new: &NewPack, bytes: &[u8]) -> Result<PackRecord, StoreError> {
        if !valid_pack_id(&new.pack_id) {
            return Err(StoreError::Invalid(format!("pack id `{}` is invalid", new.pack_id)));
        }
        let dir = tenant_dir(&self.dir, &new.tenant)?;
        let sha = sha256_hex(bytes);
        let file = format!("{}-{}.{}", new.pack_id, &sha[..16], new.kind.as_str());
        write_atomic(&dir, &file, bytes).map_err(|source| StoreError::Io { path: dir.join(&file), source })?;
        let rel = format!("packs/{}/{file}", new.tenant);
        let old_file = self.with(|c| {
            let tx = c.transaction()?;
            let old: Option<Option<String>> = tx
                .query_row("SELECT file FROM packs WHERE tenant = ?1 AND pack_id = ?2", [&new.tenant, &new.pack_id], |r| r.get(0))
                .optional()?;
            tx.execute(
                "INSERT INTO packs (tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, file, updated_at, signer, author)
                 VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '{}', ?11, ?12, ?13, ?14)
                 ON CONFLICT (tenant, pack_id) DO UPDATE SET custom = 1, kind = ?3, sha256 = ?4, name = ?5, version = ?6,
                   description = ?7, license = ?8, rule_count = ?9, enabled = ?10, file = ?11, updated_at = ?12, signer = ?13, author = ?14",
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
                    crate::now(),
                    new.signer,
                    new.author
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
        if sha256_hex(&bytes) != record.sha256 {
            return Err(StoreError::Corrupt { pack_id: record.pack_id.clone(), path });
        }
        Ok(bytes)
    }

    fn delete_pack(&self, tenant: &str, pack_id: &str) -> Result<bool, StoreError> {
        let file = self.with(|c| {
            let tx = c.transaction()?;
            let file: Option<Option<String>> =
                tx.query_row("SELECT file FROM packs WHERE tenant = ?1 AND pack_id = ?2 AND custom = 1", [tenant, pack_id], |r| r.get(0)).optional()?;
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
}

/// Marks a pack change for every server sharing the database.
fn bump(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute("UPDATE meta SET value = value + 1 WHERE key = 'packs_revision'", []).map(|_| ())
}

impl SqliteStore {
    /// Inserts a settings row for a built-in pack, or updates one column of an existing row.
    fn upsert_setting(&self, tenant: &str, pack_id: &str, update: &str, enabled: bool, overrides: &serde_json::Value) -> Result<(), StoreError> {
        if !valid_pack_id(pack_id) || !crate::keys::valid_tenant(tenant) {
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
                params![tenant, pack_id, enabled, overrides, crate::now()],
            )?;
            bump(&tx)?;
            tx.commit()
        })
    }
}
