//! CSV: one row per finding under a header, RFC 4180 quoting, and cells that a
//! spreadsheet would evaluate as a formula neutralised.

use sentra_model::ScanResult;

/// The columns, in order.
pub const CSV_HEADER: [&str; 13] = [
    "rule_id",
    "pack_id",
    "severity",
    "file",
    "line",
    "column",
    "end_line",
    "message",
    "standard",
    "clause",
    "compliance_category",
    "is_obligation",
    "fingerprint",
];

/// One CSV field: quoted when needed (RFC 4180), and a leading `= + - @` (or tab/CR)
/// neutralised with `'` so a spreadsheet never evaluates scanned text as a formula.
pub(crate) fn field(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{v}") } else { v.to_string() };
    if v.contains([',', '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v }
}

/// The findings as CSV (CRLF line ends, as RFC 4180 has it).
pub fn render_csv(r: &ScanResult) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for f in &r.findings {
        let row = [
            f.rule_id.to_string(),
            f.pack_id.to_string(),
            f.severity.as_str().to_string(),
            f.evidence.file.to_string(),
            f.evidence.lines[0].to_string(),
            f.evidence.column.to_string(),
            f.evidence.lines[1].to_string(),
            f.message.clone(),
            f.standard.to_string(),
            f.clause.to_string(),
            f.compliance_category.to_string(),
            f.is_obligation.to_string(),
            f.fingerprint.clone(),
        ];
        out.push_str(&row.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("-1,2"), "\"'-1,2\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
    }
}
