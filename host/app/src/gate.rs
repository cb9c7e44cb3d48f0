//! The gate on a finished scan, as both faces decide and audit it: the config's policy,
//! then the tenant's approvals (an approved failure of exactly these findings passes; a
//! new failure opens a review when governance asks for one), then one audit entry whose
//! details are the same from the CLI and the server.

use sentra_engine::Config;
use sentra_model::{GateResult, ScanResult};
use sentra_store::{ApprovalState, Storage, StoreError};
use serde_json::json;

use crate::approvals::{self, DeferredAction, NewRequest};
use crate::audit::{Actor, audit};

/// Where a gate's approvals live and are recorded.
pub struct GateContext<'a> {
    pub store: &'a dyn Storage,
    pub tenant: &'a str,
    pub actor: &'a Actor,
    /// What was gated, as the audit log and review requests name it.
    pub target: &'a str,
}

/// The verdict on `result` under `config`, with approvals applied, audited.
pub fn decide(ctx: &GateContext<'_>, result: &ScanResult, config: &Config) -> Result<GateResult, StoreError> {
    let mut verdict = sentra_model::gate_with(result, &config.gate_policy());
    if !verdict.passed {
        let key = approvals::findings_key(result, &config.gate_fail_on);
        let (overridden, approval_id) = review(ctx, &key, config)?;
        verdict.approval_id = approval_id;
        if overridden && verdict.errored_packs.is_empty() {
            verdict.passed = true;
        }
    }
    record(ctx, &verdict);
    Ok(verdict)
}

/// The gate's audit entry.
pub fn record(ctx: &GateContext<'_>, verdict: &GateResult) {
    let details = json!({"approval_id": verdict.approval_id,
        "passed": verdict.passed, "blocking": verdict.blocking, "total_findings": verdict.total_findings,
        "errored_packs": verdict.errored_packs, "fail_on": verdict.fail_on,
    });
    let outcome = if verdict.passed { "passed" } else { "failed" };
    audit(ctx.store, ctx.tenant, ctx.actor, "gate", ctx.target, details, outcome);
}

/// For a failing gate: an approved override of exactly these findings (the gate passes),
/// or, when governance wants review of gate failures, the (new or pending) request.
fn review(ctx: &GateContext<'_>, key: &str, config: &Config) -> Result<(bool, Option<i64>), StoreError> {
    approvals::expire(ctx.store)?;
    let mine = ctx.store.list_approvals(ctx.tenant, None, Some("gate_failure"))?;
    let matching = |state: ApprovalState| {
        mine.iter()
            .find(|a| a.status == state && matches!(DeferredAction::of(a), DeferredAction::GateFailure { ref findings } if findings == key))
            .map(|a| a.id)
    };
    if let Some(id) = matching(ApprovalState::Approved) {
        return Ok((true, Some(id)));
    }
    if !config.governance.human_review_required.on_gate_failure {
        return Ok((false, None));
    }
    if let Some(id) = matching(ApprovalState::Pending) {
        return Ok((false, Some(id)));
    }
    let req = NewRequest {
        action: DeferredAction::GateFailure { findings: key.to_string() },
        title: &format!("Gate failed on {}", ctx.target),
        context: json!({"target": ctx.target}),
        timeout_s: config.governance.approvals.timeout_s,
    };
    let a = approvals::request(ctx.store, ctx.tenant, ctx.actor, req)?;
    Ok((false, Some(a.id)))
}
