//! The CLI as a new user meets it (issue 24): one file, `--exclude`, `--min-severity`,
//! clear refusals, a closed pipe, no state created by reading, reports where the scan is.

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value;

use super::{sentra, stderr, stdout, write};

const STRIPE: &str = "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n";

fn files_of(out: &std::process::Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    v["findings"].as_array().map(|f| f.iter().map(|f| f["evidence"]["file"].as_str().unwrap_or_default().to_string()).collect()).unwrap_or_default()
}

#[test]
fn a_single_file_excludes_and_a_minimum_severity() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app/key.py", STRIPE);
    write(root.path(), "app/other.py", STRIPE);
    write(root.path(), "vendor/lib.py", STRIPE);
    let out = sentra(&["scan", "app/key.py", "--format", "json", "--no-cache"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = files_of(&out);
    assert!(!files.is_empty() && files.iter().all(|f| f == "key.py"), "only the file asked for: {files:?}");

    let out = sentra(&["scan", ".", "--format", "json", "--no-cache", "--exclude", "vendor/**"], root.path(), &[]);
    let files = files_of(&out);
    assert!(files.iter().any(|f| f.starts_with("app/")) && !files.iter().any(|f| f.starts_with("vendor/")), "{files:?}");

    let out = sentra(&["scan", ".", "--format", "json", "--no-cache", "--min-severity", "critical"], root.path(), &[]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["severity"] == "critical"), "{v}");
    let out = sentra(&["scan", ".", "--min-severity", "urgent"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--min-severity: unknown severity `urgent`"), "{}", stderr(&out));
}

#[test]
fn refusals_name_the_flag_and_say_one_thing() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "a.py", "x = 1\n");
    let out = sentra(&["scan", ".", "--pack", "nosuchpack"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--pack: no pack `nosuchpack`"), "{}", stderr(&out));
    // Outside a git repository: one line saying so, not git's usage.
    let out = sentra(&["scan", ".", "--diff-base", "main"], root.path(), &[("GIT_CEILING_DIRECTORIES", root.path().parent().unwrap().to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("not inside a git repository") && !err.contains("usage:"), "{err}");
    let out = sentra(&["scan", "missing-dir"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no such file or directory"), "{}", stderr(&out));
}

#[test]
fn reading_commands_create_no_state_and_bad_arguments_fail() {
    let root = tempfile::tempdir().unwrap();
    let out = sentra(&["keys", "list"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sentra(&["approvals", "list"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("no approval requests"), "{}", stdout(&out));
    let out = sentra(&["approvals", "list", "--status", "bogus"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("--status: `bogus`"), "{}", stderr(&out));
    assert!(!root.path().join(".sentra").exists(), "a list created the state directory");
}

#[test]
fn a_closed_pipe_is_a_normal_end() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "keys.py", &STRIPE.repeat(400));
    let mut child = Command::new(env!("CARGO_BIN_EXE_sentra"))
        .args(["scan", ".", "--no-cache"])
        .current_dir(root.path())
        .env("GUARD_CACHE_DIR", root.path().join(".cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child.stderr.as_mut().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.to_lowercase().contains("broken pipe"), "{err}");
}

#[test]
fn text_output_shows_the_fix_and_a_summary_by_rule_and_reports_go_where_the_scan_is() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/keys.py", &format!("{STRIPE}A = 'AKIAIOSFODNN7EXAMPLX'\n"));
    write(root.path(), "repo/.sentra/config.yaml", "reporters: [sarif]\noutput_dir: out\n");
    let out = sentra(&["scan", "repo", "--no-cache"], root.path(), &[]);
    let text = stdout(&out);
    assert!(text.contains("fix:"), "{text}");
    assert!(text.contains("by rule"), "{text}");
    assert!(root.path().join("repo/out/sentra.sarif").is_file(), "the report is under the scanned directory");
    assert!(!root.path().join("out").exists(), "nothing under the current directory");
    assert!(stderr(&out).contains("sentra: wrote the"), "{}", stderr(&out));
    // A gate whose report goes to a file still says what happened.
    let out = sentra(&["gate", "repo", "--no-cache", "-o", "gate.json", "--format", "json"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("wrote gate.json") && stderr(&out).contains("gate failed"), "{}", stderr(&out));
}
