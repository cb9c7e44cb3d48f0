//! SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, every rule
//! that ran as a `reportingDescriptor`, findings as results with stable
//! `partialFingerprints`, autofixes as real `artifactChanges`, errored packs and skipped
//! rules as tool execution notifications. GitHub's limits are respected by ranking and
//! truncating, and the run's properties say so.

use std::collections::{BTreeMap, HashMap};

use sentra_model::PROJECT_PATH;
use sentra_model::RuleSummary;
use sentra_model::Severity;
use sentra_model::{Finding, ScanResult};
use serde_json::{Value, json};
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, CodeFlow, Fix, Invocation, Location, Message, MultiformatMessageString, Notification, PhysicalLocation,
    PropertyBag, Region, Replacement, ReportingConfiguration, ReportingDescriptor, ReportingDescriptorReference, Result as SarifResult, ResultKind,
    ResultLevel, Run, Sarif, Suppression, ThreadFlow, ThreadFlowLocation, Tool, ToolComponent,
};

use crate::{ReportContext, severity_rank};

/// Results per run GitHub displays (it accepts 25,000 but shows the top 5,000): above
/// this the most severe findings are kept and the run says it was truncated.
pub const MAX_SARIF_RESULTS: usize = 5_000;
/// Tags per rule GitHub displays (it accepts 20).
pub const MAX_SARIF_TAGS: usize = 10;
/// The base id result locations are relative to.
const SRCROOT: &str = "%SRCROOT%";
const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium => ResultLevel::Warning,
        Severity::Low => ResultLevel::Note,
        Severity::Info => ResultLevel::None,
    }
}

fn level_str(s: Severity) -> &'static str {
    match level(s) {
        ResultLevel::Error => "error",
        ResultLevel::Warning => "warning",
        ResultLevel::Note => "note",
        ResultLevel::None => "none",
    }
}

/// GitHub's `security-severity`: critical above 9.0, high 7.0 to 8.9, medium 4.0 to 6.9,
/// low below 4.0; info rules get none.
fn security_severity(s: Severity) -> Option<f64> {
    match s {
        Severity::Critical => Some(9.5),
        Severity::High => Some(8.0),
        Severity::Medium => Some(5.5),
        Severity::Low => Some(3.0),
        Severity::Info => None,
    }
}

/// Security rules are the ones with a CWE or a security tag or category.
fn is_security(rule: &RuleSummary) -> bool {
    !rule.cwe.is_empty() || rule.tags.iter().any(|t| t.eq_ignore_ascii_case("security")) || rule.category.eq_ignore_ascii_case("security")
}

/// A relative path as a URI reference: unreserved characters and `/` stay, everything
/// else (spaces, `#`, `?`, `%`, non-ASCII) is percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn text(t: impl Into<String>) -> Message {
    Message::builder().text(t.into()).build()
}

fn region(f: &Finding, snippet: bool) -> Region {
    let e = &f.evidence;
    let (start_line, end_line) = (i64::from(e.lines[0].max(1)), i64::from(e.lines[1].max(e.lines[0]).max(1)));
    let start_column = i64::from(e.column.max(1));
    let mut end_column = i64::from(e.end_column.max(1));
    if end_line == start_line && end_column < start_column {
        end_column = start_column;
    }
    let r = Region::builder().start_line(start_line).start_column(start_column).end_line(end_line).end_column(end_column);
    if snippet && !e.snippet.is_empty() { r.snippet(ArtifactContent::builder().text(e.snippet.clone()).build()).build() } else { r.build() }
}

fn artifact(path: &str) -> ArtifactLocation {
    ArtifactLocation::builder().uri(uri(path)).uri_base_id(SRCROOT).build()
}

/// The descriptor ids: the rule id, or `pack/rule` when two packs share a rule id.
fn descriptor_ids(rules: &[RuleSummary]) -> Vec<String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for r in rules {
        *count.entry(&r.id).or_default() += 1;
    }
    rules.iter().map(|r| if count[r.id.as_str()] > 1 { format!("{}/{}", r.pack_id, r.id) } else { r.id.clone() }).collect()
}

fn descriptor(rule: &RuleSummary, id: &str, truncated_tags: &mut Vec<String>) -> ReportingDescriptor {
    let mut tags: Vec<String> = Vec::new();
    let mut push = |t: String| {
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    };
    if is_security(rule) {
        push("security".into());
    }
    for cwe in &rule.cwe {
        // GitHub shows CWE tags written this way.
        let n = cwe.trim().trim_start_matches("CWE-").trim_start_matches("cwe-");
        push(format!("external/cwe/cwe-{n}"));
    }
    for t in &rule.tags {
        push(t.clone());
    }
    push(rule.standard.clone());
    if tags.len() > MAX_SARIF_TAGS {
        tags.truncate(MAX_SARIF_TAGS);
        truncated_tags.push(id.to_string());
    }
    let mut extra = BTreeMap::new();
    if is_security(rule)
        && let Some(score) = security_severity(rule.severity)
    {
        extra.insert("security-severity".to_string(), json!(score));
    }
    extra.insert("pack".to_string(), json!(rule.pack_id));
    extra.insert("standard".to_string(), json!(rule.standard));
    extra.insert("clause".to_string(), json!(rule.clause));
    extra.insert("severity".to_string(), json!(rule.severity.as_str()));
    let properties = PropertyBag::builder().tags(tags).additional_properties(extra).build();

    let mut help = String::new();
    if !rule.remediation.is_empty() {
        help.push_str(&rule.remediation);
    }
    let mut markdown = help.clone();
    if !rule.references.is_empty() {
        if !help.is_empty() {
            help.push_str("\n\n");
            markdown.push_str("\n\n");
        }
        help.push_str("References:\n");
        markdown.push_str("**References**\n\n");
        for r in &rule.references {
            help.push_str(&format!("- {r}\n"));
            markdown.push_str(&format!("- <{r}>\n"));
        }
    }
    if help.is_empty() {
        help = rule.description.clone();
        markdown = help.clone();
    }
    let full = if rule.description.is_empty() { rule.name.clone() } else { rule.description.clone() };
    let builder = ReportingDescriptor::builder()
        .id(id.to_string())
        .name(rule.name.clone())
        .short_description(MultiformatMessageString::builder().text(rule.name.clone()).build())
        .full_description(MultiformatMessageString::builder().text(full).build())
        .help(MultiformatMessageString::builder().text(help).markdown(markdown).build())
        .default_configuration(ReportingConfiguration::builder().level(json!(level_str(rule.severity))).build())
        .properties(properties);
    match rule.references.first() {
        Some(uri) => builder.help_uri(uri.clone()).build(),
        None => builder.build(),
    }
}

fn result(f: &Finding, rule_id: &str, rule_index: Option<usize>) -> SarifResult {
    let mut extra = BTreeMap::new();
    extra.insert("pack".to_string(), json!(f.pack_id));
    extra.insert("severity".to_string(), json!(f.severity.as_str()));
    extra.insert("confidence".to_string(), json!(f.confidence));
    extra.insert("standard".to_string(), json!(f.standard));
    extra.insert("clause".to_string(), json!(f.clause));
    if f.is_obligation {
        extra.insert("obligation".to_string(), json!(true));
    }
    let location = if f.is_obligation || f.evidence.file == PROJECT_PATH {
        // A project-level obligation is about the repository, not a line of a file: its
        // location is the repository root, with no region.
        Location::builder().physical_location(PhysicalLocation::builder().artifact_location(artifact(".")).build()).message(text("the repository")).build()
    } else {
        Location::builder().physical_location(PhysicalLocation::builder().artifact_location(artifact(&f.evidence.file)).region(region(f, true)).build()).build()
    };
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert("sentraFingerprint/v1".to_string(), f.fingerprint.clone());
    let fixes: Vec<Fix> = match (&f.fix, f.is_obligation) {
        (Some(fix), false) => vec![
            Fix::builder()
                .description(text(fix.description.clone()))
                .artifact_changes(vec![
                    ArtifactChange::builder()
                        .artifact_location(artifact(&f.evidence.file))
                        .replacements(vec![
                            Replacement::builder()
                                .deleted_region(region(f, false))
                                .inserted_content(ArtifactContent::builder().text(fix.replacement.clone()).build())
                                .build(),
                        ])
                        .build(),
                ])
                .build(),
        ],
        _ => Vec::new(),
    };
    let message = if f.suggestion.is_empty() || f.suggestion == f.message { f.message.clone() } else { format!("{} {}", f.message, f.suggestion) };
    let b = SarifResult::builder()
        .rule_id(rule_id.to_string())
        .message(text(message))
        .locations(vec![location])
        .partial_fingerprints(fingerprints)
        .properties(PropertyBag::builder().additional_properties(extra).build());
    // An obligation is for a person to act on, not a failure of the code (SARIF: a
    // `review` result has level `none`).
    let b = if f.is_obligation { b.kind(ResultKind::Review).level(ResultLevel::None) } else { b.kind(ResultKind::Fail).level(level(f.severity)) };
    let mut r = match (rule_index, fixes.is_empty()) {
        (Some(i), false) => b.rule_index(i as i64).fixes(fixes).build(),
        (Some(i), true) => b.rule_index(i as i64).build(),
        (None, false) => b.fixes(fixes).build(),
        (None, true) => b.build(),
    };
    if !f.flow.is_empty() {
        r.code_flows = Some(vec![code_flow(f)]);
    }
    r
}

/// A data-flow finding's path, source first, as one thread flow in the finding's file.
fn code_flow(f: &Finding) -> CodeFlow {
    let locations: Vec<ThreadFlowLocation> = f
        .flow
        .iter()
        .map(|s| {
            let start_column = i64::from(s.column.max(1));
            let end_line = i64::from(s.end_line.max(s.line).max(1));
            let mut end_column = i64::from(s.end_column.max(1));
            if end_line == i64::from(s.line.max(1)) && end_column < start_column {
                end_column = start_column;
            }
            let region = Region::builder().start_line(i64::from(s.line.max(1))).start_column(start_column).end_line(end_line).end_column(end_column).build();
            let physical = PhysicalLocation::builder().artifact_location(artifact(&f.evidence.file)).region(region).build();
            let location = Location::builder().physical_location(physical).message(text(s.label.clone())).build();
            ThreadFlowLocation::builder().location(location).build()
        })
        .collect();
    CodeFlow::builder().thread_flows(vec![ThreadFlow::builder().locations(locations).build()]).build()
}

/// Descriptor positions by `(pack, rule)`.
type RuleIndex<'a> = HashMap<(&'a str, &'a str), usize>;

/// The SARIF log of a scan, pretty-printed.
pub fn render_sarif(scan: &ScanResult, ctx: &ReportContext) -> Result<String, String> {
    let rules = rules_with_findings(scan);
    let ids = descriptor_ids(&rules);
    let index: RuleIndex = rules.iter().enumerate().map(|(i, r)| ((r.pack_id.as_str(), r.id.as_str()), i)).collect();
    let mut truncated_tags = Vec::new();
    let descriptors: Vec<ReportingDescriptor> = rules.iter().zip(&ids).map(|(r, id)| descriptor(r, id, &mut truncated_tags)).collect();
    let (results, truncated) = results(scan, &index, &ids);
    let run = Run::builder()
        .tool(Tool::builder().driver(driver(ctx, descriptors)).build())
        .results(results)
        .invocations(vec![invocation(scan, ctx, &index, &ids)])
        .column_kind(json!("unicodeCodePoints"))
        .properties(PropertyBag::builder().additional_properties(run_properties(scan, ctx, truncated, truncated_tags)).build())
        .build();
    let log = Sarif::builder().schema(SCHEMA_URI).version(Value::from("2.1.0")).runs(vec![run]).build();
    serde_json::to_string_pretty(&log).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// Rules that ran, plus any rule a finding names that the result does not list (a result
/// saved by an older sentra), so every result has its descriptor.
fn rules_with_findings(scan: &ScanResult) -> Vec<RuleSummary> {
    let mut rules = scan.rules.clone();
    for f in scan.findings.iter().chain(scan.suppressed.iter().map(|s| &s.finding)) {
        if !rules.iter().any(|r| r.pack_id == f.pack_id && r.id == f.rule_id) {
            rules.push(RuleSummary {
                pack_id: f.pack_id.to_string(),
                id: f.rule_id.to_string(),
                name: f.rule_id.to_string(),
                description: f.message.clone(),
                kind: String::new(),
                severity: f.severity,
                standard: f.standard.to_string(),
                clause: f.clause.to_string(),
                category: f.compliance_category.to_string(),
                cwe: f.cwe.to_vec(),
                tags: f.tags.to_vec(),
                remediation: f.remediation_guidance.to_string(),
                references: f.references.to_vec(),
                project_level: f.is_obligation,
            });
        }
    }
    rules
}

/// The results, capped at [`MAX_SARIF_RESULTS`], and whether findings were cut.
fn results(scan: &ScanResult, index: &RuleIndex, ids: &[String]) -> (Vec<SarifResult>, bool) {
    let to_result = |f: &Finding| {
        let ri = index.get(&(f.pack_id.as_str(), f.rule_id.as_str())).copied();
        let id = ri.map_or(f.rule_id.as_str(), |i| ids[i].as_str());
        result(f, id, ri)
    };
    // Most severe first, then most certain; the kept results stay in path order.
    let mut order: Vec<usize> = (0..scan.findings.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (&scan.findings[a], &scan.findings[b]);
        (severity_rank(fa.severity), fb.confidence.total_cmp(&fa.confidence), a).cmp(&(severity_rank(fb.severity), std::cmp::Ordering::Equal, b))
    });
    let truncated = order.len() > MAX_SARIF_RESULTS;
    order.truncate(MAX_SARIF_RESULTS);
    order.sort_unstable();
    let mut results: Vec<SarifResult> = order.iter().map(|&i| to_result(&scan.findings[i])).collect();
    // Suppressed findings are results too, marked as such (GitHub shows them as dismissed).
    for s in scan.suppressed.iter().take(MAX_SARIF_RESULTS.saturating_sub(results.len())) {
        let mut r = to_result(&s.finding);
        let kind = if s.source == "inline" { "inSource" } else { "external" };
        r.suppressions = Some(vec![Suppression::builder().kind(json!(kind)).status(json!("accepted")).justification(s.reason.clone()).build()]);
        results.push(r);
    }
    (results, truncated)
}

/// The run's invocation: it succeeded only if no pack errored, and what did not run is
/// reported as tool execution notifications.
fn invocation(scan: &ScanResult, ctx: &ReportContext, index: &RuleIndex, ids: &[String]) -> Invocation {
    let rule_ref = |pack: &str, rule: &str| {
        let i = index.get(&(pack, rule)).copied();
        let b = ReportingDescriptorReference::builder().id(i.map_or_else(|| rule.to_string(), |i| ids[i].clone()));
        match i {
            Some(i) => b.index(i as i64).build(),
            None => b.build(),
        }
    };
    let mut notifications = Vec::new();
    for e in &scan.errored_packs {
        let where_ = e.file.as_deref().map(|f| format!(" while scanning {f}")).unwrap_or_default();
        notifications.push(
            Notification::builder()
                .level(json!("error"))
                .message(text(format!("pack `{}` errored{where_}: {}; its rules ({}) did not complete", e.pack_id, e.message, e.rules.join(", "))))
                .build(),
        );
    }
    for s in &scan.skipped_rules {
        notifications.push(
            Notification::builder()
                .level(json!("note"))
                .message(text(format!("rule `{}` of pack `{}` was skipped: {}", s.rule_id, s.pack_id, s.reason)))
                .associated_rule(rule_ref(&s.pack_id, &s.rule_id))
                .build(),
        );
    }
    for e in &scan.rule_errors {
        notifications.push(
            Notification::builder()
                .level(json!("warning"))
                .message(text(format!("rule `{}` of pack `{}` failed on {}: {}", e.rule_id, e.pack_id, e.file, e.message)))
                .associated_rule(rule_ref(&e.pack_id, &e.rule_id))
                .build(),
        );
    }
    let invocation =
        Invocation::builder().execution_successful(scan.errored_packs.is_empty()).end_time_utc(ctx.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
    if notifications.is_empty() { invocation.build() } else { invocation.tool_execution_notifications(notifications).build() }
}

/// The run's properties: scan totals, the gate verdict, and what the GitHub limits cut.
fn run_properties(scan: &ScanResult, ctx: &ReportContext, truncated: bool, truncated_tags: Vec<String>) -> BTreeMap<String, Value> {
    let mut run_props = BTreeMap::new();
    run_props.insert("filesScanned".to_string(), json!(scan.files_scanned));
    run_props.insert("durationMs".to_string(), json!(scan.duration_ms));
    run_props.insert("resultsTotal".to_string(), json!(scan.findings.len()));
    run_props.insert("suppressed".to_string(), json!(scan.suppressed.len()));
    run_props.insert("resultsTruncated".to_string(), json!(truncated));
    if truncated {
        run_props.insert(
            "truncation".to_string(),
            json!(format!(
                "{} findings; the {MAX_SARIF_RESULTS} most severe are included (GitHub displays at most {MAX_SARIF_RESULTS} results per run)",
                scan.findings.len()
            )),
        );
    }
    if !truncated_tags.is_empty() {
        run_props.insert("tagsTruncatedForRules".to_string(), json!(truncated_tags));
    }
    if let Some(g) = &ctx.gate {
        run_props.insert("gatePassed".to_string(), json!(g.passed));
    }
    run_props
}

/// sentra as the run's tool, with every rule's descriptor.
fn driver(ctx: &ReportContext, descriptors: Vec<ReportingDescriptor>) -> ToolComponent {
    ToolComponent::builder()
        .name("sentra")
        .full_name(format!("sentra {}", ctx.tool_version))
        .version(ctx.tool_version.clone())
        .semantic_version(ctx.tool_version.clone())
        .information_uri(env!("CARGO_PKG_REPOSITORY"))
        .rules(descriptors)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("src/app.py"), "src/app.py");
        assert_eq!(uri("my dir/a#b?.py"), "my%20dir/a%23b%3F.py");
        assert_eq!(uri("naïve.py"), "na%C3%AFve.py");
        assert_eq!(uri("100%.txt"), "100%25.txt");
    }
}
