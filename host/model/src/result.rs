//! The result of a scan: findings plus what ran, what was skipped and what failed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{BySeverity, Finding, RuleInfo, Severity};

/// What an errored pack does to the gate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OnError {
    #[default]
    /// The gate fails closed.
    Fail,
    /// The pack is listed as errored; the gate decides on the other findings.
    Skip,
}

/// A pack that failed during the scan; its rules are errored and the gate fails closed
/// unless the pack's `pack_on_error` policy is `skip`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ErroredPack {
    pub pack_id: String,
    pub message: String,
    /// The file being scanned when it failed, if any.
    pub file: Option<String>,
    pub rules: Vec<String>,
    /// `fail` (the gate fails) or `skip` (it does not).
    #[serde(default)]
    pub on_error: OnError,
}

/// A rule the pack could not evaluate on some file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct RuleErrorReport {
    pub pack_id: String,
    pub rule_id: String,
    pub message: String,
    pub file: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct SkippedFiles {
    pub binary: usize,
    pub too_large: usize,
    pub unreadable: usize,
    /// Generated files (a marker such as `@generated` or `DO NOT EDIT` near the top): only
    /// the `secrets` pack ran on them, unless `scan_generated` is set.
    #[serde(default)]
    pub generated: usize,
    /// Files with more than one hard link, not read (servers refuse them unless the
    /// operator allows: a link inside the root may point outside it).
    #[serde(default)]
    pub hard_linked: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct PackSummary {
    pub pack_id: String,
    pub name: String,
    pub version: String,
    pub rules: usize,
}

/// The result of a scan, as the CLI prints it in JSON and the API returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ScanResult {
    pub findings: Vec<Finding>,
    pub total: usize,
    pub by_severity: BySeverity,
    pub files_scanned: usize,
    pub files_skipped: SkippedFiles,
    pub duration_ms: u64,
    pub packs: Vec<PackSummary>,
    pub errored_packs: Vec<ErroredPack>,
    pub rule_errors: Vec<RuleErrorReport>,
    /// Rules that were not run because their pack cannot evaluate them (e.g. `llm`).
    pub skipped_rules: Vec<SkippedRule>,
    /// Rules that did not run because their `applies_when` conditions do not hold.
    pub not_applicable_rules: Vec<String>,
    /// Rules turned off by `pack_overrides` (`pack/rule`).
    #[serde(default)]
    pub disabled_rules: Vec<String>,
    /// Findings hidden by a suppression (inline comment, config or API), with the reason;
    /// not in `findings` or the counts.
    #[serde(default)]
    pub suppressed: Vec<SuppressedFinding>,
    /// Suppressions that have expired while still matching: their findings are back.
    #[serde(default)]
    pub expired_suppressions: Vec<ExpiredSuppression>,
    /// Every rule that ran, with the metadata reports describe it by (SARIF rules, JUnit
    /// test cases), so a saved result renders into any format later.
    #[serde(default)]
    pub rules: Vec<RuleSummary>,
    /// Files a syntax rule queried whose syntax tree has errors: their well-formed parts
    /// were still checked, and regex rules ran as on any file. At most
    /// [`MAX_SYNTAX_NOTES`] are listed (the first by path).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub syntax_errors: Vec<SyntaxNote>,
}

/// Most files listed in [`ScanResult::syntax_errors`].
pub const MAX_SYNTAX_NOTES: usize = 1_000;

/// A file whose syntax tree in `language` has errors.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct SyntaxNote {
    pub path: String,
    pub language: String,
}

/// A rule that ran in a scan, as reports describe it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct RuleSummary {
    pub pack_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    /// After `pack_overrides`.
    pub severity: Severity,
    pub standard: String,
    pub clause: String,
    pub category: String,
    pub cwe: Vec<String>,
    pub tags: Vec<String>,
    pub remediation: String,
    pub references: Vec<String>,
    /// Runs once per project (documentation obligations) rather than per file.
    pub project_level: bool,
}

impl RuleSummary {
    /// The summary of a rule that ran, with its severity after overrides: the one place a
    /// rule's metadata is copied into a result.
    pub fn of(pack_id: &str, rule: &RuleInfo, severity: Severity) -> Self {
        Self {
            pack_id: pack_id.to_string(),
            id: rule.id.clone(),
            name: rule.name.clone(),
            description: rule.description.clone(),
            kind: rule.kind.clone(),
            severity,
            standard: rule.standard.clone(),
            clause: rule.clause.clone(),
            category: rule.category.clone(),
            cwe: rule.cwe.clone(),
            tags: rule.tags.clone(),
            remediation: rule.remediation.clone(),
            references: rule.references.clone(),
            project_level: rule.project_level,
        }
    }
}

/// A rule its pack cannot evaluate, listed in every scan instead of silently dropped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct SkippedRule {
    pub pack_id: String,
    pub rule_id: String,
    pub reason: String,
}

/// A finding a suppression hid, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct SuppressedFinding {
    pub finding: Finding,
    /// `inline`, `config` or `api`.
    pub source: String,
    pub reason: String,
    /// The API suppression's id.
    pub suppression_id: Option<String>,
}

/// A suppression that matched findings but has expired: they are reported again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ExpiredSuppression {
    pub rule_id: String,
    pub file_pattern: String,
    pub expires: String,
    pub source: String,
    pub suppression_id: Option<String>,
    /// Findings that reappeared.
    pub findings: usize,
}
