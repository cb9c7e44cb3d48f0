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
use sentra_model::Finding;

use super::ScanOptions;
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
}

impl<'a> Settler<'a> {
    pub(super) fn new(config: &'a Config, options: &ScanOptions<'_>) -> Self {
        let today = options.today.unwrap_or_else(|| jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date());
        Self { config, suppressions: config.suppressions.iter().chain(&options.suppressions).cloned().collect(), today }
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

/// Settled findings, at most the cap plus a margin.
#[derive(Default)]
pub(super) struct Held {
    findings: Vec<Finding>,
    /// Findings dropped for the cap, by pack.
    dropped: BTreeMap<String, usize>,
    expired: Vec<ExpiredSuppression>,
}

impl Held {
    pub(super) fn add(&mut self, findings: &mut Vec<Finding>, expired: Vec<ExpiredSuppression>) {
        self.findings.append(findings);
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

    fn keep_most_severe(&mut self) {
        if self.findings.len() <= MAX_FINDINGS_PER_RESULT {
            return;
        }
        // Linear: only which findings make the cut matters here, not their order.
        self.findings.select_nth_unstable_by(MAX_FINDINGS_PER_RESULT, rank);
        for f in self.findings.drain(MAX_FINDINGS_PER_RESULT..) {
            *self.dropped.entry(f.pack_id.to_string()).or_default() += 1;
        }
    }

    /// The findings kept, in the result's order; how many each pack lost to the cap; the
    /// expired suppressions that matched.
    pub(super) fn finish(mut self) -> (Vec<Finding>, BTreeMap<String, usize>, Vec<ExpiredSuppression>) {
        self.keep_most_severe();
        self.findings.sort_unstable_by(order);
        self.expired.sort_by(|a, b| (&a.rule_id, &a.file_pattern, &a.source).cmp(&(&b.rule_id, &b.file_pattern, &b.source)));
        (self.findings, self.dropped, self.expired)
    }
}

/// The result's order: by file, line, column, rule, fingerprint and pack (total, so a
/// result never depends on thread timing).
pub(super) fn order(a: &Finding, b: &Finding) -> Ordering {
    fn key(f: &Finding) -> (&str, u32, u32, &str, &str, &str) {
        (&f.evidence.file, f.evidence.lines[0], f.evidence.column, &f.rule_id, &f.fingerprint, &f.pack_id)
    }
    key(a).cmp(&key(b))
}

/// Which findings the cap keeps first: the most severe, then in the result's order.
fn rank(a: &Finding, b: &Finding) -> Ordering {
    a.severity.cmp(&b.severity).then_with(|| order(a, b))
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
            message: String::new(),
            evidence: Evidence {
                file: format!("f{}.py", (i * 31) % 997).into(),
                lines: [(i % 50) as u32 + 1; 2],
                column: 1,
                end_column: 2,
                snippet: String::new(),
            },
            suggestion: Default::default(),
            confidence: 1.0,
            standard: Default::default(),
            clause: Default::default(),
            compliance_category: Default::default(),
            remediation_guidance: Default::default(),
            tags: Default::default(),
            cwe: Default::default(),
            references: Default::default(),
            is_obligation: false,
            fingerprint: format!("{i:x}"),
            fix: None,
            flow: Vec::new(),
        }
    }

    #[test]
    fn findings_dropped_early_are_the_ones_the_cap_would_drop_at_the_end() {
        let n = MAX_FINDINGS_PER_RESULT * 2 + 123;
        // Arrival in two different orders (as two threads might deliver them), in batches.
        let deliver = |order: &mut dyn Iterator<Item = usize>| {
            let mut held = Held::default();
            let all: Vec<usize> = order.collect();
            for chunk in all.chunks(997) {
                held.add(&mut chunk.iter().map(|&i| finding(i)).collect(), Vec::new());
                assert!(held.findings.len() <= MAX_FINDINGS_PER_RESULT + MARGIN + 997);
            }
            held.finish()
        };
        let (a, dropped_a, _) = deliver(&mut (0..n));
        let (b, dropped_b, _) = deliver(&mut (0..n).rev());
        assert_eq!(a.len(), MAX_FINDINGS_PER_RESULT);
        assert!(a == b && dropped_a == dropped_b, "the same findings are kept whatever the arrival order");
        assert_eq!(dropped_a.values().sum::<usize>(), n - MAX_FINDINGS_PER_RESULT);
        // Exactly the most severe, ties by the result's order.
        let mut all: Vec<Finding> = (0..n).map(finding).collect();
        all.sort_by(rank);
        all.truncate(MAX_FINDINGS_PER_RESULT);
        all.sort_by(order);
        assert!(a == all);
    }
}
