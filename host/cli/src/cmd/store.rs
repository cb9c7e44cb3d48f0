//! `sentra store`: moving the server's state from SQLite to PostgreSQL.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::args::StoreCommand;

pub(crate) fn store_cmd(cmd: StoreCommand, state_dir: Option<&Path>) -> Result<u8> {
    let StoreCommand::Migrate { to } = cmd;
    let dir = sentra_store::state_dir(Path::new("."), state_dir);
    if !dir.join(sentra_store::DATABASE_FILE).is_file() {
        anyhow::bail!("{}: no state database to migrate (give the state directory with --state-dir)", dir.display());
    }
    let from = sentra_store::SqliteStore::open(&dir)?;
    let target = sentra_store::PostgresStore::open(&to)?;
    let report = target.copy_from_sqlite(&from).with_context(|| format!("copying {} into PostgreSQL {}", from.path().display(), target.target()))?;
    let mut err = anstream::stderr();
    for note in &report.notes {
        writeln!(err, "sentra: note: {note}")?;
    }
    let mut out = anstream::stdout();
    for (table, rows) in &report.rows {
        writeln!(out, "{table:<16} {rows:>8} rows")?;
    }
    writeln!(err, "sentra: copied {} into PostgreSQL {}; start the servers with --database-url", from.path().display(), target.target())?;
    Ok(0)
}
