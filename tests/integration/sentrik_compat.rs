//! A team coming from sentrik keeps its files (issue 24): a `.guard.yaml` (or
//! `.sentrik/config.yaml`) with sentrik's keys loads, each key sentra has no use for is
//! named once in a warning, and a sentrik pack that repeats a key imports with a warning.
//! sentrik's tree-sitter `ast` rules (issue 26) import and find what sentrik finds.

use serde_json::json;

use super::server::Server;
use super::{copy_dir, findings, json, repo_root, sentra, stderr, write};

/// Every key of sentrik's documented configuration.
const SENTRIK_CONFIG: &str = "\
standards_file: examples/sample_standards.yaml
work_items_file: examples/sample_work_items.json
provider: stub
gate_fail_on: [critical, high]
reporters: [sarif]
standards_packs: [secrets, owasp-top-10]
parallel_scan: true
max_workers: 4
agent_scan: false
agent_max_concurrency: 0
ml_severity_enabled: false
output_dir: out
devops_provider: stub
pack_overrides:
  secrets:
    SENTRIK-SECRET-1: {severity: low}
suppressions:
  - rule_id: SENTRIK-SQLI-*
    file_pattern: 'tests/**'
    reason: fixtures
";

/// One of sentrik's own packs repeats `applies_when` in a rule; its loader keeps the last.
const REPEATING_PACK: &str = "\
pack_id: team-repeat
name: Team pack
rules:
  - id: TR-1
    name: TODO marker
    description: A TODO left in the code.
    type: regex
    severity: low
    pattern: 'TODO'
    applies_when: {has_file: ['nothing-here.txt']}
    applies_when: {has_file: ['app.py']}
";

#[test]
fn a_sentrik_config_loads_with_one_warning_per_key_sentra_does_not_use() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), ".guard.yaml", SENTRIK_CONFIG);
    write(root.path(), "app.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'  # TODO\n");
    let out = sentra(&["scan", ".", "--format", "json", "--no-cache"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for key in ["standards_file", "work_items_file", "provider", "parallel_scan", "max_workers", "agent_scan", "agent_max_concurrency", "ml_severity_enabled"] {
        assert_eq!(err.matches(&format!("`{key}` (sentrik)")).count(), 1, "one warning for `{key}`: {err}");
    }
    // sentrik's rule ids are not sentra's: named once, ignored, and the scan goes on.
    assert_eq!(err.matches("`pack_overrides.secrets.SENTRIK-SECRET-1`").count(), 1, "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut packs: Vec<&str> = v["packs"].as_array().unwrap().iter().map(|p| p["pack_id"].as_str().unwrap()).collect();
    packs.sort_unstable();
    assert_eq!(packs, ["owasp-top-10", "secrets"], "the shared keys mean the same");
    // A typo of sentra's own key is still refused.
    write(root.path(), ".guard.yaml", &format!("{SENTRIK_CONFIG}stadards_packs: [secrets]\n"));
    let out = sentra(&["scan", "."], root.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("stadards_packs"), "{}", stderr(&out));

    // The server starts on the same file, scans, and imports the repeating pack.
    write(root.path(), ".sentrik/config.yaml", SENTRIK_CONFIG);
    std::fs::remove_file(root.path().join(".guard.yaml")).unwrap();
    let s = Server::start(root.path());
    let (status, _, v) = s.call("POST", "/scan", None, Some("{}"));
    assert_eq!(status, 200, "{v}");
    // Through the API, an id sentra does not have is refused on write (nothing stored).
    let (status, _, v) = s.call("POST", "/api/suppressions", None, Some(&json!({"rule_id": "SENTRIK-SQLI-*", "reason": "x"}).to_string()));
    assert_eq!((status, v["errors"][0]["loc"][1].as_str()), (422, Some("rule_id")), "{v}");
    let (status, _, v) =
        s.call("POST", "/api/config", None, Some(&json!({"updates": {"pack_overrides": {"secrets": {"SENTRIK-SECRET-2": {"enabled": false}}}}}).to_string()));
    assert_eq!(status, 422, "{v}");
    let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(&json!({"pack_yaml": REPEATING_PACK}).to_string()));
    assert_eq!(status, 201, "{v}");
    let lint = {
        write(root.path(), "team.yaml", REPEATING_PACK);
        sentra(&["pack", "lint", "team.yaml"], root.path(), &[])
    };
    let said = format!("{}{}", super::stdout(&lint), stderr(&lint));
    assert!(said.contains("`applies_when` is repeated"), "{said}");
}

#[test]
fn init_from_sentrik_writes_a_config_that_loads_and_says_what_changed() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), ".guard.yaml", SENTRIK_CONFIG);
    write(root.path(), "app.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let out = sentra(&["init", "--from-sentrik"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(root.path().join(".sentra/config.yaml")).unwrap();
    for said in [
        "# Migrated from .guard.yaml",
        "`standards_file` (sentrik) has no meaning",
        "`devops_provider` (sentrik) is read as `devops.provider: local`",
        "`pack_overrides.secrets.SENTRIK-SECRET-1` dropped",
        "suppression of `SENTRIK-SQLI-*` dropped",
    ] {
        assert!(written.contains(said), "{said}: {written}");
    }
    assert!(!written.contains("\nmax_workers") && written.contains("standards_packs"), "{written}");
    // The new file is the one read now, with no warning left.
    let out = sentra(&["scan", ".", "--format", "json", "--no-cache"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("sentrik"), "{}", stderr(&out));
    let out = sentra(&["init", "--from-sentrik"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "no silent overwrite");
    let empty = tempfile::tempdir().unwrap();
    let out = sentra(&["init", "--from-sentrik"], empty.path(), &[]);
    assert!(stderr(&out).contains("no sentrik config"), "{}", stderr(&out));
}

#[test]
fn test_connection_takes_sentriks_shape_but_never_a_url_or_credential() {
    let root = tempfile::tempdir().unwrap();
    let s = Server::start(root.path());
    let call = |body: serde_json::Value| s.call("POST", "/api/devops/test-connection", None, Some(&body.to_string()));
    let (status, _, v) = call(json!({"devops_provider": "stub"}));
    assert_eq!((status, v["status"].as_str()), (200, Some("ok")), "{v}");
    // Jira's URL is the operator's; none is configured here, so there is nothing to reach.
    let (status, _, v) = call(json!({"devops_provider": "jira", "jira_project": "ABC"}));
    assert_eq!((status, v["status"].as_str()), (200, Some("error")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("base_url"), "{v}");
    for (body, field) in [
        (json!({"devops_provider": "jira", "jira_url": "https://evil.example"}), "jira_url"),
        (json!({"devops_provider": "azure", "azure_devops_pat": "x"}), "azure_devops_pat"),
        (json!({"devops_provider": "github", "jira_project": "ABC"}), "jira_project"),
        (json!({"devops_provider": "github", "github_repo": "no-slash"}), "github_repo"),
        (json!({"provider": "local", "settings": {"owner": "x"}}), "settings"),
    ] {
        let (status, _, v) = call(body.clone());
        assert_eq!(status, 422, "{body}: {v}");
        assert!(v["errors"][0]["loc"].to_string().contains(field), "{body}: {v}");
    }
}

/// sentrik's own packs, read from the installed wheel (`examples/setup-toolchains.sh`
/// installs sentrik 1.5.127 from PyPI; they are not ours to copy): `(pack dir, pack.yaml)`.
fn sentrik_packs() -> Vec<(String, std::path::PathBuf)> {
    let venv = repo_root().join("target/pack-toolchains/sentrik-venv");
    let lib = std::fs::read_dir(venv.join("lib")).ok().and_then(|mut d| d.next()).and_then(Result::ok).map(|e| e.path());
    let packs = lib.map(|l| l.join("site-packages/guard/packs")).filter(|p| p.is_dir());
    let packs = packs.unwrap_or_else(|| panic!("sentrik is missing under {}: run examples/setup-toolchains.sh (.ci/run does)", venv.display()));
    let mut out: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(packs)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("pack.yaml")))
        .filter(|(_, p)| p.is_file())
        .collect();
    out.sort();
    out
}

/// Every one of sentrik's 26 packs imports, its tree-sitter `ast` rules included.
#[test]
fn every_sentrik_pack_imports() {
    let packs = sentrik_packs();
    assert_eq!(packs.len(), 26, "{packs:?}");
    let dir = tempfile::tempdir().unwrap();
    for (name, pack) in packs {
        let out = sentra(&["pack", "lint", &pack.display().to_string()], dir.path(), &[]);
        let said = format!("{}{}", super::stdout(&out), stderr(&out));
        assert!(out.status.code() != Some(2) && !said.contains(": error:"), "{name} does not import: {said}");
    }
}

/// sentrik's `cpp-coding-standards` pack with its 8 tree-sitter `ast` rules, on a C++
/// corpus of hits and lookalikes (`tests/fixtures/sentrik-ast`): sentra reports the same
/// (file, line, rule) as sentrik itself, run here with its tree-sitter extra.
#[test]
fn sentriks_tree_sitter_rules_find_what_sentrik_finds() {
    let fixture = repo_root().join("tests/fixtures/sentrik-ast");
    let (_, pack) = sentrik_packs().into_iter().find(|(n, _)| n == "cpp_coding_standards").unwrap();
    let want = run_sentrik(&fixture);
    assert_eq!(want.len(), 40, "sentrik's findings on the corpus: {want:?}");

    let root = tempfile::tempdir().unwrap();
    copy_dir(&fixture.join("corpus"), root.path());
    let out = sentra(&["scan", ".", "--no-cache", "--pack", "secrets", "--pack-file", &pack.display().to_string(), "--format", "json"], root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let mut got: Vec<(String, u64, String)> = findings(&v).into_iter().filter(|(_, _, r)| r.starts_with("CPP-AST-")).collect();
    got.sort();
    got.dedup();
    assert_eq!(got, want);
}

/// sentrik's CPP-AST findings on the fixture corpus, from a copy outside any git
/// repository (sentrik takes the git toplevel as its root), with only that pack and
/// nothing that reaches the network.
fn run_sentrik(fixture: &std::path::Path) -> Vec<(String, u64, String)> {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("root");
    copy_dir(&fixture.join("corpus"), &root);
    let out_dir = work.path().join("out");
    let config = std::fs::read_to_string(fixture.join("sentrik-config.yaml")).unwrap();
    std::fs::write(work.path().join("config.yaml"), format!("output_dir: {}\n{config}", out_dir.display())).unwrap();
    let bin = repo_root().join("target/pack-toolchains/sentrik-venv/bin/sentrik");
    let run = std::process::Command::new(bin)
        .args(["scan", "--config"])
        .arg(work.path().join("config.yaml"))
        .current_dir(&root)
        .env("SENTRIK_TELEMETRY", "0")
        .env("HOME", work.path())
        .output()
        .unwrap();
    let found = std::fs::read_to_string(out_dir.join("findings.json"))
        .unwrap_or_else(|e| panic!("sentrik wrote no findings ({e}): {}", String::from_utf8_lossy(&run.stderr)));
    let found: Vec<serde_json::Value> = serde_json::from_str(&found).unwrap();
    let mut rows: Vec<(String, u64, String)> = found
        .iter()
        .filter(|f| f["rule_id"].as_str().is_some_and(|r| r.starts_with("CPP-AST-")))
        .map(|f| (f["evidence"]["file"].as_str().unwrap().to_string(), f["evidence"]["lines"][0].as_u64().unwrap(), f["rule_id"].as_str().unwrap().to_string()))
        .collect();
    rows.sort();
    rows.dedup();
    rows
}
