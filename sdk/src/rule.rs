//! Builders for pack metadata and rules.

use crate::bindings::sentra::pack::types::{self as wit, Conditions, Severity};

/// Pack metadata returned by `describe`.
#[derive(Clone, Debug)]
pub struct PackMeta {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) description: String,
    pub(crate) license: String,
}

impl PackMeta {
    pub fn new(id: &str, name: &str) -> Self {
        Self { id: id.into(), name: name.into(), version: "0.1.0".into(), description: String::new(), license: "NOASSERTION".into() }
    }
    pub fn version(mut self, v: &str) -> Self {
        self.version = v.into();
        self
    }
    pub fn description(mut self, d: &str) -> Self {
        self.description = d.into();
        self
    }
    /// SPDX license expression of the pack's rules.
    pub fn license(mut self, l: &str) -> Self {
        self.license = l.into();
        self
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RuleKind {
    /// One finding per match of the pattern.
    Regex(String),
    /// Hand-written per-file check, run by `Pack::check`.
    Check,
    /// Hand-written project-level check, run by `Pack::check_project`.
    Project,
    /// A tree-sitter query run by the host: one finding per line at the reported node.
    Query { language: String, query: String, report: Option<String> },
}

/// One rule of a pack.
#[derive(Clone, Debug)]
pub struct Rule {
    pub(crate) kind: RuleKind,
    pub(crate) info: wit::Rule,
    pub(crate) message: Option<String>,
    pub(crate) defer_to: Vec<String>,
}

impl Rule {
    fn base(id: &str, name: &str, kind: RuleKind, kind_name: &str) -> Self {
        let pattern = match &kind {
            RuleKind::Regex(p) => Some(p.clone()),
            _ => None,
        };
        Self {
            kind,
            info: wit::Rule {
                id: id.into(),
                name: name.into(),
                description: String::new(),
                kind: kind_name.into(),
                severity: Severity::Medium,
                file_globs: Vec::new(),
                exclude_globs: Vec::new(),
                standard: String::new(),
                clause: String::new(),
                category: "code".into(),
                cwe: Vec::new(),
                tags: Vec::new(),
                remediation: String::new(),
                references: Vec::new(),
                required_literals: Vec::new(),
                pattern,
                project_level: kind_name == "project",
                applies_when: None,
                skipped: None,
            },
            message: None,
            defer_to: Vec::new(),
        }
    }

    /// A rule that reports every match of `pattern` (host regex syntax).
    pub fn regex(id: &str, name: &str, pattern: &str) -> Self {
        Self::base(id, name, RuleKind::Regex(pattern.into()), "regex")
    }
    /// A rule implemented by [`crate::Pack::check`].
    pub fn check(id: &str, name: &str) -> Self {
        Self::base(id, name, RuleKind::Check, "check")
    }
    /// A project-level rule implemented by [`crate::Pack::check_project`].
    pub fn project(id: &str, name: &str) -> Self {
        Self::base(id, name, RuleKind::Project, "project")
    }
    /// A rule that reports what a tree-sitter `query` for `language` captures: every
    /// captured node, or only the capture named by [`Rule::report`]; one finding per line.
    /// A [`Rule::message`] may name captures as `{{name}}`.
    pub fn query(id: &str, name: &str, language: &str, query: &str) -> Self {
        let mut rule = Self::base(id, name, RuleKind::Query { language: language.into(), query: query.into(), report: None }, "ast");
        rule.info.pattern = Some(query.into());
        rule
    }
    /// For a [`Rule::query`] rule: the capture (without `@`) whose node is the finding.
    pub fn report(mut self, capture: &str) -> Self {
        if let RuleKind::Query { report, .. } = &mut self.kind {
            *report = Some(capture.into());
        }
        self
    }

    pub fn id(&self) -> &str {
        &self.info.id
    }
    pub fn name(&self) -> &str {
        &self.info.name
    }

    pub fn description(mut self, d: &str) -> Self {
        self.info.description = d.into();
        self
    }
    pub fn severity(mut self, s: Severity) -> Self {
        self.info.severity = s;
        self
    }
    /// File globs; several may be given separated by commas.
    pub fn globs(mut self, g: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.info.file_globs = g.into_iter().map(Into::into).collect();
        self
    }
    pub fn exclude(mut self, g: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.info.exclude_globs = g.into_iter().map(Into::into).collect();
        self
    }
    /// Literals (ASCII case-insensitive) at least one of which every match contains.
    pub fn literals(mut self, l: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.info.required_literals = l.into_iter().map(Into::into).collect();
        self
    }
    pub fn standard(mut self, standard: &str, clause: &str) -> Self {
        self.info.standard = standard.into();
        self.info.clause = clause.into();
        self
    }
    pub fn category(mut self, c: &str) -> Self {
        self.info.category = c.into();
        self
    }
    pub fn cwe(mut self, c: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.info.cwe = c.into_iter().map(Into::into).collect();
        self
    }
    pub fn tags(mut self, t: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.info.tags = t.into_iter().map(Into::into).collect();
        self
    }
    pub fn remediation(mut self, r: &str) -> Self {
        self.info.remediation = r.into();
        self
    }
    pub fn references(mut self, r: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.info.references = r.into_iter().map(Into::into).collect();
        self
    }
    /// Drops this rule's finding on a line where one of `rules` (more specific rules of
    /// the same pack) also fired, so a generic rule does not repeat a specific one.
    pub fn defer_to(mut self, rules: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.defer_to = rules.into_iter().map(Into::into).collect();
        self
    }
    /// The rule type shown in listings (`regex`, `check`, `file_policy`, ...); a kind of
    /// `documentation_obligation` marks findings that never fail the gate.
    pub fn kind(mut self, kind: &str) -> Self {
        self.info.kind = kind.into();
        self
    }
    /// Runs the rule only on projects meeting `conditions` (evaluated by the host).
    pub fn applies_when(mut self, conditions: Conditions) -> Self {
        self.info.applies_when = Some(conditions);
        self
    }
    /// Marks the rule as one this pack cannot evaluate; the host lists it as skipped.
    pub fn skipped(mut self, reason: &str) -> Self {
        self.info.skipped = Some(reason.into());
        self
    }
    /// The informational pattern shown in listings for a rule that is not a plain regex.
    pub fn pattern(mut self, pattern: &str) -> Self {
        self.info.pattern = Some(pattern.into());
        self
    }
    /// The finding message; defaults to `"<name>: <description>"`.
    pub fn message(mut self, m: &str) -> Self {
        self.message = Some(m.into());
        self
    }

    /// The message of this rule's findings: its own, or "name: description", never saying
    /// the same thing twice (a description equal to the name, or one that starts with it,
    /// stands alone).
    pub(crate) fn finding_message(&self) -> String {
        let (name, description) = (self.info.name.trim(), self.info.description.trim());
        let key = |s: &str| s.trim_end_matches('.').to_lowercase();
        match &self.message {
            Some(m) => m.clone(),
            None if description.is_empty() || key(description) == key(name) => name.to_string(),
            None if key(description).starts_with(&key(name)) => description.to_string(),
            None => format!("{name}: {description}"),
        }
    }
}
