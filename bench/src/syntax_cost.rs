//! Parse cost and tree memory per language, for the syntax-trees issue: walks the given
//! directories, parses every file of a language sentra has a grammar for (by extension,
//! files up to 1 MiB), and prints JSON: per language the files, bytes, parse MB/s (one
//! thread), files with syntax errors, and the resident memory a tree holds per source
//! byte (measured on the largest files, each in a fresh process: RSS with the tree alive
//! minus RSS before parsing, as tree-sitter allocates with the C allocator).
//!
//!     sentra-syntax-cost DIR...
//!     sentra-syntax-cost --tree-memory LANG FILE   (one measurement, bytes)

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use sentra_syntax::{Lang, parse};

#[derive(Default)]
struct Stats {
    files: usize,
    bytes: usize,
    secs: f64,
    with_errors: usize,
    largest: Vec<(usize, std::path::PathBuf)>,
}

fn lang_of(path: &Path) -> Option<Lang> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    // `.h` is C here (C++ headers are mostly `.hpp`); TSX has its own grammar.
    let order = [
        Lang::Tsx,
        Lang::C,
        Lang::Python,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Java,
        Lang::Go,
        Lang::Cpp,
        Lang::CSharp,
        Lang::Php,
        Lang::Ruby,
        Lang::Rust,
        Lang::Kotlin,
    ];
    order.into_iter().find(|l| l.extensions().contains(&ext.as_str()))
}

fn rss_bytes() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse::<usize>().ok()).unwrap_or(0) * 1024
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(meta) = std::fs::symlink_metadata(&p) else { continue };
        if meta.is_dir() {
            walk(&p, out);
        } else if meta.is_file() && meta.len() <= 1 << 20 {
            out.push(p);
        }
    }
}

/// Bytes of resident memory a tree of `file` holds, in this fresh process.
fn tree_memory(lang: &str, file: &str) -> usize {
    let lang = Lang::from_name(lang).expect("a language");
    let bytes = std::fs::read(file).expect("readable");
    let before = rss_bytes();
    let tree = parse(lang, &bytes, usize::MAX, &mut || false);
    let held = rss_bytes().saturating_sub(before);
    drop(tree);
    held
}

fn measure_in_child(lang: Lang, path: &Path) -> usize {
    let exe = std::env::current_exe().expect("own path");
    let out = std::process::Command::new(exe).arg("--tree-memory").arg(lang.name()).arg(path).output().expect("runs");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--tree-memory") {
        println!("{}", tree_memory(&args[2], &args[3]));
        return;
    }
    let mut files = Vec::new();
    for d in std::env::args().skip(1) {
        walk(Path::new(&d), &mut files);
    }
    let mut stats: BTreeMap<Lang, Stats> = BTreeMap::new();
    for path in files {
        let Some(lang) = lang_of(&path) else { continue };
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let started = Instant::now();
        let Ok(tree) = parse(lang, &bytes, usize::MAX, &mut || false) else { continue };
        let s = stats.entry(lang).or_default();
        s.secs += started.elapsed().as_secs_f64();
        s.files += 1;
        s.bytes += bytes.len();
        s.with_errors += usize::from(tree.has_errors);
        s.largest.push((bytes.len(), path));
        s.largest.sort_by_key(|l| std::cmp::Reverse(l.0));
        s.largest.truncate(5);
    }
    let mut out = serde_json::Map::new();
    for (lang, s) in &stats {
        // Tree memory: the largest files, one tree alive at a time.
        let (mut held, mut source) = (0usize, 0usize);
        for (len, path) in &s.largest {
            held += measure_in_child(*lang, path);
            source += len;
        }
        let mb = s.bytes as f64 / 1e6;
        out.insert(
            lang.name().into(),
            serde_json::json!({
                "files": s.files,
                "mb": (mb * 100.0).round() / 100.0,
                "parse_mb_per_s": if s.secs > 0.0 { (mb / s.secs * 10.0).round() / 10.0 } else { 0.0 },
                "files_with_syntax_errors": s.with_errors,
                "tree_bytes_per_source_byte": if source > 0 { (held as f64 / source as f64 * 10.0).round() / 10.0 } else { 0.0 },
                "tree_sample_mb": (source as f64 / 1e6 * 100.0).round() / 100.0,
            }),
        );
    }
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
