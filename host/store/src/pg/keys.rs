//! [`KeyStore`] on PostgreSQL.

use super::PostgresStore;
use super::postgres::Row;
use crate::StoreError;
use crate::keys::{ApiKey, KeyStore, NewKey, Role, format_time, generate, hash_secret, looks_like_key};

const COLUMNS: &str = "id, name, role, tenant, created_at, revoked_at";

fn row(r: &Row) -> ApiKey {
    let role: String = r.get(2);
    ApiKey {
        id: r.get(0),
        name: r.get(1),
        // Roles are checked on the way in; an unknown one (a newer sentra wrote it) gets no rights.
        role: role.parse().unwrap_or(Role::Viewer),
        tenant: r.get(3),
        created_at: format_time(r.get(4)),
        revoked_at: r.get::<_, Option<i64>>(5).map(format_time),
    }
}

impl KeyStore for PostgresStore {
    fn create_key(&self, new: &NewKey) -> Result<(ApiKey, String), StoreError> {
        new.validate()?;
        let (id, secret) = generate();
        let hash = hash_secret(&secret);
        let name = new.name.clone().unwrap_or_else(|| format!("{}-{id}", new.role));
        let created = crate::now();
        // The partial unique index on active names decides between concurrent creators.
        let inserted = self.with(|c| {
            c.execute(
                "INSERT INTO api_keys (id, name, role, tenant, secret_sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (name) WHERE revoked_at IS NULL DO NOTHING",
                &[&id, &name, &new.role.as_str(), &new.tenant, &hash, &created],
            )
        })?;
        if inserted == 0 {
            return Err(StoreError::DuplicateName(name));
        }
        let key = ApiKey { id, name, role: new.role, tenant: new.tenant.clone(), created_at: format_time(created), revoked_at: None };
        Ok((key, secret))
    }

    fn list_keys(&self) -> Result<Vec<ApiKey>, StoreError> {
        self.with(|c| Ok(c.query(&format!("SELECT {COLUMNS} FROM api_keys ORDER BY created_at, id"), &[])?.iter().map(row).collect()))
    }

    fn revoke_key(&self, id_or_name: &str) -> Result<ApiKey, StoreError> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let matches: Vec<ApiKey> = tx
                .query(
                    &format!("SELECT {COLUMNS} FROM api_keys WHERE id = $1 OR (name = $1 AND revoked_at IS NULL) ORDER BY id = $1 DESC FOR UPDATE"),
                    &[&id_or_name],
                )?
                .iter()
                .map(row)
                .collect();
            let pick = match crate::keys::pick_key(&matches, id_or_name) {
                Ok(k) => k,
                Err(e) => return Ok(Err(e)),
            };
            tx.execute("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", &[&pick.id, &crate::now()])?;
            let key = row(&tx.query_one(&format!("SELECT {COLUMNS} FROM api_keys WHERE id = $1"), &[&pick.id])?);
            tx.commit()?;
            Ok(Ok(key))
        })?
    }

    fn authenticate(&self, secret: &str) -> Result<Option<ApiKey>, StoreError> {
        if !looks_like_key(secret) {
            return Ok(None);
        }
        let hash = hash_secret(secret);
        self.with(|c| Ok(c.query_opt(&format!("SELECT {COLUMNS} FROM api_keys WHERE secret_sha256 = $1 AND revoked_at IS NULL"), &[&hash])?.as_ref().map(row)))
    }

    fn active_key_count(&self) -> Result<usize, StoreError> {
        self.with(|c| c.query_one("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL", &[])).map(|r| r.get::<_, i64>(0) as usize)
    }
}
