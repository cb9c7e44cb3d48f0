//! The native baseline: the same walk, reads, globs and literal prefilter as `sentra scan`,
//! and the same regex rules (taken from the packs' own descriptions) matched natively in
//! one process, with no Wasm. The ratio of `sentra scan` to this is the sandbox's cost.
//!
//! Usage: sentra-native-baseline ROOT [PACK,...]   (prints one JSON line)

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use sentra_engine::{Catalog, Config, PackSource};
use sentra_matcher::{MatchLimits, PatternSet, Text};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let root = std::path::PathBuf::from(args.next().context("usage: sentra-native-baseline ROOT [PACK,...]")?);
    let mut config = Config::load(&root, None)?;
    if let Some(packs) = args.next() {
        config.standards_packs = Some(packs.split(',').map(str::to_string).collect());
    }
    let sources = sentra_builtin_packs::BUILTIN.iter().map(|(id, bytes)| PackSource::component(id, bytes)).collect();
    let catalog = Catalog::new(sources, sentra_engine::default_cache_dir())?;
    let set = catalog.load(&config)?;

    let started = Instant::now();
    // Per pack: compiled patterns and, per rule, its pattern index.
    let compiled: Vec<(PatternSet, Vec<Option<u32>>)> = set
        .packs
        .iter()
        .map(|p| {
            let mut patterns = Vec::new();
            let index = p
                .rules()
                .iter()
                .map(|r| {
                    r.pattern.as_ref().map(|pat| {
                        patterns.push(pat.clone());
                        (patterns.len() - 1) as u32
                    })
                })
                .collect();
            (PatternSet::compile(&patterns, MatchLimits::default()).expect("pack patterns compile"), index)
        })
        .collect();
    let files = sentra_engine::scan::walk_tree(&root, &config);
    // Every rule active: the built-in packs have no `applies_when` conditions.
    let active: Vec<Vec<bool>> = set.packs.iter().map(|p| vec![true; p.rules().len()]).collect();
    let bytes = AtomicU64::new(0);
    let matches = AtomicUsize::new(0);
    let scanned = AtomicUsize::new(0);
    files.par_iter().for_each(|(rel, path, len)| {
        let Some(data) = sentra_engine::scan::load_file(path, *len, config.max_file_bytes, false) else { return };
        scanned.fetch_add(1, Ordering::Relaxed);
        bytes.fetch_add(data.bytes().len() as u64, Ordering::Relaxed);
        let text = Text::new(data.bytes());
        let mut out = Vec::new();
        for (p, rules) in set.select(rel, data.bytes(), &active) {
            let (patterns, index) = &compiled[p];
            let which: Vec<u32> = rules.iter().filter_map(|&r| index[r as usize]).collect();
            if !which.is_empty() {
                patterns.find_all(&text, &which, &mut out, &mut Vec::new());
            }
        }
        matches.fetch_add(out.len(), Ordering::Relaxed);
    });
    println!(
        "{}",
        serde_json::json!({
            "files_scanned": scanned.load(Ordering::Relaxed),
            "bytes": bytes.load(Ordering::Relaxed),
            "regex_matches": matches.load(Ordering::Relaxed),
            "scan_ms": started.elapsed().as_millis() as u64,
        })
    );
    Ok(())
}
