//! Compliance reports an auditor can rely on (issue 25), over twin repositories that differ
//! in exactly what a framework cares about: a Python billing service with deliberate issues
//! and its fixed twin, the insecure service in Node.js and in Java, C pump firmware, and a
//! file of live-format keys.
//! A check that never read a file never passes; failures say where; anything that could
//! hide a result is named and keeps its rule at best `not_assessed`; the report says where
//! it came from; and the CLI's exit code follows the statuses.

use std::path::Path;

use serde_json::Value;
use sha2::Digest;

use super::compliance::COMPLIANCE_PACKS;
use super::server::Server;
use super::{json, repo_root, sentra, stderr, write};

const TWINS: [&str; 10] = [
    "billing-insecure",
    "billing-fixed",
    "billing-node",
    "billing-node-fixed",
    "billing-java",
    "billing-java-fixed",
    "pump-firmware",
    "pump-firmware-documented",
    "pump-firmware-fixed",
    "leaked-keys",
];

fn twin(name: &str) -> std::path::PathBuf {
    repo_root().join("tests/fixtures/compliance/twins").join(name)
}

fn report(dir: &Path, pack: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["compliance-report", ".", "--pack", pack, "--format", "json"];
    args.extend_from_slice(extra);
    let out = sentra(&args, dir, &[]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{pack}: {}", stderr(&out));
    (out.status.code(), json(&out))
}

fn clause<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["clauses"].as_array().unwrap().iter().find(|c| c["clause"] == id).unwrap_or_else(|| panic!("no clause {id}"))
}

fn rule<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["clauses"].as_array().unwrap().iter().flat_map(|c| c["rules"].as_array().unwrap()).find(|r| r["id"] == id).unwrap_or_else(|| panic!("no rule {id}"))
}

/// A check's status over a rule and its language variants: failing if one fails, not
/// assessed if something could hide a result (a note other than "no file in scope"),
/// passing if one passed, not applicable if none applies, open if one is open.
fn check_status(rules: &[&Value]) -> &'static str {
    let any = |s: &str| rules.iter().any(|r| r["status"] == s);
    let hidden = rules.iter().any(|r| r["status"] == "not_assessed" && !r["notes"][0].as_str().unwrap_or("").starts_with("no file in scope"));
    match () {
        _ if any("failing") => "failing",
        _ if hidden => "not_assessed",
        _ if any("passing") => "passing",
        _ if rules.iter().all(|r| r["status"] == "not_applicable") => "not_applicable",
        _ if any("open") => "open",
        _ => "not_assessed",
    }
}

/// What must hold of every report: a passing check read files, a failing one says where,
/// a not-assessed one says why, and a clause has its weakest check's status (a check being
/// a rule with its language variants).
fn assert_consistent(v: &Value, what: &str) {
    let order = ["failing", "not_assessed", "open", "passing", "not_applicable"];
    let rank = |s: &str| order.iter().position(|o| s == *o).unwrap_or_else(|| panic!("{what}: unknown status {s}"));
    for c in v["clauses"].as_array().unwrap() {
        let rules = c["rules"].as_array().unwrap();
        let mut checks: std::collections::BTreeMap<&str, Vec<&Value>> = std::collections::BTreeMap::new();
        for r in rules {
            checks.entry(r["variant_of"].as_str().unwrap_or_else(|| r["id"].as_str().unwrap())).or_default().push(r);
        }
        let weakest = checks.values().map(|m| rank(check_status(m))).min().unwrap();
        assert_eq!(rank(c["status"].as_str().unwrap()), weakest, "{what}: clause {} is not its weakest check's status", c["clause"]);
        for r in rules {
            match r["status"].as_str().unwrap() {
                "passing" if r["kind"] != "documentation_obligation" => {
                    assert!(r["files_assessed"].as_u64().unwrap() >= 1, "{what}: {} passes without reading a file", r["id"]);
                }
                "failing" => assert!(!r["locations"].as_array().unwrap().is_empty(), "{what}: {} fails with no location", r["id"]),
                "not_assessed" => assert!(!r["notes"].as_array().unwrap().is_empty(), "{what}: {} is not assessed with no reason", r["id"]),
                _ => {}
            }
        }
    }
    let p = &v["provenance"];
    assert_eq!(p["config_sha256"].as_str().unwrap().len(), 64, "{what}: {p}");
    assert!(p["packs"].as_array().unwrap().iter().all(|k| k["sha256"].as_str().unwrap().len() == 64), "{what}: {p}");
    assert!(!p["generated_at"].as_str().unwrap().is_empty() && !p["run_by"].as_str().unwrap().is_empty(), "{what}: {p}");
    assert_eq!(v["statuses"].as_array().unwrap().len(), 5, "{what}");
    assert!(v["limits"].as_str().unwrap().contains("not a certification"), "{what}");
}

#[test]
fn every_status_rests_on_evidence_in_every_pack_and_twin() {
    for name in TWINS {
        for (pack, _) in COMPLIANCE_PACKS {
            let (_, v) = report(&twin(name), pack, &[]);
            assert_consistent(&v, &format!("{pack} on {name}"));
        }
    }
}

#[test]
fn twins_get_the_statuses_an_auditor_would_expect() {
    // SOC 2 CC6.1 (credentials in code): its checks read Python.
    let (code, insecure) = report(&twin("billing-insecure"), "soc2", &[]);
    assert_eq!(code, Some(1), "a failing clause fails the command");
    let cc61 = clause(&insecure, "CC6.1");
    assert_eq!(cc61["status"], "failing");
    assert_eq!(rule(&insecure, "SOC2-HARDCODED-PASSWORD")["locations"], serde_json::json!([{"file": "app.py", "line": 4}]));
    for (clause_id, status) in [("CC7.1", "failing"), ("CC6.7", "failing"), ("CC7.2", "failing")] {
        assert_eq!(clause(&insecure, clause_id)["status"], status, "{clause_id} on the insecure twin");
    }
    let (code, fixed) = report(&twin("billing-fixed"), "soc2", &[]);
    assert_eq!(code, Some(0), "nothing fails on the fixed twin");
    for clause_id in ["CC6.1", "CC6.7", "CC7.2"] {
        assert_eq!(clause(&fixed, clause_id)["status"], "passing", "{clause_id} on the fixed twin");
    }
    assert!(rule(&fixed, "SOC2-HARDCODED-PASSWORD")["files_assessed"].as_u64().unwrap() >= 1);
    // The same insecure service in Node.js and Java: the password check reads every
    // language and fails where the Python one did (it used to pass, reading nothing); the
    // secrets pack, which SOC 2 cites for CC6.1, finds the same password; a check that
    // exists only for Python reads nothing and says so.
    for (name, file, line) in [("billing-node", "app.js", 5), ("billing-java", "src/main/java/billing/Billing.java", 9)] {
        let (_, v) = report(&twin(name), "soc2", &[]);
        assert_consistent(&v, name);
        let password = rule(&v, "SOC2-HARDCODED-PASSWORD");
        assert_eq!(
            (password["status"].as_str(), password["locations"].clone()),
            (Some("failing"), serde_json::json!([{"file": file, "line": line}])),
            "{name}"
        );
        assert_eq!(rule(&v, "secrets:SEC-*")["status"], "failing", "{name}");
        assert_eq!(clause(&v, "CC6.1")["status"], "failing", "{name}");
        // CC7.2: the Python rule of the swallowed-error check reads nothing and says so,
        // while its variant for the file's language read it; the audit-logging control,
        // which reads every language, finds none in code that handles patient data.
        assert_eq!(rule(&v, "SOC2-SWALLOW")["status"], "not_assessed", "{name}");
        assert!(rule(&v, "SOC2-SWALLOW")["notes"][0].as_str().unwrap().contains("**/*.py"), "{name}: the note names what the check reads");
        let variant = if name == "billing-node" { "SOC2-SWALLOW-JS" } else { "SOC2-SWALLOW-JAVA" };
        assert_eq!((rule(&v, variant)["status"].as_str(), rule(&v, variant)["variant_of"].as_str()), (Some("passing"), Some("SOC2-SWALLOW")), "{name}");
        assert_eq!(rule(&v, "security-controls:CTRL-AUDIT-LOGGING")["status"], "failing", "{name}");
        assert_eq!(clause(&v, "CC7.2")["status"], "failing", "{name}");
    }
    let (_, node) = report(&twin("billing-node"), "soc2", &[]);
    assert_eq!(rule(&node, "SOC2-TLS-OFF")["status"], "failing", "rejectUnauthorized: false");
    // C firmware with a hard-coded password and an unbounded strcpy: no code check of the
    // 62304 pack passes on it without reading it.
    let (_, fw) = report(&twin("pump-firmware"), "fda-iec-62304", &[]);
    let passing_unread: Vec<&Value> = fw["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["rules"].as_array().unwrap())
        .filter(|r| r["status"] == "passing" && r["kind"] != "documentation_obligation" && r["files_assessed"] == 0)
        .collect();
    assert!(passing_unread.is_empty(), "{passing_unread:?}");
}

#[test]
fn suppressions_overrides_and_skipped_files_are_shown_and_never_pass() {
    let dir = tempfile::tempdir().unwrap();
    super::copy_dir(&twin("billing-insecure"), dir.path());
    // An inline suppression hides the DEBUG finding; the config turns a rule off and sets
    // a file size limit a large module exceeds.
    let app =
        std::fs::read_to_string(dir.path().join("app.py")).unwrap().replace("DEBUG = True", "DEBUG = True  # sentra-ignore: SOC2-DEBUG-ON -- staging only");
    write(dir.path(), "app.py", &app);
    write(dir.path(), "generated_tables.py", &format!("TABLE = [\n{}]\n", "    1,\n".repeat(400)));
    write(dir.path(), ".sentra/config.yaml", "max_file_bytes: 2000\npack_overrides:\n  soc2:\n    SOC2-SWALLOW: {enabled: false}\n");
    let (_, v) = report(dir.path(), "soc2", &[]);
    assert_consistent(&v, "soc2 with suppressions");
    let debug = rule(&v, "SOC2-DEBUG-ON");
    assert_eq!(debug["status"], "not_assessed", "{debug}");
    assert!(debug["notes"].to_string().contains("1 finding(s) suppressed"), "{debug}");
    let swallow = rule(&v, "SOC2-SWALLOW");
    assert_eq!(swallow["status"], "not_assessed", "a disabled rule is not `not applicable`: {swallow}");
    assert!(swallow["notes"].to_string().contains("pack_overrides"), "{swallow}");
    let mfa = rule(&v, "SOC2-MFA-OFF");
    assert_eq!(mfa["status"], "not_assessed", "a file in scope was skipped: {mfa}");
    assert!(mfa["notes"].to_string().contains("larger than `max_file_bytes`"), "{mfa}");
    assert_eq!(v["provenance"]["scope"]["suppressed_findings"], 1);
    assert_eq!(v["provenance"]["scope"]["files_skipped"]["too_large"], 1);
}

#[test]
fn the_report_says_where_it_came_from_and_the_exit_code_follows_the_statuses() {
    let dir = tempfile::tempdir().unwrap();
    super::copy_dir(&twin("billing-fixed"), dir.path());
    let hash = "8f3c2a1b9d4e5f60718293a4b5c6d7e8f9a0b1c2";
    write(dir.path(), ".git/HEAD", "ref: refs/heads/release\n");
    write(dir.path(), ".git/refs/heads/release", &format!("{hash}\n"));
    let (code, v) = report(dir.path(), "soc2", &[]);
    assert_eq!(code, Some(0));
    let p = &v["provenance"];
    assert_eq!((p["commit"].as_str(), p["branch"].as_str()), (Some(hash), Some("release")), "{p}");
    assert!(p["packs"].as_array().unwrap().iter().any(|k| k["pack_id"] == "soc2"), "{p}");
    assert_eq!(p["scope"]["languages"]["python"], 1, "{p}");
    // Not assessed clauses (ISO 27001's Dockerfile and Terraform checks read nothing
    // here) pass the command, unless --strict.
    assert_eq!(v["summary"]["not_assessed"], 0, "{}", v["summary"]);
    assert_eq!(report(dir.path(), "soc2", &["--strict"]).0, Some(0));
    let (code, iso) = report(dir.path(), "iso-27001", &[]);
    assert!(code == Some(0) && iso["summary"]["not_assessed"].as_u64().unwrap() >= 1, "{}", iso["summary"]);
    assert_eq!(report(dir.path(), "iso-27001", &["--strict"]).0, Some(1));
    assert_eq!(report(&twin("billing-insecure"), "soc2", &["--exit-zero"]).0, Some(0));
    // The settings' digest changes with the settings.
    write(dir.path(), ".sentra/config.yaml", "scan_exclude: ['vendor/**']\n");
    let (_, changed) = report(dir.path(), "soc2", &[]);
    assert_ne!(changed["provenance"]["config_sha256"], p["config_sha256"]);
    let html = sentra(&["compliance-report", ".", "--pack", "soc2"], dir.path(), &[]);
    let page = String::from_utf8_lossy(&html.stdout);
    for said in [hash, "not assessed", "What the statuses mean", "not a certification"] {
        assert!(page.contains(said), "the page says {said}");
    }
    assert!(stderr(&html).contains("report sha256 "), "{}", stderr(&html));
}

#[test]
fn the_server_records_each_reports_digest_in_the_audit_chain() {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("billing")).unwrap();
    super::copy_dir(&twin("billing-insecure"), &root.path().join("billing"));
    let s = Server::start(root.path());
    for format in ["json", "html"] {
        let r = s.client.get(format!("{}/api/compliance/soc2?repo_path=billing&format={format}", s.base)).send().unwrap();
        assert_eq!(r.status().as_u16(), 200);
        let header = r.headers()["x-content-sha256"].to_str().unwrap().to_string();
        let body = r.bytes().unwrap();
        assert_eq!(header, hex::encode(sha2::Sha256::digest(&body)), "{format}: the header is the body's digest");
        let (_, _, audit) = s.call("GET", "/api/audit?action=compliance.report", None, None);
        let entry = &audit["entries"][0];
        assert_eq!((entry["details"]["sha256"].as_str(), entry["details"]["format"].as_str()), (Some(header.as_str()), Some(format)), "{audit}");
    }
    let (_, _, verify) = s.call("GET", "/api/audit/verify", None, None);
    assert_eq!(verify["valid"], true, "{verify}");
}

#[test]
fn an_obligation_attested_by_the_projects_own_document_passes_as_self_attested() {
    let dir = tempfile::tempdir().unwrap();
    super::copy_dir(&repo_root().join("tests/fixtures/compliance/project"), dir.path());
    let (_, before) = report(dir.path(), "soc2", &["--exit-zero"]);
    let open =
        before["clauses"].as_array().unwrap().iter().flat_map(|c| c["rules"].as_array().unwrap()).find(|r| r["status"] == "open").expect("an open obligation")
            ["id"]
            .as_str()
            .unwrap()
            .to_string();
    write(dir.path(), ".sentra/config.yaml", &format!("attestations:\n  - {{rule_id: {open}, document: docs/attested.md}}\n"));
    let (_, missing) = report(dir.path(), "soc2", &["--exit-zero"]);
    let r = rule(&missing, &open);
    assert_eq!(r["status"], "open", "the document is not there yet: {r}");
    assert!(r["notes"].to_string().contains("docs/attested.md` is missing"), "{r}");
    write(dir.path(), "docs/attested.md", "# Incident response\n\nWho is on call, and how.\n");
    let (_, after) = report(dir.path(), "soc2", &["--exit-zero"]);
    assert_consistent(&after, "soc2 with an attestation");
    let r = rule(&after, &open);
    assert_eq!(r["status"], "passing", "{r}");
    assert_eq!(r["attestation"], serde_json::json!({"kind": "document", "by": "docs/attested.md", "at": null, "self_attested": true}));
    // A link does not attest: its target could be anywhere.
    std::fs::remove_file(dir.path().join("docs/attested.md")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", dir.path().join("docs/attested.md")).unwrap();
    assert_eq!(rule(&report(dir.path(), "soc2", &["--exit-zero"]).1, &open)["status"], "open");
    // A path out of the tree is refused when the settings load.
    write(dir.path(), ".sentra/config.yaml", &format!("attestations:\n  - {{rule_id: {open}, document: ../outside.md}}\n"));
    let out = sentra(&["compliance-report", ".", "--pack", "soc2"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("attestations[0].document"), "{}", stderr(&out));
}

#[test]
fn other_packs_findings_count_for_the_clauses_they_evidence() {
    // Live-format keys: the secrets pack finds them, and PCI DSS 8.6.2 (no passwords or
    // keys in code) fails with their locations instead of passing.
    let (code, v) = report(&twin("leaked-keys"), "pci-dss", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(clause(&v, "8.6.2")["status"], "failing");
    let cited = rule(&v, "secrets:SEC-*");
    assert_eq!((cited["kind"].as_str(), cited["status"].as_str()), (Some("evidence_from"), Some("failing")), "{cited}");
    let lines: Vec<u64> = cited["locations"].as_array().unwrap().iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert!(lines.contains(&2) && lines.contains(&3), "the Stripe and GitHub keys: {cited}");
    assert!(v["provenance"]["packs"].as_array().unwrap().iter().any(|p| p["pack_id"] == "secrets"), "the cited pack ran: {}", v["provenance"]);
    // The fixed twin: the secrets pack ran and found nothing.
    let (_, fixed) = report(&twin("billing-fixed"), "pci-dss", &[]);
    assert_eq!(rule(&fixed, "secrets:SEC-*")["status"], "passing");
    // The server runs the cited pack too.
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("keys")).unwrap();
    super::copy_dir(&twin("leaked-keys"), &root.path().join("keys"));
    let s = Server::start(root.path());
    let (status, _, v) = s.call("GET", "/api/compliance/soc2?repo_path=keys", None, None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(clause(&v, "CC6.1")["status"], "failing", "{}", clause(&v, "CC6.1"));
}

#[test]
fn an_obligation_approved_through_the_approvals_api_passes_with_who_and_when() {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("billing")).unwrap();
    super::copy_dir(&twin("billing-fixed"), &root.path().join("billing"));
    let state = root.path().join(".sentra");
    let asker = super::server::key(&state, "admin", "default", "compliance-officer");
    let approver = super::server::key(&state, "admin", "default", "ciso");
    let s = Server::start(root.path());
    let report = || s.call("GET", "/api/compliance/soc2?repo_path=billing", Some(&asker), None).2;
    let before = report();
    let open = before["clauses"].as_array().unwrap().iter().flat_map(|c| c["rules"].as_array().unwrap()).find(|r| r["status"] == "open").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // The request must name the obligation.
    let (status, _, v) =
        s.call("POST", "/api/approvals", Some(&asker), Some(r#"{"action_type": "obligation_attestation", "title": "t", "context": {"pack_id": "soc2"}}"#));
    assert_eq!((status, v["errors"][0]["loc"].clone()), (422, serde_json::json!(["body", "context", "rule_id"])), "{v}");
    let body = serde_json::json!({"action_type": "obligation_attestation", "title": format!("{open} evidence reviewed"), "context": {"pack_id": "soc2", "rule_id": open}});
    let (status, _, v) = s.call("POST", "/api/approvals", Some(&asker), Some(&body.to_string()));
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    // Pending: still open. The requester cannot approve it.
    assert_eq!(rule(&report(), &open)["status"], "open");
    let (status, _, _) = s.call("PATCH", &format!("/api/approvals/{id}"), Some(&asker), Some(r#"{"action": "approve", "comment": "mine"}"#));
    assert_eq!(status, 403);
    let (status, _, v) = s.call("PATCH", &format!("/api/approvals/{id}"), Some(&approver), Some(r#"{"action": "approve", "comment": "policy v3 reviewed"}"#));
    assert_eq!(status, 200, "{v}");
    let after = report();
    assert_consistent(&after, "soc2 with an approved obligation");
    let r = rule(&after, &open);
    assert_eq!(r["status"], "passing", "{r}");
    let a = &r["attestation"];
    assert_eq!((a["kind"].as_str(), a["self_attested"].as_bool()), (Some("approval"), Some(false)), "{a}");
    assert!(a["by"].as_str().unwrap().starts_with("ciso (approval #") && a["at"].is_string(), "{a}");
    // The command line reads the same approvals from the state directory.
    let out = super::server::sentra_cmd()
        .current_dir(root.path().join("billing"))
        .arg("--state-dir")
        .arg(&state)
        .args(["compliance-report", ".", "--pack", "soc2", "--format", "json"])
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rule(&cli, &open)["attestation"], *a, "{}", String::from_utf8_lossy(&out.stderr));
    // And records its report's digest in the same audit chain as the server does.
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    let digest = said.split("report sha256 ").nth(1).unwrap().trim_end_matches([')', '\n']).to_string();
    assert_eq!(digest, hex::encode(sha2::Sha256::digest(&out.stdout)), "{said}");
    let (_, _, audit) = s.call("GET", "/api/audit?action=compliance.report", Some(&asker), None);
    assert_eq!(audit["entries"][0]["details"]["sha256"], digest.as_str(), "{audit}");
}

#[test]
fn controls_show_as_evidence_on_the_fixed_twin_and_fail_where_missing() {
    let (_, fixed) = report(&twin("billing-fixed"), "soc2", &[]);
    let (_, insecure) = report(&twin("billing-insecure"), "soc2", &[]);
    // Where each control shows on the fixed twin: the file and line a reader can open.
    for (id, file, line) in [
        ("security-controls:CTRL-CI-RUNS-TESTS", ".github/workflows/ci.yml", 10),
        ("security-controls:CTRL-CODEOWNERS", "CODEOWNERS", 1),
        ("security-controls:CTRL-SECURITY-POLICY", "SECURITY.md", 3),
        ("security-controls:CTRL-DEPENDENCY-SCANNING", ".github/workflows/ci.yml", 9),
        ("security-controls:CTRL-LOCKFILE-*", "requirements.txt", 2),
        ("security-controls:CTRL-AUDIT-LOGGING", "app.py", 11),
        ("security-controls:CTRL-ENCRYPTION-AT-REST", "app.py", 6),
    ] {
        let r = rule(&fixed, id);
        assert_eq!((r["status"].as_str(), r["evidence"].clone()), (Some("passing"), serde_json::json!([{"file": file, "line": line}])), "{id}: {r}");
        let missing = rule(&insecure, id);
        assert_eq!(missing["status"], "failing", "{id} on the insecure twin: {missing}");
        assert!(missing["notes"].to_string().contains("the control is missing"), "{id}: {missing}");
    }
    // The twins differ on encryption at rest and audit logging, clause by clause.
    for (pack, clause_id) in [("hipaa", "164.312(a)(2)(iv)"), ("hipaa", "164.312(b)"), ("iso-27001", "A.8.24"), ("pci-dss", "10.2.1"), ("soc2", "CC7.2")] {
        let status = |t: &str| clause(&report(&twin(t), pack, &["--exit-zero"]).1, clause_id)["status"].as_str().unwrap().to_string();
        let (bad, good) = (status("billing-insecure"), status("billing-fixed"));
        assert_eq!(bad, "failing", "{pack} {clause_id} on the insecure twin");
        assert_ne!(good, "failing", "{pack} {clause_id} on the fixed twin");
    }
}

#[test]
fn language_security_packs_evidence_clauses_for_java_and_c() {
    // Java: the SQL built by concatenation is found by java-security and fails PCI 6.2.4.
    let (_, java) = report(&twin("billing-java"), "pci-dss", &[]);
    let cited = clause(&java, "6.2.4")["rules"].as_array().unwrap().iter().find(|r| r["kind"] == "evidence_from").unwrap().clone();
    assert_eq!(cited["status"], "failing", "{cited}");
    assert!(cited["locations"].to_string().contains("Billing.java"), "{cited}");
    // C: IEC 62304 5.1.12 (common software defects) fails on the firmware's strcpy and
    // hard-coded password, with their lines; it used to pass.
    let (code, fw) = report(&twin("pump-firmware"), "fda-iec-62304", &[]);
    assert_eq!(code, Some(1));
    let c = clause(&fw, "5.1.12");
    assert_eq!(c["status"], "failing", "{c}");
    let locations = c["rules"].to_string();
    assert!(locations.contains(r#"{"file":"src/pump.c","line":10}"#) && locations.contains(r#"{"file":"src/pump.c","line":6}"#), "{c}");
}

#[test]
fn the_firmwares_plan_requirements_and_traceability_change_its_report() {
    let (_, bare) = report(&twin("pump-firmware"), "fda-iec-62304", &[]);
    let (_, documented) = report(&twin("pump-firmware-documented"), "fda-iec-62304", &[]);
    assert_consistent(&documented, "the documented firmware");
    assert_ne!(bare["summary"], documented["summary"], "the same code with and without its 62304 file");
    // Its `.sentra/` holds only the settings: a report never creates a database there.
    assert!(!twin("pump-firmware-documented").join(".sentra/sentra.db").exists());
    let trace = rule(&bare, "requirements:traceability");
    assert_eq!(trace["status"], "not_assessed", "{trace}");
    assert!(trace["notes"].to_string().contains("defines no requirements"), "{trace}");
    let trace = rule(&documented, "requirements:traceability");
    assert_eq!(trace["status"], "passing", "{trace}");
    assert_eq!(trace["evidence"], serde_json::json!([{"file": "src/pump.c", "line": 1}]), "{trace}");
    assert!(trace["notes"].to_string().contains("2 of 2 requirements traced to code"), "{trace}");
    for (id, document) in [("IEC62304-OB-DEV-PLAN", "docs/software-development-plan.md"), ("IEC62304-OB-RISK", "docs/risk-management.md")] {
        assert_eq!(rule(&bare, id)["status"], "open");
        let r = rule(&documented, id);
        assert_eq!((r["status"].as_str(), r["attestation"]["by"].as_str()), (Some("passing"), Some(document)), "{r}");
    }
    for clause_id in ["5.2.1", "7.1"] {
        assert_eq!(
            (clause(&bare, clause_id)["status"].as_str(), clause(&documented, clause_id)["status"].as_str()),
            (Some("open"), Some("passing")),
            "{clause_id}"
        );
    }
    // The other traceability frameworks read the same requirements.
    for (pack, clause_id) in [("iso-14971", "7.2"), ("do-178c", "5.5"), ("iso-26262", "Part 8, 6.4.3")] {
        let (_, v) = report(&twin("pump-firmware-documented"), pack, &["--exit-zero"]);
        let c = clause(&v, clause_id);
        let r = c["rules"].as_array().unwrap().iter().find(|r| r["kind"] == "traceability").unwrap();
        assert_eq!(r["status"], "passing", "{pack} {clause_id}: {c}");
    }
    // A requirement no code implements, and code naming one nobody defined, both fail.
    let dir = tempfile::tempdir().unwrap();
    super::copy_dir(&twin("pump-firmware-documented"), dir.path());
    let reqs = std::fs::read_to_string(dir.path().join("requirements.yaml")).unwrap();
    write(dir.path(), "requirements.yaml", &format!("{reqs}  - req_id: REQ-3\n    title: Log every dose change\n"));
    write(dir.path(), "src/alarm.c", "/* REQ-9: sound the alarm */\nint alarm(void) { return 1; }\n");
    let (_, v) = report(dir.path(), "fda-iec-62304", &[]);
    let trace = rule(&v, "requirements:traceability");
    assert_eq!(trace["status"], "failing", "{trace}");
    let notes = trace["notes"].to_string();
    assert!(notes.contains("traced to no code: REQ-3") && notes.contains("not defined in `requirements.yaml`: REQ-9"), "{notes}");
    assert_eq!(trace["locations"], serde_json::json!([{"file": "src/alarm.c", "line": 1}]), "{trace}");
    // A requirements file that does not parse is named, never quoted.
    write(dir.path(), "requirements.yaml", "requirements: [ {req_id: SECRET-TOKEN-abc123\n");
    let (_, v) = report(dir.path(), "fda-iec-62304", &[]);
    let trace = rule(&v, "requirements:traceability");
    assert_eq!(trace["status"], "not_assessed");
    assert!(!trace.to_string().contains("SECRET-TOKEN"), "{trace}");
}

#[test]
fn fixed_twins_in_every_language_fail_nothing_and_show_their_controls() {
    let frameworks: &[&str] = &["soc2", "pci-dss", "hipaa", "iso-27001", "nist-800-53"];
    for (name, packs) in [
        ("billing-fixed", frameworks),
        ("billing-node-fixed", frameworks),
        ("billing-java-fixed", frameworks),
        ("pump-firmware-fixed", &["fda-iec-62304", "iec-81001-5-1", "iso-14971", "do-178c"][..]),
    ] {
        for pack in packs {
            let (code, v) = report(&twin(name), pack, &[]);
            let failing: Vec<&Value> = v["clauses"].as_array().unwrap().iter().filter(|c| c["status"] == "failing").collect();
            assert!(code == Some(0) && failing.is_empty(), "{pack} on {name}: {failing:?}");
            let ci = v["clauses"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|c| c["rules"].as_array().unwrap())
                .find(|r| r["id"] == "security-controls:CTRL-CI-RUNS-TESTS");
            if let Some(ci) = ci {
                assert_eq!(ci["status"], "passing", "{pack} on {name}: {ci}");
                assert_eq!(ci["evidence"][0]["file"], ".github/workflows/ci.yml", "{pack} on {name}");
            }
        }
    }
}
