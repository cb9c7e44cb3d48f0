//! The operator's pack trust policy: which imported packs a tenant may run. Built-in packs
//! and the operator's own `pack_files` are always trusted; this decides only about packs a
//! tenant imports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::keys::PublicKey;

/// Most keys one policy may list.
const MAX_KEYS: usize = 64;

/// `pack_trust` as written in the config.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTrust {
    /// `any` (the default): any pack that checks out (a bundle's hash and signature must
    /// still verify); `signed`: only bundles signed by one of `keys`; `builtin_only`: no
    /// imported packs at all.
    #[serde(default)]
    pub policy: TrustMode,
    /// The public keys (`ed25519:...`, as `sentra pack keygen` prints them) whose
    /// signatures `signed` accepts, each with a name for people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<RawTrustedKey>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrustMode {
    #[default]
    Any,
    Signed,
    BuiltinOnly,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTrustedKey {
    pub name: String,
    /// `ed25519:` and the key's 32 bytes in base64.
    pub key: String,
}

/// A problem with a written policy: the field it is about and what is wrong.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{field}: {message}")]
pub struct TrustError {
    pub field: String,
    pub message: String,
}

/// A key the policy trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedKey {
    pub name: String,
    pub key: PublicKey,
}

/// The checked policy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum TrustPolicy {
    #[default]
    Any,
    Signed(Vec<TrustedKey>),
    BuiltinOnly,
}

/// Why a pack may not run (or be imported) under a policy.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum Untrusted {
    #[error("the operator allows only built-in packs here (pack_trust: builtin_only)")]
    BuiltinOnly,
    #[error(
        "the pack is not signed, and only packs signed by a listed key are allowed here (pack_trust: signed); sign it with `sentra pack sign` and import the bundle"
    )]
    Unsigned,
    #[error("the pack is signed by key {key_id}, which pack_trust does not list")]
    UnknownKey { key_id: String },
}

impl TrustPolicy {
    pub fn from_raw(raw: &RawTrust) -> Result<Self, TrustError> {
        let err = |field: String, message: String| TrustError { field, message };
        if raw.keys.len() > MAX_KEYS {
            return Err(err("keys".into(), format!("{} keys; at most {MAX_KEYS}", raw.keys.len())));
        }
        let mut keys = Vec::new();
        for (i, k) in raw.keys.iter().enumerate() {
            let key = PublicKey::parse(&k.key).map_err(|e| err(format!("keys.{i}.key"), e.to_string()))?;
            if k.name.trim().is_empty() || k.name.len() > 128 || k.name.chars().any(char::is_control) {
                return Err(err(format!("keys.{i}.name"), "must be 1 to 128 printable characters".into()));
            }
            keys.push(TrustedKey { name: k.name.clone(), key });
        }
        match raw.policy {
            TrustMode::Any => Ok(Self::Any),
            TrustMode::BuiltinOnly => Ok(Self::BuiltinOnly),
            TrustMode::Signed if keys.is_empty() => Err(err("keys".into(), "policy `signed` needs at least one key".into())),
            TrustMode::Signed => Ok(Self::Signed(keys)),
        }
    }

    /// Whether a pack signed by `signer` (or unsigned) may be imported and run; the
    /// listed key that signed it, when there is one.
    pub fn admit(&self, signer: Option<&PublicKey>) -> Result<Option<&TrustedKey>, Untrusted> {
        match (self, signer) {
            (Self::Any, _) => Ok(None),
            (Self::BuiltinOnly, _) => Err(Untrusted::BuiltinOnly),
            (Self::Signed(_), None) => Err(Untrusted::Unsigned),
            (Self::Signed(keys), Some(s)) => keys.iter().find(|k| &k.key == s).map(Some).ok_or_else(|| Untrusted::UnknownKey { key_id: s.id() }),
        }
    }

    /// The listed key `signer` is, under any policy (to name a signer).
    pub fn named(&self, signer: &PublicKey) -> Option<&str> {
        match self {
            Self::Signed(keys) => keys.iter().find(|k| &k.key == signer).map(|k| k.name.as_str()),
            _ => None,
        }
    }

    pub fn mode(&self) -> TrustMode {
        match self {
            Self::Any => TrustMode::Any,
            Self::Signed(_) => TrustMode::Signed,
            Self::BuiltinOnly => TrustMode::BuiltinOnly,
        }
    }
}

impl TrustMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Any => "any",
            Self::Signed => "signed",
            Self::BuiltinOnly => "builtin_only",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::SecretKey;

    #[test]
    fn each_policy_admits_what_it_says() {
        let (a, b) = (SecretKey::generate().unwrap().public(), SecretKey::generate().unwrap().public());
        let raw = RawTrust { policy: TrustMode::Signed, keys: vec![RawTrustedKey { name: "acme".into(), key: a.to_string() }] };
        let signed = TrustPolicy::from_raw(&raw).unwrap();
        assert_eq!(signed.admit(Some(&a)).unwrap().map(|k| k.name.as_str()), Some("acme"));
        assert_eq!(signed.admit(Some(&b)), Err(Untrusted::UnknownKey { key_id: b.id() }));
        assert_eq!(signed.admit(None), Err(Untrusted::Unsigned));
        assert_eq!(TrustPolicy::Any.admit(None), Ok(None));
        assert_eq!(TrustPolicy::BuiltinOnly.admit(Some(&a)), Err(Untrusted::BuiltinOnly));
    }

    #[test]
    fn bad_policies_name_the_field() {
        let none = RawTrust { policy: TrustMode::Signed, keys: vec![] };
        assert_eq!(TrustPolicy::from_raw(&none).unwrap_err().field, "keys");
        let bad = RawTrust { policy: TrustMode::Any, keys: vec![RawTrustedKey { name: "x".into(), key: "ed25519:nope".into() }] };
        assert_eq!(TrustPolicy::from_raw(&bad).unwrap_err().field, "keys.0.key");
    }
}
