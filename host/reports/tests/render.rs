//! Every format rendered from one committed fixture scan (made by a real `sentra scan` of
//! `tests/fixtures/reports` with a trapping pack), pinned by snapshots, plus a hostile
//! finding round-tripped through each format.

use sentra_model::ScanResult;
use sentra_reports::{Format, ReportContext, render};

fn fixture() -> ScanResult {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/scan.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A fixed context: the snapshots pin content, not the clock, version or machine.
fn ctx(scan: &ScanResult) -> ReportContext {
    ReportContext {
        tool_version: "0.0.0-test".into(),
        generated_at: "2026-01-02T03:04:05Z".parse().unwrap(),
        root: "tests/fixtures/reports/tree".into(),
        hostname: "test-host".into(),
        gate: Some(sentra_model::gate(scan, &[sentra_model::Severity::Critical, sentra_model::Severity::High])),
    }
}

#[test]
fn snapshots() {
    let scan = fixture();
    let ctx = ctx(&scan);
    for format in Format::ALL {
        let out = render(format, &scan, &ctx).unwrap();
        insta::assert_snapshot!(format.as_str(), out);
    }
}

#[test]
fn config_reporters_accept_exactly_the_report_formats() {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(names, sentra_model::REPORT_FORMATS);
    assert!("pdf".parse::<Format>().unwrap_err().contains("json, csv, sarif, junit, html"));
}

/// A minimal RFC 4180 reader, to prove the CSV parses back to the original text.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted, mut chars) = (Vec::new(), Vec::new(), String::new(), false, s.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn hostile_text_round_trips_through_every_format() {
    let mut scan = fixture();
    let hostile = "<script>alert(1)</script>, \"quoted\"\nsecond line, 'single'";
    let f = &mut scan.findings[1];
    f.message = hostile.to_string();
    f.evidence.snippet = hostile.to_string();
    f.evidence.file = "dir/odd <name>, \"q\".py".into();
    let ctx = ctx(&scan);

    let json: ScanResult = serde_json::from_str(&render(Format::Json, &scan, &ctx).unwrap()).unwrap();
    assert_eq!(json.findings[1].message, hostile);

    let csv = parse_csv(&render(Format::Csv, &scan, &ctx).unwrap());
    assert_eq!(csv[2][7], hostile, "message column");
    assert_eq!(csv[2][3], "dir/odd <name>, \"q\".py", "file column");
    assert!(csv.iter().all(|r| r.len() == 13), "every row has every column");

    let sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif, &scan, &ctx).unwrap()).unwrap();
    let result = &sarif["runs"][0]["results"][1];
    assert!(result["message"]["text"].as_str().unwrap().starts_with(hostile));
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"], hostile);
    assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "dir/odd%20%3Cname%3E,%20%22q%22.py");

    // JUnit: the XML parses, and its text decodes back to the original.
    let xml = render(Format::Junit, &scan, &ctx).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut texts = String::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Text(t) => texts.push_str(&t.decode().unwrap()),
            // quick-xml reports `&lt;` and friends as their own events.
            quick_xml::events::Event::GeneralRef(r) => {
                texts.push_str(quick_xml::escape::resolve_xml_entity(&r.decode().unwrap()).unwrap());
            }
            _ => {}
        }
    }
    assert!(texts.contains("<script>alert(1)</script>, \"quoted\""), "{texts}");
    assert!(!xml.contains("<script>"), "markup in text is escaped");

    let html = render(Format::Html, &scan, &ctx).unwrap();
    assert!(!html.contains("<script>alert"), "scanned markup never becomes markup");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;, &quot;quoted&quot;"));
    assert_eq!(html.matches("<script>").count(), 1, "only the report's own script");
}

/// Above GitHub's display limits, SARIF keeps the most severe results and the most
/// telling tags, and the run says it was truncated.
#[test]
fn sarif_limits_trip() {
    use sentra_reports::{MAX_SARIF_RESULTS, MAX_SARIF_TAGS};
    let mut scan = fixture();
    let template = scan.findings.iter().find(|f| !f.is_obligation).unwrap().clone();
    scan.findings.clear();
    for i in 0..MAX_SARIF_RESULTS + 10 {
        let mut f = template.clone();
        // Ten critical findings hide at the end; they must survive the cut.
        f.severity = if i >= MAX_SARIF_RESULTS { sentra_model::Severity::Critical } else { sentra_model::Severity::Low };
        f.evidence.lines = [i as u32 + 1, i as u32 + 1];
        f.fingerprint = format!("fp-{i}");
        scan.findings.push(f);
    }
    let rule = scan.rules.iter_mut().find(|r| r.id == template.rule_id).unwrap();
    rule.tags = (0..15).map(|i| format!("tag-{i}")).collect();
    let sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif, &scan, &ctx(&scan)).unwrap()).unwrap();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), MAX_SARIF_RESULTS);
    assert_eq!(results.iter().filter(|r| r["level"] == "error").count(), 10, "every critical result is kept");
    assert_eq!(run["properties"]["resultsTruncated"], true);
    assert_eq!(run["properties"]["resultsTotal"], MAX_SARIF_RESULTS + 10);
    let descriptor = run["tool"]["driver"]["rules"].as_array().unwrap().iter().find(|r| r["id"] == template.rule_id.as_str()).unwrap();
    assert_eq!(descriptor["properties"]["tags"].as_array().unwrap().len(), MAX_SARIF_TAGS);
    assert_eq!(run["properties"]["tagsTruncatedForRules"][0], template.rule_id.as_str());
}
