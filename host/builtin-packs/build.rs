//! Compiles the guest workspace (`packs/`: built-in packs and test packs) to wasm32-wasip2
//! components as part of the ordinary `cargo build`, and generates the table of built-in
//! packs that `src/lib.rs` embeds.
//!
//! The nested cargo gets its own target dir (`target/guest`) so it never waits on the
//! outer build's lock, and a scrubbed environment: host RUSTFLAGS and profile settings
//! break the wasm link.

use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-wasip2";

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest_dir.join("../..").canonicalize().unwrap();
    for input in ["wit", "sdk", "host/pack-format", "packs/Cargo.toml", "packs/Cargo.lock", "packs/testing", "examples/rust-pack"] {
        println!("cargo:rerun-if-changed={}", root.join(input).display());
    }
    // A built-in pack is a directory of `packs/`: a crate (listed in `packs/Cargo.toml`)
    // or a declarative `pack.yaml`, run by the `declarative` engine crate.
    let dirs: Vec<(String, PathBuf)> = std::fs::read_dir(root.join("packs"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() != "testing" && e.file_name() != "target" && e.path().is_dir())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    // The directory itself, so that a new pack directory is noticed.
    println!("cargo:rerun-if-changed={}", root.join("packs").display());
    for (_, dir) in &dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    let builtin: Vec<String> =
        dirs.iter().filter(|(name, dir)| dir.join("Cargo.toml").exists() && name != "declarative").map(|(name, _)| name.clone()).collect();
    let mut yaml: Vec<(String, PathBuf)> = dirs
        .iter()
        .filter(|(_, dir)| !dir.join("Cargo.toml").exists() && dir.join("pack.yaml").exists())
        .map(|(name, dir)| (name.clone(), dir.join("pack.yaml")))
        .collect();
    yaml.sort();

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    ensure_target();

    let target_dir = std::env::var_os("SENTRA_GUEST_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| guest_target_dir(&root));
    let mut cmd = Command::new(&cargo);
    cmd.current_dir(root.join("packs")).args(["build", "--release", "--target", TARGET, "--target-dir"]).arg(&target_dir);
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy();
        if k == "RUSTFLAGS"
            || k == "CARGO_ENCODED_RUSTFLAGS"
            || k == "CARGO_TARGET_DIR"
            || k == "RUSTC_WRAPPER"
            || k == "RUSTC_WORKSPACE_WRAPPER"
            || k.starts_with("CARGO_PROFILE_")
            || k.starts_with("CARGO_BUILD_")
            || k.starts_with("CARGO_CFG_")
        {
            cmd.env_remove(k.as_ref());
        }
    }
    let status = cmd.status().expect("failed to run cargo for the guest packs");
    assert!(status.success(), "building the guest packs in packs/ for {TARGET} failed (see the output above)");

    let out_dir = target_dir.join(TARGET).join("release");
    println!("cargo:rustc-env=SENTRA_GUEST_DIR={}", out_dir.display());
    let mut table = String::from("/// Built-in packs: (crate name, component bytes).\npub static BUILTIN: &[(&str, &[u8])] = &[\n");
    let mut sorted = builtin.clone();
    sorted.sort();
    for b in &sorted {
        let file = out_dir.join(format!("{}.wasm", b.replace('-', "_")));
        assert!(file.exists(), "expected {} after the guest build", file.display());
        table.push_str(&format!("    ({b:?}, include_bytes!({:?})),\n", file.display().to_string()));
    }
    table.push_str("];\n");
    table.push_str(
        "/// Built-in declarative packs: (directory name, pack document, its committed validated form).\npub static BUILTIN_YAML: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for (name, file) in &yaml {
        let checked = file.with_file_name("pack.checked.json");
        let checked = if checked.exists() { format!("Some(include_str!({:?}))", checked.display().to_string()) } else { "None".into() };
        table.push_str(&format!("    ({name:?}, include_str!({:?}), {checked}),\n", file.display().to_string()));
    }
    table.push_str("];\n");
    let engine = out_dir.join("declarative.wasm");
    assert!(engine.exists(), "expected {} after the guest build", engine.display());
    table.push_str(&format!(
        "/// The declarative engine component that runs every YAML pack.\npub static DECLARATIVE_ENGINE: &[u8] = include_bytes!({:?});\n",
        engine.display().to_string()
    ));
    let generated = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin.rs");
    std::fs::write(generated, table).unwrap();
}

/// `target/guest` next to the outer build's profile directories.
fn guest_target_dir(root: &Path) -> PathBuf {
    // OUT_DIR is target/<profile>/build/<pkg>/out (or target/<triple>/<profile>/...);
    // walk up to the directory that holds `build`'s profile dir's parent.
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    out.ancestors().find(|p| p.join("CACHEDIR.TAG").exists()).map(|t| t.join("guest")).unwrap_or_else(|| root.join("target/guest"))
}

/// Automatic toolchain installs are off on CI machines (`RUSTUP_AUTO_INSTALL=0`), so make
/// sure the wasm target's standard library is present before building guests.
fn ensure_target() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let libdir = Command::new(&rustc)
        .args(["--print", "target-libdir", "--target", TARGET])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    if libdir.as_ref().is_some_and(|d| d.exists() && std::fs::read_dir(d).map(|mut r| r.next().is_some()).unwrap_or(false)) {
        return;
    }
    println!("cargo:warning=installing the {TARGET} target with rustup (needed to build the built-in packs)");
    let status = Command::new("rustup").args(["target", "add", TARGET]).status();
    match status {
        Ok(s) if s.success() => {}
        other => panic!("the {TARGET} target is missing and `rustup target add {TARGET}` failed ({other:?}); install it and rebuild"),
    }
}
