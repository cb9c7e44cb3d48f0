//! The bundle file: reading it back with every claim checked ([`open`]), and making and
//! signing one ([`Bundle`]).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::keys::{PublicKey, SecretKey};
use crate::manifest::{MAX_MANIFEST, Manifest};

/// The bundle format this crate writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The media type of a bundle upload.
pub const MEDIA_TYPE: &str = "application/vnd.sentra.pack-bundle+json";
/// What a signature covers: this context, then the manifest's text. The context keeps a
/// bundle signature from being valid for anything else the same key might sign.
const SIGNING_CONTEXT: &[u8] = b"sentra-pack-bundle/1\n";

/// The file as stored.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleFile {
    sentra_bundle: u32,
    /// The manifest's JSON text, exactly as signed.
    manifest: String,
    /// The payload in base64.
    payload: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signature: Option<SignatureFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureFile {
    /// The signer's public key (`ed25519:...`).
    key: String,
    /// The Ed25519 signature, base64.
    value: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BundleError {
    /// The text is not a bundle. Where it fails, never what it holds.
    #[error("not a sentra pack bundle ({0})")]
    NotBundle(String),
    #[error("bundle format {0} is not supported (this sentra reads format {FORMAT_VERSION})")]
    Version(u32),
    #[error("the bundle's manifest is invalid: {}", .0.join("; "))]
    Manifest(Vec<String>),
    #[error("the payload's sha256 is {actual}, but the manifest says {expected}: the bundle was changed after it was made")]
    HashMismatch { expected: String, actual: String },
    #[error("the payload is {actual} bytes, but the manifest says {expected}: the bundle was changed after it was made")]
    SizeMismatch { expected: u64, actual: u64 },
    #[error("the signature does not verify with key {key_id}: the manifest was changed after it was signed")]
    BadSignature { key_id: String },
}

/// A bundle whose hash, size and signature (when it has one) check out.
#[derive(Debug)]
pub struct Verified {
    pub manifest: Manifest,
    pub payload: Vec<u8>,
    /// Who signed it; `None` for an unsigned bundle.
    pub signer: Option<PublicKey>,
}

/// Whether `bytes` are a bundle (a JSON object with a top-level `sentra_bundle` key, in
/// any key order), to tell a bundle from a YAML or JSON pack document.
pub fn looks_like_bundle(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        sentra_bundle: Option<serde::de::IgnoredAny>,
    }
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| bytes[i] == b'{') && serde_json::from_slice::<Probe>(bytes).is_ok_and(|p| p.sentra_bundle.is_some())
}

/// Reads a bundle and checks every claim it makes: format, manifest, payload hash and
/// size, and the signature over the manifest.
pub fn open(bytes: &[u8]) -> Result<Verified, BundleError> {
    let file: BundleFile = serde_json::from_slice(bytes).map_err(|e| BundleError::NotBundle(where_(&e)))?;
    if file.sentra_bundle != FORMAT_VERSION {
        return Err(BundleError::Version(file.sentra_bundle));
    }
    if file.manifest.len() > MAX_MANIFEST {
        return Err(BundleError::Manifest(vec![format!("longer than {MAX_MANIFEST} bytes")]));
    }
    let manifest: Manifest = serde_json::from_str(&file.manifest).map_err(|e| BundleError::Manifest(vec![where_(&e)]))?;
    let problems = manifest.problems();
    if !problems.is_empty() {
        return Err(BundleError::Manifest(problems));
    }
    let signer = match &file.signature {
        None => None,
        Some(s) => {
            let key = PublicKey::parse(&s.key).map_err(|e| BundleError::NotBundle(format!("signature.key: {e}")))?;
            let value: [u8; 64] = decode(&s.value, 128)
                .and_then(|v| v.try_into().ok())
                .ok_or_else(|| BundleError::NotBundle("signature.value is not 64 bytes in base64".into()))?;
            if !key.verify(&message(&file.manifest), &value) {
                return Err(BundleError::BadSignature { key_id: key.id() });
            }
            Some(key)
        }
    };
    let payload = decode(&file.payload, usize::MAX).ok_or_else(|| BundleError::NotBundle("payload is not base64".into()))?;
    if payload.len() as u64 != manifest.size {
        return Err(BundleError::SizeMismatch { expected: manifest.size, actual: payload.len() as u64 });
    }
    let actual = hex::encode(Sha256::digest(&payload));
    if actual != manifest.sha256 {
        return Err(BundleError::HashMismatch { expected: manifest.sha256, actual });
    }
    Ok(Verified { manifest, payload, signer })
}

/// Where a JSON error is, and its category: never the text it was reading.
fn where_(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Io => "unreadable",
        serde_json::error::Category::Syntax => "invalid JSON",
        serde_json::error::Category::Data => "missing, unknown or mistyped field",
        serde_json::error::Category::Eof => "truncated",
    };
    format!("{what} at line {} column {}", e.line(), e.column())
}

fn decode(b64: &str, max_len: usize) -> Option<Vec<u8>> {
    if b64.len() > max_len {
        return None;
    }
    STANDARD.decode(b64).ok()
}

fn message(manifest_text: &str) -> Vec<u8> {
    [SIGNING_CONTEXT, manifest_text.as_bytes()].concat()
}

/// A bundle being made.
#[derive(Debug)]
pub struct Bundle {
    manifest_text: String,
    payload: Vec<u8>,
    signature: Option<(PublicKey, [u8; 64])>,
}

impl Bundle {
    /// A bundle of `payload`; the manifest's `sha256` and `size` are set from it.
    pub fn new(mut manifest: Manifest, payload: Vec<u8>) -> Result<Self, BundleError> {
        manifest.sha256 = hex::encode(Sha256::digest(&payload));
        manifest.size = payload.len() as u64;
        let problems = manifest.problems();
        if !problems.is_empty() {
            return Err(BundleError::Manifest(problems));
        }
        let manifest_text = serde_json::to_string_pretty(&manifest).expect("a manifest serializes");
        Ok(Self { manifest_text, payload, signature: None })
    }

    /// Signs the manifest (replacing any earlier signature).
    pub fn sign(&mut self, key: &SecretKey) {
        self.signature = Some((key.public(), key.sign(&message(&self.manifest_text))));
    }

    /// The bundle file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let file = BundleFile {
            sentra_bundle: FORMAT_VERSION,
            manifest: self.manifest_text.clone(),
            payload: STANDARD.encode(&self.payload),
            signature: self.signature.map(|(key, value)| SignatureFile { key: key.to_string(), value: STANDARD.encode(value) }),
        };
        let mut out = serde_json::to_vec_pretty(&file).expect("a bundle serializes");
        out.push(b'\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::PayloadKind;

    fn manifest() -> Manifest {
        Manifest {
            id: "acme-rules".into(),
            name: "Acme rules".into(),
            version: "1.2.0".into(),
            api_version: "yaml".into(),
            kind: PayloadKind::Yaml,
            license: "MIT".into(),
            author: "Acme security".into(),
            sha256: String::new(),
            size: 0,
        }
    }

    fn signed() -> (SecretKey, Vec<u8>) {
        let key = SecretKey::generate().unwrap();
        let mut b = Bundle::new(manifest(), b"pack_id: acme-rules\n".to_vec()).unwrap();
        b.sign(&key);
        (key, b.to_bytes())
    }

    #[test]
    fn a_signed_bundle_opens_with_its_signer() {
        let (key, bytes) = signed();
        assert!(looks_like_bundle(&bytes));
        let v = open(&bytes).unwrap();
        assert_eq!(v.signer, Some(key.public()));
        assert_eq!(v.payload, b"pack_id: acme-rules\n");
        assert_eq!(v.manifest.id, "acme-rules");
    }

    #[test]
    fn an_unsigned_bundle_opens_without_a_signer() {
        let bytes = Bundle::new(manifest(), b"x".to_vec()).unwrap().to_bytes();
        assert_eq!(open(&bytes).unwrap().signer, None);
    }

    /// Changing any part of a signed bundle is caught: the payload (hash), the manifest
    /// (signature), or both consistently (signature).
    #[test]
    fn tampering_is_refused() {
        let (_, bytes) = signed();
        let mut file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let evil = STANDARD.encode(b"pack_id: acme-evil\n");
        let mut payload_changed = file.clone();
        payload_changed["payload"] = evil.clone().into();
        assert!(matches!(open(&serde_json::to_vec(&payload_changed).unwrap()), Err(BundleError::SizeMismatch { .. })));

        let same_size = STANDARD.encode(b"pack_id: acme-ruleZ\n");
        payload_changed["payload"] = same_size.into();
        assert!(matches!(open(&serde_json::to_vec(&payload_changed).unwrap()), Err(BundleError::HashMismatch { .. })));

        let mut m: Manifest = serde_json::from_str(file["manifest"].as_str().unwrap()).unwrap();
        m.sha256 = hex::encode(Sha256::digest(b"pack_id: acme-evil\n"));
        m.size = 19;
        file["manifest"] = serde_json::to_string_pretty(&m).unwrap().into();
        file["payload"] = evil.into();
        assert!(matches!(open(&serde_json::to_vec(&file).unwrap()), Err(BundleError::BadSignature { .. })));
    }

    #[test]
    fn malformed_bundles_name_the_place_not_the_content() {
        let e = open(b"{\"sentra_bundle\": 1, \"secret-looking\": \"hunter2\"}").unwrap_err();
        assert!(matches!(e, BundleError::NotBundle(_)));
        assert!(!e.to_string().contains("hunter2") && !e.to_string().contains("secret-looking"), "{e}");
        assert_eq!(open(b"{\"sentra_bundle\": 9, \"manifest\": \"\", \"payload\": \"\"}").unwrap_err(), BundleError::Version(9));
        assert!(!looks_like_bundle(b"pack_id: x\nrules: []\n"));
        assert!(!looks_like_bundle(b"{\"pack_id\": \"x\", \"description\": \"sentra_bundle\"}"));
        assert!(looks_like_bundle(b" {\"payload\": \"\", \"sentra_bundle\": 1}"), "in any key order");
        let mut bad = manifest();
        bad.id = "../etc".into();
        assert!(matches!(Bundle::new(bad, vec![]), Err(BundleError::Manifest(_))));
    }
}
