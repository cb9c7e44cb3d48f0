//! Rule tests, semgrep-style: fixture files carry comments `ruleid: RULE-ID` on the line
//! before a line that must fire (or at the end of that line), and `ok: RULE-ID` for a
//! line that must not. A scan of the fixtures is compared with the annotations rule by
//! rule: a missing finding and an unannotated (unexpected) one both fail.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::finding::PROJECT_PATH;
use crate::scan::ScanResult;

/// Comment openers an annotation may follow.
const MARKERS: [&str; 6] = ["#", "//", "--", "<!--", "/*", ";"];

/// One expectation read from a fixture.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Annotation {
    pub file: String,
    pub line: u32,
    pub rule: String,
    pub must_fire: bool,
}

/// `(kind, rules)` if `line` holds an annotation comment, and whether the comment stands
/// on its own line.
fn parse_line(line: &str) -> Option<(bool, Vec<String>, bool)> {
    for (kind, must_fire) in [("ruleid:", true), ("ok:", false)] {
        let Some(pos) = line.find(kind) else { continue };
        let before = &line[..pos];
        // The comment opener directly before the keyword (`<!--` rather than its `--`).
        let Some(marker) = MARKERS.iter().filter_map(|m| before.rfind(m).filter(|p| before[p + m.len()..].trim().is_empty())).min() else {
            continue;
        };
        let rest = line[pos + kind.len()..].trim();
        let rest = rest.trim_end_matches("-->").trim_end_matches("*/").trim();
        let rules: Vec<String> = rest.split(',').map(|r| r.trim().to_string()).filter(|r| !r.is_empty()).collect();
        if rules.is_empty() {
            continue;
        }
        return Some((must_fire, rules, line[..marker].trim().is_empty()));
    }
    None
}

/// Every annotation in the files under `root` (relative `/`-separated paths).
pub fn collect(root: &Path) -> std::io::Result<Vec<Annotation>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            out.extend(annotations_in(&rel, &text));
        }
    }
    out.sort();
    Ok(out)
}

/// The annotations of one file. An annotation on its own line targets the next line
/// that is not itself an annotation, so several can stack above one line of code.
pub fn annotations_in(rel: &str, text: &str) -> Vec<Annotation> {
    let lines: Vec<&str> = text.lines().collect();
    let parsed: Vec<Option<(bool, Vec<String>, bool)>> = lines.iter().map(|l| parse_line(l)).collect();
    let mut out = Vec::new();
    for (i, p) in parsed.iter().enumerate() {
        let Some((must_fire, rules, own_line)) = p else { continue };
        let target = if *own_line {
            let mut t = i + 1;
            while parsed.get(t).is_some_and(|p| p.as_ref().is_some_and(|(_, _, own)| *own)) {
                t += 1;
            }
            t
        } else {
            i
        };
        for rule in rules {
            out.push(Annotation { file: rel.to_string(), line: target as u32 + 1, rule: rule.clone(), must_fire: *must_fire });
        }
    }
    out
}

/// The outcome for one rule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RuleOutcome {
    /// Annotations that held.
    pub passed: usize,
    /// `file:line` where a `ruleid:` annotation expected a finding and got none.
    pub missing: Vec<String>,
    /// `file:line` of findings on lines not annotated `ruleid:` (including `ok:` lines).
    pub unexpected: Vec<String>,
}

impl RuleOutcome {
    pub fn ok(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Compares findings `(file, line, rule)` with the annotations.
pub fn compare(annotations: &[Annotation], findings: &[(String, u32, String)]) -> BTreeMap<String, RuleOutcome> {
    let fired: BTreeSet<(&str, u32, &str)> = findings.iter().map(|(f, l, r)| (f.as_str(), *l, r.as_str())).collect();
    let expected: BTreeSet<(&str, u32, &str)> = annotations.iter().filter(|a| a.must_fire).map(|a| (a.file.as_str(), a.line, a.rule.as_str())).collect();
    let mut out: BTreeMap<String, RuleOutcome> = BTreeMap::new();
    for a in annotations {
        let entry = out.entry(a.rule.clone()).or_default();
        let hit = fired.contains(&(a.file.as_str(), a.line, a.rule.as_str()));
        match (a.must_fire, hit) {
            (true, true) | (false, false) => entry.passed += 1,
            (true, false) => entry.missing.push(format!("{}:{}", a.file, a.line)),
            // Reported below, with the other unannotated findings.
            (false, true) => {}
        }
    }
    for &(file, line, rule) in &fired {
        if !expected.contains(&(file, line, rule)) {
            out.entry(rule.to_string()).or_default().unexpected.push(format!("{file}:{line}"));
        }
    }
    out
}

/// The findings of a scan as `(file, line, rule)`, project-level ones excluded (they have
/// no line to annotate).
pub fn findings_of(result: &ScanResult) -> Vec<(String, u32, String)> {
    result
        .findings
        .iter()
        .filter(|f| f.evidence.file != PROJECT_PATH)
        .map(|f| (f.evidence.file.to_string(), f.evidence.lines[0], f.rule_id.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_forms() {
        let text = "# ruleid: A\nx = 1\ny = 2  # ok: B\n// ruleid: C, D\n<!-- ok: E -->\nz\n";
        let ann = annotations_in("f", text);
        let got: Vec<(u32, &str, bool)> = ann.iter().map(|a| (a.line, a.rule.as_str(), a.must_fire)).collect();
        assert_eq!(got, vec![(2, "A", true), (3, "B", false), (6, "C", true), (6, "D", true), (6, "E", false)]);
    }

    #[test]
    fn missing_and_unexpected_per_rule() {
        let ann = annotations_in("a.py", "# ruleid: R-1\nx = 1\ny = 2  # ok: R-2\nz = 3\n");
        let none = compare(&ann, &[]);
        assert_eq!(none["R-1"].missing, vec!["a.py:2"]);
        assert!(none["R-2"].ok());
        let found = vec![("a.py".to_string(), 3, "R-2".to_string()), ("a.py".to_string(), 4, "R-1".to_string())];
        let got = compare(&ann, &found);
        assert_eq!(got["R-2"].unexpected, vec!["a.py:3"]);
        assert_eq!(got["R-1"].unexpected, vec!["a.py:4"]);
        assert_eq!(got["R-1"].missing, vec!["a.py:2"]);
    }
}
