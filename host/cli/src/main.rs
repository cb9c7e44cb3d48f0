//! `sentra`: the command-line interface. Exit codes: 0 success (gate passed), 1 gate
//! failed, 2 usage or runtime error (with a one-line message on stderr).

mod output;
mod scaffold;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use sentra_engine::{Catalog, Config, PackSource, ScanOptions, Source, declarative};
use sentra_runtime::Severity;

#[derive(Parser, Debug)]
#[command(name = "sentra", version, about = "Compliance and security scanner with sandboxed WebAssembly rule packs", long_about = None)]
struct Cli {
    /// More log output (repeat for more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    /// The state directory (API keys, and what the server remembers). Default: `.sentra`
    /// under the server root (`serve`) or the current directory (other commands).
    #[arg(long, global = true, env = "GUARD_STATE_DIR", value_name = "DIR")]
    state_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Scan a directory and print the findings (exit 0 unless an error occurs).
    Scan(ScanArgs),
    /// Scan and fail (exit 1) on findings at the gate's severities or on an errored pack.
    Gate(ScanArgs),
    /// Detect the project's languages, frameworks and infrastructure and write the packs
    /// that fit to `.sentra/config.yaml` (what a scan without config runs anyway).
    Init(InitArgs),
    /// Scan with one compliance pack and report its framework clause by clause: the rules
    /// mapped to each clause, their status and the evidence (HTML or JSON).
    ComplianceReport(ComplianceArgs),
    /// List the available packs.
    ListPacks(ListArgs),
    /// List the rules of the available (or selected) packs.
    ListRules(ListRulesArgs),
    /// Test and lint packs.
    #[command(subcommand)]
    Pack(PackCommand),
    /// Serve the REST API.
    Serve(ServeArgs),
    /// Render a saved scan (`sentra scan --format json` output) in another format.
    Report(ReportArgs),
    /// Review approval requests (list, show, approve, reject) in the state directory.
    #[command(subcommand)]
    Approvals(ApprovalsCommand),
    /// Manage the server's API keys (stored hashed in the state directory; changes apply
    /// to a running server at once).
    #[command(subcommand)]
    Keys(KeysCommand),
}

#[derive(Args, Debug)]
struct ComplianceArgs {
    /// Directory to scan.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// The pack whose framework to report on (e.g. soc2, hipaa).
    #[arg(long = "pack")]
    pack: String,
    /// html or json.
    #[arg(long, value_enum, default_value_t = ComplianceFormat::Html)]
    format: ComplianceFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Config file (default: `.sentra/config.yaml`, else `.guard.yaml`, under PATH).
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ComplianceFormat {
    Html,
    Json,
}

#[derive(Args, Debug)]
struct InitArgs {
    /// Project directory.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Replace an existing `.sentra/config.yaml`.
    #[arg(long)]
    force: bool,
}

#[derive(Args, Debug)]
struct ReportArgs {
    /// The saved scan: the JSON of `sentra scan --format json` or `sentra gate --format json`.
    #[arg(long, short)]
    input: PathBuf,
    /// json, csv, sarif, junit or html.
    #[arg(long, value_enum)]
    format: ScanFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// Output formats of `scan` and `gate`: text for people, the rest for tools.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ScanFormat {
    Text,
    Json,
    Sarif,
    Junit,
    Html,
    Csv,
}

impl ScanFormat {
    fn report(self) -> Option<sentra_reports::Format> {
        match self {
            ScanFormat::Text | ScanFormat::Json => None,
            ScanFormat::Sarif => Some(sentra_reports::Format::Sarif),
            ScanFormat::Junit => Some(sentra_reports::Format::Junit),
            ScanFormat::Html => Some(sentra_reports::Format::Html),
            ScanFormat::Csv => Some(sentra_reports::Format::Csv),
        }
    }
}

#[derive(Subcommand, Debug)]
enum ApprovalsCommand {
    /// Requests, newest first.
    List {
        /// pending (default), approved, rejected, expired or all.
        #[arg(long, default_value = "pending")]
        status: String,
        #[arg(long, default_value = "default")]
        tenant: String,
    },
    /// One request as JSON.
    Show {
        id: i64,
        #[arg(long, default_value = "default")]
        tenant: String,
    },
    /// Approve a request (a comment is required).
    Approve {
        id: i64,
        #[arg(long)]
        comment: String,
        #[arg(long, default_value = "default")]
        tenant: String,
    },
    /// Reject a request.
    Reject {
        id: i64,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long, default_value = "default")]
        tenant: String,
    },
}

#[derive(Subcommand, Debug)]
enum KeysCommand {
    /// Create a key and print it, once, on standard output.
    Create(KeysCreateArgs),
    /// List keys (never their secrets).
    List(ListArgs),
    /// Revoke a key by id or name.
    Revoke {
        /// The key's id (from `sentra keys list`) or name.
        key: String,
    },
}

#[derive(Args, Debug)]
struct KeysCreateArgs {
    /// admin, security-lead, developer, viewer or agent.
    #[arg(long)]
    role: String,
    /// The tenant the key acts for.
    #[arg(long, default_value = "default")]
    tenant: String,
    /// A name to recognise the key by (default: `<role>-<id>`).
    #[arg(long)]
    name: Option<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "0.0.0.0")]
    host: String,
    /// Port to listen on (0: any free port; the chosen one is printed).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The workspace relative `repo_path`s resolve against; scans cannot leave it.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Log lines as JSON.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    /// Requests per minute per API key (or per IP without one); 0 turns the limit off.
    #[arg(long, env = "GUARD_RATE_LIMIT", default_value_t = sentra_server::auth::DEFAULT_RATE_LIMIT_PER_MINUTE)]
    rate_limit: u32,
    /// Development mode: pick up config and pack changes on disk without a restart.
    #[arg(long)]
    reload: bool,
    /// Largest request body in bytes (larger: 413).
    #[arg(long, env = "GUARD_MAX_BODY_BYTES", default_value_t = sentra_server::DEFAULT_MAX_BODY_BYTES)]
    max_body_bytes: usize,
    /// Longest query string in bytes (longer: 400).
    #[arg(long, env = "GUARD_MAX_QUERY_BYTES", default_value_t = sentra_server::DEFAULT_MAX_QUERY_BYTES)]
    max_query_bytes: usize,
    /// Most inline files one request may carry (more: 413).
    #[arg(long, env = "GUARD_MAX_INLINE_FILES", default_value_t = sentra_server::DEFAULT_MAX_INLINE_FILES)]
    max_inline_files: usize,
    /// Scans that run at once; more wait for a slot.
    #[arg(long, env = "GUARD_MAX_CONCURRENT_SCANS", default_value_t = sentra_server::DEFAULT_MAX_CONCURRENT_SCANS)]
    max_concurrent_scans: usize,
    /// Seconds a scan waits for a slot before the request gets 503 with Retry-After.
    #[arg(long, env = "GUARD_QUEUE_WAIT", value_name = "SECONDS", default_value_t = sentra_server::DEFAULT_QUEUE_WAIT.as_secs_f64())]
    queue_wait: f64,
    /// Seconds a scan may run before it is stopped (503).
    #[arg(long, env = "GUARD_SCAN_TIMEOUT", value_name = "SECONDS", default_value_t = sentra_server::DEFAULT_SCAN_TIMEOUT.as_secs_f64())]
    scan_timeout: f64,
}

fn seconds(flag: &str, v: f64) -> Result<std::time::Duration> {
    std::time::Duration::try_from_secs_f64(v).map_err(|_| anyhow::anyhow!("--{flag}: `{v}` is not a number of seconds"))
}

#[derive(Subcommand, Debug)]
enum PackCommand {
    /// Scaffold a pack project (two rules, fixtures, README) in Rust, Python, JavaScript or
    /// YAML that builds and passes `sentra pack test` as generated.
    New(PackNewArgs),
    /// Run a pack over annotated fixtures (`ruleid: RULE-ID` / `ok: RULE-ID` comments);
    /// exit 1 on any missing or unexpected finding.
    ///
    /// DIR holds a `pack.yaml` and its fixtures (under DIR/tests when present, else DIR
    /// itself); or, with --pack-file, a pack project whose fixtures are likewise in DIR/tests
    /// when present; or, with --pack, only fixtures.
    Test(PackTestArgs),
    /// Import a pack (`.yaml` or `.wasm`) into the state directory, where `sentra serve`
    /// picks it up without a restart.
    Import(PackImportArgs),
    /// Print a pack as YAML (a component's description; its code is not exported).
    Export(PackIdArgs),
    /// Delete an imported pack.
    Delete(PackIdArgs),
    /// List the built-in and imported packs of a tenant.
    List(PackListArgs),
    /// Report footguns in a YAML pack: invalid fields, patterns matching the empty
    /// string, globs matching nothing, rules without remediation or standard. Exit 1 if
    /// anything is reported.
    Lint(PackLintArgs),
}

#[derive(Args, Debug)]
struct PackNewArgs {
    /// The pack id (and directory name): lowercase letters, digits and `-`.
    name: String,
    #[arg(long, value_enum, default_value_t = scaffold::Lang::Yaml)]
    lang: scaffold::Lang,
    /// Where to create it (default: ./NAME).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// The sentra-sdk crate a Rust pack depends on (default: the sdk/ of the checkout this
    /// sentra was built from).
    #[arg(long)]
    sdk: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct PackTestArgs {
    /// Directory with the pack and/or its fixtures.
    dir: PathBuf,
    /// Test this built-in pack against the fixtures in DIR.
    #[arg(long, conflicts_with = "pack_file")]
    pack: Option<String>,
    /// Test this pack (`.yaml` or `.wasm`) against the fixtures in DIR.
    #[arg(long, value_name = "FILE")]
    pack_file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args, Debug)]
struct PackImportArgs {
    /// The pack: a YAML document or a Wasm component.
    file: PathBuf,
    /// The tenant that owns it.
    #[arg(long, default_value = "default")]
    tenant: String,
    /// The id to store it under (must match the pack's own when both are given).
    #[arg(long)]
    id: Option<String>,
    /// Replace an existing pack of that id.
    #[arg(long)]
    overwrite: bool,
}

#[derive(Args, Debug)]
struct PackIdArgs {
    /// The pack id.
    id: String,
    #[arg(long, default_value = "default")]
    tenant: String,
}

#[derive(Args, Debug)]
struct PackListArgs {
    #[arg(long, default_value = "default")]
    tenant: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args, Debug)]
struct PackLintArgs {
    /// The YAML pack document.
    file: PathBuf,
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
    /// Also run this pack: a component (`.wasm`) or a declarative pack (`.yaml`); repeatable.
    #[arg(long = "pack-file", value_name = "FILE")]
    pack_files: Vec<PathBuf>,
    /// Severities that fail the gate (comma-separated); overrides `gate_fail_on`.
    #[arg(long, value_delimiter = ',')]
    fail_on: Vec<String>,
    /// Config file (default: PATH/.sentra/config.yaml, then PATH/.guard.yaml).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    format: ScanFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Scan only files changed since this git ref (committed, staged or not, and new
    /// untracked files), as for a pull request: `--diff-base origin/main`.
    #[arg(long, value_name = "GIT_REF")]
    diff_base: Option<String>,
    /// Do not use or update the incremental cache (by default unchanged files reuse what
    /// each pack reported last time; the cache lives in the state directory when there is
    /// one, else under the user cache directory).
    #[arg(long)]
    no_cache: bool,
    /// Print where the time went (walk, read, prefilter, packs, findings) to standard error.
    #[arg(long)]
    timings: bool,
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
    /// `markdown` is the rule reference of docs/packs.md.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    format: RulesFormat,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
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
    let serving = matches!(&cli.command, Command::Serve(a) if a.log_format == LogFormat::Json);
    init_logging(cli.verbose + u8::from(matches!(cli.command, Command::Serve(_))), serving);
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

fn init_logging(verbose: u8, json: bool) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SENTRA_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
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
        Command::Scan(args) => scan_cmd(args, false, cli.state_dir.as_deref()),
        Command::Init(args) => init_cmd(args),
        Command::ComplianceReport(args) => compliance_cmd(args),
        Command::Gate(args) => scan_cmd(args, true, cli.state_dir.as_deref()),
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
            match args.format {
                RulesFormat::Markdown => output::rules_markdown(&mut out, &set)?,
                f => output::list_rules(&mut out, &set, f == RulesFormat::Json)?,
            }
            Ok(0)
        }
        Command::Pack(PackCommand::Test(args)) => pack_test(args),
        Command::Pack(PackCommand::New(args)) => {
            let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from(&args.name));
            let written = scaffold::new_pack(&args.name, args.lang, &dir, args.sdk.as_deref())?;
            let mut out = anstream::stdout();
            writeln!(out, "created {} ({} files); see {}", dir.display(), written.len(), dir.join("README.md").display())?;
            Ok(0)
        }
        Command::Pack(PackCommand::Lint(args)) => pack_lint(args),
        Command::Pack(PackCommand::Import(args)) => pack_import(args, cli.state_dir.as_deref()),
        Command::Pack(PackCommand::Export(args)) => pack_export(args, cli.state_dir.as_deref()),
        Command::Pack(PackCommand::Delete(args)) => {
            let store = open_store(cli.state_dir.as_deref())?;
            sentra_server::packs::delete_pack(&catalog()?, &store, &args.tenant, &args.id, &sentra_server::packs::Actor::cli())?;
            writeln!(anstream::stdout(), "deleted pack `{}` of tenant `{}`", args.id, args.tenant)?;
            Ok(0)
        }
        Command::Pack(PackCommand::List(args)) => pack_list(args, cli.state_dir.as_deref()),
        Command::Serve(args) => serve(args, cli.state_dir.as_deref()),
        Command::Keys(cmd) => keys(cmd, cli.state_dir.as_deref()),
        Command::Report(args) => report_cmd(args),
        Command::Approvals(cmd) => approvals_cmd(cmd, cli.state_dir.as_deref()),
    }
}

fn approvals_cmd(cmd: ApprovalsCommand, state_dir: Option<&Path>) -> Result<u8> {
    use sentra_server::packs::{Actor, audit};
    use sentra_store::Storage;
    let store = open_store(state_dir)?;
    let system = Actor { name: "sentra".into(), role: "system".into() };
    for (tenant, a) in store.expire_approvals()? {
        audit(&store, &tenant, &system, "approval.expire", &a.id.to_string(), serde_json::json!({"action_type": a.action_type}), "expired");
    }
    let mut out = anstream::stdout();
    let (id, tenant, status, comment) = match cmd {
        ApprovalsCommand::List { status, tenant } => {
            let filter = (status != "all").then_some(status.as_str());
            for a in store.list_approvals(&tenant, filter, None)? {
                writeln!(out, "{:>5}  {:<9} {:<16} {:<20} {}", a.id, a.status, a.action_type, a.requested_by, a.title)?;
            }
            return Ok(0);
        }
        ApprovalsCommand::Show { id, tenant } => {
            let a = store.get_approval(&tenant, id)?.ok_or_else(|| anyhow::anyhow!("no approval request {id} for tenant `{tenant}`"))?;
            serde_json::to_writer_pretty(&mut out, &a)?;
            writeln!(out)?;
            return Ok(0);
        }
        ApprovalsCommand::Approve { id, comment, tenant } => (id, tenant, "approved", comment),
        ApprovalsCommand::Reject { id, comment, tenant } => (id, tenant, "rejected", comment),
    };
    if status == "approved" && comment.trim().is_empty() {
        anyhow::bail!("--comment: a comment is required to approve");
    }
    let actor = Actor::cli();
    let a = store.get_approval(&tenant, id)?.ok_or_else(|| anyhow::anyhow!("no approval request {id} for tenant `{tenant}`"))?;
    if a.requested_by == actor.name {
        anyhow::bail!("approval request {id}: the requester cannot resolve their own request");
    }
    let a = match store.resolve_approval(&tenant, id, status, &actor.name, &comment)? {
        Ok(a) => a,
        Err(sentra_store::ResolveRefusal::NotFound) => anyhow::bail!("no approval request {id} for tenant `{tenant}`"),
        Err(sentra_store::ResolveRefusal::AlreadyResolved(s)) => anyhow::bail!("approval request {id} is already {s}"),
    };
    let action = if status == "approved" { "approval.approve" } else { "approval.reject" };
    audit(&store, &tenant, &actor, action, &id.to_string(), serde_json::json!({"comment": comment, "action_type": a.action_type}), status);
    if status == "approved" && a.action_type == "config_change"
        && let Some(g) = a.payload.get("governance") {
            sentra_server::settings::write_governance(Path::new("."), g).map_err(|(f, m)| anyhow::anyhow!("governance{}: {m}", if f.is_empty() { String::new() } else { format!(".{f}") }))?;
        }
    writeln!(out, "approval request {id} {status}")?;
    Ok(0)
}

fn open_store(explicit: Option<&Path>) -> Result<sentra_store::SqliteStore> {
    let dir = sentra_store::state_dir(Path::new("."), explicit);
    Ok(sentra_store::SqliteStore::open(&dir)?)
}

fn keys(cmd: KeysCommand, state_dir: Option<&Path>) -> Result<u8> {
    use sentra_store::Storage;
    let store = open_store(state_dir)?;
    let mut out = anstream::stdout();
    match cmd {
        KeysCommand::Create(args) => {
            let role = args.role.parse::<sentra_store::Role>().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
            let new = sentra_store::NewKey { role, tenant: args.tenant, name: args.name };
            let (key, secret) = store.create_key(&new)?;
            let details = serde_json::json!({"id": key.id, "role": key.role.as_str()});
            sentra_server::packs::audit(&store, &key.tenant, &sentra_server::packs::Actor::cli(), "key.create", &key.name, details, "ok");
            writeln!(out, "{secret}")?;
            let _ = writeln!(
                anstream::stderr(),
                "sentra: created key `{}` (id {}, role {}, tenant {}); it is shown only this once",
                key.name,
                key.id,
                key.role,
                key.tenant
            );
        }
        KeysCommand::List(args) => {
            let keys = store.list_keys()?;
            if args.format == Format::Json {
                serde_json::to_writer_pretty(&mut out, &keys)?;
                writeln!(out)?;
            } else if keys.is_empty() {
                writeln!(out, "no API keys (create one with `sentra keys create --role ROLE`)")?;
            } else {
                writeln!(out, "{:<8}  {:<24}  {:<13}  {:<16}  {:<20}  STATUS", "ID", "NAME", "ROLE", "TENANT", "CREATED")?;
                for k in keys {
                    let status = k.revoked_at.as_deref().map_or_else(|| "active".to_string(), |t| format!("revoked {t}"));
                    writeln!(out, "{:<8}  {:<24}  {:<13}  {:<16}  {:<20}  {status}", k.id, k.name, k.role, k.tenant, k.created_at)?;
                }
            }
        }
        KeysCommand::Revoke { key } => {
            let k = store.revoke_key(&key)?;
            let details = serde_json::json!({"id": k.id});
            sentra_server::packs::audit(&store, &k.tenant, &sentra_server::packs::Actor::cli(), "key.revoke", &k.name, details, "ok");
            writeln!(out, "revoked key `{}` (id {})", k.name, k.id)?;
        }
    }
    out.flush()?;
    Ok(0)
}

fn serve(args: ServeArgs, state_dir: Option<&Path>) -> Result<u8> {
    let cat = catalog()?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the async runtime")?;
    let state_dir = sentra_store::state_dir(&args.root, state_dir);
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", args.host, args.port))?;
        let addr = listener.local_addr()?;
        let mut config = sentra_server::ServerConfig::new(args.root.clone());
        config.state_dir = state_dir;
        config.loopback = addr.ip().is_loopback();
        config.env_api_key = std::env::var("GUARD_API_KEY").ok().filter(|k| !k.trim().is_empty());
        config.rate_limit_per_minute = args.rate_limit;
        config.reload = args.reload;
        config.max_body_bytes = args.max_body_bytes;
        config.max_query_bytes = args.max_query_bytes;
        config.max_inline_files = args.max_inline_files;
        config.max_concurrent_scans = args.max_concurrent_scans;
        config.queue_wait = seconds("queue-wait", args.queue_wait)?;
        config.scan_timeout = seconds("scan-timeout", args.scan_timeout)?;
        if config.max_concurrent_scans == 0 || config.scan_timeout.is_zero() {
            anyhow::bail!("--max-concurrent-scans and --scan-timeout must be above 0");
        }
        let state = sentra_server::AppState::new(config, cat)?;
        let bootstrap = state.bootstrap_admin_key()?;
        let mut out = anstream::stdout();
        writeln!(out, "sentra: listening on http://{addr} (root {})", args.root.display())?;
        if let Some(key) = bootstrap {
            writeln!(out, "sentra: no API key was configured and the server is reachable from other hosts;")?;
            writeln!(out, "sentra: created an admin key (shown only this once, stored hashed): {key}")?;
        }
        out.flush()?;
        sentra_server::serve(listener, state, sentra_server::shutdown_signal()).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(0)
}

/// Loads a pack file; validation warnings go to stderr.
fn load_pack_file(cat: &Catalog, file: &Path, config: &Config) -> Result<std::sync::Arc<sentra_runtime::LoadedPack>> {
    let loaded = cat.load_file(file, config)?;
    for w in &loaded.warnings {
        let _ = writeln!(anstream::stderr(), "sentra: warning: {}: {w}", file.display());
    }
    Ok(loaded.pack)
}

fn check_yaml(file: &Path, text: &str, config: &Config) -> Result<declarative::CheckedPack> {
    let name = file.display().to_string();
    let default_id = declarative::id_from_file_name(&name);
    Ok(declarative::check_pack(&name, text, &default_id, &config.pack_limits.regex)?)
}

fn pack_test(args: PackTestArgs) -> Result<u8> {
    let dir = &args.dir;
    if !dir.is_dir() {
        anyhow::bail!("{}: not a directory", dir.display());
    }
    let mut config = Config::default();
    let cat = catalog()?;
    let own_doc = ["pack.yaml", "pack.yml"].iter().map(|n| dir.join(n)).find(|p| p.is_file());
    let (set, fixtures) = match (&args.pack, &args.pack_file, own_doc) {
        (Some(id), _, _) => {
            config.standards_packs = Some(vec![id.clone()]);
            (cat.load(&config)?, dir.clone())
        }
        (None, Some(file), _) => {
            // A pack project (`sentra pack new`) keeps its fixtures in tests/, beside sources
            // the pack's own rules would otherwise scan.
            config.standards_packs = Some(Vec::new());
            let pack = load_pack_file(&cat, file, &config)?;
            let tests = dir.join("tests");
            (cat.load_with(&config, vec![pack])?, if tests.is_dir() { tests } else { dir.clone() })
        }
        (None, None, Some(doc)) => {
            config.standards_packs = Some(Vec::new());
            let pack = load_pack_file(&cat, &doc, &config)?;
            let tests = dir.join("tests");
            (cat.load_with(&config, vec![pack])?, if tests.is_dir() { tests } else { dir.clone() })
        }
        (None, None, None) => anyhow::bail!("{}: no pack.yaml here; name the pack with --pack or --pack-file", dir.display()),
    };
    let annotations = sentra_engine::pack_test::collect(&fixtures).with_context(|| format!("{}: cannot read fixtures", fixtures.display()))?;
    if annotations.is_empty() {
        anyhow::bail!("{}: no `ruleid:` or `ok:` annotations found in the fixtures", fixtures.display());
    }
    let mut result = sentra_engine::scan(&Source::Directory(fixtures.clone()), &set, &config, &ScanOptions::default())?;
    // The pack document sits beside the fixtures when they share a directory.
    result.findings.retain(|f| f.evidence.file != "pack.yaml" && f.evidence.file != "pack.yml");
    let outcomes = sentra_engine::pack_test::compare(&annotations, &sentra_engine::pack_test::findings_of(&result));
    let failed = outcomes.values().any(|o| !o.ok()) || !result.errored_packs.is_empty() || !result.rule_errors.is_empty();
    let mut buf = Vec::new();
    if args.format == Format::Json {
        serde_json::to_writer_pretty(
            &mut buf,
            &serde_json::json!({
                "passed": !failed,
                "rules": outcomes,
                "errored_packs": result.errored_packs,
                "rule_errors": result.rule_errors,
            }),
        )?;
        buf.push(b'\n');
    } else {
        output::pack_test_report(&mut buf, &outcomes, &result)?;
    }
    let mut out = anstream::stdout();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(u8::from(failed))
}

fn pack_import(args: PackImportArgs, state_dir: Option<&Path>) -> Result<u8> {
    use sentra_server::packs::{ImportRequest, ImportSource};
    let bytes = std::fs::read(&args.file).with_context(|| format!("{}: cannot read pack", args.file.display()))?;
    let source = if bytes.starts_with(b"\0asm") {
        ImportSource::Wasm(bytes)
    } else {
        ImportSource::Yaml(String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{}: neither a Wasm component nor UTF-8 YAML", args.file.display()))?)
    };
    let pack_id = args.id.clone();
    let config = Config::load(Path::new("."), None)?;
    let req = ImportRequest { actor: sentra_server::packs::Actor::cli(), tenant: args.tenant.clone(), pack_id, overwrite: args.overwrite, expected_sha256: None, enabled: true, source };
    let catalog = catalog()?;
    // Checked before the store is opened: a refused pack creates no state directory.
    let checked = sentra_server::packs::check_import(&catalog, &config, &req).with_context(|| format!("{}", args.file.display()))?;
    let store = open_store(state_dir)?;
    let record = sentra_server::packs::store_import(&catalog, &store, req, checked).with_context(|| format!("{}", args.file.display()))?;
    writeln!(
        anstream::stdout(),
        "imported pack `{}` ({}, {} rules, sha256 {}) for tenant `{}`",
        record.pack_id,
        record.kind.as_str(),
        record.rule_count,
        record.sha256,
        record.tenant
    )?;
    Ok(0)
}

fn pack_export(args: PackIdArgs, state_dir: Option<&Path>) -> Result<u8> {
    use sentra_store::Storage;
    let cat = catalog()?;
    let config = Config::default();
    let yaml = if cat.ids().contains(&args.id) {
        let mut c = config.clone();
        c.standards_packs = Some(vec![args.id.clone()]);
        let set = cat.load(&c)?;
        sentra_server::packs::export_yaml(&set.packs[0].pack, cat.yaml_document(&args.id))
    } else {
        let store = open_store(state_dir)?;
        let record = store
            .get_pack(&args.tenant, &args.id)?
            .filter(|r| r.custom)
            .ok_or_else(|| anyhow::anyhow!("no pack `{}` for tenant `{}`", args.id, args.tenant))?;
        let bytes = store.pack_bytes(&record)?;
        match record.kind {
            sentra_store::PackKind::Yaml => String::from_utf8_lossy(&bytes).into_owned(),
            sentra_store::PackKind::Wasm => sentra_server::packs::export_yaml(&*cat.load_external(&record.pack_id, &bytes, &config)?, None),
        }
    };
    let mut out = anstream::stdout();
    out.write_all(yaml.as_bytes())?;
    out.flush()?;
    Ok(0)
}

fn pack_list(args: PackListArgs, state_dir: Option<&Path>) -> Result<u8> {
    use sentra_store::Storage;
    let store = open_store(state_dir)?;
    let records = store.list_packs(&args.tenant)?;
    let cat = catalog()?;
    let mut out = anstream::stdout();
    let disabled: Vec<&str> = records.iter().filter(|r| !r.enabled).map(|r| r.pack_id.as_str()).collect();
    let mut rows: Vec<serde_json::Value> = cat
        .ids()
        .into_iter()
        .map(|id| serde_json::json!({"pack_id": id, "source": "builtin", "enabled": !disabled.contains(&id.as_str())}))
        .collect();
    for r in records.iter().filter(|r| r.custom) {
        rows.push(serde_json::json!({
            "pack_id": r.pack_id, "source": "custom", "kind": r.kind.as_str(), "enabled": r.enabled,
            "name": r.name, "version": r.version, "rule_count": r.rule_count, "sha256": r.sha256, "last_updated": r.updated_at,
        }));
    }
    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({"packs": rows, "total": rows.len()}))?;
        writeln!(out)?;
    } else {
        for r in &rows {
            let enabled = if r["enabled"] == true { "enabled" } else { "disabled" };
            writeln!(out, "{:<24} {:<8} {:<9} {}", r["pack_id"].as_str().unwrap_or(""), r["source"].as_str().unwrap_or(""), enabled, r["sha256"].as_str().unwrap_or(""))?;
        }
    }
    Ok(0)
}

fn pack_lint(args: PackLintArgs) -> Result<u8> {
    let file = &args.file;
    let text = std::fs::read_to_string(file).with_context(|| format!("{}: cannot read pack", file.display()))?;
    let config = Config::default();
    let name = file.display().to_string();
    let mut out = anstream::stdout();
    let checked = match check_yaml(file, &text, &config) {
        Ok(c) => c,
        Err(e) => match e.downcast::<declarative::InvalidPack>() {
            Ok(invalid) => {
                for p in &invalid.problems {
                    writeln!(out, "{name}: error: {p}")?;
                }
                writeln!(out, "{} error(s)", invalid.problems.len())?;
                return Ok(1);
            }
            Err(e) => return Err(e),
        },
    };
    let problems = declarative::lint(&checked, &config.pack_limits.regex);
    for p in &problems {
        writeln!(out, "{name}: warning: {p}")?;
    }
    if problems.is_empty() {
        writeln!(out, "{name}: {} rules, no problems found", checked.document.rules.len())?;
        Ok(0)
    } else {
        writeln!(out, "{} warning(s)", problems.len())?;
        Ok(1)
    }
}

/// Records a CLI scan in the state directory's history, when there is one (given with
/// `--state-dir`/`GUARD_STATE_DIR`, or an existing `./.sentra`): a plain `sentra scan`
/// never creates state in a directory that has none.
fn record_scan(state_dir: Option<&Path>, root: &Path, result: &sentra_engine::ScanResult, gate: &sentra_engine::GateResult, is_gate: bool) {
    use sentra_store::Storage;
    let explicit = state_dir.is_some() || std::env::var_os(sentra_store::STATE_DIR_ENV).is_some();
    let dir = sentra_store::state_dir(Path::new("."), state_dir);
    if !explicit && !dir.is_dir() {
        return;
    }
    let scan = sentra_server::history::new_scan(sentra_server::auth::DEFAULT_TENANT, &root.display().to_string(), result, gate.passed);
    match sentra_store::SqliteStore::open(&dir) {
        Ok(store) => {
            if let Err(e) = store.record_scan(&scan) {
                tracing::warn!(error = %e, "could not record the scan");
            }
            if is_gate {
                let details = serde_json::json!({"passed": gate.passed, "blocking": gate.blocking, "total_findings": gate.total_findings});
                let outcome = if gate.passed { "passed" } else { "failed" };
                let target = root.display().to_string();
                sentra_server::packs::audit(&store, sentra_server::auth::DEFAULT_TENANT, &sentra_server::packs::Actor::cli(), "gate", &target, details, outcome);
            }
        }
        Err(e) => tracing::warn!(error = %e, "could not open the state directory to record the scan"),
    }
}

/// The suppressions made over the API (tenant `default`) in the state directory, when it
/// exists: CLI and server scans of one workspace suppress the same findings.
fn stored_suppressions(state_dir: Option<&Path>) -> Result<Vec<sentra_engine::suppress::Suppression>> {
    let dir = sentra_store::state_dir(Path::new("."), state_dir);
    if !dir.join(sentra_store::DATABASE_FILE).is_file() {
        return Ok(Vec::new());
    }
    let store = sentra_store::SqliteStore::open(&dir)?;
    Ok(sentra_server::history::stored_suppressions(&store, sentra_server::auth::DEFAULT_TENANT)?)
}

fn compliance_cmd(args: ComplianceArgs) -> Result<u8> {
    let root = &args.path;
    if !root.is_dir() {
        anyhow::bail!("{}: not a directory", root.display());
    }
    let config = load_config(root, args.config.as_deref(), std::slice::from_ref(&args.pack), &[])?;
    let cat = catalog()?;
    let mut extra = Vec::new();
    for file in config.pack_file_paths(root) {
        extra.push(load_pack_file(&cat, &file, &config)?);
    }
    let set = cat.load_with(&config, extra)?;
    let result = sentra_engine::scan(&Source::Directory(root.clone()), &set, &config, &ScanOptions::default())?;
    let target = root.display().to_string();
    let report = sentra_engine::compliance::report(&args.pack, &set, &result, root, &config, &target)
        .ok_or_else(|| anyhow::anyhow!("pack `{}` did not run", args.pack))?;
    let buf = match args.format {
        ComplianceFormat::Json => {
            let mut b = serde_json::to_vec_pretty(&report)?;
            b.push(b'\n');
            b
        }
        ComplianceFormat::Html => sentra_reports::render_compliance_html(&report, &sentra_reports::ReportContext::now(target, None)).into_bytes(),
    };
    emit(args.output.as_deref(), &buf)?;
    Ok(0)
}

fn init_cmd(args: InitArgs) -> Result<u8> {
    let root = &args.path;
    if !root.is_dir() {
        anyhow::bail!("{}: not a directory", root.display());
    }
    let path = root.join(sentra_engine::config::CONFIG_FILES[0]);
    if path.exists() && !args.force {
        anyhow::bail!("{}: already exists (pass --force to replace it)", path.display());
    }
    let config = Config::default();
    let cat = catalog()?;
    let d = sentra_engine::detect::detect(root, &config, &cat.ids());
    let today = jiff::Zoned::now().date().to_string();
    let text = sentra_engine::detect::init_config(&d, &today);
    sentra_engine::config_edit::write_atomic(&path, text.as_bytes()).with_context(|| format!("{}: cannot write", path.display()))?;
    let mut out = anstream::stdout();
    writeln!(out, "wrote {} with {} packs: {}", path.display(), d.packs.len(), d.pack_ids().join(", "))?;
    Ok(0)
}

fn scan_cmd(args: ScanArgs, is_gate: bool, state_dir: Option<&Path>) -> Result<u8> {
    let root = &args.path;
    if !root.exists() {
        anyhow::bail!("{}: no such directory", root.display());
    }
    if !root.is_dir() {
        anyhow::bail!("{}: not a directory", root.display());
    }
    let mut config = load_config(root, args.config.as_deref(), &args.packs, &args.fail_on)?;
    // The cache is read while the packs load (both take a noticeable part of a rescan).
    let started = std::time::Instant::now();
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
    for file in config.pack_file_paths(root).iter().chain(&args.pack_files) {
        extra.push(load_pack_file(&cat, file, &config)?);
    }
    let set = cat.load_with(&config, extra)?;
    if let Some((key, message)) = set.check_overrides(&config, &cat.ids()).into_iter().next() {
        anyhow::bail!("{}: `{key}`: {message}", config.origin);
    }
    // Report files written into the tree must not be scanned by the next run.
    let suppressions = stored_suppressions(state_dir)?;
    let mut options = ScanOptions { suppressions, ..ScanOptions::default() };
    if let Some(base) = &args.diff_base {
        options.only = Some(changed_since(root, base)?);
    }
    if !config.reporters.is_empty()
        && let Ok(dir) = config.output_dir.canonicalize() {
            options.skip_dirs.push(dir);
        }
    let (cache, load_time) = match cache_loader.map(std::thread::JoinHandle::join) {
        Some(Ok((cache, took))) => (cache, took),
        Some(Err(_)) => anyhow::bail!("the scan cache loader panicked"),
        None => (None, std::time::Duration::ZERO),
    };
    if let Some(c) = &cache {
        options.cache = Some(c.cache());
        if let Ok(dir) = c.dir().canonicalize() {
            options.skip_dirs.push(dir);
        }
    }
    let times = sentra_engine::scan::StageTimes::default();
    if args.timings {
        options.timings = Some(&times);
    }
    let result = sentra_engine::scan(&Source::Directory(root.clone()), &set, &config, &options);
    drop(options);
    let result = result?;
    let started = std::time::Instant::now();
    if let Some(c) = cache {
        c.save();
    }
    if args.timings {
        print_timings(&times, load_time, started.elapsed(), result.files_scanned);
    }
    let gate = sentra_engine::gate_with(&result, &config.gate_policy());
    record_scan(state_dir, root, &result, &gate, is_gate);
    let ctx = sentra_reports::ReportContext::now(root.display().to_string(), Some(gate.clone()));

    // JSON is streamed to its destination: a scan with many findings is not held twice.
    #[derive(serde::Serialize)]
    struct GateOutput<'a> {
        gate: &'a sentra_engine::GateResult,
        scan: &'a sentra_engine::ScanResult,
    }
    let json = |w: &mut dyn Write| -> std::io::Result<()> {
        if is_gate {
            serde_json::to_writer_pretty(&mut *w, &GateOutput { gate: &gate, scan: &result })?;
        } else {
            serde_json::to_writer_pretty(&mut *w, &result)?;
        }
        w.write_all(b"\n")
    };
    match args.format {
        ScanFormat::Json => emit_with(args.output.as_deref(), json)?,
        ScanFormat::Text => {
            let mut buf: Vec<u8> = Vec::new();
            output::text_report(&mut buf, &result, is_gate.then_some(&gate))?;
            emit(args.output.as_deref(), &buf)?;
        }
        other => {
            let format = other.report().expect("a report format");
            emit(args.output.as_deref(), sentra_reports::render(format, &result, &ctx)?.as_bytes())?;
        }
    }
    for name in &config.reporters {
        let format: sentra_reports::Format = name.parse().map_err(|e: String| anyhow::anyhow!("{}: reporters: {e}", config.origin))?;
        let path = config.output_dir.join(format.file_name());
        let doc = sentra_reports::render(format, &result, &ctx)?;
        sentra_engine::config_edit::write_atomic(&path, doc.as_bytes()).with_context(|| format!("{}: cannot write report", path.display()))?;
        tracing::info!(path = %path.display(), "wrote {format} report");
    }
    if is_gate && !gate.passed { Ok(1) } else { Ok(0) }
}

/// The incremental cache of one scan root: loaded before the scan with the database
/// closed again (a scan must never open and close a SQLite file this process holds open),
/// saved after it. Any cache problem is a warning and a full scan, never a failure.
/// Where the CLI keeps a tree's scan cache: the state directory when there is one (named,
/// or `.sentra` present), else the user cache directory, keyed by the tree's real path.
fn load_scan_cache(root: &Path, state_dir: Option<&Path>) -> Option<sentra_server::scan_cache::StoredScanCache> {
    let key = root.canonicalize().ok()?.display().to_string();
    let explicit = state_dir.is_some() || std::env::var_os(sentra_store::STATE_DIR_ENV).is_some();
    let state = sentra_store::state_dir(Path::new("."), state_dir);
    let dir = if explicit || state.is_dir() { state } else { sentra_engine::default_cache_dir()?.join("scans") };
    sentra_server::scan_cache::StoredScanCache::load(&dir, &key)
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
    let git = |args: &[&str]| -> Result<Vec<String>> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .with_context(|| format!("--diff-base: cannot run git in {}", root.display()))?;
        if !out.status.success() {
            anyhow::bail!("--diff-base `{base}`: git {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
        }
        Ok(out.stdout.split(|&b| b == 0).filter(|p| !p.is_empty()).map(|p| String::from_utf8_lossy(p).into_owned()).collect())
    };
    let mut files: std::collections::BTreeSet<String> = git(&["diff", "--name-only", "-z", "--relative", base, "--"])?.into_iter().collect();
    files.extend(git(&["ls-files", "--others", "--exclude-standard", "-z"])?);
    files.retain(|f| root.join(f).is_file());
    Ok(files)
}

/// Writes to `path` atomically, or to standard output.
fn emit(path: Option<&Path>, buf: &[u8]) -> Result<()> {
    emit_with(path, |w| w.write_all(buf))
}

/// Streams a report to `path` (atomically) or to standard output.
fn emit_with(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match path {
        Some(path) => {
            sentra_engine::config_edit::write_atomic_with(path, write).with_context(|| format!("{}: cannot write report", path.display()))?
        }
        None => {
            let mut out = std::io::BufWriter::new(anstream::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn report_cmd(args: ReportArgs) -> Result<u8> {
    let input = &args.input;
    let text = std::fs::read_to_string(input).with_context(|| format!("{}: cannot read the saved scan", input.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: not JSON (expected `sentra scan --format json` output)", input.display()))?;
    // `sentra gate --format json` wraps the scan with the gate verdict.
    let (scan, gate) = match (value.get("scan"), value.get("gate")) {
        (Some(scan), Some(gate)) => (scan.clone(), Some(gate.clone())),
        _ => (value, None),
    };
    let scan: sentra_engine::ScanResult =
        serde_json::from_value(scan).with_context(|| format!("{}: not a sentra scan result", input.display()))?;
    let gate: Option<sentra_engine::GateResult> =
        gate.map(serde_json::from_value).transpose().with_context(|| format!("{}: `gate` is not a gate result", input.display()))?;
    let buf = match args.format {
        ScanFormat::Text => {
            let mut buf = Vec::new();
            output::text_report(&mut buf, &scan, gate.as_ref())?;
            buf
        }
        ScanFormat::Json => sentra_reports::render(sentra_reports::Format::Json, &scan, &sentra_reports::ReportContext::now(".", gate))?.into_bytes(),
        other => {
            let ctx = sentra_reports::ReportContext::now(input.display().to_string(), gate);
            sentra_reports::render(other.report().expect("a report format"), &scan, &ctx)?.into_bytes()
        }
    };
    emit(args.output.as_deref(), &buf)?;
    Ok(0)
}
