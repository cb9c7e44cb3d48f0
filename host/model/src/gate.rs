//! The gate's verdict on a scan result, and the compliance score.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{BySeverity, ErroredPack, Finding, OnError, ScanResult, Severity};

/// The compliance score, 0 to 100: the share of the rules that ran with no finding,
/// where a rule with findings costs by its worst one (critical 1, high 0.75, medium 0.5,
/// low 0.25, info 0). Obligations do not count. No rules: 100.
pub fn compliance_score(result: &ScanResult) -> f64 {
    if result.rules.is_empty() {
        return 100.0;
    }
    let mut worst: BTreeMap<(&str, &str), Severity> = BTreeMap::new();
    for f in result.findings.iter().filter(|f| !f.is_obligation) {
        let e = worst.entry((f.pack_id.as_str(), f.rule_id.as_str())).or_insert(f.severity);
        if f.severity < *e {
            *e = f.severity;
        }
    }
    let penalty: f64 = worst
        .values()
        .map(|s| match s {
            Severity::Critical => 1.0,
            Severity::High => 0.75,
            Severity::Medium => 0.5,
            Severity::Low => 0.25,
            Severity::Info => 0.0,
        })
        .sum();
    let score = 100.0 * (1.0 - penalty / result.rules.len().max(worst.len()) as f64);
    (score * 10.0).round() / 10.0
}

/// The gate's verdict on a scan result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct GateResult {
    pub passed: bool,
    pub total_findings: usize,
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
    pub fail_on: Vec<Severity>,
    pub errored_packs: Vec<String>,
    /// Packs that errored without failing the gate (their `pack_on_error` is `skip`, or
    /// governance does not block on errored packs): the verdict did not see all they check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errored_packs_not_blocking: Vec<String>,
    /// Findings that made the gate fail.
    pub blocking: usize,
    /// The approval request about this gate: the approved override that made it pass, or
    /// the pending review of its failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_id: Option<i64>,
}

/// What makes a gate fail.
#[derive(Clone, Debug, PartialEq)]
pub struct GatePolicy {
    pub fail_on: Vec<Severity>,
    /// Obligations count like findings.
    pub block_on_obligations: bool,
    /// An errored pack fails the gate (unless its `pack_on_error` is `skip`).
    pub block_on_errored_packs: bool,
}

/// Fails when any non-obligation finding has a severity in `fail_on`, or a pack errored
/// (unless its `on_error` policy is `skip`).
pub fn gate(result: &ScanResult, fail_on: &[Severity]) -> GateResult {
    gate_with(result, &GatePolicy { fail_on: fail_on.to_vec(), block_on_obligations: false, block_on_errored_packs: true })
}

/// The gate under a governance policy.
pub fn gate_with(result: &ScanResult, policy: &GatePolicy) -> GateResult {
    let fail_on = &policy.fail_on;
    let counted: Vec<&Finding> = result.findings.iter().filter(|f| policy.block_on_obligations || !f.is_obligation).collect();
    let by = BySeverity::count(counted.iter().copied());
    let blocking = counted.iter().filter(|f| fail_on.contains(&f.severity)).count();
    let (failing, not_blocking): (Vec<&ErroredPack>, Vec<&ErroredPack>) =
        result.errored_packs.iter().partition(|e| policy.block_on_errored_packs && e.on_error != OnError::Skip);
    GateResult {
        passed: blocking == 0 && failing.is_empty(),
        total_findings: counted.len(),
        critical: by.critical,
        high: by.high,
        medium: by.medium,
        low: by.low,
        info: by.info,
        fail_on: fail_on.to_vec(),
        errored_packs: failing.iter().map(|e| e.pack_id.clone()).collect(),
        errored_packs_not_blocking: not_blocking.iter().map(|e| e.pack_id.clone()).collect(),
        blocking,
        approval_id: None,
    }
}
