//! The built-in pack components, compiled from `packs/` by `build.rs` and embedded in the
//! binary, plus the location of the test packs built alongside them.

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// Directory holding every component of the guest workspace, test packs included.
pub const GUEST_DIR: &str = env!("SENTRA_GUEST_DIR");

/// Path of a component built from `packs/` (for example a test pack such as `test-loop`).
pub fn guest_component(crate_name: &str) -> std::path::PathBuf {
    std::path::Path::new(GUEST_DIR).join(format!("{}.wasm", crate_name.replace('-', "_")))
}
