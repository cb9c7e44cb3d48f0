//! Obligations closed through the approvals API: a request of type
//! `obligation_attestation` names a pack's obligation in its context (`pack_id`,
//! `rule_id`); once a second person approves it, compliance reports show the obligation
//! passing, attested by the approver at the time of approval. Written once for both faces.

use std::collections::BTreeMap;

use sentra_model::compliance::Attestation;
use sentra_store::{ApprovalState, Storage, StoreError};
use serde_json::Value;

/// The request type that attests an obligation.
pub const OBLIGATION_ATTESTATION: &str = "obligation_attestation";

/// Longest pack or rule id a request may name.
const MAX_ID_BYTES: usize = 128;

/// Checks the context of a new `obligation_attestation` request: `pack_id` and `rule_id`,
/// both non-empty strings. `Err` names the field and what is wrong.
pub fn check_context(context: &Value) -> Result<(), (&'static str, String)> {
    for field in ["pack_id", "rule_id"] {
        match context.get(field).and_then(Value::as_str) {
            Some(id) if !id.trim().is_empty() && id.len() <= MAX_ID_BYTES => {}
            Some(_) => return Err((field, format!("1 to {MAX_ID_BYTES} bytes, not blank"))),
            None => return Err((field, format!("an `{OBLIGATION_ATTESTATION}` request names the obligation: `pack_id` and `rule_id` strings"))),
        }
    }
    Ok(())
}

/// The tenant's approved attestations, keyed `pack/rule`; the latest approval of an
/// obligation wins.
pub fn approved(store: &dyn Storage, tenant: &str) -> Result<BTreeMap<String, Attestation>, StoreError> {
    let mut out = BTreeMap::new();
    // Newest first: keep the first seen of each obligation.
    for a in store.list_approvals(tenant, Some(ApprovalState::Approved), Some(OBLIGATION_ATTESTATION))? {
        let text = |k: &str| a.context.get(k).and_then(Value::as_str).map(str::to_string);
        let (Some(pack), Some(rule)) = (text("pack_id"), text("rule_id")) else { continue };
        out.entry(format!("{pack}/{rule}")).or_insert_with(|| Attestation {
            kind: "approval".into(),
            by: format!("{} (approval #{}, requested by {})", a.resolved_by.clone().unwrap_or_default(), a.id, a.requested_by),
            at: a.resolved_at.clone(),
            self_attested: false,
        });
    }
    Ok(out)
}
