//! Declarative (YAML) packs at the edge: a document is validated here, once, with the
//! same regex engine that will run it, and only a checked document reaches the
//! declarative engine component.

use std::fmt;

use sentra_matcher::{MatchError, MatchLimits, PatternSet};
use sentra_pack_format::valid_pack_id;
pub use sentra_pack_format::validate::Problem;
use sentra_pack_format::{PackDocument, validate};

/// A pack document that failed validation, with every problem found.
#[derive(Debug, thiserror::Error)]
pub struct InvalidPack {
    pub pack: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for InvalidPack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "pack `{}` is invalid ({n} problem{}):", self.pack, if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

/// A checked document and the warnings worth showing its author.
#[derive(Clone, Debug)]
pub struct CheckedPack {
    pub document: PackDocument,
    pub warnings: Vec<Problem>,
}

impl CheckedPack {
    pub fn id(&self) -> &str {
        self.document.pack_id.as_deref().unwrap_or_default()
    }
}

/// A pack id from a file name: `OWASP_Top10.yaml` → `owasp-top10`.
pub fn id_from_file_name(name: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').to_string()
}

/// Validates a YAML pack document. `name` is how errors refer to it (a file name), and
/// `default_id` the id it gets when the document has no `pack_id`.
pub fn check_pack(name: &str, text: &str, default_id: &str, limits: &MatchLimits) -> Result<CheckedPack, InvalidPack> {
    let check_regex = |p: &str| -> Result<(), String> {
        PatternSet::compile(&[p], *limits).map(|_| ()).map_err(|e| match e {
            MatchError::Compile { message, .. } | MatchError::Search { message, .. } => message,
            other => other.to_string(),
        })
    };
    let validated = validate::validate_yaml(text, &check_regex).map_err(|problems| InvalidPack { pack: name.into(), problems })?;
    let mut document = validated.document;
    if document.pack_id.is_none() {
        if !valid_pack_id(default_id) {
            return Err(InvalidPack {
                pack: name.into(),
                problems: vec![Problem {
                    location: "pack".into(),
                    field: "pack_id".into(),
                    message: format!("missing, and `{default_id}` (from the file name) is not a valid pack id"),
                }],
            });
        }
        document.pack_id = Some(default_id.to_string());
    }
    Ok(CheckedPack { document, warnings: validated.warnings })
}

/// The validated form of a built-in pack, committed next to its `pack.yaml` as
/// `pack.checked.json`, so that a process start does not validate it again: validation
/// compiles every regex and syntax query (seconds of tree-sitter's query analysis for the
/// syntax packs), and a built-in document only changes with the source tree. The YAML's
/// hash ties the two; a test keeps the file in step (`SENTRA_BLESS=1` rewrites it).
#[derive(serde::Serialize, serde::Deserialize)]
struct Committed {
    source_sha256: String,
    document: PackDocument,
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

/// What `pack.checked.json` holds for a built-in pack `text` that validated as `pack`.
pub fn committed_form(text: &str, pack: &CheckedPack) -> String {
    let committed = Committed { source_sha256: sha256_hex(text), document: pack.document.clone() };
    let mut out = serde_json::to_string_pretty(&committed).expect("pack documents serialize");
    out.push('\n');
    out
}

/// The checked pack a committed form describes, or `None` when it was made from another
/// text (a `pack.yaml` edited without blessing) or cannot be read: the caller then
/// validates the text.
pub fn from_committed(text: &str, committed: &str) -> Option<CheckedPack> {
    let committed: Committed = serde_json::from_str(committed).ok()?;
    (committed.source_sha256 == sha256_hex(text)).then_some(CheckedPack { document: committed.document, warnings: Vec::new() })
}

/// The settings string the declarative engine's `configure` receives.
pub fn engine_settings(pack: &CheckedPack) -> String {
    serde_json::to_string(&pack.document).expect("pack documents serialize")
}

/// Sample paths for the file kinds sentra knows, to find globs that can never match.
fn sample_paths() -> Vec<String> {
    const EXTENSIONS: &[&str] = &[
        "py",
        "pyi",
        "js",
        "jsx",
        "mjs",
        "cjs",
        "ts",
        "tsx",
        "java",
        "go",
        "rs",
        "rb",
        "php",
        "cs",
        "c",
        "h",
        "cc",
        "cpp",
        "hpp",
        "kt",
        "kts",
        "swift",
        "scala",
        "sh",
        "bash",
        "tf",
        "hcl",
        "yaml",
        "yml",
        "json",
        "toml",
        "ini",
        "cfg",
        "conf",
        "xml",
        "html",
        "htm",
        "css",
        "scss",
        "sql",
        "md",
        "rst",
        "txt",
        "env",
        "properties",
        "gradle",
        "lock",
        "vue",
        "svelte",
        "ipynb",
        "pem",
        "key",
        "dockerfile",
        "ps1",
        "bat",
        "r",
        "lua",
        "pl",
        "ex",
        "exs",
        "erl",
        "dart",
        "proto",
        "graphql",
    ];
    const NAMES: &[&str] = &[
        "Dockerfile",
        "Makefile",
        "Jenkinsfile",
        "Gemfile",
        "Pipfile",
        "README",
        "LICENSE",
        "CODEOWNERS",
        ".env",
        ".gitignore",
        ".npmrc",
        ".dockerignore",
        "requirements.txt",
        "package.json",
        "go.mod",
        "Cargo.toml",
        "pom.xml",
        "build.gradle",
    ];
    let dirs = ["", "src/", "a/b/c/", "tests/", "test/", "docs/", ".github/workflows/", "config/"];
    let mut out = Vec::new();
    for d in dirs {
        for e in EXTENSIONS {
            out.push(format!("{d}file.{e}"));
            out.push(format!("{d}test_file.{e}"));
            out.push(format!("{d}file.test.{e}"));
        }
        for n in NAMES {
            out.push(format!("{d}{n}"));
        }
    }
    out
}

/// Footguns in a valid pack: patterns that match the empty string, globs that select no
/// file sentra knows (or only excluded ones), rules without remediation or standard.
pub fn lint(pack: &CheckedPack, limits: &MatchLimits) -> Vec<Problem> {
    use sentra_pack_format::{FilePolicy, RuleCheck};
    let mut out = pack.warnings.clone();
    let samples = sample_paths();
    for rule in &pack.document.rules {
        let at = |field: &str, message: String| Problem { location: format!("rule `{}`", rule.id), field: field.into(), message };
        let patterns: Vec<(String, &str)> = match &rule.check {
            RuleCheck::Regex { pattern, .. } => vec![("pattern".into(), pattern.as_str())],
            RuleCheck::AllPatterns { patterns, .. } => patterns.iter().enumerate().map(|(i, p)| (format!("all_patterns[{i}]"), p.as_str())).collect(),
            RuleCheck::RequiredPattern { pattern }
            | RuleCheck::RequiredFile { pattern: Some(pattern) }
            | RuleCheck::FilePolicy { policy: FilePolicy::MustContainPattern { pattern } } => {
                vec![("pattern".into(), pattern.as_str())]
            }
            _ => Vec::new(),
        };
        for (field, p) in patterns {
            if let Ok(set) = PatternSet::compile(&[p], *limits)
                && set.is_match(&sentra_matcher::Text::new(b""), 0).unwrap_or(false)
            {
                let why = match rule.check {
                    RuleCheck::Regex { .. } => "it fires on every file",
                    _ => "it is satisfied by any file",
                };
                out.push(at(&field, format!("`{p}` matches the empty string, so {why}")));
            }
        }
        // A required file names files by their exact place (`SECURITY.md`, `go.sum`), not
        // by kinds of source file.
        if matches!(rule.check, RuleCheck::DocumentationObligation | RuleCheck::RequiredFile { .. } | RuleCheck::Unsupported { .. }) {
            continue;
        }
        let compile = |globs: &[String]| -> Option<globset::GlobSet> {
            let mut b = globset::GlobSetBuilder::new();
            for g in globs {
                b.add(crate::glob::compile_glob(g).ok()?);
                if let Some(rest) = g.strip_prefix("**/") {
                    b.add(crate::glob::compile_glob(rest).ok()?);
                }
            }
            b.build().ok()
        };
        let (Some(include), Some(exclude)) = (compile(&rule.file_globs), compile(&rule.exclude_globs)) else { continue };
        for g in &rule.file_globs {
            let Some(one) = compile(std::slice::from_ref(g)) else { continue };
            if !samples.iter().any(|s| one.is_match(s)) {
                out.push(at("file_glob", format!("`{g}` matches no kind of file sentra knows (check the extension)")));
            }
        }
        let selected: Vec<&String> = samples.iter().filter(|s| include.is_match(s.as_str())).collect();
        if !selected.is_empty() && !rule.exclude_globs.is_empty() && selected.iter().all(|s| exclude.is_match(s.as_str())) {
            out.push(at("exclude_globs", "excludes every file `file_glob` selects, so the rule never runs".into()));
        }
        if matches!(rule.check, RuleCheck::Ast { .. }) && !selected.iter().any(|s| s.ends_with(".py")) {
            out.push(at("file_glob", "`ast` rules only check Python files, and this glob selects none".into()));
        }
        if let RuleCheck::Query { language, literals, other_languages, .. } = &rule.check {
            let languages = std::iter::once(language.as_str()).chain(other_languages.iter().map(|o| o.language.as_str()));
            for lang in languages.filter_map(sentra_syntax::Lang::from_name) {
                if !selected.iter().any(|s| lang.extensions().iter().any(|e| s.ends_with(&format!(".{e}")))) {
                    out.push(at("file_glob", format!("the query is for {lang}, and this glob selects no {lang} file")));
                }
            }
            if literals.is_empty() {
                let why = "no `#eq?`/`#any-of?` predicate on a capture every match has, so every selected file is parsed (slower)";
                out.push(at("query", format!("has no literal prefilter: {why}")));
            }
        }
        match &rule.check {
            RuleCheck::Regex { pattern, literals } if literals.is_empty() => {
                let why = sentra_pack_format::literals::regex_literals(pattern).err().unwrap_or_default();
                out.push(at("pattern", format!("has no literal prefilter ({why}), so it runs on every selected file (slower)")));
            }
            RuleCheck::AllPatterns { literals, .. } if literals.is_empty() => {
                out.push(at(
                    "all_patterns",
                    "has no literal prefilter (no pattern has a literal every match contains), so it runs on every selected file (slower)".into(),
                ));
            }
            _ => {}
        }
        if rule.remediation.trim().is_empty() {
            out.push(at("remediation_guidance", "missing: findings will not tell the reader how to fix them".into()));
        }
        if rule.standard.trim().is_empty() {
            out.push(at("standard", "missing: findings will not map to a standard for audit evidence".into()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_file_names() {
        assert_eq!(id_from_file_name("packs/OWASP_Top10.yaml"), "owasp-top10");
        assert_eq!(id_from_file_name("my pack.yml"), "my-pack");
    }

    #[test]
    fn regex_problems_use_the_host_engine() {
        let doc = "name: P\nrules:\n- {id: A, name: a, type: regex, pattern: '(?<=x)y'}\n- {id: B, name: b, type: regex, pattern: '(unclosed'}\n";
        let err = check_pack("p.yaml", doc, "p", &MatchLimits::default()).unwrap_err();
        assert_eq!(err.problems.len(), 1, "{err}");
        assert!(err.to_string().contains("rule `B`, field `pattern`: invalid regex"), "{err}");
    }
}
