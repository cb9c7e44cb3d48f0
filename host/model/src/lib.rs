//! sentra's result model, at the bottom of the crate graph (as ripgrep's `grep-matcher`
//! owns `Match`): severities, rule metadata, findings, scan, gate and compliance results,
//! tracker settings. It names no engine and no wasmtime, so reports, trackers and the store
//! depend on it alone.

pub mod compliance;
pub mod devops;
pub mod finding;
pub mod gate;
pub mod requirement;
pub mod result;
pub mod rule;

pub use finding::{BySeverity, Evidence, Finding, FixSuggestion, PROJECT_PATH};
pub use gate::{GatePolicy, GateResult, compliance_score, gate, gate_with};
pub use requirement::Requirement;
pub use result::{
    ErroredPack, ExpiredSuppression, OnError, PackSummary, RuleErrorReport, RuleSummary, ScanResult, SkippedFiles, SkippedRule, SuppressedFinding,
};
pub use rule::{Conditions, PackInfo, RuleInfo};
/// Shared with the pack format, so a YAML severity and a finding's are one type.
pub use sentra_pack_format::Severity;

/// Report formats `reporters` may name (the report renderers' formats).
pub const REPORT_FORMATS: [&str; 5] = ["json", "csv", "sarif", "junit", "html"];
