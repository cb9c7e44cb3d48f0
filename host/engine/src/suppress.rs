//! Suppressions: config and API entries (`rule_id` and `file_pattern` globs, a required
//! reason, an optional expiry) and inline `sentra-ignore: RULE-ID[, RULE-ID] -- reason`
//! comments on a finding's line or alone on the line before it. Suppressed findings are
//! listed apart, never dropped; a malformed or unknown-rule ignore comment is itself a
//! finding (`SENTRA-SUPPRESSION`), so there is no silent catch-all.

use globset::GlobMatcher;

pub use sentra_model::{ExpiredSuppression, SuppressedFinding};

use crate::finding::Finding;

/// The rule id of findings about suppressions themselves.
pub const SUPPRESSION_RULE: &str = "SENTRA-SUPPRESSION";
const MARKER: &str = "sentra-ignore:";

/// A checked config or API suppression.
#[derive(Clone, Debug)]
pub struct Suppression {
    /// The API's id; config entries have none.
    pub id: Option<String>,
    pub rule_id: String,
    rule: GlobMatcher,
    pub file_pattern: String,
    file: GlobMatcher,
    pub reason: String,
    /// The last day it applies (inclusive).
    pub expires: Option<jiff::civil::Date>,
    /// `config` or `api`.
    pub source: &'static str,
}

impl Suppression {
    /// Checks a suppression's fields; the error names the field.
    pub fn new(
        id: Option<String>,
        rule_id: &str,
        file_pattern: &str,
        reason: &str,
        expires: Option<&str>,
        source: &'static str,
    ) -> Result<Self, (String, String)> {
        let glob =
            |field: &str, g: &str| crate::glob::compile_glob(g).map(|g| g.compile_matcher()).map_err(|e| (field.to_string(), format!("bad glob `{g}`: {e}")));
        if rule_id.trim().is_empty() {
            return Err(("rule_id".into(), "must not be empty".into()));
        }
        if reason.trim().is_empty() {
            return Err(("reason".into(), "a suppression needs a reason".into()));
        }
        let expires = match expires {
            None => None,
            Some(d) => Some(parse_date(d).ok_or_else(|| ("expires".to_string(), format!("`{d}` is not a date (YYYY-MM-DD)")))?),
        };
        let file_pattern = if file_pattern.is_empty() { "**" } else { file_pattern };
        Ok(Self {
            id,
            rule: glob("rule_id", rule_id)?,
            rule_id: rule_id.into(),
            file: glob("file_pattern", file_pattern)?,
            file_pattern: file_pattern.into(),
            reason: reason.into(),
            expires,
            source,
        })
    }

    /// Whether its `rule_id` (a glob) names this rule.
    pub fn names_rule(&self, rule_id: &str) -> bool {
        self.rule.is_match(rule_id)
    }

    fn matches(&self, f: &Finding) -> bool {
        self.rule.is_match(&f.rule_id) && self.file.is_match(&f.evidence.file)
    }

    /// Whether it has expired as of `today`.
    pub fn expired(&self, today: jiff::civil::Date) -> bool {
        self.expires.is_some_and(|e| today > e)
    }
}

/// `YYYY-MM-DD`, strictly.
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    if ok { s.parse().ok() } else { None }
}

/// Splits findings into kept and suppressed by the config and API suppressions.
pub fn apply(
    findings: Vec<Finding>,
    suppressions: &[Suppression],
    today: jiff::civil::Date,
) -> (Vec<Finding>, Vec<SuppressedFinding>, Vec<ExpiredSuppression>) {
    let mut kept = Vec::with_capacity(findings.len());
    let mut suppressed = Vec::new();
    let mut expired: Vec<ExpiredSuppression> = Vec::new();
    'outer: for f in findings {
        for s in suppressions {
            if !s.matches(&f) {
                continue;
            }
            if s.expired(today) {
                match expired.iter_mut().find(|e| e.rule_id == s.rule_id && e.file_pattern == s.file_pattern && e.source == s.source) {
                    Some(e) => e.findings += 1,
                    None => expired.push(ExpiredSuppression {
                        rule_id: s.rule_id.clone(),
                        file_pattern: s.file_pattern.clone(),
                        expires: s.expires.map(|d| d.to_string()).unwrap_or_default(),
                        source: s.source.into(),
                        suppression_id: s.id.clone(),
                        findings: 1,
                    }),
                }
                continue;
            }
            suppressed.push(SuppressedFinding { finding: f, source: s.source.into(), reason: s.reason.clone(), suppression_id: s.id.clone() });
            continue 'outer;
        }
        kept.push(f);
    }
    (kept, suppressed, expired)
}

/// One parsed `sentra-ignore` comment.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineIgnore {
    /// 1-based line of the comment.
    pub line: u32,
    /// The comment is alone on its line (then it covers the next line too).
    pub own_line: bool,
    pub rules: Vec<String>,
    pub reason: String,
    /// Why the comment is not usable.
    pub problem: Option<String>,
    /// 1-based column of the marker.
    pub column: u32,
}

/// Comment openers for a file, by extension (unknown kinds: the common ones).
pub fn comment_openers(path: &str) -> &'static [&'static str] {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "py" | "pyi" | "rb" | "sh" | "bash" | "zsh" | "yaml" | "yml" | "toml" | "tf" | "hcl" | "r" | "pl" | "ex" | "exs" | "conf" | "cfg" | "env"
        | "properties" | "dockerfile" => &["#"],
        "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" | "rs" | "go" | "java" | "kt" | "kts" | "swift" | "scala" | "c" | "h" | "cc" | "cpp" | "hpp" | "cs"
        | "dart" | "proto" | "groovy" | "gradle" => &["//", "/*"],
        "php" => &["//", "#", "/*"],
        "sql" | "lua" | "hs" => &["--"],
        "html" | "htm" | "xml" | "md" | "vue" | "svelte" => &["<!--"],
        "ini" => &[";", "#"],
        "css" | "scss" => &["/*", "//"],
        _ if name.eq_ignore_ascii_case("Dockerfile") || name.eq_ignore_ascii_case("Makefile") => &["#"],
        _ => &["#", "//", "--", "/*", "<!--", ";"],
    }
}

fn valid_rule_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
}

/// Every `sentra-ignore` comment in a file.
pub fn parse_inline(path: &str, text: &str) -> Vec<InlineIgnore> {
    let openers = comment_openers(path);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find(MARKER) else { continue };
        let before = line[..at].trim_end();
        let Some(opener) = openers.iter().find(|o| before.ends_with(*o)) else { continue };
        let code = before[..before.len() - opener.len()].trim();
        let rest = line[at + MARKER.len()..].trim();
        // Block comment closers are not part of the reason.
        let rest = rest.trim_end_matches("-->").trim_end_matches("*/").trim_end();
        let (ids, reason) = match rest.split_once("--") {
            Some((ids, reason)) => (ids.trim(), reason.trim()),
            None => (rest, ""),
        };
        let rules: Vec<String> = ids.split(',').map(|r| r.trim().to_string()).filter(|r| !r.is_empty()).collect();
        let problem = if rules.is_empty() {
            Some("names no rule (write `sentra-ignore: RULE-ID -- reason`)".to_string())
        } else if let Some(bad) = rules.iter().find(|r| !valid_rule_id(r)) {
            Some(format!("`{bad}` is not a rule id (there is no wildcard ignore)"))
        } else if reason.is_empty() {
            Some("gives no reason (write `-- reason` after the rule ids)".to_string())
        } else {
            None
        };
        out.push(InlineIgnore {
            line: i as u32 + 1,
            own_line: code.is_empty(),
            rules,
            reason: reason.to_string(),
            problem,
            column: line[..at].chars().count() as u32 + 1,
        });
    }
    out
}

/// Whether `ignore` covers a finding of `rule` on `line`.
pub fn covers(ignore: &InlineIgnore, rule: &str, line: u32) -> bool {
    ignore.problem.is_none() && (ignore.line == line || (ignore.own_line && ignore.line + 1 == line)) && ignore.rules.iter().any(|r| r == rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_comments_parse_per_language() {
        let py =
            "x = 1  # sentra-ignore: SEC-1, SEC-2 -- test fixture\n# sentra-ignore: SEC-3 -- next line\ny = 2\ns = 'sentra-ignore: SEC-4 -- in a string'\n";
        let got = parse_inline("a.py", py);
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].line, got[0].own_line, got[0].rules.clone(), got[0].reason.as_str()),
            (1, false, vec!["SEC-1".to_string(), "SEC-2".into()], "test fixture")
        );
        assert!(covers(&got[1], "SEC-3", 3) && !covers(&got[1], "SEC-3", 4) && !covers(&got[0], "SEC-1", 2));
        let js = "const k = 1; // sentra-ignore: JS-1 -- ok\n/* sentra-ignore: JS-2 -- block */\n";
        assert_eq!(parse_inline("a.ts", js).len(), 2);
        assert!(parse_inline("a.ts", "k = 1 # sentra-ignore: X -- y\n").is_empty(), "`#` is not a comment in TypeScript");
        for bad in ["# sentra-ignore: SEC-1\n", "# sentra-ignore: -- why\n", "# sentra-ignore: * -- all\n"] {
            assert!(parse_inline("a.py", bad)[0].problem.is_some(), "{bad}");
        }
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-12-31").is_some());
        for bad in ["2026-13-01", "2026-02-30", "31/12/2026", "2026-1-1", "tomorrow"] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }
}
