//! The example packs in four languages (Rust, Python, JavaScript, YAML) build from this
//! repository, import into a running server over HTTP and agree on the same fixture tree.
//! The Python and JavaScript componentizers come from `examples/setup-toolchains.sh`,
//! which `.ci/run` runs.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use super::server::Server;
use super::{copy_dir, repo_root, sentra, stderr, stdout, test_pack};

/// The componentize-py the setup script installs.
pub(crate) fn componentize_py() -> PathBuf {
    let p = repo_root().join("target/pack-toolchains/venv/bin/componentize-py");
    assert!(p.is_file(), "{} is missing: run examples/setup-toolchains.sh (.ci/run does)", p.display());
    p
}

/// The componentize-js the setup script installs (its node_modules).
pub(crate) fn js_node_modules() -> PathBuf {
    let p = repo_root().join("examples/js-pack/node_modules");
    assert!(p.join("@bytecodealliance/componentize-js").is_dir(), "{} is missing: run examples/setup-toolchains.sh (.ci/run does)", p.display());
    p
}

fn run(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(out.status.success(), "{what} failed:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// Builds the Python pack in `dir` into `out`; `sdk`: where `sentra_sdk` is when it is not
/// vendored into `dir`.
pub(crate) fn build_python(dir: &Path, wit: &Path, sdk: Option<&Path>, out: &Path) {
    let mut cmd = Command::new(componentize_py());
    cmd.current_dir(dir).args(["-d"]).arg(wit).args(["-w", "pack", "componentize", "app"]);
    if let Some(sdk) = sdk {
        cmd.arg("-p").arg(dir).arg("-p").arg(sdk);
    }
    run(cmd.args(["--stub-wasi", "-o"]).arg(out), "componentize-py");
}

/// Builds the JavaScript example into `out`.
pub(crate) fn build_js(dir: &Path, out: &Path) {
    run(Command::new("node").current_dir(dir).arg("build.mjs").arg(out), "componentize-js");
}

/// (file, line, rule, message) of every finding, sorted.
fn findings(v: &Value) -> Vec<(String, u64, String, String)> {
    let messages = v["findings"].as_array().unwrap().iter().map(|f| f["message"].as_str().unwrap().to_string());
    let mut out: Vec<_> = super::findings(v).into_iter().zip(messages).map(|((file, line, rule), m)| (file, line, rule, m)).collect();
    out.sort();
    out
}

#[test]
fn example_packs_in_four_languages_agree_over_the_api() {
    let _ = js_node_modules();
    let build = tempfile::tempdir().unwrap();
    let python = build.path().join("python.wasm");
    let js = build.path().join("js.wasm");
    build_python(&repo_root().join("examples/python-pack"), &repo_root().join("wit"), Some(&repo_root().join("sdk/python")), &python);
    build_js(&repo_root().join("examples/js-pack"), &js);

    // Each passes the shared annotated fixtures on its own.
    for wasm in [python.clone(), js.clone(), PathBuf::from(test_pack("example-rust-pack"))] {
        let out = sentra(&["pack", "test", "examples/fixtures", "--pack-file", wasm.to_str().unwrap()], &repo_root(), &[]);
        assert_eq!(out.status.code(), Some(0), "{}: {}{}", wasm.display(), stdout(&out), stderr(&out));
    }
    let out = sentra(&["pack", "test", "examples/yaml-pack"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));

    // Imported into a running server (the Python component is 35 MB: a larger body limit).
    let root = tempfile::tempdir().unwrap();
    copy_dir(&repo_root().join("examples/fixtures"), &root.path().join("tree"));
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--max-body-bytes", "134217728"], &[], 0);
    for (id, wasm) in [("example-rust", PathBuf::from(test_pack("example-rust-pack"))), ("example-python", python), ("example-js", js)] {
        let r = s
            .client
            .post(format!("{}/api/packs/import?pack_id={id}", s.base))
            .header("content-type", "application/wasm")
            .body(std::fs::read(&wasm).unwrap())
            .send()
            .unwrap();
        let status = r.status().as_u16();
        assert_eq!(status, 201, "{id}: {}", r.text().unwrap_or_default());
    }
    let doc = std::fs::read_to_string(repo_root().join("examples/yaml-pack/pack.yaml")).unwrap();
    let (status, _, v) = s.call("POST", "/api/packs/import", None, Some(&json!({"pack_yaml": doc}).to_string()));
    assert_eq!(status, 201, "{v}");
    let scan = |id: &str| {
        let body = json!({"repo_path": "tree", "config_overrides": {"standards_packs": [id]}}).to_string();
        let (status, _, v) = s.call("POST", "/scan", None, Some(&body));
        assert_eq!(status, 200, "{id}: {v}");
        assert_eq!((v["errored_packs"].clone(), v["rule_errors"].clone()), (json!([]), json!([])), "{id}");
        findings(&v)
    };
    let rust = scan("example-rust");
    assert_eq!(rust.len(), 4, "{rust:?}");
    assert_eq!(scan("example-python"), rust, "Python and Rust disagree");
    assert_eq!(scan("example-js"), rust, "JavaScript and Rust disagree");
    let regex_only: Vec<_> = rust.iter().filter(|f| f.2 == "EX-DEBUG-PRINT").cloned().collect();
    assert_eq!(scan("example-yaml"), regex_only, "the YAML pack has the regex rule only");
}

/// Runs the README's "Import it into a running server" commands as written (with `sentra`
/// on the `PATH`, `$KEY` set, and the test server's address for `localhost:8000`): the
/// local import succeeds and the server answers 201 with the pack.
fn readme_import_commands_work_as_written(project: &Path, name: &str, base: &str, key: &str) {
    let readme = std::fs::read_to_string(project.join("README.md")).unwrap();
    let block = readme.split("Import it into a running server:\n\n```sh\n").nth(1).and_then(|r| r.split("\n```").next()).expect("an import block");
    let commands: Vec<String> = block.replace("\\\n", " ").lines().map(|l| l.replace("http://localhost:8000", base)).collect();
    assert_eq!(commands.len(), 2, "{name}: {block}");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_sentra"));
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    for command in &commands {
        let mut cmd = Command::new("bash");
        cmd.current_dir(project).args(["-c", command]).env("PATH", &path).env("KEY", key);
        let out = cmd.env("GUARD_CACHE_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentra-cache")).output().unwrap();
        assert!(out.status.success(), "{name}: `{command}`:\n{}{}", stdout(&out), stderr(&out));
        if command.starts_with("curl") {
            let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{name}: `{command}` answered {}", stdout(&out)));
            assert_eq!(v["pack_id"], name, "{name}: {v}");
        }
    }
}

/// A server whose operator admits only packs signed by one author's key (made in `dir`).
struct SigningServer {
    server: Server,
    admin: String,
    _root: tempfile::TempDir,
}

impl SigningServer {
    fn start(dir: &Path) -> Self {
        let out = sentra(&["pack", "keygen", "author"], dir, &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let public = std::fs::read_to_string(dir.join("author.pub")).unwrap();
        let root = tempfile::tempdir().unwrap();
        super::write(root.path(), ".sentra/config.yaml", &format!("pack_trust:\n  policy: signed\n  keys: [{{name: author, key: '{}'}}]\n", public.trim()));
        let admin = super::server::key(&root.path().join(".sentra"), "admin", "default", "author");
        Self { server: Server::start(root.path()), admin, _root: root }
    }

    /// Signs `pack` with the author's key, imports the bundle (201, signer shown), and
    /// checks that the same pack unsigned is refused.
    fn sign_and_import(&self, dir: &Path, pack: &Path, name: &str) {
        let bundle = dir.join(format!("{name}.sentrapack"));
        let out = sentra(&["pack", "sign", pack.to_str().unwrap(), "--key", "author.key", "-o", bundle.to_str().unwrap()], dir, &[]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let post = |content_type: &str, body: Vec<u8>| {
            let r = self.server.client.post(format!("{}/api/packs/import", self.server.base)).header("x-api-key", &self.admin);
            let r = r.header("content-type", content_type).body(body).send().unwrap();
            (r.status().as_u16(), r.json::<Value>().unwrap_or(Value::Null))
        };
        let (status, v) = post("application/vnd.sentra.pack-bundle+json", std::fs::read(&bundle).unwrap());
        assert_eq!(status, 201, "{name}: {v}");
        assert_eq!((v["pack_id"].as_str(), v["signer"]["name"].as_str()), (Some(name), Some("author")), "{name}: {v}");
        let plain = std::fs::read(pack).unwrap();
        let (status, v) = if plain.starts_with(b"\0asm") {
            post("application/wasm", plain)
        } else {
            post("application/json", serde_json::to_vec(&serde_json::json!({"pack_yaml": String::from_utf8(plain).unwrap()})).unwrap())
        };
        super::server::assert_error(status, &v, 403, "untrusted_pack");
    }
}

/// `sentra pack new` in each language gives a project that builds and passes its own tests,
/// its README's import commands work as written, and it goes from there to a signed bundle
/// imported into a server with a signing policy.
#[test]
fn scaffolds_in_four_languages_build_and_pass_their_tests() {
    let _ = js_node_modules();
    let dir = tempfile::tempdir().unwrap();
    // The server each README's import commands talk to, with an admin key in `$KEY`.
    let server_root = tempfile::tempdir().unwrap();
    let key = {
        let out = super::server::sentra_cmd()
            .arg("--state-dir")
            .arg(server_root.path().join(".sentra"))
            .args(["keys", "create", "--role", "admin", "--name", "author"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let s = Server::start(server_root.path());
    // A second server that admits only bundles signed by the author's key.
    let signing = SigningServer::start(dir.path());
    for lang in ["yaml", "rust", "python", "js"] {
        let name = format!("team-{lang}");
        let out = sentra(&["pack", "new", &name, "--lang", lang], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(0), "{lang}: {}", stderr(&out));
        let project = dir.path().join(&name);
        assert!(project.join("README.md").is_file() && project.join("tests/example.py").is_file(), "{lang}");
        let wasm = match lang {
            "yaml" => None,
            "rust" => {
                // The build of a pack author, outside this workspace: no flags of the outer cargo.
                let target = repo_root().join("target/scaffold-test");
                let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
                for (k, _) in std::env::vars() {
                    if k.starts_with("CARGO_") && k != "CARGO_HOME" || k.contains("RUSTFLAGS") || k == "RUSTC_WRAPPER" {
                        cmd.env_remove(k);
                    }
                }
                run(cmd.current_dir(&project).args(["build", "--release", "--target", "wasm32-wasip2", "--target-dir"]).arg(&target), "cargo build");
                Some(target.join("wasm32-wasip2/release/team_rust.wasm"))
            }
            "python" => {
                build_python(&project, &project.join("wit"), None, &project.join("pack.wasm"));
                Some(project.join("pack.wasm"))
            }
            _ => {
                std::os::unix::fs::symlink(js_node_modules(), project.join("node_modules")).unwrap();
                build_js(&project, &project.join("pack.wasm"));
                Some(project.join("pack.wasm"))
            }
        };
        let p = project.to_str().unwrap().to_string();
        let out = match &wasm {
            None => sentra(&["pack", "test", &p], dir.path(), &[]),
            Some(w) => sentra(&["pack", "test", &p, "--pack-file", w.to_str().unwrap()], dir.path(), &[]),
        };
        assert_eq!(out.status.code(), Some(0), "{lang}:\n{}{}", stdout(&out), stderr(&out));
        assert!(stdout(&out).contains("2 of 2 rules passed"), "{lang}: {}", stdout(&out));
        if lang == "rust" {
            // Where the README's `cargo build` puts it (this test builds into a shared target).
            let at = project.join("target/wasm32-wasip2/release/team_rust.wasm");
            std::fs::create_dir_all(at.parent().unwrap()).unwrap();
            std::fs::copy(wasm.as_ref().unwrap(), &at).unwrap();
        }
        readme_import_commands_work_as_written(&project, &name, &s.base, &key);
        let pack = wasm.clone().unwrap_or_else(|| project.join("pack.yaml"));
        signing.sign_and_import(dir.path(), &pack, &name);
    }
    let out = sentra(&["pack", "new", "team-yaml"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "an existing directory is not overwritten");
    let out = sentra(&["pack", "new", "Bad_Name"], dir.path(), &[]);
    assert!(stderr(&out).contains("not a valid pack id"), "{}", stderr(&out));
}

/// The Python and JavaScript SDKs, each through its test pack (one rule of every kind:
/// regex, check with a fix, syntax query with a message template, data flow,
/// project-level): both pass the same annotated fixtures, give the same findings with the
/// same messages, fixes and flows, and `sentra fix` applies their fix.
#[test]
fn python_and_javascript_sdks_offer_every_kind_of_rule_alike() {
    let node_modules = js_node_modules();
    let sdk = repo_root().join("sdk");
    let build = tempfile::tempdir().unwrap();
    let (python, js) = (build.path().join("sdk-python.wasm"), build.path().join("sdk-js.wasm"));
    build_python(&sdk.join("testing/python"), &repo_root().join("wit"), Some(&sdk.join("python")), &python);
    let link = sdk.join("testing/js/node_modules");
    if !link.exists() {
        std::os::unix::fs::symlink(node_modules, &link).unwrap();
    }
    build_js(&sdk.join("testing/js"), &js);
    let tree = tempfile::tempdir().unwrap();
    copy_dir(&sdk.join("testing/fixtures"), tree.path());
    let t = tree.path().to_str().unwrap();
    let mut seen = Vec::new();
    for (id, wasm) in [("sdk-test-python", &python), ("sdk-test-js", &js)] {
        let w = wasm.to_str().unwrap();
        let out = sentra(&["pack", "test", "sdk/testing/fixtures", "--pack-file", w], &repo_root(), &[]);
        assert_eq!(out.status.code(), Some(0), "{id}: {}{}", stdout(&out), stderr(&out));
        assert!(stdout(&out).contains("5 of 5 rules passed"), "{id}: {}", stdout(&out));
        let out = sentra(&["scan", t, "--pack", id, "--pack-file", w, "--format", "json", "--no-cache"], &repo_root(), &[]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{id}: {}", stderr(&out)));
        let shape: Vec<Value> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| json!([f["rule_id"], f["evidence"]["lines"], f["evidence"]["column"], f["message"], f["fix"], f["flow"].as_array().map_or(0, Vec::len)]))
            .collect();
        seen.push(shape);
    }
    assert_eq!(seen[0], seen[1], "the Python and JavaScript SDKs disagree");
    let flows: Vec<&Value> = seen[0].iter().filter(|f| f[0] == "SDK-CMD-INJECTION").collect();
    assert!(flows.len() == 1 && flows[0][5].as_u64() > Some(1) && flows[0][3].as_str().unwrap().contains("untrusted data from"), "{flows:?}");
    assert!(seen[0].iter().any(|f| f[0] == "SDK-EVAL-CALL" && f[3] == "Call of eval"), "{:?}", seen[0]);
    let out = sentra(&["fix", t, "--pack", "sdk-test-js", "--pack-file", js.to_str().unwrap(), "--apply"], &repo_root(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(tree.path().join("app.py")).unwrap();
    assert!(fixed.contains("digest = sha256(b\"payload\")\n# ok: SDK-MD5") && !fixed.contains("= md5("), "{fixed}");
}
