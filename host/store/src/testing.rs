//! Test backends: every store test in `conformance` runs once per backend. SQLite always;
//! PostgreSQL when `SENTRA_TEST_POSTGRES_URL` names a server (`.ci/run` starts a
//! throw-away cluster and sets it), each test in a schema of its own.

use std::sync::Arc;

use crate::pg::postgres::{Client, NoTls};
use crate::{PostgresStore, SqliteStore, Storage};

/// The variable naming the test server.
pub const POSTGRES_URL_ENV: &str = "SENTRA_TEST_POSTGRES_URL";

/// One backend under test: a store, and a way to open a second handle on the same data
/// (another process or replica, in practice).
pub struct Backend {
    pub name: &'static str,
    pub store: Arc<dyn Storage>,
    reopen: Box<dyn Fn() -> Arc<dyn Storage>>,
    _guard: Guard,
}

impl Backend {
    pub fn reopen(&self) -> Arc<dyn Storage> {
        (self.reopen)()
    }
}

enum Guard {
    Dir(#[allow(dead_code)] tempfile::TempDir),
    Schema { url: String, schema: String },
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Guard::Schema { url, schema } = self
            && let Ok(mut c) = Client::connect(url, NoTls)
        {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

/// The backends to run a test on. Without a PostgreSQL server only SQLite runs, except
/// under CI (`CI` set), where a missing server is a failure rather than a silent skip.
pub fn backends() -> Vec<Backend> {
    let mut out = vec![sqlite()];
    match std::env::var(POSTGRES_URL_ENV).ok().filter(|u| !u.is_empty()) {
        Some(url) => out.push(postgres(&url)),
        None if std::env::var_os("CI").is_some() => panic!("{POSTGRES_URL_ENV} is not set: .ci/run starts a PostgreSQL cluster for the store tests"),
        None => eprintln!("note: {POSTGRES_URL_ENV} is not set; the PostgreSQL store is not tested in this run"),
    }
    out
}

fn sqlite() -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    Backend {
        name: "sqlite",
        store: Arc::new(SqliteStore::open(&path).unwrap()),
        reopen: Box::new(move || Arc::new(SqliteStore::open(&path).unwrap())),
        _guard: Guard::Dir(dir),
    }
}

/// A PostgreSQL store in a new schema of the test server.
pub fn postgres(url: &str) -> Backend {
    let (schema, scoped) = new_schema(url);
    let open = scoped.clone();
    Backend {
        name: "postgres",
        store: Arc::new(PostgresStore::open(&scoped).unwrap()),
        reopen: Box::new(move || Arc::new(PostgresStore::open(&open).unwrap())),
        _guard: Guard::Schema { url: url.to_string(), schema },
    }
}

/// Creates a schema with a unique name; returns it and `url` scoped to it.
pub fn new_schema(url: &str) -> (String, String) {
    let mut id = [0u8; 6];
    getrandom::fill(&mut id).unwrap();
    let schema = format!("t_{}", hex::encode(id));
    let mut admin = Client::connect(url, NoTls).unwrap_or_else(|e| panic!("{POSTGRES_URL_ENV}: cannot connect: {e}"));
    admin.batch_execute(&format!("CREATE SCHEMA {schema}")).unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    (schema.clone(), format!("{url}{sep}options=-c%20search_path%3D{schema}"))
}
