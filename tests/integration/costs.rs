//! Every cost a pack or a request can cause is bounded (issue 23): host regex work ends
//! with the pack's deadline and the scan's, oversized pack metadata and glob lists are
//! refused at import, a flooding pack loses only what it flooded, connections and request
//! sizes are capped, and `/health/ready` tells when the server cannot take work. Bounds
//! are asserted with generous margins: these machines are noisy.

use std::io::Read;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::server::{Server, assert_error};
use super::{sentra, test_pack, write};

/// `a*b|a` on a run of `a`: each of up to 10,000 matches scans to the end of the file.
const QUADRATIC: &str = "pack_id: quadratic\nname: Quadratic\nrules:\n  - id: Q-1\n    name: q\n    type: regex\n    severity: low\n    pattern: 'a*b|a'\n    file_glob: '**/*.txt'\n";

fn import(s: &Server, body: Value) -> (u16, Value) {
    let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(&body.to_string()));
    (status, v)
}

/// Imports the test component `name` (as the default tenant).
fn import_wasm(s: &Server, name: &str) -> u16 {
    import_wasm_answer(s, name).0
}

fn import_wasm_answer(s: &Server, name: &str) -> (u16, Value) {
    let r = s
        .client
        .post(format!("{}/api/packs/import", s.base))
        .header("content-type", "application/wasm")
        .body(std::fs::read(test_pack(name)).unwrap())
        .send()
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().unwrap_or(Value::Null))
}

#[test]
fn imported_components_compile_in_a_child_bounded_in_time_and_memory() {
    // Each server gets its own state and an empty compile cache, so the component is
    // really compiled.
    let start = |args: &[&str]| {
        let (root, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(root.path(), "a.py", "x = 1\n");
        let s = Server::start_with(root.path(), &[&["--host", "127.0.0.1"], args].concat(), &[("GUARD_CACHE_DIR", cache.path().to_str().unwrap())], 0);
        (s, (root, cache))
    };
    let (s, _cache) = start(&[]);
    let (status, v) = import_wasm_answer(&s, "test-flood");
    assert_eq!(status, 201, "{v}");

    let (s, _cache) = start(&["--pack-compile-timeout", "0.001"]);
    let (status, v) = import_wasm_answer(&s, "test-flood");
    assert_eq!((status, v["code"].as_str()), (400, Some("invalid_pack")), "{v}");
    assert!(v.to_string().contains("compiling took longer than the limit"), "{v}");
    let (_, _, packs) = s.call("GET", "/api/packs", None, None);
    assert!(!packs.to_string().contains("test-flood"), "a refused import is not stored: {packs}");

    let (s, _cache) = start(&["--pack-compile-memory-mib", "4"]);
    let (status, v) = import_wasm_answer(&s, "test-flood");
    assert_eq!((status, v["code"].as_str()), (400, Some("invalid_pack")), "{v}");
    assert!(v.to_string().contains("compile memory limit of 4 MiB"), "{v}");
    // The server itself is untouched and still compiles nothing in-process.
    assert_eq!(s.call("GET", "/health", None, None).0, 200);
}

#[test]
fn host_matching_ends_with_the_packs_deadline_and_the_scans() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/big.txt", &"a".repeat(1 << 20));
    write(root.path(), "repo/small.py", "x = 1\n");
    write(root.path(), ".sentra/config.yaml", "pack_limits: {timeout_ms: 1000}\n");
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--max-concurrent-scans", "1", "--scan-timeout", "2"], &[], 0);
    assert_eq!(import(&s, json!({"pack_yaml": QUADRATIC})).0, 201);
    // Unbounded, this one host call runs for about half a minute.
    let started = Instant::now();
    let body = json!({"repo_path": "repo", "config_overrides": {"standards_packs": ["quadratic"]}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", None, Some(&body));
    let took = started.elapsed();
    assert_eq!(status, 200, "{v}");
    assert!(took < Duration::from_secs(1 + 2), "the call outlived its 1 s limit: {took:?}");
    assert!(v["errored_packs"][0]["message"].as_str().unwrap_or_default().contains("time limit"), "{v}");

    // A guest that loops past the scan's timeout: the scan answers 503 and frees its only
    // slot at once, though the pack's own limit is a minute.
    let s2_root = tempfile::tempdir().unwrap();
    write(s2_root.path(), "repo/a.py", "x = 1\n");
    write(s2_root.path(), ".sentra/config.yaml", "pack_limits: {timeout_ms: 60000}\n");
    let s2 = Server::start_with(s2_root.path(), &["--host", "127.0.0.1", "--max-concurrent-scans", "1", "--scan-timeout", "1", "--queue-wait", "1"], &[], 0);
    assert_eq!(import_wasm(&s2, "test-loop"), 201);
    let started = Instant::now();
    let body = json!({"repo_path": "repo", "config_overrides": {"standards_packs": ["test-loop"]}}).to_string();
    let (status, _, v) = s2.call("POST", "/scan", None, Some(&body));
    assert_error(status, &v, 503, "scan_timeout");
    let (status, _, v) = s2.call("POST", "/scan", None, Some(r#"{"files": {"a.py": "x = 1\n"}, "config_overrides": {"standards_packs": ["secrets"]}}"#));
    assert_eq!(status, 200, "the slot is free again: {v}");
    assert!(started.elapsed() < Duration::from_secs(1 + 2 + 1), "took {:?}", started.elapsed());
}

#[test]
fn oversized_pack_metadata_and_glob_lists_are_refused_at_import() {
    let root = tempfile::tempdir().unwrap();
    let s = Server::start(root.path());
    let huge = format!(
        "pack_id: huge\nname: Huge\nrules:\n  - id: H-1\n    name: h\n    type: regex\n    severity: low\n    pattern: x\n    remediation_guidance: '{}'\n",
        "r".repeat(2 << 20)
    );
    let (status, v) = import(&s, json!({"pack_yaml": huge}));
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("remediation"), "{v}");
    let brace = "{a,b,c,d}".repeat(5); // 1,024 globs per value
    let rules: String =
        (0..100).map(|i| format!("  - id: G-{i}\n    name: g\n    type: regex\n    severity: low\n    pattern: x\n    file_glob: 'src/{brace}'\n")).collect();
    let (status, v) = import(&s, json!({"pack_yaml": format!("pack_id: globs\nname: Globs\nrules:\n{rules}")}));
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("globs in all"), "{v}");
    assert_eq!(s.call("GET", "/health", None, None).0, 200);
}

#[test]
fn a_flooding_pack_loses_only_the_flooded_files_excess() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/flood.py", "MARKER\n");
    write(root.path(), "repo/calm.py", "MARKER\n");
    let s = Server::start(root.path());
    assert_eq!(import_wasm(&s, "test-flood"), 201);
    let body = json!({"repo_path": "repo", "config_overrides": {"standards_packs": ["test-flood"]}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", None, Some(&body));
    assert_eq!(status, 200, "{v}");
    let findings = v["findings"].as_array().unwrap();
    let on = |file: &str, rule: &str| findings.iter().filter(|f| f["evidence"]["file"] == file && f["rule_id"] == rule).count();
    assert_eq!(on("calm.py", "FLOOD-HIGH"), 1, "the pack's findings on other files stay");
    assert_eq!(on("flood.py", "FLOOD-HIGH"), 1, "the most severe finding of the flooded file is kept");
    assert_eq!(on("flood.py", "FLOOD-001"), 999, "up to the per-file limit");
    let errored = &v["errored_packs"][0];
    assert_eq!((errored["pack_id"].as_str(), errored["file"].as_str()), (Some("test-flood"), Some("flood.py")), "{errored}");
    assert!(errored["message"].as_str().unwrap().contains("4001 dropped"), "{errored}");
    let (_, _, g) =
        s.call("POST", "/gate", None, Some(&json!({"files": {"x.py": "MARKER\n"}, "config_overrides": {"standards_packs": ["test-flood"]}}).to_string()));
    assert_eq!((g["passed"].as_bool(), &g["errored_packs"]), (Some(false), &json!(["test-flood"])), "the gate fails closed: {g}");
    // Under a profile that does not block on errored packs, the gate says what it did not see.
    assert_eq!(s.call("POST", "/api/governance", None, Some(r#"{"profile": "permissive"}"#)).0, 200);
    let (_, _, g) =
        s.call("POST", "/gate", None, Some(&json!({"files": {"x.py": "x\n"}, "config_overrides": {"standards_packs": ["test-flood"]}}).to_string()));
    assert_eq!((g["passed"].as_bool(), &g["errored_packs_not_blocking"]), (Some(true), &json!(["test-flood"])), "{g}");
}

#[test]
fn idle_connections_are_capped_and_closed_and_health_stays_up() {
    let root = tempfile::tempdir().unwrap();
    let args = ["--host", "127.0.0.1", "--max-connections-per-client", "50", "--header-read-timeout", "1"];
    let s = Server::start_with(root.path(), &args, &[], 0);
    let addr = s.base.trim_start_matches("http://").to_string();
    let idle: Vec<TcpStream> = (0..2000).filter_map(|_| TcpStream::connect(&addr).ok()).collect();
    assert!(idle.len() > 1000, "the client could open {} sockets", idle.len());
    // Another client is served at once.
    let other =
        reqwest::blocking::Client::builder().local_address("127.0.0.2".parse::<std::net::IpAddr>().unwrap()).timeout(Duration::from_secs(5)).build().unwrap();
    let started = Instant::now();
    assert_eq!(other.get(format!("{}/health", s.base)).send().unwrap().status(), 200);
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    // The server holds at most the per-client cap of them, and closes those after the
    // header-read timeout.
    let fds = std::fs::read_dir(format!("/proc/{}/fd", s.pid())).map(|d| d.count()).unwrap_or(0);
    assert!(fds < 300, "the server holds {fds} descriptors");
    std::thread::sleep(Duration::from_millis(2500));
    let mut closed = 0;
    for mut c in idle.into_iter().take(100) {
        c.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
        if matches!(c.read(&mut [0u8; 1]), Ok(0)) {
            closed += 1;
        }
    }
    assert_eq!(closed, 100, "every idle connection was closed");
    assert_eq!(s.call("GET", "/health", None, None).0, 200);
}

#[test]
fn request_sizes_are_capped_before_any_work() {
    let root = tempfile::tempdir().unwrap();
    let s = Server::start(root.path());
    let globs: Vec<String> = (0..20_000).map(|i| format!("dir{i}/**")).collect();
    let started = Instant::now();
    let (status, _, v) = s.call("POST", "/scan", None, Some(&json!({"files": {"a.py": "x\n"}, "config_overrides": {"scan_exclude": globs}}).to_string()));
    assert_error(status, &v, 422, "validation_error");
    assert!(started.elapsed() < Duration::from_secs(2));
    let (status, _, v) = s.call("POST", "/api/approvals", None, Some(&json!({"action_type": "deploy", "title": "t".repeat(100_000)}).to_string()));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) =
        s.call("POST", "/api/approvals", None, Some(&json!({"action_type": "deploy", "title": "t", "context": {"blob": "x".repeat(100_000)}}).to_string()));
    assert_error(status, &v, 422, "validation_error");
}

#[test]
fn readiness_tells_when_the_server_cannot_take_work() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/a.py", "x = 1\n");
    write(root.path(), ".sentra/config.yaml", "pack_limits: {timeout_ms: 2000}\n");
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--max-concurrent-scans", "1"], &[], 0);
    let (status, _, v) = s.call("GET", "/health/ready", None, None);
    assert_eq!((status, v["ready"].as_bool()), (200, Some(true)), "{v}");
    let (_, _, h) = s.call("GET", "/health", None, None);
    let packs = h["packs_loaded"].as_u64().unwrap();
    assert!(packs > 20, "{h}");
    assert_eq!(import_wasm(&s, "test-loop"), 201);
    let base = s.base.clone();
    let busy = std::thread::spawn(move || {
        let body = json!({"repo_path": "repo", "config_overrides": {"standards_packs": ["test-loop"]}}).to_string();
        reqwest::blocking::Client::new().post(format!("{base}/scan")).header("content-type", "application/json").body(body).send().unwrap().status().as_u16()
    });
    std::thread::sleep(Duration::from_millis(700));
    let (status, _, v) = s.call("GET", "/health/ready", None, None);
    assert_eq!((status, v["scan_slot_free"].as_bool()), (503, Some(false)), "{v}");
    assert_eq!(s.call("GET", "/health", None, None).0, 200, "liveness is not readiness");
    assert_eq!(busy.join().unwrap(), 200);
    assert_eq!(s.call("GET", "/health/ready", None, None).0, 200);
    // A reload keeps the count right.
    assert_eq!(s.call("POST", "/api/operator/config", None, Some(r#"{"updates": {"max_file_bytes": 500000}}"#)).0, 200);
    assert_eq!(s.call("GET", "/health", None, None).2["packs_loaded"].as_u64(), Some(packs));
}

#[test]
fn a_packs_logging_is_cut_at_its_budget_per_scan() {
    let root = tempfile::tempdir().unwrap();
    // Three files of 600 lines each: 1,800 lines asked for, 1,000 written.
    for i in 0..3 {
        write(root.path(), &format!("calm-{i}.txt"), "LOUD\n");
    }
    let out = sentra(&["scan", ".", "--pack-file", &test_pack("test-flood"), "--format", "json"], root.path(), &[("SENTRA_LOG", "warn")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let written = stderr.lines().filter(|l| l.contains("flood log line")).count();
    assert_eq!(written, sentra_runtime::DEFAULT_MAX_LOG_LINES_PER_SCAN, "lines written past the budget");
    assert!(
        stderr.contains("dropped=800") && stderr.contains("the rest were dropped"),
        "the drop is not reported: {}",
        &stderr[stderr.len().saturating_sub(600)..]
    );
}

#[test]
fn a_scan_stream_nobody_reads_is_closed_after_the_write_stall_timeout() {
    let root = tempfile::tempdir().unwrap();
    // 20 flooded files: a result of about 20,000 findings, far more than the socket buffers
    // between server and client hold.
    for i in 0..20 {
        write(root.path(), &format!("repo/f{i}.py"), "x = 1\n");
    }
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--write-stall-timeout", "1"], &[], 0);
    assert_eq!(import_wasm(&s, "test-flood"), 201);
    let fds = || std::fs::read_dir(format!("/proc/{}/fd", s.pid())).map(|d| d.count()).unwrap_or(0);
    let before = fds();
    let addr = s.base.trim_start_matches("http://").to_string();
    let body = json!({"repo_path": "repo", "config_overrides": {"standards_packs": ["test-flood"]}}).to_string();
    let request = format!("POST /api/run-scan-stream HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len());
    let stalled: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut c = TcpStream::connect(&addr).unwrap();
            std::io::Write::write_all(&mut c, request.as_bytes()).unwrap();
            c
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    while fds() < before + 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(fds() >= before + 2, "the server never took the streams");
    // The scans finish, their results stall on clients that read nothing, and the server
    // lets go of both connections (and the results they held).
    let deadline = Instant::now() + Duration::from_secs(60);
    while fds() > before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(fds() <= before, "the server still holds {} descriptors, {before} before the streams", fds());
    assert_eq!(s.call("GET", "/health", None, None).0, 200);
    drop(stalled);
}

#[test]
fn a_scan_result_holds_at_most_its_documented_number_of_findings() {
    let root = tempfile::tempdir().unwrap();
    // 60 flooded files keep 1,000 findings each: 60,000, past the result's 50,000.
    for i in 0..60 {
        write(root.path(), &format!("f{i}.py"), "MARKER\n");
    }
    let flood = test_pack("test-flood");
    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().to_str().unwrap();
    let out =
        sentra(&["scan", ".", "--pack-file", &flood, "--pack", "test-flood", "--format", "json", "--no-cache", "--state-dir", state_dir], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 50_000, "the result is capped");
    assert_eq!(v["by_severity"]["high"], 60, "the most severe findings are the ones kept");
    let errored = v["errored_packs"].to_string();
    assert!(errored.contains("findings dropped: a scan result holds at most 50000"), "the cut is reported: {errored}");

    // The recorded result is read a page at a time: one finding of 50,000, counted whole.
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--state-dir", state_dir], &[], 0);
    let (status, _, page) = s.call("GET", "/api/findings?limit=1&severity=high", None, None);
    assert_eq!(status, 200, "{page}");
    assert_eq!((page["total"].as_u64(), page["findings"].as_array().map(Vec::len)), (Some(60), Some(1)), "{page}");
    let (_, _, page) = s.call("GET", "/api/findings?limit=2&offset=49999", None, None);
    assert_eq!((page["total"].as_u64(), page["by_severity"]["low"].as_u64(), page["findings"].as_array().map(Vec::len)), (Some(50_000), Some(49_940), Some(1)));
    let (_, _, metrics) = s.call("GET", "/api/metrics", None, None);
    assert_eq!(metrics["top_files"].as_array().map(Vec::len), Some(20), "{metrics}");
    assert_eq!(metrics["top_files"][0]["findings"].as_u64(), Some(1_000), "{metrics}");
}
