//! Stamps the build with a digest of the host code that decides what packs are asked and
//! what their answers mean (engine, matcher, runtime), so the incremental scan cache of an
//! older build is never reused after that code changes, even at the same version.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let host = Path::new(&manifest).join("..");
    let mut files = Vec::new();
    for dir in ["engine/src", "matcher/src", "runtime/src", "../wit"] {
        let dir = host.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &mut files);
    }
    files.sort();
    // FNV-1a: a build script should not need dependencies, and this only has to change
    // when the sources do.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default().bytes().chain(std::fs::read(&f).unwrap_or_default()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=SENTRA_ENGINE_BUILD_HASH={h:016x}");
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}
