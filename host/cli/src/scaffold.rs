//! `sentra pack new NAME --lang rust|python|js|yaml`: a working pack project (two rules, a
//! fixture with `ruleid:`/`ok:` lines, a README) that builds and passes `sentra pack test`
//! as generated. The component templates carry their own copy of `wit/pack.wit` and of
//! their language's SDK (Rust `sentra-sdk/`, Python `sentra_sdk/`, JavaScript
//! `sentra-sdk/index.js`), so they build anywhere, offline once their toolchain is there.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

const WIT: &str = include_str!("../../../wit/pack.wit");
const FIXTURE: &str = include_str!("templates/example.py");
const YAML: &str = include_str!("templates/pack.yaml");
const RUST_LIB: &str = include_str!("templates/lib.rs");
const RUST_CARGO: &str = include_str!("templates/Cargo.toml.tmpl");
const PYTHON_APP: &str = include_str!("templates/app.py");
const JS_PACK: &str = include_str!("templates/pack.js");
const JS_BUILD: &str = include_str!("templates/build.mjs");
/// The Python and JavaScript SDKs, vendored into scaffolds so they build offline.
const PYTHON_SDK: &str = include_str!("../../../sdk/python/sentra_sdk/__init__.py");
const JS_SDK: &str = include_str!("../../../sdk/js/index.js");
/// The Rust SDK, vendored into Rust scaffolds (it reads the WIT at `../wit/pack.wit`).
const SDK_FILES: [(&str, &str); 6] = [
    ("sentra-sdk/Cargo.toml", include_str!("../../../sdk/Cargo.toml")),
    ("sentra-sdk/src/flow.rs", include_str!("../../../sdk/src/flow.rs")),
    ("sentra-sdk/src/lib.rs", include_str!("../../../sdk/src/lib.rs")),
    ("sentra-sdk/src/query.rs", include_str!("../../../sdk/src/query.rs")),
    ("sentra-sdk/src/rule.rs", include_str!("../../../sdk/src/rule.rs")),
    ("sentra-sdk/src/runtime.rs", include_str!("../../../sdk/src/runtime.rs")),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Rust,
    Python,
    Js,
    Yaml,
}

fn fill(template: &str, name: &str, extra: &[(&str, &str)]) -> String {
    let prefix = name.to_ascii_uppercase();
    let mut s = template.replace("{{NAME}}", name).replace("{{PREFIX}}", &prefix).replace("{{CRATE}}", &name.replace('-', "_"));
    for (k, v) in extra {
        s = s.replace(k, v);
    }
    s
}

fn readme(name: &str, lang: Lang) -> String {
    let (prereq, build, wasm) = match lang {
        Lang::Yaml => ("nothing but `sentra`", "nothing to build", "pack.yaml"),
        Lang::Rust => (
            "Rust with the `wasm32-wasip2` target (`rustup target add wasm32-wasip2`)",
            "cargo build --release --target wasm32-wasip2",
            "target/wasm32-wasip2/release/CRATE.wasm",
        ),
        Lang::Python => {
            ("componentize-py (`pip install componentize-py==0.17.2`)", "componentize-py -d wit -w pack componentize app --stub-wasi -o pack.wasm", "pack.wasm")
        }
        Lang::Js => ("Node.js 20+", "npm install && node build.mjs", "pack.wasm"),
    };
    let wasm = wasm.replace("CRATE", &name.replace('-', "_"));
    let test = if lang == Lang::Yaml { "sentra pack test .".to_string() } else { format!("sentra pack test . --pack-file {wasm}") };
    let (content_type, body) = if lang == Lang::Yaml {
        ("application/json", format!("--data \"$(jq -Rs '{{pack_yaml: .}}' {wasm})\""))
    } else {
        ("application/wasm", format!("--data-binary @{wasm}"))
    };
    format!(
        "# {name}\n\nA sentra pack with two rules: a regex rule (a TODO without an issue reference) and a\n\
         check no regex expresses (a Python function longer than 40 lines). Fixtures are in\n\
         `tests/`: a `ruleid:` line must fire, an `ok:` line must not.\n\n\
         Prerequisites: {prereq}.\n\n```sh\n{build}\n{test}\n```\n\n\
         Import it into a running server:\n\n```sh\nsentra pack import {wasm}\n\
         curl -X POST 'http://localhost:8000/api/packs/import?pack_id={name}' -H \"x-api-key: $KEY\" \\\n  -H 'content-type: {content_type}' {body}\n```\n\n\
         See the pack author's guide (docs/authoring-packs.md in the sentra repository) for the\n\
         interface, the limits a pack runs under and how to debug one.\n"
    )
}

/// Writes the project for `name` in `lang` under `dir` (which must not exist).
pub fn new_pack(name: &str, lang: Lang, dir: &Path, sdk: Option<&Path>) -> Result<Vec<PathBuf>> {
    if !sentra_runtime::valid_pack_id(name) {
        bail!("`{name}` is not a valid pack id (lowercase letters, digits and `-`)");
    }
    if dir.exists() {
        bail!("{}: already exists", dir.display());
    }
    let mut files: Vec<(&str, String)> = vec![("tests/example.py", fill(FIXTURE, name, &[])), ("README.md", readme(name, lang))];
    match lang {
        Lang::Yaml => files.push(("pack.yaml", fill(YAML, name, &[]))),
        Lang::Rust => {
            // The vendored copy (a relative path), unless `--sdk` names another.
            let sdk = match sdk {
                Some(p) => p.canonicalize().with_context(|| format!("{}: no sentra-sdk here (--sdk names the SDK crate's directory)", p.display()))?,
                None => {
                    files.extend(SDK_FILES.iter().map(|(path, text)| (*path, (*text).to_string())));
                    files.push(("wit/pack.wit", WIT.to_string()));
                    PathBuf::from("sentra-sdk")
                }
            };
            files.push(("Cargo.toml", fill(RUST_CARGO, name, &[("{{SDK}}", &sdk.display().to_string())])));
            files.push(("src/lib.rs", fill(RUST_LIB, name, &[])));
        }
        Lang::Python => {
            files.push(("app.py", fill(PYTHON_APP, name, &[])));
            files.push(("sentra_sdk/__init__.py", PYTHON_SDK.to_string()));
            files.push(("wit/pack.wit", WIT.to_string()));
        }
        Lang::Js => {
            files.push(("pack.js", fill(JS_PACK, name, &[])));
            files.push(("sentra-sdk/index.js", JS_SDK.to_string()));
            files.push(("build.mjs", JS_BUILD.to_string()));
            files.push(("wit/pack.wit", WIT.to_string()));
            files.push((
                "package.json",
                format!(
                    "{{\n  \"name\": \"{name}\",\n  \"version\": \"0.1.0\",\n  \"private\": true,\n  \"type\": \"module\",\n  \"scripts\": {{ \"build\": \"node build.mjs\" }},\n  \"devDependencies\": {{\n    \"@bytecodealliance/componentize-js\": \"0.18.4\",\n    \"@bytecodealliance/preview2-shim\": \"0.25.0\"\n  }}\n}}\n"
                ),
            ));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("files are under the project dir")).with_context(|| format!("{}: cannot create", path.display()))?;
        std::fs::write(&path, text).with_context(|| format!("{}: cannot write", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
#[test]
fn every_sdk_source_file_is_vendored() {
    let sdk = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sdk/src");
    let mut on_disk: Vec<String> = std::fs::read_dir(sdk).unwrap().map(|e| format!("sentra-sdk/src/{}", e.unwrap().file_name().to_string_lossy())).collect();
    on_disk.sort();
    let mut vendored: Vec<String> = SDK_FILES.iter().map(|(p, _)| p.to_string()).filter(|p| p.starts_with("sentra-sdk/src/")).collect();
    vendored.sort();
    assert_eq!(vendored, on_disk, "a Rust scaffold must get every file of the SDK");
}
