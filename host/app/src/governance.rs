//! Governance settings, part of a tenant's own settings. Both faces change them through
//! here: the server after `POST /api/governance` (or an approved change), the CLI when it
//! approves a held change on the server's state.

use sentra_store::Storage;
use serde_json::{Map, Value};

use crate::audit::Actor;
use crate::settings::{self, SettingsError};

#[derive(Debug, thiserror::Error)]
pub enum GovernanceError {
    /// The tenant's config would not load with it; `field` is the config key at fault
    /// (empty when the config as a whole is).
    #[error("{}{message}", if field.is_empty() { String::new() } else { format!("{field}: ") })]
    Invalid { field: String, message: String },
    #[error(transparent)]
    Settings(SettingsError),
}

impl From<SettingsError> for GovernanceError {
    fn from(e: SettingsError) -> Self {
        match e {
            SettingsError::Invalid(problems) => {
                let (field, message) = problems.into_iter().next().unwrap_or_default();
                GovernanceError::Invalid { field, message }
            }
            other => GovernanceError::Settings(other),
        }
    }
}

fn update(value: &Value) -> Map<String, Value> {
    Map::from_iter([("governance".to_string(), value.clone())])
}

/// Whether `tenant`'s config would load with `value` as its governance, over the
/// `operator`'s values: what [`write`] would store, without storing it.
pub fn check(store: &dyn Storage, tenant: &str, operator: &Value, value: &Value) -> Result<(), GovernanceError> {
    settings::check_tenant_update(store, tenant, operator, &update(value), &settings::no_extra_check)?;
    Ok(())
}

/// Stores `value` as `tenant`'s governance, checked first (a config that would not load is
/// never stored), and audits it in the tenant's chain.
pub fn write(store: &dyn Storage, tenant: &str, actor: &Actor, operator: &Value, value: &Value) -> Result<(), GovernanceError> {
    let stored = settings::check_tenant_update(store, tenant, operator, &update(value), &settings::no_extra_check)?;
    store.set_settings(sentra_store::SettingsScope::Tenant(tenant), &stored).map_err(|e| GovernanceError::Settings(e.into()))?;
    crate::audit::audit(store, tenant, actor, "governance.update", "governance", settings::redact(value), "ok");
    Ok(())
}
