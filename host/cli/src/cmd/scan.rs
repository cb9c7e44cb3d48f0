//! `sentra scan` and `sentra gate`: one scan job (see `sentra_app::scan`), rendered.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use sentra_app::scan::{Controls, Finished, ScanPlan};
use sentra_app::scan_cache::StoredScanCache;
use sentra_engine::scan::StageTimes;
use sentra_engine::{GateResult, Source};

use crate::args::{ScanArgs, ScanFormat};
use crate::common::{catalog, database_url, emit, emit_with, load_config_with, load_pack_file, open_existing_store, open_store};

pub(crate) fn scan_cmd(mut args: ScanArgs, is_gate: bool, state_dir: Option<&Path>) -> Result<u8> {
    if !args.path.exists() {
        anyhow::bail!("{}: no such file or directory", args.path.display());
    }
    // One file: scan its directory's config and packs, on that file only.
    let single = if args.path.is_dir() {
        None
    } else {
        let name = args.path.file_name().map(|n| n.to_string_lossy().into_owned()).context("not a file name")?;
        let parent = args.path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        args.path = parent;
        Some(name)
    };
    let root = &args.path;
    let times = StageTimes::default();
    let (mut plan, cache_load) = plan(&args, state_dir)?;
    if let Some(name) = single {
        plan.only = Some(match plan.only.take() {
            Some(changed) => changed.into_iter().filter(|p| *p == name).collect(),
            None => std::iter::once(name).collect(),
        });
    }
    let controls = Controls { timings: args.timings.then_some(&times), ..Controls::default() };
    let finished = sentra_app::scan::run(plan, &controls, None)?;
    if args.timings {
        print_timings(&times, cache_load, finished.cache_save, finished.result.files_scanned);
    }
    let gate = record(state_dir, root, &finished, is_gate);
    render(&args, &finished, &gate, is_gate)?;
    if let Some(path) = &args.output {
        // The report went to a file: say where, and the verdict, so an exit code of 1 is
        // never silent.
        let verdict = if !is_gate {
            String::new()
        } else if gate.passed {
            "; gate passed".into()
        } else {
            "; gate failed".into()
        };
        let n = finished.result.total;
        eprintln!("sentra: wrote {} ({n} finding{}{verdict})", path.display(), if n == 1 { "" } else { "s" });
    }
    if is_gate && !gate.passed { Ok(1) } else { Ok(0) }
}

/// The checked scan: config with the flags over it, packs, suppressions, the changed files
/// and the cache (read while the packs load: both take a noticeable part of a rescan).
pub(crate) fn plan(args: &ScanArgs, state_dir: Option<&Path>) -> Result<(ScanPlan, Duration)> {
    let root = &args.path;
    let stored = stored_settings(state_dir)?;
    let mut config = load_config_with(root, args.config.as_deref(), stored.as_ref(), &args.packs, &args.fail_on)?;
    config.add_excludes(&args.exclude)?;
    if let Some(s) = &args.min_severity {
        let parsed = sentra_runtime::Severity::parse(s);
        config.min_severity = Some(parsed.with_context(|| format!("--min-severity: unknown severity `{s}` (expected critical, high, medium, low or info)"))?);
    }
    let started = Instant::now();
    let cache_loader = (!args.no_cache).then(|| {
        let (root, state_dir) = (root.clone(), state_dir.map(Path::to_path_buf));
        std::thread::spawn(move || (load_scan_cache(&root, state_dir.as_deref()), started.elapsed()))
    });
    let cat = catalog()?;
    if config.standards_packs.is_none() {
        // Zero-config: the packs that fit what the tree is made of (what `sentra init` writes).
        config.standards_packs = Some(sentra_engine::detect::detect(root, &config, &cat.ids()).pack_ids());
    }
    let mut extra = Vec::new();
    let trusted = args.config.is_some();
    crate::common::confine_output_dir(&mut config, root, trusted)?;
    for file in crate::common::config_pack_files(&config, root, trusted)?.iter().chain(&args.pack_files) {
        extra.push(load_pack_file(&cat, file, &config)?);
    }
    if let Some(bad) = args.packs.iter().find(|p| !cat.ids().contains(p) && !extra.iter().any(|e| e.info().id == **p)) {
        anyhow::bail!("--pack: no pack `{bad}` (available: {}; `sentra list-packs` describes them)", cat.ids().join(", "));
    }
    let set = cat.load_with(&config, extra)?;
    if let Some((key, message)) = set.check_overrides(&config, &cat.ids()).into_iter().next() {
        anyhow::bail!("{}: `{key}`: {message}", config.origin);
    }
    let suppressions = stored_suppressions(state_dir)?;
    let only = match &args.diff_base {
        Some(base) => Some(changed_since(root, base)?),
        None => None,
    };
    // Report files written into the tree, and the state, must not be scanned.
    let mut skip_dirs = Vec::new();
    if !config.reporters.is_empty()
        && let Ok(dir) = config.output_dir.canonicalize()
    {
        skip_dirs.push(dir);
    }
    skip_dirs.extend(sentra_store::state_dir(Path::new("."), state_dir).canonicalize().ok());
    let (cache, cache_load) = match cache_loader.map(std::thread::JoinHandle::join) {
        Some(Ok((cache, took))) => (cache, took),
        Some(Err(_)) => anyhow::bail!("the scan cache loader panicked"),
        None => (None, Duration::ZERO),
    };
    let label = root.display().to_string();
    let source = Source::Directory(root.clone());
    Ok((
        ScanPlan { label, source, packs: std::sync::Arc::new(set), config, only, suppressions, skip_dirs, cache, single_link_only: false, one_shot: true },
        cache_load,
    ))
}

/// Writes the result in the asked format, and the config's `reporters`.
fn render(args: &ScanArgs, finished: &Finished, gate: &GateResult, is_gate: bool) -> Result<()> {
    let (result, config) = (&finished.result, &finished.config);
    let ctx = sentra_reports::ReportContext::now(args.path.display().to_string(), Some(gate.clone()));
    // JSON is streamed to its destination: a scan with many findings is not held twice.
    #[derive(serde::Serialize)]
    struct GateOutput<'a> {
        gate: &'a GateResult,
        scan: &'a sentra_engine::ScanResult,
    }
    let json = |w: &mut dyn Write| -> std::io::Result<()> {
        if is_gate {
            serde_json::to_writer_pretty(&mut *w, &GateOutput { gate, scan: result })?;
        } else {
            serde_json::to_writer_pretty(&mut *w, result)?;
        }
        w.write_all(b"\n")
    };
    match args.format {
        ScanFormat::Json => emit_with(args.output.as_deref(), json)?,
        ScanFormat::Text => {
            let mut buf: Vec<u8> = Vec::new();
            crate::output::text_report(&mut buf, result, is_gate.then_some(gate))?;
            emit(args.output.as_deref(), &buf)?;
        }
        other => {
            let format = other.report().expect("a report format");
            emit(args.output.as_deref(), sentra_reports::render(format, result, &ctx)?.as_bytes())?;
        }
    }
    for name in &config.reporters {
        let format: sentra_reports::Format = name.parse().map_err(|e: String| anyhow::anyhow!("{}: reporters: {e}", config.origin))?;
        let path = config.output_dir.join(format.file_name());
        let doc = sentra_reports::render(format, result, &ctx)?;
        sentra_engine::config_edit::write_atomic(&path, doc.as_bytes()).with_context(|| format!("{}: cannot write report", path.display()))?;
        eprintln!("sentra: wrote the {format} report to {}", path.display());
    }
    Ok(())
}

/// The state directory the CLI records in, when there is one (given with `--state-dir` /
/// `GUARD_STATE_DIR`, or an existing `./.sentra`): a plain `sentra scan` never creates
/// state in a directory that has none.
fn existing_state(state_dir: Option<&Path>) -> Option<PathBuf> {
    let explicit = state_dir.is_some() || std::env::var_os(sentra_store::STATE_DIR_ENV).is_some();
    let dir = sentra_store::state_dir(Path::new("."), state_dir);
    (explicit || dir.is_dir()).then_some(dir)
}

/// The gate's verdict; with a state directory the scan is recorded in its history and the
/// gate decided and audited as the server does (`sentra_app::gate`). The store is opened
/// only now, after the scan: a scan must never open and close a SQLite file this process
/// holds open.
fn record(state_dir: Option<&Path>, root: &Path, finished: &Finished, is_gate: bool) -> GateResult {
    let plain = sentra_engine::gate_with(&finished.result, &finished.config.gate_policy());
    if database_url().is_none() && existing_state(state_dir).is_none() {
        return plain;
    }
    let store = match open_store(state_dir) {
        Ok(store) => store,
        Err(e) => {
            tracing::warn!(error = %e, "could not open the state directory to record the scan");
            return plain;
        }
    };
    let tenant = sentra_app::DEFAULT_TENANT;
    sentra_app::history::record(store.as_ref(), tenant, &finished.label, &finished.result, plain.passed, finished.complete);
    if !is_gate {
        return plain;
    }
    let actor = sentra_app::Actor::cli();
    let target = root.display().to_string();
    let ctx = sentra_app::gate::GateContext { store: store.as_ref(), tenant, actor: &actor, target: &target };
    sentra_app::gate::decide(&ctx, &finished.result, &finished.config).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "could not apply the state's approvals to the gate");
        plain
    })
}

/// The `default` tenant's stored settings in the state directory, when it has a database:
/// what the server's `default` tenant scans with over the config file.
fn stored_settings(state_dir: Option<&Path>) -> Result<Option<serde_json::Value>> {
    let Some(store) = open_existing_store(state_dir)? else { return Ok(None) };
    Ok(store.settings(sentra_store::SettingsScope::Tenant(sentra_app::DEFAULT_TENANT))?)
}

/// The suppressions made over the API (tenant `default`) in the state directory, when it
/// exists: CLI and server scans of one workspace suppress the same findings.
fn stored_suppressions(state_dir: Option<&Path>) -> Result<Vec<sentra_engine::suppress::Suppression>> {
    let Some(store) = open_existing_store(state_dir)? else { return Ok(Vec::new()) };
    Ok(sentra_app::history::stored_suppressions(store.as_ref(), sentra_app::DEFAULT_TENANT)?)
}

/// The incremental cache of one scan root: loaded before the scan with the database
/// closed again, saved after it. Any cache problem is a warning and a full scan, never a
/// failure. The CLI keeps a tree's cache in the state directory when there is one (named,
/// or `.sentra` present), else in the user cache directory, keyed by the tree's real path.
fn load_scan_cache(root: &Path, state_dir: Option<&Path>) -> Option<StoredScanCache> {
    let key = root.canonicalize().ok()?.display().to_string();
    let dir = match existing_state(state_dir) {
        Some(dir) => dir,
        None => sentra_engine::default_cache_dir()?.join("scans"),
    };
    StoredScanCache::load(&dir, &key)
}

fn print_timings(t: &sentra_engine::scan::StageTimes, load: std::time::Duration, save: std::time::Duration, files: usize) {
    let mut err = anstream::stderr();
    let cached = t.files_cached.load(std::sync::atomic::Ordering::Relaxed);
    let _ = writeln!(err, "stage        seconds (CPU, summed over threads)");
    let _ = writeln!(err, "{:<12} {:>8.3}", "cache load", load.as_secs_f64());
    for (stage, secs) in t.seconds() {
        let _ = writeln!(err, "{stage:<12} {secs:>8.3}");
    }
    let _ = writeln!(err, "{:<12} {:>8.3}", "cache save", save.as_secs_f64());
    let run = t.files_run.load(std::sync::atomic::Ordering::Relaxed);
    let _ = writeln!(err, "{files} files scanned, {cached} known to the cache, {run} run through packs");
}

/// Files under `root` changed since git ref `base`: tracked files that differ (committed
/// since, staged or not) and untracked files that are not ignored, relative to `root`.
/// Deleted files are left out (nothing to scan).
fn changed_since(root: &Path, base: &str) -> Result<std::collections::BTreeSet<String>> {
    if base.starts_with('-') {
        anyhow::bail!("--diff-base: `{base}` is not a git ref");
    }
    let inside = std::process::Command::new("git").arg("-C").arg(root).args(["rev-parse", "--is-inside-work-tree"]).output();
    if !inside.is_ok_and(|o| o.status.success()) {
        anyhow::bail!("--diff-base: {} is not inside a git repository (or git is not installed)", root.display());
    }
    let git = |args: &[&str]| -> Result<Vec<String>> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .with_context(|| format!("--diff-base: cannot run git in {}", root.display()))?;
        if !out.status.success() {
            // git's first line says what is wrong; the rest is its usage text.
            let stderr = String::from_utf8_lossy(&out.stderr);
            anyhow::bail!("--diff-base `{base}`: git {}: {}", args[0], stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("failed").trim());
        }
        Ok(out.stdout.split(|&b| b == 0).filter(|p| !p.is_empty()).map(|p| String::from_utf8_lossy(p).into_owned()).collect())
    };
    let mut files: std::collections::BTreeSet<String> = git(&["diff", "--name-only", "-z", "--relative", base, "--"])?.into_iter().collect();
    files.extend(git(&["ls-files", "--others", "--exclude-standard", "-z"])?);
    files.retain(|f| root.join(f).is_file());
    Ok(files)
}
