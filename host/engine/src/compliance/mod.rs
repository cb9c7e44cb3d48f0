//! Compliance reports: one pack's scan, organised by the clauses of its framework. Each
//! clause takes the weakest status of the rules mapped to it ([`ClauseStatus`]); a rule
//! passes only when its checks read files in scope and found nothing (or found the
//! evidence a presence check requires), and anything that could hide a result
//! (suppressions, disabled rules, errored packs, rule errors, skipped files) is named next
//! to the rule it affects, which is then at best `not_assessed`. The report says where it
//! came from ([`ReportProvenance`]) and what each status means.

mod provenance;
mod status;
mod traceability;

use std::collections::BTreeMap;
use std::path::Path;

pub use sentra_model::compliance::{
    Attestation, ClauseReport, ClauseStatus, ComplianceReport, ComplianceSummary, Evidence, LIMITS, MAX_EVIDENCE_PER_RULE, PackProvenance, ReportProvenance,
    ReportScope, RuleStatus, StatusMeaning,
};

use crate::scan::ScanResult;
use crate::{Config, PackSet};

/// What a report is built from: one scan of `root` that ran the pack.
pub struct ReportInput<'a> {
    pub pack_id: &'a str,
    pub packs: &'a PackSet,
    pub result: &'a ScanResult,
    pub root: &'a Path,
    pub config: &'a Config,
    /// The scanned directory as the reader knows it (`repo_path`, or the CLI's path).
    pub target: &'a str,
    /// Who ran it: an API key (`key:<id> (<name>)`) or a user of the CLI.
    pub run_by: &'a str,
    /// Obligations attested through the approvals API, keyed `pack/rule`.
    pub approvals: &'a BTreeMap<String, Attestation>,
}

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

/// The report for `input.pack_id`, or `None` when the scan's set does not hold that pack.
pub fn report(input: &ReportInput<'_>) -> Option<ComplianceReport> {
    let pack = input.packs.packs.iter().find(|p| p.id() == input.pack_id)?;
    let files = crate::scan::walk_tree(input.root, input.config);
    let facts = status::Facts::of(input.pack_id, input.result, &files, input.config, input.root, input.approvals);
    let extras = PackExtras::of(pack.pack.settings());
    // Per clause: each rule's status, the check it belongs to (itself, or the rule it is a
    // language variant of) and whether something could hide its result.
    let mut by_clause: BTreeMap<String, Vec<(RuleStatus, String, bool)>> = BTreeMap::new();
    let mut summary = ComplianceSummary::default();
    for rule in pack.rules() {
        let mut rule_status = facts.rule_status(rule);
        rule_status.variant_of = extras.variant_of.get(&rule.id).cloned();
        if rule_status.kind == "documentation_obligation" {
            summary.obligations += 1;
        } else {
            summary.code_checks += 1;
        }
        let check = extras.variant_of.get(&rule.id).cloned().unwrap_or_else(|| rule.id.clone());
        by_clause.entry(rule.clause.clone()).or_default().push((rule_status, check, facts.hides(rule)));
    }
    for source in &extras.evidence_from {
        summary.code_checks += 1;
        let ran = |id: &str| input.result.packs.iter().any(|p| p.pack_id == id);
        let members: Vec<(status::Facts<'_>, Vec<&sentra_runtime::RuleInfo>)> = input
            .packs
            .packs
            .iter()
            .filter(|p| p.id() != input.pack_id && status::names_pack(&source.pack, p.id()) && ran(p.id()))
            .map(|p| (status::Facts::of(p.id(), input.result, &files, input.config, input.root, input.approvals), status::selected(source, p.rules())))
            .collect();
        let cited = status::cited(source, &members);
        by_clause.entry(source.clause.clone()).or_default().push((cited.clone(), cited.id, false));
    }
    for source in &extras.traceability {
        summary.code_checks += 1;
        let traced = traceability::status(source, input.root, &files, input.config);
        by_clause.entry(source.clause.clone()).or_default().push((traced.clone(), traced.id, false));
    }
    let titles = extras.titles;
    let mut clauses: Vec<ClauseReport> = by_clause
        .into_iter()
        .map(|(clause, rules)| ClauseReport {
            title: titles.get(&clause).cloned(),
            status: clause_status(&rules),
            clause,
            rules: rules.into_iter().map(|r| r.0).collect(),
        })
        .collect();
    clauses.sort_by_key(|c| clause_key(&c.clause));
    summary.clauses = clauses.len();
    for c in &clauses {
        *match c.status {
            ClauseStatus::Passing => &mut summary.passing,
            ClauseStatus::Failing => &mut summary.failing,
            ClauseStatus::NotAssessed => &mut summary.not_assessed,
            ClauseStatus::Open => &mut summary.open,
            ClauseStatus::NotApplicable => &mut summary.not_applicable,
        } += 1;
    }
    let standard = pack.rules().first().map(|r| r.standard.clone()).unwrap_or_default();
    Some(ComplianceReport {
        pack_id: input.pack_id.into(),
        pack_name: pack.pack.info().name.clone(),
        standard,
        target: input.target.into(),
        clauses,
        summary,
        provenance: provenance::of(input, &files),
        statuses: ComplianceReport::legend(),
        limits: LIMITS.to_string(),
    })
}

/// The weakest status among a clause's checks, each check judged over its rules (a rule
/// and its language variants together).
fn clause_status(rules: &[(RuleStatus, String, bool)]) -> ClauseStatus {
    let mut checks: BTreeMap<&str, Vec<(ClauseStatus, bool)>> = BTreeMap::new();
    for (r, check, hidden) in rules {
        checks.entry(check.as_str()).or_default().push((r.status, *hidden));
    }
    checks.into_values().map(|m| status::combine(m.into_iter())).min().unwrap_or(ClauseStatus::NotApplicable)
}

/// What a YAML pack's document adds for reports: clause titles and other packs' findings
/// that evidence clauses (both checked when the pack loaded).
#[derive(Default)]
struct PackExtras {
    titles: BTreeMap<String, String>,
    evidence_from: Vec<sentra_pack_format::EvidenceSource>,
    traceability: Vec<sentra_pack_format::TraceSource>,
    /// Rule id to the rule it is a language variant of.
    variant_of: BTreeMap<String, String>,
}

impl PackExtras {
    fn of(document: Option<&str>) -> Self {
        let Some(value) = document.and_then(|text| serde_saphyr::from_str::<serde_json::Value>(text).ok()) else { return Self::default() };
        let titles = value.get("clauses").and_then(serde_json::Value::as_object).into_iter().flatten();
        Self {
            titles: titles.filter_map(|(id, title)| Some((id.clone(), title.as_str()?.to_string()))).collect(),
            evidence_from: value.get("evidence_from").and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default(),
            traceability: value.get("traceability").and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default(),
            variant_of: value
                .get("rules")
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|r| Some((r.get("id")?.as_str()?.to_string(), r.get("variant_of")?.as_str()?.to_string())))
                .collect(),
        }
    }
}

/// The packs whose findings `pack_id`'s report cites (`evidence_from`), among the ids of
/// `available` packs: a compliance scan runs them too.
pub fn evidence_packs(packs: &PackSet, pack_id: &str, available: &[String]) -> Vec<String> {
    let Some(pack) = packs.packs.iter().find(|p| p.id() == pack_id) else { return Vec::new() };
    let sources = PackExtras::of(pack.pack.settings()).evidence_from;
    let mut ids: Vec<String> =
        available.iter().filter(|id| id.as_str() != pack_id && sources.iter().any(|s| status::names_pack(&s.pack, id))).cloned().collect();
    ids.sort();
    ids.dedup();
    ids
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
