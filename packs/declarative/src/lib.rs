//! The declarative engine pack: one component that runs any YAML pack.
//!
//! The host validates a pack document, then hands it here as JSON through `configure`
//! (an instance that runs one document) or `engine.add` (one of several documents the
//! instance runs; each call then names its document). Regex work goes to the host's
//! native matcher; the file policies and the Python AST checks run here, inside the
//! sandbox; tree-sitter queries (`ast` rules with `query`) go to the host's syntax trees
//! through the SDK.

mod imports;
mod policy;
mod python;

use std::cell::RefCell;
use std::collections::HashMap;

use sentra_pack_format::{AutofixKind, PackDocument, RuleCheck, RuleSpec, Severity as DocSeverity, TaintEntry};
use sentra_sdk::host::{Matcher, RegexMatch, compile};
use sentra_sdk::syntax::{SyntaxQuery, compile_query, report_captures};
use sentra_sdk::taint::{TaintPattern, TaintRule, TaintSpec, compile_taint, report_flows};
use sentra_sdk::{Conditions, File, Findings, Fix, Pack, PackMeta, Project, Rule, Severity};

struct Engine {
    doc: PackDocument,
    by_id: HashMap<String, usize>,
    /// Matcher indices of each rule's patterns (in `RuleCheck` order).
    patterns: Vec<Vec<u32>>,
    matcher: Result<Matcher, String>,
    /// Each rule's compiled queries (its own, then one per `other_languages` entry), by
    /// rule index, each compiled on its first file: an instance that never sees a Java
    /// file never pays for the Java queries.
    queries: Vec<Vec<std::cell::OnceCell<Result<SyntaxQuery, String>>>>,
    /// Each taint rule's compiled form per language, compiled on its first file.
    taints: Vec<Vec<std::cell::OnceCell<Result<TaintRule, String>>>>,
}

thread_local! {
    /// One engine per configuration (pack document) this instance runs, by the SDK's
    /// configuration handle: the host may run every built-in YAML pack in one instance.
    static ENGINES: RefCell<Vec<Option<Engine>>> = const { RefCell::new(Vec::new()) };
}

fn with_engine<R>(f: impl FnOnce(&Engine) -> R) -> Option<R> {
    let config = sentra_sdk::config() as usize;
    ENGINES.with(|e| e.borrow().get(config).and_then(Option::as_ref).map(f))
}

/// Patterns a rule hands the matcher. `required_pattern` and `must_contain_pattern`
/// run multi-line, so `^`/`$` match at line boundaries; `regex` patterns keep their own
/// flags.
fn rule_patterns(rule: &RuleSpec) -> Vec<String> {
    use sentra_pack_format::FilePolicy;
    match &rule.check {
        RuleCheck::Regex { pattern, .. } => vec![pattern.clone()],
        RuleCheck::AllPatterns { patterns, .. } => patterns.clone(),
        RuleCheck::RequiredPattern { pattern } | RuleCheck::FilePolicy { policy: FilePolicy::MustContainPattern { pattern } } => {
            vec![format!("(?m){pattern}")]
        }
        // Not matched for findings: the file's context, then the former regex that
        // re-anchors a finding (see `Engine::query_patterns`).
        RuleCheck::Query { fingerprint_pattern, file_context, .. } => file_context.iter().chain(fingerprint_pattern).cloned().collect(),
        _ => Vec::new(),
    }
}

struct Declarative;

impl Pack for Declarative {
    fn configure(settings: &str) -> Result<(), Vec<String>> {
        let doc: PackDocument = serde_json::from_str(settings).map_err(|e| vec![format!("the pack document is not valid: {e}")])?;
        let mut all = Vec::new();
        let patterns = doc
            .rules
            .iter()
            .map(|r| {
                rule_patterns(r)
                    .into_iter()
                    .map(|p| {
                        all.push(p);
                        (all.len() - 1) as u32
                    })
                    .collect()
            })
            .collect();
        let matcher = compile(&all).map_err(|e| e.message);
        let by_id = doc.rules.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
        let queries = doc
            .rules
            .iter()
            .map(|r| {
                let n = match &r.check {
                    RuleCheck::Query { other_languages, .. } => 1 + other_languages.len(),
                    _ => 0,
                };
                (0..n).map(|_| std::cell::OnceCell::new()).collect()
            })
            .collect();
        let taints = doc
            .rules
            .iter()
            .map(|r| {
                let n = if let RuleCheck::Taint { languages, .. } = &r.check { languages.len() } else { 0 };
                (0..n).map(|_| std::cell::OnceCell::new()).collect()
            })
            .collect();
        let config = sentra_sdk::config() as usize;
        ENGINES.with(|e| {
            let mut engines = e.borrow_mut();
            if engines.len() <= config {
                engines.resize_with(config + 1, || None);
            }
            engines[config] = Some(Engine { doc, by_id, patterns, matcher, queries, taints });
        });
        Ok(())
    }

    fn info() -> PackMeta {
        with_engine(|e| {
            let d = &e.doc;
            let meta = PackMeta::new(d.pack_id.as_deref().unwrap_or("declarative"), &d.name).version(&d.version).description(&d.description);
            match &d.license {
                Some(l) => meta.license(l),
                None => meta,
            }
        })
        .unwrap_or_else(|| PackMeta::new("declarative", "Declarative engine (unconfigured)"))
    }

    fn rules() -> Vec<Rule> {
        with_engine(|e| e.doc.rules.iter().map(to_sdk_rule).collect()).unwrap_or_default()
    }

    fn check(rule: &Rule, file: &File<'_>, out: &mut Findings) {
        with_engine(|e| {
            let Some(&i) = e.by_id.get(rule.id()) else { return };
            let rule = &e.doc.rules[i];
            if let RuleCheck::Query { language, query, other_languages, .. } = &rule.check {
                if !e.in_context(i, file) {
                    return;
                }
                // The entry of the file's language; the rule's own query otherwise.
                let ext = file.path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
                let entry = other_languages.iter().position(|o| o.extensions.contains(&ext));
                let (language, query) = entry.map_or((language, query), |j| (&other_languages[j].language, &other_languages[j].query));
                let cell = &e.queries[i][entry.map_or(0, |j| j + 1)];
                let q = cell.get_or_init(|| compile_query(language, query).map_err(|e| e.message));
                run_query(rule, language, q, file, out);
                return e.keep_fingerprints(i, file, out);
            }
            if let RuleCheck::Taint { .. } = &rule.check {
                return e.run_taint(i, file, out);
            }
            e.check(&e.doc.rules[i], &e.patterns[i], file, out);
        });
    }

    fn check_project(_rule: &Rule, _project: &Project, out: &mut Findings) {
        // Obligations and required files are project-level. The host already checked
        // `applies_when`, and asks about a required file only when no file shows it.
        out.report_line(1);
    }
}

fn to_sdk_rule(r: &RuleSpec) -> Rule {
    let base = match &r.check {
        RuleCheck::DocumentationObligation | RuleCheck::RequiredFile { .. } => Rule::project(&r.id, &r.name),
        // Query rules run here (not as SDK query rules) so `calls:` can filter matches.
        RuleCheck::Query { query, message, literals, .. } => {
            let rule = Rule::check(&r.id, &r.name).literals(literals.iter().cloned()).pattern(query);
            match message {
                Some(m) => rule.message(m),
                None => rule,
            }
        }
        RuleCheck::Taint { literals, .. } | RuleCheck::Regex { literals, .. } | RuleCheck::AllPatterns { literals, .. } => {
            Rule::check(&r.id, &r.name).literals(literals.iter().cloned())
        }
        _ => Rule::check(&r.id, &r.name),
    };
    let mut rule = base
        .kind(r.type_name())
        .description(&r.description)
        .severity(match r.severity {
            DocSeverity::Critical => Severity::Critical,
            DocSeverity::High => Severity::High,
            DocSeverity::Medium => Severity::Medium,
            DocSeverity::Low => Severity::Low,
            DocSeverity::Info => Severity::Info,
        })
        .globs(r.file_globs.iter().filter(|g| g.as_str() != "**/*").cloned())
        .exclude(r.exclude_globs.iter().cloned())
        .standard(&r.standard, &r.clause)
        .category(&r.category)
        .cwe(r.cwe.iter().cloned())
        .tags(r.tags.iter().cloned())
        .remediation(&r.remediation)
        .references(r.references.iter().cloned());
    match &r.check {
        RuleCheck::Regex { pattern, .. } | RuleCheck::RequiredPattern { pattern } | RuleCheck::RequiredFile { pattern: Some(pattern) } => {
            rule = rule.pattern(pattern)
        }
        RuleCheck::Unsupported { reason, .. } => rule = rule.skipped(reason),
        _ => {}
    }
    if let Some(a) = &r.applies_when {
        rule = rule.applies_when(Conditions {
            languages: a.languages.clone(),
            has_files: a.has_files.clone(),
            has_imports: a.has_imports.clone(),
            has_dependencies: a.has_dependencies.clone(),
            has_content: a.has_content.clone(),
        });
    }
    rule
}

impl Engine {
    /// Taint rule `i` on `file`: the entry of the file's language (by extension), compiled
    /// on first use; each flow is a finding at its sink.
    fn run_taint(&self, i: usize, file: &File<'_>, out: &mut Findings) {
        let RuleCheck::Taint { languages, sources, sinks, sanitizers, propagators, unknown_calls_propagate, .. } = &self.doc.rules[i].check else {
            return;
        };
        let ext = file.path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let Some(j) = languages.iter().position(|l| l.extensions.contains(&ext)).or((languages.len() == 1).then_some(0)) else { return };
        let list = |v: &[TaintEntry]| -> Vec<TaintPattern> {
            v.iter()
                .map(|e| match e {
                    TaintEntry::Code(c) => TaintPattern::Code(c.clone()),
                    TaintEntry::Query(q) => TaintPattern::Query(q.clone()),
                })
                .collect()
        };
        let rule = self.taints[i][j].get_or_init(|| {
            let spec = TaintSpec {
                language: languages[j].language.clone(),
                sources: list(sources),
                sinks: list(sinks),
                sanitizers: list(sanitizers),
                propagators: list(propagators),
                unknown_calls_propagate: *unknown_calls_propagate,
            };
            compile_taint(&spec).map_err(|e| e.message)
        });
        match rule {
            Ok(rule) => report_flows(rule, file, out),
            Err(e) => out.error(e.clone()),
        }
    }

    /// Query rule `i`'s matcher patterns: its `file_context`, its `fingerprint_pattern`.
    fn query_patterns(&self, i: usize) -> (Option<u32>, Option<u32>) {
        let RuleCheck::Query { file_context, fingerprint_pattern, .. } = &self.doc.rules[i].check else { return (None, None) };
        let p = &self.patterns[i];
        let context = file_context.as_ref().and_then(|_| p.first().copied());
        let fingerprint = fingerprint_pattern.as_ref().and_then(|_| p.get(usize::from(file_context.is_some())).copied());
        (context, fingerprint)
    }

    /// Whether `file` has query rule `i`'s `file_context` (or the rule has none). A file
    /// without it is not parsed for the rule.
    fn in_context(&self, i: usize, file: &File<'_>) -> bool {
        let Some(pattern) = self.query_patterns(i).0 else { return true };
        let Ok(m) = self.matcher.as_ref() else { return false };
        m.find_all(file.id, &[pattern]).is_ok_and(|found| !found.matches.is_empty())
    }

    /// Gives each finding of query rule `i` on a line where the rule's `fingerprint_pattern`
    /// matches that match's span (in order, one match per finding), so the finding hashes
    /// the text it hashed as a regex rule and keeps its fingerprint.
    fn keep_fingerprints(&self, i: usize, file: &File<'_>, out: &mut Findings) {
        let Some(pattern) = self.query_patterns(i).1 else { return };
        if out.reported_mut().is_empty() {
            return;
        }
        // A failure here only costs the old fingerprint, never the finding.
        let Ok(found) = self.matcher.as_ref().map_err(|_| ()).and_then(|m| m.find_all(file.id, &[pattern]).map_err(|_| ())) else { return };
        let mut used = vec![false; found.matches.len()];
        for f in out.reported_mut() {
            let Some(j) = (0..found.matches.len()).find(|&j| !used[j] && found.matches[j].line == f.line) else { continue };
            used[j] = true;
            let m = &found.matches[j];
            (f.column, f.end_line, f.end_column) = (m.column, m.end_line, m.end_column);
        }
    }

    fn matcher(&self, out: &mut Findings) -> Option<&Matcher> {
        match &self.matcher {
            Ok(m) => Some(m),
            Err(e) => {
                out.error(e.clone());
                None
            }
        }
    }

    /// Matches of `patterns` in `file`, grouped per pattern; `None` after reporting an error.
    fn find(&self, file: &File<'_>, patterns: &[u32], out: &mut Findings) -> Option<Vec<Vec<RegexMatch>>> {
        let found = match self.matcher(out)?.find_all(file.id, patterns) {
            Ok(found) => found,
            Err(e) => {
                out.error(e.message);
                return None;
            }
        };
        if let Some(e) = found.errors.into_iter().next() {
            out.error(e.message);
            return None;
        }
        let mut grouped = vec![Vec::new(); patterns.len()];
        for m in found.matches {
            if let Some(slot) = patterns.iter().position(|&p| p == m.pattern) {
                grouped[slot].push(m);
            }
        }
        Some(grouped)
    }

    fn is_match(&self, file: &File<'_>, pattern: u32, out: &mut Findings) -> Option<bool> {
        match self.matcher(out)?.is_match(file.id, pattern) {
            Ok(b) => Some(b),
            Err(e) => {
                out.error(e.message);
                None
            }
        }
    }

    fn check(&self, rule: &RuleSpec, patterns: &[u32], file: &File<'_>, out: &mut Findings) {
        match &rule.check {
            RuleCheck::Regex { .. } => {
                let Some(groups) = self.find(file, patterns, out) else { return };
                for m in &groups[0] {
                    report_match(rule, file, m, out);
                }
            }
            RuleCheck::AllPatterns { within_lines, .. } => {
                let Some(groups) = self.find(file, patterns, out) else { return };
                if groups.iter().any(Vec::is_empty) {
                    return;
                }
                match within_lines {
                    None => out.report_line(1),
                    Some(n) => {
                        let lines: Vec<Vec<u32>> = groups.iter().map(|g| g.iter().map(|m| m.line).collect()).collect();
                        if let Some(line) = earliest_window(&lines, *n) {
                            out.report_line(line);
                        }
                    }
                }
            }
            RuleCheck::RequiredPattern { .. } => {
                if self.is_match(file, patterns[0], out) == Some(false) {
                    out.report_line(1);
                }
            }
            RuleCheck::FilePolicy { policy } => {
                let has_pattern = |out: &mut Findings| patterns.first().and_then(|&p| self.is_match(file, p, out));
                policy::check(policy, file, has_pattern, out);
            }
            RuleCheck::Ast { check } => python::check(check, file, out),
            RuleCheck::DocumentationObligation
            | RuleCheck::RequiredFile { .. }
            | RuleCheck::Unsupported { .. }
            | RuleCheck::Query { .. }
            | RuleCheck::Taint { .. } => {}
        }
    }
}

/// Reports a query rule's captures, keeping only calls that resolve to `calls:` when set.
fn run_query(rule: &RuleSpec, language: &str, query: &Result<SyntaxQuery, String>, file: &File<'_>, out: &mut Findings) {
    let RuleCheck::Query { report, calls, .. } = &rule.check else { return };
    let query = match query {
        Ok(q) => q,
        Err(e) => return out.error(e.clone()),
    };
    let resolver = imports::Resolver::new(file, language);
    // `calls:` resolves Python and Java imports; entries in other languages match by text.
    let resolves = matches!(language, "python" | "java");
    let keep = |names: &[String], m: &sentra_sdk::syntax::QueryMatch| {
        if calls.is_empty() || !resolves {
            return true;
        }
        let Some(i) = names.iter().position(|n| n == "callee") else { return false };
        // A pattern without a `@callee` (`Math.random()` beside `new Random()`) is not filtered.
        let Some(capture) = m.captures.iter().find(|c| c.index == i as u32) else { return true };
        capture.node.text.as_deref().is_some_and(|callee| resolver.resolves_to(callee, calls))
    };
    report_captures(query, report.as_deref(), file, out, !calls.is_empty(), &keep);
}

/// The first line `s` at which some pattern matches such that every pattern has a match
/// on a line in `s..s + n`.
fn earliest_window(lines: &[Vec<u32>], n: u32) -> Option<u32> {
    let mut starts: Vec<u32> = lines.iter().flatten().copied().collect();
    starts.sort_unstable();
    starts.dedup();
    starts.into_iter().find(|&s| lines.iter().all(|l| l.iter().any(|&x| x >= s && x < s.saturating_add(n))))
}

fn report_match(rule: &RuleSpec, file: &File<'_>, m: &RegexMatch, out: &mut Findings) {
    let message = out.message().to_string();
    let Some(autofix) = &rule.autofix else {
        out.report_match(m);
        return;
    };
    match autofix.kind {
        AutofixKind::ReplaceMatch => {
            let fix = Fix { description: format!("Replace with `{}`", autofix.replacement), replacement: autofix.replacement.clone() };
            out.report_with(m.line, m.column, m.end_line, m.end_column, message, Some(fix));
        }
        AutofixKind::RemoveLine | AutofixKind::CommentOut => {
            // The fix rewrites the whole line, so the finding spans it.
            let text = file.text();
            let line = text.lines().nth(m.line as usize - 1).unwrap_or("");
            let line = line.strip_suffix('\r').unwrap_or(line);
            let end_column = line.chars().count() as u32 + 1;
            let fix = if autofix.kind == AutofixKind::RemoveLine {
                Fix { description: "Remove the line".into(), replacement: String::new() }
            } else {
                Fix { description: "Comment out the line".into(), replacement: comment_out(file.path, line) }
            };
            out.report_with(m.line, 1, m.line, end_column, message, Some(fix));
        }
    }
}

/// `line` commented out in the syntax `path`'s extension implies, indentation kept.
fn comment_out(path: &str, line: &str) -> String {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    let indent_len = line.len() - line.trim_start().len();
    let (indent, rest) = line.split_at(indent_len);
    match ext.as_str() {
        "py" | "sh" | "bash" | "rb" | "yaml" | "yml" | "toml" | "r" | "pl" | "tf" | "cfg" | "ini" | "conf" | "ps1" => {
            format!("{indent}# {rest}")
        }
        "sql" | "lua" | "hs" => format!("{indent}-- {rest}"),
        "html" | "xml" | "md" | "vue" | "svelte" => format!("{indent}<!-- {rest} -->"),
        "css" => format!("{indent}/* {rest} */"),
        _ => format!("{indent}// {rest}"),
    }
}

sentra_sdk::export_pack!(Declarative);
