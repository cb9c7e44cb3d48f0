//! The compliance packs: rule floors with at least a third code checks, every code check
//! with a firing and a quiet fixture line, every obligation applicable in its pack's
//! fixture project and not applicable in an unrelated one, and the compliance report
//! (CLI and API) showing passing, failing and open clauses with evidence.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::server::{Server, assert_error};
use super::{json, repo_root, sentra, stderr, stdout, write};

/// Each compliance pack and the least number of rules it must have.
pub(crate) const COMPLIANCE_PACKS: &[(&str, usize)] = &[
    ("soc2", 25),
    ("hipaa", 20),
    ("pci-dss", 25),
    ("iso-27001", 25),
    ("gdpr", 20),
    ("nist-800-53", 20),
    ("cmmc", 15),
    ("nist-ai-rmf", 15),
    ("eu-ai-act", 20),
    ("fda-iec-62304", 25),
    ("fda-21cfr11", 15),
    ("iec-81001-5-1", 15),
    ("iso-14971", 10),
    ("iso-26262", 15),
    ("do-178c", 15),
];

fn rules(id: &str) -> Vec<Value> {
    let out = sentra(&["list-rules", "--pack", id, "--format", "json"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)["rules"].as_array().unwrap().clone()
}

fn is_obligation(r: &Value) -> bool {
    r["kind"] == "documentation_obligation"
}

fn scan(dir: &Path, pack: &str) -> Value {
    let out = sentra(&["scan", ".", "--pack", pack, "--format", "json"], dir, &[]);
    assert_eq!(out.status.code(), Some(0), "{pack}: {}", stderr(&out));
    json(&out)
}

#[test]
fn every_compliance_pack_has_its_floor_fixtures_and_applicable_obligations() {
    let unrelated = tempfile::tempdir().unwrap();
    write(unrelated.path(), "notes.txt", "Meeting notes.\n");
    for (id, min) in COMPLIANCE_PACKS {
        let rules = rules(id);
        let (obligations, checks): (Vec<&Value>, Vec<&Value>) = rules.iter().partition(|r| is_obligation(r));
        // Checks include other packs' rules the pack cites (`evidence_from`), written once
        // in `security-controls` or `secrets` instead of copied into each framework.
        let cited = std::fs::read_to_string(repo_root().join("packs").join(id).join("pack.yaml")).unwrap().matches("\n  - pack: ").count();
        assert!(rules.len() + cited >= *min, "{id}: {} rules and {cited} cited, at least {min} wanted", rules.len());
        assert!((checks.len() + cited) * 3 >= rules.len() + cited, "{id}: {} code checks and {cited} cited of {} rules", checks.len(), rules.len());
        for r in &rules {
            for field in ["standard", "clause", "severity", "remediation"] {
                assert!(r[field].as_str().is_some_and(|s| !s.is_empty()), "{id}/{}: no {field}", r["id"]);
            }
            assert!(r["references"].as_array().is_some_and(|a| !a.is_empty()), "{id}/{}: no references", r["id"]);
        }
        for r in &checks {
            assert!(r["cwe"].as_array().is_some_and(|a| !a.is_empty()), "{id}/{}: no cwe", r["id"]);
        }
        // Code checks: the pack's own fixtures, a hit and a near miss per rule.
        let out = sentra(&["pack", "test", &format!("packs/{id}")], &repo_root(), &[]);
        assert_eq!(out.status.code(), Some(0), "{id}:\n{}{}", stdout(&out), stderr(&out));
        assert!(stdout(&out).contains(&format!("{n} of {n} rules passed", n = checks.len())), "{id}: {}", stdout(&out));
        let fixtures = repo_root().join("packs").join(id).join("tests");
        let text = all_text(&fixtures);
        for r in &checks {
            let rid = r["id"].as_str().unwrap();
            assert!(
                text.contains(&format!("ruleid: {rid}")) && text.contains(&format!("ok: {rid}")),
                "{id}/{rid}: needs a `ruleid:` and an `ok:` fixture line"
            );
        }
        // Obligations hold in the fixture project and not in an unrelated one.
        let v = scan(&fixtures, id);
        let open: BTreeSet<&str> =
            v["findings"].as_array().unwrap().iter().filter(|f| f["is_obligation"] == true).map(|f| f["rule_id"].as_str().unwrap()).collect();
        let na = |v: &Value| -> BTreeSet<String> { v["not_applicable_rules"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_string()).collect() };
        let quiet = scan(unrelated.path(), id);
        let quiet_na = na(&quiet);
        for r in &obligations {
            let rid = r["id"].as_str().unwrap();
            assert!(r["applies_when"].is_object(), "{id}/{rid}: an obligation needs applies_when");
            assert!(open.contains(rid), "{id}/{rid}: not applicable in its fixture project");
            assert!(quiet_na.contains(&format!("{id}/{rid}")), "{id}/{rid}: applies to an unrelated project");
        }
        assert_eq!(quiet["total"], 0, "{id}: {}", quiet["findings"]);
    }
}

fn all_text(dir: &Path) -> String {
    let mut out = String::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.push_str(&all_text(&p));
        } else {
            out.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
        }
    }
    out
}

/// For every pack, the report of the shared fixture project has failing and open clauses
/// and passing checks; obligations never fail the gate.
#[test]
fn compliance_reports_show_passing_failing_and_open_clauses() {
    let project = repo_root().join("tests/fixtures/compliance/project");
    for (id, _) in COMPLIANCE_PACKS {
        let out = sentra(&["compliance-report", ".", "--pack", id, "--format", "json"], &project, &[]);
        assert_eq!(out.status.code(), Some(1), "{id}: a failing clause fails the command: {}", stderr(&out));
        let v = json(&out);
        let s = &v["summary"];
        for k in ["failing", "open"] {
            assert!(s[k].as_u64().unwrap() >= 1, "{id}: no {k} clause: {s}");
        }
        // A passing check; its clause may still be open (an obligation shares it) or not
        // assessed (another check read nothing).
        let rules = || v["clauses"].as_array().unwrap().iter().flat_map(|c| c["rules"].as_array().unwrap());
        assert!(rules().any(|r| r["status"] == "passing" && r["files_assessed"].as_u64().unwrap() >= 1), "{id}: no passing check: {s}");
        assert_eq!(s["clauses"].as_u64().unwrap(), v["clauses"].as_array().unwrap().len() as u64);
        let failing = v["clauses"].as_array().unwrap().iter().find(|c| c["status"] == "failing").unwrap();
        assert!(failing["rules"].as_array().unwrap().iter().any(|r| r["status"] == "failing" && r["findings"].as_u64().unwrap() >= 1), "{failing}");
    }
    // Evidence: the CI workflow that runs the tests satisfies SOC 2 CC8.1's check.
    let out = sentra(&["compliance-report", ".", "--pack", "soc2", "--format", "json"], &project, &[]);
    let v = json(&out);
    let cc81 = v["clauses"].as_array().unwrap().iter().find(|c| c["clause"] == "CC8.1").unwrap();
    let ci = cc81["rules"].as_array().unwrap().iter().find(|r| r["id"] == "security-controls:CTRL-CI-RUNS-TESTS").unwrap();
    assert_eq!(
        (ci["status"].as_str(), ci["evidence"].clone()),
        (Some("passing"), serde_json::json!([{"file": ".github/workflows/ci.yml", "line": 7}])),
        "{ci}"
    );
    let html = sentra(&["compliance-report", ".", "--pack", "hipaa", "--exit-zero"], &project, &[]);
    assert_eq!(html.status.code(), Some(0), "{}", stderr(&html));
    let page = stdout(&html);
    assert!(page.starts_with("<!doctype html>") && page.contains("164.312(b)") && page.contains("failing") && page.contains("obligation open"), "{page}");
    // Obligations are reported, never blocking: the gate fails on the code findings only.
    let out = sentra(&["gate", ".", "--pack", "hipaa", "--format", "json"], &project, &[]);
    let v = json(&out);
    let findings = v["scan"]["findings"].as_array().unwrap();
    let (obligations, code) = (findings.iter().filter(|f| f["is_obligation"] == true).count(), findings.iter().filter(|f| f["is_obligation"] == false).count());
    assert!(obligations >= 1, "{}", v["scan"]);
    assert_eq!(v["gate"]["total_findings"].as_u64(), Some(code as u64), "{}", v["gate"]);
    let out = sentra(&["compliance-report", ".", "--pack", "no-such-pack"], &project, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
}

#[test]
fn the_compliance_endpoint_answers_json_and_html() {
    let root = tempfile::tempdir().unwrap();
    super::copy_dir(&repo_root().join("tests/fixtures/compliance/project"), &root.path().join("proj"));
    let s = Server::start(root.path());
    let (status, _, v) = s.call("GET", "/api/compliance/pci-dss?repo_path=proj", None, None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["pack_id"], "pci-dss");
    assert!(v["summary"]["failing"].as_u64().unwrap() >= 1 && v["summary"]["open"].as_u64().unwrap() >= 1, "{}", v["summary"]);
    let r = s.client.get(format!("{}/api/compliance/pci-dss?repo_path=proj&format=html", s.base)).send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(r.text().unwrap().contains("3.5.1"));
    let (status, _, v) = s.call("GET", "/api/compliance/nope", None, None);
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("GET", "/api/compliance/soc2?format=pdf", None, None);
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("GET", "/api/compliance/soc2?repo_path=../..", None, None);
    assert_error(status, &v, 400, "path_outside_root");
}
