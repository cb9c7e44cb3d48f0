//! End-to-end tests: drive the real `sentra` binary over fixture trees.

// A scenario (a hostile tenant among two others, every operation's bad inputs) reads best
// as one test; the function-length rule is for the product's code in `host/`.
#![allow(clippy::too_many_lines)]

mod api_contract;
mod api_fuzz;
mod app_layer;
mod architecture;
mod bad_input;
mod builtin_packs;
mod bundles;
mod cache;
mod cli_use;
mod compat;
mod compliance;
mod compliance_evidence;
mod controls;
mod costs;
mod crash;
mod cross_tenant;
mod declarative;
mod devops;
mod docs_commands;
mod example_packs;
mod fix;
mod hostile;
mod pack_tests;
mod packs_api;
mod replicas;
mod reports;
mod sentrik_compat;
mod server;
mod server_auth;
mod state;
mod tenancy;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn fixtures() -> PathBuf {
    repo_root().join("tests/fixtures")
}

/// Runs `sentra` with a shared compile cache and no `GUARD_*` leaking in from the caller.
pub(crate) fn sentra(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sentra"));
    cmd.args(args).current_dir(cwd);
    for (k, _) in std::env::vars() {
        if k.starts_with("GUARD_") || k == "NO_COLOR" {
            cmd.env_remove(k);
        }
    }
    cmd.env("GUARD_CACHE_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(o), stderr(o)))
}

fn write(root: &Path, rel: &str, contents: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, contents).unwrap();
}

/// Writes `rel` into the workspace of each of `tenants` (`ROOT/tenants/<tenant>`, as
/// [`server::Server::start_tenants`] maps them).
fn write_each(root: &Path, tenants: &[&str], rel: &str, contents: &str) {
    for t in tenants {
        write(root, &format!("tenants/{t}/{rel}"), contents);
    }
}

fn findings(v: &Value) -> Vec<(String, u64, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["evidence"]["file"].as_str().unwrap().to_string(), f["evidence"]["lines"][0].as_u64().unwrap(), f["rule_id"].as_str().unwrap().to_string()))
        .collect()
}

pub(crate) fn test_pack(name: &str) -> String {
    sentra_builtin_packs::guest_component(name).display().to_string()
}

#[test]
fn secrets_fixture_gives_exactly_the_expected_findings() {
    let out = sentra(&["scan", ".", "--format", "json"], &fixtures().join("secrets"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let got: Vec<String> = findings(&v).iter().map(|(f, l, r)| format!("{f}:{l} {r}")).collect();
    let expected: Vec<String> =
        std::fs::read_to_string(fixtures().join("secrets.expected")).unwrap().lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    assert_eq!(got, expected);
    // Every rule of the pack is exercised by the fixture.
    let rules = sentra(&["list-rules", "--pack", "secrets", "--format", "json"], &repo_root(), &[]);
    let rules = json(&rules);
    for r in rules["rules"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        assert!(got.iter().any(|g| g.ends_with(&format!(" {id}"))), "no fixture fires {id}");
    }
    assert!(rules["total"].as_u64().unwrap() >= 15);
}

#[test]
fn secrets_fixture_annotations_hold() {
    let out = sentra(&["pack", "test", "tests/fixtures/secrets", "--pack", "secrets"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("34 of 34 rules passed"), "{}", stdout(&out));
}

#[test]
fn pack_test_fails_naming_the_rule_when_a_fixture_line_changes() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("secrets"), dir.path());
    let config = dir.path().join("config.py");
    let text = std::fs::read_to_string(&config).unwrap();
    let token_line = text.lines().find(|l| l.contains("ghp_")).unwrap().to_string();
    std::fs::write(&config, text.replace(&token_line, "GITHUB = os.environ['GITHUB_TOKEN']")).unwrap();
    let d = dir.path().display().to_string();
    let out = sentra(&["pack", "test", &d, "--pack", "secrets"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("FAIL  SEC-GITHUB-TOKEN"), "{text}");
    assert!(text.contains("missing finding at config.py:"), "{text}");
    let json_out = sentra(&["pack", "test", &d, "--pack", "secrets", "--format", "json"], &repo_root(), &[]);
    let v = json(&json_out);
    assert_eq!(v["passed"], false);
    assert_eq!(v["rules"]["SEC-GITHUB-TOKEN"]["missing"].as_array().unwrap().len(), 1);
    assert_eq!(v["rules"]["SEC-AWS-ACCESS-KEY-ID"]["missing"].as_array().unwrap().len(), 0);
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn finding_shape() {
    let out = sentra(&["scan", ".", "--format", "json"], &fixtures().join("secrets"), &[]);
    let v = json(&out);
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == "SEC-GITHUB-TOKEN").unwrap();
    for key in [
        "finding_id",
        "rule_id",
        "severity",
        "message",
        "evidence",
        "suggestion",
        "confidence",
        "standard",
        "clause",
        "compliance_category",
        "remediation_guidance",
        "tags",
        "is_obligation",
        "fingerprint",
    ] {
        assert!(f.get(key).is_some(), "missing {key} in {f}");
    }
    assert_eq!(f["severity"], "critical");
    assert_eq!(f["evidence"]["file"], "config.py");
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 64);
    assert!(f["evidence"]["snippet"].as_str().unwrap().contains("ghp_"));
    let b = &v["by_severity"];
    let sum: u64 = ["critical", "high", "medium", "low", "info"].iter().map(|s| b[s].as_u64().unwrap()).sum();
    assert_eq!(sum, v["total"].as_u64().unwrap());
    // Test files keep their findings at lower confidence.
    let t = v["findings"].as_array().unwrap().iter().find(|f| f["evidence"]["file"] == "tests/test_login.py").unwrap();
    assert!((t["confidence"].as_f64().unwrap() - 0.7).abs() < 1e-6, "{t}");
}

#[test]
fn gate_fails_on_planted_secrets_and_passes_clean_tree() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/app.py", "import os\n\nKEY = os.environ['KEY']\n");
    write(dir.path(), "README.md", "# app\n");
    let clean = sentra(&["gate", "."], dir.path(), &[]);
    assert_eq!(clean.status.code(), Some(0), "{}{}", stdout(&clean), stderr(&clean));
    assert!(stdout(&clean).contains("gate passed"));

    write(dir.path(), "src/settings.py", "DEBUG = False\nSTRIPE = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let dirty = sentra(&["gate", "."], dir.path(), &[]);
    assert_eq!(dirty.status.code(), Some(1), "{}{}", stdout(&dirty), stderr(&dirty));
    let text = stdout(&dirty);
    assert!(text.contains("src/settings.py:2:11"), "{text}");
    assert!(text.contains("SEC-STRIPE-SECRET-KEY"), "{text}");
    assert!(text.contains("gate failed"), "{text}");
    // No colour when not on a terminal.
    assert!(!text.contains('\u{1b}'), "{text:?}");

    // The gate's severities come from config, env and flags, in that order of precedence.
    assert_eq!(sentra(&["gate", ".", "--fail-on", "low"], dir.path(), &[]).status.code(), Some(0));
    write(dir.path(), ".guard.yaml", "gate_fail_on: [info]\n");
    assert_eq!(sentra(&["gate", "."], dir.path(), &[]).status.code(), Some(0));
    assert_eq!(sentra(&["gate", "."], dir.path(), &[("GUARD_GATE_FAIL_ON", "critical")]).status.code(), Some(1));
    write(dir.path(), ".sentra/config.yaml", "gate_fail_on: [critical]\n");
    assert_eq!(sentra(&["gate", "."], dir.path(), &[]).status.code(), Some(1), ".sentra/config.yaml wins over .guard.yaml");

    let j = sentra(&["gate", ".", "--format", "json"], dir.path(), &[]);
    let v = json(&j);
    assert_eq!(v["gate"]["passed"], false);
    assert_eq!(v["gate"]["critical"], 1);
}

#[test]
fn exit_2_with_one_line_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["gate", "does-not-exist"], "does-not-exist: no such file or directory"),
        (vec!["scan", "does-not-exist"], "no such file or directory"),
        (vec!["gate", ".", "--fail-on", "severe"], "--fail-on: unknown severity `severe`"),
        (vec!["gate", ".", "--pack", "nope"], "--pack: no pack `nope`"),
        (vec!["gate", ".", "--pack", "../etc"], "not a valid pack id"),
        (vec!["gate", ".", "--pack-file", "missing.wasm"], "missing.wasm: cannot read pack"),
    ];
    for (args, needle) in cases {
        let out = sentra(&args, dir.path(), &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }

    write(dir.path(), ".sentra/config.yaml", "standards_packs: [secrets]\ngate_fail_on: [critical]\nfail_fast: true\n");
    let out = sentra(&["gate", "."], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("fail_fast"), "{}", stderr(&out));
    assert_eq!(stderr(&out).trim_end().lines().count(), 1, "{}", stderr(&out));

    write(dir.path(), ".sentra/config.yaml", "gate_fail_on: [critical, severe]\n");
    let out = sentra(&["gate", "."], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`gate_fail_on`") && stderr(&out).contains("severe"), "{}", stderr(&out));

    write(dir.path(), ".sentra/config.yaml", "max_file_bytes: [1, 2\n");
    let out = sentra(&["gate", "."], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("config.yaml"), "{}", stderr(&out));

    std::fs::remove_file(dir.path().join(".sentra/config.yaml")).unwrap();
    let out = sentra(&["gate", "."], dir.path(), &[("GUARD_MAX_FILE_BYTES", "big")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("GUARD_MAX_FILE_BYTES"), "{}", stderr(&out));

    let out = sentra(&["scan", "--format", "xml"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn walk_honours_gitignore_default_excludes_and_limits() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "TOKEN = 'ghp_C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP'\n";
    write(dir.path(), "src/real.py", secret);
    write(dir.path(), "ignored/gen.py", secret);
    write(dir.path(), ".gitignore", "ignored/\n");
    write(dir.path(), "node_modules/lib/index.js", secret);
    write(dir.path(), "target/debug/x.rs", secret);
    write(dir.path(), "docs/notes.md", secret);
    write(dir.path(), "big.txt", &format!("{secret}{}", "x".repeat(2000)));
    std::fs::write(dir.path().join("blob.bin"), [b"\x00\x01".as_slice(), secret.as_bytes()].concat()).unwrap();
    let out = sentra(&["scan", ".", "--format", "json"], dir.path(), &[("GUARD_MAX_FILE_BYTES", "1000"), ("GUARD_SCAN_EXCLUDE", "docs")]);
    let v = json(&out);
    let files: Vec<String> = findings(&v).into_iter().map(|(f, _, _)| f).collect();
    assert_eq!(files, vec!["src/real.py".to_string()], "{v}");
    assert_eq!(v["files_skipped"]["too_large"], 1);
    assert_eq!(v["files_skipped"]["binary"], 1);
}

#[test]
fn trapping_pack_fails_the_gate_closed_and_leaves_other_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let out = sentra(&["scan", ".", "--format", "json", "--pack-file", &test_pack("test-trap")], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(findings(&v), vec![("a.py".to_string(), 1, "SEC-STRIPE-SECRET-KEY".to_string())]);
    let errored = v["errored_packs"].as_array().unwrap();
    assert_eq!(errored.len(), 1);
    assert_eq!(errored[0]["pack_id"], "test-trap");
    assert_eq!(errored[0]["rules"][0], "TRAP-001");

    // A clean tree still fails the gate while a pack errored.
    write(dir.path(), "a.py", "print('hi')\n");
    let out = sentra(&["gate", ".", "--pack-file", &test_pack("test-trap")], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("errored pack: test-trap"), "{}", stdout(&out));
}

#[test]
fn looping_pack_is_stopped_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.py", "x = 1\n");
    write(dir.path(), "b.py", "y = 2\n");
    let started = std::time::Instant::now();
    let out = sentra(&["gate", ".", "--format", "json", "--pack-file", &test_pack("test-loop")], dir.path(), &[("GUARD_PACK_TIMEOUT_MS", "300")]);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    let msg = v["scan"]["errored_packs"][0]["message"].as_str().unwrap();
    assert!(msg.contains("test-loop") && msg.contains("300 ms"), "{msg}");
}

#[test]
fn incompatible_and_forbidden_packs_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = sentra(&["scan", ".", "--pack-file", &test_pack("test-future-api")], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sentra:pack@0.3.0") && stderr(&out).contains("sentra:pack@0.1.0, sentra:pack@0.2.0"), "{}", stderr(&out));
    let out = sentra(&["scan", ".", "--pack-file", &test_pack("test-net")], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("wasi:sockets"), "{}", stderr(&out));
}

#[test]
fn list_packs_and_rules() {
    let out = sentra(&["list-packs"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("secrets"));
    let v = json(&sentra(&["list-packs", "--format", "json"], &repo_root(), &[]));
    let p = &v["packs"][0];
    assert_eq!(p["pack_id"], "secrets");
    assert_eq!(p["license"], "Apache-2.0");
    assert_eq!(p["sha256"].as_str().unwrap().len(), 64);
    let out = sentra(&["list-rules"], &repo_root(), &[]);
    assert!(stdout(&out).contains("SEC-PRIVATE-KEY"));
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let out = sentra(&["scan", ".", "--format", "json", "--output", "out/result.json"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let v: Value = serde_json::from_slice(&std::fs::read(dir.path().join("out/result.json")).unwrap()).unwrap();
    assert_eq!(v["total"], 1);
}

/// `pack_files` and `pack_overrides` in the config apply to CLI scans as to the server's.
#[test]
fn config_pack_files_and_overrides_apply_to_cli_scans() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n# TODO: rotate\n");
    write(
        root.path(),
        "rules/team.yaml",
        "pack_id: team\nname: Team rules\nversion: 1.0.0\nrules:\n  - id: TEAM-001\n    name: No TODO\n    description: TODO left in code\n    type: regex\n    pattern: 'TODO'\n    file_glob: '**/*.py'\n    severity: medium\n    standard: Internal\n    clause: '1'\n",
    );
    write(root.path(), ".sentra/config.yaml", "pack_files: [rules/team.yaml]\npack_overrides:\n  secrets:\n    SEC-STRIPE-SECRET-KEY: {severity: info}\n");
    let o = sentra(&["gate", ".", "--format", "json"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "the overridden severity no longer blocks: {}", stderr(&o));
    let v = json(&o);
    let got: Vec<(String, String)> =
        v["scan"]["findings"].as_array().unwrap().iter().map(|f| (f["rule_id"].as_str().unwrap().into(), f["severity"].as_str().unwrap().into())).collect();
    assert_eq!(got, [("SEC-STRIPE-SECRET-KEY".to_string(), "info".to_string()), ("TEAM-001".into(), "medium".into())]);

    write(root.path(), ".sentra/config.yaml", "pack_overrides:\n  secrets:\n    SEC-NOPE: {enabled: false}\n");
    let o = sentra(&["scan", "."], root.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("config.yaml") && stderr(&o).contains("SEC-NOPE"), "{}", stderr(&o));
    // Overrides of a pack that exists but is not selected are fine.
    assert_eq!(sentra(&["scan", ".", "--pack", "team", "--pack-file", "rules/team.yaml"], root.path(), &[]).status.code(), Some(0));

    write(root.path(), ".sentra/config.yaml", "pack_files: [rules/missing.yaml]\n");
    let o = sentra(&["scan", "."], root.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.yaml"), "{}", stderr(&o));
}

/// `max_findings_per_scan` stops a pack that reports too much in one scan, and
/// `pack_on_error: skip` keeps an errored pack from failing the gate.
#[test]
fn per_scan_findings_limit_trips_and_on_error_policy_applies() {
    let root = tempfile::tempdir().unwrap();
    for i in 0..3 {
        write(root.path(), &format!("k{i}.py"), "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    }
    write(root.path(), ".sentra/config.yaml", "pack_limits: {max_findings_per_scan: 2}\ngate_fail_on: [info]\n");
    let o = sentra(&["gate", ".", "--format", "json"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let msg = v["scan"]["errored_packs"][0]["message"].as_str().unwrap();
    assert!(msg.contains("more than 2 findings in one scan"), "{msg}");
    assert_eq!(v["gate"]["errored_packs"], serde_json::json!(["secrets"]));
    write(root.path(), ".sentra/config.yaml", "pack_limits: {max_findings_per_scan: 2}\ngate_fail_on: [info]\npack_on_error: {secrets: skip}\n");
    let o = sentra(&["gate", ".", "--format", "json"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["scan"]["errored_packs"][0]["on_error"], "skip");
    write(root.path(), ".sentra/config.yaml", "pack_on_error: {secrets: ignore}\n");
    let o = sentra(&["scan", "."], root.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pack_on_error.secrets"), "{}", stderr(&o));
}

/// `--diff-base REF` scans only what changed since REF: committed, modified and new files.
#[test]
fn diff_base_scans_only_files_changed_since_a_ref() {
    let dir = tempfile::tempdir().unwrap();
    let key = "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n";
    let git = |args: &[&str]| {
        let out = Command::new("git").current_dir(dir.path()).args(["-c", "user.name=t", "-c", "user.email=t@example.com"]).args(args).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q", "-b", "main"]);
    write(dir.path(), "old.py", key);
    write(dir.path(), "later.py", "x = 1\n");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "base"]);
    git(&["tag", "base"]);
    write(dir.path(), "later.py", key);
    git(&["commit", "-qam", "change"]);
    write(dir.path(), "new.py", key);
    write(dir.path(), "ignored.py", key);
    write(dir.path(), ".gitignore", "ignored.py\n");
    let files = |out: &Output| -> Vec<String> {
        let mut f: Vec<String> = findings(&json(out)).into_iter().map(|(f, _, _)| f).collect();
        f.sort();
        f
    };
    let all = sentra(&["scan", ".", "--pack", "secrets", "--format", "json"], dir.path(), &[]);
    assert_eq!(files(&all), ["later.py", "new.py", "old.py"]);
    let out = sentra(&["scan", ".", "--pack", "secrets", "--format", "json", "--diff-base", "base"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(files(&out), ["later.py", "new.py"], "old.py is unchanged since `base`; ignored.py is ignored");
    let out = sentra(&["scan", ".", "--pack", "secrets", "--format", "json", "--diff-base", "HEAD"], dir.path(), &[]);
    assert_eq!(files(&out), ["new.py"]);
    let out = sentra(&["gate", ".", "--diff-base", "no-such-ref"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-ref"), "{}", stderr(&out));
}
