//! The engine over in-memory sources with the real built-in packs.

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use sentra_engine::{Catalog, Config, PackSource, ScanError, ScanOptions, Source};

fn catalog() -> Catalog {
    let sources = sentra_builtin_packs::BUILTIN.iter().map(|(id, bytes)| PackSource::component(id, bytes)).collect();
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache");
    Catalog::new(sources, Some(cache)).unwrap().with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE)
}

/// A catalog of one declarative pack, run by the built-in declarative engine.
fn yaml_catalog(id: &str, doc: &'static str) -> Catalog {
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache");
    Catalog::new(vec![PackSource::yaml(id, doc)], Some(cache)).unwrap().with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE)
}

fn files() -> Source {
    Source::Memory(vec![
        ("b.py".into(), b"K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n".to_vec()),
        ("a/c.js".into(), b"const t = 'ghp_C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP';\n".to_vec()),
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
fn a_one_shot_scan_releases_the_packs_instances_and_finds_the_same() {
    let config = Config::default();
    let set = catalog().load(&config).unwrap();
    let warm = sentra_engine::scan(&files(), &set, &config, &ScanOptions::default()).unwrap();
    assert!(set.packs.iter().any(|p| p.pack.idle_instances() > 0), "a server's scan keeps instances warm");
    let released = sentra_engine::scan(&files(), &set, &config, &ScanOptions { release_packs: true, ..Default::default() }).unwrap();
    assert!(set.packs.iter().all(|p| p.pack.idle_instances() == 0), "a one-shot scan leaves none behind");
    assert_eq!(warm.findings, released.findings);
    let again = sentra_engine::scan(&files(), &set, &config, &ScanOptions::default()).unwrap();
    assert_eq!(warm.findings, again.findings, "the next call instantiates afresh");
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
    let err = sentra_engine::scan(&files(), &set, &config, &ScanOptions { cancel: Some(std::sync::Arc::new(cancel)), ..Default::default() }).unwrap_err();
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
    r.errored_packs.push(sentra_engine::scan::ErroredPack {
        pack_id: "x".into(),
        message: "m".into(),
        file: None,
        rules: vec![],
        on_error: sentra_engine::config::OnError::Fail,
    });
    assert!(!sentra_engine::gate(&r, &config.gate_fail_on).passed);
    r.errored_packs[0].on_error = sentra_engine::config::OnError::Skip;
    assert!(sentra_engine::gate(&r, &config.gate_fail_on).passed, "a pack with `on_error: skip` does not fail the gate");
}

/// A declarative pack in the catalog (how built-in YAML packs are shipped: the document
/// baked into the binary, run by the declarative engine component) loads and scans, and
/// its `applies_when` sees an in-memory project too.
#[test]
fn catalog_yaml_packs_run_in_the_declarative_engine() {
    const DOC: &str = include_str!("../../../tests/fixtures/declarative/conditions/pack.yaml");
    let catalog = yaml_catalog("fx-conditions", DOC);
    let config = Config::default();
    let set = catalog.load(&config).unwrap();
    let source = Source::Memory(vec![("requirements.txt".into(), b"requests\n".to_vec()), ("app.py".into(), b"import requests\nMARKER = 1\n".to_vec())]);
    let r = sentra_engine::scan(&source, &set, &config, &ScanOptions::default()).unwrap();
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert_eq!(rules, vec!["AW-DEPS", "AW-IMPORTS", "AW-PYTHON"]);
    assert_eq!(r.not_applicable_rules.len(), 9, "{:?}", r.not_applicable_rules);
}

/// Built-in YAML packs (directories of `packs/` holding a `pack.yaml`) must validate
/// cleanly: no warnings, and the id they are shipped under. Their validated form is
/// committed as `pack.checked.json` (a process start loads it instead of validating
/// again) and must be the one this build makes; `SENTRA_BLESS=1` rewrites it.
#[test]
fn builtin_yaml_packs_are_clean_and_their_checked_form_is_current() {
    use sentra_engine::declarative;
    let bless = std::env::var_os("SENTRA_BLESS").is_some();
    let mut stale = Vec::new();
    for (id, doc, committed) in sentra_builtin_packs::BUILTIN_YAML {
        let checked = declarative::check_pack(id, doc, id, &Default::default()).unwrap_or_else(|e| panic!("built-in pack {id}: {e}"));
        assert!(checked.warnings.is_empty(), "built-in pack {id}: {:?}", checked.warnings);
        assert_eq!(checked.id(), *id);
        let fresh = declarative::committed_form(doc, &checked);
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs").join(id).join("pack.checked.json");
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != fresh {
            if bless {
                std::fs::write(&path, &fresh).unwrap();
            } else {
                stale.push(path.display().to_string());
            }
        } else if !bless {
            // What the build embedded is what is on disk (else the build is older than the file).
            let embedded = committed.map(|c| declarative::from_committed(doc, c).map(|c| c.document));
            assert_eq!(embedded, Some(Some(checked.document)), "built-in pack {id}: rebuild to embed the current pack.checked.json");
        }
    }
    assert!(stale.is_empty(), "stale validated forms (run `SENTRA_BLESS=1 cargo test -p sentra-engine --test scan builtin_yaml`): {stale:?}");
}

/// A committed form made from another text is not used: the pack is validated again.
#[test]
fn a_stale_checked_form_is_ignored() {
    use sentra_engine::declarative;
    let doc = "name: P\nrules:\n- {id: A, name: a, type: regex, pattern: x, severity: low}\n";
    let checked = declarative::check_pack("p", doc, "p", &Default::default()).unwrap();
    let committed = declarative::committed_form(doc, &checked);
    assert!(declarative::from_committed(doc, &committed).is_some());
    assert!(declarative::from_committed(&doc.replace("pattern: x", "pattern: y"), &committed).is_none());
    assert!(declarative::from_committed(doc, "{not json").is_none());
}

#[test]
fn a_declarative_pack_without_the_engine_is_a_clear_error() {
    let catalog = Catalog::new(vec![PackSource::yaml("p", "name: P\nrules: []\n")], None).unwrap();
    let err = catalog.load(&Config::default()).unwrap_err();
    assert!(err.to_string().contains("pack `p` is a declarative (YAML) pack"), "{err}");
}

/// Pack instances are reused across scans; a file that comes back under the same path
/// with other contents is re-parsed, not answered from the previous scan's AST.
#[test]
fn ast_rules_see_new_contents_of_the_same_path() {
    const DOC: &str = include_str!("../../../tests/fixtures/declarative/ast/pack.yaml");
    let catalog = yaml_catalog("fx-ast", DOC);
    let config = Config::default();
    let set = catalog.load(&config).unwrap();
    let scan = |code: &str| -> Vec<String> {
        let source = Source::Memory(vec![("m.py".into(), code.as_bytes().to_vec())]);
        let r = sentra_engine::scan(&source, &set, &config, &ScanOptions::default()).unwrap();
        r.findings.iter().map(|f| format!("{}:{}", f.rule_id, f.evidence.lines[0])).collect()
    };
    assert_eq!(scan("from os import *\n"), vec!["AST-STAR-IMPORT:1"]);
    assert_eq!(scan("\nfrom os import *\n"), vec!["AST-STAR-IMPORT:2"]);
    assert!(scan("import os\n").is_empty());
}

const SHARED_A: &str = "pack_id: shared-a\nname: A\nrules:\n  - id: A-1\n    name: alpha\n    type: regex\n    pattern: alpha_token\n";
const SHARED_B: &str = "pack_id: shared-b\nname: B\nrules:\n  - id: B-1\n    name: beta\n    type: regex\n    pattern: beta_token\n";

fn shared_source() -> Source {
    Source::Memory(vec![("x.py".into(), b"alpha_token = 1\nbeta_token = 2\n".to_vec())])
}

fn found(r: &sentra_engine::ScanResult) -> Vec<(String, String, u32)> {
    r.findings.iter().map(|f| (f.pack_id.to_string(), f.rule_id.to_string(), f.evidence.lines[0])).collect()
}

/// The catalog's YAML packs run in engine instances they share (the `engine` export):
/// each pack still finds only its own rules, a second pack set of the same packs shares
/// them too, and once the last pack of a document goes, the instances holding it go.
#[test]
fn catalog_yaml_packs_share_engine_instances_and_release_them_with_the_last_pack() {
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache");
    let catalog = Catalog::new(vec![PackSource::yaml("shared-a", SHARED_A), PackSource::yaml("shared-b", SHARED_B)], Some(cache))
        .unwrap()
        .with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE);
    let config = Config::default();
    let only_a = catalog.load(&Config { standards_packs: Some(vec!["shared-a".into()]), ..Config::default() }).unwrap();
    let both = catalog.load(&config).unwrap();
    assert!(both.packs.iter().all(|p| p.pack.is_shared()));
    let r = sentra_engine::scan(&shared_source(), &both, &config, &ScanOptions::default()).unwrap();
    let want = vec![("shared-a".to_string(), "A-1".to_string(), 1), ("shared-b".to_string(), "B-1".to_string(), 2)];
    assert_eq!(found(&r), want);
    let (a, b) = (&both.packs[0].pack, &both.packs[1].pack);
    assert!(a.idle_instances() >= 1 && a.idle_instances() == b.idle_instances(), "one pool for both packs");
    assert_eq!(a.idle_instances(), only_a.packs[0].pack.idle_instances(), "and for another pack set's");
    let again = catalog.load(&config).unwrap();
    assert_eq!(found(&sentra_engine::scan(&shared_source(), &again, &config, &ScanOptions::default()).unwrap()), want);
    drop(again);
    assert!(a.idle_instances() >= 1, "the documents are still used: the instances stay warm");
    // From here on one thread, so one instance, holding both documents: with two, an
    // instance may have run only A's calls (the loads and the scan are parallel).
    a.release_instances();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    one.install(|| sentra_engine::scan(&shared_source(), &both, &config, &ScanOptions::default())).unwrap();
    assert_eq!(a.idle_instances(), 1);
    drop(both);
    assert_eq!(only_a.packs[0].pack.idle_instances(), 0, "B's last pack went: the instances holding it went too");
    let r = sentra_engine::scan(&shared_source(), &only_a, &config, &ScanOptions::default()).unwrap();
    assert_eq!(found(&r), want[..1]);
}

/// A document the engine refuses fails that pack's load, naming it, and leaves the shared
/// instance, and the packs it already runs, as they were.
#[test]
fn a_shared_engine_refuses_bad_settings_for_that_pack_only() {
    use sentra_engine::declarative;
    use sentra_runtime::{FileData, FileInput, LoadError, PackLimits, Runtime, RuntimeConfig};
    let rt = Runtime::new(RuntimeConfig::default()).unwrap();
    let engine = sentra_builtin_packs::DECLARATIVE_ENGINE;
    let checked = declarative::check_pack("shared-a", SHARED_A, "shared-a", &Default::default()).unwrap();
    let a = rt.load_shared("shared-a", engine, declarative::engine_settings(&checked), PackLimits::default()).unwrap();
    assert_eq!(a.idle_instances(), 1);
    let err = rt.load_shared("broken", engine, "{not json".into(), PackLimits::default()).unwrap_err();
    assert!(matches!(&err, LoadError::Configure { pack, .. } if pack == "broken"), "{err}");
    assert_eq!(a.idle_instances(), 1, "the refusal kept the instance warm");
    let rules = [0];
    let file = FileInput { path: "x.py", data: FileData::new(b"alpha_token\n".to_vec()), rules: &rules };
    let out = a.scan(&[file], &Default::default()).unwrap();
    assert_eq!(out.findings.iter().map(|f| f.rule_id.as_str()).collect::<Vec<_>>(), ["A-1"]);
    // Other limits, other instances: a call runs under its own pack's limits.
    let strict = PackLimits { memory_bytes: 32 << 20, ..PackLimits::default() };
    let a2 = rt.load_shared("shared-a", engine, declarative::engine_settings(&checked), strict).unwrap();
    assert_eq!((a.idle_instances(), a2.idle_instances()), (1, 1));
}

/// Only the catalog's own documents share engine instances: a tenant's imported YAML pack
/// (`load_checked`) and a `--pack-file` document get instances of their own, even when
/// they are the very same document as a catalog pack.
#[test]
fn tenant_and_pack_file_yaml_packs_never_share_an_instance() {
    use sentra_engine::declarative;
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache");
    let catalog =
        Catalog::new(vec![PackSource::yaml("shared-a", SHARED_A)], Some(cache)).unwrap().with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE);
    let config = Config::default();
    let builtin = catalog.load(&config).unwrap();
    assert!(builtin.packs[0].pack.is_shared());
    let checked = declarative::check_pack("shared-a", SHARED_A, "shared-a", &Default::default()).unwrap();
    let imported = catalog.load_checked("shared-a", &checked, &config).unwrap();
    assert!(!imported.is_shared(), "a tenant's pack");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared-a.yaml");
    std::fs::write(&path, SHARED_A).unwrap();
    let file = catalog.load_file(&path, &config).unwrap();
    assert!(!file.pack.is_shared(), "a --pack-file pack");
    assert_eq!((imported.idle_instances(), file.pack.idle_instances()), (1, 1), "each has its own warm instance");
}
