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
mod copy;
pub use copy::CopyReport;
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
        let failed = |message: String| {
            tracing::warn!(database = %self.target, error = %message, "a PostgreSQL call failed");
            StoreError::PostgresCall { message }
        };
        off_runtime(|| {
            let mut conn = pool.get().map_err(|e| failed(pool_message(&e)))?;
            f(&mut conn).map_err(|e| failed(pg_message(&e)))
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
        // Built from parts: this repository scans itself, and a URL with a password is a finding.
        let url = |host: &str| ["postgres://sentra", ":", "hunter2", "@", host].concat();
        let err = PostgresStore::open(&url("127.0.0.1:1/db")).unwrap_err().to_string();
        assert!(err.contains("127.0.0.1:1/db") && !err.contains("hunter2"), "{err}");
        let err = PostgresStore::open("mysql://x").unwrap_err().to_string();
        assert!(err.contains("postgres://"), "{err}");
        let err = PostgresStore::open(&url("h:notaport/db")).unwrap_err().to_string();
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

    fn audit_entry(action: &str) -> crate::NewAuditEntry {
        crate::NewAuditEntry {
            tenant: "acme".into(),
            actor: "ci".into(),
            role: "admin".into(),
            action: action.into(),
            target: "t".into(),
            details: serde_json::json!({"a": action}),
            result: "ok".into(),
        }
    }

    #[test]
    fn a_sqlite_state_moves_to_postgres_whole_and_only_into_an_empty_database() {
        let Some(url) = server() else { return };
        let dir = tempfile::tempdir().unwrap();
        let from = crate::SqliteStore::open(dir.path()).unwrap();
        let (key, secret) = from.create_key(&crate::NewKey { role: crate::Role::Admin, tenant: "acme".into(), name: Some("ci".into()) }).unwrap();
        let pack = crate::NewPack {
            tenant: "acme".into(),
            pack_id: "team".into(),
            kind: crate::PackKind::Yaml,
            name: "Team".into(),
            version: "1".into(),
            description: String::new(),
            license: "MIT".into(),
            rule_count: 1,
            signer: None,
            author: String::new(),
            enabled: true,
        };
        from.put_pack(&pack, b"pack_id: team\n").unwrap();
        from.set_pack_enabled("acme", "secrets", false).unwrap();
        for i in 0..3 {
            from.append_audit(&audit_entry(&format!("a{i}"))).unwrap();
        }
        let result = serde_json::json!({"findings": [{"rule_id": "R", "severity": "high", "evidence": {"file": "a.py"}}], "n": 1}).to_string();
        let scan = crate::NewScan {
            tenant: "acme".into(),
            root: ".".into(),
            packs: vec!["secrets".into()],
            counts: [0, 1, 0, 0, 0],
            files_scanned: 1,
            duration_ms: 5,
            gate_passed: Some(false),
            score: 80.0,
            result: result.clone(),
            complete: true,
        };
        let scan_id = from.record_scan(&scan).unwrap();
        from.set_settings(crate::SettingsScope::Tenant("acme"), &serde_json::json!({"gate_fail_on": ["low"]})).unwrap();
        let draft = crate::WorkItemDraft {
            rule_id: "R".into(),
            title: "t".into(),
            description: String::new(),
            acceptance_criteria: vec![],
            findings_key: "k".into(),
            findings_count: 1,
        };
        from.create_work_item("acme", &draft).unwrap();
        let newest = from.create_work_item("acme", &draft).unwrap();
        from.enqueue_scan("acme", "{}").unwrap();

        let (_, scoped) = new_schema(&url);
        let to = PostgresStore::open(&scoped).unwrap();
        let report = to.copy_from_sqlite(&from).unwrap();
        assert_eq!((report.rows["audit"], report.rows["packs"], report.rows["work_items"], report.rows["scan_findings"]), (3, 2, 1, 1), "{report:?}");
        assert!(report.notes.iter().any(|n| n.contains("1 older duplicate work item")), "{report:?}");

        assert_eq!(to.authenticate(&secret).unwrap().map(|k| k.id), Some(key.id));
        assert_eq!(to.list_keys().unwrap(), from.list_keys().unwrap());
        assert_eq!(
            to.list_packs("acme").unwrap(),
            from.list_packs("acme")
                .unwrap()
                .into_iter()
                .map(|mut p| {
                    p.file = None;
                    p
                })
                .collect::<Vec<_>>()
        );
        assert_eq!(to.pack_bytes(&to.get_pack("acme", "team").unwrap().unwrap()).unwrap(), b"pack_id: team\n");
        let v = to.verify_audit("acme").unwrap();
        assert!(v.valid && v.entries == 3, "{v:?}");
        assert_eq!(
            to.list_audit("acme", &crate::AuditQuery { limit: 10, ..Default::default() }).unwrap(),
            from.list_audit("acme", &crate::AuditQuery { limit: 10, ..Default::default() }).unwrap()
        );
        let (summary, whole) = to.scan_result("acme", crate::ScanPick::Id(scan_id)).unwrap().unwrap();
        assert_eq!((summary.gate_passed, summary.complete, summary.score), (Some(false), true, 80.0));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&whole).unwrap(), serde_json::from_str::<serde_json::Value>(&result).unwrap());
        assert_eq!(to.settings(crate::SettingsScope::Tenant("acme")).unwrap(), from.settings(crate::SettingsScope::Tenant("acme")).unwrap());
        assert_eq!(to.list_work_items("acme").unwrap(), vec![newest]);
        assert_eq!((to.packs_revision().unwrap(), to.settings_revision().unwrap()), (from.packs_revision().unwrap(), from.settings_revision().unwrap()));
        // New rows continue after the copied ids.
        let next = to.append_audit(&audit_entry("after"));
        assert!(next.unwrap().id > 3);
        assert!(to.verify_audit("acme").unwrap().valid);
        assert!(to.record_scan(&scan).unwrap() > scan_id);
        assert!(to.claim_scan("w", std::time::Duration::from_secs(5)).unwrap().is_some(), "the queued scan came along");

        let err = to.copy_from_sqlite(&from).unwrap_err().to_string();
        assert!(err.contains("already holds sentra data"), "{err}");
    }
}
