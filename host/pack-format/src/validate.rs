//! Parsing and checking a YAML pack document. Every problem in the document is collected,
//! each naming the rule (by id, or by index when it has none) and the field, so an author
//! fixes a pack in one round instead of one error at a time.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

use crate::*;

/// Largest pack document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 4 << 20;

const TOP_LEVEL_KEYS: &[&str] = &["pack_id", "name", "description", "version", "last_updated", "license", "rules"];
const RULE_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "type",
    "severity",
    "file_glob",
    "exclude_globs",
    "pattern",
    "all_patterns",
    "within_lines",
    "applies_when",
    "standard",
    "clause",
    "compliance_category",
    "remediation_guidance",
    "tags",
    "cwe",
    "references",
    "autofix",
    "autofix_replacement",
    "check",
    "params",
    "ast_check",
    "query",
    "language",
];
const CONDITION_KEYS: &[&str] = &["languages", "has_files", "lacks_files", "has_imports", "has_dependencies", "has_content"];
const CATEGORIES: &[&str] = &["code", "documentation", "process", "traceability"];
const FILE_CHECKS: &[&str] = &["max_lines", "starts_with_docstring", "must_contain_pattern", "must_not_import", "max_function_count"];
const AST_CHECKS: &[&str] = &[
    "no_mutable_defaults",
    "no_star_imports",
    "no_nested_functions",
    "no_global_variables",
    "high_complexity",
    "max_function_length",
];
/// Languages `applies_when.languages` can name (what the host detects from extensions).
pub const LANGUAGES: &[&str] = &[
    "python", "javascript", "typescript", "java", "go", "rust", "ruby", "php", "csharp", "c", "cpp", "kotlin", "swift",
    "scala", "shell", "terraform", "yaml", "json", "html", "sql", "dockerfile",
];

/// One problem (or warning), located by rule and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `pack`, `` rule `ID` `` or `rule #N` (1-based, for rules without a usable id).
    pub location: String,
    /// The field, dotted for nested ones (`params.max_lines`, `all_patterns[2]`).
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.location, self.message)
        } else {
            write!(f, "{}, field `{}`: {}", self.location, self.field, self.message)
        }
    }
}

/// A document that passed validation, and what was worth a warning.
#[derive(Clone, Debug)]
pub struct Validated {
    pub document: PackDocument,
    pub warnings: Vec<Problem>,
}

/// Checks a regex the way the host will run it; `Err` carries the engine's message.
pub type RegexCheck<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// Parses and checks a YAML (or JSON) pack document.
pub fn validate_yaml(text: &str, check_regex: RegexCheck<'_>) -> Result<Validated, Vec<Problem>> {
    let pack = |message: String| vec![Problem { location: "pack".into(), field: String::new(), message }];
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(pack(format!("the document is {} bytes; the limit is {MAX_DOCUMENT_BYTES}", text.len())));
    }
    let value: Value = serde_saphyr::from_str(text).map_err(|e| pack(format!("not valid YAML: {e}")))?;
    validate_value(&value, check_regex)
}

/// Checks an already parsed document (a JSON request body, say).
pub fn validate_value(value: &Value, check_regex: RegexCheck<'_>) -> Result<Validated, Vec<Problem>> {
    let mut v = Validator { problems: Vec::new(), warnings: Vec::new(), check_regex };
    let document = v.document(value);
    match document {
        Some(document) if v.problems.is_empty() => Ok(Validated { document, warnings: v.warnings }),
        _ => Err(v.problems),
    }
}

struct Validator<'a> {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
    check_regex: RegexCheck<'a>,
}

/// Where in the document a check is looking.
#[derive(Clone)]
struct At {
    location: String,
}

impl At {
    fn problem(&self, field: &str, message: impl Into<String>) -> Problem {
        Problem { location: self.location.clone(), field: field.into(), message: message.into() }
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

impl Validator<'_> {
    fn error(&mut self, at: &At, field: &str, message: impl Into<String>) {
        self.problems.push(at.problem(field, message));
    }
    fn warn(&mut self, at: &At, field: &str, message: impl Into<String>) {
        self.warnings.push(at.problem(field, message));
    }

    fn unknown_keys(&mut self, at: &At, map: &Map<String, Value>, known: &[&str], prefix: &str) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.warn(at, &format!("{prefix}{key}"), "unknown key, ignored");
        }
    }

    /// A scalar rendered as a string (numbers and booleans too, as YAML authors write
    /// `version: 1.0`); `None` if absent or null.
    fn string(&mut self, at: &At, map: &Map<String, Value>, key: &str) -> Option<String> {
        match map.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.error(at, key, format!("expected a string, found {}", type_name(other)));
                None
            }
        }
    }

    fn required_string(&mut self, at: &At, map: &Map<String, Value>, key: &str) -> Option<String> {
        let s = self.string(at, map, key);
        match &s {
            None if !map.contains_key(key) || map[key].is_null() => self.error(at, key, "is required"),
            Some(v) if v.trim().is_empty() => {
                self.error(at, key, "must not be empty");
                return None;
            }
            _ => {}
        }
        s
    }

    /// A list of strings; a single string is accepted as a one-item list.
    fn string_list(&mut self, at: &At, map: &Map<String, Value>, key: &str) -> Vec<String> {
        self.string_list_as(at, map, key, key)
    }

    /// [`Self::string_list`], reporting problems under `field`.
    fn string_list_as(&mut self, at: &At, map: &Map<String, Value>, key: &str, field: &str) -> Vec<String> {
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) => out.push(n.to_string()),
                        other => self.error(at, &format!("{field}[{i}]"), format!("expected a string, found {}", type_name(other))),
                    }
                }
                out
            }
            Some(other) => {
                self.error(at, field, format!("expected a list of strings, found {}", type_name(other)));
                Vec::new()
            }
        }
    }

    fn positive_int(&mut self, at: &At, map: &Map<String, Value>, key: &str, field: &str) -> Option<u32> {
        match map.get(key)? {
            Value::Null => None,
            Value::Number(n) => match n.as_u64() {
                Some(v) if v > 0 && v <= u32::MAX as u64 => Some(v as u32),
                _ => {
                    self.error(at, field, format!("expected a positive integer, found {n}"));
                    None
                }
            },
            other => {
                self.error(at, field, format!("expected a positive integer, found {}", type_name(other)));
                None
            }
        }
    }

    fn regex(&mut self, at: &At, field: &str, pattern: &str) -> bool {
        if pattern.len() > MAX_PATTERN_LEN {
            self.error(at, field, format!("pattern is {} bytes long; the limit is {MAX_PATTERN_LEN}", pattern.len()));
            return false;
        }
        match (self.check_regex)(pattern) {
            Ok(()) => true,
            Err(message) => {
                self.error(at, field, format!("invalid regex: {message}"));
                false
            }
        }
    }

    fn globs(&mut self, at: &At, field: &str, specs: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for spec in specs {
            // A leading `!` (condition globs only) negates every expansion of the rest.
            let (neg, spec) = match spec.strip_prefix('!') {
                Some(rest) => ("!", rest),
                None => ("", spec.as_str()),
            };
            let expanded = match expand_globs(spec) {
                Ok(globs) => globs,
                Err(e) => {
                    let shown: String = spec.chars().take(80).collect();
                    self.error(at, field, format!("glob `{shown}`: {e}"));
                    continue;
                }
            };
            for glob in expanded {
                match globset::GlobBuilder::new(&glob).literal_separator(true).build() {
                    Ok(_) => out.push(format!("{neg}{glob}")),
                    Err(e) => self.error(at, field, format!("invalid glob `{glob}`: {}", e.kind())),
                }
            }
        }
        out
    }

    fn document(&mut self, value: &Value) -> Option<PackDocument> {
        let at = At { location: "pack".into() };
        let Value::Object(map) = value else {
            self.error(&at, "", format!("expected a mapping at the top level, found {}", type_name(value)));
            return None;
        };
        self.unknown_keys(&at, map, TOP_LEVEL_KEYS, "");
        let pack_id = self.string(&at, map, "pack_id");
        if let Some(id) = &pack_id
            && !valid_pack_id(id)
        {
            self.error(&at, "pack_id", format!("`{id}` is not a valid pack id (lowercase letters, digits and `-`, at most 64)"));
        }
        let name = self.required_string(&at, map, "name");
        let description = self.string(&at, map, "description").unwrap_or_default();
        let version = self.string(&at, map, "version").unwrap_or_else(|| "0.0.0".into());
        let last_updated = self.string(&at, map, "last_updated").unwrap_or_default();
        let license = self.string(&at, map, "license");
        let rules = match map.get("rules") {
            None | Some(Value::Null) => {
                self.error(&at, "rules", "is required (use `rules: []` for an empty pack)");
                Vec::new()
            }
            Some(Value::Array(items)) => {
                let mut seen: BTreeMap<String, usize> = BTreeMap::new();
                let mut rules = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    // Duplicates are found on the raw ids, so a rule with other problems
                    // still counts.
                    if let Some(Value::String(id)) = item.get("id")
                        && let Some(first) = seen.insert(id.clone(), i)
                    {
                        let at = At { location: format!("rule `{id}`") };
                        self.error(&at, "id", format!("duplicate id (rules #{} and #{})", first + 1, i + 1));
                    }
                    if let Some(rule) = self.rule(i, item) {
                        rules.push(rule);
                    }
                }
                rules
            }
            Some(other) => {
                self.error(&at, "rules", format!("expected a list of rules, found {}", type_name(other)));
                Vec::new()
            }
        };
        Some(PackDocument { pack_id, name: name?, description, version, last_updated, license, rules })
    }

    fn rule(&mut self, index: usize, value: &Value) -> Option<RuleSpec> {
        let Value::Object(map) = value else {
            let at = At { location: format!("rule #{}", index + 1) };
            self.error(&at, "", format!("expected a mapping, found {}", type_name(value)));
            return None;
        };
        let id = match map.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => None,
        };
        let at = At { location: id.as_ref().map_or_else(|| format!("rule #{}", index + 1), |id| format!("rule `{id}`")) };
        if id.is_none() {
            self.required_string(&at, map, "id");
        }
        self.unknown_keys(&at, map, RULE_KEYS, "");
        let before = self.problems.len();

        let name = self.required_string(&at, map, "name");
        let description = self.string(&at, map, "description").unwrap_or_default();
        let type_ = self.required_string(&at, map, "type");
        let severity = match self.string(&at, map, "severity") {
            None => Severity::Medium,
            Some(s) => Severity::parse(&s).unwrap_or_else(|| {
                self.error(&at, "severity", format!("`{s}` is not one of critical, high, medium, low, info"));
                Severity::Medium
            }),
        };
        let file_glob = match map.get("file_glob") {
            None | Some(Value::Null) => vec!["**/*".to_string()],
            Some(_) => self.string_list(&at, map, "file_glob"),
        };
        let file_globs = self.globs(&at, "file_glob", &file_glob);
        let exclude = self.string_list(&at, map, "exclude_globs");
        let exclude_globs = self.globs(&at, "exclude_globs", &exclude);
        let applies_when = self.applies_when(&at, map);
        let standard = self.string(&at, map, "standard").unwrap_or_default();
        let clause = self.string(&at, map, "clause").unwrap_or_default();
        let category = self.string(&at, map, "compliance_category").unwrap_or_else(|| "code".into());
        if !CATEGORIES.contains(&category.as_str()) {
            self.error(&at, "compliance_category", format!("`{category}` is not one of {}", CATEGORIES.join(", ")));
        }
        let remediation = self.string(&at, map, "remediation_guidance").unwrap_or_default();
        let tags = self.string_list(&at, map, "tags");
        let cwe = self.cwe(&at, map);
        let references = self.string_list(&at, map, "references");
        for (i, r) in references.iter().enumerate() {
            if !(r.starts_with("https://") || r.starts_with("http://")) {
                self.warn(&at, &format!("references[{i}]"), format!("`{r}` is not an http(s) URL"));
            }
        }
        let autofix = self.autofix(&at, map);
        if map.get("query").is_some_and(|q| !q.is_null()) && map.get("language").is_none_or(Value::is_null) {
            self.error(&at, "query", "a `query` needs a `language`");
        }
        let type_ = type_.filter(|t| {
            let well_formed = t.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !well_formed {
                self.error(&at, "type", format!("unknown type `{t}` (regex, required_pattern, file_policy, documentation_obligation, ast, llm)"));
            }
            well_formed
        });
        let check = type_.and_then(|t| self.check(&at, map, &t));

        if self.problems.len() > before {
            return None;
        }
        Some(RuleSpec {
            id: id?,
            name: name?,
            description,
            severity,
            check: check?,
            file_globs,
            exclude_globs,
            applies_when,
            standard,
            clause,
            category,
            remediation,
            tags,
            cwe,
            references,
            autofix,
        })
    }

    fn cwe(&mut self, at: &At, map: &Map<String, Value>) -> Vec<String> {
        let raw = match map.get("cwe") {
            Some(Value::Number(n)) => vec![n.to_string()],
            _ => self.string_list(at, map, "cwe"),
        };
        raw.into_iter()
            .map(|c| {
                let c = c.trim().to_string();
                if c.chars().all(|ch| ch.is_ascii_digit()) { format!("CWE-{c}") } else { c }
            })
            .collect()
    }

    fn applies_when(&mut self, at: &At, map: &Map<String, Value>) -> Option<AppliesWhen> {
        let value = map.get("applies_when")?;
        let Value::Object(cond) = value else {
            if !value.is_null() {
                self.error(at, "applies_when", format!("expected a mapping, found {}", type_name(value)));
            }
            return None;
        };
        self.unknown_keys(at, cond, CONDITION_KEYS, "applies_when.");
        let field = |k: &str| format!("applies_when.{k}");
        let list = |v: &mut Self, key: &str| v.string_list_as(at, cond, key, &field(key));
        let languages: Vec<String> = list(self, "languages").into_iter().map(|l| l.to_ascii_lowercase()).collect();
        for l in &languages {
            if !LANGUAGES.contains(&l.as_str()) {
                self.warn(at, &field("languages"), format!("`{l}` is not a language sentra detects ({})", LANGUAGES.join(", ")));
            }
        }
        let has_files_raw = list(self, "has_files");
        let mut has_files = self.globs(at, &field("has_files"), &has_files_raw);
        // `lacks_files` travels as `!`-prefixed `has_files` entries (the host reads them as
        // "no file matches"), so the pack interface needs no new field.
        let lacks_raw: Vec<String> = list(self, "lacks_files").into_iter().map(|g| format!("!{}", g.trim_start_matches('!'))).collect();
        has_files.extend(self.globs(at, &field("lacks_files"), &lacks_raw));
        let has_imports = list(self, "has_imports");
        let has_dependencies = list(self, "has_dependencies");
        let has_content = list(self, "has_content");
        for (i, p) in has_content.iter().enumerate() {
            self.regex(at, &format!("applies_when.has_content[{i}]"), p);
        }
        Some(AppliesWhen { languages, has_files, has_imports, has_dependencies, has_content })
    }

    fn autofix(&mut self, at: &At, map: &Map<String, Value>) -> Option<Autofix> {
        let replacement = self.string(at, map, "autofix_replacement");
        let kind = match self.string(at, map, "autofix")?.as_str() {
            "remove_line" => AutofixKind::RemoveLine,
            "comment_out" => AutofixKind::CommentOut,
            "replace_match" => AutofixKind::ReplaceMatch,
            other => {
                self.error(at, "autofix", format!("`{other}` is not one of remove_line, comment_out, replace_match"));
                return None;
            }
        };
        if kind == AutofixKind::ReplaceMatch && replacement.is_none() {
            self.error(at, "autofix_replacement", "is required with `autofix: replace_match`");
        }
        Some(Autofix { kind, replacement: replacement.unwrap_or_default() })
    }

    fn check(&mut self, at: &At, map: &Map<String, Value>, type_: &str) -> Option<RuleCheck> {
        let pattern = self.string(at, map, "pattern");
        match type_ {
            "regex" => {
                let all = map.get("all_patterns").filter(|v| !v.is_null()).map(|_| self.string_list(at, map, "all_patterns"));
                let within = self.positive_int(at, map, "within_lines", "within_lines");
                match (pattern, all) {
                    (Some(_), Some(_)) => {
                        self.error(at, "all_patterns", "give either `pattern` or `all_patterns`, not both");
                        None
                    }
                    (Some(p), None) => {
                        if within.is_some() {
                            self.error(at, "within_lines", "only applies to `all_patterns`");
                        }
                        self.regex(at, "pattern", &p).then_some(RuleCheck::Regex { pattern: p })
                    }
                    (None, Some(patterns)) => {
                        if patterns.is_empty() {
                            self.error(at, "all_patterns", "must list at least one pattern");
                        }
                        let ok = patterns.iter().enumerate().fold(true, |ok, (i, p)| self.regex(at, &format!("all_patterns[{i}]"), p) && ok);
                        ok.then_some(RuleCheck::AllPatterns { patterns, within_lines: within })
                    }
                    (None, None) => {
                        self.error(at, "pattern", "a `regex` rule needs `pattern` or `all_patterns`");
                        None
                    }
                }
            }
            "required_pattern" => match pattern {
                Some(p) => self.regex(at, "pattern", &p).then_some(RuleCheck::RequiredPattern { pattern: p }),
                None => {
                    self.error(at, "pattern", "a `required_pattern` rule needs `pattern`");
                    None
                }
            },
            "file_policy" => self.file_policy(at, map, pattern).map(|policy| RuleCheck::FilePolicy { policy }),
            "documentation_obligation" => Some(RuleCheck::DocumentationObligation),
            "ast" => self.ast(at, map).map(|check| RuleCheck::Ast { check }),
            other => {
                let reason = if other == "llm" {
                    "`llm` rules need a language model; sentra runs none, so the rule is skipped".to_string()
                } else {
                    format!("rule type `{other}` is not supported by sentra; the rule is skipped")
                };
                self.warn(at, "type", reason.clone());
                Some(RuleCheck::Unsupported { type_name: other.to_string(), reason })
            }
        }
    }

    fn params<'m>(&mut self, at: &At, map: &'m Map<String, Value>) -> Option<&'m Map<String, Value>> {
        match map.get("params") {
            None | Some(Value::Null) => None,
            Some(Value::Object(p)) => Some(p),
            Some(other) => {
                self.error(at, "params", format!("expected a mapping, found {}", type_name(other)));
                None
            }
        }
    }

    fn file_policy(&mut self, at: &At, map: &Map<String, Value>, rule_pattern: Option<String>) -> Option<FilePolicy> {
        let Some(check) = self.string(at, map, "check") else {
            self.error(at, "check", format!("a `file_policy` rule needs `check` (one of {})", FILE_CHECKS.join(", ")));
            return None;
        };
        let empty = Map::new();
        let params = self.params(at, map).unwrap_or(&empty);
        let known: &[&str] = match check.as_str() {
            "max_lines" => &["max_lines"],
            "must_contain_pattern" => &["pattern"],
            "must_not_import" => &["forbidden_modules"],
            "max_function_count" => &["max_functions"],
            _ => &[],
        };
        self.unknown_keys(at, params, known, "params.");
        match check.as_str() {
            "max_lines" => Some(FilePolicy::MaxLines {
                max_lines: self.positive_int(at, params, "max_lines", "params.max_lines").unwrap_or(DEFAULT_MAX_FILE_LINES),
            }),
            "starts_with_docstring" => Some(FilePolicy::StartsWithDocstring),
            "must_contain_pattern" => {
                let pattern = self.string(at, params, "pattern").or(rule_pattern);
                match pattern {
                    Some(p) => self.regex(at, "params.pattern", &p).then_some(FilePolicy::MustContainPattern { pattern: p }),
                    None => {
                        self.error(at, "params.pattern", "`must_contain_pattern` needs a pattern");
                        None
                    }
                }
            }
            "must_not_import" => {
                let modules = self.string_list(at, params, "forbidden_modules");
                if modules.is_empty() {
                    self.error(at, "params.forbidden_modules", "`must_not_import` needs a list of modules");
                    return None;
                }
                Some(FilePolicy::MustNotImport { forbidden_modules: modules })
            }
            "max_function_count" => Some(FilePolicy::MaxFunctionCount {
                max_functions: self.positive_int(at, params, "max_functions", "params.max_functions").unwrap_or(DEFAULT_MAX_FUNCTIONS),
            }),
            other => {
                self.error(at, "check", format!("unknown check `{other}` (one of {})", FILE_CHECKS.join(", ")));
                None
            }
        }
    }

    fn ast(&mut self, at: &At, map: &Map<String, Value>) -> Option<AstCheck> {
        let Some(check) = self.string(at, map, "ast_check") else {
            self.error(at, "ast_check", format!("an `ast` rule needs `ast_check` (one of {})", AST_CHECKS.join(", ")));
            return None;
        };
        let empty = Map::new();
        let params = self.params(at, map).unwrap_or(&empty);
        let known: &[&str] = if check == "max_function_length" { &["max_lines"] } else { &[] };
        self.unknown_keys(at, params, known, "params.");
        Some(match check.as_str() {
            "no_mutable_defaults" => AstCheck::NoMutableDefaults,
            "no_star_imports" => AstCheck::NoStarImports,
            "no_nested_functions" => AstCheck::NoNestedFunctions,
            "no_global_variables" => AstCheck::NoGlobalVariables,
            "high_complexity" => AstCheck::HighComplexity,
            "max_function_length" => AstCheck::MaxFunctionLength {
                max_lines: self.positive_int(at, params, "max_lines", "params.max_lines").unwrap_or(DEFAULT_MAX_FUNCTION_LINES),
            },
            other => {
                self.error(at, "ast_check", format!("unknown check `{other}` (one of {})", AST_CHECKS.join(", ")));
                return None;
            }
        })
    }
}

pub mod schema {
    //! The pack document as authors write it, for the committed JSON Schema (editors use
    //! it for completion and inline checks). Validation itself is [`super::validate_yaml`],
    //! which also reports what a schema cannot (regexes, duplicate ids).
    #![allow(dead_code)]

    use schemars::JsonSchema;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    use crate::{AutofixKind as Autofix, Severity};

    /// A sentra declarative pack (compatible with sentrik's pack format).
    #[derive(Deserialize, JsonSchema)]
    pub struct PackFile {
        /// Lowercase letters, digits and `-`; defaults to the file name.
        pub pack_id: Option<String>,
        pub name: String,
        pub description: Option<String>,
        pub version: Option<StringOrNumber>,
        pub last_updated: Option<String>,
        /// SPDX license expression.
        pub license: Option<String>,
        pub rules: Vec<RuleFile>,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(untagged)]
    pub enum StringOrNumber {
        String(String),
        Number(f64),
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(untagged)]
    pub enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum RuleType {
        Regex,
        RequiredPattern,
        FilePolicy,
        DocumentationObligation,
        Ast,
        /// Accepted and listed as skipped: sentra runs no model.
        Llm,
    }


    #[derive(Deserialize, JsonSchema)]
    #[serde(rename_all = "lowercase")]
    pub enum Category {
        Code,
        Documentation,
        Process,
        Traceability,
    }


    #[derive(Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum FileCheck {
        MaxLines,
        StartsWithDocstring,
        MustContainPattern,
        MustNotImport,
        MaxFunctionCount,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum AstCheck {
        NoMutableDefaults,
        NoStarImports,
        NoNestedFunctions,
        NoGlobalVariables,
        HighComplexity,
        MaxFunctionLength,
    }

    #[derive(Deserialize, JsonSchema)]
    pub struct Conditions {
        /// Any of these languages is present (detected from file extensions).
        pub languages: Option<OneOrMany>,
        /// Any of these globs matches a file under the scan root (an entry starting with
        /// `!` must match none).
        pub has_files: Option<OneOrMany>,
        /// None of these globs matches a file under the scan root (`package.json` without
        /// any lock file).
        pub lacks_files: Option<OneOrMany>,
        /// Some Python file imports any of these modules.
        pub has_imports: Option<OneOrMany>,
        /// A dependency manifest at the root contains any of these (case-insensitive).
        pub has_dependencies: Option<OneOrMany>,
        /// Any of these regexes (case-insensitive) matches in some file.
        pub has_content: Option<OneOrMany>,
    }

    #[derive(Deserialize, JsonSchema)]
    pub struct RuleFile {
        /// Unique in the pack.
        pub id: String,
        pub name: String,
        pub description: Option<String>,
        /// Other types are accepted with a warning and listed as skipped.
        #[serde(rename = "type")]
        pub type_: RuleType,
        /// Default `medium`.
        pub severity: Option<Severity>,
        /// Default `**/*`. Brace alternation and comma-separated lists are expanded.
        pub file_glob: Option<OneOrMany>,
        pub exclude_globs: Option<Vec<String>>,
        /// A regex (`regex`, `required_pattern`; `must_contain_pattern` may use it too).
        pub pattern: Option<String>,
        /// Regexes that must all match in the file (a `regex` rule without `pattern`).
        pub all_patterns: Option<Vec<String>>,
        /// With `all_patterns`: all must hit within a window of this many lines.
        pub within_lines: Option<u32>,
        pub applies_when: Option<Conditions>,
        pub standard: Option<String>,
        pub clause: Option<String>,
        pub compliance_category: Option<Category>,
        pub remediation_guidance: Option<String>,
        pub tags: Option<Vec<String>>,
        pub cwe: Option<Vec<StringOrNumber>>,
        pub references: Option<Vec<String>>,
        pub autofix: Option<Autofix>,
        pub autofix_replacement: Option<String>,
        /// `file_policy` check.
        pub check: Option<FileCheck>,
        /// `ast` check (Python).
        pub ast_check: Option<AstCheck>,
        /// Check parameters: `max_lines`, `pattern`, `forbidden_modules`, `max_functions`.
        pub params: Option<BTreeMap<String, serde_json::Value>>,
        /// A structural query (needs `language`); accepted, not run.
        pub query: Option<String>,
        pub language: Option<String>,
    }

    /// The JSON Schema of a pack document.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(PackFile)).expect("schema serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(_: &str) -> Result<(), String> {
        Ok(())
    }

    #[test]
    fn minimal_pack_and_defaults() {
        let v = validate_yaml("name: P\nrules:\n- id: A\n  name: a\n  type: regex\n  pattern: x\n", &ok).unwrap();
        let r = &v.document.rules[0];
        assert_eq!(r.severity, Severity::Medium);
        assert_eq!(r.file_globs, vec!["**/*"]);
        assert_eq!(r.category, "code");
        assert!(v.warnings.is_empty());
    }

    #[test]
    fn unknown_keys_warn() {
        let v = validate_yaml("name: P\nextra: 1\nrules:\n- {id: A, name: a, type: llm, colour: red}\n", &ok).unwrap();
        let w: Vec<String> = v.warnings.iter().map(ToString::to_string).collect();
        assert!(w.iter().any(|w| w.contains("pack, field `extra`")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("rule `A`, field `colour`")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("llm")), "{w:?}");
    }
}
