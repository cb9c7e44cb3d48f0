//! The engine over in-memory sources with the real built-in packs.

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use sentra_engine::{Catalog, Config, PackSource, ScanError, ScanOptions, Source};

fn catalog() -> Catalog {
    let sources = sentra_builtin_packs::BUILTIN.iter().map(|(id, bytes)| PackSource::component(id, bytes)).collect();
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache");
    Catalog::new(sources, Some(cache)).unwrap().with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE)
}

fn files() -> Source {
    Source::Memory(vec![
        ("b.py".into(), b"K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n".to_vec()),
        ("a/c.js".into(), b"const t = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';\n".to_vec()),
        ("clean.txt".into(), b"nothing\n".to_vec()),
    ])
}

#[test]
fn memory_source_is_scanned_in_deterministic_order() {
    let config = Config::default();
    let set = catalog().load(&config).unwrap();
    let r = sentra_engine::scan(&files(), &set, &config, &ScanOptions::default()).unwrap();
    let got: Vec<(&str, &str)> = r.findings.iter().map(|f| (f.evidence.file.as_str(), f.rule_id.as_str())).collect();
    assert_eq!(got, vec![("a/c.js", "SEC-GITHUB-TOKEN"), ("b.py", "SEC-STRIPE-SECRET-KEY")]);
    assert_eq!(r.files_scanned, 3);
    assert_eq!(r.by_severity.critical, 2);
    let again = sentra_engine::scan(&files(), &set, &config, &ScanOptions::default()).unwrap();
    assert_eq!(r.findings, again.findings);
}

#[test]
fn only_limits_the_files() {
    let config = Config::default();
    let set = catalog().load(&config).unwrap();
    let only: BTreeSet<String> = ["b.py".to_string()].into();
    let r = sentra_engine::scan(&files(), &set, &config, &ScanOptions { only: Some(only), ..Default::default() }).unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.files_scanned, 1);
}

#[test]
fn cancelled_scan_reports_cancellation() {
    let config = Config::default();
    let set = catalog().load(&config).unwrap();
    let cancel = AtomicBool::new(true);
    let err = sentra_engine::scan(&files(), &set, &config, &ScanOptions { cancel: Some(&cancel), ..Default::default() }).unwrap_err();
    assert!(matches!(err, ScanError::Cancelled));
}

#[test]
fn gate_ignores_obligations_and_fails_on_errored_packs() {
    let config = Config::default();
    let set = catalog().load(&config).unwrap();
    let mut r = sentra_engine::scan(&files(), &set, &config, &ScanOptions::default()).unwrap();
    assert!(!sentra_engine::gate(&r, &config.gate_fail_on).passed);
    for f in &mut r.findings {
        f.is_obligation = true;
    }
    let g = sentra_engine::gate(&r, &config.gate_fail_on);
    assert!(g.passed, "{g:?}");
    assert_eq!(g.total_findings, 0);
    r.errored_packs.push(sentra_engine::scan::ErroredPack { pack_id: "x".into(), message: "m".into(), file: None, rules: vec![] });
    assert!(!sentra_engine::gate(&r, &config.gate_fail_on).passed);
}
