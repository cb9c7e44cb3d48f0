//! Query rules: the captures of a host syntax query turned into findings.

use crate::bindings::sentra::pack::host::{QueryMatch, SyntaxQuery};
use crate::{File, Findings};

/// `template` with each `{{name}}` replaced by the text of capture `name` in `m` (empty
/// when the match has no such capture).
pub fn render_message(template: &str, names: &[String], m: &QueryMatch) -> String {
    let value = |name: &str| {
        let index = names.iter().position(|n| n == name)? as u32;
        m.captures.iter().find(|c| c.index == index).and_then(|c| c.node.text.clone())
    };
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        out.push_str(&rest[..open]);
        out.push_str(&value(after[..close].trim()).unwrap_or_default());
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

/// Reports the nodes `query` captures in `file`: the `report` capture's, or every
/// capture's; one finding per line (the first in document order), as sentrik does.
pub(crate) fn report(query: &SyntaxQuery, report: Option<&str>, file: &File<'_>, out: &mut Findings) {
    report_captures(query, report, file, out, false, &|_, _| true);
}

/// Like a [`crate::Rule::query`] rule, for packs that decide more about each match:
/// reports what `report_captures` would, for the matches `keep` accepts (it gets the
/// capture names and the match; nodes carry their text when `with_text`, or when the
/// rule's message names captures).
pub fn report_captures(
    query: &SyntaxQuery,
    report: Option<&str>,
    file: &File<'_>,
    out: &mut Findings,
    with_text: bool,
    keep: &dyn Fn(&[String], &QueryMatch) -> bool,
) {
    let template = out.message().contains("{{").then(|| out.message().to_string());
    let found = match query.matches(file.id, with_text || template.is_some()) {
        Ok(found) => found,
        Err(e) => {
            out.error(e.message);
            return;
        }
    };
    let names = query.capture_names();
    let wanted = report.and_then(|r| names.iter().position(|n| n == r)).map(|i| i as u32);
    let mut hits = Vec::new();
    for m in found.matches.iter().filter(|m| keep(&names, m)) {
        for c in m.captures.iter().filter(|c| wanted.is_none_or(|w| c.index == w)) {
            hits.push((c.node.start, c.node.line, c.node.column, c.node.end_line, c.node.end_column, m));
        }
    }
    hits.sort_by_key(|h| h.0);
    let mut last_line = 0;
    for (_, line, column, end_line, end_column, m) in hits {
        if line == last_line {
            continue;
        }
        last_line = line;
        let message = match &template {
            Some(t) => render_message(t, &names, m),
            None => out.message().to_string(),
        };
        out.report_with(line, column, end_line, end_column, message, None);
    }
}
