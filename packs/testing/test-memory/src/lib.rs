//! Allocates until the store's memory cap traps it.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule, Severity};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-memory", "test-memory").license("Apache-2.0")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("MEM-001", "test-memory check").severity(Severity::High)]
    }
    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            hoard.push(vec![1u8; 1 << 20]);
            if hoard.len() == usize::MAX { out.report_line(file.contents.len() as u32); }
        }
    }
}
sentra_sdk::export_pack!(P);
