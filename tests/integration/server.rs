//! `sentra serve` end to end: the real binary on a free loopback port, driven over HTTP.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use reqwest::blocking::Client;
use serde_json::{Value, json};

use super::write;

/// A running server, killed on drop.
pub(crate) struct Server {
    child: Child,
    pub(crate) base: String,
    pub(crate) client: Client,
    /// Lines the server printed after its address line (e.g. a bootstrap key).
    pub(crate) banner: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A new API key for `tenant` with `role`, named `name`, made with `sentra keys create` on
/// the state directory `state`.
pub(crate) fn key(state: &std::path::Path, role: &str, tenant: &str, name: &str) -> String {
    let out = sentra_cmd().arg("--state-dir").arg(state).args(["keys", "create", "--role", role, "--tenant", tenant, "--name", name]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A `sentra` command with no `GUARD_*` variables of the caller's and a shared cache.
pub(crate) fn sentra_cmd() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sentra"));
    for (k, _) in std::env::vars() {
        // Tracker credentials of the caller's must not reach a test's server either.
        if k.starts_with("GUARD_") || sentra_engine::devops::PROVIDERS.iter().any(|p| sentra_engine::devops::credential_env(p).contains(&k.as_str())) {
            cmd.env_remove(k);
        }
    }
    cmd.env("GUARD_CACHE_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache"));
    cmd
}

impl Server {
    /// SIGKILL: no graceful shutdown, as in a crash.
    pub(crate) fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The server process's peak resident set size (Linux `VmHWM`), in KiB.
    pub(crate) fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0)
    }

    /// The server process's id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    pub(crate) fn start(root: &Path) -> Self {
        Self::start_with(root, &["--host", "127.0.0.1"], &[], 0)
    }

    /// A server with a workspace per tenant: tenant `t`'s is `ROOT/tenants/t`
    /// (`--tenants-root`), so the `default` tenant's is `ROOT/tenants/default`.
    pub(crate) fn start_tenants(root: &Path) -> Self {
        let tenants = root.join("tenants");
        std::fs::create_dir_all(&tenants).unwrap();
        Self::start_with(root, &["--host", "127.0.0.1", "--tenants-root", tenants.to_str().unwrap()], &[], 0)
    }

    /// Starts `sentra serve --port 0 --root ROOT ARGS` with `env`, and waits for its
    /// address line and `extra_lines` more lines of banner.
    pub(crate) fn start_with(root: &Path, args: &[&str], env: &[(&str, &str)], extra_lines: usize) -> Self {
        let mut cmd = sentra_cmd();
        cmd.args(["serve", "--port", "0", "--root"]).arg(root).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let addr = line.split("http://").nth(1).and_then(|r| r.split_whitespace().next()).unwrap_or_else(|| panic!("no address in {line:?}"));
        // Bound to every address: talk to it over loopback.
        let addr = addr.replace("0.0.0.0", "127.0.0.1");
        let mut banner = Vec::new();
        for _ in 0..extra_lines {
            let mut l = String::new();
            if out.read_line(&mut l).unwrap_or(0) == 0 {
                break;
            }
            banner.push(l.trim_end().to_string());
        }
        Server { child, base: format!("http://{addr}"), client: Client::new(), banner }
    }

    /// Any request, with an optional API key; (status, headers, JSON body or null).
    pub(crate) fn call(&self, method: &str, path: &str, key: Option<&str>, body: Option<&str>) -> (u16, reqwest::header::HeaderMap, Value) {
        let mut r = self.client.request(method.parse().unwrap(), format!("{}{path}", self.base));
        if let Some(k) = key {
            r = r.header("x-api-key", k);
        }
        if let Some(b) = body {
            r = r.header("content-type", "application/json").body(b.to_string());
        }
        let r = r.send().unwrap();
        let (status, headers) = (r.status().as_u16(), r.headers().clone());
        let text = r.text().unwrap_or_default();
        (status, headers, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// POSTs raw `bytes` as `content_type` to `/api/packs/import{query}` with `key`.
    pub(crate) fn import(&self, key: &str, query: &str, content_type: &str, bytes: Vec<u8>) -> (u16, Value) {
        let r = self.client.post(format!("{}/api/packs/import{query}", self.base)).header("x-api-key", key).header("content-type", content_type);
        let r = r.body(bytes).send().unwrap();
        let status = r.status().as_u16();
        (status, r.json().unwrap_or(Value::Null))
    }

    fn post(&self, path: &str, body: &str) -> (u16, Value) {
        let r = self.client.post(format!("{}{path}", self.base)).header("content-type", "application/json").body(body.to_string()).send().unwrap();
        let status = r.status().as_u16();
        (status, r.json().unwrap_or(Value::Null))
    }

    fn get(&self, path: &str) -> (u16, Value) {
        let r = self.client.get(format!("{}{path}", self.base)).send().unwrap();
        let status = r.status().as_u16();
        (status, r.json().unwrap_or(Value::Null))
    }
}

pub(crate) fn assert_error(status: u16, v: &Value, want_status: u16, want_code: &str) {
    assert_eq!(status, want_status, "{v}");
    assert_eq!(v["code"], want_code, "{v}");
    assert!(v["detail"].as_str().is_some_and(|d| !d.is_empty()), "{v}");
}

pub(crate) const STRIPE: &str = "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n";

#[test]
fn api_core_endpoints_answer_with_their_shapes_and_errors() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/app.py", STRIPE);
    write(root.path(), "repo/clean.py", "x = 1\n");
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.py", STRIPE);
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), root.path().join("escape")).unwrap();
    let s = Server::start(root.path());

    // Health.
    let (status, v) = s.get("/health");
    assert_eq!(status, 200);
    assert_eq!(v["status"], "ok");
    assert!(v["packs_loaded"].as_u64().unwrap() >= 1);
    assert!(v["uptime_s"].is_u64() && v["version"].is_string());

    // Scan a directory under the root, and inline files.
    let (status, v) = s.post("/scan", r#"{"repo_path": "repo"}"#);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 1);
    assert_eq!(v["findings"][0]["evidence"]["file"], "app.py");
    let by = &v["by_severity"];
    let sum: u64 = ["critical", "high", "medium", "low", "info"].iter().map(|k| by[k].as_u64().unwrap()).sum();
    assert_eq!(sum, 1);
    for key in ["findings", "total", "by_severity", "files_scanned", "duration_ms", "errored_packs", "skipped_rules"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let inline = json!({"files": {"a.py": STRIPE, "b/c.py": "ok = 1\n"}, "repo_path": "does-not-matter"}).to_string();
    let (status, v) = s.post("/scan", &inline);
    assert_eq!(status, 200, "{v}");
    assert_eq!((v["total"].as_u64(), v["files_scanned"].as_u64()), (Some(1), Some(2)));
    let only = json!({"files": {"a.py": STRIPE, "b.py": STRIPE}, "changed_files": ["b.py"]}).to_string();
    assert_eq!(s.post("/scan", &only).1["findings"][0]["evidence"]["file"], "b.py");
    // An empty body scans the root.
    let (status, v) = s.post("/scan", "");
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 1);

    // Gate, with overrides.
    let (status, v) = s.post("/gate", r#"{"repo_path": "repo"}"#);
    assert_eq!(status, 200);
    assert_eq!(v["passed"], false);
    assert_eq!(v["critical"], 1);
    let (_, v) = s.post("/gate", r#"{"repo_path": "repo", "config_overrides": {"gate_fail_on": ["info"], "scan_exclude": ["app.py"]}}"#);
    assert_eq!((v["passed"].as_bool(), v["total_findings"].as_u64()), (Some(true), Some(0)));

    // Validation: unknown override key, bad override value, malformed JSON, wrong types.
    let (status, v) = s.post("/scan", r#"{"config_overrides": {"pack_limits": {}}}"#);
    assert_error(status, &v, 422, "validation_error");
    assert_eq!(v["errors"][0]["loc"][0], "body");
    assert!(v["errors"][0]["msg"].as_str().unwrap().contains("pack_limits"), "{v}");
    let (status, v) = s.post("/scan", r#"{"config_overrides": {"gate_fail_on": ["urgent"]}}"#);
    assert_error(status, &v, 422, "validation_error");
    assert_eq!(v["errors"][0]["loc"], json!(["body", "config_overrides", "gate_fail_on"]));
    let (status, v) = s.post("/scan", r#"{"config_overrides": {"standards_packs": ["nope"]}}"#);
    assert_error(status, &v, 422, "validation_error");
    let (status, v) = s.post("/scan", "{not json");
    assert_error(status, &v, 422, "validation_error");
    assert_eq!(v["errors"][0]["type"], "json_invalid");
    let (status, v) = s.post("/scan", r#"{"files": {"a.py": 5}}"#);
    assert_error(status, &v, 422, "validation_error");
    assert_eq!(v["errors"][0]["loc"], json!(["body", "files", "a.py"]));

    // Path confinement: nothing outside the root is read.
    for bad in ["../", "/etc", "repo/../../", "escape"] {
        let (status, v) = s.post("/scan", &json!({ "repo_path": bad }).to_string());
        assert_eq!((status, v["code"].as_str()), (400, Some("path_outside_root")), "{bad}: {v}");
    }
    // A directory that is not there is not found (nothing outside the workspace is named).
    let (status, v) = s.post("/scan", &json!({ "repo_path": "%2e%2e/x" }).to_string());
    assert_eq!((status, v["code"].as_str()), (404, Some("path_not_found")), "{v}");
    for bad in ["../x.py", "/abs.py", "C:/x.py", "a/../../x.py", "a\u{0}b", "a\\b.py", "a//b", "./a"] {
        let (status, v) = s.post("/scan", &json!({ "files": { bad: "x" } }).to_string());
        assert_error(status, &v, 422, "validation_error");
    }

    // Body size.
    // (A client of its own: the server answers before reading the whole body and closes
    // that connection, which must not go back to the shared pool.)
    let big = json!({"files": {"a.txt": "a".repeat(33 << 20)}}).to_string();
    let once = Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let r = once.post(format!("{}/scan", s.base)).header("content-type", "application/json").body(big).send().unwrap();
    let status = r.status().as_u16();
    assert_error(status, &r.json().unwrap(), 413, "payload_too_large");

    // Reports: the format is checked before anything is scanned.
    let (status, v) = s.post("/report?format=csv", r#"{"repo_path": "repo"}"#);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["format"], "csv");
    let csv = v["content"].as_str().unwrap();
    assert!(csv.starts_with("rule_id,pack_id,severity,file,line"), "{csv}");
    assert!(csv.contains("SEC-STRIPE-SECRET-KEY,secrets,critical,app.py,1,"), "{csv}");
    let (status, v) = s.post("/report", r#"{"repo_path": "repo"}"#);
    assert_eq!((status, v["format"].as_str()), (200, Some("json")));
    assert_eq!(serde_json::from_str::<Value>(v["content"].as_str().unwrap()).unwrap()["total"], 1);
    let (status, v) = s.post("/report?format=pdf", r#"{"repo_path": "../"}"#);
    assert_error(status, &v, 400, "unknown_format");
    assert!(v["detail"].as_str().unwrap().contains("json, csv, sarif, junit, html"), "{v}");

    // Rules and filters.
    let (status, v) = s.get("/rules?pack=secrets&severity=critical");
    assert_eq!(status, 200);
    assert!(v["total"].as_u64().unwrap() > 0);
    assert!(v["rules"].as_array().unwrap().iter().all(|r| r["severity"] == "critical" && r["pack_id"] == "secrets"));
    let (status, v) = s.get("/rules?severity=urgent");
    assert_error(status, &v, 422, "validation_error");

    // The served OpenAPI document is the committed one.
    let served = s.client.get(format!("{}/openapi.json", s.base)).send().unwrap().text().unwrap();
    let committed = std::fs::read_to_string(super::repo_root().join("schemas/openapi.json")).unwrap();
    assert!(served == committed, "the served /openapi.json differs from schemas/openapi.json (run SENTRA_BLESS=1 cargo test -p sentra-server)");

    // Routing errors are JSON too, and the request id is echoed.
    let (status, v) = s.get("/nope");
    assert_error(status, &v, 404, "not_found");
    let (status, v) = s.get("/scan");
    assert_error(status, &v, 405, "method_not_allowed");
    let r = s.client.get(format!("{}/health", s.base)).header("x-request-id", "abc-123").send().unwrap();
    assert_eq!(r.headers()["x-request-id"], "abc-123");
    let r = s.client.get(format!("{}/health", s.base)).send().unwrap();
    assert!(r.headers().contains_key("x-request-id"));
}

/// `(event, data)` pairs of an SSE body.
fn sse_events(text: &str) -> Vec<(String, String)> {
    text.split("\n\n")
        .filter_map(|block| {
            let mut event = None;
            let mut data = String::new();
            for line in block.lines() {
                if let Some(e) = line.strip_prefix("event: ") {
                    event = Some(e.to_string());
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data.push_str(d);
                }
            }
            event.map(|e| (e, data))
        })
        .collect()
}

#[test]
fn streamed_scan_reports_progress_and_the_same_result_and_stops_when_the_client_leaves() {
    let root = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(root.path(), &format!("small/f{i}.py"), "x = 1\n");
    }
    write(root.path(), "small/key.py", STRIPE);
    let s = Server::start(root.path());

    let r = s.client.post(format!("{}/api/run-scan-stream", s.base)).body(r#"{"repo_path": "small"}"#).send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let events = sse_events(&r.text().unwrap());
    let names: Vec<&str> = events.iter().map(|(e, _)| e.as_str()).collect();
    assert!(names.contains(&"progress"), "{names:?}");
    assert_eq!(names.last(), Some(&"complete"), "{names:?}");
    let last_progress: Value = serde_json::from_str(&events.iter().rev().find(|(e, _)| e == "progress").unwrap().1).unwrap();
    assert_eq!(last_progress["progress"], 1.0);
    assert_eq!(last_progress["files_done"], 301);
    let mut streamed: Value = serde_json::from_str(&events.last().unwrap().1).unwrap();
    let (_, mut direct) = s.post("/scan", r#"{"repo_path": "small"}"#);
    streamed["duration_ms"] = Value::Null;
    direct["duration_ms"] = Value::Null;
    assert_eq!(streamed, direct);

    // A bad request is answered before the stream starts, with its status and the error
    // shape (schemathesis found it arriving as a 200 stream with an `error` event).
    let (status, v) = s.post("/api/run-scan-stream", r#"{"repo_path": "../"}"#);
    assert_eq!(status, 400, "{v}");
    assert_eq!(v["code"], "path_outside_root");
    let (status, v) = s.post("/api/run-scan-stream", r#"{"config_overrides": {"max_file_bytes": 9223372036854775808}}"#);
    assert_eq!(status, 422, "{v}");
    assert_eq!(v["errors"][0]["loc"], serde_json::json!(["body", "config_overrides", "max_file_bytes"]));

    // Leaving mid-scan cancels it.
    for i in 0..20_000 {
        write(root.path(), &format!("big/d{}/f{i}.py", i % 100), "value = 'placeholder text that is not a secret'\n");
    }
    let mut r = s.client.post(format!("{}/api/run-scan-stream", s.base)).body(r#"{"repo_path": "big"}"#).send().unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 256];
    while !seen.contains("event: progress") {
        let n = std::io::Read::read(&mut r, &mut buf).unwrap();
        assert!(n > 0, "stream ended before any progress: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    drop(r);
    let mut cancelled = 0;
    for _ in 0..100 {
        cancelled = s.get("/health").1["scans_cancelled"].as_u64().unwrap();
        if cancelled > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(cancelled, 1, "closing the stream mid-scan cancels the scan");
}
