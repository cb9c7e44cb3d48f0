//! The accept loop: every connection costs a file descriptor and a task, so their number is
//! bounded, globally and per client, and the excess is closed at once (before any byte is
//! read). A connection that does not send a complete request head within the header-read
//! timeout, at its start or between keep-alive requests, is closed: idle sockets cannot pile
//! up. The client is the peer address; a peer the operator lists as a proxy (a load
//! balancer) is not held to the per-client cap, only to the global one. A client that
//! stops reading its response is disconnected after the write-stall timeout (`stall`).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tower::ServiceExt;

/// Connections open at once; more are closed on accept.
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;
/// Connections one client (peer address) may hold open at once.
pub const DEFAULT_MAX_CONNECTIONS_PER_CLIENT: usize = 64;
/// How long a connection may take to send a complete request head (at its start and
/// between keep-alive requests) before it is closed.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections the kernel queues before the accept loop takes them. A burst of
/// connections beyond it makes the kernel drop SYNs, and every client (not only the
/// burst's) then waits a second for its retransmission; the loop empties the queue fast,
/// closing the excess, so a long queue costs little (the system's `somaxconn` caps it).
pub const LISTEN_BACKLOG: u32 = 4096;

/// Binds `host:port` with [`LISTEN_BACKLOG`] (the first address `host` resolves to that binds).
pub async fn bind(host: &str, port: u16) -> std::io::Result<tokio::net::TcpListener> {
    let mut last = None;
    for addr in tokio::net::lookup_host((host, port)).await? {
        let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
        socket.set_reuseaddr(true)?;
        match socket.bind(addr).and_then(|()| socket.listen(LISTEN_BACKLOG)) {
            Ok(listener) => return Ok(listener),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, format!("`{host}` resolves to no address"))))
}

/// Connection limits of the accept loop; each has a `DEFAULT_*` constant above.
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    pub max_connections: usize,
    pub max_per_client: usize,
    pub header_read_timeout: Duration,
    /// How long a write may stay blocked on a client that reads nothing before the
    /// connection is closed.
    pub write_stall_timeout: Duration,
    /// Peers that are proxies: held to the global cap only.
    pub trusted_proxies: Vec<IpAddr>,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            max_connections: DEFAULT_MAX_CONNECTIONS,
            max_per_client: DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            write_stall_timeout: crate::stall::DEFAULT_WRITE_STALL_TIMEOUT,
            trusted_proxies: Vec::new(),
        }
    }
}

/// Open connections, in all and per client.
#[derive(Default)]
struct Open {
    total: usize,
    by_client: HashMap<IpAddr, usize>,
}

/// One admitted connection; leaving gives its place back.
struct Admitted {
    open: Arc<Mutex<Open>>,
    client: IpAddr,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        open.total -= 1;
        if let Some(n) = open.by_client.get_mut(&self.client) {
            *n -= 1;
            if *n == 0 {
                open.by_client.remove(&self.client);
            }
        }
    }
}

/// Admits a connection from `client` if the caps allow it.
fn admit(open: &Arc<Mutex<Open>>, limits: &ConnectionLimits, client: IpAddr) -> Option<Admitted> {
    let mut o = open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let per_client = o.by_client.get(&client).copied().unwrap_or(0);
    if o.total >= limits.max_connections || (per_client >= limits.max_per_client && !limits.trusted_proxies.contains(&client)) {
        return None;
    }
    o.total += 1;
    *o.by_client.entry(client).or_insert(0) += 1;
    Some(Admitted { open: open.clone(), client })
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets open requests finish.
pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let open = Arc::new(Mutex::new(Open::default()));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout).keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                // Out of descriptors or a connection reset before accept: wait a moment
                // rather than spin.
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(admitted) = admit(&open, &limits, peer.ip()) else {
            tracing::debug!(client = %peer.ip(), "connection refused: too many open connections");
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = router.clone().map_request(move |mut req: axum::http::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            req
        });
        let conn =
            builder.serve_connection(TokioIo::new(crate::stall::StallTimeout::new(stream, limits.write_stall_timeout)), TowerToHyperService::new(service));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _admitted = admitted;
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_capped_in_all_and_per_client_and_give_their_place_back() {
        let open = Arc::new(Mutex::new(Open::default()));
        let proxy: IpAddr = "10.0.0.9".parse().unwrap();
        let limits = ConnectionLimits { max_connections: 4, max_per_client: 2, trusted_proxies: vec![proxy], ..Default::default() };
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let first = admit(&open, &limits, a).unwrap();
        let _second = admit(&open, &limits, a).unwrap();
        assert!(admit(&open, &limits, a).is_none(), "per client");
        let _p1 = admit(&open, &limits, proxy).unwrap();
        let _p2 = admit(&open, &limits, proxy).unwrap();
        assert!(admit(&open, &limits, proxy).is_none(), "in all, proxies included");
        drop(first);
        assert!(admit(&open, &limits, a).is_some(), "a closed connection gives its place back");
    }
}
