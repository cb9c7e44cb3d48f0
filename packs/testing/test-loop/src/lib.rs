//! Loops forever: the host must stop it at its epoch deadline.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule, Severity};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-loop", "test-loop").license("Apache-2.0")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("LOOP-001", "test-loop check").severity(Severity::High)]
    }
    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        let mut n: u64 = file.contents.len() as u64;
        loop {
            n = std::hint::black_box(n.wrapping_mul(6364136223846793005).wrapping_add(1));
            if n == 42 {
                out.report_line(1);
            }
        }
    }
}
sentra_sdk::export_pack!(P);
