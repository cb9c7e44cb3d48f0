//! Reports a hundred thousand findings for every file: the host must cut it off at its
//! findings limit and mark the pack errored.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule};

struct Flood;
impl Pack for Flood {
    fn info() -> PackMeta {
        PackMeta::new("test-flood", "Finding flood test pack")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("FLOOD-001", "Everything is a finding")]
    }
    fn check(_rule: &Rule, _file: &File<'_>, out: &mut Findings) {
        for _ in 0..100_000 {
            out.report_line(1);
        }
    }
}
sentra_sdk::export_pack!(Flood);
