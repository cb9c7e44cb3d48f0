//! A queued scan of a git repository: a shallow clone of one ref into a temporary
//! directory, removed when the [`Clone`] is dropped.
//!
//! The URL and ref come from a tenant, so they are checked before git sees them: the URL
//! must start with one of the operator's allowed prefixes, compared as whole path segments
//! (`https://git.example.com/team/`; a prefix without a path is the host's root), with no
//! user info, percent-encoding, `..` or backslash that could move it elsewhere, so a tenant
//! cannot make the server fetch from anywhere else; the ref is a plain branch or tag name.
//! git then runs with no prompts, no hooks, no system or user config, no submodules, no
//! redirects and no other protocol than the URL's, in a process group of its own that is
//! killed as a whole past its time limit or once the clone passes its size or file-count
//! limit on disk.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What the operator allows.
#[derive(Clone, Debug)]
pub struct GitPolicy {
    /// URL prefixes a clone may start with; empty: no git scans.
    pub allow: Vec<String>,
    pub timeout: Duration,
    pub max_bytes: u64,
}

impl Default for GitPolicy {
    fn default() -> Self {
        Self { allow: Vec::new(), timeout: Duration::from_secs(120), max_bytes: 512 << 20 }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git scans are not enabled on this server (the operator allows none: --scan-git-allow)")]
    Disabled,
    #[error("the repository URL is not under a prefix the operator allows for git scans")]
    NotAllowed,
    #[error("`{0}` is not a valid ref: use a branch or tag name (letters, digits, `/`, `.`, `_`, `-`)")]
    BadRef(String),
    #[error("the clone took longer than {0:?}")]
    Timeout(Duration),
    #[error("the clone is larger than {0} bytes or {MAX_FILES} files")]
    TooLarge(u64),
    #[error("git could not clone the repository at that ref (exit status {0})")]
    Failed(i32),
    #[error("cannot run git: {0}")]
    Io(#[from] std::io::Error),
}

/// Most files (and directories) one clone may hold.
pub const MAX_FILES: u64 = 200_000;

/// A prefix as compared: ending in `/`, so `https://git.example.com` cannot match
/// `https://git.example.com.evil.net/` nor `team` match `team-b`.
fn normalized(prefix: &str) -> Option<String> {
    let p = prefix.trim();
    let (scheme, rest) = p.split_once("://")?;
    if scheme.is_empty() || rest.is_empty() && scheme != "file" {
        return None;
    }
    Some(if p.ends_with('/') { p.to_string() } else { format!("{p}/") })
}

/// Checks a URL and ref against the policy, without touching the network.
pub fn check(policy: &GitPolicy, url: &str, reference: &str) -> Result<(), GitError> {
    let prefixes: Vec<String> = policy.allow.iter().filter_map(|p| normalized(p)).collect();
    if prefixes.is_empty() {
        return Err(GitError::Disabled);
    }
    let clean = !url.is_empty() && url.len() <= 2048 && !url.chars().any(|c| c.is_control() || c.is_whitespace()) && !url.starts_with('-');
    // `..` (plain or percent-encoded) could climb out of an allowed path; user info
    // (`@`) could put another host behind an allowed name; a backslash is a separator to
    // some parsers.
    let sneaky = url.contains("..") || url.contains(['\\', '%', '@', '?', '#']);
    if !clean || sneaky || !prefixes.iter().any(|p| url.starts_with(p.as_str())) {
        return Err(GitError::NotAllowed);
    }
    let ref_ok = !reference.is_empty()
        && reference.len() <= 255
        && !reference.starts_with(['-', '/', '.'])
        && !reference.ends_with(['/', '.'])
        && !reference.contains("..")
        && !reference.contains("//")
        && !reference.ends_with(".lock")
        && reference.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-'));
    if !ref_ok {
        return Err(GitError::BadRef(reference.chars().take(80).collect()));
    }
    Ok(())
}

/// A finished clone; the directory goes with it.
pub struct Clone {
    dir: tempfile::TempDir,
}

impl Clone {
    /// The work tree.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("tree")
    }
}

/// Clones `reference` of `url` (checked with [`check`]) into a new directory under `parent`.
pub fn clone(policy: &GitPolicy, url: &str, reference: &str, parent: &Path) -> Result<Clone, GitError> {
    check(policy, url, reference)?;
    std::fs::create_dir_all(parent)?;
    let dir = tempfile::Builder::new().prefix("clone-").tempdir_in(parent)?;
    let tree = dir.path().join("tree");
    // Only the URL's own protocol: a `file://` prefix must not open `ext::` or others.
    let protocol = url.split_once("://").map_or("none", |(scheme, _)| scheme);
    let mut child = Command::new("git")
        .args(["-c", "protocol.allow=never", "-c"])
        .arg(format!("protocol.{protocol}.allow=always"))
        .args(["-c", "core.hooksPath=/dev/null", "-c", "core.symlinks=false", "-c", "advice.detachedHead=false", "-c", "http.followRedirects=false"])
        .args(["clone", "--quiet", "--depth", "1", "--single-branch", "--no-tags", "--no-recurse-submodules", "--template=", "--branch"])
        .arg(reference)
        .arg("--")
        .arg(url)
        .arg(&tree)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_ASKPASS", "/bin/false")
        .env("GIT_SSH_COMMAND", "/bin/false")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Its own process group: the helpers git starts (remote-https, index-pack) are
        // stopped with it.
        .process_group(0)
        .spawn()?;
    // Drained as it comes, at most 64 KiB kept: a chatty remote cannot stall the clone.
    let stderr = child.stderr.take().map(|mut e| {
        std::thread::spawn(move || {
            let (mut kept, mut buf) = (Vec::new(), [0u8; 8192]);
            while let Ok(n) = e.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if kept.len() < 64 << 10 {
                    kept.extend_from_slice(&buf[..n]);
                }
            }
            kept
        })
    });
    let started = Instant::now();
    let stop = |child: &mut std::process::Child| {
        let _ = rustix::process::kill_process_group(rustix::process::Pid::from_child(child), rustix::process::Signal::KILL);
        let _ = child.wait();
    };
    let mut checked = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            let err = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
            if !status.success() {
                // git's message may quote the URL: logged by the operator's server, never
                // returned to the tenant.
                tracing::info!(stderr = %String::from_utf8_lossy(&err[..err.len().min(500)]), "git clone failed");
                return Err(GitError::Failed(status.code().unwrap_or(-1)));
            }
            break;
        }
        if started.elapsed() > policy.timeout {
            stop(&mut child);
            return Err(GitError::Timeout(policy.timeout));
        }
        if checked.elapsed() >= Duration::from_millis(250) {
            checked = Instant::now();
            if over_limits(dir.path(), policy.max_bytes) {
                stop(&mut child);
                return Err(GitError::TooLarge(policy.max_bytes));
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    if over_limits(dir.path(), policy.max_bytes) {
        return Err(GitError::TooLarge(policy.max_bytes));
    }
    Ok(Clone { dir })
}

/// Whether the files under `dir` pass `max_bytes` or [`MAX_FILES`] (symlinks not
/// followed); the walk stops at the first limit passed.
fn over_limits(dir: &Path, max_bytes: u64) -> bool {
    let (mut bytes, mut files) = (0u64, 0u64);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            files += 1;
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(t) if t.is_file() => bytes += e.metadata().map(|m| m.len()).unwrap_or(0),
                _ => {}
            }
            if bytes > max_bytes || files > MAX_FILES {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str]) {
        let out = Command::new("git").args(args).current_dir(dir).env("GIT_CONFIG_NOSYSTEM", "1").env("HOME", dir).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// A bare repository with `main` (one file) and a big branch, under `root`.
    fn bare(root: &Path) -> String {
        let work = root.join("work");
        std::fs::create_dir_all(&work).unwrap();
        git(&work, &["init", "-q", "-b", "main"]);
        std::fs::write(work.join("app.py"), "print('from the clone')\n").unwrap();
        git(&work, &["-c", "user.email=t@t", "-c", "user.name=t", "add", "."]);
        git(&work, &["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "one"]);
        git(&work, &["checkout", "-qb", "big"]);
        // Random bytes do not compress: the clone really is this large.
        let mut noise = vec![0u8; 3 << 20];
        getrandom_fill(&mut noise);
        std::fs::write(work.join("blob.bin"), noise).unwrap();
        git(&work, &["-c", "user.email=t@t", "-c", "user.name=t", "add", "."]);
        git(&work, &["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "big"]);
        git(root, &["clone", "-q", "--bare", "work", "repo.git"]);
        format!("file://{}/repo.git", root.display())
    }

    fn getrandom_fill(buf: &mut [u8]) {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for b in buf {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }

    #[test]
    fn a_ref_of_an_allowed_repository_is_cloned_and_removed_afterwards() {
        let root = tempfile::tempdir().unwrap();
        let url = bare(root.path());
        let policy = GitPolicy { allow: vec![format!("file://{}/", root.path().display())], ..Default::default() };
        let parent = root.path().join("clones");
        let clone = clone(&policy, &url, "main", &parent).unwrap();
        assert_eq!(std::fs::read_to_string(clone.path().join("app.py")).unwrap(), "print('from the clone')\n");
        assert!(!clone.path().join("blob.bin").exists(), "only the one ref");
        drop(clone);
        assert_eq!(std::fs::read_dir(&parent).unwrap().count(), 0, "the clone is removed");

        let small = GitPolicy { max_bytes: 1 << 20, ..policy.clone() };
        assert!(matches!(super::clone(&small, &url, "big", &parent), Err(GitError::TooLarge(_))));
        assert!(matches!(super::clone(&policy, &url, "no-such-branch", &parent), Err(GitError::Failed(_))));
        assert_eq!(std::fs::read_dir(&parent).unwrap().count(), 0, "failed clones leave nothing");
    }

    #[test]
    fn urls_and_refs_outside_the_policy_are_refused_before_git_runs() {
        let policy = GitPolicy { allow: vec!["https://git.example.com/team/".into(), "file:///srv/git/".into()], ..Default::default() };
        assert!(check(&policy, "https://git.example.com/team/app.git", "main").is_ok());
        assert!(check(&policy, "file:///srv/git/app.git", "release/1.2").is_ok());
        for url in [
            "https://evil.example.com/team/app.git",
            "https://git.example.com/team@evil.net/x",
            "https://git.example.com/team/%2e%2e/other/x",
            "https://git.example.com/teamb/x",
            "https://git.example.com/other/app.git",
            "https://git.example.com/team/../other/app.git",
            "ext::sh -c touch% /tmp/pwned",
            "file:///etc/",
            "file:///srv/git/../../etc",
            "-uhttps://git.example.com/team/x",
            "https://git.example.com/team/a b",
            "",
        ] {
            assert!(matches!(check(&policy, url, "main"), Err(GitError::NotAllowed)), "{url}");
        }
        for reference in ["", "-b", "--upload-pack=x", "a..b", "a b", "main;rm", "x.lock", "/abs", "tag^{}", "ref:HEAD"] {
            assert!(matches!(check(&policy, "file:///srv/git/app.git", reference), Err(GitError::BadRef(_))), "{reference}");
        }
        assert!(matches!(check(&GitPolicy::default(), "file:///srv/git/app.git", "main"), Err(GitError::Disabled)));
        // A prefix without a path is the host's root, never a longer host name; an empty
        // prefix (a stray comma in the list) allows nothing.
        let host = GitPolicy { allow: vec!["https://git.example.com".into(), "".into()], ..Default::default() };
        assert!(check(&host, "https://git.example.com/any/app.git", "main").is_ok());
        for url in ["https://git.example.com.evil.net/x", "https://git.example.com:6379/x", "https://git.example.com@evil.net/x", "https://other.net/x"] {
            assert!(matches!(check(&host, url, "main"), Err(GitError::NotAllowed)), "{url}");
        }
        let empty = GitPolicy { allow: vec![String::new(), " ".into()], ..Default::default() };
        assert!(matches!(check(&empty, "https://x/y", "main"), Err(GitError::Disabled)));
    }
}
