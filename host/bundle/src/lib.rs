//! Signed pack bundles.
//!
//! A bundle is one file (JSON, `.sentrapack`) holding a pack's payload (a Wasm component
//! or a YAML document), a [`Manifest`] naming it (id, version, pack API version, license,
//! author, the payload's sha256 and size) and, optionally, an Ed25519 signature over the
//! manifest. The manifest is kept as the exact text that was signed, so verifying never
//! depends on re-serializing JSON the same way; the payload is bound to it by its hash.
//!
//! [`open`] checks everything a bundle claims (hash, size, signature) before anything
//! reads the payload; [`TrustPolicy`] then decides whether its signer may import it.
//! Everything here treats its input as hostile: sizes are bounded and errors never quote
//! the payload.

mod bundle;
mod keys;
mod manifest;
mod trust;

pub use bundle::{Bundle, BundleError, FORMAT_VERSION, MEDIA_TYPE, Verified, looks_like_bundle, open};
pub use keys::{KeyError, PublicKey, SecretKey};
pub use manifest::{Manifest, PayloadKind};
pub use trust::{RawTrust, RawTrustedKey, TrustError, TrustMode, TrustPolicy, TrustedKey, Untrusted};
