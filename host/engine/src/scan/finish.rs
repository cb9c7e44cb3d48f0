//! Everything after the file loop: project-level rules, the final ordering, and the
//! assembled [`ScanResult`]. (Severity overrides, suppressions and the cap on findings
//! apply as findings arrive: [`super::held`].)

use std::collections::BTreeMap;
use std::time::Instant;

use sentra_runtime::PackError;

use super::held::{MAX_FINDINGS_PER_RESULT, Settler, order};
use super::rules::{RuleSelection, rules_run};
use super::scan_file::Shared;
use super::{ErroredPack, PackSummary, RuleErrorReport, ScanResult, SkippedFiles};
use crate::config::Config;
use crate::finding::{BySeverity, Finding, project_finding};
use crate::packs::{PackSet, PreparedPack};
use crate::suppress::{ExpiredSuppression, SuppressedFinding};

/// A pack's failure as the result reports it.
pub(super) fn errored(prepared: &PreparedPack, e: &PackError, file: Option<String>, config: &Config) -> ErroredPack {
    errored_with(prepared, e.to_string(), file, config)
}

pub(super) fn errored_with(prepared: &PreparedPack, message: String, file: Option<String>, config: &Config) -> ErroredPack {
    ErroredPack {
        pack_id: prepared.id().to_string(),
        message,
        file,
        rules: prepared.rules().iter().map(|r| r.id.clone()).collect(),
        on_error: config.on_error(prepared.id()),
    }
}

/// Runs the active project-level rules of every pack still in the scan over the list of
/// all files (`dead[p]`: pack `p` failed during the file loop). A required-file rule
/// whose control is present has nothing to report, so its pack is not asked.
pub(super) fn run_project_rules(
    packs: &PackSet,
    rules: &RuleSelection,
    dead: &[bool],
    all_files: &[&str],
    scopes: &[sentra_runtime::CallScope],
    settler: &Settler<'_>,
    shared: &mut Shared,
) {
    let config = settler.config();
    for (p, prepared) in packs.packs.iter().enumerate() {
        let runs = |r: usize| prepared.rules()[r].project_level && rules.active[p][r] && !rules.satisfied[p][r];
        let project_rules: Vec<u32> = (0..prepared.rules().len()).filter(|&r| runs(r)).map(|r| r as u32).collect();
        if dead[p] || project_rules.is_empty() {
            continue;
        }
        match prepared.pack.scan_project(all_files, &project_rules, &scopes[p]) {
            Ok(out) => {
                if let Some(of) = out.overflows.first() {
                    let message = super::scan_file::overflow_message(prepared.id(), "the project", of);
                    shared.errored.entry(prepared.id().to_string()).or_insert_with(|| errored_with(prepared, message, None, config));
                }
                // Occurrences number repeated findings of a rule, for distinct fingerprints.
                let mut occurrences: BTreeMap<String, u32> = BTreeMap::new();
                let mut found = Vec::new();
                for raw in out.findings {
                    let Some(ri) = prepared.rules().iter().position(|r| r.id == raw.rule_id && r.project_level) else { continue };
                    if !project_rules.contains(&(ri as u32)) {
                        continue;
                    }
                    let n = occurrences.entry(prepared.rules()[ri].id.clone()).or_insert(0);
                    found.push(project_finding(prepared.meta(ri), raw, *n));
                    *n += 1;
                }
                shared.add_settled(settler.settle(found));
            }
            Err(e) => {
                shared.errored.entry(prepared.id().to_string()).or_insert_with(|| errored(prepared, &e, None, config));
            }
        }
    }
}

/// Says what went wrong with the temporary file findings waited in: a warning when later
/// ones stayed in memory instead, and each pack that lost findings with it (reading it back
/// failed) among the errored packs.
fn note_spill(warning: Option<String>, error: Option<String>, lost: BTreeMap<String, usize>, errored: &mut BTreeMap<String, ErroredPack>, config: &Config) {
    if let Some(warning) = warning {
        tracing::warn!("{warning}");
    }
    let Some(error) = error else { return };
    for (pack, n) in lost {
        add_note(pack, format!("{n} findings lost: {error}"), errored, config);
    }
}

/// Lists each pack that lost findings to the result's cap among the errored packs.
fn note_capped(dropped: BTreeMap<String, usize>, errored: &mut BTreeMap<String, ErroredPack>, config: &Config) {
    for (pack, n) in dropped {
        add_note(pack, format!("{n} findings dropped: a scan result holds at most {MAX_FINDINGS_PER_RESULT} (the most severe are kept)"), errored, config);
    }
}

/// Adds `note` to the pack's entry among the errored packs (making one if it has none).
fn add_note(pack: String, note: String, errored: &mut BTreeMap<String, ErroredPack>, config: &Config) {
    errored.entry(pack.clone()).and_modify(|e| e.message = format!("{}; and {note}", e.message)).or_insert_with(|| ErroredPack {
        message: format!("pack `{pack}`: {note}"),
        file: None,
        rules: Vec::new(),
        on_error: config.on_error(&pack),
        pack_id: pack,
    });
}

pub(super) struct Settled {
    findings: Vec<Finding>,
    suppressed: Vec<SuppressedFinding>,
    expired_suppressions: Vec<ExpiredSuppression>,
    rule_errors: Vec<RuleErrorReport>,
    errored: BTreeMap<String, ErroredPack>,
    skipped: SkippedFiles,
    scanned: usize,
    syntax_errors: Vec<sentra_model::result::SyntaxNote>,
}

/// Orders what the file loop and the project rules gathered (already settled and capped,
/// see [`Held`]), so a result never depends on thread timing.
pub(super) fn settle(shared: Shared, config: &Config) -> Settled {
    let held = shared.held.finish();
    let (findings, expired_suppressions) = (held.findings, held.expired);
    let mut errored = shared.errored;
    note_capped(held.dropped, &mut errored, config);
    note_spill(held.spill_warning, held.read_error, held.lost, &mut errored, config);
    let mut suppressed = shared.suppressed;
    suppressed.sort_by(|a, b| order(&a.finding, &b.finding));
    let mut rule_errors = shared.rule_errors;
    rule_errors.sort_by(|a, b| (&a.pack_id, &a.rule_id, &a.file).cmp(&(&b.pack_id, &b.rule_id, &b.file)));
    let mut syntax_errors = shared.syntax_errors;
    super::scan_file::first_syntax_notes(&mut syntax_errors);
    Settled { findings, suppressed, expired_suppressions, rule_errors, errored, skipped: shared.skipped, scanned: shared.scanned, syntax_errors }
}

impl Settled {
    /// The scan's result; `started` is when the scan began.
    pub(super) fn into_result(self, packs: &PackSet, rules: RuleSelection, config: &Config, started: Instant) -> ScanResult {
        let findings = self.findings;
        ScanResult {
            total: findings.len(),
            by_severity: BySeverity::count(&findings),
            findings,
            files_scanned: self.scanned,
            files_skipped: self.skipped,
            duration_ms: started.elapsed().as_millis() as u64,
            packs: packs
                .packs
                .iter()
                .map(|p| PackSummary {
                    pack_id: p.id().to_string(),
                    name: p.pack.info().name.clone(),
                    version: p.pack.info().version.clone(),
                    rules: p.rules().len(),
                })
                .collect(),
            errored_packs: self.errored.into_values().collect(),
            rule_errors: self.rule_errors,
            skipped_rules: rules.skipped,
            not_applicable_rules: rules.not_applicable,
            disabled_rules: rules.disabled,
            suppressed: self.suppressed,
            expired_suppressions: self.expired_suppressions,
            rules: rules_run(packs, &rules.active, config),
            syntax_errors: self.syntax_errors,
        }
    }
}
