//! Returns a finding message that is not UTF-8. The component model's strings must be
//! UTF-8, so lifting the result fails in the host: the pack is errored, nothing else.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-bad-utf8", "Invalid UTF-8 test pack")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("UTF-001", "Speaks in bytes")]
    }
    fn check(_rule: &Rule, _file: &File<'_>, out: &mut Findings) {
        // SAFETY: deliberately not UTF-8; this pack exists to hand the host a malformed
        // string, which the host must refuse when it lifts the result.
        let bad = unsafe { String::from_utf8_unchecked(vec![b'o', b'k', 0xff, 0xfe, 0xc0, 0x80]) };
        out.report_with(1, 1, 1, 1, bad, None);
    }
}
sentra_sdk::export_pack!(P);
