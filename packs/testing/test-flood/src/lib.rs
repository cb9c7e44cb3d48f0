//! Reports five thousand low findings for every file whose path does not contain
//! `calm`, and one high finding on line 1 of every file that contains `MARKER`: the host
//! must keep each flooded file's most severe findings up to its limit, report the excess,
//! and keep the pack's findings on every other file. It also writes 600 log lines for
//! every file that contains `LOUD`, which the host must cut at its per-scan log budget.
use sentra_sdk::{File, Findings, LogLevel, Pack, PackMeta, Rule, Severity};

struct Flood;
impl Pack for Flood {
    fn info() -> PackMeta {
        PackMeta::new("test-flood", "Finding flood test pack")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("FLOOD-001", "Everything is a finding").severity(Severity::Low), Rule::check("FLOOD-HIGH", "A marker").severity(Severity::High)]
    }
    fn check(rule: &Rule, file: &File<'_>, out: &mut Findings) {
        if rule.id() == "FLOOD-HIGH" {
            if file.text().contains("LOUD") {
                for i in 0..600 {
                    sentra_sdk::log(LogLevel::Warn, &format!("flood log line {i}"));
                }
            }
            if file.text().contains("MARKER") {
                out.report_line(1);
            }
        } else if !file.path.contains("calm") {
            for _ in 0..5_000 {
                out.report_line(1);
            }
        }
    }
}
sentra_sdk::export_pack!(Flood);
