//! What several commands share: the pack catalog, config loading with flag overrides, the
//! state store, and writing output atomically or to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sentra_engine::{Catalog, Config, PackSource, declarative};
use sentra_runtime::Severity;

pub(crate) fn builtin_sources() -> Vec<PackSource> {
    sentra_builtin_packs::BUILTIN
        .iter()
        .map(|(id, bytes)| PackSource::component(id, bytes))
        .chain(sentra_builtin_packs::BUILTIN_YAML.iter().map(|(id, doc, checked)| PackSource::builtin_yaml(id, doc, *checked)))
        .collect()
}

pub(crate) fn catalog() -> Result<Catalog> {
    Ok(Catalog::new(builtin_sources(), sentra_engine::default_cache_dir())?.with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE))
}

pub(crate) fn load_config(root: &Path, explicit: Option<&Path>, packs: &[String], fail_on: &[String]) -> Result<Config> {
    load_config_with(root, explicit, None, packs, fail_on)
}

/// [`load_config`] with the `default` tenant's stored settings (from a server's state
/// directory) over the file, as the server layers them: the CLI and the API then scan with
/// the same settings. Command-line flags still come last.
pub(crate) fn load_config_with(
    root: &Path,
    explicit: Option<&Path>,
    stored: Option<&serde_json::Value>,
    packs: &[String],
    fail_on: &[String],
) -> Result<Config> {
    let mut config = match stored {
        None => Config::load(root, explicit)?,
        Some(stored) => {
            let (raw, origin) = Config::load_raw(root, explicit)?;
            let values = sentra_engine::layers::for_tenant(&serde_json::to_value(&raw)?, sentra_app::DEFAULT_TENANT, Some(stored));
            let origin = format!("{origin} with tenant `default`'s stored settings");
            let raw = serde_json::from_value(values).with_context(|| origin.clone())?;
            Config::from_raw(raw, &origin)?
        }
    };
    if !packs.is_empty() {
        if let Some(bad) = packs.iter().find(|p| !sentra_runtime::valid_pack_id(p)) {
            anyhow::bail!("--pack: `{bad}` is not a valid pack id");
        }
        config.standards_packs = Some(packs.to_vec());
    }
    if !fail_on.is_empty() {
        config.gate_fail_on = fail_on
            .iter()
            .map(|s| Severity::parse(s).with_context(|| format!("--fail-on: unknown severity `{s}` (expected critical, high, medium, low or info)")))
            .collect::<Result<_>>()?;
    }
    Ok(config)
}

/// The config's pack files. A config given with `--config` is the user's own and trusted;
/// one found in the scanned repository is not: its pack files must be inside the
/// repository (a CI job scanning a pull request must not be made to read its secrets).
pub(crate) fn config_pack_files(config: &Config, root: &Path, trusted: bool) -> Result<Vec<PathBuf>> {
    if trusted { Ok(config.pack_file_paths(root)) } else { Ok(config.confined_pack_files(root, &[])?) }
}

/// Where `reporters` write: a relative `output_dir` is under the scanned directory; for
/// the repository's own config it must stay inside it, a `--config` file may also name an
/// absolute directory.
pub(crate) fn confine_output_dir(config: &mut Config, root: &Path, trusted: bool) -> Result<()> {
    if config.reporters.is_empty() {
        return Ok(());
    }
    if !trusted {
        config.check_output_dir(root)?;
    }
    if config.output_dir.is_relative() {
        config.output_dir = root.join(&config.output_dir);
    }
    Ok(())
}

/// `--database-url` (or `GUARD_DATABASE_URL`), set once by `main` before any command runs:
/// every command that opens the state opens that database instead of the state
/// directory's SQLite file.
static DATABASE_URL: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

pub(crate) fn set_database_url(url: Option<String>) {
    let _ = DATABASE_URL.set(url.filter(|u| !u.trim().is_empty()));
}

/// The PostgreSQL database the state lives in, if one was given.
pub(crate) fn database_url() -> Option<&'static str> {
    DATABASE_URL.get().and_then(|u| u.as_deref())
}

/// The state store: the database given with `--database-url`, else the state directory's.
pub(crate) fn open_store(explicit: Option<&Path>) -> Result<std::sync::Arc<dyn sentra_store::Storage>> {
    let dir = sentra_store::state_dir(Path::new("."), explicit);
    Ok(sentra_store::open(database_url(), &dir)?)
}

/// The state store when its database exists: a command that only reads (a list, a report)
/// must not create `.sentra/` or a database in it as a side effect (`.sentra/` often holds
/// only the project's `config.yaml`). A `--database-url` always exists.
pub(crate) fn open_existing_store(explicit: Option<&Path>) -> Result<Option<std::sync::Arc<dyn sentra_store::Storage>>> {
    let dir = sentra_store::state_dir(Path::new("."), explicit);
    if database_url().is_none() && !dir.join(sentra_store::DATABASE_FILE).is_file() {
        return Ok(None);
    }
    Ok(Some(sentra_store::open(database_url(), &dir)?))
}

/// Loads a pack file; validation warnings go to stderr.
pub(crate) fn load_pack_file(cat: &Catalog, file: &Path, config: &Config) -> Result<std::sync::Arc<sentra_runtime::LoadedPack>> {
    let loaded = {
        // Only a component is compiled; a YAML pack loads at once and says nothing.
        let _progress = is_wasm(file).then(|| CompileProgress::start(file));
        cat.load_file(file, config)?
    };
    for w in &loaded.warnings {
        let _ = writeln!(anstream::stderr(), "sentra: warning: {}: {w}", file.display());
    }
    Ok(loaded.pack)
}

/// Whether `file` starts as WebAssembly does (`\0asm`).
fn is_wasm(file: &Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(file).and_then(|mut f| f.read_exact(&mut magic)).is_ok() && &magic == b"\0asm"
}

/// Says so on stderr when loading a pack file takes a while: the first use of a large
/// component (a Python or JavaScript pack) compiles it for this machine, which can take
/// half a minute; later uses load it from the compile cache.
struct CompileProgress {
    done: std::sync::mpsc::Sender<()>,
}

impl CompileProgress {
    /// Before the first message.
    const QUIET: std::time::Duration = std::time::Duration::from_secs(2);
    /// Between messages after that.
    const EVERY: std::time::Duration = std::time::Duration::from_secs(10);

    fn start(file: &Path) -> Self {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let (file, mb) = (file.display().to_string(), std::fs::metadata(file).map_or(0, |m| m.len()) as f64 / 1e6);
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let mut pause = Self::QUIET;
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(pause) {
                let secs = started.elapsed().as_secs();
                let _ = if pause == Self::QUIET {
                    writeln!(
                        anstream::stderr(),
                        "sentra: compiling {file} ({mb:.1} MB) for this machine; the first use of a large pack takes a while, later ones load from the cache"
                    )
                } else {
                    writeln!(anstream::stderr(), "sentra: still compiling {file} ({secs} s)")
                };
                pause = Self::EVERY;
            }
        });
        Self { done }
    }
}

impl Drop for CompileProgress {
    fn drop(&mut self) {
        let _ = self.done.send(());
    }
}

pub(crate) fn check_yaml(file: &Path, text: &str, config: &Config) -> Result<declarative::CheckedPack> {
    let name = file.display().to_string();
    let default_id = declarative::id_from_file_name(&name);
    Ok(declarative::check_pack(&name, text, &default_id, &config.pack_limits.regex)?)
}

/// Writes to `path` atomically, or to standard output.
pub(crate) fn emit(path: Option<&Path>, buf: &[u8]) -> Result<()> {
    emit_with(path, |w| w.write_all(buf))
}

/// Streams a report to `path` (atomically) or to standard output.
pub(crate) fn emit_with(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match path {
        Some(path) => sentra_engine::config_edit::write_atomic_with(path, write).with_context(|| format!("{}: cannot write report", path.display()))?,
        None => {
            let mut out = std::io::BufWriter::new(anstream::stdout().lock());
            match write(&mut out).and_then(|()| out.flush()) {
                // The reader stopped early (`sentra scan . | head`): a normal end.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
    }
    Ok(())
}

pub(crate) fn one_line(e: &anyhow::Error) -> String {
    format!("{e:#}").replace('\n', " ")
}
