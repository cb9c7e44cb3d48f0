//! What a config may make the host read or write, and governance without side doors
//! (issue 22, first part): files a config names are regular files inside the root, outside
//! the state directory, and are never echoed back; a scanned repository's config cannot
//! reach outside the repository; review cannot be bypassed through `/api/config` or
//! `enable`; removing the end of an audit chain is noticed.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

use super::server::{Server, assert_error, sentra_cmd};
use super::{stderr, stdout, write};

/// A fake secret, split so that scanning this repository does not flag it.
const SECRET: &str = concat!("AKIAQYLP", "MN5HFAKESECRET");
const PACK: &str = "pack_id: outside\nname: Outside\nrules:\n  - id: OUT-TODO\n    name: TODO\n    type: regex\n    pattern: TODO\n    severity: low\n";

#[test]
fn files_a_config_names_are_regular_confined_and_never_echoed() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.txt", &format!("TOKEN={SECRET}\n"));
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "x = 1\n");
    write(root.path(), "creds.txt", &format!("aws_secret_access_key={SECRET}\n"));
    write(root.path(), ".sentra/config.yaml", "gate_fail_on: [critical]\n");
    assert!(std::process::Command::new("mkfifo").arg(root.path().join("fifo")).status().unwrap().success());
    let s = Server::start(root.path());
    let before = std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap();
    let secret_file = outside.path().join("secret.txt").display().to_string();
    for bad in ["/proc/self/environ", &secret_file, "../secret.txt", "fifo", "/dev/zero", ".sentra/sentra.db", "creds.txt", "missing.yaml"] {
        let started = Instant::now();
        let body = json!({"updates": {"pack_files": [bad]}}).to_string();
        let (status, _, v) = s.call("POST", "/api/operator/config", None, Some(&body));
        assert!(started.elapsed() < Duration::from_secs(1), "{bad}: took {:?}", started.elapsed());
        assert_error(status, &v, 422, "validation_error");
        assert_eq!(v["errors"][0]["loc"][2], "pack_files", "{bad}: {v}");
        let text = v.to_string();
        assert!(!text.contains(SECRET) && !text.contains("TOKEN") && !text.contains("PATH="), "{bad} echoed contents: {text}");
        assert_eq!(std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap(), before, "{bad}: a config that does not load is written");
        assert_eq!(s.call("GET", "/api/operator/config", None, None).2["stored"], json!({}), "{bad}: a config that does not load is stored");
        assert_eq!(s.call("GET", "/health", None, None).0, 200);
    }
    // A real pack inside the root is still fine, from the operator (a tenant may not name files).
    write(root.path(), "packs/team.yaml", PACK);
    let (status, _, v) = s.call("POST", "/api/config", None, Some(r#"{"updates": {"pack_files": ["packs/team.yaml"]}}"#));
    assert_error(status, &v, 403, "operator_setting");
    let (status, _, v) = s.call("POST", "/api/operator/config", None, Some(r#"{"updates": {"pack_files": ["packs/team.yaml"]}}"#));
    assert_eq!(status, 200, "{v}");
    assert_eq!(s.call("POST", "/scan", None, Some(r##"{"files": {"a.py": "# TODO\n"}}"##)).2["total"], 1);
}

#[test]
fn a_scanned_repositorys_config_stays_inside_the_repository() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "pack.yaml", &format!("# {SECRET}\n{PACK}"));
    write(outside.path(), "secret.txt", &format!("TOKEN={SECRET}\n"));
    let repo = tempfile::tempdir().unwrap();
    write(repo.path(), "a.py", "# TODO later\n");
    let scan = |cwd: &Path, args: &[&str]| sentra_cmd().current_dir(cwd).args(["scan", ".", "--format", "json"]).args(args).output().unwrap();
    for pack in [outside.path().join("pack.yaml").display().to_string(), "../secret.txt".into(), outside.path().join("secret.txt").display().to_string()] {
        write(repo.path(), ".sentra/config.yaml", &format!("pack_files: ['{pack}']\n"));
        let out = scan(repo.path(), &[]);
        assert_eq!(out.status.code(), Some(2), "{pack}: {}", stdout(&out));
        assert!(stderr(&out).contains("pack_files") && !stderr(&out).contains(SECRET), "{pack}: {}", stderr(&out));
    }
    write(repo.path(), ".sentra/config.yaml", "reporters: [json]\noutput_dir: ../reports\n");
    let out = scan(repo.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("output_dir"), "{}", stderr(&out));
    assert!(!repo.path().parent().unwrap().join("reports").exists(), "a report was written outside the repository");
    // The same file given on the command line is the user's own: trusted.
    let own = outside.path().join("own.yaml");
    std::fs::write(&own, format!("pack_files: ['{}']\nstandards_packs: [outside]\n", outside.path().join("pack.yaml").display())).unwrap();
    let out = scan(repo.path(), &["--config", own.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("OUT-TODO"), "{}", stdout(&out));
}

#[test]
fn governance_review_has_no_side_doors() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        ".sentra/config.yaml",
        "governance:\n  human_review_required: {on_config_change: true, on_pack_import: true}\n  approvals: {approver_roles: [admin]}\n",
    );
    let s = Server::start(root.path());
    let before = std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap();
    // Governance through /api/config is held like through /api/governance.
    let (status, _, v) = s.call("POST", "/api/config", None, Some(r#"{"updates": {"governance": {"profile": "lax_would_be_invalid"}}}"#));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("POST", "/api/config", None, Some(r#"{"updates": {"governance": {"profile": "strict"}, "gate_fail_on": ["low"]}}"#));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) =
        s.call("POST", "/api/config", None, Some(r#"{"updates": {"governance": {"profile": "strict", "approvals": {"approver_roles": ["admin"]}}}}"#));
    assert_eq!((status, v["status"].as_str()), (202, Some("pending_approval")), "{v}");
    assert!(v["pending_change_id"].as_i64().is_some(), "{v}");
    assert_eq!(std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap(), before, "held, not applied");
    // A pack held for review cannot be enabled around the review.
    let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(&json!({"pack_yaml": PACK}).to_string()));
    assert_eq!(status, 202, "{v}");
    let (status, _, v) = s.call("POST", "/api/packs/outside/enable", None, None);
    assert_error(status, &v, 409, "approval_pending");
    assert_eq!(s.call("POST", "/scan", None, Some(r##"{"files": {"a.py": "# TODO\n"}}"##)).2["total"], 0, "still not run");
}

#[test]
fn removing_trailing_audit_entries_fails_verification() {
    let root = tempfile::tempdir().unwrap();
    let state = root.path().join(".sentra");
    let mut s = Server::start(root.path());
    for files in ["r1/**", "r2/**", "r3/**"] {
        let body = json!({"rule_id": "SEC-*", "file_pattern": files, "reason": "accepted risk"}).to_string();
        assert_eq!(s.call("POST", "/api/suppressions", None, Some(&body)).0, 201);
    }
    let (_, _, log) = s.call("GET", "/api/audit", None, None);
    let head = log["head"].clone();
    assert_eq!(head["entries"], log["total"], "{log}");
    assert_eq!(head["hash"], log["entries"][0]["hash"], "the head is the newest entry");
    assert_eq!(s.call("GET", "/api/audit/verify", None, None).2["valid"], true);
    s.kill();
    // Someone with the database drops the triggers and the last two entries, keeping the head.
    let conn = rusqlite::Connection::open(state.join("sentra.db")).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id IN (SELECT id FROM audit ORDER BY id DESC LIMIT 2);").unwrap();
    drop(conn);
    let s = Server::start(root.path());
    let (status, _, v) = s.call("GET", "/api/audit/verify", None, None);
    assert_eq!((status, v["valid"].as_bool()), (200, Some(false)), "{v}");
    assert!(v["reason"].as_str().unwrap().contains("removed"), "{v}");
}

#[test]
fn the_config_view_shows_no_other_tenant_and_no_server_paths() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), ".sentra/config.yaml", "tenants:\n  acme:\n    pack_limits: {timeout_ms: 1000}\n  globex:\n    pack_limits: {timeout_ms: 2000}\n");
    let state = root.path().join(".sentra");
    let key = |tenant: &str| {
        let out = sentra_cmd().arg("--state-dir").arg(&state).args(["keys", "create", "--role", "admin", "--tenant", tenant]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let acme = key("acme");
    let s = Server::start(root.path());
    let (status, _, v) = s.call("GET", "/api/config", Some(&acme), None);
    assert_eq!(status, 200, "{v}");
    assert!(v["config"].get("tenants").is_none(), "{v}");
    assert_eq!((&v["tenant"], &v["config"]["pack_limits"]["timeout_ms"]), (&json!("acme"), &json!(1000)), "its own limits: {v}");
    assert!(!v.to_string().contains("globex"), "another tenant shows: {v}");
    assert_eq!(v["path"], ".sentra/config.yaml");
    assert!(!v.to_string().contains(&root.path().display().to_string()), "the server's absolute paths show: {v}");
}

#[test]
fn a_server_does_not_read_hard_links_unless_the_operator_allows() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "creds.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "x = 1\n");
    if std::fs::hard_link(outside.path().join("creds.py"), root.path().join("repo/creds.py")).is_err() {
        eprintln!("skipped: the temporary directories are on different filesystems");
        return;
    }
    let scan = |s: &Server| s.call("POST", "/scan", None, Some(r#"{"repo_path": "repo", "config_overrides": {"standards_packs": ["secrets"]}}"#)).2;
    let s = Server::start(root.path());
    let v = scan(&s);
    assert_eq!((v["total"].as_u64(), v["files_skipped"]["hard_linked"].as_u64()), (Some(0), Some(1)), "{v}");
    drop(s);
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--allow-hard-links"], &[], 0);
    let v = scan(&s);
    assert_eq!((v["total"].as_u64(), v["files_skipped"]["hard_linked"].as_u64()), (Some(1), Some(0)), "{v}");
}

/// Upgrading: a config file written before tenant settings moved to the store keeps working
/// for the `default` tenant (imported once, audited), and the CLI acting on the server's
/// state scans with what the API set.
#[test]
fn a_single_tenant_setup_keeps_its_settings_and_the_cli_agrees_with_the_api() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "# TODO: later\npassword = 'hunter2hunter2'\n");
    write(
        root.path(),
        ".sentra/config.yaml",
        "gate_fail_on: [critical]\nsuppressions: [{rule_id: SEC-PASSWORD-ASSIGNMENT, file_pattern: 'repo/**', reason: test fixture}]\n",
    );
    let s = Server::start(root.path());
    let (_, _, v) = s.call("GET", "/api/config", None, None);
    assert_eq!(v["config"]["gate_fail_on"], json!(["critical"]), "{v}");
    assert_eq!(v["config"]["suppressions"][0]["rule_id"], "SEC-PASSWORD-ASSIGNMENT");
    let (_, _, audit) = s.call("GET", "/api/audit?action=config.import", None, None);
    assert_eq!((audit["total"].as_u64(), &audit["entries"][0]["details"]["keys"]), (Some(1), &json!(["gate_fail_on", "suppressions"])), "{audit}");
    let gate = |s: &Server| s.call("POST", "/gate", None, Some(r#"{"repo_path": "repo"}"#)).2;
    assert_eq!(gate(&s)["passed"], true, "the imported suppression applies: {}", gate(&s));

    // The API changes the default tenant's settings; a restart imports nothing again.
    let (status, _, v) = s.call("POST", "/api/config", None, Some(r#"{"updates": {"suppressions": null, "gate_fail_on": ["high"]}}"#));
    assert_eq!(status, 200, "{v}");
    drop(s);
    let s = Server::start(root.path());
    assert_eq!(s.call("GET", "/api/audit?action=config.import", None, None).2["total"], 1);
    assert_eq!(gate(&s)["passed"], false, "the stored settings win over the file's defaults");
    assert_eq!(s.call("POST", "/api/config", None, Some(r#"{"updates": {"gate_fail_on": ["critical"]}}"#)).0, 200);
    drop(s);

    // The CLI on the same state scans with the same settings: only critical fails (the
    // defaults alone would fail on the high finding, as they do without the state).
    let out = sentra_cmd().current_dir(root.path()).args(["gate", "repo", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let elsewhere = tempfile::tempdir().unwrap();
    write(elsewhere.path(), "repo/a.py", "# TODO: later\npassword = 'hunter2hunter2'\n");
    let alone = sentra_cmd().current_dir(elsewhere.path()).args(["gate", "repo", "--format", "json"]).output().unwrap();
    assert_eq!(alone.status.code(), Some(1), "without the state the defaults decide: {}", stdout(&alone));
}
