//! Who did what: the actor of a change and the tenant's hash-chained audit log, written
//! the same way whichever face (CLI or HTTP) made the change.

use sentra_store::Storage;

/// Who did something, for the audit log.
#[derive(Clone, Debug)]
pub struct Actor {
    pub name: String,
    pub role: String,
}

impl Actor {
    /// A person at the command line.
    pub fn cli() -> Self {
        let user = ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()));
        Self::cli_named(&user.unwrap_or_else(|| "unknown".into()))
    }

    /// A person at the command line who gave their name (`--as`), or whom the caller
    /// identified otherwise (a user id).
    pub fn cli_named(name: &str) -> Self {
        let name: String = name.chars().filter(|c| !c.is_control()).take(64).collect();
        Self { name: format!("cli:{name}"), role: "admin".into() }
    }

    /// sentra itself (expiries, background work).
    pub fn system() -> Self {
        Self { name: "sentra".into(), role: "system".into() }
    }
}

/// Appends to the tenant's audit log. A failure to record is logged, not returned: the
/// change it describes has already been committed.
pub fn audit(store: &dyn Storage, tenant: &str, actor: &Actor, action: &str, target: &str, details: serde_json::Value, result: &str) {
    let entry = sentra_store::NewAuditEntry {
        tenant: tenant.into(),
        actor: actor.name.clone(),
        role: actor.role.clone(),
        action: action.into(),
        target: target.into(),
        details,
        result: result.into(),
    };
    if let Err(e) = store.append_audit(&entry) {
        tracing::error!(tenant, action, target, error = %e, "could not write the audit log");
    }
}
