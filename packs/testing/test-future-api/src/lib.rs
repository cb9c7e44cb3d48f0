//! A pack built against `sentra:pack@0.3.0`, a version this host does not support. Loading it
//! must fail before instantiation with a message naming both versions.
wit_bindgen::generate!({ path: "wit", world: "pack" });

use exports::sentra::pack::scanner::Guest;
use sentra::pack::types::{PackInfo, Project, ScanOutput, SourceFile};

struct Future;
impl Guest for Future {
    fn configure(_: String) -> Result<(), Vec<String>> {
        Ok(())
    }
    fn describe() -> PackInfo {
        PackInfo {
            id: "test-future-api".into(),
            name: "Future".into(),
            version: "9.0.0".into(),
            description: String::new(),
            license: "MIT".into(),
            rules: Vec::new(),
        }
    }
    fn scan(_files: Vec<SourceFile>) -> ScanOutput {
        ScanOutput { findings: Vec::new(), errors: Vec::new() }
    }
    fn scan_project(_project: Project) -> ScanOutput {
        ScanOutput { findings: Vec::new(), errors: Vec::new() }
    }
}
export!(Future);
