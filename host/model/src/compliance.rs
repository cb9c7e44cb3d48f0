//! A compliance report: one framework's clauses and their status on one scan, with what an
//! auditor needs to rely on it: the evidence behind every status, what was not assessed
//! and why, and where the report came from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::SkippedFiles;

/// Most evidence locations (or finding locations) listed per rule; the counts are complete.
pub const MAX_EVIDENCE_PER_RULE: usize = 50;

/// A rule's or a clause's status, from weakest to strongest: a clause takes the weakest
/// status among its rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClauseStatus {
    /// A mapped check has findings (each listed with file and line).
    Failing,
    /// Nothing in scope was checked, or something hid the result (see the rule's notes).
    NotAssessed,
    /// An obligation waits for a person to attest it.
    Open,
    /// The checks ran on files in scope and found nothing, or found the evidence a presence
    /// check requires; or an obligation was attested.
    Passing,
    /// Nothing mapped to the clause applies to this project.
    NotApplicable,
}

impl ClauseStatus {
    pub const ALL: [ClauseStatus; 5] = [Self::Failing, Self::NotAssessed, Self::Open, Self::Passing, Self::NotApplicable];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Failing => "failing",
            Self::NotAssessed => "not_assessed",
            Self::Open => "open",
            Self::Passing => "passing",
            Self::NotApplicable => "not_applicable",
        }
    }

    /// What the status establishes, as the report states it for its reader.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Failing => "At least one mapped check found a problem; every finding is listed with its file and line. No attestation overrides it.",
            Self::NotAssessed => {
                "Nothing establishes the clause either way: no file in a check's scope was read (for example no files of its languages), \
                 or a suppression, a disabled rule, an errored pack, a rule error or a skipped file may hide a result. The notes say which."
            }
            Self::Open => "An obligation only a person can establish (a plan, a review, a record); it stays open until attested.",
            Self::Passing => {
                "Every mapped check ran on at least one file in its scope and found nothing, or found the evidence a presence check requires \
                 (listed); attested obligations say who attested them and whether the attestation is the project's own."
            }
            Self::NotApplicable => "The clause's checks do not apply to this project (their conditions, such as a framework or file, are absent).",
        }
    }
}

/// A file and line that satisfy a check, or where a failing check found a problem. Named
/// apart from the finding's [`crate::finding::Evidence`]: the OpenAPI components share one
/// namespace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
#[schema(as = ClauseEvidence)]
#[schemars(rename = "ClauseEvidence")]
pub struct Evidence {
    pub file: String,
    pub line: u32,
}

/// Who closed an obligation, and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct Attestation {
    /// `document` (a file in the repository the config names: the project attests itself)
    /// or `approval` (recorded through the approvals API).
    pub kind: String,
    /// The document's path, or the approver.
    pub by: String,
    /// When it was recorded (approvals), if known.
    pub at: Option<String>,
    /// Whether the project attests itself (a document in its own repository).
    pub self_attested: bool,
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
    /// Where a failing check's findings are (at most [`MAX_EVIDENCE_PER_RULE`]).
    #[serde(default)]
    pub locations: Vec<Evidence>,
    /// Files and lines that satisfy a required pattern (at most [`MAX_EVIDENCE_PER_RULE`]).
    pub evidence: Vec<Evidence>,
    pub evidence_total: usize,
    /// Files in the check's scope that it read (0 for an obligation).
    #[serde(default)]
    pub files_assessed: usize,
    /// Why the status is what it is when the checks alone do not say: what was not
    /// assessed, and anything that could hide a result.
    #[serde(default)]
    pub notes: Vec<String>,
    /// How an obligation was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestation: Option<Attestation>,
    /// The rule this one is a language variant of: the clause judges them as one check
    /// (failing if one fails; passing if one read files and passed while the others had
    /// no file of their language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_of: Option<String>,
}

impl RuleStatus {
    /// A check's status before anything is known: passing, with no findings or notes.
    pub fn new(id: String, name: String, kind: String, description: String) -> Self {
        Self {
            id,
            name,
            kind,
            status: ClauseStatus::Passing,
            findings: 0,
            description,
            locations: Vec::new(),
            evidence: Vec::new(),
            evidence_total: 0,
            files_assessed: 0,
            notes: Vec::new(),
            attestation: None,
            variant_of: None,
        }
    }
}

impl From<&crate::Finding> for Evidence {
    /// Where a finding is: its file and first line.
    fn from(f: &crate::Finding) -> Self {
        Evidence { file: f.evidence.file.to_string(), line: f.evidence.lines[0] }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ClauseReport {
    pub clause: String,
    /// The clause's title as the standard words it (from the pack's `clauses`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub status: ClauseStatus,
    pub rules: Vec<RuleStatus>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ComplianceSummary {
    pub clauses: usize,
    pub passing: usize,
    pub failing: usize,
    #[serde(default)]
    pub not_assessed: usize,
    pub open: usize,
    pub not_applicable: usize,
    pub code_checks: usize,
    pub obligations: usize,
}

/// A pack whose results the report uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct PackProvenance {
    pub pack_id: String,
    pub version: String,
    /// Of the pack as loaded (a component's bytes; a YAML pack's engine and document).
    pub sha256: String,
}

/// What the scan read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ReportScope {
    pub files_scanned: usize,
    pub files_skipped: SkippedFiles,
    /// Languages of the files read, by file extension, with counts.
    pub languages: std::collections::BTreeMap<String, usize>,
    /// Findings suppressed in this scan (inline, config or API); each affected rule notes it.
    pub suppressed_findings: usize,
}

/// Where the report came from: enough to reproduce it and to see it was not edited.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ReportProvenance {
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub sentra_version: String,
    /// The repository's commit and branch, from its `.git` directory when it has one.
    pub commit: Option<String>,
    pub branch: Option<String>,
    /// Who ran it: an API key's id and name, or the operating-system user of the CLI.
    pub run_by: String,
    /// Of the effective settings the scan ran with.
    pub config_sha256: String,
    pub packs: Vec<PackProvenance>,
    pub scope: ReportScope,
}

/// One status and what it establishes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct StatusMeaning {
    pub status: ClauseStatus,
    pub meaning: String,
}

/// What automated checking cannot establish, stated in every report.
pub const LIMITS: &str = "Automated checks read the repository's files: they show that code has or lacks specific patterns, \
and that documents exist, not that a control operates in production, that a document is accurate or followed, or that \
people, processes and infrastructure outside the repository comply. A passing clause is evidence for an assessor to weigh, \
not a certification.";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ComplianceReport {
    pub pack_id: String,
    pub pack_name: String,
    pub standard: String,
    pub target: String,
    pub clauses: Vec<ClauseReport>,
    pub summary: ComplianceSummary,
    #[serde(default)]
    pub provenance: ReportProvenance,
    /// Every status and what it means.
    #[serde(default)]
    pub statuses: Vec<StatusMeaning>,
    /// What automated checking cannot establish.
    #[serde(default)]
    pub limits: String,
}

impl ComplianceReport {
    /// The statuses and their meanings, as every report states them.
    pub fn legend() -> Vec<StatusMeaning> {
        ClauseStatus::ALL.iter().map(|s| StatusMeaning { status: *s, meaning: s.meaning().to_string() }).collect()
    }

    /// Whether the report should fail a pipeline: any clause failing, or with `strict` any
    /// not assessed either.
    pub fn fails(&self, strict: bool) -> bool {
        self.clauses.iter().any(|c| c.status == ClauseStatus::Failing || (strict && c.status == ClauseStatus::NotAssessed))
    }
}
