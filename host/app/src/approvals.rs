//! Approval requests and what approving one does, written once for both faces. A request
//! carries a [`DeferredAction`]: the change governance held back (a config change, a pack
//! import) or what an approval covers (a failing gate's findings). Resolving one needs a
//! comment to approve, a role governance allows and a different person than the requester;
//! approving applies its action through [`DeferredAction::apply`], the only place that
//! knows what each kind does.

use sentra_model::{ScanResult, Severity};
use sentra_store::{Approval, ApprovalState, Decision, NewApproval, ResolveRefusal, Storage, StoreError};
use serde_json::{Value, json};

use crate::audit::{Actor, audit};
use crate::governance::{self, GovernanceError};

/// What approving a request does.
#[derive(Clone, Debug, PartialEq)]
pub enum DeferredAction {
    /// Store these governance settings as the tenant's.
    ConfigChange { governance: Value },
    /// Enable the imported pack, if it is still the one that was reviewed.
    PackImport { pack_id: String, sha256: String },
    /// Let the next gate on exactly these blocking findings pass.
    GateFailure { findings: String },
    /// A caller's own request type: resolving it records the decision, nothing more.
    Other(String),
}

impl DeferredAction {
    const CONFIG_CHANGE: &str = "config_change";
    pub(crate) const PACK_IMPORT: &str = "pack_import";
    const GATE_FAILURE: &str = "gate_failure";

    /// The action a stored request carries (its type and payload, as the store keeps them).
    /// A request whose payload lacks what its type needs (a caller may open any type, with
    /// an empty payload) applies nothing.
    pub fn of(approval: &Approval) -> Self {
        let p = &approval.payload;
        let text = |k: &str| p.get(k).and_then(Value::as_str).map(str::to_string);
        match approval.action_type.as_str() {
            Self::CONFIG_CHANGE if p.get("governance").is_some() => Self::ConfigChange { governance: p["governance"].clone() },
            Self::PACK_IMPORT => match (text("pack_id"), text("sha256")) {
                (Some(pack_id), Some(sha256)) => Self::PackImport { pack_id, sha256 },
                _ => Self::Other(approval.action_type.clone()),
            },
            Self::GATE_FAILURE if text("findings").is_some() => Self::GateFailure { findings: text("findings").unwrap_or_default() },
            other => Self::Other(other.to_string()),
        }
    }

    /// The request type as stored and served.
    pub fn kind(&self) -> &str {
        match self {
            Self::ConfigChange { .. } => Self::CONFIG_CHANGE,
            Self::PackImport { .. } => Self::PACK_IMPORT,
            Self::GateFailure { .. } => Self::GATE_FAILURE,
            Self::Other(kind) => kind,
        }
    }

    /// What the store keeps to rebuild the action.
    pub fn payload(&self) -> Value {
        match self {
            Self::ConfigChange { governance } => json!({"governance": governance}),
            Self::PackImport { pack_id, sha256 } => json!({"pack_id": pack_id, "sha256": sha256}),
            Self::GateFailure { findings } => json!({"findings": findings}),
            Self::Other(_) => json!({}),
        }
    }

    /// Whether approving would apply cleanly now (a config change that would not load is
    /// refused before the request is resolved, so nothing is half done).
    pub fn check(&self, ctx: &Context<'_>) -> Result<(), ApprovalError> {
        match self {
            Self::ConfigChange { governance } => {
                governance::check(ctx.store, ctx.tenant, ctx.operator.ok_or(ApprovalError::NoServerRoot)?, governance)?;
                Ok(())
            }
            Self::PackImport { .. } | Self::GateFailure { .. } | Self::Other(_) => Ok(()),
        }
    }

    /// Carries out an approved request, audited as the approver's act.
    pub fn apply(&self, ctx: &Context<'_>, approval_id: i64, actor: &Actor) -> Result<Applied, ApprovalError> {
        match self {
            Self::ConfigChange { governance } => {
                governance::write(ctx.store, ctx.tenant, actor, ctx.operator.ok_or(ApprovalError::NoServerRoot)?, governance)?;
                Ok(Applied::Governance)
            }
            Self::PackImport { pack_id, sha256 } => {
                let current = ctx.store.get_pack(ctx.tenant, pack_id)?;
                if current.is_none_or(|r| &r.sha256 != sha256) {
                    return Ok(Applied::Nothing);
                }
                ctx.store.set_pack_enabled(ctx.tenant, pack_id, true)?;
                audit(ctx.store, ctx.tenant, actor, "pack.enable", pack_id, json!({"approval_id": approval_id}), "ok");
                Ok(Applied::PackEnabled(pack_id.clone()))
            }
            Self::GateFailure { .. } | Self::Other(_) => Ok(Applied::Nothing),
        }
    }
}

/// What applying an approved request changed, so a face can refresh what it caches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    Nothing,
    /// The tenant's governance changed.
    Governance,
    /// The pack is enabled.
    PackEnabled(String),
}

/// Where approvals are read, and applied.
pub struct Context<'a> {
    pub store: &'a dyn Storage,
    pub tenant: &'a str,
    /// The operator's values a tenant's governance change is checked against
    /// ([`crate::settings::operator_values`] of the server's root, as the server recorded
    /// it in the store); `None` when no server ever ran on this state.
    pub operator: Option<&'a Value>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApprovalError {
    #[error("a comment is required to approve")]
    CommentRequired,
    #[error("role `{role}` may not resolve approvals (governance.approvals.approver_roles: {})", allowed.join(", "))]
    RoleNotAllowed { role: String, allowed: Vec<String> },
    #[error("no approval request {0}")]
    NotFound(i64),
    #[error("approval request {id} is already {state}")]
    AlreadyResolved { id: i64, state: ApprovalState },
    #[error("the requester cannot resolve their own request")]
    SelfApproval,
    #[error("the state directory records no server root, so there is no config to apply the change to (start `sentra serve` on this state once)")]
    NoServerRoot,
    #[error(transparent)]
    Governance(#[from] GovernanceError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Marks requests past their time as expired, and audits each.
pub fn expire(store: &dyn Storage) -> Result<(), StoreError> {
    let actor = Actor::system();
    for (tenant, a) in store.expire_approvals()? {
        audit(store, &tenant, &actor, "approval.expire", &a.id.to_string(), json!({"action_type": a.action_type}), "expired");
    }
    Ok(())
}

/// Deletes `tenant`'s requests resolved or expired more than `retention_days` ago (the
/// audit retention): their decisions stay in the audit chain.
pub fn purge(store: &dyn Storage, tenant: &str, retention_days: u64) -> Result<usize, StoreError> {
    let cutoff = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(retention_days.min(36_500) as i64 * 86_400);
    store.purge_approvals(tenant, &cutoff.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// A request to open.
pub struct NewRequest<'a> {
    pub action: DeferredAction,
    pub title: &'a str,
    pub context: Value,
    /// Seconds until it expires (`governance.approvals.timeout_s`).
    pub timeout_s: u64,
}

/// Opens a request, audited.
pub fn request(store: &dyn Storage, tenant: &str, actor: &Actor, req: NewRequest<'_>) -> Result<Approval, StoreError> {
    let new = NewApproval {
        tenant: tenant.into(),
        action_type: req.action.kind().to_string(),
        title: req.title.into(),
        context: req.context,
        payload: req.action.payload(),
        requested_by: actor.name.clone(),
        timeout_s: req.timeout_s,
    };
    let a = store.create_approval(&new)?;
    audit(store, tenant, actor, "approval.request", &a.id.to_string(), json!({"action_type": a.action_type, "title": a.title}), "pending");
    Ok(a)
}

/// One of the tenant's requests, expiry applied first.
pub fn find(store: &dyn Storage, tenant: &str, id: i64) -> Result<Approval, ApprovalError> {
    expire(store)?;
    store.get_approval(tenant, id)?.ok_or(ApprovalError::NotFound(id))
}

/// How a request is resolved, and by whom.
pub struct Resolution<'a> {
    pub id: i64,
    pub decision: Decision,
    pub comment: &'a str,
    pub actor: &'a Actor,
    /// The roles governance allows to resolve; `None` at the command line, where whoever
    /// holds the state directory is its operator.
    pub approver_roles: Option<&'a [String]>,
}

/// Whether a comment says nothing: white space only, as the API schema's `\S` pattern
/// (ECMA-262's white space) sees it, so the schema and this check agree.
pub fn is_blank(comment: &str) -> bool {
    comment.chars().all(|c| (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}')
}

/// Approves or rejects a pending request and applies what approving it does.
pub fn resolve(ctx: &Context<'_>, r: &Resolution<'_>) -> Result<(Approval, Applied), ApprovalError> {
    if r.decision == Decision::Approve && is_blank(r.comment) {
        return Err(ApprovalError::CommentRequired);
    }
    if let Some(roles) = r.approver_roles
        && !roles.contains(&r.actor.role)
    {
        return Err(ApprovalError::RoleNotAllowed { role: r.actor.role.clone(), allowed: roles.to_vec() });
    }
    let a = find(ctx.store, ctx.tenant, r.id)?;
    if a.status != ApprovalState::Pending {
        return Err(ApprovalError::AlreadyResolved { id: r.id, state: a.status });
    }
    if a.requested_by == r.actor.name {
        return Err(ApprovalError::SelfApproval);
    }
    if r.decision == Decision::Approve {
        DeferredAction::of(&a).check(ctx)?;
    }
    let resolved = match ctx.store.resolve_approval(ctx.tenant, r.id, r.decision, &r.actor.name, r.comment)? {
        Ok(a) => a,
        Err(ResolveRefusal::NotFound) => return Err(ApprovalError::NotFound(r.id)),
        Err(ResolveRefusal::AlreadyResolved(state)) => return Err(ApprovalError::AlreadyResolved { id: r.id, state }),
    };
    let (verb, state) = match r.decision {
        Decision::Approve => ("approval.approve", ApprovalState::Approved),
        Decision::Reject => ("approval.reject", ApprovalState::Rejected),
    };
    let details = json!({"comment": r.comment, "action_type": resolved.action_type});
    audit(ctx.store, ctx.tenant, r.actor, verb, &r.id.to_string(), details, state.as_str());
    let applied = match r.decision {
        Decision::Approve => DeferredAction::of(&resolved).apply(ctx, resolved.id, r.actor)?,
        Decision::Reject => Applied::Nothing,
    };
    Ok((resolved, applied))
}

/// The pending review of a pack's import, if one waits.
pub fn pending_import(store: &dyn Storage, tenant: &str, pack_id: &str) -> Result<Option<i64>, StoreError> {
    expire(store)?;
    let pending = store.list_approvals(tenant, Some(ApprovalState::Pending), Some(DeferredAction::PACK_IMPORT))?;
    Ok(pending.iter().find(|a| matches!(DeferredAction::of(a), DeferredAction::PackImport { pack_id: ref p, .. } if p == pack_id)).map(|a| a.id))
}

/// The fingerprint of a gate's blocking findings: an approved failure covers exactly them.
pub fn findings_key(result: &ScanResult, fail_on: &[Severity]) -> String {
    let mut prints: Vec<&str> = result.findings.iter().filter(|f| fail_on.contains(&f.severity)).map(|f| f.fingerprint.as_str()).collect();
    prints.sort_unstable();
    sentra_store::packs::sha256_hex(prints.join("\n").as_bytes())
}

#[cfg(test)]
mod tests {
    use sentra_store::{NewPack, PackKind, SqliteStore, prelude::*};

    use super::*;

    fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("state")).unwrap();
        (dir, store)
    }

    fn person(name: &str, role: &str) -> Actor {
        Actor { name: name.into(), role: role.into() }
    }

    fn open(store: &SqliteStore, action: DeferredAction, by: &Actor) -> Approval {
        request(store, "t", by, NewRequest { action, title: "review", context: json!({}), timeout_s: 3600 }).unwrap()
    }

    #[test]
    fn actions_survive_the_store_and_unknown_payloads_apply_nothing() {
        let (_d, store) = store();
        let asker = person("asker", "admin");
        for action in [
            DeferredAction::ConfigChange { governance: json!({"profile": "strict"}) },
            DeferredAction::PackImport { pack_id: "p".into(), sha256: "ab".into() },
            DeferredAction::GateFailure { findings: "k".into() },
            DeferredAction::Other("release.signoff".into()),
        ] {
            let a = open(&store, action.clone(), &asker);
            assert_eq!(a.action_type, action.kind());
            assert_eq!(DeferredAction::of(&a), action);
        }
        // A caller may open a request of a built-in type, but not give it a payload.
        let a = open(&store, DeferredAction::Other("pack_import".into()), &asker);
        assert_eq!(DeferredAction::of(&a), DeferredAction::Other("pack_import".into()));
    }

    #[test]
    fn resolving_checks_comment_role_requester_and_state_in_that_order() {
        let (_d, store) = store();
        let (asker, approver) = (person("asker", "admin"), person("approver", "admin"));
        let a = open(&store, DeferredAction::Other("x".into()), &asker);
        let ctx = Context { store: &store, tenant: "t", operator: None };
        let roles = vec!["security-lead".to_string()];
        let res = |actor: &Actor, decision, comment: &'static str, roles: Option<&[String]>| {
            resolve(&ctx, &Resolution { id: a.id, decision, comment, actor, approver_roles: roles })
        };
        assert!(matches!(res(&approver, Decision::Approve, " ", None), Err(ApprovalError::CommentRequired)));
        assert!(matches!(res(&approver, Decision::Approve, "ok", Some(&roles)), Err(ApprovalError::RoleNotAllowed { .. })));
        assert!(matches!(res(&asker, Decision::Approve, "ok", None), Err(ApprovalError::SelfApproval)));
        let (done, applied) = res(&approver, Decision::Reject, "", None).unwrap();
        assert_eq!((done.status, applied), (ApprovalState::Rejected, Applied::Nothing));
        assert!(matches!(res(&approver, Decision::Approve, "ok", None), Err(ApprovalError::AlreadyResolved { state: ApprovalState::Rejected, .. })));
        let missing = resolve(&ctx, &Resolution { id: 999, decision: Decision::Reject, comment: "", actor: &approver, approver_roles: None });
        assert!(matches!(missing, Err(ApprovalError::NotFound(999))));
    }

    #[test]
    fn an_approved_import_enables_the_reviewed_pack_only() {
        let (_d, store) = store();
        let (asker, approver) = (person("asker", "admin"), person("approver", "admin"));
        let new = NewPack {
            tenant: "t".into(),
            pack_id: "held".into(),
            kind: PackKind::Yaml,
            name: "Held".into(),
            version: "1".into(),
            description: String::new(),
            license: String::new(),
            rule_count: 1,
            signer: None,
            author: String::new(),
            enabled: false,
        };
        let record = store.put_pack(&new, b"pack_id: held\n").unwrap();
        let ctx = Context { store: &store, tenant: "t", operator: None };
        let approve = |action| {
            let a = open(&store, action, &asker);
            resolve(&ctx, &Resolution { id: a.id, decision: Decision::Approve, comment: "ok", actor: &approver, approver_roles: None }).unwrap().1
        };
        // The pack was replaced after the review: approving the old bytes enables nothing.
        assert_eq!(approve(DeferredAction::PackImport { pack_id: "held".into(), sha256: "0".repeat(64) }), Applied::Nothing);
        assert!(!store.get_pack("t", "held").unwrap().unwrap().enabled);
        assert_eq!(approve(DeferredAction::PackImport { pack_id: "held".into(), sha256: record.sha256.clone() }), Applied::PackEnabled("held".into()));
        assert!(store.get_pack("t", "held").unwrap().unwrap().enabled);
    }

    #[test]
    fn a_config_change_needs_the_servers_values_and_stores_only_a_valid_config() {
        let (_dir, store) = store();
        let (asker, approver) = (person("asker", "admin"), person("approver", "admin"));
        let operator = json!({"gate_fail_on": ["critical"]});
        let approve = |action, operator: Option<&Value>| {
            let a = open(&store, action, &asker);
            let ctx = Context { store: &store, tenant: "t", operator };
            resolve(&ctx, &Resolution { id: a.id, decision: Decision::Approve, comment: "ok", actor: &approver, approver_roles: None })
        };
        let strict = DeferredAction::ConfigChange { governance: json!({"profile": "strict"}) };
        assert!(matches!(approve(strict.clone(), None), Err(ApprovalError::NoServerRoot)));
        let bad = DeferredAction::ConfigChange { governance: json!({"profile": "lax"}) };
        assert!(matches!(approve(bad, Some(&operator)), Err(ApprovalError::Governance(GovernanceError::Invalid { .. }))));
        assert_eq!(store.settings(sentra_store::SettingsScope::Tenant("t")).unwrap(), None, "a config that would not load is never stored");
        let pending = store.list_approvals("t", Some(ApprovalState::Pending), None).unwrap();
        assert_eq!(pending.len(), 2, "a refused approval stays pending: nothing is half done");
        assert_eq!(approve(strict, Some(&operator)).unwrap().1, Applied::Governance);
        let stored = store.settings(sentra_store::SettingsScope::Tenant("t")).unwrap().unwrap();
        assert_eq!(stored["governance"]["profile"], "strict");
        assert_eq!(store.settings(sentra_store::SettingsScope::Tenant("other")).unwrap(), None, "only the request's tenant changes");
    }
}
