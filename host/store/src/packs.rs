//! Custom packs and per-tenant pack settings.
//!
//! A custom pack's bytes live in `<state>/packs/<tenant>/<id>-<sha256 prefix>.<yaml|wasm>`,
//! written atomically (temporary file, fsync, rename) before the database row that points
//! at it is committed. A crash in between leaves the row on the old file: the old pack,
//! never a torn one. Ids and tenants are checked against strict patterns before they
//! become path components.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::StoreError;

/// Pack ids: what may become a path component.
pub fn valid_pack_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty() && b.len() <= 64 && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
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
    fn parse(s: &str) -> Self {
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
}

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

pub(crate) const COLUMNS: &str = "tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, file, updated_at";

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
