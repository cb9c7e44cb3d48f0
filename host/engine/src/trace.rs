//! Requirements traceability: `REQ-123` and `SRS-123` ids in source comments (any comment
//! syntax) checked against `requirements.yaml`. Each source file that traces to no
//! requirement is a finding (`SENTRA-REQ-COVERAGE`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub use sentra_model::Requirement;
use serde::{Deserialize, Serialize};

/// The rule id of untraced-file findings.
pub const COVERAGE_RULE: &str = "SENTRA-REQ-COVERAGE";
/// The requirements file, at the workspace root.
pub const REQUIREMENTS_FILE: &str = "requirements.yaml";

/// Source files by extension: what is expected to trace to a requirement.
pub(crate) const SOURCE_EXTENSIONS: &[&str] =
    &["py", "js", "jsx", "ts", "tsx", "mjs", "rs", "go", "java", "kt", "swift", "scala", "c", "h", "cc", "cpp", "hpp", "cs", "rb", "php"];

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct RequirementsFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TracedRequirement {
    pub id: String,
    pub title: String,
    /// Files whose comments name it.
    pub files: Vec<String>,
    /// In `requirements.yaml`.
    pub defined: bool,
    /// Named in at least one source comment.
    pub implemented: bool,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CoverageSummary {
    pub total: usize,
    pub implemented: usize,
    pub coverage_pct: f64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct UntracedFile {
    pub file: String,
    /// Stable: the same file gives the same id.
    pub finding_id: String,
    pub rule_id: String,
    pub category: String,
    pub message: String,
    /// `low`: a traceability gap, not a defect.
    pub severity: sentra_model::Severity,
    /// The whole file (line 1), as for any file-level finding.
    pub evidence: sentra_model::Evidence,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Coverage {
    pub requirements: Vec<TracedRequirement>,
    pub untraced_files: Vec<String>,
    /// Defined requirements no comment names.
    pub unimplemented: Vec<String>,
    pub summary: CoverageSummary,
    pub findings: Vec<UntracedFile>,
}

/// Whether `token` occurs in `text` as a whole word (not inside a longer id or number).
fn has_word(text: &str, token: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices(token).any(|(i, m)| {
        let end = i + m.len();
        // `#42` may follow anything (`AB#42`); a key must start a word.
        let start_ok = token.starts_with('#') || i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-');
        let end_ok = end >= b.len() || !b[end].is_ascii_alphanumeric();
        start_ok && end_ok
    })
}

/// How a requirement's work item is written in a comment: `#42` / `AB#42` for a numeric
/// id (GitHub, Azure Boards), the key itself for `SEC-12` (Jira).
fn work_item_token(id: &str) -> String {
    if id.chars().all(|c| c.is_ascii_digit()) { format!("#{id}") } else { id.to_string() }
}

/// `REQ-12` / `SRS-7` ids in one line's comment part, and the requirements whose work
/// item (`aliases`: token, requirement id) it names.
fn ids_in_comment(line: &str, openers: &[&str], aliases: &[(String, String)]) -> Vec<String> {
    let Some(at) = openers.iter().filter_map(|o| line.find(o)).min() else { return Vec::new() };
    let comment = &line[at..];
    let mut out: Vec<String> = aliases.iter().filter(|(token, _)| has_word(comment, token)).map(|(_, id)| id.clone()).collect();
    for prefix in ["REQ-", "SRS-"] {
        let mut rest = comment;
        while let Some(i) = rest.find(prefix) {
            let after = &rest[i + prefix.len()..];
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            let boundary_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
            if !digits.is_empty() && boundary_ok {
                out.push(format!("{prefix}{digits}"));
            }
            rest = &after[digits.len()..];
        }
    }
    out
}

/// Coverage of the tree at `root`: `files` are (relative path, contents) of its files.
pub fn coverage(requirements: &RequirementsFile, files: &[(String, String)]) -> Coverage {
    let aliases: Vec<(String, String)> = requirements
        .requirements
        .iter()
        .filter_map(|r| r.work_item_id.as_deref().filter(|w| !w.trim().is_empty()).map(|w| (work_item_token(w.trim()), r.req_id.clone())))
        .collect();
    let mut named: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // A requirement's `source_files` trace those files to it (what `generate-reqs` writes),
    // as a comment naming it would.
    let mut listed: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in &requirements.requirements {
        for f in &r.source_files {
            listed.entry(f.as_str()).or_default().push(r.req_id.as_str());
        }
    }
    let mut untraced = Vec::new();
    for (path, text) in files {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let openers = crate::suppress::comment_openers(path);
        let mut any = false;
        for id in listed.get(path.as_str()).into_iter().flatten() {
            named.entry((*id).to_string()).or_default().insert(path.clone());
            any = true;
        }
        for line in text.lines() {
            for id in ids_in_comment(line, openers, &aliases) {
                named.entry(id).or_default().insert(path.clone());
                any = true;
            }
        }
        if !any && SOURCE_EXTENSIONS.contains(&ext.as_str()) {
            untraced.push(path.clone());
        }
    }
    let defined: BTreeMap<&str, &Requirement> = requirements.requirements.iter().map(|r| (r.req_id.as_str(), r)).collect();
    let mut ids: BTreeSet<String> = defined.keys().map(|k| k.to_string()).collect();
    ids.extend(named.keys().cloned());
    let traced: Vec<TracedRequirement> = ids
        .iter()
        .map(|id| TracedRequirement {
            id: id.clone(),
            title: defined.get(id.as_str()).map(|r| r.title.clone()).unwrap_or_default(),
            files: named.get(id).map(|f| f.iter().cloned().collect()).unwrap_or_default(),
            defined: defined.contains_key(id.as_str()),
            implemented: named.contains_key(id),
        })
        .collect();
    let total = defined.len();
    let implemented = traced.iter().filter(|t| t.defined && t.implemented).count();
    let unimplemented = traced.iter().filter(|t| t.defined && !t.implemented).map(|t| t.id.clone()).collect();
    let findings = untraced
        .iter()
        .map(|f| UntracedFile {
            file: f.clone(),
            finding_id: finding_id_of(f),
            rule_id: COVERAGE_RULE.into(),
            category: "traceability".into(),
            message: format!("{f} traces to no requirement (no REQ-/SRS- or work item id in its comments, and no requirement lists it)"),
            severity: sentra_model::Severity::Low,
            evidence: sentra_model::Evidence { file: f.as_str().into(), lines: [1, 1], column: 1, end_column: 1, snippet: String::new() },
        })
        .collect();
    let coverage_pct = if total == 0 { 0.0 } else { (implemented as f64 * 1000.0 / total as f64).round() / 10.0 };
    Coverage { requirements: traced, untraced_files: untraced, unimplemented, summary: CoverageSummary { total, implemented, coverage_pct }, findings }
}

fn finding_id_of(path: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(format!("{COVERAGE_RULE}\0{path}").as_bytes()))[..16].to_string()
}

/// Reads `requirements.yaml` under `root` (absent: no requirements).
pub fn read_requirements(root: &Path) -> Result<RequirementsFile, String> {
    let path = root.join(REQUIREMENTS_FILE);
    if !path.is_file() {
        return Ok(RequirementsFile::default());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_saphyr::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_in_comments_only() {
        let files = vec![
            ("a.py".to_string(), "x = 'REQ-9'  # implements REQ-1, SRS-2\n".to_string()),
            ("b.rs".to_string(), "// REQ-3\nfn f() {}\n".to_string()),
            ("c.py".to_string(), "print('REQ-4')\n".to_string()),
            ("README.md".to_string(), "no ids\n".to_string()),
        ];
        let reqs = RequirementsFile {
            requirements: vec![Requirement { req_id: "REQ-1".into(), ..Default::default() }, Requirement { req_id: "REQ-5".into(), ..Default::default() }],
            ..Default::default()
        };
        let c = coverage(&reqs, &files);
        let ids: Vec<&str> = c.requirements.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["REQ-1", "REQ-3", "REQ-5", "SRS-2"]);
        assert_eq!(c.untraced_files, ["c.py"], "a string is not a comment; markdown is not source");
        assert_eq!((c.summary.total, c.summary.implemented, c.summary.coverage_pct), (2, 1, 50.0));
        assert_eq!(c.unimplemented, ["REQ-5"]);
        assert_eq!(c.findings[0].finding_id, coverage(&reqs, &files).findings[0].finding_id);
    }

    #[test]
    fn work_item_ids_in_comments_trace_to_their_requirement() {
        let req = |id: &str, wi: &str| Requirement { req_id: id.into(), work_item_id: Some(wi.into()), ..Default::default() };
        let reqs = RequirementsFile { requirements: vec![req("REQ-1", "42"), req("REQ-2", "SEC-12"), req("REQ-3", "7")], ..Default::default() };
        let files = vec![
            ("a.py".to_string(), "# fixes AB#42\n".to_string()),
            ("b.ts".to_string(), "// see SEC-12 for details\n".to_string()),
            ("c.rs".to_string(), "// #70 and XSEC-12 and SEC-123 are other items\nlet s = \"#7\";\n".to_string()),
        ];
        let c = coverage(&reqs, &files);
        assert_eq!(c.unimplemented, ["REQ-3"]);
        assert_eq!(c.untraced_files, ["c.rs"]);
        assert_eq!(c.requirements[1].files, ["b.ts"]);
    }
}
