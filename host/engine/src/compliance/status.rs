//! One rule's status in a compliance report, from what the scan did: its findings, the
//! files in its scope, and everything that could hide a result.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use sentra_model::compliance::{Attestation, ClauseStatus, Evidence, MAX_EVIDENCE_PER_RULE, RuleStatus};
use sentra_runtime::RuleInfo;

use crate::Config;
use crate::glob::checked_set as glob_set;
use crate::scan::ScanResult;
use crate::scan::presence::REQUIRED_FILE;

/// What the scan says about one pack's rules, gathered once per report.
pub(super) struct Facts<'a> {
    pack_id: &'a str,
    /// Finding locations by rule, in the scan's order.
    findings: BTreeMap<&'a str, Vec<Evidence>>,
    suppressed: BTreeMap<&'a str, usize>,
    rule_errors: BTreeMap<&'a str, usize>,
    not_applicable: HashSet<&'a str>,
    disabled: HashSet<&'a str>,
    /// The pack's error, and the rules it names (none: every rule of the pack).
    errored: Option<(&'a str, &'a [String])>,
    files: &'a [(String, PathBuf, u64)],
    config: &'a Config,
    root: &'a std::path::Path,
    approvals: &'a BTreeMap<String, Attestation>,
}

fn of_pack<'a>(pack_id: &str, qualified: &'a [String]) -> HashSet<&'a str> {
    qualified.iter().filter_map(|r| r.strip_prefix(pack_id).and_then(|r| r.strip_prefix('/'))).collect()
}

impl<'a> Facts<'a> {
    pub(super) fn of(
        pack_id: &'a str,
        result: &'a ScanResult,
        files: &'a [(String, PathBuf, u64)],
        config: &'a Config,
        root: &'a std::path::Path,
        approvals: &'a BTreeMap<String, Attestation>,
    ) -> Self {
        let mut findings: BTreeMap<&str, Vec<Evidence>> = BTreeMap::new();
        for f in result.findings.iter().filter(|f| f.pack_id == pack_id) {
            findings.entry(f.rule_id.as_str()).or_default().push(Evidence::from(f));
        }
        let mut suppressed: BTreeMap<&str, usize> = BTreeMap::new();
        for s in result.suppressed.iter().filter(|s| s.finding.pack_id == pack_id) {
            *suppressed.entry(s.finding.rule_id.as_str()).or_default() += 1;
        }
        let mut rule_errors: BTreeMap<&str, usize> = BTreeMap::new();
        for e in result.rule_errors.iter().filter(|e| e.pack_id == pack_id) {
            *rule_errors.entry(e.rule_id.as_str()).or_default() += 1;
        }
        let errored = result.errored_packs.iter().find(|e| e.pack_id == pack_id).map(|e| (e.message.as_str(), e.rules.as_slice()));
        Self {
            pack_id,
            findings,
            suppressed,
            rule_errors,
            not_applicable: of_pack(pack_id, &result.not_applicable_rules),
            disabled: of_pack(pack_id, &result.disabled_rules),
            errored,
            files,
            config,
            root,
            approvals,
        }
    }

    pub(super) fn rule_status(&self, rule: &RuleInfo) -> RuleStatus {
        let description = if rule.description.is_empty() { rule.remediation.clone() } else { rule.description.clone() };
        let mut status = RuleStatus::new(rule.id.clone(), rule.name.clone(), rule.kind.clone(), description);
        let id = rule.id.as_str();
        if let Some(reason) = &rule.skipped {
            return with(status, ClauseStatus::NotAssessed, format!("not run: {reason}"));
        }
        if self.not_applicable.contains(id) {
            return with(status, ClauseStatus::NotApplicable, "its conditions (`applies_when`) do not hold for this project".into());
        }
        if self.disabled.contains(id) {
            return with(status, ClauseStatus::NotAssessed, "turned off by `pack_overrides` in the settings".into());
        }
        if rule.project_level && rule.kind == "documentation_obligation" {
            return self.obligation(status);
        }
        if let Some(found) = self.findings.get(id) {
            status.findings = found.len();
            status.locations = found.iter().take(MAX_EVIDENCE_PER_RULE).cloned().collect();
        }
        let scope = Scope::of(rule, self.files, self.config);
        let presence = rule.kind == REQUIRED_FILE;
        status.files_assessed = if rule.project_level && !presence { self.files.len() } else { scope.assessed.len() };
        status.notes = self.hidden(id, &scope);
        if presence && status.findings > 0 {
            status.notes.push(scope.missing(rule));
        }
        status.status = if status.findings > 0 {
            ClauseStatus::Failing
        } else if !status.notes.is_empty() {
            ClauseStatus::NotAssessed
        } else if status.files_assessed == 0 {
            status.notes.push(scope.nothing_in_scope(rule));
            ClauseStatus::NotAssessed
        } else {
            ClauseStatus::Passing
        };
        if status.status == ClauseStatus::Passing && (presence || rule.kind == "required_pattern") {
            (status.evidence, status.evidence_total) = scope.evidence(rule, self.config);
        }
        status
    }

    /// Whether something could hide a result of `rule`: the same causes as
    /// [`Self::hidden`], and turned off by the settings.
    pub(super) fn hides(&self, rule: &RuleInfo) -> bool {
        self.disabled.contains(rule.id.as_str()) || !self.hidden(&rule.id, &Scope::of(rule, self.files, self.config)).is_empty()
    }

    /// An obligation is open until attested: by an approval recorded through the approvals
    /// API (someone other than the requester approved it), or by a document of the
    /// project's own that the settings name (`attestations`) and that exists.
    fn obligation(&self, status: RuleStatus) -> RuleStatus {
        if let Some(approval) = self.approvals.get(&format!("{}/{}", self.pack_id, status.id)) {
            let note = format!("attested through the approvals API by {} at {}", approval.by, approval.at.as_deref().unwrap_or("an unrecorded time"));
            let mut status = with(status, ClauseStatus::Passing, note);
            status.attestation = Some(approval.clone());
            return status;
        }
        let Some(document) = self.config.attestations.get(&status.id) else {
            return with(status, ClauseStatus::Open, "an obligation: open until attested (`attestations` in the settings)".into());
        };
        // A regular file inside the tree: not a link, and not reached through a linked
        // directory (its existence would say something about a file elsewhere).
        let path = self.root.join(document);
        let inside = path.canonicalize().ok().zip(self.root.canonicalize().ok()).is_some_and(|(p, r)| p.starts_with(r));
        let present = inside && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
        if !present {
            return with(status, ClauseStatus::Open, format!("the attesting document `{document}` is missing"));
        }
        let mut status = with(status, ClauseStatus::Passing, format!("self-attested by the project's document `{document}`"));
        status.attestation = Some(Attestation { kind: "document".into(), by: document.clone(), at: None, self_attested: true });
        status
    }

    /// What could hide a result of rule `id`: each is a note, and makes the rule at best
    /// not assessed.
    fn hidden(&self, id: &str, scope: &Scope<'_>) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some((message, rules)) = self.errored
            && (rules.is_empty() || rules.iter().any(|r| r == id))
        {
            notes.push(format!("pack `{}` errored during the scan: {message}", self.pack_id));
        }
        if let Some(n) = self.rule_errors.get(id) {
            notes.push(format!("the rule could not be evaluated on {n} file(s) (see the scan's rule errors)"));
        }
        if let Some(n) = self.suppressed.get(id) {
            notes.push(format!("{n} finding(s) suppressed (see the scan's suppressed findings for the reasons)"));
        }
        if scope.too_large > 0 {
            notes.push(format!("{} file(s) in scope skipped as larger than `max_file_bytes` ({})", scope.too_large, self.config.max_file_bytes));
        }
        notes
    }
}

fn with(mut status: RuleStatus, s: ClauseStatus, note: String) -> RuleStatus {
    status.status = s;
    status.notes.push(note);
    status
}

/// The files a rule's globs select: those read, and those skipped as too large.
struct Scope<'a> {
    assessed: Vec<&'a (String, PathBuf, u64)>,
    too_large: usize,
}

impl<'a> Scope<'a> {
    fn of(rule: &RuleInfo, files: &'a [(String, PathBuf, u64)], config: &Config) -> Self {
        let (include, exclude) = (glob_set(&rule.file_globs), glob_set(&rule.exclude_globs));
        let mut scope = Scope { assessed: Vec::new(), too_large: 0 };
        for file in files {
            let rel = file.0.as_str();
            if (!rule.file_globs.is_empty() && !include.is_match(rel)) || exclude.is_match(rel) {
                continue;
            }
            if file.2 > config.max_file_bytes {
                scope.too_large += 1;
            } else {
                scope.assessed.push(file);
            }
        }
        scope
    }

    fn nothing_in_scope(&self, rule: &RuleInfo) -> String {
        if rule.file_globs.is_empty() {
            "no file was read".into()
        } else {
            format!("no file in scope: nothing matches {}", rule.file_globs.iter().map(|g| format!("`{g}`")).collect::<Vec<_>>().join(", "))
        }
    }

    /// Why a required file's control reads as missing.
    fn missing(&self, rule: &RuleInfo) -> String {
        const SHOWN: usize = 4;
        let mut globs = rule.file_globs.iter().take(SHOWN).map(|g| format!("`{g}`")).collect::<Vec<_>>().join(", ");
        if rule.file_globs.len() > SHOWN {
            globs.push_str(&format!(" or {} more globs", rule.file_globs.len() - SHOWN));
        }
        match (&rule.pattern, self.assessed.len()) {
            (Some(_), n) if n > 0 => format!("the control is missing: {n} file(s) match {globs}, none with the content the rule requires"),
            _ => format!("the control is missing: no file matches {globs}"),
        }
    }

    /// Where a required pattern or file is present: the first matching line of each file
    /// in scope (line 1 of each file, for a required file that needs no content).
    fn evidence(&self, rule: &RuleInfo, config: &Config) -> (Vec<Evidence>, usize) {
        let Some(pattern) = &rule.pattern else {
            let all: Vec<Evidence> = self.assessed.iter().map(|(rel, _, _)| Evidence { file: rel.clone(), line: 1 }).collect();
            return (all.iter().take(MAX_EVIDENCE_PER_RULE).cloned().collect(), all.len());
        };
        // Evidence is best effort: patterns PCRE2 alone can run are left without it.
        let Ok(re) = regex::RegexBuilder::new(pattern).multi_line(true).size_limit(1 << 22).build() else { return (Vec::new(), 0) };
        let mut out = Vec::new();
        let mut total = 0;
        for (rel, path, len) in &self.assessed {
            let Some(data) = crate::scan::load_file(path, *len, config.max_file_bytes, false) else { continue };
            let text = String::from_utf8_lossy(data.bytes());
            if let Some(m) = re.find(&text) {
                total += 1;
                if out.len() < MAX_EVIDENCE_PER_RULE {
                    let line = text[..m.start()].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
                    out.push(Evidence { file: rel.clone(), line });
                }
            }
        }
        (out, total)
    }
}

/// The status of other packs' rules cited for a clause (`evidence_from`): each cited rule's
/// status as its own pack's report would give it (`members`: the facts of each cited pack
/// that ran, with its rules the entry selects), then failing when any fails, not assessed
/// when anything could hide a result, passing when one passes, not applicable when none
/// applies.
pub(super) fn cited(source: &sentra_pack_format::EvidenceSource, members: &[(Facts<'_>, Vec<&RuleInfo>)]) -> RuleStatus {
    let mut status = RuleStatus::new(
        source.label(),
        source.name.clone(),
        "evidence_from".into(),
        format!("Findings of the rules `{}` of other packs evidence this clause.", source.label()),
    );
    if members.is_empty() {
        return with(status, ClauseStatus::NotAssessed, format!("no pack matching `{}` ran in this scan", source.pack));
    }
    let each: Vec<(RuleStatus, bool)> = members.iter().flat_map(|(facts, rules)| rules.iter().map(move |r| (facts.rule_status(r), facts.hides(r)))).collect();
    status.status = combine(each.iter().map(|(r, h)| (r.status, *h)));
    for (r, h) in &each {
        status.findings += r.findings;
        status.files_assessed = status.files_assessed.max(r.files_assessed);
        status.evidence_total += r.evidence_total;
        status.locations.extend(r.locations.iter().cloned());
        status.evidence.extend(r.evidence.iter().cloned());
        // Notes that explain the status: what failed and what hid a result. Rules for
        // languages the repository lacks are counted, not listed one by one.
        if *h || r.status == ClauseStatus::Failing {
            status.notes.extend(r.notes.iter().map(|n| format!("{}: {n}", r.id)));
        }
    }
    let unread = each.iter().filter(|(r, h)| !h && r.status == ClauseStatus::NotAssessed).count();
    if status.status == ClauseStatus::NotAssessed && unread > 0 {
        status.notes.push(format!("none of the {unread} cited rule(s) had a file in its scope (no file of the languages they read)"));
    }
    status.locations.truncate(MAX_EVIDENCE_PER_RULE);
    status.evidence.truncate(MAX_EVIDENCE_PER_RULE);
    if status.notes.len() > MAX_EVIDENCE_PER_RULE {
        let more = status.notes.len() - MAX_EVIDENCE_PER_RULE;
        status.notes.truncate(MAX_EVIDENCE_PER_RULE);
        status.notes.push(format!("and {more} more note(s)"));
    }
    if each.is_empty() {
        status.notes.push(format!("no rule of the packs that ran matches `{}`", source.label()));
    }
    status
}

/// The rules of `rules` an `evidence_from` entry selects: by id glob (none: every rule)
/// and by weakness (none: any).
pub(super) fn selected<'r>(source: &sentra_pack_format::EvidenceSource, rules: &'r [RuleInfo]) -> Vec<&'r RuleInfo> {
    let ids = glob_set(&source.rules);
    rules
        .iter()
        .filter(|r| source.rules.is_empty() || ids.is_match(&r.id))
        .filter(|r| source.cwe.is_empty() || r.cwe.iter().any(|c| source.cwe.contains(c)))
        .collect()
}

/// Whether pack id `id` is one an entry's `pack` (an id or a glob of them) names.
pub(super) fn names_pack(pattern: &str, id: &str) -> bool {
    if !pattern.contains('*') {
        return pattern == id;
    }
    globset::Glob::new(pattern).map(|g| g.compile_matcher().is_match(id)).unwrap_or(false)
}

/// The status of one check made of several rules (a rule and its language variants, or the
/// rules an `evidence_from` entry cites), from each rule's status and whether something
/// could hide its result: failing when any fails; not assessed when a result could be
/// hidden; passing when one read files and passed (rules for languages the repository
/// lacks count neither way); not applicable when none applies; open when one is open.
pub(super) fn combine(members: impl Iterator<Item = (ClauseStatus, bool)>) -> ClauseStatus {
    let members: Vec<(ClauseStatus, bool)> = members.collect();
    let any = |s: ClauseStatus| members.iter().any(|(m, _)| *m == s);
    if any(ClauseStatus::Failing) {
        ClauseStatus::Failing
    } else if members.iter().any(|(m, h)| *h && *m == ClauseStatus::NotAssessed) {
        ClauseStatus::NotAssessed
    } else if any(ClauseStatus::Passing) {
        ClauseStatus::Passing
    } else if !members.is_empty() && members.iter().all(|(m, _)| *m == ClauseStatus::NotApplicable) {
        ClauseStatus::NotApplicable
    } else if any(ClauseStatus::Open) {
        ClauseStatus::Open
    } else {
        ClauseStatus::NotAssessed
    }
}
