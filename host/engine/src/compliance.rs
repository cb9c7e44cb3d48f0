//! Compliance reports: one pack's scan, organised by the clauses of its framework. Each
//! clause lists the rules mapped to it with a status (passing, failing with a finding
//! count, obligation open, not applicable) and, for rules that require a pattern, the
//! files and lines that satisfy it: the evidence an auditor asks for.

use std::collections::BTreeMap;
use std::path::Path;

pub use sentra_model::compliance::{ClauseReport, ClauseStatus, ComplianceReport, ComplianceSummary, Evidence, MAX_EVIDENCE_PER_RULE, RuleStatus};

use crate::scan::ScanResult;
use crate::{Config, PackSet};

/// Natural order for clause ids: `CC6.10` after `CC6.9`, `164.312(b)` after `164.308(a)`.
fn clause_key(c: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut num = String::new();
    for ch in c.chars() {
        if ch.is_ascii_digit() {
            num.push(ch);
        } else {
            if !num.is_empty() {
                out.push((std::mem::take(&mut text), num.parse().unwrap_or(0)));
                num.clear();
            }
            text.push(ch);
        }
    }
    out.push((text, num.parse().unwrap_or(0)));
    out
}

/// The report for `pack_id` from a scan of `root` that ran it.
pub fn report(pack_id: &str, packs: &PackSet, result: &ScanResult, root: &Path, config: &Config, target: &str) -> Option<ComplianceReport> {
    let pack = packs.packs.iter().find(|p| p.id() == pack_id)?;
    let info = pack.pack.info();
    let not_applicable: std::collections::HashSet<&str> =
        result.not_applicable_rules.iter().filter_map(|r| r.strip_prefix(pack_id).and_then(|r| r.strip_prefix('/'))).collect();
    let disabled: std::collections::HashSet<&str> =
        result.disabled_rules.iter().filter_map(|r| r.strip_prefix(pack_id).and_then(|r| r.strip_prefix('/'))).collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in result.findings.iter().filter(|f| f.pack_id == pack_id) {
        *counts.entry(f.rule_id.as_str()).or_default() += 1;
    }
    let files = crate::scan::walk_tree(root, config);
    let mut by_clause: BTreeMap<String, Vec<RuleStatus>> = BTreeMap::new();
    let mut summary = ComplianceSummary::default();
    for rule in pack.rules() {
        let n = counts.get(rule.id.as_str()).copied().unwrap_or(0);
        let obligation = rule.project_level && rule.kind == "documentation_obligation";
        if obligation {
            summary.obligations += 1;
        } else {
            summary.code_checks += 1;
        }
        let status = if not_applicable.contains(rule.id.as_str()) || disabled.contains(rule.id.as_str()) || rule.skipped.is_some() {
            ClauseStatus::NotApplicable
        } else if obligation {
            ClauseStatus::Open
        } else if n > 0 {
            ClauseStatus::Failing
        } else {
            ClauseStatus::Passing
        };
        let (evidence, evidence_total) =
            if status == ClauseStatus::Passing && rule.kind == "required_pattern" { evidence_for(rule, &files, config) } else { (Vec::new(), 0) };
        by_clause.entry(rule.clause.clone()).or_default().push(RuleStatus {
            id: rule.id.clone(),
            name: rule.name.clone(),
            kind: rule.kind.clone(),
            status,
            findings: n,
            description: if rule.description.is_empty() { rule.remediation.clone() } else { rule.description.clone() },
            evidence,
            evidence_total,
        });
    }
    let mut clauses: Vec<ClauseReport> = by_clause
        .into_iter()
        .map(|(clause, rules)| {
            let status = rules.iter().map(|r| r.status).min().unwrap_or(ClauseStatus::NotApplicable);
            ClauseReport { clause, status, rules }
        })
        .collect();
    clauses.sort_by_key(|c| clause_key(&c.clause));
    summary.clauses = clauses.len();
    for c in &clauses {
        match c.status {
            ClauseStatus::Passing => summary.passing += 1,
            ClauseStatus::Failing => summary.failing += 1,
            ClauseStatus::Open => summary.open += 1,
            ClauseStatus::NotApplicable => summary.not_applicable += 1,
        }
    }
    let standard = pack.rules().first().map(|r| r.standard.clone()).unwrap_or_default();
    Some(ComplianceReport { pack_id: pack_id.into(), pack_name: info.name.clone(), standard, target: target.into(), clauses, summary })
}

/// Where a required pattern is present: the first matching line of each file in its scope.
fn evidence_for(rule: &sentra_runtime::RuleInfo, files: &[(String, std::path::PathBuf, u64)], config: &Config) -> (Vec<Evidence>, usize) {
    let Some(pattern) = &rule.pattern else { return (Vec::new(), 0) };
    // Evidence is best effort: patterns PCRE2 alone can run are left without it.
    let Ok(re) = regex::RegexBuilder::new(pattern).multi_line(true).size_limit(1 << 22).build() else { return (Vec::new(), 0) };
    let set = |globs: &[String]| {
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            if let Ok(g) = crate::glob::compile_glob(g) {
                b.add(g);
            }
        }
        b.build().unwrap_or_else(|_| globset::GlobSet::empty())
    };
    let (include, exclude) = (set(&rule.file_globs), set(&rule.exclude_globs));
    let mut out = Vec::new();
    let mut total = 0;
    for (rel, path, len) in files {
        if (!rule.file_globs.is_empty() && !include.is_match(rel)) || exclude.is_match(rel) {
            continue;
        }
        let Some(data) = crate::scan::load_file(path, *len, config.max_file_bytes, false) else { continue };
        let text = String::from_utf8_lossy(data.bytes());
        if let Some(m) = re.find(&text) {
            total += 1;
            if out.len() < MAX_EVIDENCE_PER_RULE {
                let line = text[..m.start()].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
                out.push(Evidence { file: rel.clone(), line });
            }
        }
    }
    (out, total)
}

#[cfg(test)]
mod tests {
    use super::clause_key;

    #[test]
    fn clauses_sort_naturally() {
        let mut c = vec!["CC6.10", "CC6.9", "CC10.1", "164.312(b)", "164.308(a)(1)"];
        c.sort_by_key(|c| clause_key(c));
        assert_eq!(c, ["164.308(a)(1)", "164.312(b)", "CC6.9", "CC6.10", "CC10.1"]);
    }
}
