//! Findings as sentra reports them, and counts per severity.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Severity, SharedList, SharedStr};

/// Where a finding is: the file (relative, `/`-separated; `<project>` for project-level
/// findings), the first and last line, and the source lines themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct Evidence {
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub file: SharedStr,
    /// `[start_line, end_line]`, 1-based, inclusive.
    pub lines: [u32; 2],
    pub column: u32,
    pub end_column: u32,
    pub snippet: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct Finding {
    pub finding_id: String,
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub rule_id: SharedStr,
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub pack_id: SharedStr,
    pub severity: Severity,
    pub message: String,
    pub evidence: Evidence,
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub suggestion: SharedStr,
    /// 1.0 for code; 0.5 on a comment line; capped at 0.7 in test files.
    pub confidence: f32,
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub standard: SharedStr,
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub clause: SharedStr,
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub compliance_category: SharedStr,
    #[schemars(with = "String")]
    #[schema(value_type = String)]
    pub remediation_guidance: SharedStr,
    #[schemars(with = "Vec<String>")]
    #[schema(value_type = Vec<String>)]
    pub tags: SharedList,
    #[schemars(with = "Vec<String>")]
    #[schema(value_type = Vec<String>)]
    pub cwe: SharedList,
    /// Reading for the rule (URLs).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    #[schema(value_type = Vec<String>)]
    pub references: SharedList,
    pub is_obligation: bool,
    /// sha256 of rule id, path, matched text and occurrence index: stable when code moves.
    pub fingerprint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixSuggestion>,
    /// For a data-flow rule: the path from where untrusted data enters (first step) to the
    /// sink the finding is at (last step), in the finding's file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flow: Vec<FlowStep>,
}

/// One step of a data flow. Positions are 1-based; columns count characters; the end is
/// exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct FlowStep {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// What happens there: `untrusted data enters at ...`, `flows into ...`, `reaches the sink ...`.
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct FixSuggestion {
    pub description: String,
    pub replacement: String,
}

/// Path used for project-level findings.
pub const PROJECT_PATH: &str = "<project>";

/// Counts per severity, all five always present.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct BySeverity {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
}

impl BySeverity {
    pub fn count<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut s = Self::default();
        for f in findings {
            *s.slot(f.severity) += 1;
        }
        s
    }
    /// Counts one more finding of `sev`.
    pub fn add(&mut self, sev: Severity) {
        *self.slot(sev) += 1;
    }

    fn slot(&mut self, sev: Severity) -> &mut usize {
        match sev {
            Severity::Critical => &mut self.critical,
            Severity::High => &mut self.high,
            Severity::Medium => &mut self.medium,
            Severity::Low => &mut self.low,
            Severity::Info => &mut self.info,
        }
    }
    pub fn get(&self, sev: Severity) -> usize {
        match sev {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }
}
