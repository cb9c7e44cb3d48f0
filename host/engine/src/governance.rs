//! Governance: a profile (`permissive`, `standard`, `strict`) giving defaults for the
//! gate, human review, approvals and audit retention, with field-by-field overrides.
//!
//! | profile | gate fails on | obligations block | errored packs block | human review | approval timeout | audit retention |
//! |---|---|---|---|---|---|---|
//! | permissive | critical | no | no | never | 24 h | 30 days |
//! | standard | critical, high | no | yes | never | 24 h | 365 days |
//! | strict | critical, high, medium | yes | yes | always | 12 h | 2555 days |
//!
//! The gate's `fail_on` everyone sees is config `gate_fail_on` when set, else the profile's.

use schemars::JsonSchema;
use sentra_runtime::Severity;
use serde::{Deserialize, Serialize};

/// As written under `governance:` in the config (or posted to `/api/governance`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGovernance {
    /// `permissive`, `standard` (default) or `strict`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = profile_schema)]
    pub profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<RawGateGovernance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human_review_required: Option<RawReview>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals: Option<RawApprovals>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<RawAuditGovernance>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGateGovernance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<sentra_runtime::Severity>>)]
    pub fail_on: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_on_obligations: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_on_errored_packs: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_gate_failure: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_config_change: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_pack_import: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_critical_finding: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RawApprovals {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 2_592_000)]
    pub timeout_s: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = roles_schema)]
    pub approver_roles: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAuditGovernance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 36_500)]
    pub retention_days: Option<u64>,
}

/// The effective governance.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Governance {
    pub profile: String,
    pub gate: GateGovernance,
    pub human_review_required: Review,
    pub approvals: Approvals,
    pub audit: AuditGovernance,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GateGovernance {
    pub fail_on: Vec<Severity>,
    pub block_on_obligations: bool,
    pub block_on_errored_packs: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Review {
    pub on_gate_failure: bool,
    pub on_config_change: bool,
    pub on_pack_import: bool,
    pub on_critical_finding: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Approvals {
    pub timeout_s: u64,
    pub approver_roles: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AuditGovernance {
    pub retention_days: u64,
}

/// The role names approvals may name.
pub const ROLE_NAMES: [&str; 5] = ["admin", "security-lead", "developer", "viewer", "agent"];

/// The profile names [`profile`] knows.
pub const PROFILE_NAMES: [&str; 3] = ["permissive", "standard", "strict"];

fn profile_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(PROFILE_NAMES.into_iter().map(serde_json::Value::from).chain([serde_json::Value::Null])))
        .description(Some("`permissive`, `standard` (default) or `strict`."))
        .build()
}

fn roles_schema() -> utoipa::openapi::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
    ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(ObjectBuilder::new().schema_type(Type::String).enum_values(Some(ROLE_NAMES)))
        .min_items(Some(1))
        .build()
}

/// A profile's defaults.
pub fn profile(name: &str) -> Option<Governance> {
    use Severity::*;
    let review = |all: bool| Review { on_gate_failure: all, on_config_change: all, on_pack_import: all, on_critical_finding: all };
    let approvals = |timeout_s| Approvals { timeout_s, approver_roles: vec!["admin".into(), "security-lead".into()] };
    let (fail_on, obligations, errored, all_review, timeout, retention) = match name {
        "permissive" => (vec![Critical], false, false, false, 86_400, 30),
        "standard" => (vec![Critical, High], false, true, false, 86_400, 365),
        "strict" => (vec![Critical, High, Medium], true, true, true, 43_200, 2_555),
        _ => return None,
    };
    Some(Governance {
        profile: name.into(),
        gate: GateGovernance { fail_on, block_on_obligations: obligations, block_on_errored_packs: errored },
        human_review_required: review(all_review),
        approvals: approvals(timeout),
        audit: AuditGovernance { retention_days: retention },
    })
}

/// The profile with the overrides applied; an error names the field.
pub fn resolve(raw: Option<&RawGovernance>) -> Result<Governance, (String, String)> {
    let default = RawGovernance::default();
    let raw = raw.unwrap_or(&default);
    let name = raw.profile.as_deref().unwrap_or("standard");
    let mut g = profile(name).ok_or_else(|| ("governance.profile".to_string(), format!("`{name}` is not permissive, standard or strict")))?;
    if let Some(gate) = &raw.gate {
        if let Some(list) = &gate.fail_on {
            g.gate.fail_on = list
                .iter()
                .map(|s| Severity::parse(s).ok_or_else(|| ("governance.gate.fail_on".to_string(), format!("unknown severity `{s}`"))))
                .collect::<Result<_, _>>()?;
        }
        g.gate.block_on_obligations = gate.block_on_obligations.unwrap_or(g.gate.block_on_obligations);
        g.gate.block_on_errored_packs = gate.block_on_errored_packs.unwrap_or(g.gate.block_on_errored_packs);
    }
    if let Some(r) = &raw.human_review_required {
        let h = &mut g.human_review_required;
        h.on_gate_failure = r.on_gate_failure.unwrap_or(h.on_gate_failure);
        h.on_config_change = r.on_config_change.unwrap_or(h.on_config_change);
        h.on_pack_import = r.on_pack_import.unwrap_or(h.on_pack_import);
        h.on_critical_finding = r.on_critical_finding.unwrap_or(h.on_critical_finding);
    }
    if let Some(a) = &raw.approvals {
        if let Some(t) = a.timeout_s {
            if !(1..=30 * 86_400).contains(&t) {
                return Err(("governance.approvals.timeout_s".into(), format!("{t} is out of range (1 to 2592000)")));
            }
            g.approvals.timeout_s = t;
        }
        if let Some(roles) = &a.approver_roles {
            if roles.is_empty() {
                return Err(("governance.approvals.approver_roles".into(), "needs at least one role".into()));
            }
            if let Some(bad) = roles.iter().find(|r| !ROLE_NAMES.contains(&r.as_str())) {
                return Err(("governance.approvals.approver_roles".into(), format!("unknown role `{bad}` (expected one of {})", ROLE_NAMES.join(", "))));
            }
            g.approvals.approver_roles = roles.clone();
        }
    }
    if let Some(d) = raw.audit.as_ref().and_then(|a| a.retention_days) {
        if !(1..=36_500).contains(&d) {
            return Err(("governance.audit.retention_days".into(), format!("{d} is out of range (1 to 36500)")));
        }
        g.audit.retention_days = d;
    }
    Ok(g)
}
