//! `sentra approvals`: list, show and resolve approval requests on the state store, with
//! the same use case as `PATCH /api/approvals/{id}` (`sentra_app::approvals`): approving a
//! held pack import enables the pack, approving a held config change changes the config of
//! the root the server on this state serves.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use sentra_app::approvals::{self, Context, Resolution};
use sentra_store::{ApprovalState, Decision};

use crate::args::ApprovalsCommand;
use crate::common::{open_existing_store, open_store};

pub(crate) fn approvals_cmd(cmd: ApprovalsCommand, state_dir: Option<&Path>) -> Result<u8> {
    match cmd {
        ApprovalsCommand::List { status, tenant } => list(&status, &tenant, state_dir),
        ApprovalsCommand::Show { id, tenant } => show(id, &tenant, state_dir),
        ApprovalsCommand::Approve { id, comment, tenant, reviewer } => resolve(id, &tenant, Decision::Approve, &comment, reviewer.as_deref(), state_dir),
        ApprovalsCommand::Reject { id, comment, tenant, reviewer } => resolve(id, &tenant, Decision::Reject, &comment, reviewer.as_deref(), state_dir),
    }
}

/// Arguments first, and a list never creates the state directory.
fn list(status: &str, tenant: &str, state_dir: Option<&Path>) -> Result<u8> {
    let mut out = anstream::stdout();
    let filter = match status {
        "all" => None,
        s => Some(ApprovalState::parse(s).ok_or_else(|| anyhow::anyhow!("--status: `{s}` is not pending, approved, rejected, expired or all"))?),
    };
    let Some(store) = open_existing_store(state_dir)? else {
        writeln!(out, "no approval requests: there is no state directory here")?;
        return Ok(0);
    };
    approvals::expire(&*store)?;
    let list = store.list_approvals(tenant, filter, None)?;
    if list.is_empty() {
        writeln!(out, "no {status} approval requests for tenant `{tenant}`")?;
    }
    for a in list {
        writeln!(out, "{:>5}  {:<9} {:<16} {:<20} {}", a.id, a.status, a.action_type, a.requested_by, a.title)?;
    }
    Ok(0)
}

/// The reviewer sees what they would approve: the request's context (the findings) and
/// the change it would make, secrets redacted.
fn show(id: i64, tenant: &str, state_dir: Option<&Path>) -> Result<u8> {
    let store = open_store(state_dir)?;
    approvals::expire(&*store)?;
    let a = approvals::find(&*store, tenant, id).map_err(|e| anyhow::anyhow!("{e} for tenant `{tenant}`"))?;
    let mut shown = serde_json::to_value(&a)?;
    shown["change"] = sentra_app::settings::redact(&a.payload);
    let mut out = anstream::stdout();
    serde_json::to_writer_pretty(&mut out, &shown)?;
    writeln!(out)?;
    Ok(0)
}

fn resolve(id: i64, tenant: &str, decision: Decision, comment: &str, reviewer: Option<&str>, state_dir: Option<&Path>) -> Result<u8> {
    let store = open_store(state_dir)?;
    approvals::expire(&*store)?;
    let actor = reviewer_actor(reviewer);
    // A governance change is checked against the server's values: its config file (at the
    // root it recorded) under the operator's stored changes.
    let root: Option<PathBuf> = store.server_root()?;
    let operator = root.map(|r| sentra_app::settings::operator_values(Some(&*store), &r)).transpose()?;
    let ctx = Context { store: &*store, tenant, operator: operator.as_ref() };
    let resolution = Resolution { id, decision, comment, actor: &actor, approver_roles: None };
    let (resolved, _) = approvals::resolve(&ctx, &resolution).map_err(|e| match e {
        approvals::ApprovalError::CommentRequired => anyhow::anyhow!("--comment: {e}"),
        approvals::ApprovalError::NotFound(_) => anyhow::anyhow!("{e} for tenant `{tenant}`"),
        approvals::ApprovalError::AlreadyResolved { .. } => anyhow::anyhow!("{e}"),
        other => anyhow::anyhow!("approval request {id}: {other}"),
    })?;
    writeln!(anstream::stdout(), "approval request {id} {}", resolved.status)?;
    Ok(0)
}

/// Who resolves a request from the command line: `--as NAME`, else the operating-system
/// user (by environment, else by user id), never an anonymous `cli:unknown`.
fn reviewer_actor(given: Option<&str>) -> sentra_app::Actor {
    match given.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => sentra_app::Actor::cli_named(name),
        None => {
            let actor = sentra_app::Actor::cli();
            if actor.name == "cli:unknown" { sentra_app::Actor::cli_named(&format!("uid-{}", rustix::process::getuid().as_raw())) } else { actor }
        }
    }
}
