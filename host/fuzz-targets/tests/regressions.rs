//! Every input under `fuzz/regressions/<target>/` (crashes the fuzzers found, shrunk) and
//! `fuzz/seeds/<target>/` (the starting corpus) run through its target on stable Rust.

use std::path::Path;

#[test]
fn saved_fuzz_inputs_run_clean() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut ran = 0;
    for (name, target) in sentra_fuzz_targets::TARGETS {
        for dir in ["regressions", "seeds"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(name)) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                let outcome = std::panic::catch_unwind(|| target(&data));
                assert!(outcome.is_ok(), "{name}: {} panics", path.display());
                ran += 1;
            }
        }
    }
    assert!(ran >= sentra_fuzz_targets::TARGETS.len(), "only {ran} saved inputs found under {}", fuzz.display());
}
