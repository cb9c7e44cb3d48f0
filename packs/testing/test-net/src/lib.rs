//! Opens a TCP connection: the component imports `wasi:sockets`, which the host never
//! grants, so loading it must fail with a message naming the import.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-net", "test-net").license("Apache-2.0")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("NET-001", "net check")]
    }
    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        if std::net::TcpStream::connect(file.path).is_ok() {
            out.report_line(1);
        }
    }
}
sentra_sdk::export_pack!(P);
