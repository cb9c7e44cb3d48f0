//! The scan engine: configuration, the pack catalog, the repository walk with glob and
//! literal prefilters, running packs in the sandbox, findings, fingerprints and the gate.

pub mod cache;
pub mod compliance;
pub mod conditions;
pub mod config;
pub mod config_edit;
pub mod declarative;
pub mod detect;
pub mod finding;
mod glob;
pub mod governance;
pub mod layers;
pub mod pack_test;
pub mod packs;
pub mod reqgen;
pub mod safe_file;
pub mod scan;
pub mod sentrik;
pub mod suppress;
pub mod trace;

use std::path::PathBuf;
use std::sync::Arc;

pub use config::{Config, ConfigError};
pub use finding::{BySeverity, Finding};
pub use packs::{PackSet, RuleSetupError};
pub use scan::{GatePolicy, GateResult, SPILL_FINDINGS_AFTER, ScanError, ScanOptions, ScanResult, Source, compliance_score, gate, gate_with, scan};
/// Tracker settings live in the model, where the trackers crate reads them.
pub use sentra_model::devops;
use sentra_runtime::{LoadError, LoadedPack, Runtime, RuntimeConfig};

/// A pack the engine can load: an id (as selected in `standards_packs`) and its component,
/// or, for a declarative pack, its YAML document (run by the declarative engine).
#[derive(Clone, Debug)]
pub struct PackSource {
    pub id: String,
    pub kind: PackKind,
}

#[derive(Clone, Debug)]
pub enum PackKind {
    Component(&'static [u8]),
    /// A YAML document, and for a built-in one its committed validated form
    /// ([`declarative::from_committed`]).
    Yaml {
        document: &'static str,
        checked: Option<&'static str>,
    },
}

impl PackSource {
    pub fn component(id: &str, bytes: &'static [u8]) -> Self {
        Self { id: id.into(), kind: PackKind::Component(bytes) }
    }
    pub fn yaml(id: &str, document: &'static str) -> Self {
        Self { id: id.into(), kind: PackKind::Yaml { document, checked: None } }
    }
    /// A built-in YAML pack with its committed validated form (`pack.checked.json`).
    pub fn builtin_yaml(id: &str, document: &'static str, checked: Option<&'static str>) -> Self {
        Self { id: id.into(), kind: PackKind::Yaml { document, checked } }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("unknown pack `{id}` in standards_packs (available: {})", available.join(", "))]
    UnknownPack { id: String, available: Vec<String> },
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("pack `{expected}`: the component describes itself as `{found}`")]
    IdMismatch { expected: String, found: String },
    #[error("pack `{id}` is loaded twice")]
    Duplicate { id: String },
    #[error(transparent)]
    Rules(#[from] RuleSetupError),
    #[error(transparent)]
    Runtime(#[from] sentra_runtime::RuntimeError),
    #[error(transparent)]
    InvalidPack(#[from] declarative::InvalidPack),
    #[error("pack `{pack}` is a declarative (YAML) pack, but this build has no declarative engine")]
    NoDeclarativeEngine { pack: String },
    /// Not a source: the message already says it, and `{:#}` would repeat it.
    #[error("{}: cannot read pack: {}", .0.path().display(), .0.what())]
    ReadPack(safe_file::FileError),
    #[error("{path}: neither a Wasm component nor a UTF-8 YAML document")]
    NotAPack { path: PathBuf },
    #[error("{path}: {source}")]
    Bundle { path: PathBuf, source: sentra_bundle::BundleError },
}

/// A pack loaded from a file, with the validation warnings of a YAML document.
#[derive(Debug)]
pub struct LoadedFile {
    pub pack: Arc<LoadedPack>,
    pub warnings: Vec<String>,
}

/// Where compiled packs are cached: `GUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/sentra`,
/// else `~/.cache/sentra`.
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("GUARD_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("sentra"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/sentra"))
}

/// The packs available to a process and the runtime that runs them.
pub struct Catalog {
    runtime: Runtime,
    sources: Vec<PackSource>,
    declarative_engine: Option<&'static [u8]>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("sources", &self.sources.iter().map(|s| &s.id).collect::<Vec<_>>()).finish()
    }
}

impl Catalog {
    /// Estimated bytes of compiled patterns the host keeps for the packs it loaded.
    pub fn matcher_cache_bytes(&self) -> usize {
        self.runtime.matcher_cache_bytes()
    }

    pub fn new(sources: Vec<PackSource>, cache_dir: Option<PathBuf>) -> Result<Self, CatalogError> {
        Ok(Self { runtime: Runtime::new(RuntimeConfig { cache_dir })?, sources, declarative_engine: None })
    }

    /// The component that runs YAML packs (built-in ones and `--pack-file x.yaml`).
    pub fn with_declarative_engine(mut self, component: &'static [u8]) -> Self {
        self.declarative_engine = Some(component);
        self
    }

    /// Compiles components that are not built in (imported, stored for a tenant, or given
    /// with `--pack-file`) in a child process bounded in time and memory.
    pub fn with_isolated_compiler(mut self, compiler: sentra_runtime::IsolatedCompiler) -> Self {
        self.runtime.set_isolated_compiler(compiler);
        self
    }

    pub fn ids(&self) -> Vec<String> {
        self.sources.iter().map(|s| s.id.clone()).collect()
    }

    /// Whether the catalog pack `id` is a declarative (YAML) pack.
    pub fn is_yaml(&self, id: &str) -> bool {
        self.yaml_document(id).is_some()
    }

    /// The document of the catalog's declarative pack `id`.
    pub fn yaml_document(&self, id: &str) -> Option<&'static str> {
        self.sources.iter().find(|s| s.id == id).and_then(|s| match s.kind {
            PackKind::Yaml { document, .. } => Some(document),
            PackKind::Component(_) => None,
        })
    }

    /// Loads the packs `config` enables (all of them when `standards_packs` is unset), in
    /// parallel since compiling is the slow part on a cold cache.
    pub fn load(&self, config: &Config) -> Result<PackSet, CatalogError> {
        self.load_with(config, Vec::new())
    }

    /// Like [`Catalog::load`], plus packs loaded from elsewhere (`--pack-file`).
    pub fn load_with(&self, config: &Config, extra: Vec<Arc<LoadedPack>>) -> Result<PackSet, CatalogError> {
        let wanted: Vec<&PackSource> = match &config.standards_packs {
            None => self.sources.iter().collect(),
            // An id that names one of the extra packs selects that pack.
            Some(ids) => ids
                .iter()
                .filter(|id| !extra.iter().any(|e| &e.info().id == *id))
                .map(|id| self.sources.iter().find(|s| &s.id == id).ok_or_else(|| CatalogError::UnknownPack { id: id.clone(), available: self.ids() }))
                .collect::<Result<_, _>>()?,
        };
        let loaded: Vec<Result<Arc<LoadedPack>, CatalogError>> = {
            use rayon::prelude::*;
            wanted
                .par_iter()
                .map(|s| {
                    let pack = match &s.kind {
                        PackKind::Component(bytes) => self.runtime.load_builtin(&s.id, bytes, None, config.pack_limits)?,
                        PackKind::Yaml { document, checked } => {
                            let checked = match checked.and_then(|c| declarative::from_committed(document, c)) {
                                Some(checked) => checked,
                                None => {
                                    if checked.is_some() {
                                        // Correct but slow (every query compiled): a build whose
                                        // pack.yaml changed after its pack.checked.json.
                                        tracing::warn!(pack = %s.id, "the committed validated form is stale; validating the pack at start");
                                    }
                                    declarative::check_pack(&s.id, document, &s.id, &config.pack_limits.regex)?
                                }
                            };
                            let engine = self.declarative_engine.ok_or_else(|| CatalogError::NoDeclarativeEngine { pack: s.id.clone() })?;
                            // The product's own documents: one engine instance per thread runs them all.
                            let settings = declarative::engine_settings(&checked);
                            self.runtime.load_shared(&s.id, engine, settings, config.pack_limits)?
                        }
                    };
                    if pack.info().id != s.id {
                        return Err(CatalogError::IdMismatch { expected: s.id.clone(), found: pack.info().id.clone() });
                    }
                    Ok(Arc::new(pack))
                })
                .collect()
        };
        let mut packs = loaded.into_iter().collect::<Result<Vec<_>, _>>()?;
        for e in extra {
            if packs.iter().any(|p| p.info().id == e.info().id) {
                return Err(CatalogError::Duplicate { id: e.info().id.clone() });
            }
            packs.push(e);
        }
        Ok(PackSet::new(packs)?)
    }

    /// Loads a pack file (`--pack-file`, config `pack_files`): a component when it starts
    /// with the Wasm magic, else a declarative YAML document.
    pub fn load_file(&self, path: &std::path::Path, config: &Config) -> Result<LoadedFile, CatalogError> {
        let bytes = safe_file::read_regular(path, safe_file::MAX_PACK_FILE_BYTES).map_err(CatalogError::ReadPack)?;
        let name = path.display().to_string();
        // A bundle given as a pack file is the operator's or the user's own choice: its
        // claims are verified, its signer is not judged (no trust policy applies here).
        let bytes = if sentra_bundle::looks_like_bundle(&bytes) {
            sentra_bundle::open(&bytes).map_err(|source| CatalogError::Bundle { path: path.into(), source })?.payload
        } else {
            bytes
        };
        if bytes.starts_with(b"\0asm") {
            return Ok(LoadedFile { pack: self.load_external(&name, &bytes, config)?, warnings: Vec::new() });
        }
        let text = String::from_utf8(bytes).map_err(|_| CatalogError::NotAPack { path: path.into() })?;
        let checked = declarative::check_pack(&name, &text, &declarative::id_from_file_name(&name), &config.pack_limits.regex)?;
        let warnings = checked.warnings.iter().map(ToString::to_string).collect();
        Ok(LoadedFile { pack: self.load_checked(checked.id(), &checked, config)?, warnings })
    }

    /// Loads one component from outside the catalog (for `--pack-file`).
    pub fn load_external(&self, name: &str, bytes: &[u8], config: &Config) -> Result<Arc<LoadedPack>, CatalogError> {
        Ok(Arc::new(self.runtime.load_external(name, bytes, config.pack_limits)?))
    }

    /// Loads a validated declarative pack into the declarative engine.
    pub fn load_checked(&self, name: &str, pack: &declarative::CheckedPack, config: &Config) -> Result<Arc<LoadedPack>, CatalogError> {
        Ok(Arc::new(self.run_checked(name, pack, config)?))
    }

    fn run_checked(&self, name: &str, pack: &declarative::CheckedPack, config: &Config) -> Result<LoadedPack, CatalogError> {
        let engine = self.declarative_engine.ok_or_else(|| CatalogError::NoDeclarativeEngine { pack: name.into() })?;
        let settings = declarative::engine_settings(pack);
        Ok(self.runtime.load_builtin(name, engine, Some(settings), config.pack_limits)?)
    }
}
