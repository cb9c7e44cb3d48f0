//! Two tenants on one server cannot reach each other. For every tenant setting, tenant B's
//! change leaves tenant A's scan results, gate, settings, rules, tracker and audit chain
//! identical (canonical JSON: ids, timestamps, hashes and durations removed); every route
//! that reads files refuses A's workspace to B; a tenant without a workspace reads no
//! files; a request never sends tracker credentials to a URL it names.

use std::io::Read;
use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use super::server::{Server, assert_error, sentra_cmd};
use super::write_each;

const APP: &str = "import pickle\nobj = pickle.loads(blob)\nK = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\npassword = 'hunter2hunter2'\n# TODO: tidy\n";

fn key(state: &Path, role: &str, tenant: &str) -> String {
    let out = sentra_cmd().arg("--state-dir").arg(state).args(["keys", "create", "--role", role, "--tenant", tenant]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// `v` without what differs between two identical runs: ids, times, hashes, durations.
fn canonical(v: &Value) -> Value {
    let volatile = |k: &str| {
        matches!(k, "id" | "scan_id" | "timestamp" | "hash" | "prev_hash" | "timings" | "approval_id" | "head")
            || k.ends_with("_at")
            || k.ends_with("_ms")
            || k.contains("duration")
    };
    match v {
        Value::Object(m) => Value::Object(m.iter().filter(|(k, _)| !volatile(k)).map(|(k, v)| (k.clone(), canonical(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(canonical).collect()),
        other => other.clone(),
    }
}

/// What tenant A sees of itself, canonical. Reading it records a gate in A's audit chain,
/// so the chain is compared separately ([`audit_of`]).
fn view_of(s: &Server, k: &str) -> Value {
    let get = |path: &str| {
        let (status, _, v) = s.call("GET", path, Some(k), None);
        assert_eq!(status, 200, "{path}: {v}");
        v
    };
    let post = |path: &str, body: &str| {
        let (status, _, v) = s.call("POST", path, Some(k), Some(body));
        assert_eq!(status, 200, "{path}: {v}");
        v
    };
    canonical(&json!({
        "scan": post("/scan", r#"{"repo_path": "repo"}"#),
        "gate": post("/gate", r#"{"repo_path": "repo"}"#),
        "config": get("/api/config"),
        "governance": get("/api/governance"),
        "rules": get("/rules"),
        "packs": get("/api/packs"),
        "suppressions": get("/api/suppressions"),
        "devops": get("/api/devops/status"),
        "coverage": get("/api/check-coverage"),
    }))
}

fn audit_of(s: &Server, k: &str) -> Value {
    let (status, _, v) = s.call("GET", "/api/audit?limit=1000", Some(k), None);
    assert_eq!(status, 200, "{v}");
    canonical(&v)
}

#[test]
fn a_tenants_changes_leave_every_other_tenant_exactly_as_it_was() {
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", APP);
    // The operator offers a Jira tracker; each tenant may pick it, and its project.
    super::write(root.path(), ".sentra/config.yaml", "devops:\n  jira: {base_url: 'https://jira.example.invalid'}\n");
    let state = root.path().join(".sentra");
    let (a, b) = (key(&state, "admin", "acme"), key(&state, "admin", "globex"));
    let s = Server::start_tenants(root.path());
    let baseline = view_of(&s, &a);
    assert!(baseline["scan"]["total"].as_u64().unwrap() >= 3, "{}", baseline["scan"]);
    assert_eq!(baseline["gate"]["passed"], false);

    // Every tenant setting, changed by B in the most damaging way it has for A.
    let changes: Vec<(&str, &str, Value)> = vec![
        ("POST", "/api/config", json!({"updates": {"suppressions": [{"rule_id": "*", "file_pattern": "**", "reason": "hide everything"}]}})),
        ("POST", "/api/config", json!({"updates": {"standards_packs": ["soc2"]}})),
        ("POST", "/api/config", json!({"updates": {"gate_fail_on": ["info"]}})),
        ("POST", "/api/config", json!({"updates": {"pack_overrides": {"secrets": {"SEC-STRIPE-SECRET-KEY": {"enabled": false}}}}})),
        ("POST", "/api/config", json!({"updates": {"scan_exclude": ["**"]}})),
        ("POST", "/api/config", json!({"updates": {"governance": {"profile": "permissive"}}})),
        ("POST", "/api/config", json!({"updates": {"devops": {"provider": "jira", "jira": {"project_key": "GLX"}}}})),
        ("POST", "/api/governance", json!({"profile": "strict", "human_review_required": {"on_config_change": false}})),
        ("POST", "/api/suppressions", json!({"rule_id": "SEC-*", "reason": "B's own"})),
        ("POST", "/api/packs/secrets/disable", Value::Null),
        ("POST", "/api/packs/owasp-top-10/overrides", json!({"OWASP-A01-PY-PATH-TRAVERSAL": {"severity": "info"}})),
        (
            "POST",
            "/api/packs/import",
            json!({"pack_yaml": "pack_id: secrets-b\nname: B\nrules:\n  - {id: B-1, name: b, type: regex, pattern: TODO, severity: critical}\n"}),
        ),
    ];
    for (method, path, body) in &changes {
        let before = audit_of(&s, &a);
        let body = (!body.is_null()).then(|| body.to_string());
        let (status, _, v) = s.call(method, path, Some(&b), body.as_deref());
        assert!((200..300).contains(&status), "B's own change {method} {path}: {status} {v}");
        assert_eq!(audit_of(&s, &a), before, "{path}: A's audit chain changed");
        assert_eq!(view_of(&s, &a), baseline, "{method} {path} {body:?}: A's view changed");
    }
    // Settings only the operator decides are not B's (403, nothing changes for anyone).
    for updates in [
        json!({"pack_files": ["tenants/globex/repo/app.py"]}),
        json!({"tenants": {"acme": {"pack_limits": {"timeout_ms": 10}}}}),
        json!({"max_file_bytes": 1}),
        json!({"devops": {"jira": {"base_url": "https://attacker.example"}}}),
        json!({"pack_on_error": {"secrets": "skip"}}),
        json!({"pack_trust": {"policy": "any"}}),
    ] {
        let before = audit_of(&s, &a);
        let (status, _, v) = s.call("POST", "/api/config", Some(&b), Some(&json!({"updates": updates}).to_string()));
        assert_error(status, &v, 403, "operator_setting");
        let (status, _, v) = s.call("POST", "/api/operator/config", Some(&b), Some(&json!({"updates": updates}).to_string()));
        assert_error(status, &v, 403, "forbidden");
        assert_eq!(audit_of(&s, &a), before);
    }
    assert_eq!(view_of(&s, &a), baseline, "A after every attempt");
    // B's own view did change: the changes were real.
    let mine = view_of(&s, &b);
    assert_eq!(mine["config"]["config"]["gate_fail_on"], json!(["info"]));
    assert_eq!(mine["devops"]["provider"], "jira");
}

#[test]
fn the_operators_changes_reach_every_tenant_and_their_audit_chains() {
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", APP);
    let state = root.path().join(".sentra");
    let (a, b) = (key(&state, "admin", "acme"), key(&state, "admin", "globex"));
    let operator = key(&state, "operator", "default");
    let tenants = root.path().join("tenants");
    let s = Server::start_with(root.path(), &["--host", "0.0.0.0", "--tenants-root", tenants.to_str().unwrap()], &[], 0);
    // A tenant key cannot act as the operator, and the operator key is no tenant admin.
    assert_error(s.call("GET", "/api/operator/config", Some(&a), None).0, &s.call("GET", "/api/operator/config", Some(&a), None).2, 403, "forbidden");
    let (status, _, v) = s.call("POST", "/scan", Some(&operator), Some("{}"));
    assert_error(status, &v, 403, "forbidden");
    // B sets its own gate; the operator changes the default for everyone.
    assert_eq!(s.call("POST", "/api/config", Some(&b), Some(r#"{"updates": {"gate_fail_on": ["critical"]}}"#)).0, 200);
    let (status, _, v) = s.call("POST", "/api/operator/config", Some(&operator), Some(r#"{"updates": {"gate_fail_on": ["low"], "max_file_bytes": 2048}}"#));
    assert_eq!(status, 200, "{v}");
    let effective = |k: &str| s.call("GET", "/api/config", Some(k), None).2["config"].clone();
    assert_eq!((effective(&a)["gate_fail_on"].clone(), effective(&a)["max_file_bytes"].clone()), (json!(["low"]), json!(2048)), "a default for A");
    assert_eq!(effective(&b)["gate_fail_on"], json!(["critical"]), "B's own setting wins over the operator's default");
    assert_eq!(effective(&b)["max_file_bytes"], json!(2048), "an operator setting applies to all");
    for k in [&a, &b] {
        let (_, _, audit) = s.call("GET", "/api/audit?action=operator.config.update", Some(k), None);
        assert_eq!(audit["total"], 1, "recorded in each tenant's chain: {audit}");
        assert_eq!(s.call("GET", "/api/audit/verify", Some(k), None).2["valid"], true);
    }
    // A request may lower the operator's file size bound, not raise it.
    let over = json!({"files": {"a.py": "x = 1\n"}, "config_overrides": {"max_file_bytes": 4096}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", Some(&a), Some(&over));
    assert_error(status, &v, 422, "validation_error");
}

#[test]
fn every_route_that_reads_files_keeps_to_the_callers_workspace() {
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", APP);
    write_each(root.path(), &["acme"], "repo/only_acme.py", "# REQ-ACME-1 private\nK = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let acme_repo = root.path().join("tenants/acme/repo");
    std::os::unix::fs::symlink(&acme_repo, root.path().join("tenants/globex/link")).unwrap();
    let state = root.path().join(".sentra");
    let b = key(&state, "admin", "globex");
    let homeless = key(&state, "admin", "charlie");
    let s = Server::start_tenants(root.path());
    let absolute = acme_repo.display().to_string();
    for repo in ["../acme/repo", absolute.as_str(), "link", "../../.sentra"] {
        let body = json!({"repo_path": repo}).to_string();
        for path in ["/scan", "/gate", "/report", "/api/run-scan-stream"] {
            let (status, _, v) = s.call("POST", path, Some(&b), Some(&body));
            assert!(status == 400 && v["code"].as_str().is_some_and(|c| c.starts_with("path_")), "{path} {repo}: {status} {v}");
        }
        let q = format!("/api/compliance/owasp-top-10?repo_path={}", repo.replace('/', "%2F"));
        let (status, _, v) = s.call("GET", &q, Some(&b), None);
        assert_eq!(status, 400, "{q}: {v}");
    }
    // Coverage and requirement drafts read only the caller's tree.
    let (_, _, cov) = s.call("GET", "/api/check-coverage", Some(&b), None);
    assert!(!cov.to_string().contains("only_acme"), "{cov}");
    let (_, _, reqs) = s.call("POST", "/api/generate-reqs?dry_run=true", Some(&b), None);
    assert!(!reqs.to_string().contains("only_acme") && !reqs.to_string().contains("private"), "{reqs}");
    let (_, _, mine) = s.call("POST", "/scan", Some(&b), Some(r#"{"repo_path": "repo"}"#));
    assert!(!mine.to_string().contains("only_acme"), "{mine}");

    // A tenant the operator gave no workspace reads no files, and never the server root.
    let inline = r#"{"files": {"a.py": "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n"}}"#;
    assert_eq!(s.call("POST", "/scan", Some(&homeless), Some(inline)).0, 200, "inline files need no workspace");
    for (method, path, body) in [
        ("POST", "/scan", Some("{}")),
        ("POST", "/gate", Some(r#"{"repo_path": "."}"#)),
        ("POST", "/report", Some("{}")),
        ("POST", "/api/run-scan-stream", Some("{}")),
        ("GET", "/api/compliance/owasp-top-10", None),
        ("GET", "/api/check-coverage", None),
        ("POST", "/api/generate-reqs", None),
    ] {
        let (status, _, v) = s.call(method, path, Some(&homeless), body);
        assert_error(status, &v, 403, "no_workspace");
    }
    assert!(!root.path().join("tenants/charlie").exists() && !root.path().join("requirements.yaml").exists(), "nothing written for charlie");
}

#[test]
fn a_request_never_sends_tracker_credentials_where_it_says() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let trap = format!("http://{}", listener.local_addr().unwrap());
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["globex"], "repo/app.py", APP);
    let state = root.path().join(".sentra");
    let b = key(&state, "security-lead", "globex");
    let admin = key(&state, "admin", "globex");
    let env = [("JIRA_USER", "bot"), ("JIRA_TOKEN", "jira-token-value"), ("GITHUB_TOKEN", "ghp_value"), ("GUARD_TRACKER_ALLOW_HTTP_LOOPBACK", "1")];
    let tenants = root.path().join("tenants");
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--tenants-root", tenants.to_str().unwrap()], &env, 0);
    for provider in ["jira", "github", "azure"] {
        let body =
            json!({"provider": provider, "settings": {"base_url": trap, "project_key": "X", "owner": "o", "repo": "r", "organization": "o", "project": "p"}});
        let (status, _, v) = s.call("POST", "/api/devops/test-connection", Some(&b), Some(&body.to_string()));
        assert_error(status, &v, 422, "validation_error");
    }
    let (status, _, v) = s.call("POST", "/api/config", Some(&admin), Some(&json!({"updates": {"devops": {"jira": {"base_url": trap}}}}).to_string()));
    assert_error(status, &v, 403, "operator_setting");
    // And a tracker the operator did not configure cannot be chosen.
    let (status, _, v) =
        s.call("POST", "/api/config", Some(&admin), Some(r#"{"updates": {"devops": {"provider": "github", "github": {"owner": "o", "repo": "r"}}}}"#));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("POST", "/api/reconcile", Some(&b), None);
    assert!(status == 200, "{v}");
    std::thread::sleep(Duration::from_millis(200));
    match listener.accept() {
        Ok((mut conn, _)) => {
            let mut buf = String::new();
            let _ = conn.read_to_string(&mut buf);
            panic!("the listener named in a request was called: {buf}");
        }
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock),
    }
}
