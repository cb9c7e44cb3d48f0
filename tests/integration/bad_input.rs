//! The bad-input inventory: every input surface (each documented operation's body, query
//! and path; CLI flags; the config file; pack YAML; Wasm uploads; inline files) fed
//! malformed, oversized, wrongly typed, wrongly encoded and traversal input. Each must be
//! answered with a clear error (the one JSON shape over HTTP, exit 2 and a message naming
//! the input on the command line) and leave the stored state exactly as it was.

use std::path::Path;

use serde_json::{Value, json};

use super::server::{Server, assert_error};
use super::{sentra, stderr, write};

const MAX_BODY: usize = 64 << 10;

/// Everything a client can read back that a write could have changed.
fn snapshot(s: &Server) -> Value {
    let mut out = serde_json::Map::new();
    for path in [
        "/api/packs",
        "/api/suppressions",
        "/api/config",
        "/api/governance",
        "/api/approvals?status=all",
        "/api/work-items",
        "/api/trends",
        "/api/audit?limit=1000",
    ] {
        let (status, _, mut v) = s.call("GET", path, None, None);
        assert_eq!(status, 200, "{path}: {v}");
        // Reads are not audited, but the rate of time is: drop what moves by itself.
        if let Some(m) = v.as_object_mut() {
            m.remove("generated_at");
        }
        out.insert(path.into(), v);
    }
    Value::Object(out)
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(doc, &doc["components"]["schemas"][r.rsplit('/').next().unwrap()]),
        None => schema,
    }
}

fn types(doc: &Value, schema: &Value) -> Vec<String> {
    let schema = resolve(doc, schema);
    if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
        return alts.iter().flat_map(|a| types(doc, a)).collect();
    }
    match &schema["type"] {
        Value::String(t) => vec![t.clone()],
        Value::Array(ts) => ts.iter().filter_map(|t| t.as_str().map(String::from)).collect(),
        _ if schema.get("properties").is_some() => vec!["object".into()],
        _ => Vec::new(),
    }
}

/// A value of a type the property does not take.
fn wrong_value(doc: &Value, schema: &Value) -> Option<Value> {
    let ts = types(doc, schema);
    if ts.is_empty() {
        return None; // any value is allowed
    }
    [json!(true), json!(7.5), json!("text"), json!([[1]]), json!({"unexpected": 1})].into_iter().find(|v| {
        let t = match v {
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            _ => "object",
        };
        !ts.iter().any(|x| x == t || (t == "number" && x == "integer"))
    })
}

#[test]
fn every_operation_refuses_bad_bodies_queries_and_paths_without_changing_anything() {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(super::repo_root().join("schemas/openapi.json")).unwrap()).unwrap();
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "repo/app.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let max_body = MAX_BODY.to_string();
    let s = Server::start_with(
        root.path(),
        &["--host", "127.0.0.1", "--rate-limit", "0", "--max-body-bytes", &max_body, "--max-upload-bytes", &max_body, "--max-inline-files", "10"],
        &[],
        0,
    );
    // Some state to protect: a pack, a suppression, an approval, a recorded scan.
    for (method, path, body) in [
        ("POST", "/api/packs", json!({"pack_id": "team", "name": "Team", "rules": []})),
        ("POST", "/api/suppressions", json!({"rule_id": "SEC-*", "reason": "kept"})),
        ("POST", "/api/approvals", json!({"action_type": "deploy", "title": "kept"})),
        ("POST", "/scan", json!({"repo_path": "repo"})),
    ] {
        let (status, _, v) = s.call(method, path, None, Some(&body.to_string()));
        assert!((200..300).contains(&status), "{method} {path}: {v}");
    }
    let before = snapshot(&s);
    let send = |method: &str, path: &str, content_type: &str, body: Vec<u8>| {
        let r = s.client.request(method.parse().unwrap(), format!("{}{path}", s.base)).header("content-type", content_type).body(body).send().unwrap();
        let (status, ct) = (r.status().as_u16(), r.headers().get("content-type").map(|h| h.to_str().unwrap().to_string()).unwrap_or_default());
        let text = r.text().unwrap_or_default();
        (status, ct, serde_json::from_str::<Value>(&text).unwrap_or(Value::Null), text)
    };
    let check = |what: &str, status: u16, ct: &str, v: &Value, text: &str, allowed: &[u16]| {
        let text: String = text.chars().take(600).collect();
        assert!(allowed.contains(&status), "{what}: {status} (expected one of {allowed:?}): {text}");
        assert!(ct.starts_with("application/json"), "{what}: answered {ct}: {text}");
        assert!(v["code"].as_str().is_some_and(|c| !c.is_empty()) && v["detail"].as_str().is_some_and(|d| d.len() > 3), "{what}: not the error shape: {text}");
    };

    let mut cases = 0;
    for (template, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let method = method.to_uppercase();
            // Real ids, so that the bad part is the only thing wrong.
            let path: String = template.replace("{pack_id}", "owasp-top-10").replace("{id}", if template.contains("approvals") { "1" } else { "team" });
            let path = if template == "/api/suppressions/{id}" { "/api/suppressions/no-such".to_string() } else { path };
            if let Some(schema) = op.pointer("/requestBody/content/application~1json/schema") {
                let what = format!("{method} {template}");
                // Malformed JSON, wrongly encoded text, and a body over the limit.
                for (kind, body) in [
                    ("malformed", b"{\"a\": ".to_vec()),
                    ("not UTF-8", b"{\"a\": \"\xff\xfe\"}".to_vec()),
                    ("an array", b"[1, 2]".to_vec()),
                    ("oversized", format!("{{\"pad\": \"{}\"}}", "x".repeat(MAX_BODY)).into_bytes()),
                ] {
                    let (status, ct, v, text) = send(&method, &path, "application/json", body);
                    let allowed: &[u16] = if kind == "oversized" { &[413] } else { &[400, 422] };
                    check(&format!("{what} with a {kind} body"), status, &ct, &v, &text, allowed);
                    cases += 1;
                }
                // Each property with a value of the wrong type: 422 naming the property.
                let schema = resolve(&doc, schema);
                let schema = schema
                    .get("oneOf")
                    .and_then(|a| a.as_array())
                    .and_then(|a| a.iter().find(|x| x.get("$ref").is_some()))
                    .map(|x| resolve(&doc, x))
                    .unwrap_or(schema);
                for (prop, prop_schema) in schema["properties"].as_object().into_iter().flatten() {
                    let Some(wrong) = wrong_value(&doc, prop_schema) else { continue };
                    let body = json!({prop: wrong}).to_string();
                    let (status, ct, v, text) = send(&method, &path, "application/json", body.into_bytes());
                    check(&format!("{what} with {prop} = {wrong}"), status, &ct, &v, &text, &[400, 422]);
                    if status == 422 {
                        let locs = v["errors"].to_string();
                        // Free-form (JSON value) fields are checked after the required ones.
                        let named = locs.contains(&format!("\"{prop}\"")) || v["detail"].as_str().unwrap().contains(prop.as_str());
                        assert!(named || text.contains("missing field"), "{what}: the error does not name `{prop}`: {text}");
                    }
                    cases += 1;
                }
            }
            // Query parameters: wrong types, and values far over any sensible length.
            for p in op["parameters"].as_array().into_iter().flatten().filter(|p| p["in"] == "query") {
                let name = p["name"].as_str().unwrap();
                let ts = types(&doc, &p["schema"]);
                let mut bad = vec![("oversized", "z".repeat(8 << 10))];
                if ts.iter().any(|t| t == "integer" || t == "boolean") {
                    bad.push(("wrongly typed", "not-a-number".to_string()));
                }
                if p["schema"].get("enum").is_some() || p["schema"].get("pattern").is_some() {
                    bad.push(("outside its set", "../../etc/passwd".to_string()));
                }
                for (kind, value) in bad {
                    let q = format!("{path}?{name}={value}");
                    let body = op.get("requestBody").map(|_| b"{}".to_vec()).unwrap_or_default();
                    let (status, ct, v, text) = send(&method, &q, "application/json", body);
                    check(&format!("{method} {template} with an {kind} `{name}`"), status, &ct, &v, &text, &[400, 422]);
                    if kind == "oversized" {
                        // DEFAULT_MAX_QUERY_BYTES trips before any handler reads the query.
                        assert_eq!(v["code"], "query_too_long", "{method} {template}: {text}");
                    }
                    cases += 1;
                }
            }
            // Path parameters: traversal and encoded separators never reach a file.
            if template.contains('{') {
                for bad in ["..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a%00b", &"x".repeat(300)] {
                    let p = template.split('/').map(|seg| if seg.starts_with('{') { bad } else { seg }).collect::<Vec<_>>().join("/");
                    let body = op.get("requestBody").map(|_| b"{}".to_vec()).unwrap_or_default();
                    let (status, ct, v, text) = send(&method, &p, "application/json", body);
                    check(&format!("{method} {p}"), status, &ct, &v, &text, &[400, 404, 422]);
                    cases += 1;
                }
            }
        }
    }

    // Scan targets: traversal out of the root, absolute paths, inline files that would
    // escape, too many inline files, a file over the size limit.
    for (body, want) in [
        (json!({"repo_path": "../"}), 400),
        (json!({"repo_path": outside.path()}), 400),
        (json!({"repo_path": "repo/../../"}), 400),
        (json!({"files": {"../escape.py": "x"}}), 422),
        (json!({"files": {"/etc/passwd": "x"}}), 422),
        (json!({"files": {"C:\\\\x.py": "x"}}), 422),
        (json!({"files": {"a\u{0}b.py": "x"}}), 422),
        (json!({"files": (0..11).map(|i| (format!("f{i}.py"), json!("x"))).collect::<serde_json::Map<_, _>>()}), 413),
        (json!({"changed_files": ["../../etc/passwd"]}), 422),
        (json!({"config_overrides": {"scan_exclude": ["[unclosed"]}}), 422),
        (json!({"config_overrides": {"max_file_bytes": 0}}), 422),
        (json!({"config_overrides": {"pack_overrides": {"no-such-pack": {}}}}), 422),
    ] {
        for endpoint in ["/scan", "/gate", "/report", "/api/run-scan-stream"] {
            let (status, ct, v, text) = send("POST", endpoint, "application/json", body.to_string().into_bytes());
            check(&format!("POST {endpoint} {body}"), status, &ct, &v, &text, &[want]);
            cases += 1;
        }
    }
    // Uploads: a truncated component, bytes that are no component, and an oversized one.
    let component = std::fs::read(super::test_pack("test-basic")).unwrap();
    for (kind, bytes, want) in [
        ("truncated", component[..(component.len() / 2).min(MAX_BODY / 2)].to_vec(), 400),
        ("random", (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 7) as u8).collect(), 400),
        ("empty", Vec::new(), 400),
        ("oversized", vec![0u8; MAX_BODY + 1], 413),
    ] {
        let (status, ct, v, text) = send("POST", "/api/packs/import", "application/wasm", bytes);
        check(&format!("a {kind} Wasm upload"), status, &ct, &v, &text, &[want]);
        cases += 1;
    }
    for (kind, body) in [
        ("YAML that does not parse", json!({"pack_yaml": "pack_id: [unclosed"})),
        ("YAML of the wrong shape", json!({"pack_yaml": "- just\n- a list\n"})),
        ("a traversal id", json!({"pack_yaml": "pack_id: ../../etc\nname: x\nrules: []\n"})),
        ("a bad regex", json!({"pack_yaml": "pack_id: bad\nname: x\nrules:\n  - {id: B-1, name: b, type: regex, severity: low, pattern: '(unclosed'}\n"})),
        ("a traversal pack_id", json!({"pack_id": "../x", "pack_yaml": "name: x\nrules: []\n"})),
    ] {
        let (status, ct, v, text) = send("POST", "/api/packs/import", "application/json", body.to_string().into_bytes());
        check(&format!("a pack with {kind}"), status, &ct, &v, &text, &[400, 422]);
        cases += 1;
    }
    let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(""));
    assert_error(status, &v, 422, "validation_error");

    assert!(cases >= 200, "only {cases} bad inputs sent");
    let after = snapshot(&s);
    for (path, was) in before.as_object().unwrap() {
        assert_eq!(&after[path], was, "{path} changed after {cases} refused requests");
    }
    assert_eq!(s.call("GET", "/health", None, None).0, 200);
}

/// `sentra` on the command line: bad flags, config files and packs exit 2 with a message
/// that names what was wrong, and write nothing.
#[test]
fn the_cli_refuses_bad_flags_config_and_packs_with_exit_2_and_a_named_error() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    write(r, "repo/app.py", "x = 1\n");
    write(r, "bad/malformed.yaml", "standards_packs: [secrets\n");
    write(r, "bad/wrong-type.yaml", "max_file_bytes: lots\n");
    write(r, "bad/unknown-key.yaml", "standard_packs: [secrets]\n");
    write(r, "bad/bad-glob.yaml", "scan_exclude: ['[unclosed']\n");
    write(r, "bad/out-of-range.yaml", "max_file_bytes: 0\n");
    write(r, "bad/unknown-pack.yaml", "standards_packs: [no-such-pack]\n");
    std::fs::write(r.join("bad/not-utf8.yaml"), b"standards_packs: [\xff\xfe]\n").unwrap();
    write(r, "bad/huge.yaml", &format!("scan_exclude:\n{}", "  - 'x/**'\n".repeat(200_000)));
    write(r, "packs/bad-regex.yaml", "pack_id: bad-regex\nname: x\nrules:\n  - {id: B-1, name: b, type: regex, severity: low, pattern: '(unclosed'}\n");
    write(
        r,
        "packs/dup.yaml",
        "pack_id: dup\nname: x\nrules:\n  - {id: D-1, name: a, type: regex, severity: low, pattern: a}\n  - {id: D-1, name: b, type: regex, severity: low, pattern: b}\n",
    );
    write(r, "packs/traversal.yaml", "pack_id: ../../etc\nname: x\nrules: []\n");
    std::fs::write(r.join("packs/random.wasm"), (0..512u32).map(|i| (i * 7919) as u8).collect::<Vec<u8>>()).unwrap();
    let before = tree(r);

    let config = |name: &str| r.join("bad").join(name).display().to_string();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["scan".into(), "repo".into(), "--format".into(), "pdf".into()], "pdf"),
        (vec!["scan".into(), "repo".into(), "--fail-on".into(), "severe".into()], "severe"),
        (vec!["scan".into(), "no-such-dir".into()], "no-such-dir"),
        (vec!["scan".into(), "repo".into(), "--pack".into(), "no-such-pack".into()], "no-such-pack"),
        (vec!["scan".into(), "repo".into(), "--pack".into(), "../../etc/passwd".into()], "../../etc/passwd"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("missing.yaml")], "missing.yaml"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("malformed.yaml")], "malformed.yaml"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("wrong-type.yaml")], "max_file_bytes"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("unknown-key.yaml")], "standard_packs"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("bad-glob.yaml")], "scan_exclude"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("out-of-range.yaml")], "max_file_bytes"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("unknown-pack.yaml")], "no-such-pack"),
        (vec!["scan".into(), "repo".into(), "--config".into(), config("not-utf8.yaml")], "not-utf8.yaml"),
        (vec!["gate".into(), "repo".into(), "--config".into(), config("huge.yaml"), "--max-file-bytes".into(), "-5".into()], "max-file-bytes"),
        (vec!["scan".into(), "repo".into(), "--pack-file".into(), "packs/bad-regex.yaml".into()], "B-1"),
        (vec!["scan".into(), "repo".into(), "--pack-file".into(), "packs/dup.yaml".into()], "D-1"),
        (vec!["scan".into(), "repo".into(), "--pack-file".into(), "packs/traversal.yaml".into()], "../../etc"),
        (vec!["scan".into(), "repo".into(), "--pack-file".into(), "packs/random.wasm".into()], "random.wasm"),
        (vec!["pack".into(), "import".into(), "packs/bad-regex.yaml".into()], "B-1"),
        (vec!["pack".into(), "import".into(), "packs/traversal.yaml".into()], "../../etc"),
        (vec!["report".into(), "--input".into(), "repo/app.py".into(), "--format".into(), "html".into()], "app.py"),
    ];
    for (args, needle) in &cases {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = sentra(&argv, r, &[]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "sentra {}: {err}", args.join(" "));
        assert!(err.contains(needle), "sentra {}: the message does not name `{needle}`: {err}", args.join(" "));
        assert!(err.len() < 8 << 10, "sentra {}: a {} byte message", args.join(" "), err.len());
    }
    assert_eq!(tree(r), before, "a refused command wrote something");
}

/// Every file under `dir` with its size: what a refused command must not change.
fn tree(dir: &Path) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.strip_prefix(dir).unwrap().display().to_string(), e.metadata().unwrap().len()));
            }
        }
    }
    out.sort();
    out
}
