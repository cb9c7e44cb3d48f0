//! sentra's result model, at the bottom of the crate graph (as ripgrep's `grep-matcher`
//! owns `Match`): severities, rule metadata, findings, scan, gate and compliance results,
//! tracker settings. It names no engine and no wasmtime, so reports, trackers and the store
//! depend on it alone.

pub mod compliance;
pub mod devops;
pub mod finding;
pub mod gate;
pub mod pack_state;
pub mod requirement;
pub mod result;
pub mod rule;
pub mod shared;

pub use finding::{BySeverity, Evidence, Finding, FixSuggestion, FlowStep, PROJECT_PATH};
pub use gate::{GatePolicy, GateResult, compliance_score, gate, gate_with};
pub use pack_state::PackState;
pub use requirement::Requirement;
pub use result::{
    ErroredPack, ExpiredSuppression, OnError, PackSummary, RuleErrorReport, RuleSummary, ScanResult, SkippedFiles, SkippedRule, SuppressedFinding,
};
pub use rule::{Conditions, PackInfo, RuleInfo};
/// Shared with the pack format, so a YAML severity and a finding's are one type.
pub use sentra_pack_format::Severity;
pub use shared::{SharedList, SharedStr};

/// Report formats `reporters` may name (the report renderers' formats).
/// The tenant every single-tenant setup uses (and keys get unless told otherwise).
pub const DEFAULT_TENANT: &str = "default";

/// Tenant ids: they become part of storage keys and directory names, so they are kept to
/// a safe alphabet (1 to 64 of a-z, 0-9, `-`, `_`, starting with a letter or digit).
pub fn valid_tenant(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 64
        && t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && t.as_bytes()[0].is_ascii_alphanumeric()
}

pub const REPORT_FORMATS: [&str; 5] = ["json", "csv", "sarif", "junit", "html"];
