//! Files the host reads on its own behalf (config files, pack files named in a config):
//! regular files only, checked on the opened handle (a FIFO is opened without blocking and
//! refused, a device is refused before any byte is read), bounded in size, and reported by
//! path and reason, never by content: a config that names `/proc/self/environ` or a
//! credentials file as a pack must not get its contents echoed back in an error.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Largest pack file (YAML document or Wasm component) read from disk.
pub const MAX_PACK_FILE_BYTES: u64 = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot open: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("{path}: not a regular file ({kind})")]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{path}: {size} bytes; the limit is {limit}")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: cannot read: {reason}")]
    Read { path: PathBuf, reason: String },
}

impl FileError {
    /// The file it is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Open { path, .. } | Self::NotRegular { path, .. } | Self::TooLarge { path, .. } | Self::Read { path, .. } => path,
        }
    }

    /// What went wrong, without the path (for messages that lead with it).
    pub fn what(&self) -> String {
        match self {
            Self::Open { reason, .. } => format!("cannot open: {reason}"),
            Self::NotRegular { kind, .. } => format!("not a regular file ({kind})"),
            Self::TooLarge { size, limit, .. } => format!("{size} bytes; the limit is {limit}"),
            Self::Read { reason, .. } => format!("cannot read: {reason}"),
        }
    }
}

/// The io error's kind, without any detail that could carry data.
fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        kind => kind.to_string(),
    }
}

fn kind_of(ft: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_dir() {
        "a directory"
    } else if ft.is_fifo() {
        "a FIFO"
    } else if ft.is_char_device() || ft.is_block_device() {
        "a device"
    } else if ft.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// Reads a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        // Opening a FIFO for reading blocks until a writer comes; this never waits.
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| FileError::Open { path: path.into(), reason: reason(&e) })?;
    let meta = file.metadata().map_err(|e| FileError::Read { path: path.into(), reason: reason(&e) })?;
    if !meta.file_type().is_file() {
        return Err(FileError::NotRegular { path: path.into(), kind: kind_of(meta.file_type()) });
    }
    if meta.len() > limit {
        return Err(FileError::TooLarge { path: path.into(), size: meta.len(), limit });
    }
    // The size can change under us (and /proc files report 0): the read is bounded too.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| FileError::Read { path: path.into(), reason: reason(&e) })?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { path: path.into(), size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// A YAML (or shape) error of a file, as position and reason only: serde's messages quote
/// the offending value and the parser shows a snippet of the file, either of which can be
/// a secret when the "config" is a file that never was one.
pub fn yaml_problem(e: &serde_saphyr::Error) -> String {
    yaml_problem_in(e, &[])
}

/// An identifier-like key name: safe to repeat (a key, not a value), where a message names one.
fn key_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// [`yaml_problem`], naming the key at fault: an unknown key by its (identifier-like) name,
/// any other problem by the first of `known` (the document's own key names) the message
/// mentions. Values are never repeated.
pub fn yaml_problem_in(e: &serde_saphyr::Error, known: &[String]) -> String {
    let text = e.to_string();
    let unknown = text.split("unknown field `").nth(1).and_then(|r| r.split('`').next()).filter(|k| key_name(k));
    let known = known.iter().find(|k| {
        text.match_indices(k.as_str()).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + k.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
            boundary(before) && boundary(after)
        })
    });
    let plain = yaml_reason(e, &text);
    match (unknown, known) {
        (Some(k), _) => format!("`{k}`: {plain}"),
        (None, Some(k)) => format!("`{k}`: {plain}"),
        (None, None) => plain,
    }
}

fn yaml_reason(e: &serde_saphyr::Error, text: &str) -> String {
    let reason = if text.contains("unknown field") {
        "unknown key"
    } else if text.contains("missing field") {
        "a required key is missing"
    } else if text.contains("invalid type") {
        "a value has the wrong type"
    } else if text.contains("unknown variant") || text.contains("invalid value") {
        "a value is not one of those allowed"
    } else if text.contains("duplicate") {
        "a key is repeated"
    } else {
        "not valid YAML"
    };
    match e.location() {
        Some(at) => format!("{reason} at line {}, column {}", at.line(), at.column()),
        None => reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_files_are_refused_without_blocking_or_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let started = std::time::Instant::now();
        assert!(matches!(read_regular(&fifo, 1024), Err(FileError::NotRegular { kind: "a FIFO", .. })));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(matches!(read_regular(Path::new("/dev/zero"), 1024), Err(FileError::NotRegular { kind: "a device", .. })));
        assert!(matches!(read_regular(dir.path(), 1024), Err(FileError::NotRegular { kind: "a directory", .. })));
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'a'; 2048]).unwrap();
        assert!(matches!(read_regular(&big, 1024), Err(FileError::TooLarge { size: 2048, .. })));
        assert_eq!(read_regular(&big, 4096).unwrap().len(), 2048);
    }

    #[test]
    fn yaml_problems_name_the_place_not_the_content() {
        // Assembled, so sentra's own scan of this file does not flag a key.
        let secret = ["AKIA", "IOSFODNN7", "EXAMPLE"].concat();
        let secret = secret.as_str();
        // Key names may be named (an unknown `aws`), values never.
        for text in [format!("TOKEN={secret}\0x"), format!("key: [{secret}"), format!("aws_key: {secret}\n"), format!("max_file_bytes: {secret}\n")] {
            let e = serde_saphyr::from_str::<crate::config::RawConfig>(&text).unwrap_err();
            let msg = yaml_problem(&e);
            assert!(!msg.contains(secret) && !msg.contains("TOKEN"), "{msg}");
        }
    }
}
