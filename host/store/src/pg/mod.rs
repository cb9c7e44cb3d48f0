//! The PostgreSQL store: the same aggregates as the SQLite one, in a database every
//! `sentra serve` replica shares (`--database-url postgres://...`).
//!
//! The [`Storage`](crate::Storage) trait is synchronous, so this backend uses the blocking
//! `postgres` client behind an `r2d2` pool. That client drives its own small Tokio runtime
//! and panics when it blocks a thread that is already running async tasks, so a call made
//! from inside a runtime (an axum handler) runs on a short-lived scoped thread: a few
//! microseconds, against the round trip to the database it waits for anyway.
//!
//! What lives here is everything a replica needs: keys, packs (their bytes as
//! content-addressed blobs), settings, audit chains, approvals, suppressions, scan history,
//! work items. The incremental scan cache stays local to each replica (see `docs/replicas.md`).

mod approvals;
mod audit;
mod keys;
mod migrate;
mod packs;
mod scan_jobs;
mod scans;
mod server_info;
mod settings;
mod suppressions;
mod work_items;

use std::time::Duration;

use r2d2_postgres::PostgresConnectionManager;
pub(crate) use r2d2_postgres::postgres;
use r2d2_postgres::postgres::{Client, Config, NoTls};

use crate::StoreError;

/// How many connections one replica holds at most.
pub const MAX_CONNECTIONS: u32 = 16;
/// How long a call waits for a free connection (or a new one) before failing.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// The PostgreSQL store.
pub struct PostgresStore {
    /// `None` only while dropping (see the `Drop` impl).
    pool: Option<Pool>,
    /// `host:port/dbname`, for messages: never the password.
    target: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").field("target", &self.target).finish_non_exhaustive()
    }
}

/// Whether a database URL names PostgreSQL (`postgres://` or `postgresql://`).
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/db?options=...`) and brings
    /// its schema up to date (under an advisory lock, so replicas starting together
    /// migrate once).
    pub fn open(url: &str) -> Result<Self, StoreError> {
        if !is_postgres_url(url) {
            return Err(StoreError::Invalid("a PostgreSQL database URL starts with postgres:// or postgresql://".into()));
        }
        let config: Config = url.parse().map_err(|e| StoreError::Invalid(format!("the database URL is not valid: {e}")))?;
        let target = describe(&config);
        let manager = PostgresConnectionManager::new(config.clone(), NoTls);
        let store = off_runtime(|| {
            // One connection first: a refused connection or a wrong password fails here at
            // once, with the server's reason, instead of after the pool's timeout.
            let first = config.connect(NoTls).map_err(|e| StoreError::Postgres { target: target.clone(), message: pg_message(&e) })?;
            drop(first);
            let pool = r2d2::Pool::builder()
                .max_size(MAX_CONNECTIONS)
                .min_idle(Some(1))
                .connection_timeout(CONNECT_TIMEOUT)
                // A broken connection shows as an error on use and is then dropped; a
                // check on every checkout would add a round trip to every call.
                .test_on_check_out(false)
                .error_handler(Box::new(r2d2::NopErrorHandler))
                .build(manager)
                .map_err(|e| StoreError::Postgres { target: target.clone(), message: pool_message(&e) })?;
            Ok::<_, StoreError>(Self { pool: Some(pool), target: target.clone() })
        })?;
        store.with(migrate::migrate)?.map_err(|found| StoreError::TooNewPostgres { target: target.clone(), found, known: migrate::known() })?;
        Ok(store)
    }

    /// `host:port/dbname` of the database, for messages.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Runs `f` on a pooled connection; errors name the database, never its password.
    pub(crate) fn with<T: Send>(&self, f: impl FnOnce(&mut Client) -> Result<T, postgres::Error> + Send) -> Result<T, StoreError> {
        let pool = self.pool.as_ref().expect("the pool is present until drop");
        off_runtime(|| {
            let mut conn = pool.get().map_err(|e| StoreError::Postgres { target: self.target.clone(), message: pool_message(&e) })?;
            f(&mut conn).map_err(|e| StoreError::Postgres { target: self.target.clone(), message: pg_message(&e) })
        })
    }
}

impl Drop for PostgresStore {
    fn drop(&mut self) {
        // Closing a connection blocks on the client's runtime too.
        if let Some(pool) = self.pool.take() {
            off_runtime(move || drop(pool));
        }
    }
}

/// Runs `f` here, or on a scoped thread when this thread is inside a Tokio runtime (where
/// the blocking client would panic).
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if tokio::runtime::Handle::try_current().is_err() {
        return f();
    }
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(v) => v,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

fn describe(config: &Config) -> String {
    use r2d2_postgres::postgres::config::Host;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!("{host}:{port}/{}", config.get_dbname().unwrap_or("postgres"))
}

/// A database error's message: the server's own text (a constraint, a missing table)
/// when it sent one, else the client's.
fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => e.to_string(),
    }
}

fn pool_message(e: &r2d2::Error) -> String {
    let text = e.to_string();
    if text.is_empty() { "cannot connect".into() } else { format!("cannot connect: {text}") }
}

/// Seconds since the epoch, as the SQLite store keeps them.
pub(crate) fn now() -> i64 {
    crate::now()
}

/// RFC 3339 to the second, UTC, as the SQLite store writes it.
pub(crate) fn stamp() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::postgres::{Client, NoTls};
    use super::*;
    use crate::prelude::*;
    use crate::testing::{POSTGRES_URL_ENV, new_schema};

    /// The test server, or `None` (a note) outside CI when there is none.
    fn server() -> Option<String> {
        let url = std::env::var(POSTGRES_URL_ENV).ok().filter(|u| !u.is_empty());
        if url.is_none() {
            assert!(std::env::var_os("CI").is_none(), "{POSTGRES_URL_ENV} is not set");
            eprintln!("note: {POSTGRES_URL_ENV} is not set; skipped");
        }
        url
    }

    #[test]
    fn audit_rows_refuse_changes_and_a_forced_change_breaks_the_chain() {
        let Some(url) = server() else { return };
        let (schema, scoped) = new_schema(&url);
        let store = PostgresStore::open(&scoped).unwrap();
        for i in 0..3 {
            store
                .append_audit(&crate::NewAuditEntry {
                    tenant: "a".into(),
                    actor: "ci".into(),
                    role: "admin".into(),
                    action: format!("act{i}"),
                    target: "x".into(),
                    details: serde_json::json!({}),
                    result: "ok".into(),
                })
                .unwrap();
        }
        let mut raw = Client::connect(&scoped, NoTls).unwrap();
        for sql in ["UPDATE audit SET result = 'forged'", "DELETE FROM audit", "TRUNCATE audit"] {
            let err = raw.batch_execute(sql).unwrap_err();
            assert!(pg_message(&err).contains("append-only"), "{sql}: {err}");
        }
        // Someone who can turn the trigger off is caught by the chain.
        raw.batch_execute("ALTER TABLE audit DISABLE TRIGGER audit_no_change; UPDATE audit SET result = 'forged' WHERE action = 'act1'").unwrap();
        let v = store.verify_audit("a").unwrap();
        assert!(!v.valid && v.reason.unwrap().contains("changed"), "{schema}");
        raw.batch_execute("DELETE FROM audit WHERE action <> 'act0'").unwrap();
        let v = store.verify_audit("a").unwrap();
        assert!(!v.valid && v.reason.unwrap().contains("head records 3"));
    }

    #[test]
    fn replicas_starting_together_migrate_once_and_a_newer_schema_is_refused() {
        let Some(url) = server() else { return };
        let (_, scoped) = new_schema(&url);
        let opened: Vec<PostgresStore> = std::thread::scope(|s| {
            (0..4).map(|_| s.spawn(|| PostgresStore::open(&scoped).unwrap())).collect::<Vec<_>>().into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(opened.len(), 4);
        let mut raw = Client::connect(&scoped, NoTls).unwrap();
        assert_eq!(raw.query_one("SELECT version FROM sentra_schema", &[]).unwrap().get::<_, i64>(0), migrate::known());
        raw.batch_execute("UPDATE sentra_schema SET version = 99").unwrap();
        let err = PostgresStore::open(&scoped).unwrap_err().to_string();
        assert!(err.contains("schema version 99"), "{err}");
    }

    #[test]
    fn connection_errors_name_the_database_but_never_the_password() {
        let err = PostgresStore::open("postgres://sentra:hunter2@127.0.0.1:1/db").unwrap_err().to_string();
        assert!(err.contains("127.0.0.1:1/db") && !err.contains("hunter2"), "{err}");
        let err = PostgresStore::open("mysql://x").unwrap_err().to_string();
        assert!(err.contains("postgres://"), "{err}");
        let err = PostgresStore::open("postgres://a:hunter2@h:notaport/db").unwrap_err().to_string();
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[tokio::test]
    async fn the_store_works_from_inside_an_async_runtime() {
        let Some(url) = server() else { return };
        // The test's own raw client cannot run here; the store must.
        let (_, scoped) = std::thread::spawn(move || new_schema(&url)).join().unwrap();
        // An axum handler calls the synchronous store directly: this must not panic.
        let store = PostgresStore::open(&scoped).unwrap();
        assert_eq!(store.active_key_count().unwrap(), 0);
        drop(store);
    }

    #[test]
    fn concurrent_creates_of_one_rules_work_item_make_one_item() {
        let Some(url) = server() else { return };
        let (_, scoped) = new_schema(&url);
        let draft = crate::WorkItemDraft {
            rule_id: "R1".into(),
            title: "Fix R1".into(),
            description: String::new(),
            acceptance_criteria: vec![],
            findings_key: "k".into(),
            findings_count: 1,
        };
        let stores: Vec<PostgresStore> = (0..4).map(|_| PostgresStore::open(&scoped).unwrap()).collect();
        let ids: Vec<i64> = std::thread::scope(|s| {
            let handles: Vec<_> = stores.iter().map(|st| s.spawn(|| st.create_work_item("t", &draft).unwrap().id)).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
        assert_eq!(stores[0].list_work_items("t").unwrap().len(), 1);
    }
}
