//! Rule metadata as the host knows it: declared once here, converted once from the pack
//! API's types at the runtime boundary, and read by the engine, reports and the server.

use serde::{Deserialize, Serialize};

use crate::Severity;

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
