//! Declares a thousand rules that all share one id: loading must refuse the pack with a
//! message naming the duplicated id.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-dup-rules", "Duplicate rule ids test pack")
    }
    fn rules() -> Vec<Rule> {
        (0..1000).map(|i| Rule::check("DUP-001", &format!("Copy {i}"))).collect()
    }
    fn check(_rule: &Rule, _file: &File<'_>, out: &mut Findings) {
        out.report_line(1);
    }
}
sentra_sdk::export_pack!(P);
