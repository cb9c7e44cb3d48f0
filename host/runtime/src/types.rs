//! Plain Rust mirrors of the WIT types, so nothing outside this crate sees wasmtime or
//! generated bindings.

use serde::{Deserialize, Serialize};

/// The pack API version this host implements (`sentra:pack@VERSION`).
pub const PACK_API_VERSION: &str = "0.1.0";

/// Shared with the pack format, so a YAML severity and a finding's are one type.
pub use sentra_pack_format::Severity;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleInfo {
    pub id: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    pub severity: Severity,
    pub file_globs: Vec<String>,
    pub exclude_globs: Vec<String>,
    pub standard: String,
    pub clause: String,
    pub category: String,
    pub cwe: Vec<String>,
    pub tags: Vec<String>,
    pub remediation: String,
    pub references: Vec<String>,
    pub required_literals: Vec<String>,
    pub pattern: Option<String>,
    pub project_level: bool,
    /// Project preconditions the host checks once per scan.
    pub applies_when: Option<Conditions>,
    /// Why the pack cannot run this rule; such a rule is listed as skipped, never run.
    pub skipped: Option<String>,
}

/// Project preconditions of a rule: every non-empty list must hold, and a list holds when
/// any of its entries does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conditions {
    pub languages: Vec<String>,
    pub has_files: Vec<String>,
    pub has_imports: Vec<String>,
    pub has_dependencies: Vec<String>,
    pub has_content: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    pub name: String,
    pub version: String,
    pub description: String,
    pub license: String,
    pub rules: Vec<RuleInfo>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub description: String,
    pub replacement: String,
}

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
}
