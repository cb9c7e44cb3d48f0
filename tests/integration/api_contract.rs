//! The API says what it does and does what it says (issue 24): CORS for the origins the
//! operator lists, settings that name packs and rules that exist, positions inside files.

use serde_json::json;

use super::server::Server;
use super::write;

fn preflight(s: &Server, origin: &str) -> reqwest::blocking::Response {
    s.client
        .request(reqwest::Method::OPTIONS, format!("{}/scan", s.base))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "x-api-key,content-type")
        .send()
        .unwrap()
}

#[test]
fn cors_answers_only_the_origins_the_operator_lists() {
    let root = tempfile::tempdir().unwrap();
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--cors-origin", "https://app.example.com"], &[], 0);
    let r = preflight(&s, "https://app.example.com");
    assert!(r.status().is_success(), "{}", r.status());
    assert_eq!(r.headers()["access-control-allow-origin"], "https://app.example.com");
    assert!(r.headers()["access-control-allow-headers"].to_str().unwrap().contains("x-api-key"));
    let r = preflight(&s, "https://evil.example");
    assert!(r.headers().get("access-control-allow-origin").is_none(), "{:?}", r.headers());
    let r = s.client.get(format!("{}/health", s.base)).header("origin", "https://app.example.com").send().unwrap();
    assert_eq!(r.headers()["access-control-allow-origin"], "https://app.example.com");

    // None by default.
    let plain = Server::start(root.path());
    let r = preflight(&plain, "https://app.example.com");
    assert!(r.headers().get("access-control-allow-origin").is_none());
    // A listed value that is not an origin stops the server with a clear message.
    let out = super::sentra(&["serve", "--port", "0", "--cors-origin", "*"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an origin"));
}

#[test]
fn evidence_stays_inside_the_file() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "x", "");
    let s = Server::start(root.path());
    let body = json!({"files": {"requirements.txt": "flask==0.1\nrequests\n"}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", None, Some(&body));
    assert_eq!(status, 200, "{v}");
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "the unpinned dependency is expected to be found: {v}");
    for f in findings {
        let [a, b] = [f["evidence"]["lines"][0].as_u64().unwrap(), f["evidence"]["lines"][1].as_u64().unwrap()];
        assert!(a >= 1 && b <= 2 && a <= b, "lines {a}..{b} of a 2-line file: {f}");
    }
}

#[test]
fn settings_can_name_only_packs_and_rules_that_exist() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", "x = 1\n");
    let s = Server::start(root.path());
    let post = |updates: serde_json::Value| s.call("POST", "/api/config", None, Some(&json!({"updates": updates}).to_string()));
    let (status, _, v) = post(json!({"standards_packs": ["nope"]}));
    super::server::assert_error(status, &v, 422, "validation_error");
    assert!(v.to_string().contains("standards_packs.0") && v.to_string().contains("no pack `nope`"), "{v}");
    let (status, _, v) = post(json!({"pack_overrides": {"secrets": {"NO-SUCH-RULE": {"enabled": false}}}}));
    assert_eq!(status, 422, "{v}");
    assert!(v.to_string().contains("pack `secrets` has no rule `NO-SUCH-RULE`"), "{v}");
    // Nothing was written: scans still work.
    let (status, _, v) = s.call("POST", "/scan", None, Some("{}"));
    assert_eq!(status, 200, "{v}");

    // A custom pack the settings name cannot be deleted out from under them.
    let pack = json!({"pack_id": "team", "name": "Team", "rules": [{"id": "T-1", "name": "x", "type": "regex", "pattern": "host", "severity": "low"}]});
    assert_eq!(s.call("POST", "/api/packs", None, Some(&pack.to_string())).0, 201);
    assert_eq!(post(json!({"standards_packs": ["team", "secrets"], "pack_overrides": {"team": {"T-1": {"severity": "high"}}}})).0, 200);
    let (status, _, v) = s.call("DELETE", "/api/packs/team", None, None);
    super::server::assert_error(status, &v, 409, "pack_in_use");
    assert!(v["detail"].as_str().unwrap().contains("standards_packs, pack_overrides.team"), "{v}");
    assert_eq!(post(json!({"standards_packs": ["secrets"], "pack_overrides": {"team": null}})).0, 200);
    assert_eq!(s.call("DELETE", "/api/packs/team", None, None).0, 204);

    // A config file naming a pack nobody has stops the server at start, naming file and key.
    let other = tempfile::tempdir().unwrap();
    write(other.path(), ".sentra/config.yaml", "standards_packs: [secrets, nope]\n");
    let mut child = super::server::sentra_cmd()
        .args(["serve", "--host", "127.0.0.1", "--port", "0", "--root"])
        .arg(other.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server started with a config naming an unknown pack");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("config.yaml") && stderr.contains("standards_packs.1") && stderr.contains("no pack `nope`"), "{stderr}");
}

#[test]
fn only_complete_scans_of_a_repository_become_the_latest() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/key.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let s = Server::start(root.path());
    let (status, _, full) = s.call("POST", "/scan", None, Some(&json!({"repo_path": "repo"}).to_string()));
    assert_eq!(status, 200, "{full}");
    // Partial scans: inline files, changed files only.
    assert_eq!(s.call("POST", "/scan", None, Some(&json!({"files": {"a.py": "x = 1\n"}}).to_string())).0, 200);
    assert_eq!(s.call("POST", "/gate", None, Some(&json!({"repo_path": "repo", "changed_files": ["other.py"]}).to_string())).0, 200);
    let (_, _, f) = s.call("GET", "/api/findings", None, None);
    assert!(f["total"].as_u64().unwrap() >= 1, "the repository's findings, not the snippet's: {f}");
    let (_, _, history) = s.call("GET", "/api/trends", None, None);
    assert_eq!(history["runs"].as_array().map(Vec::len), Some(1), "trends count complete scans only: {history}");
    let (status, _, r) = s.call("POST", "/api/reconcile?dry_run=true", None, None);
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["repository"], "repo", "reconcile names the scan it used: {r}");
    assert_eq!(r["scan_id"], f["scan_id"], "{r}");
}

#[test]
fn each_pack_has_one_state_and_enabling_one_makes_it_run() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", "x = 1\n");
    let s = Server::start(root.path());
    let state_of = |id: &str| {
        let (_, _, v) = s.call("GET", "/api/packs", None, None);
        let p = v["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == id).cloned().unwrap();
        (p["state"].as_str().unwrap().to_string(), p["enabled"].as_bool().unwrap())
    };
    let scanned_packs = || {
        let (_, _, v) = s.call("POST", "/scan", None, Some("{}"));
        v["packs"].as_array().unwrap().iter().map(|p| p["pack_id"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(state_of("hipaa"), ("available".to_string(), false), "a Python file alone does not call for HIPAA");
    assert!(!scanned_packs().contains(&"hipaa".to_string()));
    let (_, _, v) = s.call("POST", "/api/packs/hipaa/enable", None, None);
    assert_eq!((v["state"].as_str(), v["enabled"].as_bool()), (Some("enabled"), Some(true)), "{v}");
    assert!(scanned_packs().contains(&"hipaa".to_string()), "an enabled pack runs");

    assert_eq!(s.call("POST", "/api/config", None, Some(&json!({"updates": {"standards_packs": ["secrets"]}}).to_string())).0, 200);
    assert_eq!(state_of("secrets").0, "selected");
    assert_eq!(state_of("hipaa").0, "enabled", "enabled stays on beside a selection");
    assert_eq!(state_of("owasp-top-10").0, "available");
    let ran = scanned_packs();
    assert!(ran.contains(&"secrets".to_string()) && ran.contains(&"hipaa".to_string()), "{ran:?}");
    assert_eq!(s.call("POST", "/api/packs/secrets/disable", None, None).0, 200);
    assert_eq!(state_of("secrets"), ("disabled".to_string(), false), "disabled wins over selected");
    assert!(!scanned_packs().contains(&"secrets".to_string()));
}

#[test]
fn smaller_answers_say_what_they_mean() {
    let root = tempfile::tempdir().unwrap();
    let s = Server::start(root.path());
    // A bad pack id is located where the request gave it.
    let bad_body = json!({"pack_id": "Bad Id", "name": "x", "rules": []}).to_string();
    let (status, _, v) = s.call("POST", "/api/packs", None, Some(&bad_body));
    assert_eq!((status, &v["errors"][0]["loc"]), (422, &json!(["body", "pack_id"])), "{v}");
    let (_, _, v) = s.call("GET", "/api/packs/Bad_Id/export", None, None);
    assert_eq!(v["errors"][0]["loc"], json!(["path", "id"]), "{v}");
    // A plain date is a valid `since`.
    let (status, _, v) = s.call("GET", "/api/audit?since=2026-01-01", None, None);
    assert_eq!(status, 200, "{v}");
    // A pack created without a license exports without `license: null`.
    let pack = json!({"pack_id": "no-license", "name": "N", "rules": [{"id": "N-1", "name": "x", "type": "regex", "pattern": "host", "severity": "low"}]});
    assert_eq!(s.call("POST", "/api/packs", None, Some(&pack.to_string())).0, 201);
    let text = s.client.get(format!("{}/api/packs/no-license/export", s.base)).send().unwrap().text().unwrap();
    assert!(!text.contains("license: null"), "{text}");
    // The landing page lists PATCH operations and says how keys are managed.
    let page = s.client.get(format!("{}/api", s.base)).send().unwrap().text().unwrap();
    assert!(page.contains("PATCH") && page.contains("keys:manage"), "the /api page");
}

#[test]
fn coverage_findings_are_findings_and_generated_requirements_trace() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "billing.py", "def charge(amount):\n    return amount\n");
    let s = Server::start(root.path());
    // sentrik's method for the same check.
    let (status, _, v) = s.call("POST", "/api/check-coverage", None, None);
    assert_eq!(status, 200, "{v}");
    let f = &v["findings"][0];
    assert_eq!((f["severity"].as_str(), f["evidence"]["file"].as_str()), (Some("low"), Some("billing.py")), "{v}");
    let (status, _, g) = s.call("POST", "/api/generate-reqs", None, None);
    assert_eq!(status, 200, "{g}");
    let (_, _, v) = s.call("GET", "/api/check-coverage", None, None);
    assert_eq!(v["untraced_files"], json!([]), "a generated requirement lists its files: {v}");
    // sentrik's spelling of an approval action is understood.
    let (status, _, v) = s.call("PATCH", "/api/approvals/999", None, Some(r#"{"action": "rejected"}"#));
    assert_eq!(status, 404, "understood, then not found: {v}");
}
