//! Report renderers: a scan result in the formats auditors and CI systems read, and the
//! per-clause compliance report.
//!
//! Every renderer is a pure function of the scan result and a [`ReportContext`] (when,
//! where, which version, the gate verdict), so a saved result renders the same later
//! (`sentra report --input`). Each format is checked against its public schema in tests:
//! SARIF 2.1.0 (OASIS JSON Schema), JUnit (the Jenkins xunit and Ant XSDs).

mod compliance;
mod csv;
mod html;
mod junit;
mod sarif;

pub use compliance::render_compliance_html;

use sentra_model::{GateResult, ScanResult};

pub use csv::render_csv;
pub use html::render_html;
pub use junit::render_junit;
pub use sarif::{MAX_SARIF_RESULTS, MAX_SARIF_TAGS, render_sarif};

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Csv,
    Sarif,
    Junit,
    Html,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Json, Format::Csv, Format::Sarif, Format::Junit, Format::Html];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Html => "html",
        }
    }

    /// The media type of the rendered document.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Sarif => "application/sarif+json",
            Format::Junit => "application/xml",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// The file name a report of this format is saved as.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "sentra-scan.json",
            Format::Csv => "sentra-findings.csv",
            Format::Sarif => "sentra.sarif",
            Format::Junit => "sentra-junit.xml",
            Format::Html => "sentra-report.html",
        }
    }

    /// `json, csv, sarif, junit, html`, for error messages.
    pub fn list() -> String {
        Format::ALL.map(Format::as_str).join(", ")
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let lower = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == lower || (lower == "xml" && *f == Format::Junit))
            .ok_or_else(|| format!("unknown report format `{s}` (valid: {})", Format::list()))
    }
}

/// What a report says about the run beyond the scan result itself.
#[derive(Clone, Debug)]
pub struct ReportContext {
    /// sentra's version.
    pub tool_version: String,
    /// When the report was made.
    pub generated_at: jiff::Timestamp,
    /// The scanned root as the user named it.
    pub root: String,
    /// The machine, for JUnit's `hostname`.
    pub hostname: String,
    /// The gate's verdict, when the scan was gated.
    pub gate: Option<GateResult>,
}

impl ReportContext {
    /// A context for now, on this machine.
    pub fn now(root: impl Into<String>, gate: Option<GateResult>) -> Self {
        Self { tool_version: env!("CARGO_PKG_VERSION").to_string(), generated_at: jiff::Timestamp::now(), root: root.into(), hostname: hostname(), gate }
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".to_string())
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot render the {format} report: {message}")]
    Render { format: Format, message: String },
}

/// Renders `result` as `format`.
pub fn render(format: Format, result: &ScanResult, ctx: &ReportContext) -> Result<String, ReportError> {
    let failed = |message: String| ReportError::Render { format, message };
    match format {
        Format::Json => serde_json::to_string_pretty(result).map(|s| s + "\n").map_err(|e| failed(e.to_string())),
        Format::Csv => Ok(render_csv(result)),
        Format::Sarif => render_sarif(result, ctx).map_err(failed),
        Format::Junit => render_junit(result, ctx).map_err(failed),
        Format::Html => Ok(render_html(result, ctx)),
    }
}

/// Findings that count towards the gate (obligations never do), ranked most severe first.
pub(crate) fn severity_rank(s: sentra_model::Severity) -> u8 {
    use sentra_model::Severity::*;
    match s {
        Critical => 0,
        High => 1,
        Medium => 2,
        Low => 3,
        Info => 4,
    }
}
