//! JUnit XML so CI dashboards show rules as tests: one `<testsuite>` per pack, one
//! `<testcase>` per rule that ran (a rule with findings fails once, listing them; a clean
//! rule passes; rules of an errored pack error; skipped rules are skipped).
//!
//! The document validates against both the Jenkins xunit XSD and the Ant (windyroad)
//! XSD. Where they differ the stricter wins: the Ant schema gives `<testsuites>` no
//! attributes and requires `package`, `id`, `hostname` and a timestamp without a zone on
//! each suite, plus `<properties>`, `<system-out>` and `<system-err>` in that order.

use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use sentra_model::{ErroredPack, Finding, PackSummary, RuleSummary, ScanResult};

use crate::ReportContext;

/// XML 1.0 forbids most control characters even escaped; scanned text may hold them.
fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// An `xs:token`: no line breaks, tabs or runs of spaces, nothing leading or trailing.
fn token(s: &str) -> String {
    let t = xml_safe(s).split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() { "unnamed".to_string() } else { t }
}

fn seconds(ms: u64) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

enum Outcome {
    Pass,
    Fail { kind: String, message: String, body: String },
    Error { message: String },
    Skipped { message: String },
}

struct Case {
    name: String,
    outcome: Outcome,
}

type W = Writer<Cursor<Vec<u8>>>;

fn write_text_element(w: &mut W, name: &str, attrs: &[(&str, &str)], body: Option<&str>) -> std::io::Result<()> {
    let attrs: Vec<(&str, String)> = attrs.iter().map(|(k, v)| (*k, xml_safe(v))).collect();
    let start = BytesStart::new(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())));
    match body {
        None => w.write_event(Event::Empty(start)),
        Some(b) => {
            w.write_event(Event::Start(start))?;
            // Only `<`, `>` and `&` need escaping in text; quotes stay readable.
            let safe = xml_safe(b);
            w.write_event(Event::Text(BytesText::from_escaped(quick_xml::escape::partial_escape(&safe))))?;
            w.write_event(Event::End(BytesEnd::new(name)))
        }
    }
}

/// The JUnit document of a scan.
pub fn render_junit(scan: &ScanResult, ctx: &ReportContext) -> Result<String, String> {
    write(scan, ctx).map_err(|e| e.to_string())
}

fn write(scan: &ScanResult, ctx: &ReportContext) -> std::io::Result<String> {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Comment(BytesText::from_escaped(
        " sentra rules as tests. <testsuites> carries no totals: the Ant JUnit schema allows no attributes on it (the Jenkins one would). ",
    )))?;
    w.write_event(Event::Start(BytesStart::new("testsuites")))?;
    // The Ant schema's timestamp has no zone; it is UTC.
    let timestamp = ctx.generated_at.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    for (suite_id, pack) in scan.packs.iter().enumerate() {
        write_suite(&mut w, scan, ctx, suite_id, pack, &timestamp)?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    let mut s = String::from_utf8(w.into_inner().into_inner()).map_err(std::io::Error::other)?;
    s.push('\n');
    Ok(s)
}

/// One pack's `<testsuite>`: its totals, properties, cases, and the obligations and pack
/// error as `<system-out>` and `<system-err>`.
fn write_suite(w: &mut W, scan: &ScanResult, ctx: &ReportContext, suite_id: usize, pack: &PackSummary, timestamp: &str) -> std::io::Result<()> {
    let errored = scan.errored_packs.iter().find(|e| e.pack_id == pack.pack_id);
    let (cases, obligations) = cases(scan, pack, errored);
    let count = |pred: fn(&Outcome) -> bool| cases.iter().filter(|c| pred(&c.outcome)).count().to_string();
    let (tests, failures, errors, skipped) = (
        cases.len().to_string(),
        count(|o| matches!(o, Outcome::Fail { .. })),
        count(|o| matches!(o, Outcome::Error { .. })),
        count(|o| matches!(o, Outcome::Skipped { .. })),
    );
    let name = token(&pack.pack_id);
    let package = token(&format!("sentra.{}", pack.pack_id));
    let id = suite_id.to_string();
    let hostname = token(&ctx.hostname);
    // Packs run side by side over one walk, so each suite's time is the scan's.
    let time = seconds(scan.duration_ms);
    let suite = BytesStart::new("testsuite").with_attributes([
        ("name", name.as_str()),
        ("package", package.as_str()),
        ("id", id.as_str()),
        ("timestamp", timestamp),
        ("hostname", hostname.as_str()),
        ("tests", tests.as_str()),
        ("failures", failures.as_str()),
        ("errors", errors.as_str()),
        ("skipped", skipped.as_str()),
        ("time", time.as_str()),
    ]);
    w.write_event(Event::Start(suite))?;
    write_properties(w, ctx, pack)?;
    for case in &cases {
        write_case(w, case, &pack.pack_id)?;
    }
    let mut out = format!("{} rules, {} files scanned in {} ms\n", cases.len(), scan.files_scanned, scan.duration_ms);
    if !obligations.is_empty() {
        out.push_str("Compliance obligations (never gate):\n");
        for o in &obligations {
            out.push_str(&format!("  {o}\n"));
        }
    }
    write_text_element(w, "system-out", &[], Some(&out))?;
    let err = errored.map(|e| format!("{}\n", e.message)).unwrap_or_default();
    write_text_element(w, "system-err", &[], Some(&err))?;
    w.write_event(Event::End(BytesEnd::new("testsuite")))
}

/// A pack's cases, one per rule that ran then one per skipped rule, and the obligation
/// lines its suite lists instead of failing on them.
fn cases(scan: &ScanResult, pack: &PackSummary, errored: Option<&ErroredPack>) -> (Vec<Case>, Vec<String>) {
    let mut cases: Vec<Case> = Vec::new();
    let mut obligations = Vec::new();
    for rule in scan.rules.iter().filter(|r| r.pack_id == pack.pack_id) {
        let findings: Vec<_> = scan.findings.iter().filter(|f| f.pack_id == rule.pack_id && f.rule_id == rule.id).collect();
        let outcome = if let Some(e) = errored {
            let at = e.file.as_deref().map(|f| format!(" while scanning {f}")).unwrap_or_default();
            Outcome::Error { message: format!("pack `{}` errored{at}: {}", e.pack_id, e.message) }
        } else if findings.is_empty() {
            Outcome::Pass
        } else if findings.iter().all(|f| f.is_obligation) {
            // Obligations never gate: the rule passes and the suite lists them.
            for f in &findings {
                obligations.push(format!("{} ({} {}): {}", rule.id, f.standard, f.clause, f.message));
            }
            Outcome::Pass
        } else {
            failure(rule, &findings)
        };
        cases.push(Case { name: rule.id.clone(), outcome });
    }
    for s in scan.skipped_rules.iter().filter(|s| s.pack_id == pack.pack_id) {
        cases.push(Case { name: s.rule_id.clone(), outcome: Outcome::Skipped { message: s.reason.clone() } });
    }
    (cases, obligations)
}

/// A rule's failure: typed by its worst finding, with each finding's location and the
/// first lines of its snippet in the body.
fn failure(rule: &RuleSummary, findings: &[&Finding]) -> Outcome {
    let counted: Vec<_> = findings.iter().filter(|f| !f.is_obligation).collect();
    let worst = counted.iter().map(|f| f.severity).min_by_key(|s| crate::severity_rank(*s)).unwrap_or(rule.severity);
    let mut body = String::new();
    for f in &counted {
        let e = &f.evidence;
        body.push_str(&format!("{}:{}:{}: [{}] {}\n", e.file, e.lines[0], e.column, f.severity.as_str(), f.message));
        for line in e.snippet.lines().take(3) {
            body.push_str(&format!("    {line}\n"));
        }
    }
    let n = counted.len();
    Outcome::Fail { kind: worst.as_str().to_string(), message: format!("{n} finding{}: {}", if n == 1 { "" } else { "s" }, rule.name), body }
}

/// The suite's `<properties>`: the run's context and the gate verdict.
fn write_properties(w: &mut W, ctx: &ReportContext, pack: &PackSummary) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("properties")))?;
    let gate = ctx.gate.as_ref().map(|g| if g.passed { "passed" } else { "failed" }).unwrap_or("not evaluated");
    for (k, v) in [
        ("sentra.version", ctx.tool_version.as_str()),
        ("pack.name", pack.name.as_str()),
        ("pack.version", pack.version.as_str()),
        ("scan.root", ctx.root.as_str()),
        ("gate", gate),
    ] {
        write_text_element(w, "property", &[("name", k), ("value", v)], None)?;
    }
    w.write_event(Event::End(BytesEnd::new("properties")))
}

/// One `<testcase>`: empty when it passed, else holding its failure, error or skip.
fn write_case(w: &mut W, case: &Case, pack_id: &str) -> std::io::Result<()> {
    let name = token(&case.name);
    let classname = token(pack_id);
    let start = BytesStart::new("testcase").with_attributes([("name", name.as_str()), ("classname", classname.as_str()), ("time", "0.000")]);
    if matches!(case.outcome, Outcome::Pass) {
        return w.write_event(Event::Empty(start));
    }
    w.write_event(Event::Start(start))?;
    match &case.outcome {
        Outcome::Fail { kind, message, body } => {
            write_text_element(w, "failure", &[("type", kind), ("message", message)], Some(body))?;
        }
        Outcome::Error { message } => write_text_element(w, "error", &[("type", "pack_error"), ("message", message)], Some(message))?,
        Outcome::Skipped { message } => write_text_element(w, "skipped", &[("message", message)], None)?,
        Outcome::Pass => {}
    }
    w.write_event(Event::End(BytesEnd::new("testcase")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_tokens_are_made_valid() {
        assert_eq!(xml_safe("a\u{1}b\tc"), "a\u{FFFD}b\tc");
        assert_eq!(token("  a \n b  "), "a b");
        assert_eq!(seconds(1234), "1.234");
        assert_eq!(seconds(5), "0.005");
    }
}
