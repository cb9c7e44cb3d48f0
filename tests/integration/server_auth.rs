//! `sentra serve` authentication end to end: keys made by `sentra keys` while the server
//! runs, every role against every endpoint, `GUARD_API_KEY`, the bootstrap key of a
//! server bound beyond loopback, rate limits, and the offline documentation pages.

use std::path::Path;

use serde_json::{Value, json};

use super::server::{STRIPE, Server, assert_error, sentra_cmd};
use super::write;

fn keys(state: &Path, args: &[&str]) -> (i32, String, String) {
    let out = sentra_cmd().arg("--state-dir").arg(state).arg("keys").args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).trim().to_string(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn create_key(state: &Path, role: &str, tenant: &str) -> String {
    let (code, key, err) = keys(state, &["create", "--role", role, "--tenant", tenant, "--name", &format!("{role}-{tenant}")]);
    assert_eq!(code, 0, "{err}");
    assert!(key.starts_with("snt_") && !key.contains('\n'), "{key:?}");
    key
}

/// The endpoints of the API core, with a cheap request each.
const ENDPOINTS: [(&str, &str, &str, Option<&str>); 5] = [
    ("scan", "POST", "/scan", Some(r#"{"files": {"a.py": "x = 1\n"}}"#)),
    ("gate", "POST", "/gate", Some(r#"{"files": {"a.py": "x = 1\n"}}"#)),
    ("report", "POST", "/report?format=csv", Some(r#"{"files": {"a.py": "x = 1\n"}}"#)),
    ("rules", "GET", "/rules?pack=secrets", None),
    ("stream", "POST", "/api/run-scan-stream", Some(r#"{"files": {"a.py": "x = 1\n"}}"#)),
];

/// Which endpoints each role may call, written out from the issue's table (scan, gate,
/// report = scan, rules = packs read, stream = scan), not from the code's table.
fn may(role: &str, endpoint: &str) -> bool {
    match role {
        "admin" => true,
        "security-lead" | "developer" => true,
        "viewer" => endpoint == "rules",
        "agent" => endpoint != "rules",
        _ => unreachable!(),
    }
}

#[test]
fn keys_roles_and_permissions_are_enforced_on_every_endpoint() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", STRIPE);
    let state = root.path().join("state");
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--state-dir", state.to_str().unwrap()], &[], 0);

    // No key configured and bound to loopback: open.
    let (status, _, v) = s.call("POST", "/scan", None, Some("{}"));
    assert_eq!(status, 200, "{v}");

    // Keys created while the server runs apply at once; from then on a key is required.
    let roles = ["admin", "security-lead", "developer", "viewer", "agent"];
    let role_keys: Vec<(&str, String)> = roles.iter().map(|r| (*r, create_key(&state, r, "default"))).collect();
    let (status, headers, v) = s.call("POST", "/scan", None, Some("{}"));
    assert_error(status, &v, 401, "unauthorized");
    assert!(headers.contains_key("www-authenticate"));
    // The state directory sits inside the root here: it is never scanned (a scan that
    // opened the database file would drop SQLite's locks) nor a valid repo_path.
    let (status, _, v) = s.call("POST", "/scan", Some(&role_keys[0].1), Some(r#"{"repo_path": "state"}"#));
    assert_error(status, &v, 400, "path_outside_root");
    let (status, _, v) = s.call("GET", "/rules", Some("snt_00000000_not-a-key"), None);
    assert_error(status, &v, 401, "unauthorized");
    // Public pages stay public.
    for path in ["/health", "/openapi.json", "/api", "/redoc", "/docs/"] {
        assert_eq!(s.client.get(format!("{}{path}", s.base)).send().unwrap().status().as_u16(), 200, "{path}");
    }

    // Every endpoint without a key and with a wrong one, then every role against it.
    for (_, method, path, body) in ENDPOINTS {
        for key in [None, Some("snt_00000000_wrong")] {
            let (status, _, v) = s.call(method, path, key, body);
            assert_error(status, &v, 401, "unauthorized");
        }
    }
    for (role, key) in &role_keys {
        for (name, method, path, body) in ENDPOINTS {
            let (status, _, v) = s.call(method, path, Some(key), body);
            if may(role, name) {
                assert_eq!(status, 200, "{role} {method} {path}: {v}");
            } else {
                assert_error(status, &v, 403, "forbidden");
                let detail = v["detail"].as_str().unwrap();
                assert!(
                    detail.contains(role)
                        && detail.contains(match name {
                            "rules" => "`packs:read`",
                            "gate" => "`gate`",
                            _ => "`scan`",
                        }),
                    "{detail}"
                );
            }
        }
    }

    // The bearer form works; listing never shows secrets; revoking takes effect at once.
    let dev = &role_keys[2].1;
    let r = s.client.get(format!("{}/rules", s.base)).bearer_auth(dev).send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let (code, list, _) = keys(&state, &["list", "--format", "json"]);
    assert_eq!(code, 0);
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 5);
    assert!(!list.to_string().contains(dev.as_str()), "secrets are never listed");
    let db = std::fs::read(state.join("sentra.db")).unwrap();
    assert!(!db.windows(dev.len()).any(|w| w == dev.as_bytes()), "keys are stored hashed");
    assert_eq!(keys(&state, &["revoke", "developer-default"]).0, 0);
    let (status, _, v) = s.call("GET", "/rules", Some(dev), None);
    assert_error(status, &v, 401, "unauthorized");
    let (code, _, err) = keys(&state, &["revoke", "developer-default"]);
    assert_eq!(code, 2, "a revoked key's name no longer names an active key");
    assert!(err.contains("developer-default"), "{err}");
    let (code, _, err) = keys(&state, &["create", "--role", "root"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown role `root`"), "{err}");
    let (code, _, err) = keys(&state, &["create", "--role", "viewer", "--tenant", "../x"]);
    assert_eq!(code, 2);
    assert!(err.contains("tenant"), "{err}");
}

#[test]
fn env_key_rate_limit_and_bootstrap_key() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", STRIPE);

    // GUARD_API_KEY is an admin key; the rate limit trips per key with Retry-After, and
    // never on /health.
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--rate-limit", "3"], &[("GUARD_API_KEY", "s3cret-env-key")], 0);
    let (status, _, v) = s.call("POST", "/scan", None, Some("{}"));
    assert_error(status, &v, 401, "unauthorized");
    for _ in 0..3 {
        assert_eq!(s.call("GET", "/rules", Some("s3cret-env-key"), None).0, 200);
    }
    let (status, headers, v) = s.call("GET", "/rules", Some("s3cret-env-key"), None);
    assert_error(status, &v, 429, "rate_limited");
    let retry: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    for _ in 0..5 {
        assert_eq!(s.call("GET", "/health", None, None).0, 200);
    }
    drop(s);

    // Bound beyond loopback with no key: an admin key is made, printed once and enforced.
    let s = Server::start_with(root.path(), &["--host", "0.0.0.0"], &[], 2);
    let key = s.banner.iter().find_map(|l| l.split_whitespace().find(|w| w.starts_with("snt_"))).unwrap_or_else(|| panic!("{:?}", s.banner));
    let key = key.to_string();
    let (status, _, v) = s.call("POST", "/gate", None, Some("{}"));
    assert_error(status, &v, 401, "unauthorized");
    let (status, _, v) = s.call("POST", "/gate", Some(&key), Some("{}"));
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["passed"], false);
    drop(s);
    // The key persists (hashed); a restart makes no second one.
    let s = Server::start_with(root.path(), &["--host", "0.0.0.0"], &[], 0);
    assert_eq!(s.call("GET", "/rules", Some(&key), None).0, 200);
    let (_, list, _) = keys(&root.path().join(".sentra"), &["list", "--format", "json"]);
    assert_eq!(serde_json::from_str::<Value>(&list).unwrap().as_array().unwrap().len(), 1);
}

/// Every `src` and `href` in an HTML page.
fn asset_refs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["src=\"", "href=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn docs_pages_render_from_the_server_alone() {
    let root = tempfile::tempdir().unwrap();
    let s = Server::start(root.path());
    let get = |path: &str| {
        let r = s.client.get(format!("{}{path}", s.base)).send().unwrap();
        (r.status().as_u16(), r.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()), r.text().unwrap())
    };

    // Swagger UI and ReDoc: every asset they reference is served here, none from elsewhere.
    for (page, base) in [("/docs/", "/docs/"), ("/redoc", "/")] {
        let (status, ctype, html) = get(page);
        assert_eq!(status, 200, "{page}");
        assert!(ctype.unwrap().starts_with("text/html"));
        let refs = asset_refs(&html);
        assert!(!refs.is_empty(), "{page}: {html}");
        for r in refs {
            assert!(!r.starts_with("http:") && !r.starts_with("https:") && !r.starts_with("//"), "{page} loads {r} from the network");
            let path = if r.starts_with('/') { r.clone() } else { format!("{base}{}", r.trim_start_matches("./")) };
            let (status, _, body) = get(&path);
            assert_eq!(status, 200, "{page}: {path}");
            assert!(!body.is_empty(), "{page}: {path}");
        }
    }
    let (_, _, init) = get("/docs/swagger-initializer.js");
    assert!(init.contains("/openapi.json") && init.contains("\"validatorUrl\": \"none\""), "{init}");
    let (_, _, redoc) = get("/redoc/redoc.standalone.js");
    assert!(redoc.len() > 500_000 && !redoc.contains("cdn.redoc.ly"), "the ReDoc script is embedded and loads nothing from a CDN");
    let (_, _, redoc_page) = get("/redoc");
    assert!(redoc_page.contains("spec-url=\"/openapi.json\""));

    // The landing page lists every operation of the OpenAPI document and the roles.
    let (status, _, landing) = get("/api");
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_str(&get("/openapi.json").2).unwrap();
    for path in doc["paths"].as_object().unwrap().keys() {
        assert!(landing.contains(&format!("<code>{path}</code>")), "/api does not list {path}");
    }
    for role in ["admin", "security-lead", "developer", "viewer", "agent"] {
        assert!(landing.contains(&format!("<code>{role}</code>")), "{role}");
    }
    assert!(landing.contains("X-API-Key") && landing.contains("/docs/") && landing.contains("/redoc"));

    // The document declares the key schemes and the auth answers of protected operations.
    assert_eq!(doc["components"]["securitySchemes"]["api_key"], json!({"type": "apiKey", "in": "header", "name": "X-API-Key"}));
    for (path, method) in [("/scan", "post"), ("/rules", "get"), ("/api/run-scan-stream", "post")] {
        let op = &doc["paths"][path][method];
        assert!(op["security"].is_array(), "{path}");
        for code in ["401", "403", "429"] {
            assert!(op["responses"][code].is_object(), "{path} {code}");
        }
    }
    assert!(doc["paths"]["/health"]["get"]["security"].is_null());
}

#[test]
fn rule_overrides_and_reload() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", STRIPE);
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--reload"], &[], 0);

    // Request overrides: a severity change and a disabled rule, checked against the packs.
    let body = json!({"config_overrides": {"pack_overrides": {"secrets": {"SEC-STRIPE-SECRET-KEY": {"severity": "low"}}}}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", None, Some(&body));
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["findings"][0]["severity"], "low");
    assert_eq!(v["by_severity"]["low"], 1);
    let (_, _, g) = s.call("POST", "/gate", None, Some(&body));
    assert_eq!(g["passed"], true, "{g}");
    let body = json!({"config_overrides": {"pack_overrides": {"secrets": {"SEC-STRIPE-SECRET-KEY": {"enabled": false}}}}}).to_string();
    let (_, _, v) = s.call("POST", "/scan", None, Some(&body));
    assert_eq!(v["total"], 0, "{v}");
    assert_eq!(v["disabled_rules"], json!(["secrets/SEC-STRIPE-SECRET-KEY"]));
    for (bad, loc) in [
        (json!({"secrets": {"NOPE-1": {"severity": "low"}}}), json!(["body", "config_overrides", "pack_overrides", "secrets", "NOPE-1"])),
        (json!({"ghost": {"X": {"enabled": false}}}), json!(["body", "config_overrides", "pack_overrides", "ghost"])),
        (
            json!({"secrets": {"SEC-STRIPE-SECRET-KEY": {"severity": "urgent"}}}),
            json!(["body", "config_overrides", "pack_overrides.secrets.SEC-STRIPE-SECRET-KEY.severity"]),
        ),
    ] {
        let (status, _, v) = s.call("POST", "/scan", None, Some(&json!({"config_overrides": {"pack_overrides": bad}}).to_string()));
        assert_error(status, &v, 422, "validation_error");
        assert_eq!(v["errors"][0]["loc"], loc, "{v}");
    }
    let (status, _, v) = s.call("POST", "/scan", None, Some(r#"{"config_overrides": {"pack_overrides": {"secrets": {"X": {"level": 1}}}}}"#));
    assert_error(status, &v, 422, "validation_error");

    // --reload: a config file written while the server runs is picked up, with its pack
    // files and overrides (the effective severity shows in /rules).
    write(
        root.path(),
        "team/pack.yaml",
        "pack_id: team\nname: Team rules\nversion: 1.0.0\nrules:\n  - id: TEAM-001\n    name: No TODO\n    description: TODO left in code\n    type: regex\n    pattern: 'TODO'\n    file_glob: '**/*.py'\n    severity: medium\n    standard: Internal\n    clause: '1'\n",
    );
    write(root.path(), "todo.py", "# TODO: fix\n");
    write(root.path(), ".sentra/config.yaml", "pack_files: [team/pack.yaml]\npack_overrides:\n  secrets:\n    SEC-STRIPE-SECRET-KEY: {severity: medium}\n");
    let (status, _, v) = s.call("GET", "/rules?pack=team", None, None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["rules"][0]["id"], "TEAM-001");
    let (_, _, v) = s.call("GET", "/rules?pack=secrets&severity=medium", None, None);
    let stripe = v["rules"].as_array().unwrap().iter().find(|r| r["id"] == "SEC-STRIPE-SECRET-KEY").cloned().unwrap_or_default();
    assert_eq!((stripe["severity"].as_str(), stripe["declared_severity"].as_str()), (Some("medium"), Some("critical")), "{v}");
    let (_, _, v) = s.call("POST", "/scan", None, Some("{}"));
    let rules: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap()).collect();
    assert_eq!(rules, ["SEC-STRIPE-SECRET-KEY", "TEAM-001"], "{v}");
    // A broken config is an error naming the file, and fixing it recovers.
    write(root.path(), ".sentra/config.yaml", "gate_fail_on: [urgent]\n");
    let (status, _, v) = s.call("POST", "/scan", None, Some("{}"));
    assert_error(status, &v, 500, "config_error");
    assert!(v["detail"].as_str().unwrap().contains("config.yaml"), "{v}");
    write(root.path(), ".sentra/config.yaml", "gate_fail_on: [low]\n");
    assert_eq!(s.call("POST", "/scan", None, Some("{}")).0, 200);
}

/// Every server limit trips with its status, code and (for 503) Retry-After.
#[test]
fn server_limits_trip() {
    let root = tempfile::tempdir().unwrap();
    for i in 0..20_000 {
        write(root.path(), &format!("big/d{}/f{i}.py", i % 100), "value = 'placeholder text that is not a secret'\n");
    }
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--max-body-bytes", "4000", "--max-inline-files", "3", "--scan-timeout", "0.2"], &[], 0);
    let (status, _, v) = s.call("POST", "/scan", None, Some(&json!({"files": {"a.py": "x".repeat(5000)}}).to_string()));
    assert_error(status, &v, 413, "payload_too_large");
    let four = json!({"files": {"a.py": "", "b.py": "", "c.py": "", "d.py": ""}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", None, Some(&four));
    assert_error(status, &v, 413, "too_many_files");
    let (status, headers, v) = s.call("POST", "/scan", None, Some(r#"{"repo_path": "big"}"#));
    assert_error(status, &v, 503, "scan_timeout");
    assert!(headers.contains_key("retry-after"));
    assert!(v["detail"].as_str().unwrap().contains("200ms"), "{v}");
    assert_eq!(s.call("GET", "/health", None, None).0, 200);
    drop(s);

    // One scan slot and no queue: a second scan while one runs is turned away.
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--max-concurrent-scans", "1", "--queue-wait", "0"], &[], 0);
    let mut running = s.client.post(format!("{}/api/run-scan-stream", s.base)).body(r#"{"repo_path": "big"}"#).send().unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 256];
    while !seen.contains("event: progress") {
        let n = std::io::Read::read(&mut running, &mut buf).unwrap();
        assert!(n > 0, "stream ended before any progress: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let (status, headers, v) = s.call("POST", "/gate", None, Some("{}"));
    assert_error(status, &v, 503, "server_busy");
    assert!(headers["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    drop(running);
}

/// One request per documented operation that must succeed for a key allowed to make it:
/// the path with real ids (made fresh where the call consumes them) and a valid body.
struct Call {
    path: String,
    body: Option<String>,
    status: u16,
    /// The path names a record of tenant `default` (another tenant gets 404).
    tenant_record: bool,
}

/// Makes the records the calls refer to, in tenant `default`.
struct Fixtures<'a> {
    s: &'a Server,
    admin: String,
    requester: String,
    n: std::cell::Cell<u32>,
}

impl Fixtures<'_> {
    fn next(&self) -> u32 {
        self.n.set(self.n.get() + 1);
        self.n.get()
    }
    fn created(&self, method: &str, path: &str, key: &str, body: Value) -> Value {
        let (status, _, v) = self.s.call(method, path, Some(key), Some(&body.to_string()));
        assert!((200..300).contains(&status), "fixture {method} {path}: {status} {v}");
        v
    }
    fn pack(&self) -> String {
        let id = format!("matrix-{}", self.next());
        self.created("POST", "/api/packs", &self.admin, json!({"pack_id": id, "name": "matrix", "rules": []}));
        id
    }
    fn queued_scan(&self) -> String {
        let v = self.created("POST", "/api/scans", &self.admin, json!({"files": {"a.py": "x = 1\n"}}));
        v["id"].as_str().unwrap().to_string()
    }
    fn suppression(&self) -> String {
        let v = self.created(
            "POST",
            "/api/suppressions",
            &self.admin,
            json!({"rule_id": "SEC-*", "file_pattern": format!("M-{}/**", self.next()), "reason": "matrix"}),
        );
        v["id"].as_str().unwrap().to_string()
    }
    fn approval(&self) -> i64 {
        let v = self.created("POST", "/api/approvals", &self.requester, json!({"action_type": "deploy", "title": format!("release {}", self.next())}));
        v["id"].as_i64().unwrap()
    }

    /// The successful request for `method path`; an operation without one fails the test.
    fn call(&self, method: &str, path: &str) -> Call {
        let ok = |p: &str, body: Option<Value>, status: u16| Call { path: p.to_string(), body: body.map(|b| b.to_string()), status, tenant_record: false };
        let record = |p: String, body: Option<Value>, status: u16| Call { path: p, body: body.map(|b| b.to_string()), status, tenant_record: true };
        match (method, path) {
            ("GET", "/api/approvals") => ok("/api/approvals?status=all", None, 200),
            ("POST", "/api/approvals") => ok(path, Some(json!({"action_type": "deploy", "title": "matrix"})), 201),
            ("GET", "/api/approvals/{id}") => record(format!("/api/approvals/{}", self.approval()), None, 200),
            ("GET", "/api/approvals/{id}/status") => record(format!("/api/approvals/{}/status", self.approval()), None, 200),
            ("PATCH", "/api/approvals/{id}") => {
                record(format!("/api/approvals/{}", self.approval()), Some(json!({"action": "reject", "comment": "matrix"})), 200)
            }
            ("GET", "/api/audit") => ok("/api/audit?limit=5", None, 200),
            ("GET", "/api/audit/verify") => ok(path, None, 200),
            ("GET", "/api/check-coverage") => ok(path, None, 200),
            ("POST", "/api/check-coverage") => ok(path, None, 200),
            ("GET", "/api/compliance/{pack_id}") => ok("/api/compliance/owasp-top-10", None, 200),
            ("GET", "/api/config") => ok(path, None, 200),
            ("POST", "/api/config") => ok(path, Some(json!({"updates": {"gate_fail_on": ["critical", "high"]}})), 200),
            ("GET", "/api/operator/config") => ok(path, None, 200),
            ("POST", "/api/operator/config") => ok(path, Some(json!({"updates": {"max_file_bytes": 500_000}})), 200),
            ("GET", "/api/config/validate") => ok(path, None, 200),
            ("GET", "/api/devops/status") => ok(path, None, 200),
            ("POST", "/api/devops/test-connection") => ok(path, Some(json!({"provider": "local"})), 200),
            ("GET", "/api/findings") => ok(path, None, 200),
            ("POST", "/api/generate-reqs") => ok("/api/generate-reqs?dry_run=true", None, 200),
            ("GET", "/api/governance") => ok(path, None, 200),
            ("POST", "/api/governance") => ok(path, Some(json!({"profile": "standard"})), 200),
            ("GET", "/api/license") => ok(path, None, 200),
            ("GET", "/api/metrics") => ok(path, None, 200),
            ("GET", "/api/packs") => ok(path, None, 200),
            ("POST", "/api/packs") => ok(path, Some(json!({"pack_id": format!("made-{}", self.next()), "name": "m", "rules": []})), 201),
            ("POST", "/api/packs/import") => ok(path, Some(json!({"pack_yaml": format!("pack_id: imported-{}\nname: m\nrules: []\n", self.next())})), 201),
            ("DELETE", "/api/packs/{id}") => record(format!("/api/packs/{}", self.pack()), None, 204),
            ("POST", "/api/packs/{id}/disable") => record(format!("/api/packs/{}/disable", self.pack()), None, 200),
            ("POST", "/api/packs/{id}/enable") => record(format!("/api/packs/{}/enable", self.pack()), None, 200),
            ("GET", "/api/packs/{id}/export") => record(format!("/api/packs/{}/export", self.pack()), None, 200),
            ("GET", "/api/packs/{id}/overrides") => record(format!("/api/packs/{}/overrides", self.pack()), None, 200),
            ("POST", "/api/packs/{id}/overrides") => record(format!("/api/packs/{}/overrides", self.pack()), Some(json!({})), 200),
            ("POST", "/api/reconcile") => ok("/api/reconcile?dry_run=true", None, 200),
            ("POST", "/api/scans") => ok(path, Some(json!({"files": {"a.py": "x = 1\n"}})), 202),
            ("GET", "/api/scans/{id}") => record(format!("/api/scans/{}", self.queued_scan()), None, 200),
            ("POST", "/api/run-scan-stream") => ok(path, Some(json!({"files": {"a.py": "x = 1\n"}})), 200),
            ("GET", "/api/suppressions") => ok(path, None, 200),
            ("POST", "/api/suppressions") => {
                ok(path, Some(json!({"rule_id": "SEC-*", "file_pattern": format!("N-{}/**", self.next()), "reason": "matrix"})), 201)
            }
            ("DELETE", "/api/suppressions/{id}") => record(format!("/api/suppressions/{}", self.suppression()), None, 204),
            ("GET", "/api/trends") => ok(path, None, 200),
            ("GET", "/api/work-items") => ok(path, None, 200),
            ("POST", "/gate") => ok(path, Some(json!({"files": {"a.py": "x = 1\n"}})), 200),
            ("POST", "/report") => ok("/report?format=csv", Some(json!({"files": {"a.py": "x = 1\n"}})), 200),
            ("GET", "/rules") => ok(path, None, 200),
            ("POST", "/scan") => ok(path, Some(json!({"files": {"a.py": "x = 1\n"}})), 200),
            _ => panic!("{method} {path} is documented but has no request in this matrix: add one"),
        }
    }
}

/// Every operation of the committed OpenAPI document against no key (401), every role
/// (403 `forbidden` without the permission, the documented success with it) and another
/// tenant's admin (404 for the first tenant's records, its own success otherwise). The
/// operations come from the document and their permissions from `auth::ROUTES`; an
/// operation missing from either table, or from this test's requests, fails here.
#[test]
fn every_documented_operation_enforces_its_permission_for_every_role_and_tenant() {
    use sentra_server::auth::{ROLE_PERMISSIONS, allows, route_permission};
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(super::repo_root().join("schemas/openapi.json")).unwrap()).unwrap();
    let root = tempfile::tempdir().unwrap();
    // Both tenants have a workspace: `tenants/<tenant>`.
    for tenant in ["default", "other"] {
        write(root.path(), &format!("tenants/{tenant}/app.py"), "x = 1\n");
    }
    let tenants = root.path().join("tenants");
    let state = tempfile::tempdir().unwrap();
    let args = ["--host", "127.0.0.1", "--state-dir", state.path().to_str().unwrap(), "--rate-limit", "0", "--tenants-root", tenants.to_str().unwrap()];
    let s = Server::start_with(root.path(), &args, &[], 0);
    let keys: Vec<_> = ROLE_PERMISSIONS.iter().map(|(role, _)| (*role, create_key(state.path(), role.as_str(), "default"))).collect();
    let admin = keys.iter().find(|(r, _)| r.as_str() == "admin").unwrap().1.clone();
    // Approvals are requested by a key of their own: nobody may resolve their own request.
    let (code, requester, err) = self::keys(state.path(), &["create", "--role", "agent", "--name", "requester"]);
    assert_eq!(code, 0, "{err}");
    let other = create_key(state.path(), "admin", "other");
    let f = Fixtures { s: &s, admin: admin.clone(), requester, n: std::cell::Cell::new(0) };
    // A recorded scan for the findings, metrics and reconcile endpoints of both tenants.
    for k in [&admin, &other] {
        assert_eq!(s.call("POST", "/scan", Some(k), Some("{}")).0, 200);
    }

    let mut checked = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let method = method.to_uppercase();
            if op.get("security").is_none() {
                continue; // public pages: /health, the documents
            }
            let perm = route_permission(&method, path).unwrap_or_else(|| panic!("{method} {path} has no permission in auth::ROUTES"));
            let documented = |status: u16| op["responses"].get(status.to_string()).is_some();
            let c = f.call(&method, path);
            assert!(documented(c.status) && documented(401) && documented(403), "{method} {path}: {} 401 403 are not all documented", c.status);
            let (status, _, v) = s.call(&method, &c.path, None, c.body.as_deref());
            assert_error(status, &v, 401, "unauthorized");
            for (role, key) in &keys {
                // A fresh request per role: some calls consume their record.
                let c = f.call(&method, path);
                let (status, _, v) = s.call(&method, &c.path, Some(key), c.body.as_deref());
                if allows(*role, perm) {
                    assert_eq!(status, c.status, "{role} {method} {}: {v}", c.path);
                } else {
                    assert_error(status, &v, 403, "forbidden");
                }
            }
            let c = f.call(&method, path);
            let (status, _, v) = s.call(&method, &c.path, Some(&other), c.body.as_deref());
            if !allows(sentra_store::Role::Admin, perm) {
                assert_error(status, &v, 403, "forbidden"); // the operator's, not a tenant's
            } else if c.tenant_record {
                assert_error(status, &v, 404, v["code"].as_str().unwrap_or("?"));
                assert!(documented(404), "{method} {path} answers 404 but does not document it");
            } else {
                assert_eq!(status, c.status, "another tenant's admin, {method} {}: {v}", c.path);
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} protected operations in the document");
    // What another tenant lists holds none of `default`'s records.
    let (_, _, listed) = s.call("GET", "/api/suppressions", Some(&other), None);
    assert!(listed["suppressions"].as_array().unwrap().iter().all(|x| !x["file_pattern"].as_str().unwrap().starts_with('M')), "{listed}");
    let (_, _, listed) = s.call("GET", "/api/packs", Some(&other), None);
    let theirs: Vec<&str> = listed["packs"].as_array().unwrap().iter().filter(|p| p["source"] == "custom").map(|p| p["pack_id"].as_str().unwrap()).collect();
    assert!(!theirs.is_empty() && theirs.iter().all(|id| !id.starts_with("matrix-")), "{theirs:?}");
}
