//! The one way sentra compiles globs, shared by the config, rule globs, conditions,
//! suppressions, compliance evidence and declarative packs, so a glob means the same
//! thing wherever it is written.

use globset::GlobBuilder;

/// Compiles a glob the way every sentra glob works: `*` stops at `/`, `**` spans
/// directories, `{a,b}` alternates.
pub fn compile_glob(glob: &str) -> Result<globset::Glob, globset::Error> {
    GlobBuilder::new(glob).literal_separator(true).build()
}
