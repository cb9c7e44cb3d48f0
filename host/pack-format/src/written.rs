//! The pack document as authors write it: every key a document may hold and the shape its
//! value should have, defined once. The validator ([`crate::validate`]) parses documents
//! into these types, whose serde field names are therefore the only list of known keys,
//! and the committed JSON Schema ([`json_schema`]) is derived from them, so the schema and
//! the parser cannot drift apart.
//!
//! Every field is an optional [`Field`], which takes any value: a wrong type is then one
//! problem among many for the validator to report, not the end of the parse, and the
//! field's shape (`T` in `Field<T>`) decides both what the schema shows and how
//! [`Shape::read`] checks it.

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Visitor};
use serde_json::{Map, Value};

use crate::{AutofixKind, Severity};

/// A sentra declarative pack (compatible with sentrik's pack format).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Lowercase letters, digits and `-`; defaults to the file name.
    pub pack_id: Option<Field<String>>,
    #[schemars(required)]
    pub name: Option<Field<String>>,
    pub description: Option<Field<String>>,
    pub version: Option<Field<StringOrNumber>>,
    pub last_updated: Option<Field<String>>,
    /// SPDX license expression.
    pub license: Option<Field<String>>,
    #[schemars(required)]
    pub rules: Option<Field<Vec<RuleFile>>>,
    /// The framework's clauses the rules map to, by id, with each clause's title as the
    /// standard words it; compliance reports show them.
    pub clauses: Option<Field<ClauseTitles>>,
    /// Findings of other packs that evidence this framework's clauses (credentials found
    /// by `secrets` for a clause on passwords in code, say): a compliance pack cites the
    /// security packs instead of copying their patterns. Compliance reports run the named
    /// packs too.
    pub evidence_from: Option<Field<Vec<EvidenceSource>>>,
    /// Clauses about requirements and traceability that the project's requirements
    /// (`requirements.yaml`) traced to code evidence: compliance reports check that every
    /// requirement is traced and that code names no undefined requirement.
    pub traceability: Option<Field<Vec<TraceSource>>>,
}

pub use crate::{EvidenceSource, TraceSource};

impl Shape for Vec<TraceSource> {
    type Out = Vec<TraceSource>;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Vec<TraceSource>> {
        let sources: Vec<TraceSource> = match serde_json::from_value(value.clone()) {
            Ok(s) => s,
            Err(e) => {
                problems.push((field.into(), format!("expected a list of {{clause, name}}: {e}")));
                return None;
            }
        };
        let short = |s: &str, max: usize| !s.trim().is_empty() && s.len() <= max && !s.chars().any(char::is_control);
        if let Some(i) = sources.iter().position(|s| !(short(&s.clause, 64) && short(&s.name, 200))) {
            problems.push((format!("{field}[{i}]"), "needs a clause (1 to 64 bytes) and a name (1 to 200 bytes)".into()));
            return None;
        }
        if sources.len() > MAX_EVIDENCE_SOURCES {
            problems.push((field.into(), format!("{} entries; the limit is {MAX_EVIDENCE_SOURCES}", sources.len())));
            return None;
        }
        Some(sources)
    }
}

/// Most `evidence_from` entries a pack may carry.
pub const MAX_EVIDENCE_SOURCES: usize = 100;

impl Shape for Vec<EvidenceSource> {
    type Out = Vec<EvidenceSource>;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Vec<EvidenceSource>> {
        let sources: Vec<EvidenceSource> = match serde_json::from_value(value.clone()) {
            Ok(s) => s,
            Err(e) => {
                problems.push((field.into(), format!("expected a list of {{pack, rules, cwe, clause, name}}: {e}")));
                return None;
            }
        };
        let short = |s: &str, max: usize| !s.trim().is_empty() && s.len() <= max && !s.chars().any(char::is_control);
        // An id, or a glob of them: `*` and one level of `{a,b}` alternatives.
        let pack_glob = |p: &str| {
            let inner = p.strip_prefix('{').and_then(|p| p.strip_suffix('}')).unwrap_or(p);
            p.len() <= 128 && inner.split(',').all(|alt| crate::valid_pack_id(&alt.replace('*', "x")))
        };
        let cwe = |c: &str| c.strip_prefix("CWE-").is_some_and(|n| !n.is_empty() && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_digit()));
        for (i, s) in sources.iter().enumerate() {
            let ok = pack_glob(&s.pack)
                && !(s.rules.is_empty() && s.cwe.is_empty())
                && s.rules.len() <= 64
                && s.rules.iter().all(|r| short(r, 128))
                && s.cwe.len() <= 64
                && s.cwe.iter().all(|c| cwe(c))
                && short(&s.clause, 64)
                && short(&s.name, 200);
            if !ok {
                let want = "needs a pack id (or a glob of them), 1 to 64 rule ids or globs and/or weaknesses (`CWE-89`), a clause and a name";
                problems.push((format!("{field}[{i}]"), want.into()));
                return None;
            }
        }
        if sources.len() > MAX_EVIDENCE_SOURCES {
            problems.push((field.into(), format!("{} entries; the limit is {MAX_EVIDENCE_SOURCES}", sources.len())));
            return None;
        }
        Some(sources)
    }
}

/// Clause id to title (at most [`MAX_CLAUSES`]; ids up to 64 bytes, titles up to 300).
pub type ClauseTitles = std::collections::BTreeMap<String, String>;

/// Most clause titles a pack may carry.
pub const MAX_CLAUSES: usize = 2_000;

impl Shape for ClauseTitles {
    type Out = ClauseTitles;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<ClauseTitles> {
        let Value::Object(map) = value else {
            problems.push((field.into(), format!("expected a mapping of clause id to title, found {}", type_name(value))));
            return None;
        };
        if map.len() > MAX_CLAUSES {
            problems.push((field.into(), format!("{} clauses; the limit is {MAX_CLAUSES}", map.len())));
            return None;
        }
        let mut out = ClauseTitles::new();
        for (id, title) in map {
            let text = scalar_text(title).unwrap_or_default();
            let bad = |s: &str, max: usize| s.trim().is_empty() || s.len() > max || s.chars().any(char::is_control);
            if bad(id, 64) || bad(&text, 300) {
                problems.push((field.into(), "each entry is a clause id (1 to 64 bytes) and its title (1 to 300 bytes, one line)".into()));
                return None;
            }
            out.insert(id.clone(), text);
        }
        Some(out)
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Unique in the pack.
    #[schemars(required)]
    pub id: Option<Field<String>>,
    #[schemars(required)]
    pub name: Option<Field<String>>,
    pub description: Option<Field<String>>,
    /// Other types are accepted with a warning and listed as skipped.
    #[serde(rename = "type")]
    #[schemars(required)]
    pub type_: Option<Field<RuleType>>,
    /// Default `medium`.
    pub severity: Option<Field<Severity>>,
    /// Default `**/*`. Brace alternation and comma-separated lists are expanded.
    pub file_glob: Option<Field<OneOrMany>>,
    pub exclude_globs: Option<Field<Vec<String>>>,
    /// A regex (`regex`, `required_pattern`; `must_contain_pattern` may use it too).
    pub pattern: Option<Field<String>>,
    /// Regexes that must all match in the file (a `regex` rule without `pattern`).
    pub all_patterns: Option<Field<Vec<String>>>,
    /// With `all_patterns`: all must hit within a window of this many lines.
    #[schemars(range(min = 1))]
    pub within_lines: Option<Field<u32>>,
    pub applies_when: Option<Field<Conditions>>,
    pub standard: Option<Field<String>>,
    pub clause: Option<Field<String>>,
    pub compliance_category: Option<Field<Category>>,
    pub remediation_guidance: Option<Field<String>>,
    pub tags: Option<Field<Vec<String>>>,
    pub cwe: Option<Field<Vec<StringOrNumber>>>,
    pub references: Option<Field<Vec<String>>>,
    pub autofix: Option<Field<AutofixKind>>,
    pub autofix_replacement: Option<Field<String>>,
    /// `file_policy` check.
    pub check: Option<Field<FileCheck>>,
    /// `ast` check (Python).
    pub ast_check: Option<Field<AstCheck>>,
    /// Check parameters; which apply depends on `check` or `ast_check`.
    pub params: Option<Field<Params>>,
    /// `ast` rule: a tree-sitter query, run by the host on the file's syntax tree (needs
    /// `language`). Every node a match captures is a finding, unless `report` names the
    /// one capture to report.
    pub query: Option<Field<String>>,
    /// The grammar of `query`: `python`, `javascript`/`js`, `typescript`/`ts`, `tsx`,
    /// `java`, `go`/`golang`, `c`, `cpp`/`c++`, `c_sharp`/`csharp`/`cs`, `php`,
    /// `ruby`/`rb`, `rust`, `kotlin`.
    pub language: Option<Field<String>>,
    /// With `query`: the capture (without `@`) whose node is the finding.
    pub report: Option<Field<String>>,
    /// With `query`: the finding message, where `{{capture}}` is replaced by that capture's
    /// text. Default: `name: description`.
    pub message: Option<Field<String>>,
    /// With `query` (Python and Java): the qualified names (`subprocess.Popen`,
    /// `java.util.Random`) the query's `@callee` capture must stand for once the file's
    /// imports and aliases are resolved (`import subprocess as sp` makes `sp.Popen` one,
    /// `from subprocess import Popen` makes `Popen` one).
    pub calls: Option<Field<Vec<String>>>,
    /// With `query`: the same rule in more languages, a list of `{language, query}`. Leave
    /// `query` out where the rule's own query compiles for that language too (a JavaScript
    /// query for TypeScript). A file is matched with the entry of its language, and the
    /// findings keep the rule's id (and fingerprints) in every language.
    pub other_languages: Option<Field<Vec<OtherLanguageFile>>>,
    /// With `query`: literals (ASCII case-insensitive) one of which a file must contain for
    /// the query to run on it, for queries whose predicates give none (`#match?` only).
    /// Default: the literals of the query's `#eq?`/`#any-of?` predicates. A literal the
    /// matches do not always contain hides findings: keep them to what every match has.
    pub literals: Option<Field<Vec<String>>>,
    /// With `query`: the regex the rule matched with before it was a syntax rule. A finding
    /// on a line where this regex matches takes that match's span, so it keeps the
    /// fingerprint it had (the fingerprint hashes the reported text) and approvals and
    /// work items that name it hold. It never adds or removes a finding.
    pub fingerprint_pattern: Option<Field<String>>,
    /// With `query`: a regex the file must match somewhere for the rule to run on it, for
    /// context a query cannot see (the file sets a cookie or handles a token). A file
    /// without a match is not parsed for the rule.
    pub file_context: Option<Field<String>>,
    /// `taint` rule: where untrusted data enters. Each entry is a code pattern
    /// (`request.args.get(...)`, `$R.getParameter(...)`, `request.form`, `$_GET`) or
    /// `{query: ...}`, a tree-sitter query capturing the node as `@source` (a parameter's
    /// name makes the parameter a source).
    pub sources: Option<Field<Vec<TaintEntryFile>>>,
    /// `taint` rule: where untrusted data must not arrive: `$C.execute($SINK, ...)` (the
    /// `$SINK` argument; without one, every argument), `new java.io.File(...)`, or
    /// `{query: ...}` capturing `@sink`.
    pub sinks: Option<Field<Vec<TaintEntryFile>>>,
    /// `taint` rule: calls or nodes whose value is clean whatever flows in
    /// (`shlex.quote(...)`), or `{query: ...}` capturing `@sanitizer`.
    pub sanitizers: Option<Field<Vec<TaintEntryFile>>>,
    /// `taint` rule: calls that carry taint from their receiver and arguments to their
    /// result even when `unknown_calls` is `clean`.
    pub propagators: Option<Field<Vec<TaintEntryFile>>>,
    /// `taint` rule: what a call the rule does not know returns: `propagate` (default:
    /// tainted when its receiver or an argument is) or `clean`.
    pub unknown_calls: Option<Field<UnknownCalls>>,
    /// The rule this one is a language variant of (same check, same clause, other files):
    /// compliance reports judge a rule and its variants as one check, so a Python repository
    /// is not `not_assessed` because the Java variant had nothing to read.
    pub variant_of: Option<Field<String>>,
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

#[derive(Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleType {
    Regex,
    RequiredPattern,
    /// A control the project must have: some file matching `file_glob` (containing
    /// `pattern`, when given). One project-level finding when none does.
    RequiredFile,
    FilePolicy,
    DocumentationObligation,
    Ast,
    /// A data-flow rule: `sources`, `sinks`, `sanitizers` and `propagators`, followed
    /// through each function of a file in `language` (and `other_languages`).
    Taint,
    /// Accepted and listed as skipped: sentra runs no model.
    Llm,
}

#[derive(Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnknownCalls {
    Propagate,
    Clean,
}

/// One source, sink, sanitizer or propagator as written.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum TaintEntryFile {
    /// A code pattern.
    Code(String),
    /// A tree-sitter query.
    Query(TaintQueryFile),
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaintQueryFile {
    pub query: String,
}

/// Most entries in one of a taint rule's lists.
pub const MAX_TAINT_ENTRIES: usize = 256;

impl Shape for Vec<TaintEntryFile> {
    type Out = Vec<TaintEntryFile>;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Vec<TaintEntryFile>> {
        let value = if let Value::String(_) = value { Value::Array(vec![value.clone()]) } else { value.clone() };
        let entries: Vec<TaintEntryFile> = match serde_json::from_value(value) {
            Ok(e) => e,
            Err(_) => {
                problems.push((field.into(), "expected a list whose entries are code patterns (strings) or `{query: ...}`".into()));
                return None;
            }
        };
        if entries.len() > MAX_TAINT_ENTRIES {
            problems.push((field.into(), format!("{} entries; the limit is {MAX_TAINT_ENTRIES}", entries.len())));
            return None;
        }
        Some(entries)
    }
}

#[derive(Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Code,
    Documentation,
    Process,
    Traceability,
}

#[derive(Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FileCheck {
    MaxLines,
    StartsWithDocstring,
    MustContainPattern,
    MustNotImport,
    MaxFunctionCount,
}

#[derive(Clone, Copy, Deserialize, JsonSchema)]
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
#[serde(deny_unknown_fields)]
pub struct Conditions {
    /// Any of these languages is present (detected from file extensions).
    pub languages: Option<Field<OneOrMany>>,
    /// Any of these globs matches a file under the scan root (an entry starting with
    /// `!` must match none).
    pub has_files: Option<Field<OneOrMany>>,
    /// None of these globs matches a file under the scan root (`package.json` without
    /// any lock file).
    pub lacks_files: Option<Field<OneOrMany>>,
    /// Some Python file imports any of these modules.
    pub has_imports: Option<Field<OneOrMany>>,
    /// A dependency manifest at the root contains any of these (case-insensitive).
    pub has_dependencies: Option<Field<OneOrMany>>,
    /// Any of these regexes (case-insensitive) matches in some file.
    pub has_content: Option<Field<OneOrMany>>,
}

/// `params`: each check takes its own; another check's parameter is ignored, with a
/// warning.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Params {
    MaxLines(MaxLinesParams),
    Pattern(PatternParams),
    Imports(ImportParams),
    MaxFunctions(MaxFunctionsParams),
}

/// `params` of `check: max_lines` and `ast_check: max_function_length`.
#[derive(Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaxLinesParams {
    /// Most lines a file (default 500) or a function (default 50) may have.
    #[schemars(range(min = 1))]
    pub max_lines: Option<Field<u32>>,
}

/// `params` of `check: must_contain_pattern`.
#[derive(Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PatternParams {
    /// The regex every file must contain; default: the rule's `pattern`.
    pub pattern: Option<Field<String>>,
}

/// `params` of `check: must_not_import`.
#[derive(Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportParams {
    /// Modules no file may import (required).
    pub forbidden_modules: Option<Field<OneOrMany>>,
}

/// `params` of `check: max_function_count`.
#[derive(Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaxFunctionsParams {
    /// Most functions a file may define (default 20).
    #[schemars(range(min = 1))]
    pub max_functions: Option<Field<u32>>,
}

/// `params` of the checks that take none.
#[derive(Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

/// The JSON Schema of a pack document.
pub fn json_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(PackFile)).expect("schema serializes")
}

/// One field's value as written, kept whole so that the validator can say what is wrong
/// with it; `T` is the shape it should have.
pub struct Field<T> {
    value: Value,
    shape: PhantomData<fn() -> T>,
}

impl<T> Field<T> {
    pub fn value(&self) -> &Value {
        &self.value
    }
}

impl<'de, T> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(|value| Field { value, shape: PhantomData })
    }
}

/// Transparent: the schema of a `Field<T>` is `T`'s (a `$ref` when `T` has a definition).
impl<T: JsonSchema> JsonSchema for Field<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("Field<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

/// How a field's value is read. Lenient where YAML authors are (`version: 1.0` is text, a
/// single string is a one-item list); what cannot be read is pushed to `problems` as
/// (field, message), and the readable part is still returned so later checks see it.
pub trait Shape {
    type Out;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Self::Out>;
}

impl Shape for String {
    type Out = String;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<String> {
        let text = scalar_text(value);
        if text.is_none() && !value.is_null() {
            problems.push((field.into(), format!("expected a string, found {}", type_name(value))));
        }
        text
    }
}

/// One `other_languages` entry as written.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherLanguageFile {
    /// The grammar, named as `language` names it.
    pub language: String,
    /// The query for this language; default: the rule's `query`.
    #[serde(default)]
    pub query: Option<String>,
}

/// Most `other_languages` entries a rule may carry (one per grammar).
pub const MAX_OTHER_LANGUAGES: usize = 16;

impl Shape for Vec<OtherLanguageFile> {
    type Out = Vec<OtherLanguageFile>;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Vec<OtherLanguageFile>> {
        let entries: Vec<OtherLanguageFile> = match serde_json::from_value(value.clone()) {
            Ok(e) => e,
            Err(e) => {
                problems.push((field.into(), format!("expected a list of {{language, query}}: {e}")));
                return None;
            }
        };
        if entries.len() > MAX_OTHER_LANGUAGES {
            problems.push((field.into(), format!("{} entries; the limit is {MAX_OTHER_LANGUAGES}", entries.len())));
            return None;
        }
        Some(entries)
    }
}

/// Enumerations are read as text: the validator matches them itself, to accept what the
/// schema does not list (unknown rule types, severities in any case) with its own message.
macro_rules! read_as_text {
    ($($shape:ty),*) => {$(
        impl Shape for $shape {
            type Out = String;
            fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<String> {
                String::read(value, field, problems)
            }
        }
    )*};
}
read_as_text!(StringOrNumber, Severity, AutofixKind, RuleType, Category, FileCheck, AstCheck, UnknownCalls);

impl Shape for Vec<String> {
    type Out = Vec<String>;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Vec<String>> {
        Some(read_list(value, field, problems))
    }
}

impl Shape for OneOrMany {
    type Out = Vec<String>;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Vec<String>> {
        Some(read_list(value, field, problems))
    }
}

/// CWE ids: `cwe: 79` is one, like a list of one.
impl Shape for Vec<StringOrNumber> {
    type Out = Vec<String>;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<Vec<String>> {
        match value {
            Value::Number(n) => Some(vec![n.to_string()]),
            _ => Some(read_list(value, field, problems)),
        }
    }
}

/// Counts and limits: positive, and at most `u32::MAX`.
impl Shape for u32 {
    type Out = u32;
    fn read(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Option<u32> {
        let found = match value {
            Value::Null => return None,
            Value::Number(n) => match n.as_u64().and_then(|v| u32::try_from(v).ok()) {
                Some(v) if v > 0 => return Some(v),
                _ => n.to_string(),
            },
            other => type_name(other).to_string(),
        };
        problems.push((field.into(), format!("expected a positive integer, found {found}")));
        None
    }
}

/// A list of strings (numbers are rendered as text); a single string is a one-item list.
fn read_list(value: &Value, field: &str, problems: &mut Vec<(String, String)>) -> Vec<String> {
    match value {
        Value::Null => Vec::new(),
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                other => {
                    problems.push((format!("{field}[{i}]"), format!("expected a string, found {}", type_name(other))));
                    None
                }
            })
            .collect(),
        other => {
            problems.push((field.into(), format!("expected a list of strings, found {}", type_name(other))));
            Vec::new()
        }
    }
}

/// A scalar rendered as a string (numbers and booleans too, as YAML authors write
/// `version: 1.0`); `None` for null, lists and mappings.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// How a value's kind is named in problems.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// A mapping read as the written type `T`, and the keys `T` does not declare.
pub struct Parsed<T> {
    pub value: T,
    pub unknown: Vec<String>,
}

/// Reads a mapping as `T`. Unknown keys are set aside rather than left to
/// `deny_unknown_fields`, which would stop at the first: to the validator they are
/// warnings. What remains always deserializes, since every field takes any value; `Err`
/// is the problem when `value` is not a mapping.
pub fn parse<T: DeserializeOwned>(value: &Value) -> Result<Parsed<T>, String> {
    let Value::Object(map) = value else {
        return Err(format!("expected a mapping, found {}", type_name(value)));
    };
    let known = serde_names::<T>();
    let mut kept = Map::new();
    let mut unknown = Vec::new();
    for (key, value) in map {
        if known.contains(&key.as_str()) {
            kept.insert(key.clone(), value.clone());
        } else {
            unknown.push(key.clone());
        }
    }
    let value = serde_json::from_value(Value::Object(kept)).map_err(|e| e.to_string())?;
    Ok(Parsed { value, unknown })
}

/// The variant of the written enumeration `T` that `text` names, exactly as serde reads it.
pub fn choice<T: DeserializeOwned>(text: &str) -> Option<T> {
    let text: de::value::StrDeserializer<'_, de::value::Error> = text.into_deserializer();
    T::deserialize(text).ok()
}

/// The names serde reads for `T`: a struct's keys, or an enumeration's variants. `T` is
/// asked to deserialize itself from a deserializer that only notes the names it is handed
/// and stops, so the list is the derive's own and cannot go stale.
pub fn serde_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut names: &'static [&'static str] = &[];
    // Always `Err`: the probe stops as soon as it has the names.
    let _ = T::deserialize(NameProbe(&mut names));
    names
}

struct NameProbe<'a>(&'a mut &'static [&'static str]);

impl NameProbe<'_> {
    fn stop<T>() -> Result<T, de::value::Error> {
        Err(de::Error::custom("only the names are read"))
    }
}

impl<'de> Deserializer<'de> for NameProbe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Self::stop()
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _: &'static str, fields: &'static [&'static str], _: V) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Self::stop()
    }

    fn deserialize_enum<V: Visitor<'de>>(self, _: &'static str, variants: &'static [&'static str], _: V) -> Result<V::Value, Self::Error> {
        *self.0 = variants;
        Self::stop()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_derives() {
        assert_eq!(serde_names::<Conditions>(), ["languages", "has_files", "lacks_files", "has_imports", "has_dependencies", "has_content"]);
        assert!(serde_names::<RuleFile>().contains(&"type"), "renamed keys are listed as written");
        assert_eq!(serde_names::<NoParams>(), [] as [&str; 0]);
        assert_eq!(serde_names::<Severity>(), ["critical", "high", "medium", "low", "info"]);
        assert!(matches!(choice::<FileCheck>("must_not_import"), Some(FileCheck::MustNotImport)));
        assert!(choice::<FileCheck>("Max_Lines").is_none());
    }

    #[test]
    fn the_schema_lists_the_keys_the_parser_reads() {
        let schema = json_schema();
        let keys = |props: &Value| props.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        let sorted = |names: &[&str]| {
            let mut names: Vec<String> = names.iter().map(ToString::to_string).collect();
            names.sort();
            names
        };
        assert_eq!(keys(&schema["properties"]), sorted(serde_names::<PackFile>()));
        assert_eq!(keys(&schema["$defs"]["RuleFile"]["properties"]), sorted(serde_names::<RuleFile>()));
        assert_eq!(keys(&schema["$defs"]["Conditions"]["properties"]), sorted(serde_names::<Conditions>()));
        assert_eq!(schema["$defs"]["RuleFile"]["additionalProperties"], false);
    }

    #[test]
    fn unknown_keys_are_set_aside_and_wrong_types_kept() {
        let value = serde_json::json!({"languages": 5, "colour": "red"});
        let parsed = parse::<Conditions>(&value).unwrap();
        assert_eq!(parsed.unknown, ["colour"]);
        assert_eq!(parsed.value.languages.unwrap().value(), &serde_json::json!(5));
        assert_eq!(parse::<Conditions>(&serde_json::json!([1])).err().unwrap(), "expected a mapping, found a list");
    }
}
