//! Human-readable output. Colour is written as ANSI styles and stripped by `anstream`
//! when standard output is not a terminal (or `NO_COLOR` is set).

use std::io::Write;

use anstyle::{AnsiColor, Style};
use sentra_engine::{GateResult, PackSet, ScanResult};
use sentra_runtime::Severity;

fn sev_style(s: Severity) -> Style {
    let color = match s {
        Severity::Critical => AnsiColor::BrightRed,
        Severity::High => AnsiColor::Red,
        Severity::Medium => AnsiColor::Yellow,
        Severity::Low => AnsiColor::Blue,
        Severity::Info => AnsiColor::BrightBlack,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

const DIM: Style = Style::new().dimmed();
const FIX: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
/// Rules listed in the summary at the end of a text report.
const SUMMARY_RULES: usize = 10;
const BOLD: Style = Style::new().bold();

/// The rules with the most findings, one line each, when more than one rule fired.
fn rule_summary(out: &mut impl Write, r: &ScanResult) -> std::io::Result<()> {
    let mut counts: std::collections::BTreeMap<(&str, Severity), usize> = std::collections::BTreeMap::new();
    for f in &r.findings {
        *counts.entry((f.rule_id.as_str(), f.severity)).or_default() += 1;
    }
    if counts.len() < 2 {
        return Ok(());
    }
    let mut by_count: Vec<((&str, Severity), usize)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.1.cmp(&b.0.1)).then(a.0.0.cmp(b.0.0)));
    writeln!(out, "{BOLD}by rule{BOLD:#}")?;
    for ((rule, severity), n) in by_count.iter().take(SUMMARY_RULES) {
        let s = sev_style(*severity);
        writeln!(out, "  {n:>5}  {s}{:<8}{s:#}  {rule}", severity.as_str())?;
    }
    if by_count.len() > SUMMARY_RULES {
        writeln!(out, "  {DIM}... and {} more rules{DIM:#}", by_count.len() - SUMMARY_RULES)?;
    }
    Ok(())
}

pub fn text_report(out: &mut impl Write, r: &ScanResult, gate: Option<&GateResult>) -> std::io::Result<()> {
    for f in &r.findings {
        let loc =
            if f.evidence.lines[0] == 0 { f.evidence.file.to_string() } else { format!("{}:{}:{}", f.evidence.file, f.evidence.lines[0], f.evidence.column) };
        let s = sev_style(f.severity);
        writeln!(out, "{BOLD}{loc}{BOLD:#}  {s}{:<8}{s:#}  {}  {}", f.severity.as_str(), f.rule_id, f.message)?;
        for line in f.evidence.snippet.lines().take(3) {
            let line: String = line.chars().take(160).collect();
            writeln!(out, "    {DIM}{}{DIM:#}", line.trim_end())?;
        }
        if let Some(fix) = f.remediation_guidance.lines().map(str::trim).find(|l| !l.is_empty()) {
            let fix: String = fix.chars().take(160).collect();
            writeln!(out, "    {FIX}fix:{FIX:#} {fix}")?;
        }
    }
    rule_summary(out, r)?;
    for e in &r.errored_packs {
        let s = sev_style(Severity::Critical);
        writeln!(out, "{s}pack error{s:#}  {}", e.message)?;
    }
    for e in &r.rule_errors {
        writeln!(out, "{}rule error{:#}  {}/{} on {}: {}", sev_style(Severity::High), sev_style(Severity::High), e.pack_id, e.rule_id, e.file, e.message)?;
    }
    for s in &r.skipped_rules {
        writeln!(out, "{DIM}skipped rule  {}/{}: {}{DIM:#}", s.pack_id, s.rule_id, s.reason)?;
    }
    let b = &r.by_severity;
    writeln!(
        out,
        "{} finding{} ({} critical, {} high, {} medium, {} low, {} info) in {} files, {} packs, {:.2}s",
        r.total,
        if r.total == 1 { "" } else { "s" },
        b.critical,
        b.high,
        b.medium,
        b.low,
        b.info,
        r.files_scanned,
        r.packs.len(),
        r.duration_ms as f64 / 1000.0
    )?;
    if let Some(g) = gate {
        let fail_on: Vec<&str> = g.fail_on.iter().map(|s| s.as_str()).collect();
        if g.passed {
            let ok = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
            writeln!(out, "{ok}gate passed{ok:#} (fail on: {})", fail_on.join(", "))?;
            if !g.errored_packs_not_blocking.is_empty() {
                let warn = sev_style(Severity::Medium);
                let packs = g.errored_packs_not_blocking.join(", ");
                writeln!(out, "{warn}but not every pack ran to the end{warn:#}: {packs} errored (not blocking by policy); see the errors above")?;
            }
        } else {
            let bad = sev_style(Severity::Critical);
            let mut why = Vec::new();
            if g.blocking > 0 {
                why.push(format!("{} finding{} at {}", g.blocking, if g.blocking == 1 { "" } else { "s" }, fail_on.join("/")));
            }
            if !g.errored_packs.is_empty() {
                why.push(format!("errored pack{}: {}", if g.errored_packs.len() == 1 { "" } else { "s" }, g.errored_packs.join(", ")));
            }
            writeln!(out, "{bad}gate failed{bad:#}: {}", why.join("; "))?;
        }
    }
    Ok(())
}

pub fn list_packs(out: &mut impl Write, set: &PackSet, json: bool) -> std::io::Result<()> {
    if json {
        let packs: Vec<_> = set
            .packs
            .iter()
            .map(|p| {
                let i = p.pack.info();
                serde_json::json!({
                    "pack_id": i.id, "name": i.name, "version": i.version, "description": i.description,
                    "license": i.license, "rule_count": i.rules.len(), "sha256": p.pack.sha256(),
                    "api_version": p.pack.api_version().as_str(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "packs": packs, "total": packs.len() }))?;
        return writeln!(out);
    }
    for p in &set.packs {
        let i = p.pack.info();
        writeln!(out, "{BOLD}{:<24}{BOLD:#} {:>4} rules  v{:<8} {:<12} {}", i.id, i.rules.len(), i.version, i.license, i.name)?;
    }
    Ok(())
}

pub fn list_rules(out: &mut impl Write, set: &PackSet, json: bool) -> std::io::Result<()> {
    if json {
        let rules: Vec<_> = set
            .packs
            .iter()
            .flat_map(|p| p.rules().iter().map(move |r| (p.id().to_string(), r)))
            .map(|(pack, r)| {
                let mut v = serde_json::to_value(r).unwrap_or_default();
                v["pack_id"] = serde_json::Value::String(pack);
                v
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "rules": rules, "total": rules.len() }))?;
        return writeln!(out);
    }
    for p in &set.packs {
        for r in p.rules() {
            let s = sev_style(r.severity);
            writeln!(out, "{:<16} {BOLD}{:<34}{BOLD:#} {s}{:<8}{s:#} {}", p.id(), r.id, r.severity.as_str(), r.name)?;
        }
    }
    Ok(())
}

/// The rule reference (docs/packs.md): a table of packs, then every rule of each.
pub fn rules_markdown(out: &mut impl Write, set: &PackSet) -> std::io::Result<()> {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    writeln!(out, "# Built-in packs\n")?;
    writeln!(out, "<!-- Generated by `sentra list-rules --format markdown`; a test fails when it is stale. -->\n")?;
    writeln!(out, "| pack | rules | what it covers |\n|---|---|---|")?;
    for p in &set.packs {
        let info = p.pack.info();
        writeln!(out, "| [`{}`](#{}) | {} | {} |", info.id, info.id, info.rules.len(), cell(&info.description))?;
    }
    for p in &set.packs {
        let info = p.pack.info();
        writeln!(
            out,
            "\n## {}\n\n<a id=\"{}\"></a>`{}` {}, {} rules. {}\n",
            info.name,
            info.id,
            info.id,
            info.version,
            info.rules.len(),
            cell(&info.description)
        )?;
        writeln!(out, "| id | severity | standard | clause | CWE | rule |\n|---|---|---|---|---|---|")?;
        for r in p.rules() {
            writeln!(out, "| `{}` | {} | {} | {} | {} | {} |", r.id, r.severity.as_str(), cell(&r.standard), cell(&r.clause), r.cwe.join(", "), cell(&r.name))?;
        }
    }
    Ok(())
}

/// `sentra pack test`: one line per rule, then the failures' locations.
pub fn pack_test_report(
    out: &mut impl Write,
    outcomes: &std::collections::BTreeMap<String, sentra_engine::pack_test::RuleOutcome>,
    r: &ScanResult,
) -> std::io::Result<()> {
    let ok = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
    let bad = sev_style(Severity::Critical);
    for (rule, o) in outcomes {
        if o.ok() {
            writeln!(out, "{ok}PASS{ok:#}  {rule} ({} annotation{})", o.passed, if o.passed == 1 { "" } else { "s" })?;
            continue;
        }
        writeln!(out, "{bad}FAIL{bad:#}  {rule}")?;
        for m in &o.missing {
            writeln!(out, "      missing finding at {m}")?;
        }
        for u in &o.unexpected {
            writeln!(out, "      unexpected finding at {u}")?;
        }
    }
    for e in &r.errored_packs {
        writeln!(out, "{bad}ERROR{bad:#} {}", e.message)?;
    }
    for e in &r.rule_errors {
        writeln!(out, "{bad}ERROR{bad:#} {}/{} on {}: {}", e.pack_id, e.rule_id, e.file, e.message)?;
    }
    let failed = outcomes.values().filter(|o| !o.ok()).count();
    let style = if failed == 0 && r.errored_packs.is_empty() && r.rule_errors.is_empty() { ok } else { bad };
    writeln!(out, "{style}{} of {} rules passed{style:#}", outcomes.len() - failed, outcomes.len())
}
