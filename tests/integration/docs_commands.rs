//! The pack author's guide (`docs/authoring-packs.md`) as a test: it names every key and
//! rule type of the pack schema, and its shell commands run as written in a pack project
//! (with `sentra` on the `PATH`, `$KEY` set and a test server for `localhost:8000`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::server::{Server, key};
use super::{repo_root, write};

fn guide() -> String {
    std::fs::read_to_string(repo_root().join("docs/authoring-packs.md")).unwrap()
}

/// Every string the guide must name: the pack's keys, every rule key, rule type and the
/// values of the small enums (checks, fixes, conditions), read from the committed schema.
fn schema_words() -> Vec<String> {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(repo_root().join("schemas/pack.schema.json")).unwrap()).unwrap();
    let defs = &schema["$defs"];
    let keys = |v: &Value| v["properties"].as_object().map(|p| p.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
    let values = |v: &Value| -> Vec<String> {
        let mut out: Vec<String> = v["enum"].as_array().into_iter().flatten().filter_map(|e| e.as_str().map(str::to_string)).collect();
        for alt in v["oneOf"].as_array().into_iter().flatten() {
            out.extend(alt["enum"].as_array().into_iter().flatten().filter_map(|e| e.as_str().map(str::to_string)));
            out.extend(alt["const"].as_str().map(str::to_string));
        }
        out
    };
    let mut words = keys(&schema);
    for def in ["RuleFile", "Conditions", "EvidenceSource", "TraceSource", "ImportParams", "MaxFunctionsParams", "MaxLinesParams", "PatternParams"] {
        words.extend(keys(&defs[def]));
    }
    for def in ["RuleType", "AstCheck", "FileCheck", "AutofixKind", "UnknownCalls", "Category", "Severity"] {
        let v = values(&defs[def]);
        assert!(!v.is_empty(), "{def} has values");
        words.extend(v);
    }
    words.sort();
    words.dedup();
    words
}

#[test]
fn the_guide_names_every_key_and_rule_type_of_the_pack_schema() {
    let text = guide();
    let words = schema_words();
    assert!(words.len() > 60, "{words:?}");
    let missing: Vec<&String> = words.iter().filter(|w| !text.contains(&format!("`{w}`"))).collect();
    assert!(missing.is_empty(), "docs/authoring-packs.md does not name: {missing:?}");
}

/// Each command of the guide's `sh` blocks: continuation lines joined, comment lines left
/// out. Only `sentra` and `curl` commands (builds are exercised by the example tests).
fn commands(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut pending = String::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_block = line == "```sh";
            continue;
        }
        if !in_block || line.trim_start().starts_with('#') {
            continue;
        }
        let code = line.split("  #").next().unwrap_or(line).trim_end();
        if let Some(head) = code.strip_suffix('\\') {
            pending.push_str(head);
            continue;
        }
        pending.push_str(code);
        let command = std::mem::take(&mut pending).trim().to_string();
        if command.starts_with("sentra ") || command.starts_with("curl ") {
            out.push(command);
        }
    }
    out
}

const PACK: &str = "pack_id: team-rules
name: Team rules
version: 1.2.0
license: MIT
rules:
  - id: TR-MD5
    name: MD5 digest
    description: MD5 is broken for integrity.
    type: regex
    pattern: 'md5\\('
    file_glob: '**/*.py'
    severity: medium
    standard: Internal
    clause: '1'
    remediation_guidance: Use SHA-256.
    autofix: replace_match
    autofix_replacement: 'sha256('
";

#[test]
fn the_guides_commands_run_as_written() {
    let project = tempfile::tempdir().unwrap();
    let p = project.path();
    write(p, "pack.yaml", PACK);
    write(p, "tests/app.py", "# ruleid: TR-MD5\nh = md5(b\"x\")\n# ok: TR-MD5\nh = sha256(b\"x\")\n");
    let server_root = tempfile::tempdir().unwrap();
    let admin = key(&server_root.path().join(".sentra"), "admin", "default", "author");
    let s = Server::start(server_root.path());
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_sentra"));
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let all = commands(&guide());
    assert!(all.len() >= 10, "{all:?}");
    let mut ran = 0;
    for command in &all {
        if command.contains(".wasm") {
            // A component's commands: the example and scaffold tests build and run one.
            continue;
        }
        let command = command.replace("http://localhost:8000", &s.base);
        let out = run(p, &command, &path, &admin);
        let code = out.status.code();
        // A dry run of `sentra fix` exits 1 when there is something to fix.
        let ok = code == Some(0) || (command.starts_with("sentra fix") && !command.contains("--apply") && code == Some(1));
        assert!(ok, "`{command}` exited {code:?}:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        if command.starts_with("curl") {
            let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("`{command}`: {}", String::from_utf8_lossy(&out.stdout)));
            assert_eq!(v["pack_id"], "team-rules", "`{command}`: {v}");
        }
        ran += 1;
    }
    assert!(ran >= 9, "{ran} of {all:?}");
    assert!(p.join("team-rules-1.2.0.sentrapack").is_file() && p.join("author.key").is_file());
}

fn run(dir: &Path, command: &str, path: &str, key: &str) -> std::process::Output {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache");
    Command::new("bash").current_dir(dir).args(["-c", command]).env("PATH", path).env("KEY", key).env("GUARD_CACHE_DIR", cache).output().unwrap()
}
