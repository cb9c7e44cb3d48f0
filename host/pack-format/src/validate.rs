//! Checking a YAML pack document: one semantic pass over the document as written (the
//! types of [`crate::written`], which also give the JSON Schema) that builds the checked
//! types and collects every problem, each naming the rule (by id, or by index when it has
//! none) and the field, so an author fixes a pack in one round instead of one error at a
//! time.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::written::{
    self, Category, Conditions, Field, FileCheck, ImportParams, MaxFunctionsParams, MaxLinesParams, NoParams, PackFile, PatternParams, RuleFile, RuleType,
    Shape, choice, serde_names, type_name,
};
use crate::*;

/// Most literals a query rule may declare.
const MAX_QUERY_LITERALS: usize = 64;

/// The JSON Schema is derived from the same written types the validator parses into.
pub use crate::written as schema;

/// Largest pack document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 4 << 20;

/// Languages `applies_when.languages` can name (what the host detects from extensions).
pub const LANGUAGES: &[&str] = &[
    "python",
    "javascript",
    "typescript",
    "java",
    "go",
    "rust",
    "ruby",
    "php",
    "csharp",
    "c",
    "cpp",
    "kotlin",
    "swift",
    "scala",
    "shell",
    "terraform",
    "yaml",
    "json",
    "html",
    "sql",
    "dockerfile",
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
    // Position only: the parser's message quotes the document, which may be a file that
    // never was a pack (a config naming a secrets file as one).
    let position = |e: &serde_saphyr::Error| match e.location() {
        Some(at) => format!("not valid YAML at line {}, column {}", at.line(), at.column()),
        None => "not valid YAML".to_string(),
    };
    let mut strict = serde_saphyr::Options::default();
    strict.with_snippet = false;
    let (value, repeated) = match serde_saphyr::from_str_with_options::<Value>(text, strict) {
        Ok(value) => (value, None),
        // A repeated key: sentrik's loader keeps the last value (one of its own packs
        // repeats `applies_when` in a rule), so a pack written for it loads the same way,
        // with a warning.
        Err(serde_saphyr::Error::DuplicateMappingKey { key, location }) => {
            let mut last_wins = serde_saphyr::Options::default();
            last_wins.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::LastWins;
            let value = serde_saphyr::from_str_with_options::<Value>(text, last_wins).map_err(|e| pack(position(&e)))?;
            let key = key.filter(|k| k.len() <= 64 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
            let what = key.map_or_else(|| "a key".to_string(), |k| format!("key `{k}`"));
            let message = format!("{what} is repeated at line {}; the last value is used (as sentrik does): remove the earlier one", location.line());
            (value, Some(Problem { location: "pack".into(), field: String::new(), message }))
        }
        Err(e) => return Err(pack(position(&e))),
    };
    let mut validated = validate_value(&value, check_regex)?;
    validated.warnings.extend(repeated);
    Ok(validated)
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
    fn rule(id: &str) -> Self {
        At { location: format!("rule `{id}`") }
    }

    fn problem(&self, field: &str, message: impl Into<String>) -> Problem {
        Problem { location: self.location.clone(), field: field.into(), message: message.into() }
    }
}

/// The names a written enumeration accepts, for messages.
fn one_of<T: DeserializeOwned>() -> String {
    serde_names::<T>().join(", ")
}

impl Validator<'_> {
    fn error(&mut self, at: &At, field: &str, message: impl Into<String>) {
        self.problems.push(at.problem(field, message));
    }
    fn warn(&mut self, at: &At, field: &str, message: impl Into<String>) {
        self.warnings.push(at.problem(field, message));
    }

    /// `prefix` is the mapping's own field (`applies_when`), empty at the top of a rule.
    fn unknown_keys(&mut self, at: &At, prefix: &str, keys: Vec<String>) {
        for key in keys {
            let field = if prefix.is_empty() { key } else { format!("{prefix}.{key}") };
            self.warn(at, &field, "unknown key, ignored");
        }
    }

    /// A nested mapping (`field`) read as the written type `T`; unknown keys are warned
    /// about, and a value that is not a mapping is an error.
    fn mapping<T: DeserializeOwned>(&mut self, at: &At, field: &str, value: &Value) -> Option<T> {
        match written::parse::<T>(value) {
            Ok(parsed) => {
                self.unknown_keys(at, field, parsed.unknown);
                Some(parsed.value)
            }
            Err(message) => {
                self.error(at, field, message);
                None
            }
        }
    }

    /// A field read as its written shape, reporting what cannot be read; `None` when the
    /// field is absent or null.
    fn read<S: Shape>(&mut self, at: &At, field: &str, written: &Option<Field<S>>) -> Option<S::Out> {
        let mut problems = Vec::new();
        let out = S::read(written.as_ref()?.value(), field, &mut problems);
        for (field, message) in problems {
            self.error(at, &field, message);
        }
        out
    }

    /// A text field that must be present and not blank.
    fn required<S: Shape<Out = String>>(&mut self, at: &At, field: &str, written: &Option<Field<S>>) -> Option<String> {
        if written.is_none() {
            self.error(at, field, "is required");
            return None;
        }
        let text = self.read(at, field, written)?;
        if text.trim().is_empty() {
            self.error(at, field, "must not be empty");
            return None;
        }
        Some(text)
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
        if !value.is_object() {
            self.error(&at, "", format!("expected a mapping at the top level, found {}", type_name(value)));
            return None;
        }
        let pack: PackFile = self.mapping(&at, "", value)?;
        let pack_id = self.read(&at, "pack_id", &pack.pack_id);
        if let Some(id) = &pack_id
            && !valid_pack_id(id)
        {
            self.error(&at, "pack_id", format!("`{id}` is not a valid pack id (lowercase letters, digits and `-`, at most 64)"));
        }
        let name = self.required(&at, "name", &pack.name);
        let description = self.read(&at, "description", &pack.description).unwrap_or_default();
        let version = self.read(&at, "version", &pack.version).unwrap_or_else(|| "0.0.0".into());
        let last_updated = self.read(&at, "last_updated", &pack.last_updated).unwrap_or_default();
        let license = self.read(&at, "license", &pack.license);
        let rules = self.rules(&at, pack.rules.as_ref());
        let clauses = self.read(&at, "clauses", &pack.clauses).unwrap_or_default();
        let evidence_from = self.read(&at, "evidence_from", &pack.evidence_from).unwrap_or_default();
        let traceability = self.read(&at, "traceability", &pack.traceability).unwrap_or_default();
        if !clauses.is_empty() {
            // A titled pack titles every clause it maps to.
            let cited = evidence_from.iter().map(|e| e.clause.as_str()).chain(traceability.iter().map(|t| t.clause.as_str()));
            let mapped = rules.iter().map(|r| r.clause.as_str()).chain(cited);
            let untitled: std::collections::BTreeSet<&str> = mapped.filter(|c| !c.is_empty() && !clauses.contains_key(*c)).collect();
            for clause in untitled {
                self.warn(&at, "clauses", format!("clause `{clause}` has rules but no title"));
            }
        }
        Some(PackDocument { pack_id, name: name?, description, version, last_updated, license, rules, clauses, evidence_from, traceability })
    }

    fn rules(&mut self, at: &At, rules: Option<&Field<Vec<RuleFile>>>) -> Vec<RuleSpec> {
        let Some(rules) = rules else {
            self.error(at, "rules", "is required (use `rules: []` for an empty pack)");
            return Vec::new();
        };
        let Value::Array(items) = rules.value() else {
            self.error(at, "rules", format!("expected a list of rules, found {}", type_name(rules.value())));
            return Vec::new();
        };
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let numbered = At { location: format!("rule #{}", i + 1) };
            let parsed = match written::parse::<RuleFile>(item) {
                Ok(parsed) => parsed,
                Err(message) => {
                    self.error(&numbered, "", message);
                    continue;
                }
            };
            // The id as written locates the rule's problems, and duplicates are found on
            // it, so a rule with other problems still counts.
            let id = parsed.value.id.as_ref().and_then(|id| written::scalar_text(id.value()));
            if let Some(id) = &id
                && let Some(first) = seen.insert(id.clone(), i)
            {
                self.error(&At::rule(id), "id", format!("duplicate id (rules #{} and #{})", first + 1, i + 1));
            }
            let at = match id {
                Some(id) if !id.trim().is_empty() => At::rule(&id),
                _ => numbered,
            };
            self.unknown_keys(&at, "", parsed.unknown);
            if let Some(rule) = self.rule(&at, &parsed.value) {
                out.push(rule);
            }
        }
        self.variants(&out);
        out
    }

    /// A variant names a rule of the same pack and clause that is not itself a variant.
    fn variants(&mut self, rules: &[RuleSpec]) {
        let by_id: BTreeMap<&str, &RuleSpec> = rules.iter().map(|r| (r.id.as_str(), r)).collect();
        for r in rules {
            let Some(base) = &r.variant_of else { continue };
            let why = match by_id.get(base.as_str()) {
                None => format!("no rule `{base}` in this pack"),
                Some(b) if b.clause != r.clause => format!("`{base}` maps to clause `{}`, this rule to `{}`", b.clause, r.clause),
                Some(b) if b.variant_of.is_some() => format!("`{base}` is itself a variant; name the rule it varies"),
                Some(_) if base == &r.id => "a rule cannot be a variant of itself".into(),
                Some(_) => continue,
            };
            self.error(&At::rule(&r.id), "variant_of", why);
        }
    }

    fn rule(&mut self, at: &At, rule: &RuleFile) -> Option<RuleSpec> {
        let before = self.problems.len();
        let id = self.required(at, "id", &rule.id);
        let name = self.required(at, "name", &rule.name);
        let description = self.read(at, "description", &rule.description).unwrap_or_default();
        let type_ = self.required(at, "type", &rule.type_);
        let severity = match self.read(at, "severity", &rule.severity) {
            None => Severity::Medium,
            Some(s) => Severity::parse(&s).unwrap_or_else(|| {
                self.error(at, "severity", format!("`{s}` is not one of {}", one_of::<Severity>()));
                Severity::Medium
            }),
        };
        let file_glob = self.read(at, "file_glob", &rule.file_glob).unwrap_or_else(|| vec!["**/*".to_string()]);
        let file_globs = self.globs(at, "file_glob", &file_glob);
        let exclude = self.read(at, "exclude_globs", &rule.exclude_globs).unwrap_or_default();
        let exclude_globs = self.globs(at, "exclude_globs", &exclude);
        let applies_when = self.applies_when(at, rule.applies_when.as_ref());
        let standard = self.read(at, "standard", &rule.standard).unwrap_or_default();
        let clause = self.read(at, "clause", &rule.clause).unwrap_or_default();
        let category = self.read(at, "compliance_category", &rule.compliance_category).unwrap_or_else(|| "code".into());
        if choice::<Category>(&category).is_none() {
            self.error(at, "compliance_category", format!("`{category}` is not one of {}", one_of::<Category>()));
        }
        let remediation = self.read(at, "remediation_guidance", &rule.remediation_guidance).unwrap_or_default();
        let tags = self.read(at, "tags", &rule.tags).unwrap_or_default();
        let cwe = self.read(at, "cwe", &rule.cwe).unwrap_or_default().into_iter().map(cwe_id).collect();
        let references = self.read(at, "references", &rule.references).unwrap_or_default();
        for (i, r) in references.iter().enumerate() {
            if !(r.starts_with("https://") || r.starts_with("http://")) {
                self.warn(at, &format!("references[{i}]"), format!("`{r}` is not an http(s) URL"));
            }
        }
        let autofix = self.autofix(at, rule);
        let variant_of = self.read(at, "variant_of", &rule.variant_of);
        if rule.query.is_some() && rule.language.is_none() {
            self.error(at, "query", "a `query` needs a `language`");
        }
        let is_query = type_.as_deref() == Some("ast") && rule.query.is_some();
        let query_fields = [
            ("report", rule.report.is_some()),
            ("message", rule.message.is_some()),
            ("calls", rule.calls.is_some()),
            ("other_languages", rule.other_languages.is_some()),
            ("literals", rule.literals.is_some()),
            ("fingerprint_pattern", rule.fingerprint_pattern.is_some()),
            ("file_context", rule.file_context.is_some()),
        ];
        let is_taint = type_.as_deref() == Some("taint");
        for (field, given) in query_fields {
            // A taint rule takes `other_languages` (languages only) and `literals` too.
            if given && !is_query && !(is_taint && matches!(field, "other_languages" | "literals")) {
                self.error(at, field, "only applies to an `ast` rule with `query`");
            }
        }
        let taint_fields = [
            ("sources", rule.sources.is_some()),
            ("sinks", rule.sinks.is_some()),
            ("sanitizers", rule.sanitizers.is_some()),
            ("propagators", rule.propagators.is_some()),
            ("unknown_calls", rule.unknown_calls.is_some()),
        ];
        for (field, given) in taint_fields {
            if given && !is_taint {
                self.error(at, field, "only applies to a `taint` rule");
            }
        }
        let type_ = type_.filter(|t| {
            let well_formed =
                t.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !well_formed {
                self.error(at, "type", format!("unknown type `{t}` ({})", one_of::<RuleType>()));
            }
            well_formed
        });
        let check = type_.and_then(|t| self.check(at, rule, &t));

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
            variant_of,
        })
    }

    fn applies_when(&mut self, at: &At, written: Option<&Field<Conditions>>) -> Option<AppliesWhen> {
        let cond: Conditions = self.mapping(at, "applies_when", written?.value())?;
        let field = |k: &str| format!("applies_when.{k}");
        let languages = self.read(at, &field("languages"), &cond.languages).unwrap_or_default();
        let languages: Vec<String> = languages.into_iter().map(|l| l.to_ascii_lowercase()).collect();
        for l in &languages {
            if !LANGUAGES.contains(&l.as_str()) {
                self.warn(at, &field("languages"), format!("`{l}` is not a language sentra detects ({})", LANGUAGES.join(", ")));
            }
        }
        let has_files_raw = self.read(at, &field("has_files"), &cond.has_files).unwrap_or_default();
        let mut has_files = self.globs(at, &field("has_files"), &has_files_raw);
        // `lacks_files` travels as `!`-prefixed `has_files` entries (the host reads them as
        // "no file matches"), so the pack interface needs no new field.
        let lacks_raw = self.read(at, &field("lacks_files"), &cond.lacks_files).unwrap_or_default();
        let lacks_raw: Vec<String> = lacks_raw.into_iter().map(|g| format!("!{}", g.trim_start_matches('!'))).collect();
        has_files.extend(self.globs(at, &field("lacks_files"), &lacks_raw));
        let has_imports = self.read(at, &field("has_imports"), &cond.has_imports).unwrap_or_default();
        let has_dependencies = self.read(at, &field("has_dependencies"), &cond.has_dependencies).unwrap_or_default();
        let has_content = self.read(at, &field("has_content"), &cond.has_content).unwrap_or_default();
        for (i, p) in has_content.iter().enumerate() {
            self.regex(at, &format!("applies_when.has_content[{i}]"), p);
        }
        Some(AppliesWhen { languages, has_files, has_imports, has_dependencies, has_content })
    }

    fn autofix(&mut self, at: &At, rule: &RuleFile) -> Option<Autofix> {
        let replacement = self.read(at, "autofix_replacement", &rule.autofix_replacement);
        let written = self.read(at, "autofix", &rule.autofix)?;
        let Some(kind) = choice::<AutofixKind>(&written) else {
            self.error(at, "autofix", format!("`{written}` is not one of {}", one_of::<AutofixKind>()));
            return None;
        };
        if kind == AutofixKind::ReplaceMatch && replacement.is_none() {
            self.error(at, "autofix_replacement", "is required with `autofix: replace_match`");
        }
        Some(Autofix { kind, replacement: replacement.unwrap_or_default() })
    }

    /// The rule's check, by its (well-formed) type; fields other types take are not read.
    fn check(&mut self, at: &At, rule: &RuleFile, type_: &str) -> Option<RuleCheck> {
        let pattern = self.read(at, "pattern", &rule.pattern);
        let Some(known) = choice::<RuleType>(type_) else {
            return Some(self.unsupported(at, type_, format!("rule type `{type_}` is not supported by sentra; the rule is skipped")));
        };
        match known {
            RuleType::Regex => self.regex_rule(at, rule, pattern),
            RuleType::RequiredPattern => match pattern {
                Some(p) => self.regex(at, "pattern", &p).then_some(RuleCheck::RequiredPattern { pattern: p }),
                None => {
                    self.error(at, "pattern", "a `required_pattern` rule needs `pattern`");
                    None
                }
            },
            RuleType::RequiredFile => {
                if rule.file_glob.is_none() {
                    self.error(at, "file_glob", "a `required_file` rule needs `file_glob`: the files that show the control exists");
                    return None;
                }
                match pattern {
                    Some(p) => self.regex(at, "pattern", &p).then_some(RuleCheck::RequiredFile { pattern: Some(p) }),
                    None => Some(RuleCheck::RequiredFile { pattern: None }),
                }
            }
            RuleType::FilePolicy => self.file_policy(at, rule, pattern).map(|policy| RuleCheck::FilePolicy { policy }),
            RuleType::DocumentationObligation => Some(RuleCheck::DocumentationObligation),
            RuleType::Ast if rule.query.is_some() => self.query(at, rule),
            RuleType::Taint => self.taint(at, rule),
            RuleType::Ast => self.ast(at, rule).map(|check| RuleCheck::Ast { check }),
            RuleType::Llm => {
                let reason = "`llm` rules need a language model; sentra runs none, so the rule is skipped".to_string();
                Some(self.unsupported(at, type_, reason))
            }
        }
    }

    /// A rule sentra accepts but does not run; the warning says why.
    fn unsupported(&mut self, at: &At, type_: &str, reason: String) -> RuleCheck {
        self.warn(at, "type", reason.clone());
        RuleCheck::Unsupported { type_name: type_.to_string(), reason }
    }

    fn regex_rule(&mut self, at: &At, rule: &RuleFile, pattern: Option<String>) -> Option<RuleCheck> {
        let all = self.read(at, "all_patterns", &rule.all_patterns);
        let within = self.read(at, "within_lines", &rule.within_lines);
        match (pattern, all) {
            (Some(_), Some(_)) => {
                self.error(at, "all_patterns", "give either `pattern` or `all_patterns`, not both");
                None
            }
            (Some(p), None) => {
                if within.is_some() {
                    self.error(at, "within_lines", "only applies to `all_patterns`");
                }
                let literals = crate::literals::regex_literals(&p).unwrap_or_default();
                self.regex(at, "pattern", &p).then_some(RuleCheck::Regex { pattern: p, literals })
            }
            (None, Some(patterns)) => {
                if patterns.is_empty() {
                    self.error(at, "all_patterns", "must list at least one pattern");
                }
                let ok = patterns.iter().enumerate().fold(true, |ok, (i, p)| self.regex(at, &format!("all_patterns[{i}]"), p) && ok);
                // Every pattern must match: the one with the longest literals filters best.
                let literals =
                    patterns.iter().filter_map(|p| crate::literals::regex_literals(p).ok()).max_by_key(|l| l.iter().map(String::len).min()).unwrap_or_default();
                ok.then_some(RuleCheck::AllPatterns { patterns, within_lines: within, literals })
            }
            (None, None) => {
                self.error(at, "pattern", "a `regex` rule needs `pattern` or `all_patterns`");
                None
            }
        }
    }

    /// A check's `params`, read as the written type that check takes (so another check's
    /// parameter is an unknown key). Absent, or not a mapping (an error), they are empty,
    /// so the check's defaults and its own errors still apply.
    fn params<T: DeserializeOwned + Default>(&mut self, at: &At, rule: &RuleFile) -> T {
        let params = rule.params.as_ref().and_then(|p| self.mapping(at, "params", p.value()));
        params.unwrap_or_default()
    }

    fn file_policy(&mut self, at: &At, rule: &RuleFile, rule_pattern: Option<String>) -> Option<FilePolicy> {
        let Some(check) = self.read(at, "check", &rule.check) else {
            self.error(at, "check", format!("a `file_policy` rule needs `check` (one of {})", one_of::<FileCheck>()));
            return None;
        };
        match choice::<FileCheck>(&check) {
            Some(FileCheck::MaxLines) => {
                let params: MaxLinesParams = self.params(at, rule);
                let max_lines = self.read(at, "params.max_lines", &params.max_lines).unwrap_or(DEFAULT_MAX_FILE_LINES);
                Some(FilePolicy::MaxLines { max_lines })
            }
            Some(FileCheck::StartsWithDocstring) => {
                self.params::<NoParams>(at, rule);
                Some(FilePolicy::StartsWithDocstring)
            }
            Some(FileCheck::MustContainPattern) => {
                let params: PatternParams = self.params(at, rule);
                match self.read(at, "params.pattern", &params.pattern).or(rule_pattern) {
                    Some(p) => self.regex(at, "params.pattern", &p).then_some(FilePolicy::MustContainPattern { pattern: p }),
                    None => {
                        self.error(at, "params.pattern", "`must_contain_pattern` needs a pattern");
                        None
                    }
                }
            }
            Some(FileCheck::MustNotImport) => {
                let params: ImportParams = self.params(at, rule);
                let modules = self.read(at, "params.forbidden_modules", &params.forbidden_modules).unwrap_or_default();
                if modules.is_empty() {
                    self.error(at, "params.forbidden_modules", "`must_not_import` needs a list of modules");
                    return None;
                }
                Some(FilePolicy::MustNotImport { forbidden_modules: modules })
            }
            Some(FileCheck::MaxFunctionCount) => {
                let params: MaxFunctionsParams = self.params(at, rule);
                let max_functions = self.read(at, "params.max_functions", &params.max_functions).unwrap_or(DEFAULT_MAX_FUNCTIONS);
                Some(FilePolicy::MaxFunctionCount { max_functions })
            }
            None => {
                self.params::<NoParams>(at, rule);
                self.error(at, "check", format!("unknown check `{check}` (one of {})", one_of::<FileCheck>()));
                None
            }
        }
    }

    /// An `ast` rule with a tree-sitter `query`: compiled here, so a query that does not
    /// compile is an error of the document naming the rule.
    fn query(&mut self, at: &At, rule: &RuleFile) -> Option<RuleCheck> {
        if rule.ast_check.is_some() {
            self.error(at, "ast_check", "give either `query` (a tree-sitter query) or `ast_check` (a built-in Python check), not both");
            return None;
        }
        let query = self.read(at, "query", &rule.query)?;
        let language = self.read(at, "language", &rule.language)?;
        let report = self.read(at, "report", &rule.report);
        let message = self.read(at, "message", &rule.message);
        let compiled = match sentra_syntax::compile_query(&language, &query) {
            Ok(q) => q,
            Err(e) => {
                let field = if matches!(e, sentra_syntax::SyntaxError::UnknownLanguage(_)) { "language" } else { "query" };
                self.error(at, field, e.to_string());
                return None;
            }
        };
        let names = compiled.capture_names();
        if names.is_empty() {
            self.error(at, "query", "captures nothing: mark the node to report with `@name`");
        }
        if let Some(r) = &report
            && !names.iter().any(|n| n == r)
        {
            self.error(at, "report", format!("`{r}` is not a capture of the query ({})", names.join(", ")));
        }
        for name in message.as_deref().map(crate::template_names).unwrap_or_default() {
            if !names.contains(&name) {
                self.error(at, "message", format!("`{{{{{name}}}}}` is not a capture of the query ({})", names.join(", ")));
            }
        }
        let calls = self.read(at, "calls", &rule.calls).unwrap_or_default();
        let (other_languages, other_literals) = self.other_languages(at, rule, &compiled, &query, report.as_deref(), message.as_deref());
        // A prefilter only when every language's query has one.
        let mut literals = match other_literals {
            Some(more) if !compiled.required_literals().is_empty() => [compiled.required_literals().to_vec(), more].concat(),
            _ => Vec::new(),
        };
        if let Some(given) = self.read(at, "literals", &rule.literals) {
            if given.is_empty() || given.len() > MAX_QUERY_LITERALS || given.iter().any(|l| l.trim().is_empty() || l.len() > 64) {
                self.error(at, "literals", format!("give 1 to {MAX_QUERY_LITERALS} literals of 1 to 64 bytes"));
            }
            literals = given;
        }
        literals.sort();
        literals.dedup();
        if !calls.is_empty() {
            if !names.iter().any(|n| n == "callee") {
                self.error(at, "calls", "needs a `@callee` capture in the query: the call's function, resolved through the file's imports");
            }
            if !matches!(compiled.lang(), sentra_syntax::Lang::Python | sentra_syntax::Lang::Java) {
                self.error(at, "calls", format!("resolves Python and Java imports; this query is for {}", compiled.lang()));
            }
            // A call resolves to an entry only through text naming every segment of it (the
            // call itself, or an import: `import pickle as p`, `from pickle import loads`),
            // so the file holds any segment of some entry; a module name such as `pickle`
            // filters far better than the query's method names (`load`, `open`), unless the
            // query names something markedly longer (`request.` against `re.sub`'s `sub`).
            if rule.literals.is_none() {
                let mut named: Vec<String> = calls.iter().filter_map(|c| call_literal(c)).map(str::to_string).collect();
                named.sort();
                named.dedup();
                let shortest = |l: &[String]| l.iter().map(String::len).min().unwrap_or(0);
                if literals.is_empty() || shortest(&literals) < shortest(&named) + 4 {
                    literals = named;
                }
            }
        }
        let fingerprint_pattern = self.read(at, "fingerprint_pattern", &rule.fingerprint_pattern);
        if let Some(p) = &fingerprint_pattern {
            self.regex(at, "fingerprint_pattern", p);
        }
        let file_context = self.read(at, "file_context", &rule.file_context);
        if let Some(p) = &file_context {
            self.regex(at, "file_context", p);
        }
        let language = compiled.lang().name().to_string();
        Some(RuleCheck::Query { language, query, report, message, literals, calls, other_languages, fingerprint_pattern, file_context })
    }

    /// A query rule's `other_languages`, each compiled (with the rule's query when the
    /// entry gives none) and held to the same captures; and their literals, `None` when
    /// some entry has no prefilter.
    fn other_languages(
        &mut self,
        at: &At,
        rule: &RuleFile,
        main: &sentra_syntax::SyntaxQuery,
        main_query: &str,
        report: Option<&str>,
        message: Option<&str>,
    ) -> (Vec<OtherLanguage>, Option<Vec<String>>) {
        let entries = self.read(at, "other_languages", &rule.other_languages).unwrap_or_default();
        let (mut out, mut literals) = (Vec::new(), Some(Vec::new()));
        let mut seen = vec![main.lang()];
        for (i, entry) in entries.iter().enumerate() {
            let field = format!("other_languages[{i}]");
            let source = entry.query.as_deref().unwrap_or(main_query);
            let compiled = match sentra_syntax::compile_query(&entry.language, source) {
                Ok(q) => q,
                Err(e) => {
                    self.error(at, &field, e.to_string());
                    continue;
                }
            };
            if seen.contains(&compiled.lang()) {
                self.error(at, &field, format!("{} is already a language of this rule", compiled.lang()));
                continue;
            }
            seen.push(compiled.lang());
            let names = compiled.capture_names();
            let wanted = report.into_iter().map(str::to_string).chain(message.map(crate::template_names).unwrap_or_default());
            for name in wanted.filter(|n| !names.contains(n)) {
                self.error(at, &field, format!("the query has no capture `{name}` (`report` and `message` name it)"));
            }
            match (&mut literals, compiled.required_literals()) {
                (_, []) => literals = None,
                (Some(all), some) => all.extend(some.iter().cloned()),
                (None, _) => {}
            }
            let extensions = compiled.lang().extensions().iter().map(|e| e.to_string()).collect();
            out.push(OtherLanguage { language: compiled.lang().name().to_string(), query: source.to_string(), extensions });
        }
        (out, literals)
    }

    /// A `taint` rule: every list read, and the rule compiled for each of its languages
    /// (code patterns parsed, queries compiled and checked for their capture).
    fn taint(&mut self, at: &At, rule: &RuleFile) -> Option<RuleCheck> {
        use crate::written::{TaintEntryFile, UnknownCalls};
        use crate::{TaintEntry, TaintLanguage};
        if rule.query.is_some() || rule.ast_check.is_some() || rule.pattern.is_some() {
            self.error(at, "type", "a `taint` rule takes `sources`, `sinks`, `sanitizers` and `propagators`, not `query`, `ast_check` or `pattern`");
            return None;
        }
        let language = self.read(at, "language", &rule.language);
        let Some(language) = language else {
            self.error(at, "language", "a `taint` rule needs `language`");
            return None;
        };
        let entries = |v: Option<Vec<TaintEntryFile>>| -> Vec<TaintEntry> {
            v.unwrap_or_default()
                .into_iter()
                .map(|e| match e {
                    TaintEntryFile::Code(c) => TaintEntry::Code(c),
                    TaintEntryFile::Query(q) => TaintEntry::Query(q.query),
                })
                .collect()
        };
        let sources = entries(self.read(at, "sources", &rule.sources));
        let sinks = entries(self.read(at, "sinks", &rule.sinks));
        let sanitizers = entries(self.read(at, "sanitizers", &rule.sanitizers));
        let propagators = entries(self.read(at, "propagators", &rule.propagators));
        let unknown = self.read(at, "unknown_calls", &rule.unknown_calls);
        let unknown_calls_propagate = match unknown.as_deref().map(choice::<UnknownCalls>) {
            None => true,
            Some(Some(UnknownCalls::Propagate)) => true,
            Some(Some(UnknownCalls::Clean)) => false,
            Some(None) => {
                self.error(at, "unknown_calls", format!("expected one of {}", one_of::<UnknownCalls>()));
                return None;
            }
        };
        let mut names = vec![language];
        for (i, o) in self.read(at, "other_languages", &rule.other_languages).unwrap_or_default().into_iter().enumerate() {
            if o.query.is_some() {
                self.error(at, &format!("other_languages[{i}]"), "a `taint` rule's entries take only `language`: its patterns serve every language");
            }
            names.push(o.language);
        }
        let pattern = |e: &TaintEntry| match e {
            TaintEntry::Code(c) => sentra_taint::Pattern::Code(c.clone()),
            TaintEntry::Query(q) => sentra_taint::Pattern::Query(q.clone()),
        };
        let mut languages: Vec<TaintLanguage> = Vec::new();
        for name in names {
            let spec = sentra_taint::TaintSpec {
                language: name.clone(),
                sources: sources.iter().map(pattern).collect(),
                sinks: sinks.iter().map(pattern).collect(),
                sanitizers: sanitizers.iter().map(pattern).collect(),
                propagators: propagators.iter().map(pattern).collect(),
                unknown_calls_propagate,
            };
            match sentra_taint::TaintRule::compile(&spec) {
                Ok(r) if languages.iter().any(|l| l.language == r.lang().name()) => {
                    self.error(at, "other_languages", format!("{} is already a language of this rule", r.lang()));
                }
                Ok(r) => languages
                    .push(TaintLanguage { language: r.lang().name().to_string(), extensions: r.lang().extensions().iter().map(|e| e.to_string()).collect() }),
                Err(e) => {
                    let field = match &e {
                        sentra_taint::TaintError::Syntax(sentra_syntax::SyntaxError::UnknownLanguage(_)) => "language",
                        sentra_taint::TaintError::List { list, .. } => list,
                        _ => "sources",
                    };
                    self.error(at, field, format!("{name}: {e}"));
                    return None;
                }
            }
        }
        let mut literals: Vec<String> = match self.read(at, "literals", &rule.literals) {
            Some(given) => given,
            None if sources.iter().all(|s| matches!(s, TaintEntry::Code(_))) => sources
                .iter()
                .filter_map(|s| match s {
                    TaintEntry::Code(c) => sentra_taint::CodePattern::parse(c).ok().and_then(|p| p.segments.last().cloned()),
                    TaintEntry::Query(_) => None,
                })
                .map(|s| s.trim_end_matches("()").to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            None => Vec::new(),
        };
        literals.sort();
        literals.dedup();
        Some(RuleCheck::Taint { languages, sources, sinks, sanitizers, propagators, unknown_calls_propagate, literals })
    }

    fn ast(&mut self, at: &At, rule: &RuleFile) -> Option<AstCheck> {
        use written::AstCheck as Written;
        let Some(check) = self.read(at, "ast_check", &rule.ast_check) else {
            self.error(at, "ast_check", format!("an `ast` rule needs `ast_check` (one of {})", one_of::<Written>()));
            return None;
        };
        let check = match choice::<Written>(&check) {
            Some(Written::MaxFunctionLength) => {
                let params: MaxLinesParams = self.params(at, rule);
                let max_lines = self.read(at, "params.max_lines", &params.max_lines).unwrap_or(DEFAULT_MAX_FUNCTION_LINES);
                return Some(AstCheck::MaxFunctionLength { max_lines });
            }
            Some(Written::NoMutableDefaults) => AstCheck::NoMutableDefaults,
            Some(Written::NoStarImports) => AstCheck::NoStarImports,
            Some(Written::NoNestedFunctions) => AstCheck::NoNestedFunctions,
            Some(Written::NoGlobalVariables) => AstCheck::NoGlobalVariables,
            Some(Written::HighComplexity) => AstCheck::HighComplexity,
            None => {
                self.params::<NoParams>(at, rule);
                self.error(at, "ast_check", format!("unknown check `{check}` (one of {})", one_of::<Written>()));
                return None;
            }
        };
        // The other checks take no parameters.
        self.params::<NoParams>(at, rule);
        Some(check)
    }
}

/// `79` and `CWE-79` both become `CWE-79`.
fn cwe_id(written: String) -> String {
    let c = written.trim();
    if c.chars().all(|ch| ch.is_ascii_digit()) { format!("CWE-{c}") } else { c.to_string() }
}

/// The segment of a `calls:` entry a file naming the call must hold that filters best: the
/// longest segment of its module path (`pickle` of `pickle.loads`, `ElementTree` of
/// `xml.etree.ElementTree.parse`), or the longest segment when the path has none of three
/// bytes (`system` of `os.system`, `eval`).
fn call_literal(entry: &str) -> Option<&str> {
    let segments: Vec<&str> = entry.split('.').collect();
    let (_, path) = segments.split_last()?;
    let module = path.iter().copied().rev().max_by_key(|s| s.len()).filter(|s| s.len() >= 3);
    module.or_else(|| segments.iter().copied().rev().max_by_key(|s| s.len())).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(_: &str) -> Result<(), String> {
        Ok(())
    }

    #[test]
    fn a_calls_entry_gives_the_segment_that_filters_best() {
        assert_eq!(call_literal("pickle.loads"), Some("pickle"));
        assert_eq!(call_literal("xml.etree.ElementTree.parse"), Some("ElementTree"));
        assert_eq!(call_literal("os.system"), Some("system"), "a module of two letters is in every file");
        assert_eq!(call_literal("eval"), Some("eval"));
        assert_eq!(call_literal(""), None);
        // The rule's prefilter: one literal per entry; the query's own (`load`) give way.
        let yaml = "name: P\nrules:\n- id: Q-1\n  name: q\n  type: ast\n  language: python\n  query: '(call function: (attribute attribute: (identifier) @m) @callee (#any-of? @m \"load\" \"loads\"))'\n  report: callee\n  calls: [pickle.loads, dill.load, os.load]\n";
        let v = validate_yaml(yaml, &ok).unwrap();
        assert!(
            matches!(&v.document.rules[0].check, RuleCheck::Query { literals, .. } if literals == &["dill", "load", "pickle"]),
            "{:?}",
            v.document.rules[0].check
        );
        // Unless the query's are markedly longer.
        let v = validate_yaml(&yaml.replace("\"load\" \"loads\"", "\"load_untrusted\""), &ok).unwrap();
        assert!(matches!(&v.document.rules[0].check, RuleCheck::Query { literals, .. } if literals == &["load_untrusted"]), "{:?}", v.document.rules[0].check);
    }

    #[test]
    fn other_languages_compile_with_the_same_captures_and_join_the_prefilter() {
        let rule = |extra: &str| {
            format!(
                "name: P\nrules:\n- id: Q-1\n  name: q\n  type: ast\n  language: javascript\n  query: '(call_expression function: (identifier) @f (#eq? @f \"eval\"))'\n  report: f\n  other_languages:\n{extra}"
            )
        };
        let python = "  - language: python\n    query: '(call function: (identifier) @f (#eq? @f \"exec\"))'\n";
        let v = validate_yaml(&rule(&format!("  - language: ts\n{python}")), &ok).unwrap();
        let RuleCheck::Query { literals, other_languages, .. } = &v.document.rules[0].check else { panic!() };
        assert_eq!(literals, &["eval", "exec"]);
        assert_eq!(other_languages.len(), 2);
        assert_eq!(other_languages[0].language, "typescript");
        assert!(other_languages[0].query.contains("eval") && other_languages[0].extensions.contains(&"tsx".to_string()));
        assert!(other_languages[1].query.contains("exec") && other_languages[1].extensions == ["py", "pyi"]);
        // An entry without a prefilter takes the rule's away: every file would be parsed.
        let v = validate_yaml(&rule("  - language: python\n    query: '(call function: (identifier) @f)'\n"), &ok).unwrap();
        assert!(matches!(&v.document.rules[0].check, RuleCheck::Query { literals, .. } if literals.is_empty()));
        // Declared literals replace the derived ones.
        let declared = rule("  - language: ts\n").replace("  other_languages:", "  literals: ['eval(']\n  other_languages:");
        let v = validate_yaml(&declared, &ok).unwrap();
        assert!(matches!(&v.document.rules[0].check, RuleCheck::Query { literals, .. } if literals == &["eval("]));
        assert!(validate_yaml(&declared.replace("['eval(']", "[]"), &ok).unwrap_err().iter().any(|p| p.field == "literals"));
        for (extra, message) in [
            ("  - language: python\n    query: '(call function: (identifier) @g)'\n", "no capture `f`"),
            ("  - language: js\n", "already a language"),
            ("  - language: cobol\n", "unknown language"),
            ("  - language: python\n", "invalid query"),
            ("  - {language: python, querry: x}\n", "unknown field"),
        ] {
            let problems = validate_yaml(&rule(extra), &ok).unwrap_err();
            assert!(problems.iter().any(|p| p.field.starts_with("other_languages") && p.message.contains(message)), "{extra}: {problems:?}");
        }
    }

    #[test]
    fn ast_query_rules_compile_here_and_name_the_rule_when_they_do_not() {
        let rule = |extra: &str| format!("name: P\nrules:\n- id: Q-1\n  name: q\n  type: ast\n  language: python\n{extra}");
        let good = rule("  query: '(call function: (identifier) @f (#eq? @f \"eval\"))'\n  report: f\n  message: 'calls {{f}}'\n");
        let v = validate_yaml(&good, &ok).unwrap();
        let RuleCheck::Query { language, report, message, literals, .. } = &v.document.rules[0].check else { panic!("{:?}", v.document.rules[0].check) };
        assert_eq!((language.as_str(), report.as_deref(), message.as_deref()), ("python", Some("f"), Some("calls {{f}}")));
        assert_eq!(literals, &["eval"], "the #eq? literal is the rule's prefilter");
        assert_eq!(v.document.rules[0].type_name(), "ast");
        let calls = validate_yaml(&rule("  query: '(call function: (_) @callee)'\n  calls: [subprocess.Popen, os.system]\n"), &ok).unwrap();
        let RuleCheck::Query { literals, calls, .. } = &calls.document.rules[0].check else { panic!() };
        assert_eq!((literals.clone(), calls.len()), (vec!["subprocess".to_string(), "system".to_string()], 2));
        for (extra, field, needle) in [
            ("  query: '(call function: (nonsense) @f)'\n", "query", "line 1"),
            ("  query: '((identifier) @i (#is-keyword? @i))'\n", "query", "not supported"),
            ("  query: '(call) @c'\n  ast_check: no_star_imports\n", "ast_check", "not both"),
            ("  query: '(call) @c'\n  report: nope\n", "report", "not a capture"),
            ("  query: '(call) @c'\n  message: 'x {{nope}}'\n", "message", "not a capture"),
            ("  query: '(call) @c'\n  calls: [os.system]\n", "calls", "@callee"),
            ("  query: '(call)'\n", "query", "captures nothing"),
        ] {
            let problems = validate_yaml(&rule(extra), &ok).unwrap_err();
            assert!(problems.iter().any(|p| p.location.contains("Q-1") && p.field == field && p.message.contains(needle)), "{extra}: {problems:?}");
        }
        let cobol = rule("  query: '(x) @x'\n").replace("language: python", "language: cobol");
        assert!(validate_yaml(&cobol, &ok).unwrap_err().iter().any(|p| p.field == "language" && p.message.contains("unknown language")));
        let elsewhere = "name: P\nrules:\n- {id: R-1, name: r, type: regex, pattern: x, report: f}\n";
        assert!(validate_yaml(elsewhere, &ok).unwrap_err().iter().any(|p| p.field == "report" && p.message.contains("only applies")));
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
    fn clause_titles_and_evidence_sources_are_checked() {
        let base = "name: P\nrules:\n- id: A\n  name: a\n  type: regex\n  pattern: x\n  clause: '1.1'\n";
        let text =
            format!("{base}clauses: {{'1.1': 'First', '2.2': 'Second'}}\nevidence_from: [{{pack: secrets, rules: ['SEC-*'], clause: '2.2', name: 'Keys'}}]\n");
        let v = validate_yaml(&text, &ok).unwrap();
        assert_eq!(v.document.clauses["1.1"], "First");
        assert_eq!(v.document.evidence_from[0].pack, "secrets");
        assert!(v.warnings.is_empty(), "{:?}", v.warnings);
        let untitled = validate_yaml(&format!("{base}clauses: {{'2.2': 'Second'}}\n"), &ok).unwrap();
        assert!(untitled.warnings.iter().any(|w| w.to_string().contains("clause `1.1` has rules but no title")), "{:?}", untitled.warnings);
        for bad in [
            "evidence_from: [{pack: 'Not An Id', rules: ['X'], clause: '1', name: 'n'}]\n",
            "evidence_from: [{pack: secrets, rules: [], clause: '1', name: 'n'}]\n",
            "evidence_from: [{pack: secrets, rules: ['X'], clause: '1'}]\n",
            "clauses: ['1.1']\n",
            "clauses: {'1.1': ''}\n",
            "evidence_from: [{pack: secrets, cwe: ['89'], clause: '1', name: 'n'}]\n",
            "evidence_from: [{pack: '{*-security,Bad}', cwe: ['CWE-89'], clause: '1', name: 'n'}]\n",
            "traceability: [{clause: '1.1'}]\n",
        ] {
            assert!(validate_yaml(&format!("{base}{bad}"), &ok).is_err(), "{bad}");
        }
        let cited = "evidence_from: [{pack: '{*-security,cpp-coding-standards}', cwe: ['CWE-89'], clause: '1.1', name: 'n'}]\ntraceability: [{clause: '1.1', name: 't'}]\n";
        let v = validate_yaml(&format!("{base}{cited}"), &ok).unwrap();
        assert_eq!((v.document.evidence_from[0].cwe.len(), v.document.traceability.len()), (1, 1));
    }

    #[test]
    fn a_variant_names_a_rule_of_the_same_clause() {
        let rule = |id: &str, clause: &str, variant: &str| format!("- id: {id}\n  name: n\n  type: regex\n  pattern: x\n  clause: '{clause}'\n{variant}");
        let pack = |rules: &[String]| format!("name: P\nrules:\n{}", rules.concat());
        let good = pack(&[rule("A", "1", ""), rule("A-JS", "1", "  variant_of: A\n")]);
        assert_eq!(validate_yaml(&good, &ok).unwrap().document.rules[1].variant_of.as_deref(), Some("A"));
        for (bad, why) in [
            (pack(&[rule("A", "1", ""), rule("A-JS", "2", "  variant_of: A\n")]), "maps to clause"),
            (pack(&[rule("A-JS", "1", "  variant_of: A\n")]), "no rule `A`"),
            (pack(&[rule("A", "1", ""), rule("B", "1", "  variant_of: A\n"), rule("C", "1", "  variant_of: B\n")]), "itself a variant"),
        ] {
            let err = validate_yaml(&bad, &ok).unwrap_err();
            assert!(format!("{err:?}").contains(why), "{why}: {err:?}");
        }
    }

    #[test]
    fn a_repeated_key_keeps_the_last_value_with_a_warning() {
        let text = "name: P\nrules:\n- id: A\n  name: a\n  type: regex\n  pattern: x\n  severity: low\n  severity: high\n";
        let v = validate_yaml(text, &ok).unwrap();
        assert_eq!(v.document.rules[0].severity, Severity::High);
        let w: Vec<String> = v.warnings.iter().map(ToString::to_string).collect();
        assert!(w.iter().any(|w| w.contains("key `severity` is repeated at line 8")), "{w:?}");
    }

    #[test]
    fn unknown_keys_warn() {
        let v = validate_yaml("name: P\nextra: 1\nrules:\n- {id: A, name: a, type: llm, colour: red}\n", &ok).unwrap();
        let w: Vec<String> = v.warnings.iter().map(ToString::to_string).collect();
        assert!(w.iter().any(|w| w.contains("pack, field `extra`")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("rule `A`, field `colour`")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("llm")), "{w:?}");
    }

    #[test]
    fn a_numeric_id_is_text_like_any_other() {
        // Read like every other text field (`version: 1.0`), and the rule located by it.
        let v = validate_yaml("name: P\nrules:\n- {id: 101, name: a, type: regex, pattern: x}\n", &ok).unwrap();
        assert_eq!(v.document.rules[0].id, "101");
    }

    #[test]
    fn params_problems_name_the_nested_field() {
        let doc = "name: P\nrules:\n- {id: A, name: a, type: file_policy, check: must_not_import, params: {forbidden_modules: 5}}\n";
        let problems: Vec<String> = validate_yaml(doc, &ok).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "rule `A`, field `params.forbidden_modules`: expected a list of strings, found a number",
                "rule `A`, field `params.forbidden_modules`: `must_not_import` needs a list of modules",
            ]
        );
    }
}
