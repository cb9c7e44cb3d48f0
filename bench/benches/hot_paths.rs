//! Criterion benchmarks of the scan's hot paths, per file: the prefilter (globs and the
//! shared literal automaton), one guest call (the `secrets` component and a declarative
//! pack), and finding post-processing (snippet, fingerprint). Inputs are real files of this
//! repository, so the numbers track what a scan does.
//!
//!     cargo bench -p sentra-bench --bench hot_paths

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sentra_engine::finding::FileFindings;
use sentra_engine::{Catalog, Config, PackSource};
use sentra_runtime::{FileData, FileInput, RawFinding};

fn repo_file(rel: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)).expect("a file of the repository")
}

fn catalog() -> Catalog {
    let sources = sentra_builtin_packs::BUILTIN
        .iter()
        .map(|(id, bytes)| PackSource::component(id, bytes))
        .chain(sentra_builtin_packs::BUILTIN_YAML.iter().map(|(id, doc, checked)| PackSource::builtin_yaml(id, doc, *checked)))
        .collect();
    Catalog::new(sources, sentra_engine::default_cache_dir()).expect("catalog").with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE)
}

fn bench(c: &mut Criterion) {
    let cat = catalog();
    let config = Config { standards_packs: Some(cat.ids()), ..Config::default() };
    let all = cat.load(&config).expect("every built-in pack loads");
    let active: Vec<Vec<bool>> = all.packs.iter().map(|p| vec![true; p.rules().len()]).collect();
    let source = repo_file("host/engine/src/scan.rs");
    let python = repo_file("tests/fixtures/compliance/project/app.py");

    let mut g = c.benchmark_group("prefilter");
    g.bench_function("all packs, 30 KB Rust file", |b| b.iter(|| black_box(all.select("host/engine/src/scan.rs", black_box(&source), &active))));
    g.bench_function("all packs, Python file", |b| b.iter(|| black_box(all.select("app.py", black_box(&python), &active))));
    g.finish();

    let mut g = c.benchmark_group("guest call");
    for id in ["secrets", "python-security"] {
        let p = all.packs.iter().find(|p| p.id() == id).expect("pack");
        let rules: Vec<u32> = (0..p.rules().len() as u32).filter(|&r| !p.rules()[r as usize].project_level).collect();
        let data = FileData::new(python.clone());
        g.bench_function(format!("{id}, every rule, Python file"), |b| {
            b.iter(|| {
                let input = FileInput { path: "app.py", data: data.clone(), rules: &rules };
                black_box(p.pack.scan(std::slice::from_ref(&input), &Default::default()).expect("scan"))
            })
        });
    }
    g.finish();

    let rule = all.packs[0].rules()[0].clone();
    let meta = all.packs[0].meta(0).clone();
    let raw =
        RawFinding { rule_id: rule.id.clone(), file: 0, line: 120, column: 5, end_line: 120, end_column: 40, message: "m".into(), flow: vec![], fix: None };
    c.bench_function("post-process one finding", |b| {
        b.iter(|| {
            let mut ff = FileFindings::new("host/engine/src/scan.rs", &source);
            black_box(ff.build(&meta, raw.clone()))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
