//! Which rules a scan runs: decided once before the file loop (overrides, rules a pack
//! cannot evaluate, `applies_when` conditions), and reported in the result.

use sentra_runtime::{FileData, RuleInfo};

use super::{RuleSummary, SkippedRule};
use crate::config::Config;
use crate::packs::{PackSet, PreparedPack};

/// The rules of one scan.
pub(super) struct RuleSelection {
    /// `active[pack][rule]`: whether the rule runs.
    pub(super) active: Vec<Vec<bool>>,
    /// Rules their pack cannot evaluate, with the reason.
    pub(super) skipped: Vec<SkippedRule>,
    /// `pack/rule` of rules whose `applies_when` failed.
    pub(super) not_applicable: Vec<String>,
    /// `pack/rule` of rules turned off by `pack_overrides`.
    pub(super) disabled: Vec<String>,
    /// `satisfied[pack][rule]`: a required-file rule whose control the project shows (it
    /// runs, and has nothing to report).
    pub(super) satisfied: Vec<Vec<bool>>,
}

/// Decides which rules run in this scan. `read` gives file `i` of `paths` (`None` when
/// unreadable or binary) to the conditions that look at contents.
pub(super) fn active_rules(packs: &PackSet, paths: &[&str], read: &(dyn Fn(usize) -> Option<FileData> + Sync), config: &Config) -> RuleSelection {
    let enabled = |pack: &PreparedPack, rule: &RuleInfo| config.rule_enabled(pack.id(), &rule.id);
    // Conditions of rules that will not run are not evaluated (they may read every file).
    let conditions: Vec<Vec<Option<&sentra_runtime::Conditions>>> = packs
        .packs
        .iter()
        .map(|p| p.rules().iter().map(|r| if r.skipped.is_some() || !enabled(p, r) { None } else { r.applies_when.as_ref() }).collect())
        .collect();
    let mut active = crate::conditions::evaluate(&conditions, paths, read, &config.pack_limits.regex);
    let (mut skipped, mut not_applicable, mut disabled) = (Vec::new(), Vec::new(), Vec::new());
    for (p, pack) in packs.packs.iter().enumerate() {
        for (r, rule) in pack.rules().iter().enumerate() {
            if !enabled(pack, rule) {
                active[p][r] = false;
                disabled.push(format!("{}/{}", pack.id(), rule.id));
            } else if let Some(reason) = &rule.skipped {
                active[p][r] = false;
                skipped.push(SkippedRule { pack_id: pack.id().to_string(), rule_id: rule.id.clone(), reason: reason.clone() });
            } else if !active[p][r] {
                not_applicable.push(format!("{}/{}", pack.id(), rule.id));
            }
        }
    }
    let satisfied = super::presence::satisfied(packs, &active, paths, read, &config.pack_limits.regex);
    RuleSelection { active, skipped, not_applicable, disabled, satisfied }
}

/// The rules that ran, as the result lists them (severities after overrides).
pub(super) fn rules_run(packs: &PackSet, active: &[Vec<bool>], config: &Config) -> Vec<RuleSummary> {
    let mut out = Vec::new();
    for (p, pack) in packs.packs.iter().enumerate() {
        for (r, rule) in pack.rules().iter().enumerate() {
            if !active[p][r] {
                continue;
            }
            out.push(RuleSummary::of(pack.id(), rule, config.effective_severity(pack.id(), &rule.id, rule.severity)));
        }
    }
    out
}
