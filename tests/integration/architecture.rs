//! The crate graph keeps its seams: the result model and the crates that only name
//! findings (reports, trackers, the store) never pull in the sandbox, and the CLI reaches
//! the HTTP server only to run `sentra serve`.

use std::path::Path;

use super::repo_root;

/// The `sentra-*` crates a crate's manifest depends on (normal and dev dependencies).
fn sentra_deps(krate: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo_root().join("host").join(krate).join("Cargo.toml")).unwrap();
    text.lines().filter_map(|l| l.trim().split(['.', ' ', '=']).next().filter(|n| n.starts_with("sentra-")).map(str::to_string)).collect()
}

/// Every crate `krate` reaches through `sentra-*` dependencies, itself included.
fn closure(krate: &str) -> Vec<String> {
    let mut seen = vec![format!("sentra-{krate}")];
    let mut todo = vec![krate.to_string()];
    while let Some(k) = todo.pop() {
        for d in sentra_deps(&k) {
            if !seen.contains(&d) {
                todo.push(d.trim_start_matches("sentra-").to_string());
                seen.push(d);
            }
        }
    }
    seen
}

#[test]
fn the_model_reports_trackers_and_store_never_reach_the_sandbox() {
    for krate in ["model", "reports", "devops", "store"] {
        let reach = closure(krate);
        for sandboxed in ["sentra-runtime", "sentra-engine", "sentra-builtin-packs"] {
            assert!(!reach.contains(&sandboxed.to_string()), "{krate} reaches {sandboxed}: {reach:?}");
        }
        let manifest = std::fs::read_to_string(repo_root().join("host").join(krate).join("Cargo.toml")).unwrap();
        assert!(!manifest.lines().any(|l| l.trim_start().starts_with("wasmtime")), "{krate} depends on wasmtime");
    }
}

#[test]
fn the_cli_uses_the_server_only_to_serve() {
    let dir = repo_root().join("host/cli/src");
    let mut users = Vec::new();
    visit(&dir, &mut |path, text| {
        if text.contains("sentra_server") {
            users.push(path.strip_prefix(&dir).unwrap().display().to_string());
        }
    });
    users.sort();
    assert_eq!(users, ["args.rs", "cmd/serve.rs"], "only `sentra serve` (and its flags' defaults) may use sentra-server");
    let args = std::fs::read_to_string(dir.join("args.rs")).unwrap();
    for line in args.lines().filter(|l| l.contains("sentra_server")) {
        assert!(line.contains("default_value_t = sentra_server::"), "args.rs uses the server beyond serve's defaults: {line}");
    }
}

fn visit(dir: &Path, f: &mut dyn FnMut(&Path, &str)) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            visit(&p, f);
        } else if p.extension().is_some_and(|x| x == "rs") {
            f(&p, &std::fs::read_to_string(&p).unwrap());
        }
    }
}
