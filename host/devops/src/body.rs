//! Work item bodies in each tracker's markup (Markdown, HTML, Jira wiki, Atlassian
//! Document Format), and reading them back. A body ends with a marker line
//! `sentra-rule: RULE sentra-findings: KEY:COUNT` (an HTML comment where the markup has
//! one), which is how reconcile knows what an item was last written for.

use serde_json::{Value, json};

use crate::WorkItemDraft;

/// The heading before the acceptance criteria, in every markup.
pub const CRITERIA_HEADING: &str = "Acceptance criteria";

/// What a body says, read back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub description: String,
    pub acceptance_criteria: Vec<String>,
    pub rule_id: Option<String>,
    pub findings_key: String,
    pub findings_count: usize,
}

fn marker(d: &WorkItemDraft) -> String {
    format!("sentra-rule: {} sentra-findings: {}:{}", d.rule_id, d.findings_key, d.findings_count)
}

/// GitHub: Markdown with a task list and a hidden marker.
pub fn markdown(d: &WorkItemDraft) -> String {
    let mut s = format!("{}\n\n### {CRITERIA_HEADING}\n", d.description);
    for c in &d.acceptance_criteria {
        s.push_str(&format!("- [ ] {c}\n"));
    }
    s.push_str(&format!("\n<!-- {} -->\n", marker(d)));
    s
}

/// Jira v2: wiki markup; the marker is a visible last line (wiki markup has no comments).
pub fn jira_wiki(d: &WorkItemDraft) -> String {
    let mut s = format!("{}\n\nh3. {CRITERIA_HEADING}\n", d.description.replace("\n- ", "\n* "));
    for c in &d.acceptance_criteria {
        s.push_str(&format!("* {c}\n"));
    }
    s.push_str(&format!("\n{}\n", marker(d)));
    s
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Azure DevOps: HTML. Boards may strip comments, so the marker is a visible paragraph.
pub fn html(d: &WorkItemDraft) -> String {
    let mut s = String::new();
    for line in d.description.lines() {
        s.push_str(&format!("<div>{}</div>", if line.is_empty() { "<br>".to_string() } else { escape(line) }));
    }
    s.push_str(&format!("<h3>{CRITERIA_HEADING}</h3><ul>"));
    for c in &d.acceptance_criteria {
        s.push_str(&format!("<li>{}</li>", escape(c)));
    }
    s.push_str(&format!("</ul><p>{}</p>", escape(&marker(d))));
    s
}

/// Jira v3: an Atlassian Document Format document.
pub fn adf(d: &WorkItemDraft) -> Value {
    let text = |t: &str| json!({"type": "text", "text": t});
    let mut content: Vec<Value> = d.description.lines().filter(|l| !l.trim().is_empty()).map(|l| json!({"type": "paragraph", "content": [text(l)]})).collect();
    content.push(json!({"type": "heading", "attrs": {"level": 3}, "content": [text(CRITERIA_HEADING)]}));
    let items: Vec<Value> =
        d.acceptance_criteria.iter().map(|c| json!({"type": "listItem", "content": [{"type": "paragraph", "content": [text(c)]}]})).collect();
    if !items.is_empty() {
        content.push(json!({"type": "bulletList", "content": items}));
    }
    content.push(json!({"type": "paragraph", "content": [text(&marker(d))]}));
    json!({"type": "doc", "version": 1, "content": content})
}

/// The plain text of an ADF document: one line per block, `- ` before list items.
pub fn adf_to_text(doc: &Value) -> String {
    fn walk(node: &Value, out: &mut String) {
        match node["type"].as_str() {
            Some("text") => out.push_str(node["text"].as_str().unwrap_or("")),
            Some("hardBreak") => out.push('\n'),
            Some("listItem") => {
                out.push_str("- ");
                for c in node["content"].as_array().into_iter().flatten() {
                    walk(c, out);
                }
            }
            Some(kind) => {
                for c in node["content"].as_array().into_iter().flatten() {
                    walk(c, out);
                }
                if matches!(kind, "paragraph" | "heading" | "codeBlock") && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => {}
        }
    }
    let mut out = String::new();
    walk(doc, &mut out);
    out
}

/// The plain text of an HTML body: block ends become line breaks, `<li>` becomes `- `,
/// other tags go, entities are decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        match (tag.starts_with('/'), name) {
            (false, "li") => out.push_str("- "),
            (false, "br") => out.push('\n'),
            (true, "div" | "p" | "li" | "h1" | "h2" | "h3" | "h4" | "ul" | "ol") => out.push('\n'),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&")
}

/// Reads a body in any of the markups above, once turned into text.
pub fn parse(text: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut description = Vec::new();
    let mut in_criteria = false;
    for line in text.lines() {
        let t = line.trim();
        if let Some(at) = t.find("sentra-rule: ") {
            let mut words = t[at..].trim_end_matches("-->").split_whitespace();
            while let Some(w) = words.next() {
                match w {
                    "sentra-rule:" => p.rule_id = words.next().map(str::to_string),
                    "sentra-findings:" => {
                        if let Some((key, count)) = words.next().and_then(|v| v.split_once(':')) {
                            p.findings_key = key.to_string();
                            p.findings_count = count.parse().unwrap_or(0);
                        }
                    }
                    _ => {}
                }
            }
            continue;
        }
        let heading = t.trim_start_matches('#').trim_start_matches("h3.").trim();
        if heading == CRITERIA_HEADING {
            in_criteria = true;
            continue;
        }
        if in_criteria {
            let item = ["- [ ] ", "- [x] ", "- [X] ", "* ", "- "].iter().find_map(|p| t.strip_prefix(p));
            if let Some(item) = item {
                p.acceptance_criteria.push(item.trim().to_string());
            }
        } else {
            description.push(line.trim_end());
        }
    }
    p.description = description.join("\n").trim().to_string();
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d() -> WorkItemDraft {
        WorkItemDraft {
            rule_id: "SEC-1".into(),
            title: "[sentra] SEC-1: key".into(),
            description: "sentra found 2 blocking finding(s) of rule SEC-1.\n\n- a.py:1 [high] key <here> & there\n- b.py:2 [high] key".into(),
            acceptance_criteria: vec!["No SEC-1 finding remains in a.py".into(), "No SEC-1 finding remains in b.py".into()],
            findings_key: "abc123".into(),
            findings_count: 2,
        }
    }

    #[test]
    fn every_markup_reads_back() {
        let d = d();
        let want = |p: Parsed| {
            assert_eq!(p.rule_id.as_deref(), Some("SEC-1"));
            assert_eq!((p.findings_key.as_str(), p.findings_count), ("abc123", 2));
            assert_eq!(p.acceptance_criteria, d.acceptance_criteria);
            assert!(p.description.contains("key <here> & there"), "{}", p.description);
            assert!(p.description.starts_with("sentra found 2"), "{}", p.description);
        };
        want(parse(&markdown(&d)));
        want(parse(&jira_wiki(&d)));
        want(parse(&html_to_text(&html(&d))));
        want(parse(&adf_to_text(&adf(&d))));
    }

    #[test]
    fn a_body_without_a_marker_has_no_rule() {
        assert_eq!(parse("Someone's own issue\n- [ ] thing").rule_id, None);
    }
}
