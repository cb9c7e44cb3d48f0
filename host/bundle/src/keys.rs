//! Signing keys as text: a public key is `ed25519:<base64 of 32 bytes>` (what a trust
//! policy lists), a secret key file holds `ed25519-secret:<base64 of the 32-byte seed>`.
//! A key's id is the first 16 hex digits of its sha256, for people to compare.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

const PUBLIC_PREFIX: &str = "ed25519:";
const SECRET_PREFIX: &str = "ed25519-secret:";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("not a public key (expected `ed25519:` and 32 bytes in base64)")]
    BadPublic,
    #[error("not a secret key (expected a line `ed25519-secret:` and 32 bytes in base64)")]
    BadSecret,
    #[error("no randomness for a new key: {0}")]
    Random(String),
}

/// An Ed25519 public key.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// Parses `ed25519:<base64>` (surrounding whitespace ignored).
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let b64 = text.trim().strip_prefix(PUBLIC_PREFIX).ok_or(KeyError::BadPublic)?;
        // 32 bytes are 44 base64 characters: refuse anything longer before decoding.
        if b64.len() > 64 {
            return Err(KeyError::BadPublic);
        }
        let bytes: [u8; 32] = STANDARD.decode(b64).map_err(|_| KeyError::BadPublic)?.try_into().map_err(|_| KeyError::BadPublic)?;
        VerifyingKey::from_bytes(&bytes).map(Self).map_err(|_| KeyError::BadPublic)
    }

    /// The id of the key `text` holds, when it holds one (a stored signer, shown).
    pub fn id_of(text: &str) -> Option<String> {
        Self::parse(text).ok().map(|k| k.id())
    }

    /// The first 16 hex digits of the key's sha256.
    pub fn id(&self) -> String {
        hex::encode(&Sha256::digest(self.0.as_bytes())[..8])
    }

    pub(crate) fn verify(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        self.0.verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature)).is_ok()
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PUBLIC_PREFIX}{}", STANDARD.encode(self.0.as_bytes()))
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.id())
    }
}

/// An Ed25519 signing key. Its `Debug` never shows the secret.
pub struct SecretKey(SigningKey);

impl SecretKey {
    /// A new key from the operating system's randomness.
    pub fn generate() -> Result<Self, KeyError> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| KeyError::Random(e.to_string()))?;
        Ok(Self(SigningKey::from_bytes(&seed)))
    }

    /// Reads a secret key file's text: the first line that is not a `#` comment.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).ok_or(KeyError::BadSecret)?;
        let b64 = line.strip_prefix(SECRET_PREFIX).ok_or(KeyError::BadSecret)?;
        if b64.len() > 64 {
            return Err(KeyError::BadSecret);
        }
        let seed: [u8; 32] = STANDARD.decode(b64).map_err(|_| KeyError::BadSecret)?.try_into().map_err(|_| KeyError::BadSecret)?;
        Ok(Self(SigningKey::from_bytes(&seed)))
    }

    /// The key file's text (a comment, then the key).
    pub fn to_file_text(&self) -> String {
        format!(
            "# sentra pack signing key {} (secret: keep it out of version control)\n{SECRET_PREFIX}{}\n",
            self.public().id(),
            STANDARD.encode(self.0.to_bytes())
        )
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey(public {})", self.public().id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_their_text() {
        let secret = SecretKey::generate().unwrap();
        let again = SecretKey::parse(&secret.to_file_text()).unwrap();
        assert_eq!(again.public(), secret.public());
        let public = PublicKey::parse(&secret.public().to_string()).unwrap();
        assert_eq!(public, secret.public());
        assert_eq!(public.id().len(), 16);
        assert!(!format!("{secret:?}").contains(&STANDARD.encode(secret.0.to_bytes())));
    }

    #[test]
    fn malformed_keys_are_refused() {
        for bad in ["", "ed25519:", "ed25519:AAAA", "rsa:AAAA", &format!("ed25519:{}", "A".repeat(400))] {
            assert_eq!(PublicKey::parse(bad), Err(KeyError::BadPublic), "{bad}");
        }
        assert!(matches!(SecretKey::parse("# only a comment\n"), Err(KeyError::BadSecret)));
        assert!(matches!(SecretKey::parse("ed25519:AAAA"), Err(KeyError::BadSecret)));
    }
}
