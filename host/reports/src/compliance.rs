//! The compliance report as an HTML page: a summary, then one section per clause with its
//! rules, their status and the evidence. Self-contained like the scan report (no network,
//! a Content-Security-Policy that forbids it).

use sentra_model::compliance::{ClauseStatus, ComplianceReport};

use crate::ReportContext;
use crate::html::esc;

fn badge(s: ClauseStatus) -> &'static str {
    match s {
        ClauseStatus::Failing => "<span class=\"b failing\">failing</span>",
        ClauseStatus::Open => "<span class=\"b open\">obligation open</span>",
        ClauseStatus::Passing => "<span class=\"b passing\">passing</span>",
        ClauseStatus::NotApplicable => "<span class=\"b na\">not applicable</span>",
    }
}

/// The report as one HTML document.
pub fn render_compliance_html(r: &ComplianceReport, ctx: &ReportContext) -> String {
    let s = &r.summary;
    let mut out = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{name}: compliance report</title>
<style>
body{{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}}
table{{border-collapse:collapse;width:100%;margin:.4em 0 1.2em}}td,th{{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}}
.b{{border-radius:3px;padding:0 .4em;font-size:12px;white-space:nowrap}}.failing{{background:#fdd;color:#900}}.open{{background:#ffe9c7;color:#8a5300}}
.passing{{background:#dfd;color:#060}}.na{{background:#eee;color:#555}}code{{font-size:12px}}h2{{margin-top:1.6em;font-size:16px}}
</style></head><body>
<h1>{name} <small>({id})</small></h1>
<p>Standard: {standard}. Target: <code>{target}</code>. Generated {at} by sentra {version}.</p>
<table><tr><th>clauses</th><th>passing</th><th>failing</th><th>obligations open</th><th>not applicable</th><th>code checks</th><th>obligations</th></tr>
<tr><td>{clauses}</td><td>{passing}</td><td>{failing}</td><td>{open}</td><td>{na}</td><td>{checks}</td><td>{obligations}</td></tr></table>
"#,
        name = esc(&r.pack_name),
        id = esc(&r.pack_id),
        standard = esc(&r.standard),
        target = esc(&r.target),
        at = ctx.generated_at,
        version = esc(&ctx.tool_version),
        clauses = s.clauses,
        passing = s.passing,
        failing = s.failing,
        open = s.open,
        na = s.not_applicable,
        checks = s.code_checks,
        obligations = s.obligations,
    );
    for c in &r.clauses {
        out.push_str(&format!(
            "<h2 id=\"{}\">{} {}</h2>\n<table><tr><th>rule</th><th>status</th><th>what it checks or asks for</th><th>evidence</th></tr>\n",
            esc(&c.clause),
            esc(&c.clause),
            badge(c.status)
        ));
        for rule in &c.rules {
            let status = match rule.status {
                ClauseStatus::Failing => format!("{} {} finding(s)", badge(rule.status), rule.findings),
                other => badge(other).to_string(),
            };
            let mut evidence: Vec<String> = rule.evidence.iter().map(|e| format!("<code>{}:{}</code>", esc(&e.file), e.line)).collect();
            if rule.evidence_total > rule.evidence.len() {
                evidence.push(format!("and {} more", rule.evidence_total - rule.evidence.len()));
            }
            out.push_str(&format!(
                "<tr><td><code>{}</code><br>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&rule.id),
                esc(&rule.name),
                status,
                esc(&rule.description),
                evidence.join("<br>")
            ));
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}
