//! `sentra fix` through the real CLI: a dry run shows the diff and writes nothing, `--apply`
//! writes exactly the diff, overlapping fixes wait for the next run, `--rule` narrows, and
//! the result agrees with the fixes SARIF carries for the same scan.

use std::path::Path;

use serde_json::Value;

use super::{sentra, stderr, stdout, write};

const PACK: &str = "pack_id: fixes
name: Fixes
version: 1.0.0
rules:
  - id: FX-MD5
    name: MD5
    type: regex
    pattern: 'md5\\('
    file_glob: '**/*.py'
    severity: high
    autofix: replace_match
    autofix_replacement: 'sha256('
  - id: FX-DEBUG
    name: Debug on
    type: regex
    pattern: 'DEBUG = True'
    file_glob: '**/*.py'
    severity: medium
    autofix: replace_match
    autofix_replacement: 'DEBUG = False'
  - id: FX-HASHLIB
    name: hashlib MD5
    type: regex
    pattern: 'hashlib\\.md5'
    file_glob: '**/*.py'
    severity: high
    autofix: replace_match
    autofix_replacement: 'hashlib.sha256'
";

const APP: &str = "import hashlib\nDEBUG = True\nh = hashlib.md5(b'x')  # café\ny = md5(b'y')\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "repo/app.py", APP);
    write(dir.path(), "repo/other.py", "x = md5(b'z')\n");
    write(dir.path(), "fixes.yaml", PACK);
    dir
}

fn fix(d: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["fix", "repo", "--pack", "fixes", "--pack-file", "fixes.yaml"];
    args.extend_from_slice(extra);
    sentra(&args, d, &[])
}

#[test]
fn a_dry_run_shows_the_diff_and_apply_writes_it() {
    let dir = project();
    let d = dir.path();
    let out = fix(d, &[]);
    assert_eq!(out.status.code(), Some(1), "fixes to apply: exit 1\n{}", stderr(&out));
    let diff = stdout(&out);
    assert!(diff.contains("--- a/app.py\n+++ b/app.py\n"), "{diff}");
    for line in ["-DEBUG = True\n", "+DEBUG = False\n", "+h = hashlib.sha256(b'x')  # café\n", "--- a/other.py\n", "+x = sha256(b'z')\n"] {
        assert!(diff.contains(line), "{line:?} in {diff}");
    }
    // Two fixes of one match overlap: the first by position is taken, the other waits.
    assert!(diff.contains("+y = sha256(b'y')\n"), "{diff}");
    assert!(stderr(&out).contains("skipped the fix of FX-MD5 at app.py:3: overlaps a fix of FX-HASHLIB"), "{}", stderr(&out));
    assert!(stderr(&out).contains("4 fixes in 2 files (dry run)"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(d.join("repo/app.py")).unwrap(), APP, "a dry run writes nothing");

    let out = fix(d, &["--apply"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(d.join("repo/app.py")).unwrap(), "import hashlib\nDEBUG = False\nh = hashlib.sha256(b'x')  # café\ny = sha256(b'y')\n");
    assert_eq!(std::fs::read_to_string(d.join("repo/other.py")).unwrap(), "x = sha256(b'z')\n");
    // The skipped fix's match is gone with the one taken: nothing is left to fix.
    let last = fix(d, &[]);
    assert_eq!(last.status.code(), Some(0), "{}", stderr(&last));
    assert!(stderr(&last).contains("nothing to fix"), "{}", stderr(&last));
}

#[test]
fn only_the_rules_asked_for_are_fixed_and_json_lists_them() {
    let dir = project();
    let d = dir.path();
    let out = fix(d, &["--rule", "FX-DEBUG", "--apply", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["applied"].as_bool(), v["fixes"].as_u64()), (Some(true), Some(1)), "{v}");
    assert_eq!(v["files"][0]["fixes"][0]["rule_id"], "FX-DEBUG");
    assert_eq!(std::fs::read_to_string(d.join("repo/app.py")).unwrap(), APP.replace("DEBUG = True", "DEBUG = False"));
    assert_eq!(std::fs::read_to_string(d.join("repo/other.py")).unwrap(), "x = md5(b'z')\n");
}

/// What `sentra fix` writes is what a SARIF consumer applying the same scan's
/// `fixes[].artifactChanges` would write (for fixes that do not overlap).
#[test]
fn fix_and_sarif_agree() {
    let dir = project();
    let d = dir.path();
    let out = sentra(&["scan", "repo", "--pack", "fixes", "--pack-file", "fixes.yaml", "--format", "sarif"], d, &[]);
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    let other = std::fs::read_to_string(d.join("repo/other.py")).unwrap();
    let mut applied = other.clone();
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        for change in r["fixes"].as_array().into_iter().flatten().flat_map(|f| f["artifactChanges"].as_array().unwrap()) {
            if change["artifactLocation"]["uri"] != "other.py" {
                continue;
            }
            for rep in change["replacements"].as_array().unwrap() {
                let reg = &rep["deletedRegion"];
                let line: Vec<char> = applied.lines().nth(reg["startLine"].as_u64().unwrap() as usize - 1).unwrap().chars().collect();
                let (c1, c2) = (reg["startColumn"].as_u64().unwrap() as usize - 1, reg["endColumn"].as_u64().unwrap() as usize - 1);
                let new_line: String =
                    line[..c1].iter().chain(rep["insertedContent"]["text"].as_str().unwrap().chars().collect::<Vec<_>>().iter()).chain(&line[c2..]).collect();
                applied = applied.replacen(&line.iter().collect::<String>(), &new_line, 1);
            }
        }
    }
    assert_ne!(applied, other, "SARIF carries the fix");
    let out = fix(d, &["--apply"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(d.join("repo/other.py")).unwrap(), applied);
}
