//! The CLI and the server run the same use cases (`sentra-app`): what one face does to the
//! shared state, the other does identically. Each test here was a drift between the two.

use std::path::Path;

use serde_json::{Value, json};

use super::server::{Server, key, sentra_cmd};
use super::write;

/// `sentra approvals ...` run from `cwd` (not the server's root) on `state`.
fn cli_approvals(state: &Path, cwd: &Path, args: &[&str]) -> std::process::Output {
    sentra_cmd().current_dir(cwd).arg("--state-dir").arg(state).arg("approvals").args(args).output().unwrap()
}

#[test]
fn approving_a_held_pack_import_from_the_cli_enables_it_as_the_api_does() {
    let root = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let state = elsewhere.path().join("state");
    write(root.path(), "tenants/acme/repo/a.py", "# TODO: later\n");
    write(root.path(), ".sentra/config.yaml", "governance:\n  human_review_required: {on_pack_import: true}\n  approvals: {approver_roles: [admin]}\n");
    let asker = key(&state, "admin", "acme", "asker");
    let tenants = root.path().join("tenants");
    let s =
        Server::start_with(root.path(), &["--host", "127.0.0.1", "--state-dir", state.to_str().unwrap(), "--tenants-root", tenants.to_str().unwrap()], &[], 0);
    let doc = "pack_id: held\nname: Held\nrules:\n  - id: H-TODO\n    name: TODO\n    type: regex\n    pattern: TODO\n    severity: low\n";
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&asker), Some(&json!({"pack_yaml": doc}).to_string()));
    assert_eq!(status, 202, "{v}");
    let id = v["approval_id"].as_i64().unwrap().to_string();
    let findings = || s.call("POST", "/scan", Some(&asker), Some(r#"{"repo_path": "repo"}"#)).2["total"].as_u64().unwrap();
    assert_eq!(findings(), 0, "not run before approval");

    let out = cli_approvals(&state, elsewhere.path(), &["approve", &id, "--tenant", "acme", "--comment", "reviewed the rules"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("approval request {id} approved"));

    assert_eq!(findings(), 1, "enabled once approved from the CLI");
    let (_, _, packs) = s.call("GET", "/api/packs", Some(&asker), None);
    let held = packs["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == "held").unwrap().clone();
    assert_eq!(held["enabled"], true, "{held}");
    let (_, _, audit) = s.call("GET", "/api/audit?action=pack.enable", Some(&asker), None);
    assert_eq!(audit["entries"][0]["details"]["approval_id"].as_i64(), Some(id.parse().unwrap()), "{audit}");
}

#[test]
fn approving_a_held_config_change_from_the_cli_changes_the_tenants_settings_the_server_uses() {
    let root = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let state = elsewhere.path().join("state");
    write(root.path(), ".sentra/config.yaml", "governance:\n  human_review_required: {on_config_change: true}\n  approvals: {approver_roles: [admin]}\n");
    let asker = key(&state, "admin", "default", "asker");
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--reload", "--state-dir", state.to_str().unwrap()], &[], 0);
    let (status, _, v) = s.call("POST", "/api/governance", Some(&asker), Some(r#"{"profile": "strict", "approvals": {"approver_roles": ["admin"]}}"#));
    assert_eq!(status, 202, "{v}");
    let id = v["pending_change_id"].as_i64().unwrap().to_string();

    let out = cli_approvals(&state, elsewhere.path(), &["approve", &id, "--comment", "agreed in the review board"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Tenant settings live in the state: the operator's file is left as it was.
    let server_config = std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap();
    assert!(!server_config.contains("strict"), "{server_config}");
    let stray: Vec<_> = walk(elsewhere.path()).into_iter().filter(|p| p.ends_with("config.yaml") || p.ends_with(".sentra.yml")).collect();
    assert!(stray.is_empty(), "the CLI wrote a config where it ran: {stray:?}");
    assert_eq!(s.call("GET", "/api/governance", Some(&asker), None).2["governance"]["profile"], "strict", "the server runs with it");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The gate's audit entry, without who and when.
fn gate_entry(v: &Value) -> Value {
    let e = &v["entries"][0];
    json!({"action": e["action"], "result": e["result"], "details": e["details"]})
}

#[test]
fn the_gates_audit_entry_is_the_same_from_the_cli_and_the_server() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let state = root.path().join(".sentra");
    let admin = key(&state, "admin", "default", "admin");
    let s = Server::start(root.path());
    let (status, _, v) = s.call("POST", "/gate", Some(&admin), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!((status, v["passed"].as_bool()), (200, Some(false)), "{v}");
    let (_, _, from_server) = s.call("GET", "/api/audit?action=gate", Some(&admin), None);
    let server_entry = gate_entry(&from_server);

    let out = sentra_cmd().current_dir(root.path()).args(["gate", "repo", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let (_, _, both) = s.call("GET", "/api/audit?action=gate", Some(&admin), None);
    assert_eq!(both["total"], 2, "{both}");
    assert_eq!(gate_entry(&both), server_entry, "newest (CLI) entry differs from the server's");
    assert!(server_entry["details"]["blocking"].as_u64().unwrap() >= 1, "{server_entry}");
}
