//! `sentra`: the command-line interface. Exit codes: 0 success (gate passed), 1 gate
//! failed, 2 usage or runtime error (with a one-line message on stderr).

mod args;
mod cmd;
mod common;
mod output;
mod scaffold;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::args::{Cli, Command, LogFormat};
use crate::common::one_line;

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

fn init_logging(verbose: u8, json: bool) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SENTRA_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    // Colour only on a terminal: a log redirected to a file or a pipe stays plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr()) && std::env::var_os("NO_COLOR").is_none();
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false).with_ansi(ansi);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}

fn run(cli: Cli) -> Result<u8> {
    let state_dir = cli.state_dir.as_deref();
    common::set_database_url(cli.database_url.clone());
    match cli.command {
        Command::Scan(args) => cmd::scan::scan_cmd(args, false, state_dir),
        Command::Gate(args) => cmd::scan::scan_cmd(args, true, state_dir),
        Command::Init(args) => cmd::init::init_cmd(args),
        Command::ComplianceReport(args) => cmd::compliance::compliance_cmd(args, state_dir),
        Command::ListPacks(args) => cmd::list::list_packs(args),
        Command::ListRules(args) => cmd::list::list_rules(args),
        Command::Pack(pack) => cmd::pack::run(pack, state_dir),
        Command::Fix(args) => cmd::fix::run(args, state_dir),
        Command::Serve(args) => cmd::serve::serve(args, state_dir),
        Command::Keys(keys) => cmd::keys::keys(keys, state_dir),
        Command::Store(store) => cmd::store::store_cmd(store, state_dir),
        Command::CompileComponent { memory_bytes } => cmd::serve::compile_component(memory_bytes),
        Command::Report(args) => cmd::report::report_cmd(args),
        Command::Approvals(approvals) => cmd::approvals::approvals_cmd(approvals, state_dir),
    }
}
