//! A compliance report: one framework's clauses and their status on one scan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Most evidence locations listed per rule (the count is always complete).
pub const MAX_EVIDENCE_PER_RULE: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClauseStatus {
    /// A mapped code check has findings.
    Failing,
    /// Documentation obligations wait for a person to attest them.
    Open,
    /// Every applicable check ran clean.
    Passing,
    /// Nothing mapped to the clause applies to this project.
    NotApplicable,
}

/// A file and line that satisfy a clause's required pattern. Named apart from the
/// finding's [`crate::finding::Evidence`]: the OpenAPI components share one namespace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[schema(as = ClauseEvidence)]
#[schemars(rename = "ClauseEvidence")]
pub struct Evidence {
    pub file: String,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct RuleStatus {
    pub id: String,
    pub name: String,
    /// `regex`, `required_pattern`, `file_policy`, `documentation_obligation`, ...
    pub kind: String,
    pub status: ClauseStatus,
    pub findings: usize,
    /// What the obligation asks for, or what the check looks for.
    pub description: String,
    /// Files and lines that satisfy a required pattern (at most [`MAX_EVIDENCE_PER_RULE`]).
    pub evidence: Vec<Evidence>,
    pub evidence_total: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ClauseReport {
    pub clause: String,
    pub status: ClauseStatus,
    pub rules: Vec<RuleStatus>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ComplianceSummary {
    pub clauses: usize,
    pub passing: usize,
    pub failing: usize,
    pub open: usize,
    pub not_applicable: usize,
    pub code_checks: usize,
    pub obligations: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ComplianceReport {
    pub pack_id: String,
    pub pack_name: String,
    pub standard: String,
    pub target: String,
    pub clauses: Vec<ClauseReport>,
    pub summary: ComplianceSummary,
}
