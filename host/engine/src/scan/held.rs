//! The findings a scan holds while its files are scanned, settled a file at a time and
//! kept to what the result can hold.
//!
//! A result holds at most [`MAX_FINDINGS_PER_RESULT`] findings, the most severe. Holding
//! every finding until the end made a scan's memory grow with what the repository yields
//! (96,000 findings, about 170 MiB, on a 1.6 GB corpus; unbounded on a hostile one), so
//! each file's findings are settled as they arrive (severity overrides, minimum severity,
//! suppressions: all per finding) and, past a margin over the cap, only the findings that
//! can still make the result are kept. Findings are ranked by severity, then by the
//! result's order: a total order, so which ones are kept never depends on which thread
//! finished first, and a finding dropped early is one the end would have dropped.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use jiff::civil::Date;
use sentra_model::{Finding, Severity, SharedStr};

use super::ScanOptions;
use super::spill::{Spill, Spilled};
use crate::config::Config;
use crate::suppress::{ExpiredSuppression, SuppressedFinding, Suppression};

/// Findings one scan result holds, every pack together: what a response, a stored result
/// and a report can grow to. Past it the most severe findings are kept, and each pack
/// that lost some is listed in `errored_packs` (so the gate fails unless its policy is
/// `skip`).
pub const MAX_FINDINGS_PER_RESULT: usize = 50_000;

/// Findings held beyond the cap before the ones that cannot make it are dropped (sorting
/// is then paid once per this many findings).
const MARGIN: usize = MAX_FINDINGS_PER_RESULT / 4;

/// Findings settled: those kept, those suppressed, and the expired suppressions that matched.
pub(super) type SettledFindings = (Vec<Finding>, Vec<SuppressedFinding>, Vec<ExpiredSuppression>);

/// What settles a finding: the config's and the request's suppressions, severity
/// overrides and minimum severity.
pub(super) struct Settler<'a> {
    config: &'a Config,
    suppressions: Vec<Suppression>,
    today: Date,
    /// Where settled findings go past a bound (see [`Held`]).
    spill_after: Option<usize>,
}

impl<'a> Settler<'a> {
    pub(super) fn new(config: &'a Config, options: &ScanOptions<'_>) -> Self {
        let today = options.today.unwrap_or_else(|| jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date());
        let suppressions = config.suppressions.iter().chain(&options.suppressions).cloned().collect();
        Self { config, suppressions, today, spill_after: options.spill_after }
    }

    /// What holds the scan's settled findings.
    pub(super) fn held(&self) -> Held {
        Held::spilling_after(self.spill_after)
    }

    pub(super) fn config(&self) -> &'a Config {
        self.config
    }

    /// Applies rule severity overrides and the minimum severity, then suppressions: the
    /// findings kept, the ones suppressed, and the expired suppressions that matched.
    pub(super) fn settle(&self, mut findings: Vec<Finding>) -> SettledFindings {
        if !self.config.rule_overrides.is_empty() {
            for f in &mut findings {
                f.severity = self.config.effective_severity(&f.pack_id, &f.rule_id, f.severity);
            }
        }
        if let Some(min) = self.config.min_severity {
            // `Severity` orders from critical down: keep what is at least `min`.
            findings.retain(|f| f.severity <= min);
        }
        crate::suppress::apply(findings, &self.suppressions, self.today)
    }
}

/// Settled findings, at most the cap plus a margin; past `spill_after` of them in memory
/// (CLI scans), in a temporary file with only their ranking key in memory.
#[derive(Default)]
pub(super) struct Held {
    findings: Vec<Entry>,
    /// The worst finding the cap kept at its last pruning: a finding ranked after it can
    /// never make the result, so it is dropped as it arrives (never written to the file).
    cutoff: Option<Key>,
    /// Findings dropped for the cap, by pack.
    dropped: BTreeMap<SharedStr, usize>,
    expired: Vec<ExpiredSuppression>,
    /// Findings held in memory before the rest go to a file (`None`: never).
    spill_after: Option<usize>,
    /// Whether findings go to the spill file (once past `spill_after`).
    spilling: bool,
    spill: Spill,
}

/// A held finding: in memory, or in the spill file with its ranking key (both boxed, so
/// the list holds two words a finding, wherever the finding is).
enum Entry {
    Here(Box<Finding>),
    Spilled(Box<Spilled>),
}

/// What ranks a finding (see [`RankKey`]) and whom it counts for, owned.
#[derive(Clone)]
pub(super) struct Key {
    pub(super) severity: Severity,
    pub(super) file: SharedStr,
    pub(super) line: u32,
    pub(super) column: u32,
    pub(super) rule: SharedStr,
    pub(super) fingerprint: Box<str>,
    pub(super) pack: SharedStr,
}

impl Key {
    pub(super) fn of(f: &Finding) -> Self {
        Self {
            severity: f.severity,
            file: f.evidence.file.clone(),
            line: f.evidence.lines[0],
            column: f.evidence.column,
            rule: f.rule_id.clone(),
            fingerprint: f.fingerprint.as_str().into(),
            pack: f.pack_id.clone(),
        }
    }

    fn rank(&self) -> RankKey<'_> {
        (self.severity, (&self.file, self.line, self.column, &self.rule, &self.fingerprint, &self.pack))
    }
}

/// Which findings the cap keeps first: the most severe, then in the result's order.
type RankKey<'a> = (Severity, (&'a str, u32, u32, &'a str, &'a str, &'a str));

fn rank(f: &Finding) -> RankKey<'_> {
    (f.severity, order_key(f))
}

impl Entry {
    fn rank(&self) -> RankKey<'_> {
        match self {
            Entry::Here(f) => rank(f),
            Entry::Spilled(s) => s.key.rank(),
        }
    }

    fn pack(&self) -> &SharedStr {
        match self {
            Entry::Here(f) => &f.pack_id,
            Entry::Spilled(s) => &s.key.pack,
        }
    }
}

impl Held {
    /// Holds at most `after` findings in memory; the rest go to a temporary file.
    pub(super) fn spilling_after(after: Option<usize>) -> Self {
        Self { spill_after: after, ..Self::default() }
    }

    pub(super) fn add(&mut self, findings: &mut Vec<Finding>, expired: Vec<ExpiredSuppression>) {
        for f in findings.drain(..) {
            if self.cutoff.as_ref().is_some_and(|c| rank(&f) > c.rank()) {
                *self.dropped.entry(f.pack_id).or_default() += 1;
                continue;
            }
            if !self.spilling && self.spill_after.is_some_and(|n| self.findings.len() >= n) {
                self.start_spilling();
            }
            let entry = if self.spilling { self.spilled(f) } else { Entry::Here(Box::new(f)) };
            self.findings.push(entry);
        }
        if self.findings.len() > MAX_FINDINGS_PER_RESULT + MARGIN {
            self.keep_most_severe();
        }
        for e in expired {
            match self.expired.iter_mut().find(|h| (&h.rule_id, &h.file_pattern, &h.source) == (&e.rule_id, &e.file_pattern, &e.source)) {
                Some(h) => h.findings += e.findings,
                None => self.expired.push(e),
            }
        }
    }

    /// From now on findings go to the spill file, and the ones held in memory go there too
    /// (unless the file cannot be made: then they all stay in memory).
    fn start_spilling(&mut self) {
        self.spilling = true;
        if self.spill.usable() {
            let here = std::mem::take(&mut self.findings);
            self.findings = here.into_iter().map(|e| if let Entry::Here(f) = e { self.spilled(*f) } else { e }).collect();
        }
    }

    /// `f` in the spill file, or in memory once the file has failed.
    fn spilled(&mut self, f: Finding) -> Entry {
        match self.spill.write(f) {
            Ok(s) => Entry::Spilled(Box::new(s)),
            Err(f) => Entry::Here(f),
        }
    }

    fn keep_most_severe(&mut self) {
        if self.findings.len() <= MAX_FINDINGS_PER_RESULT {
            return;
        }
        // Linear: only which findings make the cut matters here, not their order. The
        // worst kept one lands at the last kept place, and becomes the cutoff.
        self.findings.select_nth_unstable_by(MAX_FINDINGS_PER_RESULT - 1, |a, b| a.rank().cmp(&b.rank()));
        for e in self.findings.drain(MAX_FINDINGS_PER_RESULT..) {
            *self.dropped.entry(e.pack().clone()).or_default() += 1;
            if let Entry::Spilled(s) = &e {
                self.spill.dropped(s);
            }
        }
        self.cutoff = Some(match &self.findings[MAX_FINDINGS_PER_RESULT - 1] {
            Entry::Here(f) => Key::of(f),
            Entry::Spilled(s) => s.key.clone(),
        });
        self.spill.compact(self.findings.iter_mut().filter_map(|e| if let Entry::Spilled(s) = e { Some(&mut **s) } else { None }));
    }

    /// The findings kept, in the result's order, with what else the scan reports about them.
    pub(super) fn finish(mut self) -> Finished {
        if self.findings.len() > MAX_FINDINGS_PER_RESULT {
            self.keep_most_severe();
        }
        let mut spilled = Vec::new();
        let mut findings = Vec::with_capacity(self.findings.len());
        for e in self.findings.drain(..) {
            match e {
                Entry::Here(f) => findings.push(*f),
                Entry::Spilled(s) => spilled.push(*s),
            }
        }
        let mut lost = BTreeMap::new();
        let mut read_error = None;
        let packs: Vec<SharedStr> = spilled.iter().map(|s| s.key.pack.clone()).collect();
        // Straight into the result's list: one list of 50,000 findings, not two.
        if let Err(e) = self.spill.read(spilled, &mut findings) {
            for pack in packs {
                *lost.entry(pack.to_string()).or_default() += 1;
            }
            read_error = Some(format!("cannot read findings back from their temporary file: {e}"));
        }
        findings.sort_unstable_by(order);
        self.expired.sort_by(|a, b| (&a.rule_id, &a.file_pattern, &a.source).cmp(&(&b.rule_id, &b.file_pattern, &b.source)));
        let dropped = self.dropped.into_iter().map(|(p, n)| (p.to_string(), n)).collect();
        Finished { findings, dropped, expired: self.expired, lost, read_error, spill_warning: self.spill.failed }
    }
}

/// What [`Held::finish`] gives.
pub(super) struct Finished {
    pub(super) findings: Vec<Finding>,
    /// Findings dropped for the cap, by pack.
    pub(super) dropped: BTreeMap<String, usize>,
    pub(super) expired: Vec<ExpiredSuppression>,
    /// Findings lost with the spill file, by pack, and why (reading it back failed).
    pub(super) lost: BTreeMap<String, usize>,
    pub(super) read_error: Option<String>,
    /// Why the spill file stopped taking findings (they stayed in memory, none was lost).
    pub(super) spill_warning: Option<String>,
}

/// The result's order: by file, line, column, rule, fingerprint and pack (total, so a
/// result never depends on thread timing).
pub(super) fn order(a: &Finding, b: &Finding) -> Ordering {
    order_key(a).cmp(&order_key(b))
}

fn order_key(f: &Finding) -> (&str, u32, u32, &str, &str, &str) {
    (&f.evidence.file, f.evidence.lines[0], f.evidence.column, &f.rule_id, &f.fingerprint, &f.pack_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    use sentra_model::{Evidence, Severity, SharedList};

    /// Metadata every test finding shares, as the findings of one rule do.
    static SUGGESTION: LazyLock<SharedStr> = LazyLock::new(|| "use a vault".into());
    static TAGS: LazyLock<SharedList> = LazyLock::new(|| ["secrets"].into());

    fn finding(i: usize) -> Finding {
        let severity = [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info][(i * 7) % 5];
        Finding {
            finding_id: String::new(),
            rule_id: format!("R{}", i % 13).into(),
            pack_id: format!("p{}", i % 3).into(),
            severity,
            message: format!("m{i} \"é\"\n"),
            evidence: Evidence {
                file: format!("f{}.py", (i * 31) % 997).into(),
                lines: [(i % 50) as u32 + 1; 2],
                column: 1,
                end_column: 2,
                snippet: "x = 'ü' # \u{1F600}".into(),
            },
            suggestion: SUGGESTION.clone(),
            confidence: [1.0, 0.7, 0.5][i % 3],
            standard: Default::default(),
            clause: Default::default(),
            compliance_category: Default::default(),
            remediation_guidance: Default::default(),
            tags: TAGS.clone(),
            cwe: Default::default(),
            references: Default::default(),
            is_obligation: false,
            fingerprint: format!("{i:x}"),
            fix: i.is_multiple_of(5).then(|| sentra_model::FixSuggestion { description: "d".into(), replacement: "r".into() }),
            flow: Vec::new(),
        }
    }

    /// Delivers findings `0..n` in the given order, in batches, to a `held`.
    fn deliver(mut held: Held, order: &mut dyn Iterator<Item = usize>) -> Finished {
        let all: Vec<usize> = order.collect();
        for chunk in all.chunks(997) {
            held.add(&mut chunk.iter().map(|&i| finding(i)).collect(), Vec::new());
            assert!(held.findings.len() <= MAX_FINDINGS_PER_RESULT + MARGIN + 997);
        }
        held.finish()
    }

    /// The findings the cap keeps out of `0..n`: the most severe, ties by the result's order.
    fn expected(n: usize) -> Vec<Finding> {
        let mut all: Vec<Finding> = (0..n).map(finding).collect();
        all.sort_by(|a, b| a.severity.cmp(&b.severity).then_with(|| order(a, b)));
        all.truncate(MAX_FINDINGS_PER_RESULT);
        all.sort_by(order);
        all
    }

    #[test]
    fn findings_dropped_early_are_the_ones_the_cap_would_drop_at_the_end() {
        let n = MAX_FINDINGS_PER_RESULT * 2 + 123;
        // Arrival in two different orders (as two threads might deliver them), in batches.
        let a = deliver(Held::default(), &mut (0..n));
        let b = deliver(Held::default(), &mut (0..n).rev());
        assert_eq!(a.findings.len(), MAX_FINDINGS_PER_RESULT);
        assert!(a.findings == b.findings && a.dropped == b.dropped, "the same findings are kept whatever the arrival order");
        assert_eq!(a.dropped.values().sum::<usize>(), n - MAX_FINDINGS_PER_RESULT);
        assert!(a.findings == expected(n));
    }

    #[test]
    fn spilled_findings_come_back_as_they_went() {
        // Past 1,000 in memory the rest wait in the file; enough findings that the cap drops
        // many, so the file is also compacted on the way (dropped findings take it past
        // `compact_after` and past what the kept ones take).
        let n = MAX_FINDINGS_PER_RESULT * 4 + 7;
        let mut held = Held::spilling_after(Some(1_000));
        held.spill.set_compact_after(1 << 20);
        held.add(&mut (0..500).map(finding).collect(), Vec::new());
        assert!(!held.spilling && held.spill.size() == 0, "under the bound, nothing is written");
        let mut compacted = false;
        for chunk in (500..n).collect::<Vec<_>>().chunks(997) {
            let before = held.spill.size();
            held.add(&mut chunk.iter().map(|&i| finding(i)).collect(), Vec::new());
            compacted |= held.spill.size() < before;
            assert!(held.findings.iter().all(|e| matches!(e, Entry::Spilled(..))), "every held finding is in the file");
            let live = held.spill.live();
            assert!(held.spill.size() <= (1 << 20_u64).max(live) + live + 997 * 4096);
        }
        assert!(compacted, "the file was rewritten at least once");
        let got = held.finish();
        assert!(got.spill_warning.is_none() && got.read_error.is_none() && got.lost.is_empty());
        let in_memory = deliver(Held::default(), &mut (0..n));
        assert_eq!(got.dropped, in_memory.dropped);
        assert!(got.findings == in_memory.findings && got.findings == expected(n), "the same findings, whole and in the same order");
        // Read back, they share their rule's metadata again (kept once per rule, not in
        // each record).
        assert!(got.findings.iter().all(|f| std::ptr::eq(f.suggestion.as_str(), SUGGESTION.as_str()) && std::ptr::eq(f.tags.as_ptr(), TAGS.as_ptr())));
    }

    #[test]
    fn a_finding_the_cap_has_already_ruled_out_is_never_written() {
        let mut held = Held::spilling_after(Some(10));
        let n = MAX_FINDINGS_PER_RESULT + MARGIN + 1;
        held.add(&mut (0..n).map(finding).collect(), Vec::new());
        assert!(held.cutoff.is_some(), "pruned once");
        let size = held.spill.size();
        // Info findings rank after every kept one (the kept ones include more severe ones).
        let mut worse: Vec<Finding> = (0..5_000).map(|i| Finding { severity: Severity::Info, ..finding(i) }).collect();
        held.add(&mut worse, Vec::new());
        assert_eq!(held.spill.size(), size, "nothing more was written");
        assert_eq!(held.findings.len(), MAX_FINDINGS_PER_RESULT);
        let got = held.finish();
        assert_eq!(got.dropped.values().sum::<usize>(), n - MAX_FINDINGS_PER_RESULT + 5_000);
    }

    #[test]
    fn when_the_file_fails_findings_stay_in_memory_and_a_warning_says_so() {
        let mut held = Held::spilling_after(Some(10));
        held.spill.failed = Some("cannot write findings to a temporary file (disk full)".into());
        held.add(&mut (0..100).map(finding).collect(), Vec::new());
        assert!(held.findings.iter().all(|e| matches!(e, Entry::Here(_))));
        let got = held.finish();
        assert_eq!(got.findings.len(), 100);
        assert!(got.lost.is_empty() && got.read_error.is_none());
        assert!(got.spill_warning.is_some_and(|w| w.contains("disk full")));
    }
}
