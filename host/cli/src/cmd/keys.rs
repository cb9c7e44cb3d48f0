//! `sentra keys`: API keys of the state store.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::args::*;
use crate::common::*;

pub(crate) fn keys(cmd: KeysCommand, state_dir: Option<&Path>) -> Result<u8> {
    let mut out = anstream::stdout();
    if let KeysCommand::List(args) = &cmd
        && open_existing_store(state_dir)?.is_none()
    {
        if args.format == Format::Json {
            writeln!(out, "[]")?;
        } else {
            writeln!(out, "no API keys: there is no state directory here yet (create a key with `sentra keys create --role ROLE`)")?;
        }
        return Ok(0);
    }
    let store = open_store(state_dir)?;
    match cmd {
        KeysCommand::Create(args) => {
            let role = args.role.parse::<sentra_store::Role>().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
            let new = sentra_store::NewKey { role, tenant: args.tenant, name: args.name };
            let (key, secret) = store.create_key(&new)?;
            let details = serde_json::json!({"id": key.id, "role": key.role.as_str()});
            sentra_app::audit(&*store, &key.tenant, &sentra_app::Actor::cli(), "key.create", &key.name, details, "ok");
            writeln!(out, "{secret}")?;
            let _ = writeln!(
                anstream::stderr(),
                "sentra: created key `{}` (id {}, role {}, tenant {}); it is shown only this once",
                key.name,
                key.id,
                key.role,
                key.tenant
            );
        }
        KeysCommand::List(args) => {
            let keys = store.list_keys()?;
            if args.format == Format::Json {
                serde_json::to_writer_pretty(&mut out, &keys)?;
                writeln!(out)?;
            } else if keys.is_empty() {
                writeln!(out, "no API keys (create one with `sentra keys create --role ROLE`)")?;
            } else {
                writeln!(out, "{:<8}  {:<24}  {:<13}  {:<16}  {:<20}  STATUS", "ID", "NAME", "ROLE", "TENANT", "CREATED")?;
                for k in keys {
                    let status = k.revoked_at.as_deref().map_or_else(|| "active".to_string(), |t| format!("revoked {t}"));
                    writeln!(out, "{:<8}  {:<24}  {:<13}  {:<16}  {:<20}  {status}", k.id, k.name, k.role, k.tenant, k.created_at)?;
                }
            }
        }
        KeysCommand::Revoke { key } => {
            let k = store.revoke_key(&key)?;
            let details = serde_json::json!({"id": k.id});
            sentra_app::audit(&*store, &k.tenant, &sentra_app::Actor::cli(), "key.revoke", &k.name, details, "ok");
            writeln!(out, "revoked key `{}` (id {})", k.name, k.id)?;
        }
    }
    out.flush()?;
    Ok(0)
}
