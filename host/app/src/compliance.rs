//! Compliance reports, written once for both faces: which packs a report's scan runs, the
//! report built from that scan with the tenant's approved attestations, its rendering
//! with the digest an auditor checks a copy against, and the audit entry recording it.

use sentra_engine::compliance::{ComplianceReport, ReportInput};
use sentra_engine::{Config, PackSet};
use sentra_model::ScanResult;
use sentra_store::{Storage, StoreError};
use serde_json::json;

use crate::audit::{Actor, audit};

/// The packs a report on `pack_id` scans with: the pack itself, then the packs whose
/// findings it cites (`evidence_from`) among the `available` ids.
pub fn scan_packs(set: &PackSet, pack_id: &str, available: &[String]) -> Vec<String> {
    std::iter::once(pack_id.to_string()).chain(sentra_engine::compliance::evidence_packs(set, pack_id, available)).collect()
}

/// What a report is built from, beyond the scan.
pub struct Build<'a> {
    pub pack_id: &'a str,
    pub set: &'a PackSet,
    pub result: &'a ScanResult,
    pub root: &'a std::path::Path,
    pub config: &'a Config,
    pub target: &'a str,
    /// Where the tenant's approvals are (`None`: no state, so no approved attestations).
    pub store: Option<&'a dyn Storage>,
    pub tenant: &'a str,
    /// Who ran it, as the report names them: an API key (`key:<id> (<name>)`) or a user.
    pub run_by: &'a str,
}

/// The report, or `None` when the scan's set does not hold the pack.
pub fn build(b: &Build<'_>) -> Result<Option<ComplianceReport>, StoreError> {
    let approvals = match b.store {
        Some(store) => crate::attestations::approved(store, b.tenant)?,
        None => Default::default(),
    };
    let input = ReportInput {
        pack_id: b.pack_id,
        packs: b.set,
        result: b.result,
        root: b.root,
        config: b.config,
        target: b.target,
        run_by: b.run_by,
        approvals: &approvals,
    };
    Ok(sentra_engine::compliance::report(&input))
}

/// How a report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Html => "html",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Html => "text/html; charset=utf-8",
        }
    }
}

/// A written report and the SHA-256 of exactly these bytes.
pub struct Rendered {
    pub body: Vec<u8>,
    pub sha256: String,
}

/// Writes the report (JSON pretty-printed with a final newline, or the HTML page).
pub fn render(report: &ComplianceReport, format: Format) -> Rendered {
    let body = match format {
        Format::Json => {
            let mut b = serde_json::to_vec_pretty(report).expect("a report serializes");
            b.push(b'\n');
            b
        }
        Format::Html => sentra_reports::render_compliance_html(report, &sentra_reports::ReportContext::now(report.target.clone(), None)).into_bytes(),
    };
    let sha256 = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&body));
    Rendered { body, sha256 }
}

/// The report's entry in the tenant's audit chain: its digest, so an auditor given a copy
/// can check it was not edited.
pub fn record(store: &dyn Storage, tenant: &str, actor: &Actor, report: &ComplianceReport, format: Format, rendered: &Rendered) {
    let details = json!({"pack_id": report.pack_id, "format": format.as_str(), "sha256": rendered.sha256, "summary": report.summary});
    audit(store, tenant, actor, "compliance.report", &report.target, details, "ok");
}
