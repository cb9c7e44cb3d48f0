//! The command line as clap parses it: every command, flag and value, and nothing that
//! runs. Each command's body lives in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "sentra", version, about = "Compliance and security scanner with sandboxed WebAssembly rule packs", long_about = None)]
pub(crate) struct Cli {
    /// More log output (repeat for more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
    /// The state directory (API keys, and what the server remembers). Default: `.sentra`
    /// under the server root (`serve`) or the current directory (other commands).
    #[arg(long, global = true, env = "GUARD_STATE_DIR", value_name = "DIR")]
    pub(crate) state_dir: Option<PathBuf>,
    /// A PostgreSQL database to keep that state in instead of the state directory's SQLite
    /// file (`postgres://user:password@host:port/db`): what replicas of `serve` share, and
    /// what `keys`, `pack` and `approvals` then act on.
    #[arg(long, global = true, env = "GUARD_DATABASE_URL", value_name = "URL", hide_env_values = true)]
    pub(crate) database_url: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
    /// Apply the fixes findings carry: scan PATH, then show a diff of every
    /// non-overlapping fix (exit 1 when there are any); `--apply` writes them.
    Fix(FixArgs),
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
    /// Move the server's state between stores.
    #[command(subcommand)]
    Store(StoreCommand),
    /// Internal: compile a pack component read from stdin for this host and write the
    /// artifact to stdout, under a memory limit (bytes). `sentra serve` runs it for every
    /// component that is not built in.
    #[command(name = "__compile-component", hide = true)]
    CompileComponent { memory_bytes: u64 },
}

#[derive(Args, Debug)]
pub(crate) struct ComplianceArgs {
    /// Directory to scan.
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// The pack whose framework to report on (e.g. soc2, hipaa).
    #[arg(long = "pack")]
    pub(crate) pack: String,
    /// html or json.
    #[arg(long, value_enum, default_value_t = ComplianceFormat::Html)]
    pub(crate) format: ComplianceFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Config file (default: `.sentra/config.yaml`, else `.guard.yaml`, under PATH).
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// Exit 0 even when a clause is failing (the report is written either way).
    #[arg(long, conflicts_with = "strict")]
    pub(crate) exit_zero: bool,
    /// Exit 1 when a clause is not assessed, too (by default only failing clauses do).
    #[arg(long)]
    pub(crate) strict: bool,
    /// Whose approvals attest obligations (`obligation_attestation` requests approved
    /// through the server's approvals API, read from the state directory).
    #[arg(long, default_value = sentra_app::DEFAULT_TENANT)]
    pub(crate) tenant: String,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ComplianceFormat {
    Html,
    Json,
}

#[derive(Args, Debug)]
pub(crate) struct InitArgs {
    /// Project directory.
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// Replace an existing `.sentra/config.yaml`.
    #[arg(long)]
    pub(crate) force: bool,
    /// Write the sentra equivalent of the project's sentrik config (`.sentrik/config.yaml`
    /// or `.guard.yaml`), with comments saying what was mapped and what was dropped.
    #[arg(long)]
    pub(crate) from_sentrik: bool,
}

#[derive(Args, Debug)]
pub(crate) struct ReportArgs {
    /// The saved scan: the JSON of `sentra scan --format json` or `sentra gate --format json`.
    #[arg(long, short)]
    pub(crate) input: PathBuf,
    /// json, csv, sarif, junit or html.
    #[arg(long, value_enum)]
    pub(crate) format: ScanFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
}

/// Output formats of `scan` and `gate`: text for people, the rest for tools.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScanFormat {
    Text,
    Json,
    Sarif,
    Junit,
    Html,
    Csv,
}

impl ScanFormat {
    pub(crate) fn report(self) -> Option<sentra_reports::Format> {
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
pub(crate) enum ApprovalsCommand {
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
        /// Who approves, as the audit log records it (default: the operating-system user).
        #[arg(long = "as", value_name = "NAME")]
        reviewer: Option<String>,
    },
    /// Reject a request.
    Reject {
        id: i64,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Who rejects, as the audit log records it (default: the operating-system user).
        #[arg(long = "as", value_name = "NAME")]
        reviewer: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum StoreCommand {
    /// Copy the state directory's SQLite database into an empty PostgreSQL database (stop
    /// the server first): every table in one transaction, pack files as blobs.
    Migrate {
        /// The PostgreSQL database to copy into (`postgres://user:password@host/db`).
        #[arg(long, value_name = "URL")]
        to: String,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum KeysCommand {
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
pub(crate) struct KeysCreateArgs {
    /// admin, security-lead, developer, viewer or agent (tenant roles), or operator (changes
    /// the server's operator settings over the API and nothing else; given only by name).
    #[arg(long)]
    pub(crate) role: String,
    /// The tenant the key acts for.
    #[arg(long, default_value = "default")]
    pub(crate) tenant: String,
    /// A name to recognise the key by (default: `<role>-<id>`).
    #[arg(long)]
    pub(crate) name: Option<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LogFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub(crate) struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "0.0.0.0")]
    pub(crate) host: String,
    /// Port to listen on (0: any free port; the chosen one is printed).
    #[arg(long, default_value_t = 8000)]
    pub(crate) port: u16,
    /// The workspace relative `repo_path`s resolve against; scans cannot leave it.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Log lines as JSON.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub(crate) log_format: LogFormat,
    /// Requests per minute per API key (or per IP without one); 0 turns the limit off.
    #[arg(long, env = "GUARD_RATE_LIMIT", default_value_t = sentra_server::auth::DEFAULT_RATE_LIMIT_PER_MINUTE)]
    pub(crate) rate_limit: u32,
    /// Development mode: pick up config and pack changes on disk without a restart.
    #[arg(long)]
    pub(crate) reload: bool,
    /// Give each tenant `t` the workspace `DIR/t` (unless the config's `tenants.t.root` maps
    /// another). Without it only the `default` tenant has a workspace: the root.
    #[arg(long, env = "GUARD_TENANTS_ROOT", value_name = "DIR")]
    pub(crate) tenants_root: Option<PathBuf>,
    /// Read files with more than one hard link when scanning (off by default: a hard link
    /// inside the root to a file outside it would be read).
    #[arg(long, env = "GUARD_ALLOW_HARD_LINKS")]
    pub(crate) allow_hard_links: bool,
    /// Connections open at once; more are closed on accept.
    #[arg(long, env = "GUARD_MAX_CONNECTIONS", default_value_t = sentra_server::DEFAULT_MAX_CONNECTIONS)]
    pub(crate) max_connections: usize,
    /// Connections one client (peer address) may hold open at once.
    #[arg(long, env = "GUARD_MAX_CONNECTIONS_PER_CLIENT", default_value_t = sentra_server::DEFAULT_MAX_CONNECTIONS_PER_CLIENT)]
    pub(crate) max_connections_per_client: usize,
    /// Seconds a connection may take to send a request head (at its start and between
    /// keep-alive requests) before it is closed.
    #[arg(long, env = "GUARD_HEADER_READ_TIMEOUT", default_value_t = sentra_server::DEFAULT_HEADER_READ_TIMEOUT.as_secs_f64())]
    pub(crate) header_read_timeout: f64,
    /// Seconds a response may stay blocked on a client that reads nothing (a scan stream
    /// nobody reads) before the connection is closed.
    #[arg(long, env = "GUARD_WRITE_STALL_TIMEOUT", value_name = "SECONDS", default_value_t = sentra_server::DEFAULT_WRITE_STALL_TIMEOUT.as_secs_f64())]
    pub(crate) write_stall_timeout: f64,
    /// A proxy's address (a load balancer in front of the server): held to the global
    /// connection cap only. Repeat for several; `GUARD_TRUSTED_PROXIES` takes a comma list.
    #[arg(long = "trusted-proxy", env = "GUARD_TRUSTED_PROXIES", value_delimiter = ',', value_name = "IP")]
    pub(crate) trusted_proxies: Vec<std::net::IpAddr>,
    /// A browser origin (`https://app.example.com`) allowed to call the API across origins
    /// (CORS). Repeat for several; `GUARD_CORS_ORIGINS` takes a comma list. None by default.
    #[arg(long = "cors-origin", env = "GUARD_CORS_ORIGINS", value_delimiter = ',', value_name = "ORIGIN")]
    pub(crate) cors_origins: Vec<String>,
    /// Largest request body in bytes (larger: 413).
    #[arg(long, env = "GUARD_MAX_BODY_BYTES", default_value_t = sentra_server::DEFAULT_MAX_BODY_BYTES)]
    pub(crate) max_body_bytes: usize,
    /// Largest pack component uploaded to `POST /api/packs/import`, in bytes (larger: 413).
    #[arg(long, env = "GUARD_MAX_UPLOAD_BYTES", default_value_t = sentra_server::DEFAULT_MAX_UPLOAD_BYTES)]
    pub(crate) max_upload_bytes: usize,
    /// Longest query string in bytes (longer: 400).
    #[arg(long, env = "GUARD_MAX_QUERY_BYTES", default_value_t = sentra_server::DEFAULT_MAX_QUERY_BYTES)]
    pub(crate) max_query_bytes: usize,
    /// Most inline files one request may carry (more: 413).
    #[arg(long, env = "GUARD_MAX_INLINE_FILES", default_value_t = sentra_server::DEFAULT_MAX_INLINE_FILES)]
    pub(crate) max_inline_files: usize,
    /// Scans that run at once; more wait for a slot.
    #[arg(long, env = "GUARD_MAX_CONCURRENT_SCANS", default_value_t = sentra_server::DEFAULT_MAX_CONCURRENT_SCANS)]
    pub(crate) max_concurrent_scans: usize,
    /// Seconds a scan waits for a slot before the request gets 503 with Retry-After.
    #[arg(long, env = "GUARD_QUEUE_WAIT", value_name = "SECONDS", default_value_t = sentra_server::DEFAULT_QUEUE_WAIT.as_secs_f64())]
    pub(crate) queue_wait: f64,
    /// Seconds a scan may run before it is stopped (503).
    #[arg(long, env = "GUARD_SCAN_TIMEOUT", value_name = "SECONDS", default_value_t = sentra_server::DEFAULT_SCAN_TIMEOUT.as_secs_f64())]
    pub(crate) scan_timeout: f64,
    /// Seconds an imported (not built-in) pack component may take to compile before the
    /// import is refused. Compiles run in a child process, two at a time.
    #[arg(long, env = "GUARD_PACK_COMPILE_TIMEOUT", value_name = "SECONDS", default_value_t = sentra_runtime::DEFAULT_COMPILE_TIMEOUT.as_secs_f64())]
    pub(crate) pack_compile_timeout: f64,
    /// Memory in MiB one such compile may use before the import is refused.
    #[arg(long, env = "GUARD_PACK_COMPILE_MEMORY_MIB", value_name = "MIB", default_value_t = sentra_runtime::DEFAULT_COMPILE_MEMORY_BYTES >> 20)]
    pub(crate) pack_compile_memory_mib: u64,
    /// Seconds a server's claim on a queued scan (`POST /api/scans`) lasts unless renewed:
    /// how long a scan a dead replica held waits before another replica retries it.
    #[arg(long, env = "GUARD_SCAN_LEASE", value_name = "SECONDS", default_value_t = sentra_server::DEFAULT_SCAN_LEASE.as_secs_f64())]
    pub(crate) scan_lease: f64,
    /// A URL prefix queued scans may clone git repositories from (`https://git.example.com/team/`,
    /// `file:///srv/git/`). Repeat for several; `GUARD_SCAN_GIT_ALLOW` takes a comma list.
    /// None by default: no git scans.
    #[arg(long = "scan-git-allow", env = "GUARD_SCAN_GIT_ALLOW", value_delimiter = ',', value_name = "PREFIX")]
    pub(crate) scan_git_allow: Vec<String>,
    /// Seconds one clone may take.
    #[arg(long, env = "GUARD_SCAN_GIT_TIMEOUT", value_name = "SECONDS", default_value_t = 120.0)]
    pub(crate) scan_git_timeout: f64,
    /// Largest clone on disk, in MiB.
    #[arg(long, env = "GUARD_SCAN_GIT_MAX_MIB", value_name = "MIB", default_value_t = 512)]
    pub(crate) scan_git_max_mib: u64,
}

#[derive(Subcommand, Debug)]
pub(crate) enum PackCommand {
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
    /// Import a pack (`.yaml`, `.wasm` or a `.sentrapack` bundle) into the state
    /// directory, where `sentra serve` picks it up without a restart. The config's
    /// `pack_trust` decides which are admitted.
    Import(PackImportArgs),
    /// Print a pack as YAML (a component's description; its code is not exported).
    Export(PackIdArgs),
    /// Delete an imported pack.
    Delete(PackIdArgs),
    /// List the built-in and imported packs of a tenant.
    List(PackListArgs),
    /// Make an Ed25519 key pair for signing pack bundles: PREFIX.key (secret, readable by
    /// you only) and PREFIX.pub (the public key a server's `pack_trust` lists).
    Keygen(PackKeygenArgs),
    /// Bundle a pack (`.wasm` or `.yaml`) with its manifest (id, version, pack API version,
    /// license, author, sha256) into one `.sentrapack` file, signed with a key from
    /// `sentra pack keygen`.
    Sign(PackSignArgs),
    /// Check a bundle: that its payload is what its manifest says and that it is signed and
    /// the signature verifies; with --key, that one of those keys signed it. Exit 1 if not.
    Verify(PackVerifyArgs),
    /// Report footguns in a YAML pack: invalid fields, patterns matching the empty
    /// string, globs matching nothing, rules without remediation or standard. Exit 1 if
    /// anything is reported.
    Lint(PackLintArgs),
}

#[derive(Args, Debug)]
pub(crate) struct PackNewArgs {
    /// The pack id (and directory name): lowercase letters, digits and `-`.
    pub(crate) name: String,
    #[arg(long, value_enum, default_value_t = crate::scaffold::Lang::Yaml)]
    pub(crate) lang: crate::scaffold::Lang,
    /// Where to create it (default: ./NAME).
    #[arg(long)]
    pub(crate) dir: Option<PathBuf>,
    /// The sentra-sdk crate a Rust pack depends on (default: a copy of this sentra's SDK,
    /// vendored into the project as `sentra-sdk/`).
    #[arg(long)]
    pub(crate) sdk: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct PackTestArgs {
    /// Directory with the pack and/or its fixtures.
    pub(crate) dir: PathBuf,
    /// Test this built-in pack against the fixtures in DIR.
    #[arg(long, conflicts_with = "pack_file")]
    pub(crate) pack: Option<String>,
    /// Test this pack (`.yaml` or `.wasm`) against the fixtures in DIR.
    #[arg(long, value_name = "FILE")]
    pub(crate) pack_file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Args, Debug)]
pub(crate) struct PackImportArgs {
    /// The pack: a YAML document, a Wasm component or a bundle (`sentra pack sign`).
    pub(crate) file: PathBuf,
    /// The tenant that owns it.
    #[arg(long, default_value = "default")]
    pub(crate) tenant: String,
    /// The id to store it under (must match the pack's own when both are given).
    #[arg(long)]
    pub(crate) id: Option<String>,
    /// Replace an existing pack of that id.
    #[arg(long)]
    pub(crate) overwrite: bool,
}

#[derive(Args, Debug)]
pub(crate) struct PackIdArgs {
    /// The pack id.
    pub(crate) id: String,
    #[arg(long, default_value = "default")]
    pub(crate) tenant: String,
}

#[derive(Args, Debug)]
pub(crate) struct PackListArgs {
    #[arg(long, default_value = "default")]
    pub(crate) tenant: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Args, Debug)]
pub(crate) struct FixArgs {
    /// Directory to scan and fix.
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// Write the fixes (atomically; a file changed since the scan started is left alone).
    /// Without it, nothing is written.
    #[arg(long)]
    pub(crate) apply: bool,
    /// Only the fixes of these rules (repeat or comma-separate).
    #[arg(long = "rule", value_delimiter = ',', value_name = "RULE-ID")]
    pub(crate) rules: Vec<String>,
    /// Packs to run (repeat or comma-separate); overrides `standards_packs`.
    #[arg(long = "pack", value_delimiter = ',')]
    pub(crate) packs: Vec<String>,
    /// Also run this pack (`.wasm`, `.yaml` or a bundle); repeatable.
    #[arg(long = "pack-file", value_name = "FILE")]
    pub(crate) pack_files: Vec<PathBuf>,
    /// Config file (default: PATH/.sentra/config.yaml, then PATH/.guard.yaml).
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// Skip paths matching this glob (relative to PATH; repeat or comma-separate).
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Args, Debug)]
pub(crate) struct PackKeygenArgs {
    /// Where to write the keys: PREFIX.key and PREFIX.pub.
    pub(crate) prefix: PathBuf,
    /// Replace existing key files.
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Args, Debug)]
pub(crate) struct PackSignArgs {
    /// The pack: a Wasm component or a YAML document.
    pub(crate) file: PathBuf,
    /// The secret key file (`sentra pack keygen`).
    #[arg(long, value_name = "FILE", required_unless_present = "unsigned")]
    pub(crate) key: Option<PathBuf>,
    /// Make an unsigned bundle (only a server whose `pack_trust` is `any` accepts it).
    #[arg(long, conflicts_with = "key")]
    pub(crate) unsigned: bool,
    /// Who made the pack, as the manifest states it.
    #[arg(long, default_value = "")]
    pub(crate) author: String,
    /// Where to write the bundle (default: ID-VERSION.sentrapack beside the pack).
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct PackVerifyArgs {
    /// The bundle.
    pub(crate) file: PathBuf,
    /// A public key (`ed25519:...`) or a `.pub` file that must have signed it; repeatable.
    #[arg(long, value_name = "KEY")]
    pub(crate) key: Vec<String>,
    /// Accept an unsigned bundle whose payload is intact (by default a bundle must be
    /// signed).
    #[arg(long, conflicts_with = "key")]
    pub(crate) allow_unsigned: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Args, Debug)]
pub(crate) struct PackLintArgs {
    /// The YAML pack document.
    pub(crate) file: PathBuf,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(Args, Debug, Clone)]
pub(crate) struct ScanArgs {
    /// Directory (or a single file) to scan.
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// Skip paths matching this glob (relative to PATH; repeat or comma-separate); added to
    /// the config's `scan_exclude`.
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,
    /// Report only findings of at least this severity (critical, high, medium, low, info).
    #[arg(long, value_name = "SEVERITY")]
    pub(crate) min_severity: Option<String>,
    /// Packs to run (repeat or comma-separate); overrides `standards_packs`.
    #[arg(long = "pack", value_delimiter = ',')]
    pub(crate) packs: Vec<String>,
    /// Also run this pack: a component (`.wasm`) or a declarative pack (`.yaml`); repeatable.
    #[arg(long = "pack-file", value_name = "FILE")]
    pub(crate) pack_files: Vec<PathBuf>,
    /// Severities that fail the gate (comma-separated); overrides `gate_fail_on`.
    #[arg(long, value_delimiter = ',')]
    pub(crate) fail_on: Vec<String>,
    /// Config file (default: PATH/.sentra/config.yaml, then PATH/.guard.yaml).
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    pub(crate) format: ScanFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Scan only files changed since this git ref (committed, staged or not, and new
    /// untracked files), as for a pull request: `--diff-base origin/main`.
    #[arg(long, value_name = "GIT_REF")]
    pub(crate) diff_base: Option<String>,
    /// Do not use or update the incremental cache (by default unchanged files reuse what
    /// each pack reported last time; the cache lives in the state directory when there is
    /// one, else under the user cache directory).
    #[arg(long)]
    pub(crate) no_cache: bool,
    /// Print where the time went (walk, read, prefilter, packs, findings) to standard error.
    #[arg(long)]
    pub(crate) timings: bool,
}

#[derive(Args, Debug)]
pub(crate) struct ListArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Args, Debug)]
pub(crate) struct ListRulesArgs {
    /// Only these packs (repeat or comma-separate).
    #[arg(long = "pack", value_delimiter = ',')]
    pub(crate) packs: Vec<String>,
    /// `markdown` is the rule reference of docs/packs.md.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub(crate) format: RulesFormat,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum RulesFormat {
    Text,
    Json,
    Markdown,
}
