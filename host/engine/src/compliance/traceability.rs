//! Requirement traceability as evidence (`traceability:` in a compliance pack): the
//! requirements the project defines (`requirements.yaml`) traced to code by `REQ-`/`SRS-`
//! ids in comments, computed as `check-coverage` computes it.

use std::path::{Path, PathBuf};

use sentra_model::compliance::{ClauseStatus, Evidence, MAX_EVIDENCE_PER_RULE, RuleStatus};

use crate::Config;
use crate::trace::{self, REQUIREMENTS_FILE};

/// Most requirement ids a note lists by name.
const LISTED: usize = 10;

/// The status of `source`'s clause from the tree at `root` (`files` as the scan walked it):
/// failing when a defined requirement is traced to no code or code names a requirement
/// that is not defined, not assessed when the project defines none, passing otherwise, with
/// the files that trace as evidence.
pub(super) fn status(source: &sentra_pack_format::TraceSource, root: &Path, files: &[(String, PathBuf, u64)], config: &Config) -> RuleStatus {
    let mut status = RuleStatus::new(
        "requirements:traceability".into(),
        source.name.clone(),
        "traceability".into(),
        format!("Requirements defined in `{REQUIREMENTS_FILE}` are traced to the code that implements them (`REQ-`/`SRS-` ids in comments)."),
    );
    let requirements = match trace::read_requirements(root) {
        Ok(r) => r,
        Err(_) => {
            // The parser's message may quote the file; the report names the file only.
            return with(
                status,
                ClauseStatus::NotAssessed,
                format!("`{REQUIREMENTS_FILE}` is not a valid requirements file (run `sentra check-coverage` to see why)"),
            );
        }
    };
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|(rel, path, len)| {
            crate::scan::load_file(path, *len, config.max_file_bytes, false).map(|d| (rel.clone(), String::from_utf8_lossy(d.bytes()).into_owned()))
        })
        .collect();
    let coverage = trace::coverage(&requirements, &texts);
    let traced: Vec<&str> = {
        let mut f: Vec<&str> = coverage.requirements.iter().flat_map(|r| r.files.iter().map(String::as_str)).collect();
        f.sort_unstable();
        f.dedup();
        f
    };
    status.files_assessed = texts.len();
    let undefined: Vec<&str> = coverage.requirements.iter().filter(|r| !r.defined).map(|r| r.id.as_str()).collect();
    if coverage.summary.total == 0 {
        let why = if undefined.is_empty() {
            format!("the project defines no requirements (`{REQUIREMENTS_FILE}` is absent or empty) and no comment names one")
        } else {
            format!("comments name {} requirement(s) ({}), but `{REQUIREMENTS_FILE}` defines none", undefined.len(), listed(&undefined))
        };
        return with(status, ClauseStatus::NotAssessed, why);
    }
    let summary = &coverage.summary;
    status.notes.push(format!("{} of {} requirements traced to code, in {} file(s)", summary.implemented, summary.total, traced.len()));
    if !coverage.unimplemented.is_empty() {
        let ids: Vec<&str> = coverage.unimplemented.iter().map(String::as_str).collect();
        status.notes.push(format!("traced to no code: {}", listed(&ids)));
    }
    if !undefined.is_empty() {
        status.notes.push(format!("named in code but not defined in `{REQUIREMENTS_FILE}`: {}", listed(&undefined)));
        for r in coverage.requirements.iter().filter(|r| !r.defined) {
            status.locations.extend(r.files.iter().map(|f| Evidence { file: f.clone(), line: 1 }));
        }
        status.locations.truncate(MAX_EVIDENCE_PER_RULE);
    }
    if !coverage.untraced_files.is_empty() {
        status.notes.push(format!("{} source file(s) trace to no requirement", coverage.untraced_files.len()));
    }
    status.findings = coverage.unimplemented.len() + undefined.len();
    status.status = if status.findings > 0 { ClauseStatus::Failing } else { ClauseStatus::Passing };
    if status.status == ClauseStatus::Passing {
        status.evidence = traced.iter().take(MAX_EVIDENCE_PER_RULE).map(|f| Evidence { file: f.to_string(), line: 1 }).collect();
        status.evidence_total = traced.len();
    }
    status
}

fn listed(ids: &[&str]) -> String {
    let mut s = ids.iter().take(LISTED).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > LISTED {
        s.push_str(&format!(" and {} more", ids.len() - LISTED));
    }
    s
}

fn with(mut status: RuleStatus, s: ClauseStatus, note: String) -> RuleStatus {
    status.status = s;
    status.notes.push(note);
    status
}
