//! Panics (a trap, since packs build with panic=abort) on every file.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule, Severity};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-trap", "test-trap").license("Apache-2.0")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("TRAP-001", "test-trap check").severity(Severity::High)]
    }
    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        if !file.path.is_empty() {
            panic!("test-trap: deliberate trap on {}", file.path);
        }
        out.report_line(1);
    }
}
sentra_sdk::export_pack!(P);
