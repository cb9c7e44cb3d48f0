//! API keys: roles, the key format, and how secrets are generated and hashed.
//!
//! A key reads `snt_<id>_<secret>`: the 8-hex-digit id names the key in lists and logs,
//! the 256-bit secret is random. Only the SHA-256 of the whole key is stored: with that
//! much entropy a slow password hash adds nothing, and a lookup stays one index probe.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::StoreError;

/// The roles a key can have. What each may do is the server's permission table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Admin,
    SecurityLead,
    Developer,
    Viewer,
    Agent,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Admin, Role::SecurityLead, Role::Developer, Role::Viewer, Role::Agent];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::SecurityLead => "security-lead",
            Role::Developer => "developer",
            Role::Viewer => "viewer",
            Role::Agent => "agent",
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
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| {
            format!("unknown role `{s}` (expected one of {})", Role::ALL.map(Role::as_str).join(", "))
        })
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

/// Tenant ids: what later becomes part of storage keys, so kept to a safe alphabet.
pub fn valid_tenant(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 64
        && t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && t.as_bytes()[0].is_ascii_alphanumeric()
}

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
