//! A team coming from sentrik keeps its files (issue 24): a `.guard.yaml` (or
//! `.sentrik/config.yaml`) with sentrik's keys loads, each key sentra has no use for is
//! named once in a warning, and a sentrik pack that repeats a key imports with a warning.

use serde_json::json;

use super::server::Server;
use super::{sentra, stderr, write};

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
    let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(&json!({"pack_yaml": REPEATING_PACK}).to_string()));
    assert_eq!(status, 201, "{v}");
    let lint = {
        write(root.path(), "team.yaml", REPEATING_PACK);
        sentra(&["pack", "lint", "team.yaml"], root.path(), &[])
    };
    let said = format!("{}{}", super::stdout(&lint), stderr(&lint));
    assert!(said.contains("`applies_when` is repeated"), "{said}");
}
