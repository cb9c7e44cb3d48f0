//! The compliance report as an HTML page: a summary, then one section per clause with its
//! rules, their status and the evidence. Self-contained like the scan report (no network,
//! a Content-Security-Policy that forbids it).

use sentra_model::compliance::{ClauseStatus, ComplianceReport, RuleStatus};

use crate::ReportContext;
use crate::html::esc;

fn badge(s: ClauseStatus) -> &'static str {
    match s {
        ClauseStatus::Failing => "<span class=\"b failing\">failing</span>",
        ClauseStatus::NotAssessed => "<span class=\"b notassessed\">not assessed</span>",
        ClauseStatus::Open => "<span class=\"b open\">obligation open</span>",
        ClauseStatus::Passing => "<span class=\"b passing\">passing</span>",
        ClauseStatus::NotApplicable => "<span class=\"b na\">not applicable</span>",
    }
}

/// The report as one HTML document.
pub fn render_compliance_html(r: &ComplianceReport, ctx: &ReportContext) -> String {
    let s = &r.summary;
    let p = &r.provenance;
    let mut out = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{name}: compliance report</title>
<style>
body{{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}}
table{{border-collapse:collapse;width:100%;margin:.4em 0 1.2em}}td,th{{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}}
.b{{border-radius:3px;padding:0 .4em;font-size:12px;white-space:nowrap}}.failing{{background:#fdd;color:#900}}.open{{background:#ffe9c7;color:#8a5300}}
.notassessed{{background:#e6e6fa;color:#3a3a7a}}.passing{{background:#dfd;color:#060}}.na{{background:#eee;color:#555}}code{{font-size:12px}}h2{{margin-top:1.6em;font-size:16px}}
.note{{color:#555;font-size:12px}}
</style></head><body>
<h1>{name} <small>({id})</small></h1>
<p>Standard: {standard}. Target: <code>{target}</code>. Generated {at} by sentra {version} for {run_by}.</p>
<table><tr><th>clauses</th><th>failing</th><th>not assessed</th><th>obligations open</th><th>passing</th><th>not applicable</th><th>code checks</th><th>obligations</th></tr>
<tr><td>{clauses}</td><td>{failing}</td><td>{not_assessed}</td><td>{open}</td><td>{passing}</td><td>{na}</td><td>{checks}</td><td>{obligations}</td></tr></table>
"#,
        name = esc(&r.pack_name),
        id = esc(&r.pack_id),
        standard = esc(&r.standard),
        target = esc(&r.target),
        at = if p.generated_at.is_empty() { ctx.generated_at.to_string() } else { esc(&p.generated_at) },
        version = esc(&ctx.tool_version),
        run_by = esc(&p.run_by),
        clauses = s.clauses,
        passing = s.passing,
        failing = s.failing,
        not_assessed = s.not_assessed,
        open = s.open,
        na = s.not_applicable,
        checks = s.code_checks,
        obligations = s.obligations,
    );
    out.push_str(&provenance_html(r));
    for c in &r.clauses {
        out.push_str(&format!(
            "<h2 id=\"{}\">{} {} {}</h2>\n<table><tr><th>rule</th><th>status</th><th>what it checks or asks for</th><th>evidence</th></tr>\n",
            esc(&c.clause),
            esc(&c.clause),
            esc(c.title.as_deref().unwrap_or_default()),
            badge(c.status)
        ));
        for rule in &c.rules {
            out.push_str(&rule_row(rule));
        }
        out.push_str("</table>\n");
    }
    out.push_str("<h2>What the statuses mean</h2>\n<table>\n");
    for m in &r.statuses {
        out.push_str(&format!("<tr><td>{}</td><td>{}</td></tr>\n", badge(m.status), esc(&m.meaning)));
    }
    out.push_str(&format!("</table>\n<p class=\"note\">{}</p>\n", esc(&r.limits)));
    out.push_str("</body></html>\n");
    out
}

/// Where the report came from: commit, settings, packs and scope.
fn provenance_html(r: &ComplianceReport) -> String {
    let p = &r.provenance;
    let or_none = |v: &Option<String>| v.as_deref().map_or_else(|| "none found".to_string(), |v| format!("<code>{}</code>", esc(v)));
    let packs: Vec<String> =
        p.packs.iter().map(|k| format!("<code>{}</code> {} (sha256 <code>{}</code>)", esc(&k.pack_id), esc(&k.version), esc(&k.sha256))).collect();
    let languages: Vec<String> = p.scope.languages.iter().map(|(l, n)| format!("{} ({n})", esc(l))).collect();
    let k = &p.scope.files_skipped;
    format!(
        "<table><tr><th>commit</th><td>{}</td></tr><tr><th>branch</th><td>{}</td></tr><tr><th>settings sha256</th><td><code>{}</code></td></tr>\n\
         <tr><th>packs</th><td>{}</td></tr><tr><th>files scanned</th><td>{} ({}); skipped: {} too large, {} binary, {} unreadable, {} generated; {} finding(s) suppressed</td></tr></table>\n",
        or_none(&p.commit),
        or_none(&p.branch),
        esc(&p.config_sha256),
        packs.join("<br>"),
        p.scope.files_scanned,
        if languages.is_empty() { "no source languages".to_string() } else { languages.join(", ") },
        k.too_large,
        k.binary,
        k.unreadable,
        k.generated,
        p.scope.suppressed_findings,
    )
}

/// One rule: its status, what it checks, and the evidence behind the status (where it
/// failed, what satisfied it, how many files it read, and anything that hid a result).
fn rule_row(rule: &RuleStatus) -> String {
    let status = match rule.status {
        ClauseStatus::Failing => format!("{} {} finding(s)", badge(rule.status), rule.findings),
        other => badge(other).to_string(),
    };
    let mut evidence: Vec<String> = rule.locations.iter().chain(&rule.evidence).map(|e| format!("<code>{}:{}</code>", esc(&e.file), e.line)).collect();
    let listed = rule.locations.len() + rule.evidence.len();
    let total = rule.findings.max(rule.locations.len()) + rule.evidence_total;
    if total > listed {
        evidence.push(format!("and {} more", total - listed));
    }
    if rule.files_assessed > 0 {
        evidence.push(format!("<span class=\"note\">{} file(s) read</span>", rule.files_assessed));
    }
    if let Some(a) = &rule.attestation {
        let whose = if a.self_attested { "self-attested" } else { "attested" };
        evidence.push(format!("<span class=\"note\">{whose} ({}) by {}</span>", esc(&a.kind), esc(&a.by)));
    }
    evidence.extend(rule.notes.iter().map(|n| format!("<span class=\"note\">{}</span>", esc(n))));
    format!(
        "<tr><td><code>{}</code><br>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        esc(&rule.id),
        esc(&rule.name),
        status,
        esc(&rule.description),
        evidence.join("<br>")
    )
}
