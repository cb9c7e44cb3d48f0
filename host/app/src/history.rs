//! What the state remembers about scans: the history row of a finished scan, the audit of
//! suppressions that expired during it, and the suppressions made over the API that every
//! scan of a tenant applies, from either face.

use sentra_model::ScanResult;
use sentra_store::{NewScan, Storage, StoreError};

use crate::audit::{Actor, audit};

/// The history row of a finished scan; `complete` when it covered its whole repository.
pub fn new_scan(tenant: &str, root: &str, result: &ScanResult, gate_passed: bool, complete: bool) -> NewScan {
    let b = &result.by_severity;
    NewScan {
        tenant: tenant.into(),
        root: root.into(),
        packs: result.packs.iter().map(|p| p.pack_id.clone()).collect(),
        counts: [b.critical, b.high, b.medium, b.low, b.info],
        files_scanned: result.files_scanned,
        duration_ms: result.duration_ms,
        gate_passed: Some(gate_passed),
        score: sentra_model::compliance_score(result),
        result: serde_json::to_string(result).unwrap_or_default(),
        complete,
    }
}

/// Records a finished scan for the tenant, and audits suppressions that expired while it
/// ran. A failure is logged: the scan itself succeeded. Only a `complete` scan (a whole
/// repository) can become the one the findings, metrics and reconcile views read.
pub fn record(store: &dyn Storage, tenant: &str, root: &str, result: &ScanResult, gate_passed: bool, complete: bool) {
    let scan = new_scan(tenant, root, result, gate_passed, complete);
    if let Err(e) = store.record_scan(&scan) {
        tracing::error!(tenant, error = %e, "could not record the scan");
    }
    let actor = Actor::system();
    for e in &result.expired_suppressions {
        let details =
            serde_json::json!({"file_pattern": e.file_pattern, "expires": e.expires, "source": e.source, "id": e.suppression_id, "findings": e.findings});
        audit(store, tenant, &actor, "suppression.expired", &e.rule_id, details, "reapplied findings");
    }
}

/// A tenant's API suppressions in `store`, checked. Stored ones were checked on the way
/// in; one that no longer checks (edited in the database) is skipped with a warning.
pub fn stored_suppressions(store: &dyn Storage, tenant: &str) -> Result<Vec<sentra_engine::suppress::Suppression>, StoreError> {
    let records = store.list_suppressions(tenant)?;
    Ok(records
        .into_iter()
        .filter_map(|r| {
            sentra_engine::suppress::Suppression::new(Some(r.id.clone()), &r.rule_id, &r.file_pattern, &r.reason, r.expires.as_deref(), "api")
                .map_err(|(f, m)| tracing::warn!(tenant, id = %r.id, field = %f, "skipping an invalid stored suppression: {m}"))
                .ok()
        })
        .collect())
}
