//! The one way sentra compiles globs, shared by the config, rule globs, conditions,
//! suppressions, compliance evidence and declarative packs, so a glob means the same
//! thing wherever it is written.

use globset::GlobBuilder;

/// Compiles a glob the way every sentra glob works: `*` stops at `/`, `**` spans
/// directories, `{a,b}` alternates.
pub fn compile_glob(glob: &str) -> Result<globset::Glob, globset::Error> {
    GlobBuilder::new(glob).literal_separator(true).build()
}

/// A set of globs already checked where they were written (a validated pack's rules):
/// one that does not compile is left out, and a set that cannot be built matches nothing.
pub(crate) fn checked_set(globs: &[String]) -> globset::GlobSet {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        if let Ok(g) = compile_glob(g) {
            b.add(g);
        }
    }
    b.build().unwrap_or_else(|_| globset::GlobSet::empty())
}
