//! `sentra pack test` beyond comment annotations: project-level findings expected in
//! `expected-findings.yaml`, and sidecar annotations for formats without comments (JSON);
//! each mismatch named by rule, file and line.

use serde_json::Value;

use super::{sentra, stderr, stdout, write};

const PACK: &str = "pack_id: team-json
name: Team JSON rules
version: 1.0.0
rules:
  - id: TJ-DEBUG
    name: Debug on in JSON config
    type: regex
    pattern: '\"debug\": *true'
    file_glob: '**/*.json'
    severity: medium
  - id: TJ-SECURITY-MD
    name: A security policy exists
    type: required_file
    file_glob: 'SECURITY.md'
    severity: low
  - id: TJ-IR-PLAN
    name: Incident response plan
    type: documentation_obligation
    severity: info
";

fn project(expected: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "pack.yaml", PACK);
    write(d, "tests/config.json", "{\n  \"debug\": true,\n  \"name\": \"x\"\n}\n");
    write(d, "tests/config.json.annotations.yaml", "- {line: 2, ruleid: TJ-DEBUG}\n- {line: 3, ok: TJ-DEBUG}\n");
    write(d, "tests/expected-findings.yaml", expected);
    dir
}

#[test]
fn project_level_findings_and_sidecar_annotations_are_checked() {
    // No SECURITY.md among the fixtures: the presence check fires; the obligation always does.
    let dir = project("project: [TJ-SECURITY-MD, TJ-IR-PLAN]\n");
    let d = dir.path().display().to_string();
    let out = sentra(&["pack", "test", &d], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("3 of 3 rules passed"), "{}", stdout(&out));

    // A project-level finding not expected, one expected but absent, and a sidecar line
    // that no longer fires: each named.
    let dir = project("project: [TJ-IR-PLAN]\n");
    write(dir.path(), "tests/SECURITY.md", "# Security\n");
    write(dir.path(), "tests/config.json.annotations.yaml", "- {line: 3, ruleid: TJ-DEBUG}\n");
    write(dir.path(), "tests/expected-findings.yaml", "project: [TJ-IR-PLAN, TJ-SECURITY-MD]\n");
    let d = dir.path().display().to_string();
    let out = sentra(&["pack", "test", &d, "--format", "json"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rules"]["TJ-SECURITY-MD"]["missing"], serde_json::json!(["<project>"]), "{v}");
    assert_eq!(v["rules"]["TJ-DEBUG"]["missing"], serde_json::json!(["config.json:3"]), "{v}");
    assert_eq!(v["rules"]["TJ-DEBUG"]["unexpected"], serde_json::json!(["config.json:2"]), "{v}");
    assert_eq!(v["rules"]["TJ-IR-PLAN"]["passed"], 1);
    let text = stdout(&sentra(&["pack", "test", &d], dir.path(), &[]));
    assert!(text.contains("FAIL  TJ-SECURITY-MD") && text.contains("<project>"), "{text}");

    // A malformed sidecar names itself.
    write(dir.path(), "tests/config.json.annotations.yaml", "- {line: 0, ruleid: TJ-DEBUG}\n");
    let out = sentra(&["pack", "test", &d], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("config.json.annotations.yaml") && stderr(&out).contains("counts from 1"), "{}", stderr(&out));
}
