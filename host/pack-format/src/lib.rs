//! The declarative pack format.
//!
//! A YAML pack document is parsed and checked once, on the host, by [`validate`] (feature
//! `validate`): read as the types of [`written`] (the document as authors write it, which
//! also give the JSON Schema), then checked in one pass that collects every problem and
//! reports them together. What comes out is a [`PackDocument`] of checked types (expanded
//! globs, resolved severities, one enum variant per rule type) that the host hands, as
//! JSON, to the declarative engine pack, which runs it inside the sandbox without
//! re-validating.

use serde::{Deserialize, Serialize};

/// Literals a regex requires (the host prefilter), owned by the matcher.
#[cfg(feature = "validate")]
pub use sentra_matcher::literals;
#[cfg(feature = "validate")]
pub mod validate;
#[cfg(feature = "validate")]
pub mod written;

/// Longest pattern a rule may hold, in bytes.
pub const MAX_PATTERN_LEN: usize = 2_000;
/// `file_policy` / `max_lines` default.
pub const DEFAULT_MAX_FILE_LINES: u32 = 500;
/// `file_policy` / `max_function_count` default.
pub const DEFAULT_MAX_FUNCTIONS: u32 = 20;
/// `ast` / `max_function_length` default.
pub const DEFAULT_MAX_FUNCTION_LINES: u32 = 50;
/// `ast` / `high_complexity`: a function's cyclomatic complexity above this is reported.
pub const MAX_COMPLEXITY: u32 = 10;

/// A checked pack document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackDocument {
    /// From the file, or given by whoever loads it (file name, API request).
    pub pack_id: Option<String>,
    pub name: String,
    pub description: String,
    pub version: String,
    pub last_updated: String,
    /// SPDX expression.
    pub license: Option<String>,
    pub rules: Vec<RuleSpec>,
    /// Clause id to title (`clauses:` in the document).
    #[serde(default)]
    pub clauses: std::collections::BTreeMap<String, String>,
    /// Other packs' findings that evidence clauses (`evidence_from:`).
    #[serde(default)]
    pub evidence_from: Vec<EvidenceSource>,
    /// Clauses that requirement traceability evidences (`traceability:`).
    #[serde(default)]
    pub traceability: Vec<TraceSource>,
}

/// One `traceability` entry: a clause about requirements and their traceability, which
/// the project's requirements (`requirements.yaml`) traced to code (`REQ-`/`SRS-` ids in
/// comments, as `check-coverage` finds them) evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TraceSource {
    /// The clause the traceability evidences.
    pub clause: String,
    /// What it shows, as the report names the check.
    pub name: String,
}

/// One `evidence_from` entry: the rules of other packs whose findings bear on a clause,
/// chosen by pack, rule id and weakness, so one detection written in a language's pack
/// counts for every framework that cites its weakness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvidenceSource {
    /// The pack whose findings count, or a glob of pack ids (`*-security`: every language's
    /// security pack).
    pub pack: String,
    /// Its rule ids, or globs of them (`SEC-*`); empty: every rule (then `cwe` selects).
    #[serde(default)]
    pub rules: Vec<String>,
    /// Only the rules tagged with one of these weaknesses (`CWE-120`); empty: any.
    #[serde(default)]
    pub cwe: Vec<String>,
    /// The clause they evidence.
    pub clause: String,
    /// What the findings show, as the report names the check.
    pub name: String,
}

impl EvidenceSource {
    /// How the report names the cited rules: `pack:rules` or `pack:CWE-..`.
    pub fn label(&self) -> String {
        let mut what: Vec<&str> = self.rules.iter().map(String::as_str).collect();
        what.extend(self.cwe.iter().map(String::as_str));
        format!("{}:{}", self.pack, what.join(","))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 5] = [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        }
    }

    /// Case-insensitive, surrounding whitespace ignored.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A checked rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleSpec {
    pub id: String,
    pub name: String,
    pub description: String,
    pub severity: Severity,
    pub check: RuleCheck,
    /// Expanded: no braces, no commas. Empty means every file.
    pub file_globs: Vec<String>,
    pub exclude_globs: Vec<String>,
    pub applies_when: Option<AppliesWhen>,
    pub standard: String,
    pub clause: String,
    /// `code`, `documentation`, `process` or `traceability`.
    pub category: String,
    pub remediation: String,
    pub tags: Vec<String>,
    pub cwe: Vec<String>,
    pub references: Vec<String>,
    pub autofix: Option<Autofix>,
    /// The rule this one is a language variant of (`variant_of:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_of: Option<String>,
}

impl RuleSpec {
    /// The rule type as written in the document (`regex`, `file_policy`, `llm`, ...).
    pub fn type_name(&self) -> &str {
        match &self.check {
            RuleCheck::Regex { .. } | RuleCheck::AllPatterns { .. } => "regex",
            RuleCheck::RequiredPattern { .. } => "required_pattern",
            RuleCheck::RequiredFile { .. } => "required_file",
            RuleCheck::FilePolicy { .. } => "file_policy",
            RuleCheck::DocumentationObligation => "documentation_obligation",
            RuleCheck::Ast { .. } | RuleCheck::Query { .. } => "ast",
            RuleCheck::Taint { .. } => "taint",
            RuleCheck::Unsupported { type_name, .. } => type_name,
        }
    }

    /// The finding message: `"<name>: <description>"`.
    pub fn message(&self) -> String {
        if self.description.is_empty() { self.name.clone() } else { format!("{}: {}", self.name, self.description) }
    }
}

/// A query rule's query for another language (`other_languages`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OtherLanguage {
    /// Canonical language name.
    pub language: String,
    pub query: String,
    /// Extensions (without the dot, lower case) of the files this entry matches.
    pub extensions: Vec<String>,
}

/// A language a taint rule runs in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaintLanguage {
    /// Canonical language name.
    pub language: String,
    /// Extensions (without the dot, lower case) of its files.
    pub extensions: Vec<String>,
}

/// A source, sink, sanitizer or propagator of a taint rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaintEntry {
    Code(String),
    Query(String),
}

/// What a rule checks, one variant per rule type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RuleCheck {
    /// One finding per match, on the line where the match starts.
    Regex {
        pattern: String,
        /// Literals one of which every match contains (read from the pattern): the host's
        /// prefilter; empty when it has none worth using.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        literals: Vec<String>,
    },
    /// A `regex` rule with `all_patterns`: one finding per file where all match (within
    /// a window of `within_lines` lines when given).
    AllPatterns {
        patterns: Vec<String>,
        within_lines: Option<u32>,
        /// The prefilter of one of the patterns (all must match), as `Regex`'s.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        literals: Vec<String>,
    },
    /// One finding at line 1 of a file that lacks the pattern (run multi-line).
    RequiredPattern {
        pattern: String,
    },
    /// A presence check on the whole project: some file the rule's globs select (and that
    /// contains `pattern`, run multi-line, when given) shows a control exists. The host
    /// decides it, since a pack cannot read the repository; when no file does, the rule
    /// reports one project-level finding.
    RequiredFile {
        pattern: Option<String>,
    },
    FilePolicy {
        policy: FilePolicy,
    },
    /// One project-level finding that never fails the gate.
    DocumentationObligation,
    Ast {
        check: AstCheck,
    },
    /// A tree-sitter query the host runs on the file's syntax tree (`type: ast` with
    /// `query`). One finding per rule and line, at the start of the reported node (every
    /// captured node, or the `report` capture's), as sentrik reports them.
    Query {
        /// Canonical language name (`python`, `cpp`, ...).
        language: String,
        query: String,
        /// The capture to report; `None`: every capture.
        report: Option<String>,
        /// The message template (`{{capture}}` is the capture's text).
        message: Option<String>,
        /// Literals one of which the file must contain for the query to match (from its
        /// `#eq?`/`#any-of?` predicates): the host's prefilter.
        literals: Vec<String>,
        /// Qualified names the `@callee` capture must resolve to (empty: no such filter).
        #[serde(default)]
        calls: Vec<String>,
        /// The same rule in more languages; a file whose extension one of them lists is
        /// matched with that entry's query instead of `query`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        other_languages: Vec<OtherLanguage>,
        /// The rule's former regex: a finding on a line it matches takes that match's span
        /// (and so keeps its former fingerprint).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fingerprint_pattern: Option<String>,
        /// A regex the file must match for the rule to run on it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        file_context: Option<String>,
    },
    /// A data-flow rule (`type: taint`): one finding per sink a source reaches, at the
    /// sink, carrying the path.
    Taint {
        /// The languages it runs in: the first is `language`, then `other_languages`.
        languages: Vec<TaintLanguage>,
        sources: Vec<TaintEntry>,
        sinks: Vec<TaintEntry>,
        sanitizers: Vec<TaintEntry>,
        propagators: Vec<TaintEntry>,
        unknown_calls_propagate: bool,
        /// Literals one of which a file must contain (the sources' names): the host's
        /// prefilter; empty when a source is a query.
        literals: Vec<String>,
    },
    /// Accepted but not run (e.g. `llm`): listed among a scan's skipped rules.
    Unsupported {
        type_name: String,
        reason: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum FilePolicy {
    MaxLines { max_lines: u32 },
    StartsWithDocstring,
    MustContainPattern { pattern: String },
    MustNotImport { forbidden_modules: Vec<String> },
    MaxFunctionCount { max_functions: u32 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "ast_check", rename_all = "snake_case")]
pub enum AstCheck {
    NoMutableDefaults,
    NoStarImports,
    NoNestedFunctions,
    NoGlobalVariables,
    HighComplexity,
    MaxFunctionLength { max_lines: u32 },
}

/// Project preconditions; see the WIT `conditions` record for the semantics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppliesWhen {
    pub languages: Vec<String>,
    pub has_files: Vec<String>,
    pub has_imports: Vec<String>,
    pub has_dependencies: Vec<String>,
    pub has_content: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AutofixKind {
    RemoveLine,
    CommentOut,
    ReplaceMatch,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Autofix {
    pub kind: AutofixKind,
    /// The text for `replace_match`.
    pub replacement: String,
}

/// The capture names a message template refers to (`{{name}}`), in order.
pub fn template_names(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        out.push(after[..close].trim().to_string());
        rest = &after[close + 2..];
    }
    out
}

/// Pack ids become file names and URL segments: lowercase letters, digits and `-`.
pub fn valid_pack_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Most plain globs one `file_glob` value may expand to. Brace groups multiply: twenty
/// groups of four alternatives are a trillion globs, which would hang whoever loads the
/// pack (the glob fuzzer found it); no real pack comes near this.
pub const MAX_GLOB_EXPANSIONS: usize = 1024;

/// Splits a `file_glob` value on top-level commas and expands brace groups (nested ones
/// too), so `src/**/*.{py,j{s,sx}}, lib/*` becomes four plain globs. More than
/// [`MAX_GLOB_EXPANSIONS`] is an error naming the count it got to.
pub fn expand_globs(spec: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for part in split_top_level(spec, ',') {
        let part = part.trim();
        if !part.is_empty() {
            expand_braces(part, &mut out)?;
        }
    }
    out.dedup();
    Ok(out)
}

fn split_top_level(s: &str, sep: char) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0i32, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if c == sep && depth == 0 => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

fn expand_braces(s: &str, out: &mut Vec<String>) -> Result<(), String> {
    // The first `{` and its matching `}`; an unbalanced brace is left as written (the
    // validator reports it when the glob fails to compile).
    let push = |out: &mut Vec<String>| {
        if out.len() == MAX_GLOB_EXPANSIONS {
            return Err(format!("expands to more than {MAX_GLOB_EXPANSIONS} globs; use fewer brace groups"));
        }
        out.push(s.to_string());
        Ok(())
    };
    let Some(open) = s.find('{') else { return push(out) };
    let mut depth = 0;
    let mut close = None;
    for (i, c) in s[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(close) = close else { return push(out) };
    let (head, body, tail) = (&s[..open], &s[open + 1..close], &s[close + 1..]);
    for alt in split_top_level(body, ',') {
        expand_braces(&format!("{head}{alt}{tail}"), out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_expand_commas_and_nested_braces() {
        let expand = |s: &str| expand_globs(s).unwrap();
        assert_eq!(expand("**/*.{py,js}"), vec!["**/*.py", "**/*.js"]);
        assert_eq!(expand("src/**/*.{py,j{s,sx}}, lib/*"), vec!["src/**/*.py", "src/**/*.js", "src/**/*.jsx", "lib/*"]);
        assert_eq!(expand("**/*"), vec!["**/*"]);
        assert_eq!(expand("a/{b"), vec!["a/{b"]);
    }

    #[test]
    fn brace_expansion_stops_at_its_limit() {
        // 4^5 = 1024 globs is the most one value may make; 4^6 is refused at once, and so
        // is 4^20, which the fuzzer found hanging the loader.
        assert_eq!(expand_globs(&"{a,b,c,d}".repeat(5)).unwrap().len(), MAX_GLOB_EXPANSIONS);
        let started = std::time::Instant::now();
        for groups in [6, 20] {
            let err = expand_globs(&"{a,b,c,d}".repeat(groups)).unwrap_err();
            assert!(err.contains("more than 1024 globs"), "{err}");
        }
        assert!(expand_globs(&format!("{}{{", "{a,b}".repeat(20))).is_err(), "an unbalanced tail counts too");
        assert!(started.elapsed() < std::time::Duration::from_secs(1), "{:?}", started.elapsed());
    }
}
