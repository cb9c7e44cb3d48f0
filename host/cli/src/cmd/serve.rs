//! `sentra serve`: the HTTP server, the only command that uses `sentra-server`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::args::*;
use crate::common::*;

pub(crate) fn seconds(flag: &str, v: f64) -> Result<std::time::Duration> {
    std::time::Duration::try_from_secs_f64(v).map_err(|_| anyhow::anyhow!("--{flag}: `{v}` is not a number of seconds"))
}

pub(crate) fn serve(args: ServeArgs, state_dir: Option<&Path>) -> Result<u8> {
    let cat = catalog()?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the async runtime")?;
    let state_dir = sentra_store::state_dir(&args.root, state_dir);
    rt.block_on(async move {
        let listener = sentra_server::bind(&args.host, args.port).await.with_context(|| format!("cannot listen on {}:{}", args.host, args.port))?;
        let addr = listener.local_addr()?;
        let mut config = sentra_server::ServerConfig::new(args.root.clone());
        config.state_dir = state_dir;
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
            trusted_proxies: args.trusted_proxies.clone(),
        };
        if args.max_connections == 0 || args.max_connections_per_client == 0 {
            anyhow::bail!("--max-connections and --max-connections-per-client must be above 0");
        }
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
