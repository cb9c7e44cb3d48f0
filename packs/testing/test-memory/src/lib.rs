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
        // Zeroed blocks that double in size: the memory reaches any cap in a handful of
        // grows without writing a page, so the cap (not the time limit) stops it even on a
        // loaded machine.
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        let mut block = 8usize << 20;
        loop {
            hoard.push(std::hint::black_box(vec![0u8; block]));
            block = block.saturating_mul(2);
            if hoard.len() == usize::MAX {
                out.report_line(file.contents.len() as u32);
            }
        }
    }
}
sentra_sdk::export_pack!(P);
