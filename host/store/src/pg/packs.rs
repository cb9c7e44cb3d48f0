//! [`PackStore`] on PostgreSQL. A custom pack's bytes are a content-addressed blob in the
//! database (`pack_blobs`, keyed by sha256), written in the same transaction as the row
//! that points at it, so every replica reads the same bytes. Blobs no pack refers to are
//! swept an hour after they were last stored: deleting one at once could race another
//! tenant's import of the same bytes, which found the blob present and wrote none.

use super::PostgresStore;
use super::postgres::{Row, Transaction};
use crate::StoreError;
use crate::packs::{NewPack, PackKind, PackRecord, PackStore, sha256_hex, valid_pack_id};

const COLUMNS: &str = "tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, updated_at, signer, author";

fn row(r: &Row) -> PackRecord {
    let overrides: String = r.get(11);
    PackRecord {
        tenant: r.get(0),
        pack_id: r.get(1),
        custom: r.get(2),
        kind: PackKind::parse(&r.get::<_, String>(3)),
        sha256: r.get(4),
        name: r.get(5),
        version: r.get(6),
        description: r.get(7),
        license: r.get(8),
        rule_count: r.get::<_, i64>(9) as usize,
        enabled: r.get(10),
        overrides: serde_json::from_str(&overrides).unwrap_or_else(|_| serde_json::json!({})),
        updated_at: crate::keys::format_time(r.get(12)),
        signer: r.get(13),
        author: r.get(14),
        file: None,
    }
}

impl PackStore for PostgresStore {
    fn packs_revision(&self) -> Result<i64, StoreError> {
        self.with(|c| c.query_one("SELECT value FROM meta WHERE key = 'packs_revision'", &[])).map(|r| r.get(0))
    }

    fn list_packs(&self, tenant: &str) -> Result<Vec<PackRecord>, StoreError> {
        self.with(|c| Ok(c.query(&format!("SELECT {COLUMNS} FROM packs WHERE tenant = $1 ORDER BY pack_id"), &[&tenant])?.iter().map(row).collect()))
    }

    fn get_pack(&self, tenant: &str, pack_id: &str) -> Result<Option<PackRecord>, StoreError> {
        self.with(|c| Ok(c.query_opt(&format!("SELECT {COLUMNS} FROM packs WHERE tenant = $1 AND pack_id = $2"), &[&tenant, &pack_id])?.as_ref().map(row)))
    }

    fn put_pack(&self, new: &NewPack, bytes: &[u8]) -> Result<PackRecord, StoreError> {
        if !valid_pack_id(&new.pack_id) || !crate::keys::valid_tenant(&new.tenant) {
            return Err(StoreError::Invalid(format!("pack id `{}` or tenant `{}` is invalid", new.pack_id, new.tenant)));
        }
        let sha = sha256_hex(bytes);
        self.with(|c| {
            let mut tx = c.transaction()?;
            let old: Option<String> = tx
                .query_opt("SELECT sha256 FROM packs WHERE tenant = $1 AND pack_id = $2 AND custom FOR UPDATE", &[&new.tenant, &new.pack_id])?
                .map(|r| r.get(0));
            // Touching an existing blob locks its row until this import commits.
            tx.execute(
                "INSERT INTO pack_blobs (sha256, bytes, touched_ms) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO UPDATE SET touched_ms = excluded.touched_ms",
                &[&sha, &bytes, &crate::scan_jobs::now_ms()],
            )?;
            tx.execute(
                "INSERT INTO packs (tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, updated_at, signer, author)
                 VALUES ($1, $2, TRUE, $3, $4, $5, $6, $7, $8, $9, $10, '{}', $11, $12, $13)
                 ON CONFLICT (tenant, pack_id) DO UPDATE SET custom = TRUE, kind = $3, sha256 = $4, name = $5, version = $6,
                   description = $7, license = $8, rule_count = $9, enabled = $10, updated_at = $11, signer = $12, author = $13",
                &[
                    &new.tenant,
                    &new.pack_id,
                    &new.kind.as_str(),
                    &sha,
                    &new.name,
                    &new.version,
                    &new.description,
                    &new.license,
                    &(new.rule_count as i64),
                    &new.enabled,
                    &crate::now(),
                    &new.signer,
                    &new.author,
                ],
            )?;
            if old.is_some_and(|o| o != sha) {
                sweep_blobs(&mut tx)?;
            }
            bump(&mut tx)?;
            tx.commit()
        })?;
        Ok(self.get_pack(&new.tenant, &new.pack_id)?.expect("the pack was just stored"))
    }

    fn pack_bytes(&self, record: &PackRecord) -> Result<Vec<u8>, StoreError> {
        if !record.custom {
            return Err(StoreError::Invalid(format!("pack `{}` is built in; it has no stored file", record.pack_id)));
        }
        let bytes: Option<Vec<u8>> = self.with(|c| Ok(c.query_opt("SELECT bytes FROM pack_blobs WHERE sha256 = $1", &[&record.sha256])?.map(|r| r.get(0))))?;
        match bytes {
            Some(b) if sha256_hex(&b) == record.sha256 => Ok(b),
            _ => Err(StoreError::CorruptBlob { pack_id: record.pack_id.clone(), sha256: record.sha256.clone() }),
        }
    }

    fn delete_pack(&self, tenant: &str, pack_id: &str) -> Result<bool, StoreError> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let sha: Option<String> =
                tx.query_opt("DELETE FROM packs WHERE tenant = $1 AND pack_id = $2 AND custom RETURNING sha256", &[&tenant, &pack_id])?.map(|r| r.get(0));
            if sha.is_some() {
                sweep_blobs(&mut tx)?;
                bump(&mut tx)?;
            }
            tx.commit()?;
            Ok(sha.is_some())
        })
    }

    fn set_pack_enabled(&self, tenant: &str, pack_id: &str, enabled: bool) -> Result<(), StoreError> {
        self.upsert_setting(tenant, pack_id, "enabled = excluded.enabled", enabled, &serde_json::json!({}))
    }

    fn set_pack_overrides(&self, tenant: &str, pack_id: &str, overrides: &serde_json::Value) -> Result<(), StoreError> {
        self.upsert_setting(tenant, pack_id, "overrides = excluded.overrides", true, overrides)
    }
}

/// Marks a pack change for every replica sharing the database.
fn bump(tx: &mut Transaction<'_>) -> Result<(), super::postgres::Error> {
    tx.execute("UPDATE meta SET value = value + 1 WHERE key = 'packs_revision'", &[]).map(|_| ())
}

/// How long an unreferenced blob is kept after it was last stored.
const BLOB_GRACE_MS: i64 = 3_600_000;

fn sweep_blobs(tx: &mut Transaction<'_>) -> Result<(), super::postgres::Error> {
    let cutoff = crate::scan_jobs::now_ms() - BLOB_GRACE_MS;
    tx.execute("DELETE FROM pack_blobs b WHERE touched_ms < $1 AND NOT EXISTS (SELECT 1 FROM packs p WHERE p.sha256 = b.sha256 AND p.custom)", &[&cutoff])
        .map(|_| ())
}

impl PostgresStore {
    /// Inserts a settings row for a built-in pack, or updates one column of an existing row.
    fn upsert_setting(&self, tenant: &str, pack_id: &str, update: &str, enabled: bool, overrides: &serde_json::Value) -> Result<(), StoreError> {
        if !valid_pack_id(pack_id) || !crate::keys::valid_tenant(tenant) {
            return Err(StoreError::Invalid(format!("pack id `{pack_id}` or tenant `{tenant}` is invalid")));
        }
        let overrides = overrides.to_string();
        self.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute(
                &format!(
                    "INSERT INTO packs (tenant, pack_id, custom, kind, sha256, name, version, description, license, rule_count, enabled, overrides, updated_at)
                     VALUES ($1, $2, FALSE, 'wasm', '', '', '', '', '', 0, $3, $4, $5)
                     ON CONFLICT (tenant, pack_id) DO UPDATE SET {update}, updated_at = excluded.updated_at"
                ),
                &[&tenant, &pack_id, &enabled, &overrides, &crate::now()],
            )?;
            bump(&mut tx)?;
            tx.commit()
        })
    }
}
