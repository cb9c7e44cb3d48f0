//! Rule tests, semgrep-style: fixture files carry comments `ruleid: RULE-ID` on the line
//! before a line that must fire (or at the end of that line), and `ok: RULE-ID` for a
//! line that must not. A file whose format has no comments (JSON) takes its annotations
//! from a sidecar, `FILE.annotations.yaml` (`- {line: 3, ruleid: R-1}`, `- {line: 5, ok:
//! R-2}`). Project-level findings (obligations, required files), which have no line,
//! are expected in `expected-findings.yaml` at the fixtures' root (`project: [R-3]`):
//! when it exists, exactly those must fire. A scan of the fixtures is compared with the
//! annotations rule by rule: a missing finding and an unannotated (unexpected) one both
//! fail.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::finding::PROJECT_PATH;
use crate::scan::ScanResult;

/// The fixtures' expected project-level findings.
pub const EXPECTED_FILE: &str = "expected-findings.yaml";
/// What a sidecar of annotations adds to its file's name.
pub const SIDECAR_SUFFIX: &str = ".annotations.yaml";

/// Whether fixture path `rel` holds test expectations rather than a fixture (its own
/// findings are not compared).
pub fn is_expectation_file(rel: &str) -> bool {
    rel == EXPECTED_FILE || rel.ends_with(SIDECAR_SUFFIX)
}

/// A malformed sidecar or expected-findings file.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

/// One entry of a sidecar.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarEntry {
    line: u32,
    #[serde(default)]
    ruleid: Option<OneOrMany>,
    #[serde(default)]
    ok: Option<OneOrMany>,
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            Self::One(s) => vec![s],
            Self::Many(v) => v,
        }
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// Rule ids whose project-level findings must fire (and no others).
    #[serde(default)]
    project: Vec<String>,
}

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

/// Every annotation in the files under `root` (relative `/`-separated paths): comments,
/// sidecars, and the expected project-level findings (file [`PROJECT_PATH`], line 0).
pub fn collect(root: &Path) -> Result<Vec<Annotation>, FixtureError> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let (path, kind) = (entry.path(), entry.file_type()?);
            // Links are not followed: a fixture tree (someone's pack project) must not
            // make the test read, and print, a file elsewhere.
            if kind.is_dir() {
                stack.push(path);
                continue;
            }
            if !kind.is_file() {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let text = if is_expectation_file(&rel) {
                let bytes =
                    crate::safe_file::read_regular(&path, MAX_EXPECTATION_BYTES).map_err(|e| FixtureError::Invalid { file: rel.clone(), message: e.what() })?;
                String::from_utf8(bytes).map_err(|_| FixtureError::Invalid { file: rel.clone(), message: "not UTF-8 text".into() })?
            } else {
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                text
            };
            if rel == EXPECTED_FILE {
                let expected: Expected = parse_yaml(&rel, &text)?;
                out.extend(expected.project.into_iter().map(|rule| Annotation { file: PROJECT_PATH.into(), line: 0, rule, must_fire: true }));
            } else if let Some(target) = rel.strip_suffix(SIDECAR_SUFFIX) {
                out.extend(sidecar(&rel, target, &text)?);
            } else {
                out.extend(annotations_in(&rel, &text));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Largest sidecar or expected-findings file read.
const MAX_EXPECTATION_BYTES: u64 = 1 << 20;

/// Parse errors say where and why, never the text (a file that never was a sidecar).
fn parse_yaml<T: serde::de::DeserializeOwned>(rel: &str, text: &str) -> Result<T, FixtureError> {
    serde_saphyr::from_str(text).map_err(|e| FixtureError::Invalid { file: rel.to_string(), message: crate::safe_file::yaml_problem(&e) })
}

/// The annotations a sidecar `rel` gives its fixture `target`.
fn sidecar(rel: &str, target: &str, text: &str) -> Result<Vec<Annotation>, FixtureError> {
    let entries: Vec<SidecarEntry> = parse_yaml(rel, text)?;
    let mut out = Vec::new();
    for (i, e) in entries.into_iter().enumerate() {
        let invalid = |message: String| FixtureError::Invalid { file: rel.to_string(), message };
        if e.line == 0 {
            return Err(invalid(format!("entry {}: `line` counts from 1", i + 1)));
        }
        let (kind, rules) = match (e.ruleid, e.ok) {
            (Some(r), None) => (true, r.into_vec()),
            (None, Some(r)) => (false, r.into_vec()),
            _ => return Err(invalid(format!("entry {}: give exactly one of `ruleid` and `ok`", i + 1))),
        };
        out.extend(rules.into_iter().map(|rule| Annotation { file: target.to_string(), line: e.line, rule, must_fire: kind }));
    }
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
            (true, false) => entry.missing.push(at(&a.file, a.line)),
            // Reported below, with the other unannotated findings.
            (false, true) => {}
        }
    }
    for &(file, line, rule) in &fired {
        if !expected.contains(&(file, line, rule)) {
            out.entry(rule.to_string()).or_default().unexpected.push(at(file, line));
        }
    }
    out
}

/// `file:line`, or the project marker alone for a project-level finding.
fn at(file: &str, line: u32) -> String {
    if line == 0 { file.to_string() } else { format!("{file}:{line}") }
}

/// The findings of a scan as `(file, line, rule)`, without those in expectation files.
/// Project-level ones (file [`PROJECT_PATH`], line 0) are compared only when `project`
/// (the fixtures have an [`EXPECTED_FILE`]).
pub fn findings_of(result: &ScanResult, project: bool) -> Vec<(String, u32, String)> {
    result
        .findings
        .iter()
        .filter(|f| !is_expectation_file(&f.evidence.file))
        .filter_map(|f| match (&*f.evidence.file == PROJECT_PATH, project) {
            (true, false) => None,
            (true, true) => Some((PROJECT_PATH.to_string(), 0, f.rule_id.to_string())),
            (false, _) => Some((f.evidence.file.to_string(), f.evidence.lines[0], f.rule_id.to_string())),
        })
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

    #[test]
    fn sidecars_and_expected_project_findings() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.json"), "{\n  \"debug\": true\n}\n").unwrap();
        std::fs::write(dir.path().join("config.json.annotations.yaml"), "- {line: 2, ruleid: J-DEBUG}\n- {line: 1, ok: [J-DEBUG, J-OTHER]}\n").unwrap();
        std::fs::write(dir.path().join(EXPECTED_FILE), "project: [OB-1]\n").unwrap();
        let ann = collect(dir.path()).unwrap();
        let got: Vec<(&str, u32, &str, bool)> = ann.iter().map(|a| (a.file.as_str(), a.line, a.rule.as_str(), a.must_fire)).collect();
        assert_eq!(
            got,
            vec![
                (PROJECT_PATH, 0, "OB-1", true),
                ("config.json", 1, "J-DEBUG", false),
                ("config.json", 1, "J-OTHER", false),
                ("config.json", 2, "J-DEBUG", true)
            ]
        );
        let fired = vec![("config.json".to_string(), 2, "J-DEBUG".to_string()), (PROJECT_PATH.to_string(), 0, "OB-2".to_string())];
        let out = compare(&ann, &fired);
        assert_eq!((out["OB-1"].missing.clone(), out["OB-2"].unexpected.clone()), (vec![PROJECT_PATH.to_string()], vec![PROJECT_PATH.to_string()]));
        assert!(out["J-DEBUG"].ok());
        std::fs::write(dir.path().join("config.json.annotations.yaml"), "- {line: 2, ruleid: A, ok: B}\n").unwrap();
        let err = collect(dir.path()).unwrap_err().to_string();
        assert!(err.contains("config.json.annotations.yaml") && err.contains("exactly one"), "{err}");
        // Not a sidecar at all: the error says where, not what it read.
        std::fs::write(dir.path().join("config.json.annotations.yaml"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
        let err = collect(dir.path()).unwrap_err().to_string();
        assert!(err.contains("config.json.annotations.yaml") && !err.contains("/bin/bash") && !err.contains("root:x"), "{err}");
        // A link is not followed.
        std::fs::remove_file(dir.path().join("config.json.annotations.yaml")).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("config.json.annotations.yaml")).unwrap();
        assert!(collect(dir.path()).is_ok());
    }
}
