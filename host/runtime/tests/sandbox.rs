//! The sandbox against the hostile test packs built from `packs/testing/`.

use std::time::{Duration, Instant};

use sentra_builtin_packs::guest_component;
use sentra_runtime::{FileData, FileInput, LoadError, PackError, PackLimits, Runtime, RuntimeConfig};

fn runtime() -> Runtime {
    Runtime::new(RuntimeConfig::default()).unwrap()
}

fn load(rt: &Runtime, name: &str, limits: PackLimits) -> Result<sentra_runtime::LoadedPack, LoadError> {
    let bytes = std::fs::read(guest_component(name)).unwrap();
    rt.load(name, &bytes, limits)
}

fn scan_one(pack: &sentra_runtime::LoadedPack, path: &str, text: &str) -> Result<sentra_runtime::ScanOutput, PackError> {
    let rules: Vec<u32> = (0..pack.info().rules.len() as u32).collect();
    pack.scan(&[FileInput { path, data: FileData::new(text.as_bytes().to_vec()), rules: &rules }], &Default::default())
}

#[test]
fn infinite_loop_is_stopped_at_its_deadline() {
    let rt = runtime();
    let limits = PackLimits { call_timeout: Duration::from_millis(200), ..PackLimits::default() };
    let pack = load(&rt, "test-loop", limits).unwrap();
    let started = Instant::now();
    let err = scan_one(&pack, "a.py", "x").unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, PackError::Timeout { limit_ms: 200, .. }), "{err}");
    assert!(err.to_string().contains("test-loop"), "{err}");
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    // The trapped instance is discarded; the next call gets a fresh one and is stopped too.
    assert!(matches!(scan_one(&pack, "b.py", "y").unwrap_err(), PackError::Timeout { .. }));
}

/// A pack kept after its runtime is dropped (a caller that holds the pack set and lets the
/// catalog go) is still stopped: the epoch thread lives as long as any pack.
#[test]
fn a_pack_that_outlives_its_runtime_is_still_stopped() {
    let limits = PackLimits { call_timeout: Duration::from_millis(200), ..PackLimits::default() };
    let pack = load(&runtime(), "test-loop", limits).unwrap();
    let started = Instant::now();
    assert!(matches!(scan_one(&pack, "a.py", "x").unwrap_err(), PackError::Timeout { limit_ms: 200, .. }));
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
}

#[test]
fn memory_hog_is_stopped_at_its_cap() {
    let rt = runtime();
    let limits = PackLimits { memory_bytes: 32 << 20, ..PackLimits::default() };
    let pack = load(&rt, "test-memory", limits).unwrap();
    let err = scan_one(&pack, "a.py", "x").unwrap_err();
    assert_eq!(err, PackError::OutOfMemory { pack: "test-memory".into(), limit_bytes: 32 << 20 });
}

#[test]
fn pack_gets_no_files_environment_or_clock() {
    let rt = runtime();
    let pack = load(&rt, "test-probe", PackLimits::default()).unwrap();
    let out = scan_one(&pack, "Cargo.toml", "x").unwrap();
    let msg = &out.findings[0].message;
    assert!(msg.contains("passwd=Err("), "{msg}");
    assert!(msg.contains("root=Err("), "{msg}");
    assert!(msg.contains("rel=Err("), "{msg}");
    assert!(msg.contains("home=None"), "{msg}");
    assert!(msg.contains("vars=0"), "{msg}");
    assert!(msg.contains("args=0"), "{msg}");
    assert!(msg.contains("now=0"), "{msg}");
}

#[test]
fn trap_is_reported_and_instance_replaced() {
    let rt = runtime();
    let pack = load(&rt, "test-trap", PackLimits::default()).unwrap();
    for _ in 0..2 {
        let err = scan_one(&pack, "a.py", "x").unwrap_err();
        assert!(matches!(err, PackError::Trap { .. }), "{err}");
        assert!(!err.to_string().contains("cannot enter component instance"), "{err}");
    }
}

#[test]
fn other_api_version_is_refused_naming_both() {
    let err = load(&runtime(), "test-future-api", PackLimits::default()).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, LoadError::UnsupportedApi { .. }), "{msg}");
    assert!(msg.contains("sentra:pack@0.3.0") && msg.contains("sentra:pack@0.1.0, sentra:pack@0.2.0"), "{msg}");
}

#[test]
fn socket_import_is_refused() {
    let err = load(&runtime(), "test-net", PackLimits::default()).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, LoadError::ForbiddenImport { .. }), "{msg}");
    assert!(msg.contains("wasi:sockets"), "{msg}");
}

#[test]
fn non_components_are_refused() {
    let rt = runtime();
    let core = [0u8, b'a', b's', b'm', 1, 0, 0, 0];
    let err = rt.load("core", &core, PackLimits::default()).unwrap_err();
    assert!(err.to_string().contains("core module"), "{err}");
    let err = rt.load("junk", b"not wasm at all", PackLimits::default()).unwrap_err();
    assert!(matches!(err, LoadError::NotAComponent { .. }), "{err}");
    let mut truncated = std::fs::read(guest_component("secrets")).unwrap();
    truncated.truncate(truncated.len() / 2);
    let err = rt.load("truncated", &truncated, PackLimits::default()).unwrap_err();
    assert!(matches!(err, LoadError::Compile { .. }), "{err}");
}

#[test]
fn basic_pack_regex_check_and_project_rules() {
    let rt = runtime();
    let pack = load(&rt, "test-basic", PackLimits::default()).unwrap();
    let info = pack.info();
    assert_eq!((info.id.as_str(), info.version.as_str(), info.license.as_str()), ("test-basic", "1.2.3", "MIT"));
    assert_eq!(info.rules.len(), 3);
    assert!(info.rules[2].project_level);
    let long = "x".repeat(130);
    let text = format!("ok\n  # TODO(ann) fix\n{long}\n");
    let out = scan_one(&pack, "a.py", &text).unwrap();
    let mut got: Vec<(&str, u32, u32)> = out.findings.iter().map(|f| (f.rule_id.as_str(), f.line, f.column)).collect();
    got.sort();
    assert_eq!(got, vec![("BASIC-LONG-LINE", 3, 1), ("BASIC-TODO", 2, 5)]);
    let project = pack.scan_project(&["src/a.py"], &[2], &Default::default()).unwrap();
    assert_eq!(project.findings.len(), 1);
    assert!(pack.scan_project(&["README.md"], &[2], &Default::default()).unwrap().findings.is_empty());
}

#[test]
fn a_file_over_the_per_file_limit_keeps_its_first_findings_and_is_reported() {
    let rt = runtime();
    let limits = PackLimits { max_findings_per_file: 5, ..PackLimits::default() };
    let pack = load(&rt, "test-basic", limits).unwrap();
    let out = scan_one(&pack, "a.txt", &"TODO(x)\n".repeat(6)).unwrap();
    assert_eq!(out.findings.len(), 5);
    assert_eq!(out.overflows, vec![sentra_runtime::Overflow { file: 0, reported: 6, kept: 5 }]);
    let lines: Vec<u32> = out.findings.iter().map(|f| f.line).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5], "same severity: the first ones by position");
    let out = scan_one(&pack, "a.txt", &"TODO(x)\n".repeat(5)).unwrap();
    assert_eq!((out.findings.len(), out.overflows.len()), (5, 0));
}

#[test]
fn compile_cache_is_written_and_survives_corruption() {
    let dir = tempfile::tempdir().unwrap();
    let rt = Runtime::new(RuntimeConfig { cache_dir: Some(dir.path().to_path_buf()) }).unwrap();
    load(&rt, "test-basic", PackLimits::default()).unwrap();
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(entries[0].extension().is_some_and(|e| e == "cwasm"));
    load(&rt, "test-basic", PackLimits::default()).unwrap();
    std::fs::write(&entries[0], b"garbage").unwrap();
    // A new runtime: the first one keeps the compiled component in memory.
    let rt = Runtime::new(RuntimeConfig { cache_dir: Some(dir.path().to_path_buf()) }).unwrap();
    let pack = load(&rt, "test-basic", PackLimits::default()).unwrap();
    assert_eq!(pack.info().id, "test-basic");
    assert!(std::fs::read(&entries[0]).unwrap().len() > 100, "corrupt entry was rewritten");
}

#[test]
fn an_instance_a_large_file_grew_is_not_kept_warm() {
    let rt = runtime();
    let pack = load(&rt, "test-basic", PackLimits::default()).unwrap();
    let idle = pack.idle_instances();
    scan_one(&pack, "small.txt", "TODO(x)\n").unwrap();
    assert_eq!(pack.idle_instances(), idle.max(1), "a small call keeps its instance");
    let before = pack.idle_instances();
    let big = "x".repeat(sentra_runtime::RETAINED_INSTANCE_GROWTH + (1 << 20));
    scan_one(&pack, "big.txt", &big).unwrap();
    assert_eq!(pack.idle_instances(), before - 1, "the grown instance is dropped");
    assert!(scan_one(&pack, "small.txt", "TODO(x)\n").unwrap().findings.len() == 1, "a fresh instance takes over");
}

#[test]
fn future_api_fixture_wit_tracks_the_real_one() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let real = std::fs::read_to_string(root.join("wit/pack.wit")).unwrap();
    let copy = std::fs::read_to_string(root.join("packs/testing/test-future-api/wit/pack.wit")).unwrap();
    assert_eq!(copy, real.replace("sentra:pack@0.2.0", "sentra:pack@0.3.0"), "regenerate the fixture's WIT from wit/pack.wit");
}

#[test]
fn a_pattern_over_its_budget_is_a_rule_error_and_spares_other_rules() {
    let rt = runtime();
    let pack = load(&rt, "test-regex-error", PackLimits::default()).unwrap();
    // The `b` defeats PCRE2's required-character shortcut, so the search really backtracks.
    let text = format!("TODO one\n{}c b\nTODO two\n", "a".repeat(5_000));
    let started = Instant::now();
    let out = scan_one(&pack, "a.txt", &text).unwrap();
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    let lines: Vec<(&str, u32)> = out.findings.iter().map(|f| (f.rule_id.as_str(), f.line)).collect();
    assert_eq!(lines, vec![("RX-OK", 1), ("RX-OK", 3)]);
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].rule_id, "RX-HOSTILE");
    assert!(out.errors[0].message.contains("backtracking limit"), "{}", out.errors[0].message);
}

#[test]
fn a_component_past_the_size_limit_is_refused_before_compiling() {
    let rt = runtime();
    // A component header followed by padding: refused by size, never handed to Cranelift.
    let mut bytes = vec![0, b'a', b's', b'm', 0x0d, 0, 1, 0];
    bytes.resize(sentra_runtime::MAX_COMPONENT_BYTES + 1, 0);
    let started = Instant::now();
    let err = rt.load("big", &bytes, PackLimits::default()).unwrap_err().to_string();
    assert!(err.contains("the limit is") && err.contains("big"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}
