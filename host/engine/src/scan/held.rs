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
use super::spill::{Slot, SpillFile};
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
    /// Findings dropped for the cap, by pack.
    dropped: BTreeMap<String, usize>,
    expired: Vec<ExpiredSuppression>,
    /// Findings held in memory before the rest go to a file (`None`: never).
    spill_after: Option<usize>,
    spill: Option<SpillFile>,
    /// Bytes of the spill file still held by kept findings.
    spilled_live: u64,
    /// Bytes of dropped findings the spill file may hold before it is rewritten (beyond
    /// what the kept ones take).
    compact_after: u64,
    /// Findings that could not be read back from the spill file, by pack, and why.
    lost: BTreeMap<String, usize>,
    spill_error: Option<String>,
}

/// A held finding: in memory, or in the spill file with its ranking key.
/// (Both boxed, so the list holds two words a finding, wherever the finding is.)
enum Entry {
    Here(Box<Finding>),
    Spilled(Box<SpilledKey>, Slot),
}

/// What ranks a spilled finding (see [`Entry::key`]) and whom it counts for.
struct SpilledKey {
    severity: Severity,
    file: SharedStr,
    line: u32,
    column: u32,
    rule: SharedStr,
    fingerprint: Box<str>,
    pack: SharedStr,
}

/// Which findings the cap keeps first: the most severe, then in the result's order.
type RankKey<'a> = (Severity, (&'a str, u32, u32, &'a str, &'a str, &'a str));

impl Entry {
    fn key(&self) -> RankKey<'_> {
        match self {
            Entry::Here(f) => (f.severity, order_key(f)),
            Entry::Spilled(k, _) => (k.severity, (&k.file, k.line, k.column, &k.rule, &k.fingerprint, &k.pack)),
        }
    }

    fn pack(&self) -> &str {
        match self {
            Entry::Here(f) => &f.pack_id,
            Entry::Spilled(k, _) => &k.pack,
        }
    }
}

/// Past this many bytes of dropped findings, the spill file is rewritten with the kept ones.
const SPILL_COMPACT_AFTER: u64 = 64 << 20;

impl Held {
    /// Holds at most `after` findings in memory; the rest go to a temporary file.
    pub(super) fn spilling_after(after: Option<usize>) -> Self {
        Self { spill_after: after, compact_after: SPILL_COMPACT_AFTER, ..Self::default() }
    }

    pub(super) fn add(&mut self, findings: &mut Vec<Finding>, expired: Vec<ExpiredSuppression>) {
        // After a failure of the file nothing more goes there (a partial write would move
        // every later finding's place).
        let over = self.spill.is_some() || self.spill_after.is_some_and(|n| self.findings.len() + findings.len() > n);
        let spilling = over && self.spill_error.is_none();
        if spilling && self.start_spilling() {
            for f in findings.drain(..) {
                let entry = self.spilled(f);
                self.findings.push(entry);
            }
        } else {
            self.findings.extend(findings.drain(..).map(|f| Entry::Here(Box::new(f))));
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

    /// Opens the spill file and moves the findings held in memory there; false when the
    /// file cannot be made (findings then stay in memory).
    fn start_spilling(&mut self) -> bool {
        if self.spill.is_some() {
            return true;
        }
        match SpillFile::new() {
            Ok(file) => self.spill = Some(file),
            Err(e) => {
                self.spill_error = Some(format!("cannot create a temporary file for findings: {e}"));
                return false;
            }
        }
        let here = std::mem::take(&mut self.findings);
        self.findings = here.into_iter().map(|e| if let Entry::Here(f) = e { self.spilled(*f) } else { e }).collect();
        true
    }

    /// The finding written to the spill file; kept in memory if the write fails.
    fn spilled(&mut self, f: Finding) -> Entry {
        let Some(file) = self.spill.as_mut().filter(|_| self.spill_error.is_none()) else { return Entry::Here(Box::new(f)) };
        match file.write(&f) {
            Ok(slot) => {
                self.spilled_live += slot.len();
                let key = SpilledKey {
                    severity: f.severity,
                    file: f.evidence.file,
                    line: f.evidence.lines[0],
                    column: f.evidence.column,
                    rule: f.rule_id,
                    fingerprint: f.fingerprint.into_boxed_str(),
                    pack: f.pack_id,
                };
                Entry::Spilled(Box::new(key), slot)
            }
            Err(e) => {
                self.spill_error.get_or_insert_with(|| format!("cannot write findings to a temporary file: {e}"));
                Entry::Here(Box::new(f))
            }
        }
    }

    fn keep_most_severe(&mut self) {
        if self.findings.len() <= MAX_FINDINGS_PER_RESULT {
            return;
        }
        // Linear: only which findings make the cut matters here, not their order.
        self.findings.select_nth_unstable_by(MAX_FINDINGS_PER_RESULT, |a, b| a.key().cmp(&b.key()));
        for e in self.findings.drain(MAX_FINDINGS_PER_RESULT..) {
            *self.dropped.entry(e.pack().to_string()).or_default() += 1;
            if let Entry::Spilled(_, slot) = e {
                self.spilled_live -= slot.len();
            }
        }
        self.compact_spill();
    }

    /// Rewrites the spill file once most of it is findings the cap dropped, so its size
    /// stays within a few times what the kept findings take.
    fn compact_spill(&mut self) {
        let Some(file) = self.spill.as_mut() else { return };
        if file.size() - self.spilled_live <= self.compact_after.max(self.spilled_live) {
            return;
        }
        let slots: Vec<Slot> = self.findings.iter().filter_map(|e| if let Entry::Spilled(_, s) = e { Some(*s) } else { None }).collect();
        match file.compact(&slots) {
            Ok(moved) => {
                let mut moved = moved.into_iter();
                for e in &mut self.findings {
                    if let Entry::Spilled(_, s) = e {
                        *s = moved.next().expect("one new place per spilled finding");
                    }
                }
            }
            Err(e) => {
                self.spill_error.get_or_insert_with(|| format!("cannot compact the temporary file of findings: {e}"));
            }
        }
    }

    /// The findings kept, in the result's order; how many each pack lost to the cap; the
    /// expired suppressions that matched; what went wrong with the spill file, if anything
    /// (with how many findings each pack lost to it).
    pub(super) fn finish(mut self) -> Finished {
        self.keep_most_severe();
        let mut spilled = Vec::new();
        let mut findings = Vec::with_capacity(self.findings.len());
        for e in self.findings.drain(..) {
            match e {
                Entry::Here(f) => findings.push(*f),
                Entry::Spilled(k, slot) => spilled.push((k.pack, slot)),
            }
        }
        if let Some(file) = self.spill.as_mut() {
            // In file order: the reads go forward through the file.
            spilled.sort_unstable_by_key(|(_, s)| s.at());
            // Straight into the result's list: one list of 50,000 findings, not two.
            let here = findings.len();
            match file.read(spilled.iter().map(|(_, s)| *s), &mut findings) {
                Ok(()) => {}
                Err(e) => {
                    // All or none: the count of lost findings is then exact.
                    findings.truncate(here);
                    for (pack, _) in &spilled {
                        *self.lost.entry(pack.to_string()).or_default() += 1;
                    }
                    self.spill_error.get_or_insert_with(|| format!("cannot read findings back from their temporary file: {e}"));
                }
            }
        }
        findings.sort_unstable_by(order);
        self.expired.sort_by(|a, b| (&a.rule_id, &a.file_pattern, &a.source).cmp(&(&b.rule_id, &b.file_pattern, &b.source)));
        Finished { findings, dropped: self.dropped, expired: self.expired, lost: self.lost, spill_error: self.spill_error }
    }
}

/// What [`Held::finish`] gives.
pub(super) struct Finished {
    pub(super) findings: Vec<Finding>,
    pub(super) dropped: BTreeMap<String, usize>,
    pub(super) expired: Vec<ExpiredSuppression>,
    /// Findings lost with the spill file, by pack (empty unless reading it back failed).
    pub(super) lost: BTreeMap<String, usize>,
    pub(super) spill_error: Option<String>,
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
    use sentra_model::{Evidence, Severity};

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
            suggestion: "use a vault".into(),
            confidence: [1.0, 0.7, 0.5][i % 3],
            standard: Default::default(),
            clause: Default::default(),
            compliance_category: Default::default(),
            remediation_guidance: Default::default(),
            tags: ["secrets"].into(),
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
        held.compact_after = 1 << 20;
        held.add(&mut (0..500).map(finding).collect(), Vec::new());
        assert!(held.spill.is_none(), "under the bound, nothing is written");
        let mut compacted = false;
        for chunk in (500..n).collect::<Vec<_>>().chunks(997) {
            let before = held.spill.as_ref().map_or(0, SpillFile::size);
            held.add(&mut chunk.iter().map(|&i| finding(i)).collect(), Vec::new());
            let file = held.spill.as_ref().expect("spilling past the bound");
            compacted |= file.size() < before;
            assert!(held.findings.iter().all(|e| matches!(e, Entry::Spilled(..))), "every held finding is in the file");
            assert!(file.size() <= held.compact_after.max(held.spilled_live) + held.spilled_live + 997 * 4096);
        }
        assert!(compacted, "the file was rewritten at least once");
        let got = held.finish();
        assert!(got.spill_error.is_none() && got.lost.is_empty());
        let in_memory = deliver(Held::default(), &mut (0..n));
        assert_eq!(got.dropped, in_memory.dropped);
        assert!(got.findings == in_memory.findings && got.findings == expected(n), "the same findings, whole and in the same order");
        // Read back, they share their rule's metadata and their path again.
        let same_file: Vec<&Finding> = got.findings.iter().filter(|f| f.evidence.file == got.findings[0].evidence.file).take(2).collect();
        assert!(std::ptr::eq(same_file[0].evidence.file.as_str(), same_file[1].evidence.file.as_str()));
        assert!(std::ptr::eq(got.findings[0].suggestion.as_str(), got.findings[1].suggestion.as_str()));
        assert!(std::ptr::eq(got.findings[0].tags.as_ptr(), got.findings[1].tags.as_ptr()));
    }
}
