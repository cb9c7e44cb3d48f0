//! A self-contained HTML report: one file with inline CSS, inline SVG charts and a little
//! inline JavaScript for filtering and search. A Content-Security-Policy in the page
//! forbids every network request, so it opens the same offline, in a mail attachment or
//! in an audit archive. All scanned text goes through [`esc`].

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sentra_model::Severity;
use sentra_model::{Finding, ScanResult};

use crate::ReportContext;

const SEVERITIES: [Severity; 5] = [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info];

/// HTML-escapes text for element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn color(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "#8b0000",
        Severity::High => "#d9480f",
        Severity::Medium => "#e8a200",
        Severity::Low => "#1971c2",
        Severity::Info => "#868e96",
    }
}

/// A horizontal bar chart as inline SVG.
fn bar_chart(title: &str, bars: &[(String, usize, &str)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let row = 26;
    let height = bars.len().max(1) * row + 10;
    let mut svg = format!(
        r#"<figure class="chart"><figcaption>{}</figcaption><svg role="img" aria-label="{}" viewBox="0 0 420 {height}" width="420" height="{height}">"#,
        esc(title),
        esc(title)
    );
    if bars.is_empty() {
        svg.push_str(r#"<text x="0" y="18" class="axis">no findings</text>"#);
    }
    for (i, (label, n, fill)) in bars.iter().enumerate() {
        let y = i * row + 4;
        let w = (*n as f64 / max as f64 * 250.0).round() as usize;
        let short: String = label.chars().take(22).collect();
        let _ = write!(
            svg,
            r#"<text x="0" y="{}" class="axis">{}</text><rect x="150" y="{y}" width="{}" height="18" fill="{fill}"><title>{}: {n}</title></rect><text x="{}" y="{}" class="axis">{n}</text>"#,
            y + 14,
            esc(&short),
            w.max(1),
            esc(label),
            155 + w,
            y + 14
        );
    }
    svg.push_str("</svg></figure>");
    svg
}

fn finding_card(f: &Finding) -> String {
    let e = &f.evidence;
    let search = format!("{} {} {} {} {} {}", f.rule_id, f.pack_id, f.message, e.file, f.standard, f.clause).to_lowercase();
    let location = if f.is_obligation { "project".to_string() } else { format!("{}:{}:{}", e.file, e.lines[0], e.column) };
    let mut card = format!(
        r#"<article class="finding" data-severity="{sev}" data-search="{search}"><header><span class="sev sev-{sev}">{sev}</span> <code class="rule">{rule}</code> <span class="loc">{loc}</span></header><p class="msg">{msg}</p>"#,
        sev = f.severity.as_str(),
        search = esc(&search),
        rule = esc(&f.rule_id),
        loc = esc(&location),
        msg = esc(&f.message),
    );
    if !e.snippet.is_empty() && !f.is_obligation {
        let _ = write!(card, "<pre><code>{}</code></pre>", esc(&e.snippet));
    }
    let mut meta = Vec::new();
    if !f.standard.is_empty() {
        meta.push(format!("{} {}", esc(&f.standard), esc(&f.clause)));
    }
    if !f.cwe.is_empty() {
        meta.push(esc(&f.cwe.join(", ")));
    }
    meta.push(format!("pack {}", esc(&f.pack_id)));
    let _ = write!(card, r#"<p class="meta">{}</p>"#, meta.join(" · "));
    if !f.remediation_guidance.is_empty() {
        let _ = write!(card, r#"<p class="fix"><strong>Remediation:</strong> {}</p>"#, esc(&f.remediation_guidance));
    }
    card.push_str("</article>");
    card
}

const STYLE: &str = r#"
:root { --fg: #1d2125; --muted: #5c6670; --line: #dfe3e8; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
h3 { margin: 1.2rem 0 .4rem; font-size: 1.05rem; }
.sub { color: var(--muted); margin: 0 0 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: .6rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; background: var(--bg); }
.card b { display: block; font-size: 1.4rem; }
.pass { color: #2b8a3e; } .fail { color: #c92a2a; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
.chart figcaption { font-weight: 600; margin-bottom: .3rem; } .axis { font-size: 12px; fill: var(--fg); }
.controls { position: sticky; top: 0; background: #fff; padding: .6rem 0; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; z-index: 1; }
.controls input[type=search] { padding: .35rem .5rem; min-width: 16rem; border: 1px solid var(--line); border-radius: 4px; }
.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; break-inside: avoid; }
.finding header { display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap; }
.finding .loc { color: var(--muted); font-family: ui-monospace, monospace; }
.finding p { margin: .3rem 0; } .meta { color: var(--muted); font-size: 12px; }
pre { background: var(--bg); padding: .5rem; overflow-x: auto; margin: .3rem 0; white-space: pre-wrap; word-break: break-all; }
.sev { color: #fff; border-radius: 3px; padding: 0 .4rem; font-size: 12px; text-transform: uppercase; }
.sev-critical { background: #8b0000; } .sev-high { background: #d9480f; } .sev-medium { background: #e8a200; } .sev-low { background: #1971c2; } .sev-info { background: #868e96; }
.finding[data-severity=critical] { border-left-color: #8b0000; } .finding[data-severity=high] { border-left-color: #d9480f; }
.finding[data-severity=medium] { border-left-color: #e8a200; } .finding[data-severity=low] { border-left-color: #1971c2; } .finding[data-severity=info] { border-left-color: #868e96; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.hidden { display: none; } .empty { color: var(--muted); }
@media print { .controls { display: none; } .finding.hidden, .group.hidden { display: block; } #by-file { display: none; } main { max-width: none; } }
"#;

const SCRIPT: &str = r#"
(function () {
  var q = document.getElementById('q');
  var view = document.getElementById('view');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=sev]'));
  var shown = document.getElementById('shown-count');
  function apply() {
    var term = q.value.trim().toLowerCase();
    var sevs = {};
    boxes.forEach(function (b) { sevs[b.value] = b.checked; });
    var container = document.getElementById(view.value === 'file' ? 'by-file' : 'by-severity');
    document.getElementById('by-file').classList.toggle('hidden', view.value !== 'file');
    document.getElementById('by-severity').classList.toggle('hidden', view.value === 'file');
    var n = 0;
    container.querySelectorAll('.finding').forEach(function (el) {
      var ok = sevs[el.getAttribute('data-severity')] && (!term || el.getAttribute('data-search').indexOf(term) !== -1);
      el.classList.toggle('hidden', !ok);
      if (ok) { n++; }
    });
    container.querySelectorAll('.group').forEach(function (g) {
      g.classList.toggle('hidden', g.querySelectorAll('.finding:not(.hidden)').length === 0);
    });
    shown.textContent = String(n);
  }
  q.addEventListener('input', apply);
  view.addEventListener('change', apply);
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
"#;

/// The HTML report of a scan.
pub fn render_html(scan: &ScanResult, ctx: &ReportContext) -> String {
    let findings: Vec<&Finding> = scan.findings.iter().filter(|f| !f.is_obligation).collect();
    let obligations: Vec<&Finding> = scan.findings.iter().filter(|f| f.is_obligation).collect();
    let mut h = String::with_capacity(16 * 1024 + scan.findings.len() * 600);
    write_head(&mut h, ctx);
    write_summary(&mut h, scan, ctx, &findings, obligations.len());
    write_charts(&mut h, scan, &findings);
    write_findings(&mut h, &findings);
    write_obligations(&mut h, &obligations);
    write_suppressed(&mut h, scan);
    write_problems(&mut h, scan);
    let _ = write!(h, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
    h
}

/// The document head (with the CSP that keeps the page offline) and the page title.
fn write_head(h: &mut String, ctx: &ReportContext) {
    let _ = write!(
        h,
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>sentra report: {root}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>sentra report</h1>
<p class="sub">{root} · {time} · sentra {version}</p>
"#,
        root = esc(&ctx.root),
        time = esc(&ctx.generated_at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()),
        version = esc(&ctx.tool_version),
    );
}

/// Opens the summary section with the gate verdict and count cards; [`write_charts`]
/// closes it.
fn write_summary(h: &mut String, scan: &ScanResult, ctx: &ReportContext, findings: &[&Finding], obligations: usize) {
    h.push_str(r#"<section id="summary"><h2>Summary</h2><div class="cards">"#);
    let gate = match &ctx.gate {
        Some(g) if g.passed => r#"<span class="pass">passed</span>"#.to_string(),
        Some(g) => format!(r#"<span class="fail">failed</span> <small>({} blocking)</small>"#, g.blocking),
        None => "not evaluated".to_string(),
    };
    let _ = write!(h, r#"<div class="card">Gate<b id="gate">{gate}</b></div>"#);
    let _ = write!(h, r#"<div class="card">Findings<b id="total-count">{}</b></div>"#, findings.len());
    for s in SEVERITIES {
        let n = findings.iter().filter(|f| f.severity == s).count();
        let _ = write!(h, r#"<div class="card">{}<b style="color:{}">{n}</b></div>"#, s.as_str(), color(s));
    }
    let _ = write!(
        h,
        r#"<div class="card">Suppressed<b>{}</b></div><div class="card">Obligations<b>{}</b></div><div class="card">Packs<b>{}</b></div><div class="card">Rules run<b>{}</b></div><div class="card">Files scanned<b>{}</b></div><div class="card">Duration<b>{:.2} s</b></div>"#,
        scan.suppressed.len(),
        obligations,
        scan.packs.len(),
        scan.rules.len(),
        scan.files_scanned,
        scan.duration_ms as f64 / 1000.0
    );
    h.push_str("</div>");
    if !scan.packs.is_empty() {
        let packs: Vec<String> = scan.packs.iter().map(|p| format!("{} {} ({} rules)", esc(&p.pack_id), esc(&p.version), p.rules)).collect();
        let _ = write!(h, r#"<p class="sub">Packs: {}</p>"#, packs.join(", "));
    }
}

/// The two charts at the end of the summary section, and the section's close. The
/// severity chart counts findings only; the standard chart counts obligations too, as its
/// caption says.
fn write_charts(h: &mut String, scan: &ScanResult, findings: &[&Finding]) {
    let by_sev: Vec<(String, usize, &str)> =
        SEVERITIES.iter().map(|s| (s.as_str().to_string(), findings.iter().filter(|f| f.severity == *s).count(), color(*s))).collect();
    let mut by_standard: BTreeMap<String, usize> = BTreeMap::new();
    for f in &scan.findings {
        let key = if f.standard.is_empty() { "(none)".to_string() } else { f.standard.to_string() };
        *by_standard.entry(key).or_default() += 1;
    }
    let mut standards: Vec<(String, usize)> = by_standard.into_iter().collect();
    standards.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    standards.truncate(10);
    let standards: Vec<(String, usize, &str)> = standards.into_iter().map(|(k, n)| (k, n, "#495057")).collect();
    let _ = write!(
        h,
        r#"<div class="charts">{}{}</div></section>"#,
        bar_chart("Findings by severity", &by_sev),
        bar_chart("Findings and obligations by standard", &standards)
    );
}

/// The findings section: the filter controls, then every card twice, grouped by severity
/// and (hidden until chosen) by file, so switching views needs no re-rendering in script.
fn write_findings(h: &mut String, findings: &[&Finding]) {
    h.push_str(r#"<section id="findings"><h2>Findings</h2><div class="controls"><input id="q" type="search" placeholder="Search rule, file, message, standard" aria-label="Search findings">"#);
    for s in SEVERITIES {
        let _ = write!(h, r#"<label><input type="checkbox" name="sev" value="{0}" checked> {0}</label>"#, s.as_str());
    }
    let _ = write!(
        h,
        r#"<label>Group by <select id="view"><option value="severity">severity</option><option value="file">file</option></select></label><span>Showing <b id="shown-count">{n}</b> of {n}</span></div>"#,
        n = findings.len()
    );
    if findings.is_empty() {
        h.push_str(r#"<p class="empty">No findings.</p>"#);
    }
    h.push_str(r#"<div id="by-severity">"#);
    for s in SEVERITIES {
        let group: Vec<&Finding> = findings.iter().copied().filter(|f| f.severity == s).collect();
        if group.is_empty() {
            continue;
        }
        let _ = write!(h, r#"<section class="group"><h3>{} ({})</h3>"#, s.as_str(), group.len());
        write_cards(h, &group);
    }
    h.push_str(r#"</div><div id="by-file" class="hidden">"#);
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_file.entry(f.evidence.file.as_str()).or_default().push(f);
    }
    for (file, group) in by_file {
        let _ = write!(h, r#"<section class="group"><h3><code>{}</code> ({})</h3>"#, esc(file), group.len());
        write_cards(h, &group);
    }
    h.push_str("</div></section>");
}

/// The cards of one group, and the close of the group's section.
fn write_cards(h: &mut String, group: &[&Finding]) {
    for f in group {
        h.push_str(&finding_card(f));
    }
    h.push_str("</section>");
}

/// The obligations table, by standard and clause.
fn write_obligations(h: &mut String, obligations: &[&Finding]) {
    h.push_str(r#"<section id="obligations"><h2>Compliance obligations</h2>"#);
    if obligations.is_empty() {
        h.push_str(r#"<p class="empty">None.</p>"#);
    } else {
        let mut grouped: BTreeMap<(&str, &str), Vec<&Finding>> = BTreeMap::new();
        for f in obligations {
            grouped.entry((f.standard.as_str(), f.clause.as_str())).or_default().push(f);
        }
        h.push_str("<table><tr><th>Standard</th><th>Clause</th><th>Rule</th><th>Obligation</th></tr>");
        for ((standard, clause), group) in grouped {
            for f in group {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
                    esc(standard),
                    esc(clause),
                    esc(&f.rule_id),
                    esc(&f.message)
                );
            }
        }
        h.push_str("</table>");
    }
    h.push_str("</section>");
}

/// Suppressed findings with who said why; the section is left out when there are none.
fn write_suppressed(h: &mut String, scan: &ScanResult) {
    if scan.suppressed.is_empty() {
        return;
    }
    h.push_str(r#"<section id="suppressed"><h2>Suppressed findings</h2><table><tr><th>Rule</th><th>Location</th><th>Source</th><th>Reason</th></tr>"#);
    for s in &scan.suppressed {
        let e = &s.finding.evidence;
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td>{}:{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.finding.rule_id),
            esc(&e.file),
            e.lines[0],
            esc(&s.source),
            esc(&s.reason)
        );
    }
    h.push_str("</table></section>");
}

/// What did not run: errored packs, skipped rules and rule errors, so a clean report
/// cannot hide an incomplete scan.
fn write_problems(h: &mut String, scan: &ScanResult) {
    h.push_str(r#"<section id="problems"><h2>Errored packs and skipped rules</h2>"#);
    if scan.errored_packs.is_empty() && scan.skipped_rules.is_empty() && scan.rule_errors.is_empty() {
        h.push_str(r#"<p class="empty">Every pack completed and every rule ran.</p>"#);
    }
    if !scan.errored_packs.is_empty() {
        h.push_str("<h3>Errored packs (the gate fails closed)</h3><table><tr><th>Pack</th><th>Error</th><th>File</th></tr>");
        for e in &scan.errored_packs {
            let _ =
                write!(h, "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>", esc(&e.pack_id), esc(&e.message), esc(e.file.as_deref().unwrap_or("-")));
        }
        h.push_str("</table>");
    }
    if !scan.skipped_rules.is_empty() {
        h.push_str("<h3>Skipped rules</h3><table><tr><th>Pack</th><th>Rule</th><th>Reason</th></tr>");
        for s in &scan.skipped_rules {
            let _ = write!(h, "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>", esc(&s.pack_id), esc(&s.rule_id), esc(&s.reason));
        }
        h.push_str("</table>");
    }
    if !scan.rule_errors.is_empty() {
        h.push_str("<h3>Rule errors</h3><table><tr><th>Pack</th><th>Rule</th><th>File</th><th>Error</th></tr>");
        for e in &scan.rule_errors {
            let _ = write!(
                h,
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                esc(&e.pack_id),
                esc(&e.rule_id),
                esc(&e.file),
                esc(&e.message)
            );
        }
        h.push_str("</table>");
    }
    h.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        assert_eq!(esc(r#"<script>alert("x")</script> & 'y'"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    }
}
