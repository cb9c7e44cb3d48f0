//! Tries files, environment, arguments and the clock and reports what it got: the host must grant none.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule, Severity};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-probe", "test-probe").license("Apache-2.0")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("PROBE-001", "test-probe check").severity(Severity::High)]
    }
    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        let passwd = std::fs::read_to_string("/etc/passwd").map(|s| s.len()).map_err(|e| e.kind());
        let root = std::fs::read_dir("/").map(|d| d.count()).map_err(|e| e.kind());
        let rel = std::fs::read_to_string(file.path).map(|s| s.len()).map_err(|e| e.kind());
        let home = std::env::var("HOME").ok();
        let vars = std::env::vars().count();
        let args = std::env::args().count();
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let msg = format!("passwd={passwd:?} root={root:?} rel={rel:?} home={home:?} vars={vars} args={args} now={now}");
        out.report_with(1, 1, 1, 1, msg, None);
    }
}
sentra_sdk::export_pack!(P);
