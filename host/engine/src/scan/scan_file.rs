//! The work on one file, run in parallel over files: consult the cache, read the file,
//! run the packs whose rules can match it, build findings and apply inline
//! `sentra-ignore` comments. The scan's file loop only calls [`FileScanner::scan_file`].

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use sentra_model::result::{MAX_SYNTAX_NOTES, SyntaxNote};
use sentra_runtime::{FileData, FileInput, RuleInfo, ScanOutput, Severity};

use super::file_cache::{Facts, FileCache, Lookup};
use super::finish::{errored, errored_with};
use super::held::{Held, SettledFindings, Settler};
use super::walk::{Candidate, Listing, Loaded, is_binary, is_generated};
use super::{ErroredPack, RuleErrorReport, SkippedFiles, Timer};
use crate::cache::Entry;
use crate::config::Config;
use crate::finding::{FileFindings, Finding, RuleMeta};
use crate::packs::PackSet;
use crate::suppress::SuppressedFinding;

/// The pack that still runs on generated files: a leaked credential is a leak wherever it is.
const PACKS_FOR_GENERATED: [&str; 1] = ["secrets"];

/// What the file loop gathers from all files.
#[derive(Default)]
pub(super) struct Shared {
    pub(super) held: Held,
    pub(super) suppressed: Vec<SuppressedFinding>,
    /// The first error of each errored pack.
    pub(super) errored: BTreeMap<String, ErroredPack>,
    pub(super) rule_errors: Vec<RuleErrorReport>,
    pub(super) skipped: SkippedFiles,
    pub(super) scanned: usize,
    /// Files whose syntax tree has errors (a syntax rule queried them).
    pub(super) syntax_errors: Vec<SyntaxNote>,
}

impl Shared {
    /// Keeps the first [`MAX_SYNTAX_NOTES`] notes in path order (not the first to arrive:
    /// which files are listed must not depend on thread timing).
    fn add_syntax_notes(&mut self, notes: Vec<SyntaxNote>) {
        self.syntax_errors.extend(notes);
        if self.syntax_errors.len() > 2 * MAX_SYNTAX_NOTES {
            first_syntax_notes(&mut self.syntax_errors);
        }
    }

    /// Takes findings [`Settler::settle`] settled.
    pub(super) fn add_settled(&mut self, (mut kept, suppressed, expired): SettledFindings) {
        self.held.add(&mut kept, expired);
        self.suppressed.extend(suppressed);
    }
}

/// Keeps the first [`MAX_SYNTAX_NOTES`] notes by path, in order.
pub(super) fn first_syntax_notes(notes: &mut Vec<SyntaxNote>) {
    notes.sort_unstable();
    notes.truncate(MAX_SYNTAX_NOTES);
}

/// What one file yields, gathered without the lock and added to [`Shared`] at the end.
#[derive(Default)]
struct FileOut {
    findings: Vec<Finding>,
    suppressed: Vec<SuppressedFinding>,
    errored: Vec<ErroredPack>,
    rule_errors: Vec<RuleErrorReport>,
    /// Any failed call keeps this file out of the cache, so the next scan retries it.
    failed: bool,
    syntax_errors: Vec<SyntaxNote>,
}

/// Everything the per-file work shares across worker threads.
pub(super) struct FileScanner<'a> {
    packs: &'a PackSet,
    config: &'a Config,
    listing: &'a Listing<'a>,
    active: &'a [Vec<bool>],
    cache: FileCache<'a>,
    timer: &'a Timer<'a>,
    shared: Mutex<Shared>,
    /// Packs out of this scan: the first failure takes a pack out, since a pack that loops
    /// on one file would loop on the next one too.
    dead: Vec<AtomicBool>,
    /// Findings per pack so far, against `max_findings_per_scan`.
    reported: Vec<AtomicUsize>,
    /// Rule ids of every loaded pack, to check the ones `sentra-ignore` comments name.
    known_rules: HashSet<&'a str>,
    suppression_rule: RuleMeta,
    /// Per pack: the scan's cancellation and the pack's log budget, handed to every call.
    scopes: &'a [sentra_runtime::CallScope],
    settler: &'a Settler<'a>,
}

impl<'a> FileScanner<'a> {
    pub(super) fn new(
        packs: &'a PackSet,
        listing: &'a Listing<'a>,
        active: &'a [Vec<bool>],
        cache: FileCache<'a>,
        timer: &'a Timer<'a>,
        scopes: &'a [sentra_runtime::CallScope],
        settler: &'a Settler<'a>,
    ) -> Self {
        let config = settler.config();
        Self {
            scopes,
            settler,
            packs,
            config,
            listing,
            active,
            cache,
            timer,
            shared: Mutex::new(Shared { held: settler.held(), ..Shared::default() }),
            dead: packs.packs.iter().map(|_| AtomicBool::new(false)).collect(),
            reported: packs.packs.iter().map(|_| AtomicUsize::new(0)).collect(),
            known_rules: packs.packs.iter().flat_map(|p| p.rules().iter().map(|r| r.id.as_str())).collect(),
            suppression_rule: RuleMeta::new("sentra", &suppression_rule_info()),
        }
    }

    /// What the file loop gathered, and which packs dropped out of the scan.
    pub(super) fn into_parts(self) -> (Shared, Vec<bool>) {
        let dead = self.dead.iter().map(|d| d.load(Ordering::Relaxed)).collect();
        (self.shared.into_inner().unwrap(), dead)
    }

    /// Scans one file and adds what it yields to the shared results. Returns whether the
    /// file counts as done for progress (skipped and binary files do not).
    pub(super) fn scan_file(&self, cand: &Candidate) -> bool {
        let t = self.timer.stages();
        let max = self.config.max_file_bytes;
        let started_read = Instant::now();
        let (mut look, data) = match self.cache.lookup(cand, self.listing.size(cand), || self.listing.load(cand, max)) {
            Ok(found) => found,
            Err(why) => return self.skip(why),
        };
        self.timer.add(&t.read, started_read);
        let mut outputs = self.cache.reuse(&mut look, self.packs.packs.len(), t);
        if let Some(e) = look.nothing_to_build(&outputs) {
            return self.unchanged(cand, &look, e);
        }
        // A file trusted by its size and time, but with findings to build, is read now.
        let started_read = Instant::now();
        let data = match data.map_or_else(|| self.listing.load(cand, max), Ok) {
            Ok(d) => d,
            Err(why) => return self.skip(why),
        };
        self.timer.add(&t.read, started_read);
        let bytes = data.bytes();
        if look.entry.map_or_else(|| is_binary(bytes), |e| e.binary) {
            self.shared.lock().unwrap().skipped.binary += 1;
            self.cache.record_binary(&cand.rel, &look);
            return false;
        }
        let generated = look.entry.map_or_else(|| is_generated(bytes), |e| e.generated);
        let facts = Facts { binary: false, generated, has_ignore: memchr::memmem::find(bytes, b"sentra-ignore").is_some() };
        let mut out = FileOut::default();
        if look.need_run {
            self.run_packs(cand, &data, generated, &mut outputs, &mut out);
        }
        let started_post = Instant::now();
        if generated && !self.config.scan_generated {
            self.shared.lock().unwrap().skipped.generated += 1;
        }
        let kept = self.build_findings(cand, bytes, outputs, &mut out);
        self.cache.record(&cand.rel, &look, out.failed, facts, bytes, kept);
        if facts.has_ignore {
            self.apply_inline(cand, bytes, &mut out);
        }
        self.merge(out);
        self.timer.add(&t.post, started_post);
        true
    }

    /// Counts a file that could not be read (too large or unreadable).
    fn skip(&self, why: Loaded) -> bool {
        let mut s = self.shared.lock().unwrap();
        match why {
            Loaded::TooLarge => s.skipped.too_large += 1,
            Loaded::HardLinked => s.skipped.hard_linked += 1,
            _ => s.skipped.unreadable += 1,
        }
        false
    }

    /// Counts a file the cache entry `e` alone answered for.
    fn unchanged(&self, cand: &Candidate, look: &Lookup<'_>, e: &Entry) -> bool {
        {
            let mut s = self.shared.lock().unwrap();
            if e.binary {
                s.skipped.binary += 1;
            } else {
                s.scanned += 1;
                if e.generated && !self.config.scan_generated {
                    s.skipped.generated += 1;
                }
            }
        }
        self.cache.record_unchanged(&cand.rel, look, e);
        !e.binary
    }

    /// Runs the packs whose rules can match the file and whose output the cache lacks,
    /// filling their `outputs`.
    fn run_packs(&self, cand: &Candidate, data: &FileData, generated: bool, outputs: &mut [Option<ScanOutput>], out: &mut FileOut) {
        let t = self.timer.stages();
        let started = Instant::now();
        let mut selection = self.packs.select(&cand.rel, data.bytes(), self.active);
        if !self.config.scan_generated && generated {
            selection.retain(|(p, _)| PACKS_FOR_GENERATED.contains(&self.packs.packs[*p].id()));
        }
        selection.retain(|(p, _)| outputs[*p].is_none());
        self.timer.add(&t.prefilter, started);
        let started = Instant::now();
        if !selection.is_empty() {
            t.files_run.fetch_add(1, Ordering::Relaxed);
        }
        for (p, rules) in selection {
            if self.dead[p].load(Ordering::Relaxed) {
                out.failed = true;
                continue;
            }
            let prepared = &self.packs.packs[p];
            let input = FileInput { path: &cand.rel, data: data.clone(), rules: &rules };
            match prepared.pack.scan(std::slice::from_ref(&input), &self.scopes[p]) {
                Ok(mut o) => {
                    // A pack may only report rules it declared and was asked to run.
                    o.findings.retain(|f| prepared.rules().iter().position(|r| r.id == f.rule_id).is_some_and(|ri| rules.contains(&(ri as u32))));
                    outputs[p] = Some(o);
                }
                Err(e) => {
                    self.dead[p].store(true, Ordering::Relaxed);
                    out.errored.push(errored(prepared, &e, Some(cand.rel.clone()), self.config));
                    out.failed = true;
                }
            }
        }
        for language in data.syntax_errors() {
            out.syntax_errors.push(SyntaxNote { path: cand.rel.clone(), language: language.into() });
        }
        // Trees and data-flow indexes take 20 to 40 bytes per byte of source: gone before
        // the findings are built.
        data.release_analysis();
        self.timer.add(&t.guest, started);
    }

    /// Turns pack outputs (run now or reused) into findings and rule errors, holding each
    /// pack to `max_findings_per_scan`. Returns the non-empty outputs by pack index, for
    /// the cache (only kept when there is one).
    fn build_findings(&self, cand: &Candidate, bytes: &[u8], outputs: Vec<Option<ScanOutput>>, out: &mut FileOut) -> Vec<(u32, ScanOutput)> {
        let mut ff = FileFindings::new(&cand.rel, bytes);
        let mut kept = Vec::new();
        for (p, o) in outputs.into_iter().enumerate() {
            // A pack the prefilter did not select for this file ran and found nothing.
            let o = o.unwrap_or_default();
            let prepared = &self.packs.packs[p];
            if o.findings.is_empty() && o.errors.is_empty() {
                continue;
            }
            if self.cache.enabled() {
                kept.push((p as u32, o.clone()));
            }
            if self.dead[p].load(Ordering::Relaxed) {
                continue;
            }
            let limit = prepared.pack.limits().max_findings_per_scan;
            if self.reported[p].fetch_add(o.findings.len(), Ordering::Relaxed) + o.findings.len() > limit {
                self.dead[p].store(true, Ordering::Relaxed);
                let message = format!("pack `{}` reported more than {limit} findings in one scan; the limit is {limit}", prepared.id());
                out.errored.push(errored_with(prepared, message, Some(cand.rel.clone()), self.config));
                continue;
            }
            for raw in o.findings {
                let Some(ri) = prepared.rules().iter().position(|r| r.id == raw.rule_id) else { continue };
                out.findings.push(ff.build(prepared.meta(ri), raw));
            }
            for e in o.errors {
                out.rule_errors.push(RuleErrorReport { pack_id: prepared.id().to_string(), rule_id: e.rule_id, message: e.message, file: cand.rel.clone() });
            }
            for of in &o.overflows {
                // The pack stays in the scan; this file's excess is an error of the pack
                // (the gate fails on it unless the pack's policy is `skip`).
                out.errored.push(errored_with(prepared, overflow_message(prepared.id(), &cand.rel, of), Some(cand.rel.clone()), self.config));
            }
        }
        kept
    }

    /// Applies the file's `sentra-ignore` comments: the findings they cover become
    /// suppressed ones, and comments that are malformed or name no loaded rule are reported
    /// as findings of their own (they would otherwise silently suppress nothing).
    fn apply_inline(&self, cand: &Candidate, bytes: &[u8], out: &mut FileOut) {
        let text = String::from_utf8_lossy(bytes);
        let ignores = crate::suppress::parse_inline(&cand.rel, &text);
        let (kept, hidden): (Vec<Finding>, Vec<Finding>) =
            std::mem::take(&mut out.findings).into_iter().partition(|f| !ignores.iter().any(|i| crate::suppress::covers(i, &f.rule_id, f.evidence.lines[0])));
        out.findings = kept;
        for f in hidden {
            let reason = ignores.iter().find(|i| crate::suppress::covers(i, &f.rule_id, f.evidence.lines[0])).map(|i| i.reason.clone()).unwrap_or_default();
            out.suppressed.push(SuppressedFinding { finding: f, source: "inline".into(), reason, suppression_id: None });
        }
        let mut ff = FileFindings::new(&cand.rel, bytes);
        for i in &ignores {
            let unknown = i.rules.iter().find(|r| i.problem.is_none() && !self.known_rules.contains(r.as_str()));
            let problem = match (&i.problem, unknown) {
                (Some(p), _) => format!("malformed sentra-ignore comment: it {p}"),
                (None, Some(r)) => format!("sentra-ignore names `{r}`, which no loaded pack has"),
                (None, None) => continue,
            };
            let raw = sentra_runtime::RawFinding {
                rule_id: crate::suppress::SUPPRESSION_RULE.into(),
                file: 0,
                line: i.line,
                column: i.column,
                end_line: i.line,
                end_column: i.column + "sentra-ignore:".len() as u32,
                message: problem,
                fix: None,
                flow: Vec::new(),
            };
            out.findings.push(ff.build(&self.suppression_rule, raw));
        }
    }

    /// Adds one file's yield to the shared results.
    fn merge(&self, mut out: FileOut) {
        let settled = self.settler.settle(std::mem::take(&mut out.findings));
        let mut s = self.shared.lock().unwrap();
        s.scanned += 1;
        s.add_settled(settled);
        s.suppressed.append(&mut out.suppressed);
        s.rule_errors.append(&mut out.rule_errors);
        s.add_syntax_notes(out.syntax_errors);
        for e in out.errored {
            s.errored.entry(e.pack_id.clone()).or_insert(e);
        }
    }
}

/// What the result says about a file a pack flooded.
pub(super) fn overflow_message(pack: &str, file: &str, of: &sentra_runtime::Overflow) -> String {
    format!(
        "pack `{pack}` reported {} findings for {file}; the limit is {} per file: the {} most severe were kept and {} dropped",
        of.reported,
        of.kept,
        of.kept,
        of.reported - of.kept
    )
}

/// The rule that reports unusable `sentra-ignore` comments.
fn suppression_rule_info() -> RuleInfo {
    RuleInfo {
        id: crate::suppress::SUPPRESSION_RULE.into(),
        name: "Unusable suppression comment".into(),
        description: "A sentra-ignore comment is malformed or names a rule no loaded pack has; it suppresses nothing.".into(),
        kind: "check".into(),
        severity: Severity::Low,
        file_globs: Vec::new(),
        exclude_globs: Vec::new(),
        standard: "sentra".into(),
        clause: "suppressions".into(),
        category: "configuration".into(),
        cwe: Vec::new(),
        tags: vec!["suppression".into()],
        remediation: "Write `sentra-ignore: RULE-ID[, RULE-ID] -- reason` naming rules that exist.".into(),
        references: Vec::new(),
        required_literals: Vec::new(),
        pattern: None,
        project_level: false,
        applies_when: None,
        skipped: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_syntax_notes_kept_do_not_depend_on_arrival_order() {
        let note = |i: usize| SyntaxNote { path: format!("f{i:05}.py"), language: "python".into() };
        let n = MAX_SYNTAX_NOTES * 5 + 3;
        let deliver = |order: Vec<usize>| {
            let mut s = Shared::default();
            for chunk in order.chunks(7) {
                s.add_syntax_notes(chunk.iter().map(|&i| note(i)).collect());
                assert!(s.syntax_errors.len() <= 2 * MAX_SYNTAX_NOTES + 7);
            }
            let mut kept = s.syntax_errors;
            first_syntax_notes(&mut kept);
            kept
        };
        let forward = deliver((0..n).collect());
        assert_eq!(forward, deliver((0..n).rev().collect()));
        assert_eq!(forward, (0..MAX_SYNTAX_NOTES).map(note).collect::<Vec<_>>());
    }
}
