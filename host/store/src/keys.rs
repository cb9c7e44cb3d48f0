//! API keys: roles, the key format, and how secrets are generated and hashed.
//!
//! A key reads `snt_<id>_<secret>`: the 8-hex-digit id names the key in lists and logs,
//! the 256-bit secret is random. Only the SHA-256 of the whole key is stored: with that
//! much entropy a slow password hash adds nothing, and a lookup stays one index probe.
//!
//! [`KeyStore`] is what the store does with keys; its SQLite implementation is below.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{SqliteStore, StoreError};

/// The roles a key can have. What each may do is the server's permission table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Admin,
    SecurityLead,
    Developer,
    Viewer,
    Agent,
    /// The server's operator: changes operator settings over the API. No tenant role
    /// includes it, and a key gets it only when asked for by name.
    Operator,
}

impl Role {
    pub const ALL: [Role; 6] = [Role::Admin, Role::SecurityLead, Role::Developer, Role::Viewer, Role::Agent, Role::Operator];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::SecurityLead => "security-lead",
            Role::Developer => "developer",
            Role::Viewer => "viewer",
            Role::Agent => "agent",
            Role::Operator => "operator",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role `{s}` (expected one of {})", Role::ALL.map(Role::as_str).join(", ")))
    }
}

/// A stored key, without its secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub tenant: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// What `create_key` needs.
#[derive(Clone, Debug)]
pub struct NewKey {
    pub role: Role,
    pub tenant: String,
    /// Defaults to `<role>-<id>`.
    pub name: Option<String>,
}

pub use sentra_model::valid_tenant;

impl NewKey {
    pub(crate) fn validate(&self) -> Result<(), StoreError> {
        if !valid_tenant(&self.tenant) {
            return Err(StoreError::Invalid(format!(
                "tenant `{}` is invalid: use 1 to 64 of a-z, 0-9, `-`, `_`, starting with a letter or digit",
                self.tenant
            )));
        }
        if let Some(n) = &self.name
            && (n.trim().is_empty() || n.len() > 100 || n.chars().any(char::is_control))
        {
            return Err(StoreError::Invalid(format!("key name `{n}` is invalid: 1 to 100 printable characters")));
        }
        Ok(())
    }
}

pub(crate) fn generate() -> (String, String) {
    let mut id = [0u8; 4];
    let mut secret = [0u8; 32];
    getrandom::fill(&mut id).expect("the OS random number generator is available");
    getrandom::fill(&mut secret).expect("the OS random number generator is available");
    let id = hex::encode(id);
    let key = format!("snt_{id}_{}", hex::encode(secret));
    (id, key)
}

/// The stored form of a key: its SHA-256, in hex.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

pub(crate) fn looks_like_key(s: &str) -> bool {
    s.len() <= 128 && s.starts_with("snt_")
}

pub(crate) fn format_time(unix: i64) -> String {
    jiff::Timestamp::from_second(unix).map(|t| t.to_string()).unwrap_or_else(|_| unix.to_string())
}

/// Compares two secrets in time independent of where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `api_keys` table (migration 1).
pub(crate) const MIGRATION: &str = "CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        tenant TEXT NOT NULL,
        secret_sha256 TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
    );
    CREATE INDEX api_keys_name ON api_keys(name);";

/// The key `id_or_name` names among `matches` (keys with that id, or active ones with that
/// name, the id first): an exact id wins over a name; two names are ambiguous.
pub(crate) fn pick_key(matches: &[ApiKey], id_or_name: &str) -> Result<ApiKey, StoreError> {
    match matches {
        [] => Err(StoreError::NoSuchKey(id_or_name.into())),
        [first, ..] if first.id == id_or_name => Ok(first.clone()),
        [only] => Ok(only.clone()),
        _ => Err(StoreError::AmbiguousKey(id_or_name.into())),
    }
}

/// API keys: who may call the server, in which role and tenant.
pub trait KeyStore {
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

const COLUMNS: &str = "id, name, role, tenant, created_at, revoked_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKey> {
    let role: String = r.get(2)?;
    Ok(ApiKey {
        id: r.get(0)?,
        name: r.get(1)?,
        // Roles are checked on the way in; an unknown one (a newer sentra wrote it) gets no rights.
        role: role.parse().unwrap_or(Role::Viewer),
        tenant: r.get(3)?,
        created_at: format_time(r.get(4)?),
        revoked_at: r.get::<_, Option<i64>>(5)?.map(format_time),
    })
}

impl KeyStore for SqliteStore {
    fn create_key(&self, new: &NewKey) -> Result<(ApiKey, String), StoreError> {
        new.validate()?;
        let (id, secret) = generate();
        let hash = hash_secret(&secret);
        let name = new.name.clone().unwrap_or_else(|| format!("{}-{id}", new.role));
        let created = crate::now();
        let inserted = self.with(|c| {
            let tx = c.transaction()?;
            let taken: Option<String> = tx.query_row("SELECT id FROM api_keys WHERE name = ?1 AND revoked_at IS NULL", [&name], |r| r.get(0)).optional()?;
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
        let key = ApiKey { id, name, role: new.role, tenant: new.tenant.clone(), created_at: format_time(created), revoked_at: None };
        Ok((key, secret))
    }

    fn list_keys(&self) -> Result<Vec<ApiKey>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(&format!("SELECT {COLUMNS} FROM api_keys ORDER BY created_at, id"))?;
            stmt.query_map([], row)?.collect()
        })
    }

    fn revoke_key(&self, id_or_name: &str) -> Result<ApiKey, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            let matches: Vec<ApiKey> = {
                let mut stmt =
                    tx.prepare(&format!("SELECT {COLUMNS} FROM api_keys WHERE id = ?1 OR (name = ?1 AND revoked_at IS NULL) ORDER BY id = ?1 DESC"))?;
                stmt.query_map([id_or_name], row)?.collect::<rusqlite::Result<_>>()?
            };
            let pick = match pick_key(&matches, id_or_name) {
                Ok(k) => k,
                Err(e) => return Ok(Err(e)),
            };
            tx.execute("UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL", params![pick.id, crate::now()])?;
            let key = tx.query_row(&format!("SELECT {COLUMNS} FROM api_keys WHERE id = ?1"), [&pick.id], row)?;
            tx.commit()?;
            Ok(Ok(key))
        })?
    }

    fn authenticate(&self, secret: &str) -> Result<Option<ApiKey>, StoreError> {
        if !looks_like_key(secret) {
            return Ok(None);
        }
        // Looked up by the SHA-256 of the secret: the secret itself is never stored, and a
        // timing difference in the index lookup reveals nothing about a valid secret.
        let hash = hash_secret(secret);
        self.with(|c| c.query_row(&format!("SELECT {COLUMNS} FROM api_keys WHERE secret_sha256 = ?1 AND revoked_at IS NULL"), [hash], row).optional())
    }

    fn active_key_count(&self) -> Result<usize, StoreError> {
        self.with(|c| c.query_row("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL", [], |r| r.get::<_, i64>(0))).map(|n| n as usize)
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
}
