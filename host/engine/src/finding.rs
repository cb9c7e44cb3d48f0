//! Findings as sentra reports them, and the post-processing that turns a pack's raw
//! finding into one: metadata from the rule, snippet, confidence and a stable fingerprint.

use std::collections::HashMap;

pub use sentra_model::{BySeverity, Evidence, Finding, FixSuggestion, PROJECT_PATH};
use sentra_model::{Severity, SharedList, SharedStr};
use sentra_runtime::{RawFinding, RuleInfo};
use sha2::{Digest, Sha256};

/// Longest snippet kept, in characters.
const MAX_SNIPPET_CHARS: usize = 500;
/// Lines of context kept in a snippet.
const MAX_SNIPPET_LINES: u32 = 5;
/// A rule's remediation as each of its findings repeats it (bytes): longer text is cut
/// there and kept whole once in the result's `rules`, so a rule with long guidance and
/// many findings does not multiply it.
pub const MAX_FINDING_REMEDIATION_BYTES: usize = 1024;

/// `text` cut at a character boundary to at most `max` bytes, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

fn is_comment_line(line: &str) -> bool {
    let t = line.trim_start();
    // `--` only with a space after it: `-----BEGIN` and YAML `---` are not comments.
    ["#", "//", "/*", "* ", "-- ", ";", "<!--"].iter().any(|p| t.starts_with(p)) || t == "*" || t == "--"
}

/// Test code often holds deliberate fake credentials; findings there are less certain.
pub fn is_test_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    lower.split('/').any(|seg| matches!(seg, "test" | "tests" | "__tests__" | "spec" | "testdata" | "fixtures"))
        || name.starts_with("test_")
        || name.contains("_test.")
        || name.contains(".test.")
        || name.contains(".spec.")
}

/// What every finding of one rule repeats, built once per rule: its findings share it
/// (one allocation per text however many findings) instead of each copying it.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    pub rule_id: SharedStr,
    pub pack_id: SharedStr,
    pub severity: Severity,
    /// The remediation as findings repeat it (cut at `MAX_FINDING_REMEDIATION_BYTES`).
    pub remediation: SharedStr,
    pub standard: SharedStr,
    pub clause: SharedStr,
    pub category: SharedStr,
    pub tags: SharedList,
    pub cwe: SharedList,
    pub references: SharedList,
    pub is_obligation: bool,
}

impl RuleMeta {
    pub fn new(pack_id: &str, rule: &RuleInfo) -> Self {
        Self {
            rule_id: rule.id.as_str().into(),
            pack_id: pack_id.into(),
            severity: rule.severity,
            remediation: cut(&rule.remediation, MAX_FINDING_REMEDIATION_BYTES).into(),
            standard: rule.standard.as_str().into(),
            clause: rule.clause.as_str().into(),
            category: if rule.category.is_empty() { "code".into() } else { rule.category.as_str().into() },
            tags: rule.tags.as_slice().into(),
            cwe: rule.cwe.as_slice().into(),
            references: rule.references.as_slice().into(),
            is_obligation: matches!(rule.kind.as_str(), "documentation_obligation" | "obligation"),
        }
    }
}

/// Builds findings for one file; counts occurrences so identical matches in one file get
/// distinct, stable fingerprints.
pub struct FileFindings<'a> {
    path: &'a str,
    /// The path every finding of the file shares.
    shared_path: SharedStr,
    text: sentra_matcher::Text<'a>,
    occurrences: HashMap<(SharedStr, [u8; 32]), u32>,
}

impl<'a> FileFindings<'a> {
    pub fn new(path: &'a str, contents: &'a [u8]) -> Self {
        Self { path, shared_path: path.into(), text: sentra_matcher::Text::new(contents), occurrences: HashMap::new() }
    }

    pub fn build(&mut self, rule: &RuleMeta, mut raw: RawFinding) -> Finding {
        let bytes = self.text.bytes();
        let start = self.text.offset(raw.line, raw.column);
        let end = self.text.offset(raw.end_line, raw.end_column).max(start);
        // The fingerprint hashes what the pack reported; the positions shown stay in the file.
        (raw.line, raw.column, raw.end_line, raw.end_column) = self.text.clamp_span(raw.line, raw.column, raw.end_line, raw.end_column);
        let matched: &[u8] = if end > start { &bytes[start..end] } else { trim_ascii(self.text.line(raw.line)) };
        let text_hash: [u8; 32] = Sha256::digest(matched).into();
        let n = self.occurrences.entry((rule.rule_id.clone(), text_hash)).or_insert(0);
        let occurrence = *n;
        *n += 1;

        let last = raw.end_line.min(raw.line + MAX_SNIPPET_LINES - 1).max(raw.line);
        let mut snippet = String::new();
        for l in raw.line..=last {
            if l > raw.line {
                snippet.push('\n');
            }
            snippet.push_str(&String::from_utf8_lossy(self.text.line(l)));
        }
        if snippet.chars().count() > MAX_SNIPPET_CHARS {
            snippet = snippet.chars().take(MAX_SNIPPET_CHARS).collect::<String>() + "…";
        }
        let first_line = String::from_utf8_lossy(self.text.line(raw.line)).into_owned();
        let mut confidence: f32 = if is_comment_line(&first_line) { 0.5 } else { 1.0 };
        if is_test_path(self.path) {
            confidence = confidence.min(0.7);
        }
        let fingerprint = fingerprint(&rule.rule_id, self.path, &text_hash, occurrence);
        assemble(rule, raw, self.shared_path.clone(), snippet, confidence, fingerprint)
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

fn fingerprint(rule_id: &str, path: &str, text_hash: &[u8; 32], occurrence: u32) -> String {
    let mut h = Sha256::new();
    h.update(rule_id.as_bytes());
    h.update([0]);
    h.update(path.as_bytes());
    h.update([0]);
    h.update(text_hash);
    h.update(occurrence.to_le_bytes());
    hex::encode(h.finalize())
}

fn assemble(rule: &RuleMeta, raw: RawFinding, path: SharedStr, snippet: String, confidence: f32, fingerprint: String) -> Finding {
    Finding {
        finding_id: fingerprint[..16].to_string(),
        rule_id: rule.rule_id.clone(),
        pack_id: rule.pack_id.clone(),
        severity: rule.severity,
        message: raw.message,
        evidence: Evidence { file: path, lines: [raw.line, raw.end_line.max(raw.line)], column: raw.column, end_column: raw.end_column, snippet },
        suggestion: rule.remediation.clone(),
        confidence,
        standard: rule.standard.clone(),
        clause: rule.clause.clone(),
        compliance_category: rule.category.clone(),
        remediation_guidance: rule.remediation.clone(),
        tags: rule.tags.clone(),
        cwe: rule.cwe.clone(),
        references: rule.references.clone(),
        is_obligation: rule.is_obligation,
        fingerprint,
        fix: raw.fix,
        flow: raw.flow,
    }
}

/// A project-level finding (no file).
pub fn project_finding(rule: &RuleMeta, raw: RawFinding, occurrence: u32) -> Finding {
    let text_hash: [u8; 32] = Sha256::digest(raw.message.as_bytes()).into();
    let fp = fingerprint(&rule.rule_id, PROJECT_PATH, &text_hash, occurrence);
    let mut f = assemble(rule, raw, PROJECT_PATH.into(), String::new(), 1.0, fp);
    f.evidence.lines = [0, 0];
    f.evidence.column = 0;
    f.evidence.end_column = 0;
    f
}

#[cfg(test)]
mod tests {
    use sentra_runtime::Severity;

    use super::*;

    fn rule() -> RuleInfo {
        RuleInfo {
            id: "R-1".into(),
            name: "n".into(),
            description: String::new(),
            kind: "regex".into(),
            severity: Severity::High,
            file_globs: vec![],
            exclude_globs: vec![],
            standard: String::new(),
            clause: String::new(),
            category: String::new(),
            cwe: vec![],
            tags: vec![],
            remediation: "fix it".into(),
            references: vec![],
            required_literals: vec![],
            pattern: None,
            project_level: false,
            applies_when: None,
            skipped: None,
        }
    }

    fn raw(line: u32, col: u32, end_col: u32) -> RawFinding {
        RawFinding { rule_id: "R-1".into(), file: 0, line, column: col, end_line: line, end_column: end_col, message: "m".into(), fix: None, flow: vec![] }
    }

    #[test]
    fn fingerprint_survives_moving_code_and_separates_repeats() {
        let before = b"x = 1\nkey = 'AKIA1'\n";
        let after = b"# moved\n\n\nx = 1\nkey = 'AKIA1'\nkey = 'AKIA1'\n";
        let f1 = FileFindings::new("a.py", before).build(&RuleMeta::new("p", &rule()), raw(2, 8, 13));
        let mut ff = FileFindings::new("a.py", after);
        let f2 = ff.build(&RuleMeta::new("p", &rule()), raw(5, 8, 13));
        let f3 = ff.build(&RuleMeta::new("p", &rule()), raw(6, 8, 13));
        assert_eq!(f1.fingerprint, f2.fingerprint);
        assert_ne!(f2.fingerprint, f3.fingerprint);
        assert_eq!(f1.evidence.snippet, "key = 'AKIA1'");
        let other_path = FileFindings::new("b.py", before).build(&RuleMeta::new("p", &rule()), raw(2, 8, 13));
        assert_ne!(f1.fingerprint, other_path.fingerprint);
    }

    #[test]
    fn confidence_heuristic() {
        let f = FileFindings::new("src/a.py", b"# key = 'AKIA1'\n").build(&RuleMeta::new("p", &rule()), raw(1, 3, 5));
        assert_eq!(f.confidence, 0.5);
        let f = FileFindings::new("k.pem", b"-----BEGIN KEY-----\n").build(&RuleMeta::new("p", &rule()), raw(1, 1, 3));
        assert_eq!(f.confidence, 1.0);
        let f = FileFindings::new("tests/a.py", b"key = 1\n").build(&RuleMeta::new("p", &rule()), raw(1, 1, 3));
        assert_eq!(f.confidence, 0.7);
        let f = FileFindings::new("src/a.py", b"key = 1\n").build(&RuleMeta::new("p", &rule()), raw(1, 1, 3));
        assert_eq!(f.confidence, 1.0);
    }

    #[test]
    fn evidence_never_passes_the_end_of_the_file() {
        let text = b"flask==0.1\nrequests\n";
        // A match of the last line that took its newline ends on that line.
        let mut f = raw(2, 1, 1);
        f.end_line = 3;
        let got = FileFindings::new("requirements.txt", text).build(&RuleMeta::new("p", &rule()), f);
        assert_eq!((got.evidence.lines, got.evidence.column, got.evidence.end_column), ([2, 2], 1, 9));
        // A pack that names a line after the last is held to the last.
        let got = FileFindings::new("requirements.txt", text).build(&RuleMeta::new("p", &rule()), raw(7, 1, 4));
        assert_eq!(got.evidence.lines, [2, 2]);
        // Within the file nothing moves.
        let got = FileFindings::new("requirements.txt", text).build(&RuleMeta::new("p", &rule()), raw(1, 1, 6));
        assert_eq!((got.evidence.lines, got.evidence.column, got.evidence.end_column), ([1, 1], 1, 6));
    }

    #[test]
    fn long_remediation_is_cut_in_each_finding() {
        let mut r = rule();
        r.remediation = "é".repeat(5_000);
        let f = FileFindings::new("a.py", b"x = 1\n").build(&RuleMeta::new("p", &r), raw(1, 1, 2));
        assert!(f.remediation_guidance.len() <= MAX_FINDING_REMEDIATION_BYTES && f.remediation_guidance.ends_with('…'));
        assert_eq!(f.suggestion, f.remediation_guidance);
        assert_eq!(cut("short", 10), "short");
        // Every finding of the rule shares one copy.
        let meta = RuleMeta::new("p", &r);
        let mut ff = FileFindings::new("a.py", b"x = 1\ny = 2\n");
        let (a, b) = (ff.build(&meta, raw(1, 1, 2)), ff.build(&meta, raw(2, 1, 2)));
        assert!(std::ptr::eq(a.remediation_guidance.as_str(), b.remediation_guidance.as_str()));
        assert!(std::ptr::eq(a.evidence.file.as_str(), b.evidence.file.as_str()));
    }
}
