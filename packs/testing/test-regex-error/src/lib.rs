//! One ordinary regex rule and one exponential-backtracking rule: the second must be
//! reported as a rule error while the first still reports its findings.
use sentra_sdk::{Pack, PackMeta, Rule};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-regex-error", "Regex error test pack").license("MIT")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::regex("RX-OK", "TODO marker", "TODO"), Rule::regex("RX-HOSTILE", "Exponential pattern", r"(a+)+\1b")]
    }
}
sentra_sdk::export_pack!(P);
