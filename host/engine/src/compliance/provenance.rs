//! Where a compliance report came from: the time, sentra's version, the repository's
//! commit and branch, who ran it, the settings' digest, every pack's version and hash, and
//! what the scan read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sentra_model::compliance::{PackProvenance, ReportProvenance, ReportScope};

use super::ReportInput;

/// Most bytes read from a file under `.git` (HEAD, a ref, `packed-refs`).
const MAX_GIT_FILE_BYTES: u64 = 1 << 20;

pub(super) fn of(input: &ReportInput<'_>, files: &[(String, PathBuf, u64)]) -> ReportProvenance {
    let (commit, branch) = git_head(input.root);
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    for (rel, _, len) in files {
        if *len <= input.config.max_file_bytes
            && let Some(lang) = crate::conditions::language_of(rel)
        {
            *languages.entry(lang.to_string()).or_default() += 1;
        }
    }
    ReportProvenance {
        generated_at: jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default(),
        sentra_version: env!("CARGO_PKG_VERSION").to_string(),
        commit,
        branch,
        run_by: input.run_by.to_string(),
        config_sha256: input.config.fingerprint(),
        packs: input
            .packs
            .packs
            .iter()
            .map(|p| PackProvenance { pack_id: p.id().to_string(), version: p.pack.info().version.clone(), sha256: p.pack.sha256().to_string() })
            .collect(),
        scope: ReportScope {
            files_scanned: input.result.files_scanned,
            files_skipped: input.result.files_skipped.clone(),
            languages,
            suppressed_findings: input.result.suppressed.len(),
        },
    }
}

/// The commit and branch `root/.git` points at, read from its files (never by running git:
/// a scanned repository's git config could run commands).
pub(crate) fn git_head(root: &Path) -> (Option<String>, Option<String>) {
    let git = root.join(".git");
    let read = |rel: &str| crate::safe_file::read_regular(&git.join(rel), MAX_GIT_FILE_BYTES).ok().map(|b| String::from_utf8_lossy(&b).trim().to_string());
    let Some(head) = read("HEAD") else { return (None, None) };
    let is_hash = |s: &str| (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit());
    let Some(reference) = head.strip_prefix("ref: ") else { return (is_hash(&head).then_some(head), None) };
    let branch = reference.strip_prefix("refs/heads/").map(str::to_string);
    // Refs are read only under `refs/`, so a crafted HEAD cannot name another file.
    if !reference.starts_with("refs/") || reference.split('/').any(|p| p.is_empty() || p == "..") {
        return (None, branch);
    }
    let loose = read(reference).filter(|c| is_hash(c));
    let packed = || {
        read("packed-refs")?
            .lines()
            .find_map(|l| l.split_once(' ').filter(|(hash, name)| *name == reference && is_hash(hash)).map(|(hash, _)| hash.to_string()))
    };
    (loose.or_else(packed), branch)
}

#[cfg(test)]
mod tests {
    use super::git_head;

    #[test]
    fn head_is_read_from_loose_and_packed_refs_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let git = dir.path().join(".git");
        std::fs::create_dir_all(git.join("refs/heads")).unwrap();
        let hash = "0123456789abcdef0123456789abcdef01234567";
        std::fs::write(git.join("HEAD"), "ref: refs/heads/main\n").unwrap();
        std::fs::write(git.join("refs/heads/main"), format!("{hash}\n")).unwrap();
        assert_eq!(git_head(dir.path()), (Some(hash.into()), Some("main".into())));
        std::fs::remove_file(git.join("refs/heads/main")).unwrap();
        std::fs::write(git.join("packed-refs"), format!("# pack-refs with: peeled\n{hash} refs/heads/main\n")).unwrap();
        assert_eq!(git_head(dir.path()), (Some(hash.into()), Some("main".into())));
        std::fs::write(git.join("HEAD"), "ref: refs/../../etc/passwd\n").unwrap();
        assert_eq!(git_head(dir.path()).0, None);
        std::fs::write(git.join("HEAD"), format!("{hash}\n")).unwrap();
        assert_eq!(git_head(dir.path()), (Some(hash.into()), None), "a detached head");
        assert_eq!(git_head(&dir.path().join("nothing")), (None, None));
    }
}
