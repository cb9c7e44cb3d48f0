//! Plain Rust mirrors of the WIT types, so nothing outside this crate sees wasmtime or
//! generated bindings.

use serde::{Deserialize, Serialize};

/// The newest pack API version this host implements (`sentra:pack@VERSION`), the one the
/// SDK builds against; older ones load too (see [`crate::ApiVersion`]).
pub const PACK_API_VERSION: &str = "0.2.0";

/// A fix as a pack suggests it is the finding's fix, one type.
pub use sentra_model::FixSuggestion as Fix;
/// Rule metadata and severities are the model's: declared once there, converted from the
/// generated bindings once in this crate.
pub use sentra_model::{Conditions, PackInfo, RuleInfo, Severity};

/// A finding as the pack reported it, positions 1-based, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawFinding {
    pub rule_id: String,
    pub file: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    pub fix: Option<Fix>,
    /// The data flow the finding is at the sink of (see `taint-rule.flows`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flow: Vec<sentra_model::FlowStep>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleError {
    pub rule_id: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanOutput {
    pub findings: Vec<RawFinding>,
    pub errors: Vec<RuleError>,
    /// Files on which the pack reported more findings than its limit: only the most
    /// severe were kept. The pack stays in the scan; the rest of its work counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overflows: Vec<Overflow>,
}

/// A file a pack flooded with findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overflow {
    pub file: u32,
    /// How many the pack reported.
    pub reported: usize,
    /// How many were kept (the limit).
    pub kept: usize,
}
