//! The glue between the generated bindings and a [`Pack`]: per-instance state, one host
//! matcher holding every regex rule's pattern, and the dispatch of rules to files.

use std::cell::{Cell, RefCell};

use crate::bindings::sentra::pack::host::{self, Matcher, PatternError, SyntaxError, SyntaxQuery};
use crate::bindings::sentra::pack::types::{self as wit, Finding, RuleError, ScanOutput};
use crate::rule::{Rule, RuleKind};
use crate::{Fix, Pack, RegexMatch};

struct State {
    rules: Vec<Rule>,
    /// `pattern_of[i]` is the matcher index of rule `i`'s pattern, if it is a regex rule.
    pattern_of: Vec<Option<u32>>,
    matcher: Result<Matcher, PatternError>,
    /// `queries[i]`: rule `i`'s compiled syntax query, if it is a query rule.
    queries: Vec<Option<Result<SyntaxQuery, SyntaxError>>>,
    /// `messages[i]`: rule `i`'s finding message, made once (every rule run on every file
    /// starts a `Findings` with it).
    messages: Vec<String>,
}

thread_local! {
    /// One state per configuration, by handle (see [`config`]).
    static STATE: RefCell<Vec<Option<State>>> = const { RefCell::new(Vec::new()) };
    /// The configuration the current call is for.
    static CONFIG: Cell<u32> = const { Cell::new(0) };
    /// Configurations added so far: the next `add` gets this handle.
    static CONFIGS: Cell<u32> = const { Cell::new(0) };
}

/// The configuration the current call runs for: 0 in an instance configured once (the
/// usual case), the handle `engine.add` returned when the host runs several of this
/// pack's configurations in one instance. A pack that takes settings keeps what
/// [`Pack::configure`] made per configuration, indexed by this.
pub fn config() -> u32 {
    CONFIG.with(Cell::get)
}

/// Implements `scanner.configure`: the instance's configuration 0.
pub fn configure<P: Pack>(settings: &str) -> Result<(), Vec<String>> {
    CONFIG.with(|c| c.set(0));
    P::configure(settings)?;
    CONFIGS.with(|n| n.set(n.get().max(1)));
    Ok(())
}

/// Implements `engine.add`: configures a new configuration and returns its handle. A
/// refused one takes no handle.
pub fn add<P: Pack>(settings: &str) -> Result<u32, Vec<String>> {
    let handle = CONFIGS.with(Cell::get);
    CONFIG.with(|c| c.set(handle));
    P::configure(settings)?;
    CONFIGS.with(|n| n.set(handle + 1));
    Ok(handle)
}

/// Makes `handle` the configuration of the calls that follow (`engine.describe`,
/// `engine.scan`, `engine.scan-project`).
pub fn select(handle: u32) {
    CONFIG.with(|c| c.set(handle));
}

fn new_state<P: Pack>() -> State {
    let rules = P::rules();
    let mut patterns = Vec::new();
    let pattern_of = rules
        .iter()
        .map(|r| match &r.kind {
            RuleKind::Regex(p) => {
                patterns.push(p.clone());
                Some((patterns.len() - 1) as u32)
            }
            _ => None,
        })
        .collect();
    let matcher = host::compile(&patterns);
    let queries = rules
        .iter()
        .map(|r| match &r.kind {
            RuleKind::Query { language, query, .. } => Some(host::compile_query(language, query)),
            _ => None,
        })
        .collect();
    let messages = rules.iter().map(Rule::finding_message).collect();
    State { rules, pattern_of, matcher, queries, messages }
}

fn with_state<P: Pack, R>(f: impl FnOnce(&State) -> R) -> R {
    let config = config() as usize;
    STATE.with(|cell| {
        let mut states = cell.borrow_mut();
        if states.len() <= config {
            states.resize_with(config + 1, || None);
        }
        f(states[config].get_or_insert_with(new_state::<P>))
    })
}

/// Implements `describe` for pack `P`.
pub fn describe<P: Pack>() -> wit::PackInfo {
    let meta = P::info();
    with_state::<P, _>(|s| wit::PackInfo {
        id: meta.id,
        name: meta.name,
        version: meta.version,
        description: meta.description,
        license: meta.license,
        rules: s.rules.iter().map(|r| r.info.clone()).collect(),
    })
}

/// A file being scanned.
pub struct File<'a> {
    pub id: u32,
    pub path: &'a str,
    pub contents: &'a [u8],
}

impl File<'_> {
    /// The contents as text, with invalid UTF-8 replaced. (`from_utf8` first: it checks
    /// valid text several times faster than the lossy conversion.)
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        std::str::from_utf8(self.contents).map_or_else(|_| String::from_utf8_lossy(self.contents), std::borrow::Cow::Borrowed)
    }
}

/// What a scan knows about the whole project.
pub struct Project {
    pub files: Vec<String>,
}

/// Collects findings for one rule.
pub struct Findings {
    rule_id: String,
    message: String,
    file: u32,
    out: Vec<Finding>,
    errors: Vec<String>,
}

impl Findings {
    fn new(rule: &Rule, message: &str, file: u32) -> Self {
        Self { rule_id: rule.info.id.clone(), message: message.to_string(), file, out: Vec::new(), errors: Vec::new() }
    }

    /// The rule's default message, `"<name>: <description>"` unless the rule sets one.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Records that the rule could not be evaluated on this file (the host reports it as
    /// a rule error; the scan goes on).
    pub fn error(&mut self, message: impl Into<String>) {
        self.errors.push(message.into());
    }

    /// Reports a finding spanning `line:column` to `end_line:end_column` (1-based,
    /// end exclusive) with the rule's default message.
    pub fn report(&mut self, line: u32, column: u32, end_line: u32, end_column: u32) {
        let message = self.message.clone();
        self.report_with(line, column, end_line, end_column, message, None);
    }
    /// Reports a finding at a whole line with the rule's default message.
    pub fn report_line(&mut self, line: u32) {
        self.report(line, 1, line, 1);
    }
    /// Reports a finding with its own message and an optional fix.
    pub fn report_with(&mut self, line: u32, column: u32, end_line: u32, end_column: u32, message: String, fix: Option<Fix>) {
        self.out.push(Finding { rule_id: self.rule_id.clone(), file: self.file, line, column, end_line, end_column, message, fix });
    }
    /// The findings reported so far for this rule and file, to adjust before they are
    /// returned (re-anchoring a finding's span, say).
    pub fn reported_mut(&mut self) -> &mut [Finding] {
        &mut self.out
    }
    /// Reports a host regex match.
    pub fn report_match(&mut self, m: &RegexMatch) {
        self.report(m.line, m.column, m.end_line, m.end_column);
    }
}

/// Implements `scan` for pack `P`.
pub fn scan<P: Pack>(files: Vec<wit::SourceFile>) -> ScanOutput {
    with_state::<P, _>(|s| {
        let mut findings = Vec::new();
        let mut errors = Vec::new();
        for f in &files {
            let file = File { id: f.id, path: &f.path, contents: &f.contents };
            let mut regex_rules: Vec<(usize, u32)> = Vec::new();
            for &ri in &f.rules {
                let Some(rule) = s.rules.get(ri as usize) else { continue };
                match &rule.kind {
                    RuleKind::Regex(_) => {
                        if let Some(p) = s.pattern_of[ri as usize] {
                            regex_rules.push((ri as usize, p));
                        }
                    }
                    RuleKind::Check => {
                        let mut out = Findings::new(rule, &s.messages[ri as usize], f.id);
                        P::check(rule, &file, &mut out);
                        findings.append(&mut out.out);
                        errors.extend(out.errors.into_iter().map(|message| RuleError { rule_id: rule.info.id.clone(), message }));
                    }
                    RuleKind::Query { report, .. } => {
                        let mut out = Findings::new(rule, &s.messages[ri as usize], f.id);
                        match &s.queries[ri as usize] {
                            Some(Ok(q)) => crate::query::report(q, report.as_deref(), &file, &mut out),
                            Some(Err(e)) => out.error(e.message.clone()),
                            None => {}
                        }
                        findings.append(&mut out.out);
                        errors.extend(out.errors.into_iter().map(|message| RuleError { rule_id: rule.info.id.clone(), message }));
                    }
                    RuleKind::Project => {}
                }
            }
            if regex_rules.is_empty() {
                continue;
            }
            let matcher = match &s.matcher {
                Ok(m) => m,
                Err(e) => {
                    // Every regex rule of the pack shares the one matcher, so all of them fail.
                    for (ri, _) in &regex_rules {
                        errors.push(RuleError { rule_id: s.rules[*ri].info.id.clone(), message: e.message.clone() });
                    }
                    continue;
                }
            };
            let patterns: Vec<u32> = regex_rules.iter().map(|(_, p)| *p).collect();
            let rule_of = |pattern: u32| regex_rules.iter().find(|(_, p)| *p == pattern).map(|(ri, _)| (*ri, &s.rules[*ri]));
            match matcher.find_all(f.id, &patterns) {
                Ok(found) => {
                    for m in found.matches {
                        if let Some((ri, rule)) = rule_of(m.pattern)
                            && P::keep_match(rule, &file, &m)
                        {
                            let mut out = Findings::new(rule, &s.messages[ri], f.id);
                            out.report_match(&m);
                            findings.append(&mut out.out);
                        }
                    }
                    for e in found.errors {
                        if let Some((_, rule)) = rule_of(e.pattern) {
                            errors.push(RuleError { rule_id: rule.info.id.clone(), message: e.message });
                        }
                    }
                }
                Err(e) => {
                    for (ri, _) in &regex_rules {
                        errors.push(RuleError { rule_id: s.rules[*ri].info.id.clone(), message: e.message.clone() });
                    }
                }
            }
        }
        apply_deferrals(&s.rules, &mut findings);
        ScanOutput { findings, errors }
    })
}

/// Removes findings of rules that defer to another rule firing on the same file and line.
fn apply_deferrals(rules: &[Rule], findings: &mut Vec<Finding>) {
    if rules.iter().all(|r| r.defer_to.is_empty()) {
        return;
    }
    let fired: Vec<(u32, u32, String)> = findings.iter().map(|f| (f.file, f.line, f.rule_id.clone())).collect();
    findings.retain(|f| {
        let Some(rule) = rules.iter().find(|r| r.info.id == f.rule_id) else { return true };
        !fired.iter().any(|(file, line, id)| *file == f.file && *line == f.line && rule.defer_to.contains(id))
    });
}

/// Implements `scan-project` for pack `P`.
pub fn scan_project<P: Pack>(project: wit::Project) -> ScanOutput {
    let wanted = project.rules;
    let project = Project { files: project.files };
    with_state::<P, _>(|s| {
        let (mut findings, mut errors) = (Vec::new(), Vec::new());
        let selected = wanted.iter().filter_map(|&i| Some((i as usize, s.rules.get(i as usize)?)));
        for (ri, rule) in selected.filter(|(_, r)| r.kind == RuleKind::Project) {
            let mut out = Findings::new(rule, &s.messages[ri], 0);
            P::check_project(rule, &project, &mut out);
            findings.append(&mut out.out);
            errors.extend(out.errors.into_iter().map(|message| RuleError { rule_id: rule.info.id.clone(), message }));
        }
        ScanOutput { findings, errors }
    })
}
