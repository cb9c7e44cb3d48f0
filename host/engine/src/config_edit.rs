//! Changing the config file from the API: merge, validate as a whole, and rewrite only
//! the top-level keys that changed, so the rest of the file (its other keys and their
//! comments) stays as written. Writes are atomic.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::config::{CONFIG_FILES, Config, ConfigError, RawConfig};

/// The file updates go to: the one in use, else `.sentra/config.yaml`.
pub fn config_path(root: &Path) -> PathBuf {
    CONFIG_FILES.iter().map(|f| root.join(f)).find(|p| p.is_file()).unwrap_or_else(|| root.join(CONFIG_FILES[0]))
}

/// `base` with `updates` merged in: objects merge key by key, `null` removes a key, any
/// other value replaces.
pub fn merge(base: &mut Value, updates: &Value) {
    match (base, updates) {
        (Value::Object(b), Value::Object(u)) => {
            for (k, v) in u {
                if v.is_null() {
                    b.remove(k);
                } else if let Some(existing) = b.get_mut(k).filter(|e| e.is_object() && v.is_object()) {
                    merge(existing, v);
                } else {
                    b.insert(k.clone(), v.clone());
                }
            }
        }
        (b, u) => *b = u.clone(),
    }
}

/// Every problem of a would-be config, as (field, message): each top-level key is checked
/// on its own so one bad key does not hide another, then the whole.
pub fn problems(merged: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(obj) = merged.as_object() else {
        return vec![(String::new(), "the config must be a mapping".into())];
    };
    for (k, v) in obj {
        let one = Value::Object(Map::from_iter([(k.clone(), v.clone())]));
        match serde_json::from_value::<RawConfig>(one) {
            Err(e) => out.push((k.clone(), e.to_string())),
            Ok(raw) => {
                if let Err(e) = Config::from_raw(raw, "update") {
                    out.push(field_of(e, k));
                }
            }
        }
    }
    if out.is_empty() {
        match serde_json::from_value::<RawConfig>(merged.clone()) {
            Err(e) => out.push((String::new(), e.to_string())),
            Ok(raw) => {
                if let Err(e) = Config::from_raw(raw, "update") {
                    out.push(field_of(e, ""));
                }
            }
        }
    }
    out
}

fn field_of(e: ConfigError, default: &str) -> (String, String) {
    match e {
        ConfigError::Invalid { key, message, .. } => (key, message),
        other => (default.to_string(), other.to_string()),
    }
}

/// The file's values as JSON (an empty mapping for no file or an empty one).
pub fn file_values(path: &Path) -> Result<Value, ConfigError> {
    if !path.is_file() {
        return Ok(Value::Object(Map::new()));
    }
    let text = crate::config::read_text(path)?;
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(Value::Object(Map::new()));
    }
    let mut values: Value = serde_saphyr::from_str(&text)
        .map_err(|e| ConfigError::Parse { path: path.display().to_string(), message: crate::safe_file::yaml_problem_in(&e, crate::config::config_keys()) })?;
    // sentrik's keys, as `Config::read_raw` reads them (mapped or dropped).
    if let Some(map) = values.as_object_mut() {
        let notes = crate::sentrik::translate(map);
        crate::sentrik::warn_once(&path.display().to_string(), &notes);
    }
    Ok(values)
}

/// `text` with the top-level keys in `changed` replaced by their values in `merged` (or
/// removed), new ones appended; every other line is kept.
pub fn rewrite(text: &str, changed: &[String], merged: &Value) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let key_of = |l: &str| -> Option<String> {
        let first = l.chars().next()?;
        if first.is_whitespace() || first == '#' || first == '-' {
            return None;
        }
        let (k, _) = l.split_once(':')?;
        let k = k.trim().trim_matches(['"', '\'']);
        (!k.is_empty()).then(|| k.to_string())
    };
    let render = |k: &str| -> String {
        match merged.get(k) {
            None => String::new(),
            Some(v) => serde_saphyr::to_string(&Value::Object(Map::from_iter([(k.to_string(), v.clone())]))).unwrap_or_default(),
        }
    };
    let mut out = String::new();
    let mut done: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match key_of(lines[i]).filter(|k| changed.contains(k)) {
            Some(k) => {
                // The block runs to the next line that starts a key or a top-level comment.
                let mut j = i + 1;
                while j < lines.len() && (lines[j].is_empty() || lines[j].starts_with([' ', '\t', '-'])) {
                    j += 1;
                }
                out.push_str(&render(&k));
                done.push(k);
                i = j;
            }
            None => {
                out.push_str(lines[i]);
                out.push('\n');
                i += 1;
            }
        }
    }
    for k in changed.iter().filter(|k| !done.contains(k)) {
        out.push_str(&render(k));
    }
    out
}

/// Writes via a temporary file in the same directory, fsync and rename, so a crash leaves
/// the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], streaming the contents through `write` (so a large report is
/// never held in memory). A path that exists and is not a regular file (`/dev/null`,
/// `/dev/stdout`, a FIFO) is written in place: renaming over it would replace the device.
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut out = std::io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
        write(&mut out)?;
        return out.flush();
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut n = 0u32;
    let (tmp, file) = loop {
        let p = dir.join(format!(".{}.{}-{n}.tmp", path.file_name().and_then(|f| f.to_str()).unwrap_or("file"), std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(f) => break (p, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    };
    let mut out = std::io::BufWriter::new(file);
    let written = write(&mut out).and_then(|()| out.flush());
    let file = match (written, out.into_inner()) {
        (Ok(()), Ok(f)) => f,
        (Err(e), _) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        (_, Err(e)) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e.into_error());
        }
    };
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_not_replaced() {
        write_atomic(Path::new("/dev/null"), b"report").unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must still be a device");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        std::fs::write(&path, "old").unwrap();
        let err = write_atomic_with(&path, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn rewriting_keeps_other_keys_and_comments() {
        let text =
            "# team config\nstandards_packs: [secrets]  # only secrets\n\n# what fails CI\ngate_fail_on:\n  - critical\n  - high\nscan_exclude: [docs]\n";
        let mut merged = serde_json::json!({"standards_packs": ["secrets"], "gate_fail_on": ["critical", "high"], "scan_exclude": ["docs"]});
        merge(&mut merged, &serde_json::json!({"gate_fail_on": ["critical"], "max_file_bytes": 2048, "scan_exclude": null}));
        let out = rewrite(text, &["gate_fail_on".into(), "max_file_bytes".into(), "scan_exclude".into()], &merged);
        assert!(out.starts_with("# team config\nstandards_packs: [secrets]  # only secrets\n\n# what fails CI\n"), "{out}");
        assert!(!out.contains("docs") && !out.contains("high") && out.contains("max_file_bytes: 2048"), "{out}");
        let back: RawConfig = serde_saphyr::from_str(&out).unwrap();
        assert_eq!(back.gate_fail_on, Some(vec!["critical".to_string()]));
    }

    #[test]
    fn every_bad_key_is_reported() {
        let p = problems(&serde_json::json!({"gate_fail_on": ["urgent"], "max_file_bytes": "big", "nope": 1}));
        let fields: Vec<&str> = p.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["gate_fail_on", "max_file_bytes", "nope"], "{p:?}");
    }
}
