//! `applies_when`: project preconditions of rules, evaluated by the host once per scan
//! (packs cannot read the repository). Facts that need file contents (imports, content
//! regexes) are only gathered when some active rule asks for them, in one parallel pass.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use globset::GlobSetBuilder;
use rayon::prelude::*;
use sentra_matcher::{MatchLimits, PatternSet, Text};
use sentra_runtime::{Conditions, FileData};

use crate::glob::compile_glob;

/// Language of a path, from its extension (or name, for Dockerfiles).
pub fn language_of(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == "Dockerfile" || name.ends_with(".dockerfile") {
        return Some("dockerfile");
    }
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "py" | "pyi" => "python",
        "js" | "jsx" | "mjs" | "cjs" => "javascript",
        "ts" | "tsx" | "mts" | "cts" => "typescript",
        "java" => "java",
        "go" => "go",
        "rs" => "rust",
        "rb" => "ruby",
        "php" => "php",
        "cs" => "csharp",
        "c" | "h" => "c",
        "cc" | "cpp" | "cxx" | "hpp" | "hh" | "hxx" => "cpp",
        "kt" | "kts" => "kotlin",
        "swift" => "swift",
        "scala" => "scala",
        "sh" | "bash" | "zsh" => "shell",
        "tf" | "hcl" => "terraform",
        "yaml" | "yml" => "yaml",
        "json" => "json",
        "html" | "htm" => "html",
        "sql" => "sql",
        _ => return None,
    })
}

/// Whether a root-level file name is a dependency manifest.
fn is_manifest(name: &str) -> bool {
    const EXACT: &[&str] = &[
        "pyproject.toml",
        "setup.py",
        "setup.cfg",
        "Pipfile",
        "package.json",
        "go.mod",
        "Cargo.toml",
        "Gemfile",
        "build.gradle",
        "build.gradle.kts",
        "pom.xml",
        "composer.json",
    ];
    EXACT.contains(&name) || (name.starts_with("requirements") && name.ends_with(".txt"))
}

/// Python modules a file imports: `import a.b` gives `a.b`; `from a import b` gives `a`
/// and `a.b` (b may be a submodule). Relative imports are skipped.
fn python_imports(text: &str, out: &mut BTreeSet<String>) {
    for line in text.lines() {
        let line = line.trim_start();
        if let Some(rest) = line.strip_prefix("import ") {
            for part in rest.split('#').next().unwrap_or("").split(',') {
                if let Some(m) = part.split_whitespace().next() {
                    out.insert(m.to_string());
                }
            }
        } else if let Some(rest) = line.strip_prefix("from ")
            && let Some((module, names)) = rest.split_once(" import ")
        {
            let module = module.trim();
            if module.starts_with('.') {
                continue;
            }
            out.insert(module.to_string());
            for n in names.trim_matches(|c| c == '(' || c == ')' || c == ' ').split(',') {
                if let Some(n) = n.split_whitespace().next().filter(|n| *n != "*" && *n != "(") {
                    out.insert(format!("{module}.{n}"));
                }
            }
        }
    }
}

/// Evaluates every rule's conditions. `conditions[p][r]` is rule `r` of pack `p`'s
/// conditions (`None`: unconditional); the result says which rules apply. `read(i)`
/// loads file `paths[i]` as the scan would (`None` if it is skipped).
pub fn evaluate(
    conditions: &[Vec<Option<&Conditions>>],
    paths: &[&str],
    read: &(dyn Fn(usize) -> Option<FileData> + Sync),
    limits: &MatchLimits,
) -> Vec<Vec<bool>> {
    let all: Vec<&Conditions> = conditions.iter().flatten().flatten().copied().collect();
    if all.is_empty() {
        return conditions.iter().map(|p| vec![true; p.len()]).collect();
    }
    let languages: BTreeSet<&str> = paths.iter().filter_map(|p| language_of(p)).collect();

    let needs_imports = all.iter().any(|c| !c.has_imports.is_empty());
    let mut content: Vec<String> = all.iter().flat_map(|c| c.has_content.iter().cloned()).collect();
    content.sort();
    content.dedup();
    // Case-insensitive; a pattern that does not compile never holds (packs are validated
    // before they get here, so that only happens for hand-built components).
    let compiled: Vec<Option<PatternSet>> = content.iter().map(|p| PatternSet::compile(&[format!("(?i){p}")], *limits).ok()).collect();

    let imports = Mutex::new(BTreeSet::new());
    let content_hit: Vec<std::sync::atomic::AtomicBool> = content.iter().map(|_| Default::default()).collect();
    let manifests = Mutex::new(String::new());
    (0..paths.len()).into_par_iter().for_each(|i| {
        let path = &paths[i];
        let is_py = path.ends_with(".py");
        let manifest = !path.contains('/') && is_manifest(path);
        let want_content = content_hit.iter().any(|h| !h.load(std::sync::atomic::Ordering::Relaxed));
        if !(manifest || (needs_imports && is_py) || want_content) {
            return;
        }
        let Some(data) = read(i) else { return };
        let bytes = data.bytes();
        if manifest {
            manifests.lock().unwrap().push_str(&String::from_utf8_lossy(bytes).to_lowercase());
        }
        if needs_imports && is_py {
            let mut found = BTreeSet::new();
            python_imports(&String::from_utf8_lossy(bytes), &mut found);
            imports.lock().unwrap().append(&mut found);
        }
        if want_content {
            let text = Text::new(bytes);
            for (hit, set) in content_hit.iter().zip(&compiled) {
                if !hit.load(std::sync::atomic::Ordering::Relaxed) && set.as_ref().is_some_and(|s| s.is_match(&text, 0).unwrap_or(false)) {
                    hit.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
    });
    let imports = imports.into_inner().unwrap();
    let manifests = manifests.into_inner().unwrap();
    let content_hit: HashMap<&str, bool> = content.iter().zip(&content_hit).map(|(p, h)| (p.as_str(), h.load(std::sync::atomic::Ordering::Relaxed))).collect();

    let holds = |c: &Conditions| -> bool {
        let any = |list: &[String], f: &dyn Fn(&str) -> bool| list.is_empty() || list.iter().any(|x| f(x));
        any(&c.languages, &|l| languages.contains(l.to_ascii_lowercase().as_str()))
            && files_hold(&c.has_files, paths)
            && any(&c.has_imports, &|m| imports.iter().any(|i| i == m || i.strip_prefix(m).is_some_and(|rest| rest.starts_with('.'))))
            && any(&c.has_dependencies, &|d| manifests.contains(&d.to_lowercase()))
            && any(&c.has_content, &|p| content_hit.get(p).copied().unwrap_or(false))
    };
    conditions.iter().map(|pack| pack.iter().map(|c| c.is_none_or(holds)).collect()).collect()
}

/// `has_files`: any plain glob matches a file (when there are plain globs), and no
/// `!`-prefixed glob (written `lacks_files`) does.
fn files_hold(globs: &[String], paths: &[&str]) -> bool {
    let (neg, pos): (Vec<&String>, Vec<&String>) = globs.iter().partition(|g| g.starts_with('!'));
    (pos.is_empty() || pos.iter().any(|g| has_file(g, paths))) && neg.iter().all(|g| !has_file(&g[1..], paths))
}

fn has_file(glob: &str, paths: &[&str]) -> bool {
    let mut b = GlobSetBuilder::new();
    let Ok(g) = compile_glob(glob) else { return false };
    b.add(g);
    if let Some(rest) = glob.strip_prefix("**/")
        && let Ok(g) = compile_glob(rest)
    {
        b.add(g);
    }
    let Ok(set) = b.build() else { return false };
    paths.iter().any(|p| set.is_match(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_imports_cover_both_forms() {
        let mut out = BTreeSet::new();
        python_imports("import os, sys as s\nfrom flask import Flask, request\nfrom . import x\n  import a.b # c\n", &mut out);
        let got: Vec<&str> = out.iter().map(String::as_str).collect();
        assert_eq!(got, vec!["a.b", "flask", "flask.Flask", "flask.request", "os", "sys"]);
    }

    #[test]
    fn conditions_need_every_list_and_any_entry() {
        let paths: Vec<String> = ["app.py", "requirements.txt", "web/index.ts"].iter().map(|s| s.to_string()).collect();
        let files: Vec<&[u8]> = vec![b"import flask.json\nSECRET = 1\n", b"Flask==3.0\n", b"let x = 1;\n"];
        let read = |i: usize| Some(FileData::new(files[i].to_vec()));
        let c = |f: &dyn Fn(&mut Conditions)| {
            let mut c = Conditions::default();
            f(&mut c);
            c
        };
        let cases = [
            (c(&|c| c.languages = vec!["python".into(), "go".into()]), true),
            (c(&|c| c.languages = vec!["go".into()]), false),
            (c(&|c| c.has_files = vec!["**/*.ts".into()]), true),
            (c(&|c| c.has_files = vec!["**/*.go".into()]), false),
            (c(&|c| c.has_files = vec!["!**/*.go".into(), "!**/go.sum".into()]), true),
            (c(&|c| c.has_files = vec!["**/*.go".into(), "!**/*.ts".into()]), false),
            (c(&|c| c.has_files = vec!["!**/*.ts".into()]), false),
            (c(&|c| c.has_imports = vec!["flask".into()]), true),
            (c(&|c| c.has_imports = vec!["fla".into()]), false),
            (c(&|c| c.has_dependencies = vec!["flask".into()]), true),
            (c(&|c| c.has_dependencies = vec!["django".into()]), false),
            (c(&|c| c.has_content = vec!["secret\\s*=".into()]), true),
            (c(&|c| c.has_content = vec!["password".into()]), false),
            (
                c(&|c| {
                    c.languages = vec!["python".into()];
                    c.has_dependencies = vec!["django".into()]
                }),
                false,
            ),
        ];
        let conditions: Vec<Vec<Option<&Conditions>>> = vec![cases.iter().map(|(c, _)| Some(c)).chain([None]).collect()];
        let got = evaluate(&conditions, &paths.iter().map(String::as_str).collect::<Vec<_>>(), &read, &MatchLimits::default());
        let want: Vec<bool> = cases.iter().map(|(_, w)| *w).chain([true]).collect();
        assert_eq!(got[0], want);
    }
}
