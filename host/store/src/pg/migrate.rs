//! The PostgreSQL schema, versioned in code: `sentra_schema` records how many of
//! [`MIGRATIONS`] ran. Never reorder or edit them; add a step instead.

use super::postgres::{Client, Error};

/// Held (per transaction) while migrating, so replicas starting together migrate once.
const MIGRATION_LOCK: i64 = 0x7365_6e74_7261; // "sentra"

/// The schema, step by step. The first is everything the SQLite store's twelve steps
/// built, in PostgreSQL's types. Text compares byte by byte (`COLLATE "C"`), as in
/// SQLite, whatever the database's locale: orders and timestamp comparisons agree.
const MIGRATIONS: &[&str] = &[
    r#"
    CREATE TABLE meta (key TEXT COLLATE "C" PRIMARY KEY, value BIGINT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('packs_revision', 0), ('settings_revision', 0);

    CREATE TABLE api_keys (
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT COLLATE "C" NOT NULL,
        role TEXT COLLATE "C" NOT NULL,
        tenant TEXT COLLATE "C" NOT NULL,
        secret_sha256 TEXT COLLATE "C" NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT
    );
    -- Two replicas creating the same name at once: one of them fails here.
    CREATE UNIQUE INDEX api_keys_active_name ON api_keys(name) WHERE revoked_at IS NULL;

    CREATE TABLE pack_blobs (sha256 TEXT COLLATE "C" PRIMARY KEY, bytes BYTEA NOT NULL);
    CREATE TABLE packs (
        tenant TEXT COLLATE "C" NOT NULL,
        pack_id TEXT COLLATE "C" NOT NULL,
        custom BOOLEAN NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        sha256 TEXT COLLATE "C" NOT NULL,
        name TEXT COLLATE "C" NOT NULL,
        version TEXT COLLATE "C" NOT NULL,
        description TEXT COLLATE "C" NOT NULL,
        license TEXT COLLATE "C" NOT NULL,
        rule_count BIGINT NOT NULL,
        enabled BOOLEAN NOT NULL,
        overrides TEXT COLLATE "C" NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (tenant, pack_id)
    );

    CREATE SEQUENCE audit_ids;
    CREATE TABLE audit (
        id BIGINT PRIMARY KEY,
        tenant TEXT COLLATE "C" NOT NULL,
        timestamp TEXT COLLATE "C" NOT NULL,
        actor TEXT COLLATE "C" NOT NULL,
        role TEXT COLLATE "C" NOT NULL,
        action TEXT COLLATE "C" NOT NULL,
        target TEXT COLLATE "C" NOT NULL,
        details TEXT COLLATE "C" NOT NULL,
        result TEXT COLLATE "C" NOT NULL,
        prev_hash TEXT COLLATE "C" NOT NULL,
        hash TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX audit_tenant ON audit(tenant, id);
    CREATE FUNCTION sentra_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;
    CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
        FOR EACH ROW EXECUTE FUNCTION sentra_audit_append_only();
    CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
        FOR EACH STATEMENT EXECUTE FUNCTION sentra_audit_append_only();
    CREATE TABLE audit_heads (tenant TEXT COLLATE "C" PRIMARY KEY, entries BIGINT NOT NULL, hash TEXT COLLATE "C" NOT NULL);

    CREATE TABLE scans (
        id BIGSERIAL PRIMARY KEY,
        tenant TEXT COLLATE "C" NOT NULL,
        started_at TEXT COLLATE "C" NOT NULL,
        root TEXT COLLATE "C" NOT NULL,
        packs TEXT COLLATE "C" NOT NULL,
        critical BIGINT NOT NULL,
        high BIGINT NOT NULL,
        medium BIGINT NOT NULL,
        low BIGINT NOT NULL,
        info BIGINT NOT NULL,
        total BIGINT NOT NULL,
        files_scanned BIGINT NOT NULL,
        duration_ms BIGINT NOT NULL,
        gate_passed BOOLEAN,
        score DOUBLE PRECISION NOT NULL,
        result TEXT COLLATE "C" NOT NULL,
        complete BOOLEAN NOT NULL
    );
    CREATE INDEX scans_tenant ON scans(tenant, id);
    CREATE INDEX scans_complete ON scans(tenant, complete, root, id);
    CREATE TABLE scan_findings (
        scan_id BIGINT NOT NULL,
        seq BIGINT NOT NULL,
        severity TEXT COLLATE "C" NOT NULL,
        rule_id TEXT COLLATE "C" NOT NULL,
        file TEXT COLLATE "C" NOT NULL,
        finding TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (scan_id, seq)
    );

    CREATE TABLE suppressions (
        id TEXT COLLATE "C" PRIMARY KEY,
        tenant TEXT COLLATE "C" NOT NULL,
        rule_id TEXT COLLATE "C" NOT NULL,
        file_pattern TEXT COLLATE "C" NOT NULL,
        reason TEXT COLLATE "C" NOT NULL,
        expires TEXT COLLATE "C",
        created_by TEXT COLLATE "C" NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        UNIQUE (tenant, rule_id, file_pattern)
    );

    CREATE TABLE approvals (
        id BIGSERIAL PRIMARY KEY,
        tenant TEXT COLLATE "C" NOT NULL,
        action_type TEXT COLLATE "C" NOT NULL,
        title TEXT COLLATE "C" NOT NULL,
        context TEXT COLLATE "C" NOT NULL,
        payload TEXT COLLATE "C" NOT NULL,
        requested_by TEXT COLLATE "C" NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL,
        status TEXT COLLATE "C" NOT NULL,
        resolved_by TEXT COLLATE "C",
        resolved_at TEXT COLLATE "C",
        comment TEXT COLLATE "C"
    );
    CREATE INDEX approvals_tenant ON approvals(tenant, id);

    CREATE TABLE work_items (
        id BIGSERIAL PRIMARY KEY,
        tenant TEXT COLLATE "C" NOT NULL,
        rule_id TEXT COLLATE "C" NOT NULL,
        title TEXT COLLATE "C" NOT NULL,
        description TEXT COLLATE "C" NOT NULL,
        acceptance_criteria TEXT COLLATE "C" NOT NULL,
        state TEXT COLLATE "C" NOT NULL,
        findings_key TEXT COLLATE "C" NOT NULL,
        findings_count BIGINT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        updated_at TEXT COLLATE "C" NOT NULL
    );
    -- One item per rule and tenant: two replicas reconciling one tenant at once meet here.
    CREATE UNIQUE INDEX work_items_rule ON work_items(tenant, rule_id);
    CREATE TABLE reconcile_runs (
        id BIGSERIAL PRIMARY KEY,
        tenant TEXT COLLATE "C" NOT NULL,
        at TEXT COLLATE "C" NOT NULL,
        provider TEXT COLLATE "C" NOT NULL,
        summary TEXT COLLATE "C" NOT NULL
    );

    CREATE TABLE server_info (key TEXT COLLATE "C" PRIMARY KEY, value TEXT COLLATE "C" NOT NULL);

    CREATE TABLE settings (
        scope TEXT COLLATE "C" NOT NULL CHECK (scope IN ('operator', 'tenant')),
        tenant TEXT COLLATE "C" NOT NULL,
        body TEXT COLLATE "C" NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (scope, tenant)
    );
"#,
    r#"
    CREATE TABLE scan_jobs (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT COLLATE "C" NOT NULL UNIQUE,
        tenant TEXT COLLATE "C" NOT NULL,
        request TEXT NOT NULL,
        status TEXT COLLATE "C" NOT NULL,
        attempts BIGINT NOT NULL,
        worker TEXT COLLATE "C",
        lease_until_ms BIGINT,
        created_at TEXT COLLATE "C" NOT NULL,
        started_at TEXT COLLATE "C",
        finished_at TEXT COLLATE "C",
        finished_ms BIGINT,
        error TEXT,
        result TEXT
    );
    CREATE INDEX scan_jobs_claim ON scan_jobs(status, seq);
    CREATE INDEX scan_jobs_tenant ON scan_jobs(tenant, status);
"#,
    r#"
    -- When a blob was last stored or referenced: unreferenced blobs are removed only an
    -- hour later, so an import racing a delete of the same bytes keeps them.
    ALTER TABLE pack_blobs ADD COLUMN touched_ms BIGINT NOT NULL DEFAULT 0;
"#,
    r#"
    -- Where a pack came from: the verified signer of its bundle and the author it names.
    ALTER TABLE packs ADD COLUMN signer TEXT COLLATE "C";
    ALTER TABLE packs ADD COLUMN author TEXT COLLATE "C" NOT NULL DEFAULT '';
"#,
];

/// How many steps this build knows.
pub(super) fn known() -> i64 {
    MIGRATIONS.len() as i64
}

/// Applies the steps not yet applied, all in one transaction; `Err(found)` when the
/// database is at a version newer than this build knows.
pub(super) fn migrate(c: &mut Client) -> Result<Result<(), i64>, Error> {
    let mut tx = c.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS sentra_schema (version BIGINT NOT NULL); ")?;
    let version: i64 = match tx.query_opt("SELECT version FROM sentra_schema", &[])? {
        Some(row) => row.get(0),
        None => {
            tx.execute("INSERT INTO sentra_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    if version > known() {
        return Ok(Err(version));
    }
    for step in &MIGRATIONS[version as usize..] {
        tx.batch_execute(step)?;
    }
    tx.execute("UPDATE sentra_schema SET version = $1", &[&known()])?;
    tx.commit()?;
    Ok(Ok(()))
}
