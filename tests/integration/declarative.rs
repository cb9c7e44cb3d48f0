//! Declarative (YAML) packs end to end: one fixture pack per rule type under
//! `tests/fixtures/declarative/<type>/` (its `pack.yaml` and annotated `tests/`), bad packs
//! under `bad/`, and the limits a hostile pack runs into.

use std::path::Path;

use serde_json::Value;

use super::{fixtures, json, repo_root, sentra, stderr, stdout, write};

/// Every fixture pack passes its own annotated tests: each `ruleid:` line fires and no
/// other line does, so the findings are exactly the annotated ones.
#[test]
fn every_rule_type_gives_exactly_the_annotated_findings() {
    for dir in ["regex", "all-patterns", "required-pattern", "file-policy", "ast", "query", "conditions", "taint"] {
        let rel = format!("tests/fixtures/declarative/{dir}");
        let out = sentra(&["pack", "test", &rel], &repo_root(), &[]);
        assert_eq!(out.status.code(), Some(0), "{dir}:\n{}{}", stdout(&out), stderr(&out));
        assert!(!stdout(&out).contains("FAIL"), "{dir}: {}", stdout(&out));
    }
}

fn scan_fixture(dir: &str, id: &str) -> Value {
    let base = format!("tests/fixtures/declarative/{dir}");
    let out = sentra(&["scan", &format!("{base}/tests"), "--pack", id, "--pack-file", &format!("{base}/pack.yaml"), "--format", "json"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)
}

/// Data-flow rules: the finding is at the sink, names the source, and carries the path in
/// JSON (`flow`) and SARIF (`codeFlows`, valid against the SARIF schema's shape); a bad
/// pattern or a query without its capture fails the import naming the rule and the entry.
#[test]
fn taint_rules_report_at_the_sink_with_the_path_and_bad_entries_name_the_rule() {
    let v = scan_fixture("taint", "fx-taint");
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == "T-PY-SQL" && f["evidence"]["lines"][0] == 7).unwrap();
    assert!(f["message"].as_str().unwrap().ends_with("(untrusted data from `request.args` on line 4)"), "{f}");
    let labels: Vec<&str> = f["flow"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["untrusted data enters at `request.args`", "flows into `name`", "flows into `sql`", "reaches the sink as `sql`"]);
    let base = "tests/fixtures/declarative/taint";
    let out =
        sentra(&["scan", &format!("{base}/tests"), "--pack", "fx-taint", "--pack-file", &format!("{base}/pack.yaml"), "--format", "sarif"], &repo_root(), &[]);
    let sarif = json(&out);
    let result = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "T-JAVA-XSS").unwrap().clone();
    let steps = result["codeFlows"][0]["threadFlows"][0]["locations"].as_array().unwrap();
    let labels: Vec<&str> = steps.iter().map(|s| s["location"]["message"]["text"].as_str().unwrap()).collect();
    assert_eq!(
        labels,
        [
            "untrusted data enters at `request.getParameter(\"q\")`",
            "flows into `param`",
            "passes through `doSomething(param)`",
            "flows into `bar`",
            "reaches the sink as `\"<p>\" + bar + \"</p>\"`"
        ],
        "{result}"
    );
    assert_eq!(steps[0]["location"]["physicalLocation"]["region"]["startLine"], 3);

    let dir = tempfile::tempdir().unwrap();
    for (rule, message) in [
        (
            "{id: BAD-T, name: b, type: taint, language: python, sources: ['a.(b'], sinks: ['f(...)']}",
            "rule `BAD-T`, field `sources`: python: sources: entry 1: invalid pattern `a.(b`",
        ),
        (
            "{id: BAD-T, name: b, type: taint, language: python, sources: [{query: '(call) @x'}], sinks: ['f(...)']}",
            "must capture the node it means as `@source`",
        ),
        (
            "{id: BAD-T, name: b, type: taint, language: python, sources: ['a'], sinks: ['f(...)'], unknown_calls: sometimes}",
            "field `unknown_calls`: expected one of propagate, clean",
        ),
        ("{id: BAD-T, name: b, type: regex, pattern: x, sinks: ['f(...)']}", "rule `BAD-T`, field `sinks`: only applies to a `taint` rule"),
    ] {
        write(dir.path(), "bad.yaml", &format!("pack_id: bad\nname: b\nrules:\n- {rule}\n"));
        let out = sentra(&["pack", "lint", "bad.yaml"], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(1), "{rule}");
        assert!(stdout(&out).contains(message), "expected `{message}` in\n{}", stdout(&out));
    }
}

/// Tree-sitter query rules: the `report` capture's node is the finding, `{{capture}}` in
/// the message is that capture's text, and a query that does not compile stops the scan
/// with an error naming the rule.
#[test]
fn query_rules_report_their_capture_with_its_text_and_bad_queries_name_the_rule() {
    let v = scan_fixture("query", "fx-query");
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == "Q-EVAL").unwrap();
    assert_eq!((f["message"].as_str().unwrap(), f["evidence"]["column"].as_u64().unwrap()), ("calls eval here", 9), "{f}");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.yaml", "pack_id: bad\nname: b\nrules:\n- {id: BAD-Q, name: b, type: ast, language: python, query: '(call (nonsense) @x)'}\n");
    let out = sentra(&["scan", ".", "--pack-file", "bad.yaml"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("BAD-Q") && stderr(&out).contains("query"), "{}", stderr(&out));
}

#[test]
fn rule_metadata_and_autofixes_reach_the_findings() {
    let v = scan_fixture("regex", "fx-regex");
    let find = |rule: &str, file: &str| -> Value {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule_id"] == rule && f["evidence"]["file"] == file)
            .unwrap_or_else(|| panic!("no {rule} in {file}"))
            .clone()
    };
    let eval = find("RX-EVAL", "app.py");
    assert_eq!(eval["message"], "Use of eval: eval() runs arbitrary code");
    assert_eq!(eval["severity"], "high");
    assert_eq!(eval["standard"], "OWASP Top 10");
    assert_eq!(eval["clause"], "A03:2021");
    assert_eq!(eval["compliance_category"], "code");
    assert_eq!(eval["cwe"], serde_json::json!(["CWE-95"]));
    assert_eq!(eval["tags"], serde_json::json!(["injection"]));
    assert_eq!(eval["references"], serde_json::json!(["https://owasp.org/Top10/A03_2021-Injection/"]));
    assert_eq!(eval["remediation_guidance"], "Parse the input instead of evaluating it.");
    assert_eq!(eval["suggestion"], "Parse the input instead of evaluating it.");
    assert_eq!(eval["pack_id"], "fx-regex");
    assert_eq!(eval["fix"], Value::Null);
    assert_eq!(find("RX-DEBUG", "settings.cfg")["fix"]["replacement"], "DEBUG = False");
    assert_eq!(find("RX-PLAIN-HTTP", "app.py")["fix"]["replacement"], "# API = \"http://api.example.com/v1\"");
    let removed = find("RX-FIXME-LINE-START", "notes.txt");
    assert_eq!(removed["fix"]["replacement"], "");
    assert_eq!((removed["evidence"]["column"].as_u64(), removed["evidence"]["end_column"].as_u64()), (Some(1), Some(12)));
    // Severity default, and packs report their own metadata.
    assert_eq!(find("RX-TODO-FILE-START", "notes.txt")["severity"], "medium");
    let pack = &v["packs"][0];
    assert_eq!((pack["pack_id"].as_str(), pack["version"].as_str(), pack["rules"].as_u64()), (Some("fx-regex"), Some("1.2.0"), Some(6)));
}

#[test]
fn obligations_are_project_level_never_gate_and_llm_rules_are_listed_as_skipped() {
    let v = scan_fixture("obligation", "fx-obligation");
    let got: Vec<(String, String, bool)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["evidence"]["file"].as_str().unwrap().into(), f["rule_id"].as_str().unwrap().into(), f["is_obligation"].as_bool().unwrap()))
        .collect();
    assert_eq!(got, vec![("<project>".to_string(), "OB-PRIVACY".to_string(), true)]);
    assert_eq!(v["skipped_rules"][0]["rule_id"], "OB-LLM");
    assert!(v["skipped_rules"][0]["reason"].as_str().unwrap().contains("language model"));
    assert_eq!(v["not_applicable_rules"], serde_json::json!(["fx-obligation/OB-GO-ONLY"]));

    let base = "tests/fixtures/declarative/obligation";
    let gate = sentra(
        &["gate", &format!("{base}/tests"), "--pack", "fx-obligation", "--pack-file", &format!("{base}/pack.yaml"), "--fail-on", "high"],
        &repo_root(),
        &[],
    );
    assert_eq!(gate.status.code(), Some(0), "a high obligation must not fail the gate: {}", stdout(&gate));
    assert!(stderr(&gate).contains("rule `OB-LLM`, field `type`"), "the llm rule is announced: {}", stderr(&gate));
}

/// One bad pack per validation error; each is refused with its message, naming the rule
/// and the field.
#[test]
fn bad_packs_are_refused_with_every_problem() {
    let cases: &[(&str, &[&str])] = &[
        ("missing-name", &["pack, field `name`: is required"]),
        ("missing-rules", &["pack, field `rules`: is required"]),
        ("missing-id", &["rule #1, field `id`: is required"]),
        ("missing-rule-name", &["rule `R-1`, field `name`: is required"]),
        ("missing-type", &["rule `R-1`, field `type`: is required"]),
        ("duplicate-id", &["rule `R-1`, field `id`: duplicate id (rules #1 and #2)"]),
        ("bad-severity", &["rule `R-1`, field `severity`: `urgent` is not one of"]),
        ("unknown-type", &["rule `R-1`, field `type`: unknown type `Reg Ex`"]),
        ("unknown-check", &["rule `R-1`, field `check`: unknown check `max_size`", "rule `R-2`, field `ast_check`: unknown check `no_lambdas`"]),
        (
            "bad-regex",
            &[
                "rule `R-PATTERN`, field `pattern`: invalid regex",
                "rule `R-ALL`, field `all_patterns[1]`: invalid regex",
                "rule `R-REQUIRED`, field `pattern`: invalid regex",
                "rule `R-POLICY`, field `params.pattern`: invalid regex",
                "rule `R-CONTENT`, field `applies_when.has_content[0]`: invalid regex",
            ],
        ),
        ("long-pattern", &["rule `R-LONG`, field `pattern`: pattern is 2001 bytes long; the limit is 2000"]),
        ("query-without-language", &["rule `R-1`, field `query`: a `query` needs a `language`"]),
        (
            "wrong-types",
            &[
                "pack, field `name`: expected a string, found a list",
                "rule `R-1`, field `tags`: expected a list of strings, found a mapping",
                "rule `R-1`, field `within_lines`: expected a positive integer, found -2",
                "rule `R-1`, field `exclude_globs`: expected a list of strings, found a number",
                "rule `R-1`, field `applies_when`: expected a mapping, found a list",
            ],
        ),
        (
            "all-at-once",
            &[
                "rule #1, field `id`: is required",
                "rule `R-2`, field `name`: is required",
                "rule `R-2`, field `severity`",
                "rule `R-2`, field `pattern`: invalid regex",
                "rule `R-2`, field `id`: duplicate id (rules #2 and #3)",
                "rule `R-4`, field `check`: unknown check",
            ],
        ),
    ];
    let listed: Vec<String> = std::fs::read_dir(fixtures().join("declarative/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".yaml").to_string())
        .collect();
    assert_eq!(listed.len(), cases.len(), "every bad pack has a case: {listed:?}");
    for (name, messages) in cases {
        let file = format!("tests/fixtures/declarative/bad/{name}.yaml");
        let lint = sentra(&["pack", "lint", &file], &repo_root(), &[]);
        assert_eq!(lint.status.code(), Some(1), "{name}: {}", stdout(&lint));
        let errors = stdout(&lint).lines().filter(|l| l.contains(": error: ")).count();
        assert_eq!(errors, messages.len(), "{name}: {}", stdout(&lint));
        for m in *messages {
            assert!(stdout(&lint).contains(m), "{name}: expected `{m}` in\n{}", stdout(&lint));
        }
        // Loading it for a scan fails (exit 2) with the same problems on one line.
        let scan = sentra(&["scan", "tests/fixtures/declarative/regex/tests", "--pack-file", &file], &repo_root(), &[]);
        assert_eq!(scan.status.code(), Some(2), "{name}");
        for m in *messages {
            assert!(stderr(&scan).contains(m), "{name}: expected `{m}` in {}", stderr(&scan));
        }
    }
}

#[test]
fn lint_reports_footguns_and_passes_clean_packs() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "footguns.yaml",
        r#"name: Footguns
rules:
  - {id: EMPTY, name: e, type: regex, pattern: 'x*', standard: S, remediation_guidance: r}
  - {id: TYPO, name: t, type: regex, pattern: xyz, file_glob: "**/*.pyy", standard: S, remediation_guidance: r}
  - {id: ALL-EXCLUDED, name: a, type: regex, pattern: xyz, file_glob: "**/*.py", exclude_globs: ["**/*.py"], standard: S, remediation_guidance: r}
  - {id: BARE, name: b, type: regex, pattern: xyz}
  - {id: NO-LITERAL, name: n, type: regex, pattern: '\w+\s*=\s*\d', standard: S, remediation_guidance: r}
  - {id: AST-JS, name: j, type: ast, ast_check: no_star_imports, file_glob: "**/*.js", standard: S, remediation_guidance: r}
"#,
    );
    let out = sentra(&["pack", "lint", "footguns.yaml"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for m in [
        "rule `EMPTY`, field `pattern`: `x*` matches the empty string",
        "rule `TYPO`, field `file_glob`: `**/*.pyy` matches no kind of file",
        "rule `ALL-EXCLUDED`, field `exclude_globs`: excludes every file",
        "rule `BARE`, field `remediation_guidance`: missing",
        "rule `BARE`, field `standard`: missing",
        "rule `AST-JS`, field `file_glob`: `ast` rules only check Python files",
        "rule `NO-LITERAL`, field `pattern`: has no literal prefilter (the longest literal every match contains is `=`, under 3 bytes)",
    ] {
        assert!(text.contains(m), "expected `{m}` in\n{text}");
    }
    // `x*` also has no literal prefilter.
    assert_eq!(text.lines().filter(|l| l.contains(": warning: ")).count(), 8, "{text}");

    let clean = sentra(&["pack", "lint", "tests/fixtures/declarative/ast/pack.yaml"], &repo_root(), &[]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).contains("6 rules, no problems found"));
}

/// A catastrophic-backtracking pattern with look-around on a 100 KB line stops at the
/// backtracking limit and is reported as a rule error; the pack's other rules still run.
#[test]
fn hostile_regex_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "hostile.yaml",
        r#"pack_id: hostile
name: Hostile
rules:
  - {id: EVIL, name: e, type: regex, pattern: '(?=(a+)+$)(a+)+b'}
  - {id: FINE, name: f, type: regex, pattern: 'needle'}
"#,
    );
    write(dir.path(), "src/big.txt", &format!("needle\n{} b\n", "a".repeat(100_000)));
    let out = sentra(&["scan", "src", "--pack", "hostile", "--pack-file", "hostile.yaml", "--format", "json"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let errors = v["rule_errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{v}");
    assert_eq!((errors[0]["rule_id"].as_str(), errors[0]["file"].as_str()), (Some("EVIL"), Some("big.txt")));
    assert!(errors[0]["message"].as_str().unwrap().contains("backtracking limit"), "{}", errors[0]);
    assert_eq!(v["findings"][0]["rule_id"], "FINE");
    // The limit is a named budget: raising it above the default's range is refused.
    let cfg = dir.path().join("strict.yaml");
    std::fs::write(&cfg, "pack_limits:\n  regex_backtrack_limit: 1000000000\n").unwrap();
    let out = sentra(&["scan", "src", "--config", &cfg.display().to_string()], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("regex_backtrack_limit"), "{}", stderr(&out));
}

#[test]
fn pack_test_needs_a_pack_and_annotations() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.py", "x = 1\n");
    let d = dir.path().display().to_string();
    let out = sentra(&["pack", "test", &d], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no pack.yaml here"), "{}", stderr(&out));
    let out = sentra(&["pack", "test", &d, "--pack", "secrets"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no `ruleid:` or `ok:` annotations"), "{}", stderr(&out));
    assert!(Path::new(&d).exists());
}

/// A regex rule rewritten as a syntax rule keeps its findings' fingerprints through
/// `fingerprint_pattern`: the query finds the call (not the lookalike in the comment), and
/// its finding takes the old regex's span on that line, so it hashes the same text.
#[test]
fn a_rewritten_rule_keeps_its_fingerprints_through_its_former_regex() {
    let dir = tempfile::tempdir().unwrap();
    // The lookalike comes last: repeats of one text are told apart by their order, so
    // dropping an earlier lookalike of the same text would renumber the ones after it.
    write(dir.path(), "app.py", "import os\nvalue = eval(text)\nother = eval(more)\n# eval(x) in a comment\n");
    let old = "pack_id: fp\nname: f\nrules:\n- {id: FP-EVAL, name: e, type: regex, pattern: '\\beval\\s*\\(', file_glob: '**/*.py'}\n";
    let query = "'(call function: (identifier) @f (#eq? @f \"eval\"))'";
    let new = format!(
        "pack_id: fp\nname: f\nrules:\n- {{id: FP-EVAL, name: e, type: ast, language: python, query: {query}, report: f, fingerprint_pattern: '\\beval\\s*\\(', file_glob: '**/*.py'}}\n"
    );
    let bare = new.replace(", fingerprint_pattern: '\\beval\\s*\\('", "");
    let prints = |doc: &str| -> Vec<(u64, String)> {
        write(dir.path(), "pack.yaml", doc);
        let out = sentra(&["scan", ".", "--pack", "fp", "--pack-file", "pack.yaml", "--format", "json"], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v = json(&out);
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["evidence"]["lines"][0].as_u64().unwrap(), f["fingerprint"].as_str().unwrap().to_string()))
            .collect()
    };
    let (before, after, without) = (prints(old), prints(&new), prints(&bare));
    assert_eq!(before.iter().map(|p| p.0).collect::<Vec<_>>(), [2, 3, 4], "the regex also takes the comment");
    assert_eq!(after, before[..2], "same lines, same fingerprints");
    assert_ne!(without, after, "without it, the node's span is hashed");
}
