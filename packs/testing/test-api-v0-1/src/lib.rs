//! A pack against the frozen `sentra:pack@0.1.0` WIT, without the SDK (which follows the
//! newest version): one regex rule through the 0.1 host matcher, the same rule as
//! `test-basic`'s `BASIC-TODO`, so both versions can be compared finding for finding.
wit_bindgen::generate!({ path: "../../../wit/since_v0.1.0", world: "pack" });

use exports::sentra::pack::scanner::Guest;
use sentra::pack::host::{LogLevel, compile, log};
use sentra::pack::types::{Finding, PackInfo, Project, Rule, RuleError, ScanOutput, Severity, SourceFile};

struct V01;

fn rule() -> Rule {
    Rule {
        id: "V01-TODO".into(),
        name: "TODO marker".into(),
        description: String::new(),
        kind: "regex".into(),
        severity: Severity::Low,
        file_globs: Vec::new(),
        exclude_globs: Vec::new(),
        standard: String::new(),
        clause: String::new(),
        category: "code".into(),
        cwe: Vec::new(),
        tags: Vec::new(),
        remediation: String::new(),
        references: Vec::new(),
        required_literals: vec!["TODO(".into()],
        pattern: Some(r"TODO\(\w+\)".into()),
        project_level: false,
        applies_when: None,
        skipped: None,
    }
}

impl Guest for V01 {
    fn configure(_: String) -> Result<(), Vec<String>> {
        Ok(())
    }
    fn describe() -> PackInfo {
        PackInfo {
            id: "test-api-v0-1".into(),
            name: "API 0.1".into(),
            version: "0.1.0".into(),
            description: String::new(),
            license: "MIT".into(),
            rules: vec![rule()],
        }
    }
    fn scan(files: Vec<SourceFile>) -> ScanOutput {
        let (mut findings, mut errors) = (Vec::new(), Vec::new());
        let matcher = match compile(&[r"TODO\(\w+\)".to_string()]) {
            Ok(m) => m,
            Err(e) => return ScanOutput { findings, errors: vec![RuleError { rule_id: "V01-TODO".into(), message: e.message }] },
        };
        for f in &files {
            match matcher.find_all(f.id, &[0]) {
                Ok(found) => findings.extend(found.matches.iter().map(|m| Finding {
                    rule_id: "V01-TODO".into(),
                    file: f.id,
                    line: m.line,
                    column: m.column,
                    end_line: m.end_line,
                    end_column: m.end_column,
                    message: "TODO marker".into(),
                    fix: None,
                })),
                Err(e) => errors.push(RuleError { rule_id: "V01-TODO".into(), message: e.message }),
            }
        }
        log(LogLevel::Debug, "scanned with the 0.1.0 host interface");
        ScanOutput { findings, errors }
    }
    fn scan_project(_project: Project) -> ScanOutput {
        ScanOutput { findings: Vec::new(), errors: Vec::new() }
    }
}
export!(V01);
