//! Reports four findings with a 2 MiB message each: the host must cut each message to its limit
//! (or refuse the output) without holding gigabytes, and keep serving.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-huge-message", "Huge message test pack")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("HUGE-001", "Says a great deal")]
    }
    fn check(_rule: &Rule, _file: &File<'_>, out: &mut Findings) {
        for _ in 0..4 {
            out.report_with(1, 1, 1, 1, "A".repeat(2 << 20), None);
        }
    }
}
sentra_sdk::export_pack!(P);
