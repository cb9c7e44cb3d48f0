//! `sentra`: the command-line interface. Exit codes: 0 success (gate passed), 1 gate
//! failed, 2 usage or runtime error (with a one-line message on stderr).

mod output;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use sentra_engine::{Catalog, Config, PackSource, ScanOptions, Source};
use sentra_runtime::Severity;

#[derive(Parser, Debug)]
#[command(name = "sentra", version, about = "Compliance and security scanner with sandboxed WebAssembly rule packs", long_about = None)]
struct Cli {
    /// More log output (repeat for more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Scan a directory and print the findings (exit 0 unless an error occurs).
    Scan(ScanArgs),
    /// Scan and fail (exit 1) on findings at the gate's severities or on an errored pack.
    Gate(ScanArgs),
    /// List the available packs.
    ListPacks(ListArgs),
    /// List the rules of the available (or selected) packs.
    ListRules(ListRulesArgs),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Args, Debug)]
struct ScanArgs {
    /// Directory to scan.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Packs to run (repeat or comma-separate); overrides `standards_packs`.
    #[arg(long = "pack", value_delimiter = ',')]
    packs: Vec<String>,
    /// Also run this pack component (a `.wasm` file); repeatable.
    #[arg(long = "pack-file", value_name = "WASM")]
    pack_files: Vec<PathBuf>,
    /// Severities that fail the gate (comma-separated); overrides `gate_fail_on`.
    #[arg(long, value_delimiter = ',')]
    fail_on: Vec<String>,
    /// Config file (default: PATH/.sentra/config.yaml, then PATH/.guard.yaml).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct ListArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args, Debug)]
struct ListRulesArgs {
    /// Only these packs (repeat or comma-separate).
    #[arg(long = "pack", value_delimiter = ',')]
    packs: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    init_logging(cli.verbose);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "sentra: error: {}", one_line(&e));
            ExitCode::from(2)
        }
    }
}

fn one_line(e: &anyhow::Error) -> String {
    format!("{e:#}").replace('\n', " ")
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SENTRA_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false).try_init();
}

fn builtin_sources() -> Vec<PackSource> {
    sentra_builtin_packs::BUILTIN
        .iter()
        .map(|(id, bytes)| PackSource::component(id, bytes))
        .chain(sentra_builtin_packs::BUILTIN_YAML.iter().map(|(id, doc)| PackSource::yaml(id, doc)))
        .collect()
}

fn catalog() -> Result<Catalog> {
    Ok(Catalog::new(builtin_sources(), sentra_engine::default_cache_dir())?.with_declarative_engine(sentra_builtin_packs::DECLARATIVE_ENGINE))
}

fn load_config(root: &Path, explicit: Option<&Path>, packs: &[String], fail_on: &[String]) -> Result<Config> {
    let mut config = Config::load(root, explicit)?;
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

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(args) => scan_cmd(args, false),
        Command::Gate(args) => scan_cmd(args, true),
        Command::ListPacks(args) => {
            let cat = catalog()?;
            let set = cat.load(&Config::default())?;
            let mut out = anstream::stdout();
            output::list_packs(&mut out, &set, args.format == Format::Json)?;
            Ok(0)
        }
        Command::ListRules(args) => {
            let cat = catalog()?;
            let mut config = Config::default();
            if !args.packs.is_empty() {
                config.standards_packs = Some(args.packs.clone());
            }
            let set = cat.load(&config)?;
            let mut out = anstream::stdout();
            output::list_rules(&mut out, &set, args.format == Format::Json)?;
            Ok(0)
        }
    }
}

fn scan_cmd(args: ScanArgs, is_gate: bool) -> Result<u8> {
    let root = &args.path;
    if !root.exists() {
        anyhow::bail!("{}: no such directory", root.display());
    }
    if !root.is_dir() {
        anyhow::bail!("{}: not a directory", root.display());
    }
    let config = load_config(root, args.config.as_deref(), &args.packs, &args.fail_on)?;
    let cat = catalog()?;
    let mut extra = Vec::new();
    for file in &args.pack_files {
        let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read pack", file.display()))?;
        extra.push(cat.load_external(&file.display().to_string(), &bytes, &config)?);
    }
    let set = cat.load_with(&config, extra)?;
    let result = sentra_engine::scan(&Source::Directory(root.clone()), &set, &config, &ScanOptions::default())?;
    let gate = sentra_engine::gate(&result, &config.gate_fail_on);

    let mut buf: Vec<u8> = Vec::new();
    match args.format {
        Format::Json if is_gate => {
            serde_json::to_writer_pretty(&mut buf, &serde_json::json!({ "gate": gate, "scan": result }))?;
            buf.push(b'\n');
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut buf, &result)?;
            buf.push(b'\n');
        }
        Format::Text => output::text_report(&mut buf, &result, is_gate.then_some(&gate))?,
    }
    match &args.output {
        Some(path) => write_atomic(path, &buf).with_context(|| format!("{}: cannot write report", path.display()))?,
        None => {
            let mut out = anstream::stdout();
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    if is_gate && !gate.passed { Ok(1) } else { Ok(0) }
}

/// Writes via a temporary file and rename so a crash never leaves a torn report.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile_in(dir)?;
    tmp.1.write_all(bytes)?;
    tmp.1.sync_all()?;
    std::fs::rename(&tmp.0, path)
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    for i in 0..100u32 {
        let p = dir.join(format!(".sentra-{}-{i}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("could not create a temporary file"))
}
