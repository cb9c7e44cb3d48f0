//! `sentra pack keygen`, `sign` and `verify`: signing keys and pack bundles.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sentra_bundle::{Bundle, Manifest, PayloadKind, PublicKey, SecretKey};
use sentra_engine::Config;

use crate::args::*;
use crate::common::*;

pub(crate) fn keygen(args: PackKeygenArgs) -> Result<u8> {
    let secret_path = with_suffix(&args.prefix, "key");
    let public_path = with_suffix(&args.prefix, "pub");
    if !args.force
        && let Some(existing) = [&secret_path, &public_path].into_iter().find(|p| p.exists())
    {
        anyhow::bail!("{}: already exists; pass --force to replace the key pair", existing.display());
    }
    let key = SecretKey::generate()?;
    write_private(&secret_path, key.to_file_text().as_bytes(), args.force)?;
    std::fs::write(&public_path, format!("{}\n", key.public())).with_context(|| format!("{}: cannot write", public_path.display()))?;
    let mut out = anstream::stdout();
    writeln!(out, "wrote {} (secret: keep it out of version control) and {}", secret_path.display(), public_path.display())?;
    writeln!(out, "public key {} (id {}): list it under a server's pack_trust.keys", key.public(), key.public().id())?;
    Ok(0)
}

/// `prefix.suffix`, keeping any dots already in the prefix's file name.
fn with_suffix(prefix: &Path, suffix: &str) -> PathBuf {
    let mut s = prefix.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

/// Writes a secret readable by its owner only (created so: never briefly world-readable).
fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).mode(0o600);
    if replace {
        // An old file keeps its mode through truncation: remove it first.
        let _ = std::fs::remove_file(path);
    }
    options.create_new(true);
    let mut f = options.open(path).with_context(|| format!("{}: cannot create", path.display()))?;
    f.write_all(bytes).and_then(|()| f.sync_all()).with_context(|| format!("{}: cannot write", path.display()))
}

pub(crate) fn sign(args: PackSignArgs) -> Result<u8> {
    let file = &args.file;
    let payload = std::fs::read(file).with_context(|| format!("{}: cannot read pack", file.display()))?;
    if sentra_bundle::looks_like_bundle(&payload) {
        anyhow::bail!("{}: already a bundle; sign the pack it holds (`.wasm` or `.yaml`)", file.display());
    }
    let key = match &args.key {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read key", path.display()))?;
            Some(SecretKey::parse(&text).with_context(|| format!("{}", path.display()))?)
        }
        None => None,
    };
    // The manifest states what the pack says of itself: load it as a scan would.
    let pack = load_pack_file(&catalog()?, file, &Config::default())?;
    let info = pack.info();
    let kind = if payload.starts_with(b"\0asm") { PayloadKind::Wasm } else { PayloadKind::Yaml };
    let manifest = Manifest {
        id: info.id.clone(),
        name: info.name.clone(),
        version: info.version.clone(),
        api_version: pack.api_version().to_string(),
        kind,
        license: info.license.clone(),
        author: args.author.clone(),
        sha256: String::new(),
        size: 0,
    };
    let mut bundle = Bundle::new(manifest, payload).with_context(|| format!("{}", file.display()))?;
    if let Some(key) = &key {
        bundle.sign(key);
    }
    let output = args.output.clone().unwrap_or_else(|| file.with_file_name(format!("{}-{}.sentrapack", info.id, file_safe(&info.version))));
    std::fs::write(&output, bundle.to_bytes()).with_context(|| format!("{}: cannot write", output.display()))?;
    let signed = key.map_or_else(|| "unsigned".to_string(), |k| format!("signed by key {}", k.public().id()));
    writeln!(anstream::stdout(), "wrote {} (pack `{}` {}, {signed})", output.display(), info.id, info.version)?;
    Ok(0)
}

pub(crate) fn verify(args: PackVerifyArgs) -> Result<u8> {
    let file = &args.file;
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read bundle", file.display()))?;
    let wanted = args.key.iter().map(|k| read_public(k)).collect::<Result<Vec<_>>>()?;
    let mut out = anstream::stdout();
    let verified = match sentra_bundle::open(&bytes) {
        Ok(v) => v,
        Err(e) => {
            writeln!(anstream::stderr(), "sentra: {}: {e}", file.display())?;
            return Ok(1);
        }
    };
    let m = &verified.manifest;
    let signer = verified.signer.as_ref();
    let refusal = match signer {
        None if args.allow_unsigned && wanted.is_empty() => None,
        None => Some("the bundle is not signed (--allow-unsigned accepts an intact unsigned bundle)".to_string()),
        _ if wanted.is_empty() => None,
        Some(s) if !wanted.contains(s) => Some(format!("signed by key {}, which is not one of the keys given", s.id())),
        Some(_) => None,
    };
    if args.format == Format::Json {
        let value = serde_json::json!({
            "verified": refusal.is_none(), "problem": refusal, "manifest": m,
            "signer": signer.map(|k| serde_json::json!({"key": k.to_string(), "key_id": k.id()})),
        });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        writeln!(out, "pack     {} {} ({}, pack API {}), license {}", m.id, m.version, m.kind.as_str(), m.api_version, or_none(&m.license))?;
        writeln!(out, "author   {}", or_none(&m.author))?;
        writeln!(out, "sha256   {} ({} bytes, matches the payload)", m.sha256, m.size)?;
        match signer {
            Some(k) => writeln!(out, "signed   by key {} ({k}); the signature verifies", k.id())?,
            None => writeln!(out, "signed   no")?,
        }
        if let Some(problem) = &refusal {
            writeln!(anstream::stderr(), "sentra: {}: {problem}", file.display())?;
        }
    }
    Ok(u8::from(refusal.is_some()))
}

/// A pack's version as part of a file name: anything but letters, digits, `.`, `_`, `-`
/// (a `/`, `..` of a crafted version) becomes `_`.
fn file_safe(version: &str) -> String {
    let s: String = version.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' }).collect();
    if s.is_empty() || s.starts_with('.') { format!("v{s}") } else { s }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none)" } else { s }
}

/// A public key given on the command line, or the `.pub` file holding one.
fn read_public(arg: &str) -> Result<PublicKey> {
    if arg.starts_with("ed25519:") {
        return PublicKey::parse(arg).with_context(|| "--key".to_string());
    }
    let text = std::fs::read_to_string(arg).with_context(|| format!("{arg}: cannot read public key"))?;
    PublicKey::parse(&text).with_context(|| arg.to_string())
}
