//! Packs at runtime over HTTP and the CLI, on one store, with no restart: import (YAML and
//! a component built from `examples/`), scan, export, override, disable, delete; tenant
//! isolation; hostile components; path traversal on every id.

use std::path::Path;

use serde_json::{Value, json};

use super::server::{Server, assert_error, sentra_cmd};
use super::{sentra, stderr, test_pack, write, write_each};

const TEAM_YAML: &str = "pack_id: team-yaml
name: Team YAML rules
version: 1.0.0
rules:
  - id: TY-TODO
    name: TODO left in code
    type: regex
    pattern: 'TODO'
    file_glob: '**/*.py'
    severity: medium
    standard: Internal
    clause: '1'
  - id: TY-EVAL
    name: eval
    type: regex
    pattern: '\\beval\\('
    file_glob: '**/*.py'
    severity: high
    standard: Internal
    clause: '2'
";

fn key(state: &Path, role: &str, tenant: &str) -> String {
    let out = sentra_cmd().arg("--state-dir").arg(state).args(["keys", "create", "--role", role, "--tenant", tenant]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn upload(s: &Server, key: &str, query: &str, bytes: Vec<u8>) -> (u16, Value) {
    s.import(key, query, "application/wasm", bytes)
}

fn rule_ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = v["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids
}

fn severity_of(v: &Value, rule: &str) -> String {
    v["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == rule).map(|f| f["severity"].as_str().unwrap().to_string()).unwrap_or_default()
}

#[test]
fn packs_are_imported_scanned_exported_overridden_and_deleted_without_restart() {
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", "# TODO: tidy\nhost = '10.0.0.1'\nprint('debug: here')\nx = eval('1')\n");
    let state = root.path().join(".sentra");
    let a = key(&state, "admin", "acme");
    let b = key(&state, "admin", "globex");
    let viewer = key(&state, "viewer", "acme");
    let s = Server::start_tenants(root.path());
    let scan = |k: &str| {
        let (status, _, v) = s.call("POST", "/scan", Some(k), Some(r#"{"repo_path": "repo"}"#));
        assert_eq!(status, 200, "{v}");
        v
    };
    assert!(rule_ids(&scan(&a)).is_empty());

    // Import a YAML pack and a component built from examples/ (its sha256 checked).
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&a), Some(&json!({"pack_yaml": TEAM_YAML}).to_string()));
    assert_eq!(status, 201, "{v}");
    assert_eq!((v["pack_id"].as_str(), v["kind"].as_str(), v["rule_count"].as_u64()), (Some("team-yaml"), Some("yaml"), Some(2)));
    let wasm = std::fs::read(test_pack("example-rust-pack")).unwrap();
    let sha = {
        use std::fmt::Write;
        let digest = <sha2::Sha256 as sha2::Digest>::digest(&wasm);
        digest.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    };
    let (status, v) = upload(&s, &a, "?pack_id=example-rust&sha256=0000", wasm.clone());
    assert_error(status, &v, 400, "invalid_pack");
    let (status, v) = upload(&s, &a, &format!("?pack_id=example-rust&sha256={sha}"), wasm.clone());
    assert_eq!(status, 201, "{v}");
    assert_eq!((v["kind"].as_str(), v["sha256"].as_str()), (Some("wasm"), Some(sha.as_str())));
    let (status, v) = upload(&s, &a, "", wasm.clone());
    assert_error(status, &v, 409, "pack_exists");
    let (status, v) = upload(&s, &viewer, "", wasm.clone());
    assert_error(status, &v, 403, "forbidden");

    let (status, _, v) = s.call("GET", "/api/packs", Some(&a), None);
    assert_eq!(status, 200, "{v}");
    let packs = v["packs"].as_array().unwrap();
    let custom: Vec<&str> = packs.iter().filter(|p| p["source"] == "custom").map(|p| p["pack_id"].as_str().unwrap()).collect();
    assert_eq!(custom, ["example-rust", "team-yaml"]);
    assert!(packs.iter().any(|p| p["pack_id"] == "secrets" && p["source"] == "builtin"));
    // Imported packs are turned on; built-ins run as detected; the count is of packs that run.
    assert!(packs.iter().filter(|p| p["source"] == "custom").all(|p| p["state"] == "enabled" && p["enabled"] == true), "{v}");
    assert_eq!(v["enabled_count"].as_u64(), Some(packs.iter().filter(|p| p["enabled"] == true).count() as u64));
    assert!(packs.iter().all(|p| p["status"] == "ok" && p["limits"]["timeout_ms"].is_u64()), "{v}");

    // Both run from the next request on.
    let v = scan(&a);
    assert_eq!(rule_ids(&v), ["EX-DEBUG-PRINT", "EX-HARDCODED-IP", "TY-EVAL", "TY-TODO"], "{v}");

    // Export both; re-importing the exported YAML pack gives the same findings.
    let r = s.client.get(format!("{}/api/packs/team-yaml/export", s.base)).header("x-api-key", &a).send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "application/x-yaml");
    assert_eq!(r.headers()["content-disposition"], "attachment; filename=\"team-yaml.yaml\"");
    let exported = r.text().unwrap();
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&a), Some(&json!({"pack_yaml": exported, "overwrite": true}).to_string()));
    assert_eq!(status, 201, "{v}");
    assert_eq!(rule_ids(&scan(&a)), ["EX-DEBUG-PRINT", "EX-HARDCODED-IP", "TY-EVAL", "TY-TODO"]);
    let r = s.client.get(format!("{}/api/packs/example-rust/export", s.base)).header("x-api-key", &a).send().unwrap();
    let wasm_yaml = r.text().unwrap();
    assert!(wasm_yaml.contains("EX-HARDCODED-IP") && wasm_yaml.contains("pack_id: example-rust"), "{wasm_yaml}");

    // Overrides: a severity change and a disabled rule show in the next scan and /rules.
    let (status, _, v) = s.call("POST", "/api/packs/example-rust/overrides", Some(&a), Some(r#"{"EX-HARDCODED-IP": {"severity": "low"}}"#));
    assert_eq!(status, 200, "{v}");
    let (status, _, _) = s.call("POST", "/api/packs/team-yaml/overrides", Some(&a), Some(r#"{"TY-TODO": {"enabled": false}}"#));
    assert_eq!(status, 200);
    let v = scan(&a);
    assert_eq!(rule_ids(&v), ["EX-DEBUG-PRINT", "EX-HARDCODED-IP", "TY-EVAL"]);
    assert_eq!(severity_of(&v, "EX-HARDCODED-IP"), "low");
    let (_, _, rules) = s.call("GET", "/rules?pack=example-rust", Some(&a), None);
    let ip = rules["rules"].as_array().unwrap().iter().find(|r| r["id"] == "EX-HARDCODED-IP").unwrap();
    assert_eq!(ip["severity"], "low");
    let (_, _, v) = s.call("GET", "/api/packs/team-yaml/overrides", Some(&a), None);
    assert_eq!(v["overrides"], json!({"TY-TODO": {"enabled": false}}));
    let (status, _, v) = s.call("POST", "/api/packs/team-yaml/overrides", Some(&a), Some(r#"{"NOPE": {"enabled": false}}"#));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("POST", "/api/packs/team-yaml/overrides", Some(&a), Some(r#"{"TY-EVAL": {"severity": "urgent"}}"#));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("POST", "/api/packs/team-yaml/overrides", Some(&a), Some(r#"{"TY-EVAL": {"level": 3}}"#));
    assert_error(status, &v, 422, "validation_error");

    // Tenant B sees none of A's packs, and cannot touch them.
    let (_, _, v) = s.call("GET", "/api/packs", Some(&b), None);
    assert!(v["packs"].as_array().unwrap().iter().all(|p| p["source"] == "builtin"), "{v}");
    assert!(rule_ids(&scan(&b)).is_empty());
    assert_eq!(s.call("GET", "/rules?pack=team-yaml", Some(&b), None).2["total"], 0);
    for (method, path, body) in [
        ("GET", "/api/packs/team-yaml/export", None),
        ("DELETE", "/api/packs/team-yaml", None),
        ("POST", "/api/packs/team-yaml/overrides", Some("{}")),
        ("POST", "/api/packs/team-yaml/disable", None),
    ] {
        let (status, _, v) = s.call(method, path, Some(&b), body);
        assert_error(status, &v, 404, "pack_not_found");
    }

    // A built-in pack can be disabled for one tenant, not deleted, not shadowed.
    assert_eq!(s.call("POST", "/api/packs/secrets/disable", Some(&a), None).0, 200);
    write_each(root.path(), &["acme", "globex"], "repo/key.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    assert!(!rule_ids(&scan(&a)).contains(&"SEC-STRIPE-SECRET-KEY".to_string()));
    assert!(rule_ids(&scan(&b)).contains(&"SEC-STRIPE-SECRET-KEY".to_string()), "tenant B is unaffected");
    assert_eq!(s.call("POST", "/api/packs/secrets/enable", Some(&a), None).0, 200);
    assert!(rule_ids(&scan(&a)).contains(&"SEC-STRIPE-SECRET-KEY".to_string()));
    let (status, _, v) = s.call("DELETE", "/api/packs/secrets", Some(&a), None);
    assert_error(status, &v, 409, "builtin_pack");
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&a), Some(&json!({"pack_yaml": TEAM_YAML.replace("team-yaml", "secrets")}).to_string()));
    assert_error(status, &v, 409, "builtin_pack");
    let (status, _, v) = s.call("POST", "/api/packs", Some(&a), Some(&json!({"pack_id": "made-here", "name": "Made here", "rules": [{"id": "MH-1", "name": "x", "type": "regex", "pattern": "host", "severity": "low"}]}).to_string()));
    assert_eq!(status, 201, "{v}");
    let (status, _, v) = s.call(
        "POST",
        "/api/packs",
        Some(&a),
        Some(&json!({"pack_id": "bad-pack", "name": "Bad", "rules": [{"id": "B-1", "type": "regex", "pattern": "(unclosed"}]}).to_string()),
    );
    assert_error(status, &v, 400, "invalid_pack");
    assert!(v["errors"].as_array().unwrap().len() >= 2, "every problem is listed: {v}");

    // Delete: 204, then 404.
    let (status, _, _) = s.call("DELETE", "/api/packs/example-rust", Some(&a), None);
    assert_eq!(status, 204);
    let (status, _, v) = s.call("DELETE", "/api/packs/example-rust", Some(&a), None);
    assert_error(status, &v, 404, "pack_not_found");
    assert!(!rule_ids(&scan(&a)).iter().any(|r| r.starts_with("EX-")));

    // The CLI works on the same store, and the running server sees its changes.
    std::fs::write(root.path().join("cli-pack.yaml"), TEAM_YAML.replace("team-yaml", "cli-pack").replace("TY-", "CLI-")).unwrap();
    let o = sentra(&["pack", "import", "cli-pack.yaml", "--tenant", "acme"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(rule_ids(&scan(&a)).contains(&"CLI-EVAL".to_string()));
    let o = sentra(&["pack", "list", "--tenant", "acme", "--format", "json"], root.path(), &[]);
    let listed: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(listed["packs"].as_array().unwrap().iter().any(|p| p["pack_id"] == "cli-pack"));
    let o = sentra(&["pack", "export", "cli-pack", "--tenant", "acme"], root.path(), &[]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("CLI-EVAL"));
    let o = sentra(&["pack", "delete", "cli-pack", "--tenant", "acme"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!rule_ids(&scan(&a)).contains(&"CLI-EVAL".to_string()));
    let o = sentra(&["pack", "delete", "secrets"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("built in"), "{}", stderr(&o));
}

#[test]
fn hostile_components_are_refused_at_import_or_contained_at_scan() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/app.py", "x = 1\n");
    // This tenant's own, tighter time limit; a trapping pack may be skipped by policy.
    write(root.path(), ".sentra/config.yaml", "tenants:\n  default:\n    pack_limits: {timeout_ms: 2000}\npack_on_error: {test-trap: skip}\n");
    let s = Server::start(root.path());
    let open = |query: &str, bytes: Vec<u8>| {
        let r = s.client.post(format!("{}/api/packs/import{query}", s.base)).header("content-type", "application/wasm").body(bytes).send().unwrap();
        let status = r.status().as_u16();
        (status, r.json::<Value>().unwrap_or(Value::Null))
    };
    let random: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let core_module = b"\0asm\x01\0\0\0".to_vec();
    for (what, bytes, needle) in [
        ("random bytes", random, "not a WebAssembly component"),
        ("a core module", core_module, "not a WebAssembly component"),
        ("a forbidden import", std::fs::read(test_pack("test-net")).unwrap(), "does not grant"),
        ("an unsupported API version", std::fs::read(test_pack("test-future-api")).unwrap(), "sentra:pack@"),
    ] {
        let (status, v) = open("", bytes);
        assert_error(status, &v, 400, "invalid_pack");
        assert!(v["errors"][0]["msg"].as_str().unwrap().contains(needle), "{what}: {v}");
        assert_eq!(s.call("GET", "/health", None, None).0, 200);
    }
    // Packs that misbehave only when they run are imported, then contained at scan time:
    // the pack is errored, the gate fails closed, the server stays up.
    for (crate_name, id, needle) in [
        ("test-loop", "test-loop", "time limit of 2000 ms"),
        ("test-memory", "test-memory", "memory"),
        ("test-trap", "test-trap", "trapped"),
        ("test-flood", "test-flood", "most severe were kept"),
    ] {
        let (status, v) = open("", std::fs::read(test_pack(crate_name)).unwrap());
        assert_eq!(status, 201, "{crate_name}: {v}");
        let body = json!({"repo_path": "repo", "config_overrides": {"standards_packs": [id]}}).to_string();
        let (status, _, v) = s.call("POST", "/gate", None, Some(&body));
        assert_eq!(status, 200, "{v}");
        // `pack_on_error: skip` lets the gate decide on the rest; otherwise it fails closed.
        assert_eq!(v["passed"], id == "test-trap", "{crate_name}: {v}");
        let (_, _, listed) = s.call("GET", "/api/packs", None, None);
        let entry = listed["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == id).cloned().unwrap_or_default();
        assert_eq!(entry["limits"]["timeout_ms"], 2000, "the tenant's limits are listed per pack");
        let (_, _, v) = s.call("POST", "/scan", None, Some(&body));
        let msg = v["errored_packs"][0]["message"].as_str().unwrap_or_default();
        assert!(msg.contains(needle), "{crate_name}: {v}");
        assert_eq!(v["errored_packs"][0]["on_error"], if id == "test-trap" { "skip" } else { "fail" });
        assert_eq!(s.call("GET", "/health", None, None).0, 200);
        assert_eq!(s.call("DELETE", &format!("/api/packs/{id}"), None, None).0, 204);
    }
}

/// Every file under `dir` (but SQLite's shared-memory index, which reads update) and its
/// contents, hashed.
fn tree_hash(dir: &Path) -> String {
    let mut entries = Vec::new();
    for e in walk(dir) {
        if e.extension().is_some_and(|x| x == "db-shm") {
            continue;
        }
        entries.push(format!("{}:{}", e.strip_prefix(dir).unwrap().display(), std::fs::read(&e).map(|b| b.len()).unwrap_or(0)));
        entries.push(format!("{:?}", <sha2::Sha256 as sha2::Digest>::digest(std::fs::read(&e).unwrap_or_default())));
    }
    entries.sort();
    entries.join("\n")
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn pack_ids_never_become_paths() {
    let root = tempfile::tempdir().unwrap();
    let s = Server::start(root.path());
    // Make the state directory hold a pack, so there is something to overwrite.
    let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(&json!({"pack_yaml": TEAM_YAML}).to_string()));
    assert_eq!(status, 201, "{v}");
    let state = root.path().join(".sentra");
    let before = tree_hash(&state);
    let wasm = std::fs::read(test_pack("example-rust-pack")).unwrap();
    for bad in ["../evil", "..", "a/b", "/etc/passwd", "..%2F..%2Fetc", "%2e%2e", "Team", "x".repeat(65).as_str(), "a\\b"] {
        let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(&json!({"pack_id": bad, "pack_yaml": TEAM_YAML}).to_string()));
        assert!(matches!(status, 400 | 422), "{bad}: {v}");
        let (status, _, v) = s.call("POST", "/api/packs", None, Some(&json!({"pack_id": bad, "name": "x", "rules": []}).to_string()));
        assert_eq!(status, 422, "{bad}: {v}");
        let r = s
            .client
            .post(format!("{}/api/packs/import", s.base))
            .query(&[("pack_id", bad)])
            .header("content-type", "application/wasm")
            .body(wasm.clone())
            .send()
            .unwrap();
        assert_eq!(r.status().as_u16(), 422, "{bad}");
    }
    for raw in ["..%2F..%2Fetc", "%2e%2e", "..", "%2F", "..%5C..%5Cx", "UPPER"] {
        for (method, suffix, body) in [("DELETE", "", None), ("GET", "/export", None), ("POST", "/overrides", Some("{}")), ("POST", "/disable", None)] {
            let (status, _, v) = s.call(method, &format!("/api/packs/{raw}{suffix}"), None, body);
            assert!(matches!(status, 404 | 405 | 422), "{method} {raw}{suffix}: {status} {v}");
            assert!(v["code"].is_string(), "{method} {raw}{suffix}: {v}");
        }
    }
    assert_eq!(tree_hash(&state), before, "the state directory is unchanged");
}

#[test]
fn audit_log_records_changes_per_tenant_and_reports_tampering() {
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", "x = 1\n");
    let state = root.path().join(".sentra");
    let a = key(&state, "admin", "acme");
    let b = key(&state, "admin", "globex");
    let viewer = key(&state, "viewer", "acme");
    let dev = key(&state, "developer", "acme");
    let s = Server::start_tenants(root.path());
    assert_eq!(s.call("POST", "/api/packs/import", Some(&a), Some(&json!({"pack_yaml": TEAM_YAML}).to_string())).0, 201);
    assert_eq!(s.call("POST", "/api/packs/team-yaml/overrides", Some(&a), Some(r#"{"TY-TODO": {"severity": "low"}}"#)).0, 200);
    assert_eq!(s.call("POST", "/api/packs/secrets/disable", Some(&a), None).0, 200);
    for _ in 0..3 {
        assert_eq!(s.call("POST", "/gate", Some(&a), Some(r#"{"repo_path": "repo"}"#)).0, 200);
    }
    assert_eq!(s.call("DELETE", "/api/packs/team-yaml", Some(&a), None).0, 204);

    let (status, _, v) = s.call("GET", "/api/audit", Some(&viewer), None);
    assert_eq!(status, 200, "{v}");
    let actions: Vec<&str> = v["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["pack.delete", "gate", "gate", "gate", "pack.disable", "pack.overrides", "pack.import", "key.create", "key.create", "key.create"]);
    assert_eq!(v["total"], 10);
    let gate = &v["entries"][1];
    assert_eq!((gate["result"].as_str(), gate["target"].as_str(), gate["role"].as_str()), (Some("passed"), Some("repo"), Some("admin")));
    assert!(gate["hash"].as_str().unwrap().len() == 64 && gate["prev_hash"] == v["entries"][2]["hash"]);
    let (_, _, page) = s.call("GET", "/api/audit?action=gate&limit=2&offset=1", Some(&a), None);
    assert_eq!((page["entries"].as_array().unwrap().len(), page["total"].as_u64()), (2, Some(3)));
    let (_, _, since) = s.call("GET", "/api/audit?since=2000-01-01T00:00:00Z", Some(&a), None);
    assert_eq!(since["total"], 10);
    for bad in ["limit=0", "limit=1001", "limit=ten", "offset=-1", "since=yesterday"] {
        let (status, _, v) = s.call("GET", &format!("/api/audit?{bad}"), Some(&a), None);
        assert_error(status, &v, 422, "validation_error");
    }
    let (status, _, v) = s.call("GET", "/api/audit", Some(&dev), None);
    assert_error(status, &v, 403, "forbidden");
    // Tenant B sees only its own entries.
    let (_, _, other) = s.call("GET", "/api/audit", Some(&b), None);
    let b_actions: Vec<&str> = other["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(b_actions, ["key.create"]);

    // Suppressions are per tenant too.
    let (status, _, sup) = s.call("POST", "/api/suppressions", Some(&b), Some(r#"{"rule_id": "SEC-JWT", "reason": "globex only"}"#));
    assert_eq!(status, 201, "{sup}");
    let sup_id = sup["id"].as_str().unwrap();
    let (_, _, listed) = s.call("GET", "/api/suppressions", Some(&a), None);
    assert_eq!(listed["total"], 0, "{listed}");
    let (status, _, v) = s.call("DELETE", &format!("/api/suppressions/{sup_id}"), Some(&a), None);
    assert_error(status, &v, 404, "suppression_not_found");

    let (_, _, v) = s.call("GET", "/api/audit/verify", Some(&a), None);
    assert_eq!((v["valid"].as_bool(), v["entries"].as_u64()), (Some(true), Some(10)), "{v}");
    // Tamper with one row directly in SQLite: the chain breaks exactly there.
    let target = gate["id"].as_i64().unwrap();
    let conn = rusqlite::Connection::open(state.join("sentra.db")).unwrap();
    assert!(conn.execute("UPDATE audit SET result = 'passed' WHERE action = 'gate'", []).is_err(), "the table refuses edits");
    conn.execute_batch("DROP TRIGGER audit_no_update").unwrap();
    conn.execute("UPDATE audit SET details = '{\"passed\":true}' WHERE id = ?1", [target]).unwrap();
    drop(conn);
    let (_, _, v) = s.call("GET", "/api/audit/verify", Some(&a), None);
    assert_eq!((v["valid"].as_bool(), v["broken_at"].as_i64()), (Some(false), Some(target)), "{v}");
    assert!(v["reason"].as_str().unwrap().contains("changed"), "{v}");
    assert_eq!(s.call("GET", "/api/audit/verify", Some(&b), None).2["valid"], true, "chains are per tenant");
}

#[test]
fn scans_are_recorded_and_queried_per_tenant_across_restarts() {
    let root = tempfile::tempdir().unwrap();
    for repo in ["repo", "tenants/acme/repo"] {
        write(root.path(), &format!("{repo}/app.py"), "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\npassword = 'hunter2hunter2'\n");
    }
    let state = root.path().join(".sentra");
    let a = key(&state, "developer", "acme");
    let b = key(&state, "viewer", "globex");
    let d = key(&state, "viewer", "default");
    let s = Server::start_tenants(root.path());
    assert_eq!(s.call("POST", "/scan", Some(&a), Some(r#"{"repo_path": "repo"}"#)).0, 200);
    for repo in ["repo", "tenants/acme/repo"] {
        write(root.path(), &format!("{repo}/more.py"), "K2 = 'sk_live_4eC39HqLyjWDarjtT1zdp7dd'\n");
    }
    assert_eq!(s.call("POST", "/scan", Some(&a), Some(r#"{"repo_path": "repo"}"#)).0, 200);
    let (_, _, latest) = s.call("POST", "/gate", Some(&a), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(latest["passed"], false);

    let (status, _, v) = s.call("GET", "/api/findings", Some(&a), None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 3);
    let by = &v["by_severity"];
    assert_eq!(["critical", "high", "medium", "low", "info"].iter().map(|k| by[k].as_u64().unwrap()).sum::<u64>(), 3);
    let (_, _, crit) = s.call("GET", "/api/findings?severity=critical&limit=1", Some(&a), None);
    assert_eq!((crit["total"].as_u64(), crit["findings"].as_array().unwrap().len(), crit["by_severity"]["critical"].as_u64()), (Some(2), 1, Some(2)));
    let (_, _, page2) = s.call("GET", "/api/findings?severity=critical&limit=1&offset=1", Some(&a), None);
    assert_ne!(page2["findings"][0]["fingerprint"], crit["findings"][0]["fingerprint"]);
    let (_, _, by_file) = s.call("GET", "/api/findings?file=**/more.py", Some(&a), None);
    assert_eq!(by_file["total"], 1);
    let (_, _, by_rule) = s.call("GET", "/api/findings?rule_id=SEC-PASSWORD-ASSIGNMENT", Some(&a), None);
    assert_eq!((by_rule["total"].as_u64(), by_rule["by_severity"]["high"].as_u64()), (Some(1), Some(1)));
    let first = v["scan_id"].as_i64().unwrap() - 2;
    let (_, _, old) = s.call("GET", &format!("/api/findings?scan_id={first}"), Some(&a), None);
    assert_eq!(old["total"], 2, "an earlier scan by id");
    for bad in ["limit=0", "limit=5000", "severity=urgent", "offset=-2", "scan_id=abc", "file=%5B"] {
        let (status, _, v) = s.call("GET", &format!("/api/findings?{bad}"), Some(&a), None);
        assert_error(status, &v, 422, "validation_error");
    }
    let (status, _, v) = s.call("GET", "/api/findings?scan_id=999999", Some(&a), None);
    assert_error(status, &v, 404, "scan_not_found");

    let (_, _, m) = s.call("GET", "/api/metrics", Some(&a), None);
    assert_eq!((m["scans_recorded"].as_u64(), m["latest"]["total"].as_u64(), m["latest"]["gate_passed"].as_bool()), (Some(3), Some(3), Some(false)));
    assert_eq!(m["top_files"][0], json!({"file": "app.py", "findings": 2}));
    let score = m["compliance_score"].as_f64().unwrap();
    assert!(score > 0.0 && score < 100.0, "{m}");
    let (_, _, t) = s.call("GET", "/api/trends?days=7", Some(&a), None);
    let ids: Vec<i64> = t["runs"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert!(ids.len() == 3 && ids.windows(2).all(|w| w[0] < w[1]), "oldest first: {ids:?}");
    assert_eq!((t["days"][0]["runs"].as_u64(), t["days"][0]["findings"].as_u64()), (Some(3), Some(8)));
    for bad in ["days=0", "limit=0", "days=x"] {
        let (status, _, v) = s.call("GET", &format!("/api/trends?{bad}"), Some(&a), None);
        assert_error(status, &v, 422, "validation_error");
    }

    // Another tenant sees none of it.
    assert_eq!(s.call("GET", "/api/findings", Some(&b), None).2["total"], 0);
    assert!(s.call("GET", "/api/metrics", Some(&b), None).2["latest"].is_null());
    assert_eq!(s.call("GET", "/api/trends", Some(&b), None).2["runs"], json!([]));

    let (_, _, lic) = s.call("GET", "/api/license", Some(&b), None);
    assert_eq!(lic["license"], "Apache-2.0");
    let secrets = lic["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == "secrets").unwrap();
    assert_eq!(secrets["sha256"].as_str().unwrap().len(), 64);

    // History survives a restart, and CLI scans on the same state directory join it.
    drop(s);
    let o = sentra(&["--state-dir", state.to_str().unwrap(), "gate", "repo"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let s = Server::start_tenants(root.path());
    assert_eq!(s.call("GET", "/api/findings", Some(&a), None).2["total"], 3);
    let (_, _, m) = s.call("GET", "/api/metrics", Some(&d), None);
    assert_eq!((m["scans_recorded"].as_u64(), m["latest"]["root"].as_str()), (Some(1), Some("repo")), "{m}");
    let (_, _, audit) = s.call("GET", "/api/audit?action=gate", Some(&d), None);
    assert_eq!(audit["entries"][0]["actor"].as_str().map(|a| a.starts_with("cli:")), Some(true), "{audit}");
}

/// Suppressions (inline, config, API; active and expired; malformed comments) give the
/// same result through `sentra gate` and `POST /gate` / `/scan` on one tree.
#[test]
fn suppressions_behave_the_same_in_cli_and_api_scans() {
    let root = tempfile::tempdir().unwrap();
    let stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    write(
        root.path(),
        "repo/inline.py",
        &format!(
            "A = '{stripe}'  # sentra-ignore: SEC-STRIPE-SECRET-KEY -- test fixture key\n# sentra-ignore: SEC-STRIPE-SECRET-KEY -- next line too\nB = '{stripe}'\nC = '{stripe}'\n"
        ),
    );
    write(root.path(), "repo/bad.py", &format!("D = '{stripe}'  # sentra-ignore: SEC-STRIPE-SECRET-KEY\nE = 1  # sentra-ignore: NO-SUCH-RULE -- typo\n"));
    write(root.path(), "repo/third_party/lib.py", &format!("F = '{stripe}'\n"));
    write(root.path(), "repo/old/legacy.py", &format!("G = '{stripe}'\n"));
    write(root.path(), "repo/api/x.py", &format!("H = '{stripe}'\n"));
    write(
        root.path(),
        ".sentra/config.yaml",
        "suppressions:\n  - {rule_id: 'SEC-*', file_pattern: 'third_party/**', reason: third-party code, expires: '2999-01-01'}\n  - {rule_id: SEC-STRIPE-SECRET-KEY, file_pattern: 'old/**', reason: migration, expires: '2020-01-01'}\n",
    );
    let s = Server::start(root.path());
    let (status, _, v) =
        s.call("POST", "/api/suppressions", None, Some(r#"{"rule_id": "SEC-STRIPE-SECRET-KEY", "file_pattern": "api/*.py", "reason": "rotated"}"#));
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_str().unwrap().to_string();
    let (status, _, v) =
        s.call("POST", "/api/suppressions", None, Some(r#"{"rule_id": "SEC-STRIPE-SECRET-KEY", "file_pattern": "api/*.py", "reason": "again"}"#));
    assert_error(status, &v, 409, "duplicate_suppression");
    for bad in [
        r#"{"rule_id": "X", "reason": ""}"#,
        r#"{"rule_id": "X", "reason": "r", "expires": "2026-02-30"}"#,
        r#"{"rule_id": "X", "reason": "r", "owner": "me"}"#,
        r#"{"reason": "r"}"#,
    ] {
        let (status, _, v) = s.call("POST", "/api/suppressions", None, Some(bad));
        assert_error(status, &v, 422, "validation_error");
    }
    let (_, _, listed) = s.call("GET", "/api/suppressions", None, None);
    assert_eq!(listed["total"], 3);
    assert_eq!(listed["suppressions"][1]["expired"], true, "{listed}");

    let summary = |v: &Value| {
        let mut kept: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{}:{}:{}", f["evidence"]["file"].as_str().unwrap(), f["evidence"]["lines"][0], f["rule_id"].as_str().unwrap()))
            .collect();
        let mut hidden: Vec<String> = v["suppressed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                format!("{}:{}:{}", s["finding"]["evidence"]["file"].as_str().unwrap(), s["finding"]["evidence"]["lines"][0], s["source"].as_str().unwrap())
            })
            .collect();
        kept.sort();
        hidden.sort();
        (kept, hidden)
    };
    let (_, _, api) = s.call("POST", "/scan", None, Some(r#"{"repo_path": "repo"}"#));
    let (kept, hidden) = summary(&api);
    assert_eq!(
        kept,
        [
            "bad.py:1:SEC-STRIPE-SECRET-KEY",
            "bad.py:1:SENTRA-SUPPRESSION",
            "bad.py:2:SENTRA-SUPPRESSION",
            "inline.py:4:SEC-STRIPE-SECRET-KEY",
            "old/legacy.py:1:SEC-STRIPE-SECRET-KEY",
        ],
        "{api}"
    );
    assert_eq!(hidden, ["api/x.py:1:api", "inline.py:1:inline", "inline.py:3:inline", "third_party/lib.py:1:config"]);
    assert_eq!(api["total"], 5, "suppressed findings are not counted");
    assert_eq!(api["expired_suppressions"][0]["file_pattern"], "old/**");

    // The CLI on the same tree and state directory gives the same split.
    let o = sentra(&["gate", "repo", "--config", ".sentra/config.yaml", "--format", "json"], root.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let cli: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary(&cli["scan"]), (kept.clone(), hidden.clone()));
    let (_, _, gate) = s.call("POST", "/gate", None, Some(r#"{"repo_path": "repo"}"#));
    assert_eq!((gate["passed"].as_bool(), gate["critical"].as_u64()), (Some(false), Some(3)));
    assert_eq!(cli["gate"]["critical"], 3);
    // The expiry is in the audit log; deleting the API suppression brings its finding back.
    let (_, _, audit) = s.call("GET", "/api/audit?action=suppression.expired", None, None);
    assert!(audit["total"].as_u64().unwrap() >= 1, "{audit}");
    assert_eq!(s.call("DELETE", &format!("/api/suppressions/{id}"), None, None).0, 204);
    assert_eq!(s.call("DELETE", &format!("/api/suppressions/{id}"), None, None).0, 404);
    let (_, _, after) = s.call("POST", "/scan", None, Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(after["total"], 6);
    // SARIF carries suppressed results, marked.
    let (_, _, sarif) = s.call("POST", "/report?format=sarif", None, Some(r#"{"repo_path": "repo"}"#));
    let doc: Value = serde_json::from_str(sarif["content"].as_str().unwrap()).unwrap();
    let marked: Vec<&Value> = doc["runs"][0]["results"].as_array().unwrap().iter().filter(|r| r["suppressions"].is_array()).collect();
    assert_eq!(marked.len(), 3);
    assert!(marked.iter().any(|r| r["suppressions"][0]["kind"] == "inSource" && r["suppressions"][0]["justification"] == "test fixture key"));
}

/// Pack API versions side by side over HTTP: a component committed from the last release
/// built against `sentra:pack@0.1.0` imports and scans next to 0.2.0 packs, and
/// `GET /api/packs` says which version each targets.
#[test]
fn packs_of_either_api_version_import_and_are_listed_with_it() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/notes.txt", "TODO(ann) rotate\n");
    let s = Server::start(root.path());
    let old = std::fs::read(super::repo_root().join("host/runtime/tests/fixtures/api-0.1.0/test_basic.wasm")).unwrap();
    let r = s.client.post(format!("{}/api/packs/import", s.base)).header("content-type", "application/wasm").body(old).send().unwrap();
    let (status, v) = (r.status().as_u16(), r.json::<Value>().unwrap_or(Value::Null));
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["api_version"], "0.1.0", "{v}");
    let (status, _, v) = s.call("GET", "/api/packs", None, None);
    assert_eq!(status, 200, "{v}");
    let version = |id: &str| v["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == id).map(|p| p["api_version"].clone()).unwrap();
    assert_eq!(version("test-basic"), "0.1.0");
    assert_eq!(version("secrets"), "0.2.0");
    assert_eq!(version("python-security"), "0.2.0", "YAML packs run on the declarative engine's version");
    let body = json!({"repo_path": "repo", "config_overrides": {"standards_packs": ["test-basic", "secrets"]}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", None, Some(&body));
    assert_eq!(status, 200, "{v}");
    assert_eq!(rule_ids(&v), ["BASIC-README", "BASIC-TODO"], "file and project findings through 0.1.0: {v}");
}
