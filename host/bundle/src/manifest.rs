//! What a bundle says about its payload. Every field is bounded and checked: a manifest is
//! written by the pack's author, who is untrusted.

use serde::{Deserialize, Serialize};

/// Longest text field of a manifest, in bytes.
const MAX_FIELD: usize = 256;
/// Longest manifest, in bytes.
pub(crate) const MAX_MANIFEST: usize = 16 * 1024;

/// What a bundle carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PayloadKind {
    /// A Wasm component.
    Wasm,
    /// A YAML pack document.
    Yaml,
}

impl PayloadKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Wasm => "wasm",
            Self::Yaml => "yaml",
        }
    }
}

/// A bundle's manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The pack id (the pack's own: an import checks they agree).
    pub id: String,
    pub name: String,
    pub version: String,
    /// The pack API version the payload targets (`0.1.0`, `0.2.0`, or `yaml` for a document).
    pub api_version: String,
    pub kind: PayloadKind,
    pub license: String,
    /// Who made it, as the signer states it.
    pub author: String,
    /// The payload's sha256, lowercase hex.
    pub sha256: String,
    /// The payload's length in bytes.
    pub size: u64,
}

impl Manifest {
    /// Every problem with the fields, in order (empty when it is well-formed).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !sentra_pack_format::valid_pack_id(&self.id) {
            out.push("`id` is not a valid pack id (1 to 64 of a-z, 0-9 and `-`)".to_string());
        }
        for (field, value) in
            [("name", &self.name), ("version", &self.version), ("api_version", &self.api_version), ("license", &self.license), ("author", &self.author)]
        {
            if value.len() > MAX_FIELD {
                out.push(format!("`{field}` is longer than {MAX_FIELD} bytes"));
            } else if value.chars().any(char::is_control) {
                out.push(format!("`{field}` holds control characters"));
            }
        }
        if self.name.trim().is_empty() || self.version.trim().is_empty() {
            out.push("`name` and `version` must not be empty".to_string());
        }
        if self.sha256.len() != 64 || !self.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            out.push("`sha256` is not 64 lowercase hex digits".to_string());
        }
        out
    }
}
