//! `/api/config` end to end, and what survives a SIGKILL in the middle of writes.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use serde_json::{Value, json};

use super::server::{Server, assert_error};
use super::write;

#[test]
fn config_is_read_redacted_validated_and_updated_in_place() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    write(
        root.path(),
        ".sentra/config.yaml",
        "# Team settings: keep this comment\nstandards_packs: [secrets]   # only secrets for now\ngate_fail_on: [critical, high]\n",
    );
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1"], &[("GUARD_SCAN_EXCLUDE", "generated")], 0);
    let (status, _, v) = s.call("GET", "/api/config", None, None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["config"]["gate_fail_on"], json!(["critical", "high"]));
    assert_eq!(v["config"]["scan_exclude"], json!(["generated"]), "the environment wins over the file");
    assert_eq!(v["config"]["pack_limits"]["timeout_ms"], 5000, "defaults fill the rest");
    assert!(v["environment"].as_array().unwrap().iter().any(|e| e == "GUARD_SCAN_EXCLUDE"));
    assert!(v["path"].as_str().unwrap().ends_with(".sentra/config.yaml"));

    assert_eq!(v["owners"]["gate_fail_on"], "tenant");
    assert_eq!(v["owners"]["max_file_bytes"], "operator");

    // Invalid: 422 with every problem, nothing stored.
    let before = std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap();
    let (status, _, v) = s.call("POST", "/api/config", None, Some(r#"{"updates": {"gate_fail_on": ["urgent"], "scan_exclude": "big", "colour": "red"}}"#));
    assert_error(status, &v, 422, "validation_error");
    let locs: Vec<String> = v["errors"].as_array().unwrap().iter().map(|e| e["loc"][2].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(locs, ["colour", "gate_fail_on", "scan_exclude"], "{v}");
    assert_eq!(s.call("GET", "/api/config", None, None).2["config"]["gate_fail_on"], json!(["critical", "high"]));
    // An operator setting is not a tenant's to change (403, named); the operator's route takes it.
    let (status, _, v) = s.call("POST", "/api/config", None, Some(r#"{"updates": {"gate_fail_on": ["critical"], "max_file_bytes": 4096}}"#));
    assert_error(status, &v, 403, "operator_setting");
    assert!(v["detail"].as_str().unwrap().contains("max_file_bytes"), "{v}");
    for bad in [r#"{"updates": {}}"#, r#"{"updates": 5}"#, r#"{"changes": {}}"#, "[1"] {
        let (status, _, v) = s.call("POST", "/api/config", None, Some(bad));
        assert_error(status, &v, 422, "validation_error");
    }

    // Valid: stored as the tenant's (the operator's file is left as written), applied at
    // once, audited.
    let (status, _, v) = s.call("POST", "/api/config", None, Some(r#"{"updates": {"gate_fail_on": ["critical"]}}"#));
    assert_eq!(status, 200, "{v}");
    assert_eq!((v["status"].as_str(), v["config"]["gate_fail_on"].clone()), (Some("ok"), json!(["critical"])));
    assert_eq!(std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap(), before);
    let (status, _, v) = s.call("POST", "/api/operator/config", None, Some(r#"{"updates": {"max_file_bytes": 4096}}"#));
    assert_eq!((status, v["config"]["max_file_bytes"].as_u64()), (200, Some(4096)), "{v}");
    assert!(!v["config"].to_string().contains("generated") || v["stored"].get("scan_exclude").is_none(), "env values are never stored: {v}");
    let (_, _, g) = s.call("POST", "/gate", None, Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(g["fail_on"], json!(["critical"]));
    let (_, _, audit) = s.call("GET", "/api/audit?action=config.update", None, None);
    assert_eq!(audit["total"], 1);

    // The validation report.
    let (_, _, v) = s.call("GET", "/api/config/validate", None, None);
    assert_eq!((v["valid"].as_bool(), v["error_count"].as_u64()), (Some(true), Some(0)), "{v}");
    let bad = json!({"updates": {"standards_packs": ["secrets", "ghost"], "pack_overrides": {"secrets": {"NOPE": {"enabled": false}}},
        "suppressions": [{"rule_id": "X", "reason": "old", "expires": "2020-01-01"}]}});
    // A write naming a pack or rule that does not exist is refused whole, every problem named.
    let (status, _, v) = s.call("POST", "/api/config", None, Some(&bad.to_string()));
    assert_eq!(status, 422, "{v}");
    assert!(v["detail"].as_str().unwrap().contains("ghost") && v["detail"].as_str().unwrap().contains("NOPE"), "{v}");
    let (_, _, v) = s.call("GET", "/api/config/validate", None, None);
    assert_eq!((v["valid"].as_bool(), v["error_count"].as_u64()), (Some(true), Some(0)), "nothing was written: {v}");
}

/// Kill the server (SIGKILL) in the middle of a burst of config updates and audited
/// writes; after a restart the config file is valid, the audit chain intact, and no
/// acknowledged write is lost.
#[test]
fn a_killed_server_loses_no_acknowledged_write_and_corrupts_nothing() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "x = 1\n");
    write(root.path(), ".sentra/config.yaml", "# keep me\nmax_file_bytes: 10000\n");
    let mut s = Server::start(root.path());
    let base = s.base.clone();
    let stop = Arc::new(AtomicBool::new(false));
    let last_config = Arc::new(AtomicI64::new(10_000));
    let config_writer = {
        let (base, stop, last) = (base.clone(), stop.clone(), last_config.clone());
        std::thread::spawn(move || {
            let client = reqwest::blocking::Client::builder().timeout(std::time::Duration::from_secs(5)).build().unwrap();
            let mut i = 10_001i64;
            while !stop.load(Ordering::Relaxed) {
                let r = client.post(format!("{base}/api/operator/config")).body(json!({"updates": {"max_file_bytes": i}}).to_string()).send();
                match r {
                    Ok(r) if r.status().as_u16() == 200 => last.store(i, Ordering::SeqCst),
                    _ => break,
                }
                i += 1;
            }
        })
    };
    let acked = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let audit_writer = {
        let (base, stop, acked) = (base.clone(), stop.clone(), acked.clone());
        std::thread::spawn(move || {
            let client = reqwest::blocking::Client::builder().timeout(std::time::Duration::from_secs(5)).build().unwrap();
            let mut j = 0;
            while !stop.load(Ordering::Relaxed) {
                // Distinct by file pattern: a suppression names a rule the packs have.
                let body = json!({"rule_id": "SEC-*", "file_pattern": format!("R-{j}/**"), "reason": "burst"}).to_string();
                match client.post(format!("{base}/api/suppressions")).body(body).send() {
                    Ok(r) if r.status().as_u16() == 201 => acked.lock().unwrap().push(format!("R-{j}/**")),
                    _ => break,
                }
                j += 1;
            }
        })
    };
    // Kill once both writers have had writes acknowledged (on a loaded machine the first
    // suppression waits for the packs to load), and while they are still writing.
    let started = std::time::Instant::now();
    while (last_config.load(Ordering::SeqCst) == 10_000 || acked.lock().unwrap().is_empty()) && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.kill();
    stop.store(true, Ordering::Relaxed);
    config_writer.join().unwrap();
    audit_writer.join().unwrap();
    let acked = acked.lock().unwrap().clone();
    let last = last_config.load(Ordering::SeqCst);
    assert!(last > 10_000 && !acked.is_empty(), "the burst made progress before the kill ({last}, {})", acked.len());

    let s = Server::start(root.path());
    let text = std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap();
    assert!(text.starts_with("# keep me\n"), "{text}");
    let (_, _, v) = s.call("GET", "/api/config/validate", None, None);
    assert_eq!(v["valid"], true, "{v}");
    let (_, _, c) = s.call("GET", "/api/config", None, None);
    let now = c["config"]["max_file_bytes"].as_i64().unwrap();
    // The last acknowledged update, or the one in flight when the server died.
    assert!(now == last || now == last + 1, "config holds {now}; the last acknowledged update was {last}");
    let (_, _, listed) = s.call("GET", "/api/suppressions", None, None);
    let present: Vec<&str> = listed["suppressions"].as_array().unwrap().iter().map(|x| x["file_pattern"].as_str().unwrap()).collect();
    for r in &acked {
        assert!(present.contains(&r.as_str()), "acknowledged suppression {r} was lost");
    }
    let (_, _, verify) = s.call("GET", "/api/audit/verify", None, None);
    assert_eq!(verify["valid"], true, "{verify}");
    let (_, _, audit) = s.call("GET", "/api/audit?action=suppression.create&limit=1000", None, None);
    let audited: Vec<&str> = audit["entries"].as_array().unwrap().iter().map(|e| e["details"]["file_pattern"].as_str().unwrap_or("")).collect();
    for r in &acked {
        assert!(audited.contains(&r.as_str()), "acknowledged audit entry for {r} was lost");
    }
    let _: Value = c;
}

#[test]
fn governance_profiles_drive_the_gate_and_changes_wait_for_review_when_required() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "password = 'hunter2hunter2'\nAPI_TOKEN = 'Zx81kLq0vN7mW3rT5yU2iO9pA4sD6fG1'\n");
    let s = Server::start(root.path());
    let (status, _, v) = s.call("GET", "/api/governance", None, None);
    assert_eq!(status, 200, "{v}");
    assert_eq!((v["governance"]["profile"].as_str(), v["effective_fail_on"].clone()), (Some("standard"), json!(["critical", "high"])));
    let medium_only = r#"{"repo_path": "repo", "config_overrides": {"standards_packs": ["secrets"]}}"#;
    let (_, _, scan) = s.call("POST", "/scan", None, Some(medium_only));
    assert!(scan["by_severity"]["medium"].as_u64().unwrap() >= 1, "{scan}");

    for bad in [
        r#"{"profile": "lax"}"#,
        r#"{"gate": {"fail_on": ["urgent"]}}"#,
        r#"{"approvals": {"approver_roles": ["boss"]}}"#,
        r#"{"approvals": {"timeout_s": 0}}"#,
        r#"{"nope": 1}"#,
    ] {
        let (status, _, v) = s.call("POST", "/api/governance", None, Some(bad));
        assert_error(status, &v, 422, "validation_error");
    }
    // `strict` fails on medium too; the gate applies it at once.
    let (status, _, v) = s.call("POST", "/api/governance", None, Some(r#"{"profile": "strict", "audit": {"retention_days": 90}}"#));
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["effective_fail_on"], json!(["critical", "high", "medium"]));
    assert_eq!((v["governance"]["audit"]["retention_days"].as_u64(), v["governance"]["gate"]["block_on_obligations"].as_bool()), (Some(90), Some(true)));
    let (_, _, g) = s.call("POST", "/gate", None, Some(medium_only));
    assert_eq!(g["fail_on"], json!(["critical", "high", "medium"]));
    // Config `gate_fail_on`, when set, is the one value everyone sees.
    assert_eq!(s.call("POST", "/api/config", None, Some(r#"{"updates": {"gate_fail_on": ["critical"]}}"#)).0, 200);
    assert_eq!(s.call("GET", "/api/governance", None, None).2["effective_fail_on"], json!(["critical"]));
    // Strict requires review of config changes: the next change waits, unapplied.
    let (status, _, v) = s.call("POST", "/api/governance", None, Some(r#"{"profile": "permissive"}"#));
    assert_eq!(status, 202, "{v}");
    assert_eq!((v["status"].as_str(), v["governance"]["profile"].as_str()), (Some("pending_approval"), Some("strict")));
    assert!(v["pending_change_id"].as_i64().is_some());
    let (_, _, audit) = s.call("GET", "/api/audit", None, None);
    let actions: Vec<&str> = audit["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.starts_with(&["approval.request", "config.update"]), "{actions:?}");
    assert!(actions.contains(&"governance.update") && actions.contains(&"gate"), "{actions:?}");
}

fn key(state: &std::path::Path, role: &str, name: &str) -> String {
    let out = super::server::sentra_cmd()
        .arg("--state-dir")
        .arg(state)
        .args(["keys", "create", "--role", role, "--tenant", "acme", "--name", name])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn approvals_lifecycle_roles_expiry_and_gate_overrides() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "tenants/acme/repo/a.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    write(
        root.path(),
        ".sentra/config.yaml",
        "governance:\n  human_review_required: {on_gate_failure: true}\n  approvals: {timeout_s: 3600, approver_roles: [admin]}\n",
    );
    let state = root.path().join(".sentra");
    let agent = key(&state, "agent", "ci-agent");
    let lead = key(&state, "admin", "lead");
    let lead2 = key(&state, "admin", "lead-two");
    let sec_lead = key(&state, "security-lead", "sec");
    let dev = key(&state, "developer", "dev");
    let s = Server::start_tenants(root.path());

    let (status, _, v) = s.call("POST", "/api/approvals", Some(&agent), Some(r#"{"action_type": "deploy", "title": "Ship 1.2", "context": {"ticket": 7}}"#));
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    assert_eq!((v["status"].as_str(), v["requested_by"].as_str()), (Some("pending"), Some("ci-agent")));
    let (status, _, v) = s.call("POST", "/api/approvals", Some(&dev), Some(r#"{"action_type": "deploy", "title": "x"}"#));
    assert_error(status, &v, 403, "forbidden");
    for bad in [r#"{"action_type": "", "title": "x"}"#, r#"{"action_type": "Deploy!", "title": "x"}"#, r#"{"action_type": "deploy", "title": " "}"#] {
        let (status, _, v) = s.call("POST", "/api/approvals", Some(&agent), Some(bad));
        assert_error(status, &v, 422, "validation_error");
    }
    let (_, _, listed) = s.call("GET", "/api/approvals", Some(&agent), None);
    assert_eq!(listed["total"], 1);
    let (status, _, v) = s.call("GET", "/api/approvals?status=maybe", Some(&agent), None);
    assert_error(status, &v, 422, "validation_error");

    // Who may resolve: not without `approvals:review`, not a role governance excludes, not
    // the requester; a comment to approve; once only.
    let patch = |k: &str, id: i64, body: &str| s.call("PATCH", &format!("/api/approvals/{id}"), Some(k), Some(body));
    let (status, _, v) = patch(&dev, id, r#"{"action": "approve", "comment": "ok"}"#);
    assert_error(status, &v, 403, "forbidden");
    let (status, _, v) = patch(&sec_lead, id, r#"{"action": "approve", "comment": "ok"}"#);
    assert_error(status, &v, 403, "forbidden");
    assert!(v["detail"].as_str().unwrap().contains("approver_roles"), "{v}");
    let (status, _, v) = patch(&lead, id, r#"{"action": "approve"}"#);
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = patch(&lead, id, r#"{"action": "approve", "comment": "release notes reviewed"}"#);
    assert_eq!(status, 200, "{v}");
    assert_eq!((v["status"].as_str(), v["resolved_by"].as_str()), (Some("approved"), Some("lead")));
    let (_, _, st) = s.call("GET", &format!("/api/approvals/{id}/status"), Some(&dev), None);
    assert_eq!((st["status"].as_str(), st["expired"].as_bool()), (Some("approved"), Some(false)));
    let (status, _, v) = patch(&lead2, id, r#"{"action": "reject"}"#);
    assert_error(status, &v, 409, "already_resolved");
    let (_, _, own) = s.call("POST", "/api/approvals", Some(&lead), Some(r#"{"action_type": "deploy", "title": "mine"}"#));
    let own_id = own["id"].as_i64().unwrap();
    let (status, _, v) = patch(&lead, own_id, r#"{"action": "approve", "comment": "me"}"#);
    assert_error(status, &v, 403, "self_approval");
    let (status, _, v) = patch(&lead2, own_id, r#"{"action": "reject", "comment": "not now"}"#);
    assert_eq!((status, v["status"].as_str()), (200, Some("rejected")));
    let (status, _, v) = patch(&lead2, 99_999, r#"{"action": "reject"}"#);
    assert_error(status, &v, 404, "approval_not_found");

    // A failing gate opens a review; once approved, the next gate on the same findings
    // passes and says which approval let it.
    let (_, _, g) = s.call("POST", "/gate", Some(&agent), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(g["passed"], false);
    let review = g["approval_id"].as_i64().unwrap();
    let (_, _, again) = s.call("POST", "/gate", Some(&agent), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(again["approval_id"].as_i64(), Some(review), "one pending review per failure");
    assert_eq!(patch(&lead, review, r#"{"action": "approve", "comment": "accepted risk until rotation"}"#).0, 200);
    let (_, _, g) = s.call("POST", "/gate", Some(&agent), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!((g["passed"].as_bool(), g["approval_id"].as_i64()), (Some(true), Some(review)), "{g}");
    write(root.path(), "tenants/acme/repo/b.py", "K2 = 'sk_live_4eC39HqLyjWDarjtT1zdp7dd'\n");
    let (_, _, g) = s.call("POST", "/gate", Some(&agent), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(g["passed"], false, "new findings are not covered by the old approval");
    assert_ne!(g["approval_id"].as_i64(), Some(review));

    // Every transition is audited; the CLI sees the same requests.
    let (_, _, audit) = s.call("GET", "/api/audit?limit=1000", Some(&lead), None);
    let actions: Vec<&str> = audit["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for a in ["approval.request", "approval.approve", "approval.reject"] {
        assert!(actions.contains(&a), "{a}: {actions:?}");
    }
    let out = super::server::sentra_cmd().arg("--state-dir").arg(&state).args(["approvals", "list", "--status", "all", "--tenant", "acme"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ship 1.2"), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn approval_requests_expire_without_anyone_polling() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), ".sentra/config.yaml", "governance:\n  approvals: {timeout_s: 1}\n");
    let s = Server::start(root.path());
    let (_, _, v) = s.call("POST", "/api/approvals", None, Some(r#"{"action_type": "deploy", "title": "soon stale"}"#));
    let id = v["id"].as_i64().unwrap();
    // Only the audit log is read (which expires nothing): the server's sweeper must act.
    let mut expired = false;
    for _ in 0..50 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let (_, _, audit) = s.call("GET", "/api/audit?action=approval.expire", None, None);
        if audit["total"].as_u64() == Some(1) {
            expired = true;
            break;
        }
    }
    assert!(expired, "the request expired with no one polling it");
    let (_, _, st) = s.call("GET", &format!("/api/approvals/{id}/status"), None, None);
    assert_eq!((st["status"].as_str(), st["expired"].as_bool()), (Some("expired"), Some(true)));
    let (status, _, v) = s.call("PATCH", &format!("/api/approvals/{id}"), None, Some(r#"{"action": "reject"}"#));
    assert_error(status, &v, 409, "already_resolved");
}

#[test]
fn approving_a_pending_config_change_applies_it() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), ".sentra/config.yaml", "governance:\n  human_review_required: {on_config_change: true}\n  approvals: {approver_roles: [admin]}\n");
    let state = root.path().join(".sentra");
    let asker = key(&state, "admin", "asker");
    let approver = key(&state, "admin", "approver");
    let s = Server::start(root.path());
    let (status, _, v) = s.call("POST", "/api/governance", Some(&asker), Some(r#"{"profile": "strict", "approvals": {"approver_roles": ["admin"]}}"#));
    assert_eq!(status, 202, "{v}");
    let id = v["pending_change_id"].as_i64().unwrap();
    assert_eq!(s.call("GET", "/api/governance", Some(&asker), None).2["governance"]["profile"], "standard", "nothing applied yet");
    let (status, _, v) =
        s.call("PATCH", &format!("/api/approvals/{id}"), Some(&approver), Some(r#"{"action": "approve", "comment": "agreed in the review board"}"#));
    assert_eq!(status, 200, "{v}");
    assert_eq!(s.call("GET", "/api/governance", Some(&asker), None).2["governance"]["profile"], "strict");
    // Stored as the tenant's setting, which a restart keeps; the operator's file is as written.
    assert!(!std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap().contains("strict"));
    drop(s);
    let s = Server::start(root.path());
    assert_eq!(s.call("GET", "/api/governance", Some(&asker), None).2["governance"]["profile"], "strict");
}

/// The local provider through the whole reconcile lifecycle: create, an idempotent rerun,
/// update, close and reopen.
#[test]
fn reconcile_keeps_local_work_items_in_step_with_findings() {
    let root = tempfile::tempdir().unwrap();
    let stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    write(root.path(), "repo/a.py", &format!("K = '{stripe}'\npassword = 'hunter2hunter2'\n"));
    let s = Server::start(root.path());
    let (_, _, v) = s.call("POST", "/api/reconcile", None, None);
    assert_eq!(v["status"], "no_scan");
    let scan = || assert_eq!(s.call("POST", "/scan", None, Some(r#"{"repo_path": "repo"}"#)).0, 200);
    let reconcile = |q: &str| {
        let (status, _, v) = s.call("POST", &format!("/api/reconcile{q}"), None, None);
        assert_eq!(status, 200, "{v}");
        v
    };
    let actions = |v: &Value| -> Vec<String> {
        v["actions"].as_array().unwrap().iter().map(|a| format!("{} {}", a["action"].as_str().unwrap(), a["rule_id"].as_str().unwrap())).collect()
    };
    scan();
    let dry = reconcile("?dry_run=true");
    assert_eq!(
        (dry["status"].as_str(), actions(&dry)),
        (Some("dry_run"), vec!["create SEC-PASSWORD-ASSIGNMENT".to_string(), "create SEC-STRIPE-SECRET-KEY".into()])
    );
    assert_eq!(s.call("GET", "/api/work-items", None, None).2["total"], 0, "a dry run changes nothing");
    let v = reconcile("");
    assert_eq!((v["result"]["created"].as_u64(), v["status"].as_str()), (Some(2), Some("ok")));
    let (_, _, items) = s.call("GET", "/api/work-items?state=active", None, None);
    assert_eq!((items["total"].as_u64(), items["provider"].as_str()), (Some(2), Some("local")));
    let item = items["work_items"].as_array().unwrap().iter().find(|i| i["rule_id"] == "SEC-STRIPE-SECRET-KEY").unwrap().clone();
    assert!(item["title"].as_str().unwrap().starts_with("[sentra] SEC-STRIPE-SECRET-KEY"));
    assert_eq!(item["acceptance_criteria"], json!(["No SEC-STRIPE-SECRET-KEY finding remains in a.py"]));
    assert!(item["description"].as_str().unwrap().contains("a.py:1"), "{item}");
    // Idempotent.
    let again = reconcile("");
    assert!(actions(&again).is_empty(), "{again}");
    // New findings of a rule update its item; a rule that stops firing closes its item.
    write(root.path(), "repo/a.py", &format!("K = '{stripe}'\n"));
    write(root.path(), "repo/b.py", &format!("K2 = '{stripe}'\n"));
    scan();
    let v = reconcile("");
    assert_eq!(actions(&v), ["update SEC-STRIPE-SECRET-KEY", "close SEC-PASSWORD-ASSIGNMENT"]);
    let (_, _, closed) = s.call("GET", "/api/work-items?state=closed", None, None);
    assert_eq!(closed["work_items"][0]["rule_id"], "SEC-PASSWORD-ASSIGNMENT");
    // The rule fires again: its item reopens.
    write(root.path(), "repo/c.py", "password = 'correcthorsebattery'\n");
    scan();
    let v = reconcile("");
    assert_eq!(actions(&v), ["reopen SEC-PASSWORD-ASSIGNMENT"]);
    assert_eq!(s.call("GET", "/api/work-items?state=active", None, None).2["total"], 2);
    let (_, _, st) = s.call("GET", "/api/devops/status", None, None);
    assert_eq!((st["provider"].as_str(), st["last_reconcile"]["summary"]["reopened"].as_u64()), (Some("local"), Some(1)));
    let (_, _, t) = s.call("POST", "/api/devops/test-connection", None, Some(r#"{"provider": "local"}"#));
    assert_eq!((t["status"].as_str(), t["work_item_count"].as_u64()), (Some("ok"), Some(2)));
    let (status, _, v) = s.call("POST", "/api/devops/test-connection", None, Some(r#"{"provider": "github"}"#));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("GET", "/api/work-items?state=open", None, None);
    assert_error(status, &v, 422, "validation_error");
    let (_, _, audit) = s.call("GET", "/api/audit?action=reconcile", None, None);
    assert_eq!(audit["total"], 4);
}

#[test]
fn imported_packs_wait_for_approval_when_governance_asks() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "tenants/acme/repo/a.py", "# TODO: later\n");
    write(root.path(), ".sentra/config.yaml", "governance:\n  human_review_required: {on_pack_import: true}\n  approvals: {approver_roles: [admin]}\n");
    let state = root.path().join(".sentra");
    let asker = key(&state, "admin", "asker");
    let approver = key(&state, "admin", "approver");
    let s = Server::start_tenants(root.path());
    let doc = "pack_id: held\nname: Held\nrules:\n  - id: H-TODO\n    name: TODO\n    type: regex\n    pattern: TODO\n    severity: low\n";
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&asker), Some(&json!({"pack_yaml": doc}).to_string()));
    assert_eq!(status, 202, "{v}");
    assert_eq!((v["status"].as_str(), v["enabled"].as_bool()), (Some("pending_approval"), Some(false)));
    let id = v["approval_id"].as_i64().unwrap();
    let findings = |k: &str| s.call("POST", "/scan", Some(k), Some(r#"{"repo_path": "repo"}"#)).2["total"].as_u64().unwrap();
    assert_eq!(findings(&asker), 0, "not run before approval");
    let (status, _, v) = s.call("PATCH", &format!("/api/approvals/{id}"), Some(&approver), Some(r#"{"action": "approve", "comment": "reviewed the rules"}"#));
    assert_eq!(status, 200, "{v}");
    assert_eq!(findings(&asker), 1, "enabled once approved");
}

#[test]
fn coverage_traces_requirement_ids_in_comments() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "requirements.yaml", "requirements:\n  - {req_id: REQ-1, title: Log in}\n  - {req_id: REQ-2, title: Log out}\n");
    write(root.path(), "src/login.py", "# Implements REQ-1\ndef login(): pass\n");
    write(root.path(), "src/logout.py", "def logout(): pass\n");
    let s = Server::start(root.path());
    let (status, _, v) = s.call("GET", "/api/check-coverage", None, None);
    assert_eq!(status, 200, "{v}");
    assert_eq!((v["summary"]["implemented"].as_u64(), v["summary"]["coverage_pct"].as_f64()), (Some(1), Some(50.0)));
    assert_eq!(v["untraced_files"], json!(["src/logout.py"]));
    assert_eq!(v["unimplemented"], json!(["REQ-2"]));
    assert_eq!(v["findings"][0]["rule_id"], "SENTRA-REQ-COVERAGE");
    let first_id = v["findings"][0]["finding_id"].clone();
    assert_eq!(s.call("GET", "/api/check-coverage", None, None).2["findings"][0]["finding_id"], first_id, "ids are stable");
    // Adding the trace raises coverage.
    write(root.path(), "src/logout.py", "def logout(): pass  # REQ-2\n");
    let (_, _, v) = s.call("GET", "/api/check-coverage", None, None);
    assert_eq!((v["summary"]["coverage_pct"].as_f64(), v["untraced_files"].clone()), (Some(100.0), json!([])));
    write(root.path(), "requirements.yaml", "requirements: 5\n");
    let (status, _, v) = s.call("GET", "/api/check-coverage", None, None);
    assert_error(status, &v, 500, "config_error");
    assert!(v["detail"].as_str().unwrap().contains("requirements.yaml"), "{v}");
}

/// Requirements drafted from untraced code: the same tree gives the same file, existing
/// entries keep their bytes, coverage rises as traces are added, and `push` makes work
/// items that reconcile leaves alone.
#[test]
fn generated_requirements_are_deterministic_merge_in_place_and_push_to_the_tracker() {
    let make_tree = |root: &Path| {
        write(root, "requirements.yaml", "# Signed off by QA\nrequirements:\n  - req_id: REQ-1\n    title: Log in\n    status: approved\n");
        write(root, "src/auth/login.py", "\"\"\"Password login.\"\"\"\n# Implements REQ-1\n@app.post(\"/login\")\ndef login(req):\n    pass\n");
        write(root, "src/billing/invoice.py", "\"\"\"Invoices for orders.\"\"\"\ndef total(order):\n    pass\ndef _round(x):\n    pass\n");
        write(root, "src/billing/tax.py", "# VAT rules.\ndef vat(amount):\n    pass\n");
        write(root, "web/client.ts", "/** The browser client. */\nexport function fetchOrders() {}\n");
    };
    let generate = |s: &Server, q: &str| {
        let (status, _, v) = s.call("POST", &format!("/api/generate-reqs{q}"), None, None);
        assert_eq!(status, 200, "{v}");
        v
    };
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    make_tree(a.path());
    make_tree(b.path());
    let sa = Server::start(a.path());
    let before = s_coverage(&sa);
    let dry = generate(&sa, "?dry_run=true");
    assert_eq!(dry["status"], "dry_run");
    assert!(std::fs::read_to_string(a.path().join("requirements.yaml")).unwrap().starts_with("# Signed off"), "a dry run writes nothing");
    let v = generate(&sa, "");
    assert_eq!(v["status"], "ok");
    let added: Vec<(&str, &str)> = v["added"].as_array().unwrap().iter().map(|r| (r["req_id"].as_str().unwrap(), r["title"].as_str().unwrap())).collect();
    assert_eq!(added, [("REQ-2", "Billing"), ("REQ-3", "Client")]);
    assert_eq!(strip_stamp(&v["yaml"]), strip_stamp(&dry["yaml"]), "the dry run showed what was written");
    let billing = &v["added"][0];
    assert_eq!(billing["source_files"], json!(["src/billing/invoice.py", "src/billing/tax.py"]));
    assert_eq!(billing["status"], "draft");
    assert_eq!(billing["description"], "Invoices for orders. VAT rules. Public items: total, vat.");
    assert_eq!(billing["acceptance_criteria"][0], "`total` in src/billing/invoice.py behaves as specified and is covered by a test");
    let text_a = std::fs::read_to_string(a.path().join("requirements.yaml")).unwrap();
    assert!(
        text_a.contains("# Signed off by QA\nrequirements:\n  - req_id: REQ-1\n    title: Log in\n    status: approved\n"),
        "existing entries keep their bytes:\n{text_a}"
    );
    // Again on the same tree: nothing changes, not even the timestamp.
    assert_eq!(generate(&sa, "")["status"], "unchanged");
    assert_eq!(std::fs::read_to_string(a.path().join("requirements.yaml")).unwrap(), text_a);
    // Another copy of the tree gets the same ids and entries.
    let sb = Server::start(b.path());
    let strip = |t: &str| t.lines().filter(|l| !l.starts_with("generated_at:")).collect::<Vec<_>>().join("\n");
    generate(&sb, "");
    assert_eq!(strip(&std::fs::read_to_string(b.path().join("requirements.yaml")).unwrap()), strip(&text_a));
    // The generated requirements list their source files, which trace to them at once;
    // a comment naming one keeps it traced.
    let after_gen = s_coverage(&sa);
    assert_eq!((before.0, after_gen.0), (1, 3), "three requirements defined now");
    assert!(after_gen.1 >= before.1, "coverage does not fall with the generated requirements: {} -> {}", before.1, after_gen.1);
    let (_, _, cov) = sa.call("GET", "/api/check-coverage", None, None);
    assert!(!cov["untraced_files"].to_string().contains("src/billing/"), "{cov}");
    write(a.path(), "src/billing/tax.py", "# VAT rules. REQ-2\ndef vat(amount):\n    pass\n");
    let traced = s_coverage(&sa);
    assert!(traced.1 >= after_gen.1, "coverage stays: {} -> {}", after_gen.1, traced.1);

    // push: each new requirement gets a work item, and reconcile does not close them.
    write(a.path(), "src/search/index.py", "def search(q):\n    pass\n");
    let v = generate(&sa, "?push=true");
    assert_eq!(v["added"][0]["req_id"], "REQ-4");
    let item_id = v["pushed"][0]["work_item_id"].as_str().unwrap().to_string();
    assert!(v["pushed"][0]["error"].is_null(), "{v}");
    assert!(std::fs::read_to_string(a.path().join("requirements.yaml")).unwrap().contains(&format!("work_item_id: \"{item_id}\"")), "{}", v["yaml"]);
    let (_, _, items) = sa.call("GET", "/api/work-items", None, None);
    assert_eq!(items["work_items"][0]["rule_id"], "requirement:REQ-4");
    assert_eq!(items["work_items"][0]["acceptance_criteria"][0], "`search` in src/search/index.py behaves as specified and is covered by a test");
    assert_eq!(sa.call("POST", "/scan", None, Some(r#"{"repo_path": "."}"#)).0, 200);
    let v = sa.call("POST", "/api/reconcile", None, None).2;
    assert!(v["actions"].as_array().unwrap().iter().all(|a| !a["rule_id"].as_str().unwrap().starts_with("requirement:")), "{v}");
    // The work item's id in a comment traces to its requirement.
    write(a.path(), "src/search/index.py", &format!("# closes #{item_id}\ndef search(q):\n    pass\n"));
    let (_, _, c) = sa.call("GET", "/api/check-coverage", None, None);
    let req4 = c["requirements"].as_array().unwrap().iter().find(|r| r["id"] == "REQ-4").unwrap().clone();
    assert_eq!((req4["implemented"].as_bool(), req4["files"].clone()), (Some(true), json!(["src/search/index.py"])), "{c}");
}

/// (requirements defined, coverage percent).
fn s_coverage(s: &Server) -> (u64, f64) {
    let (_, _, v) = s.call("GET", "/api/check-coverage", None, None);
    (v["summary"]["total"].as_u64().unwrap(), v["summary"]["coverage_pct"].as_f64().unwrap())
}

fn strip_stamp(v: &Value) -> String {
    v.as_str().unwrap().lines().filter(|l| !l.starts_with("generated_at:")).collect::<Vec<_>>().join("\n")
}
