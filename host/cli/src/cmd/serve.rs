//! `sentra serve`: the HTTP server, the only command that uses `sentra-server`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::args::*;
use crate::common::*;

pub(crate) fn seconds(flag: &str, v: f64) -> Result<std::time::Duration> {
    std::time::Duration::try_from_secs_f64(v).map_err(|_| anyhow::anyhow!("--{flag}: `{v}` is not a number of seconds"))
}

/// Every component that is not built in compiles in a child: this same binary, bounded.
fn isolated_compiler(args: &ServeArgs) -> Result<sentra_runtime::IsolatedCompiler> {
    let timeout = seconds("pack-compile-timeout", args.pack_compile_timeout)?;
    if timeout.is_zero() || args.pack_compile_memory_mib == 0 {
        anyhow::bail!("--pack-compile-timeout and --pack-compile-memory-mib must be above 0");
    }
    Ok(sentra_runtime::IsolatedCompiler {
        program: std::env::current_exe().context("cannot find the sentra executable to compile packs with")?,
        args: vec!["__compile-component".into()],
        timeout,
        memory_bytes: args.pack_compile_memory_mib.saturating_mul(1 << 20),
    })
}

/// `sentra __compile-component BYTES`: the isolated compiler's child. Limits its own data
/// segment (so an adversarial component fails to allocate instead of growing the machine)
/// and compiles stdin to stdout.
pub(crate) fn compile_component(memory_bytes: u64) -> Result<u8> {
    use std::io::Read;
    let limit = rustix::process::Rlimit { current: Some(memory_bytes), maximum: Some(memory_bytes) };
    rustix::process::setrlimit(rustix::process::Resource::Data, limit).context("cannot limit the compiler's memory")?;
    let mut bytes = Vec::new();
    std::io::stdin().lock().take(sentra_runtime::MAX_COMPONENT_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    match sentra_runtime::precompile_component(&bytes) {
        Ok(artifact) => {
            std::io::stdout().lock().write_all(&artifact)?;
            Ok(0)
        }
        Err(e) => {
            let mut err = std::io::stderr().lock();
            writeln!(err, "{e}")?;
            Ok(1)
        }
    }
}

pub(crate) fn serve(args: ServeArgs, state_dir: Option<&Path>) -> Result<u8> {
    let cat = catalog()?.with_isolated_compiler(isolated_compiler(&args)?);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the async runtime")?;
    let state_dir = sentra_store::state_dir(&args.root, state_dir);
    rt.block_on(async move {
        let listener = sentra_server::bind(&args.host, args.port).await.with_context(|| format!("cannot listen on {}:{}", args.host, args.port))?;
        let addr = listener.local_addr()?;
        let mut config = sentra_server::ServerConfig::new(args.root.clone());
        config.state_dir = state_dir;
        config.database_url = crate::common::database_url().map(str::to_string);
        config.scan_lease = seconds("scan-lease", args.scan_lease)?;
        if config.scan_lease < std::time::Duration::from_secs(1) {
            anyhow::bail!("--scan-lease must be at least 1 second");
        }
        config.scan_git = sentra_app::git_clone::GitPolicy {
            allow: args.scan_git_allow.clone(),
            timeout: seconds("scan-git-timeout", args.scan_git_timeout)?,
            max_bytes: args.scan_git_max_mib << 20,
        };
        config.loopback = addr.ip().is_loopback();
        config.env_api_key = std::env::var("GUARD_API_KEY").ok().filter(|k| !k.trim().is_empty());
        config.rate_limit_per_minute = args.rate_limit;
        config.reload = args.reload;
        config.allow_hard_links = args.allow_hard_links;
        config.tenants_root = args.tenants_root.clone();
        config.connections = sentra_server::ConnectionLimits {
            max_connections: args.max_connections,
            max_per_client: args.max_connections_per_client,
            header_read_timeout: seconds("header-read-timeout", args.header_read_timeout)?,
            write_stall_timeout: seconds("write-stall-timeout", args.write_stall_timeout)?,
            trusted_proxies: args.trusted_proxies.clone(),
        };
        if args.max_connections == 0 || args.max_connections_per_client == 0 {
            anyhow::bail!("--max-connections and --max-connections-per-client must be above 0");
        }
        if let Some(bad) = args.cors_origins.iter().find(|o| !sentra_server::cors::valid_origin(o)) {
            anyhow::bail!("--cors-origin `{bad}` is not an origin (scheme://host[:port], e.g. https://app.example.com)");
        }
        config.cors_origins = args.cors_origins.clone();
        config.max_body_bytes = args.max_body_bytes;
        config.max_upload_bytes = args.max_upload_bytes;
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
