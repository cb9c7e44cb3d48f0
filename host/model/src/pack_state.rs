//! Whether a pack runs for a tenant, and why: one state per pack, so "enabled" never means
//! two things.

use serde::{Deserialize, Serialize};

/// A pack's state for one tenant. `untrusted` wins over everything, then `disabled`; a pack runs when it is
/// `selected`, `detected` or `enabled`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PackState {
    /// Named in the tenant's `standards_packs`.
    Selected,
    /// Picked by zero-config detection (no `standards_packs` set).
    Detected,
    /// Turned on for the tenant (`POST /api/packs/{id}/enable`, or imported enabled).
    Enabled,
    /// Turned off for the tenant: never runs.
    Disabled,
    /// None of the above: does not run.
    Available,
    /// A tenant's own pack that the operator's trust policy does not admit (unsigned, or
    /// signed by a key it does not list): never runs until imported again as a signed
    /// bundle.
    Untrusted,
}

impl PackState {
    /// Whether the pack runs in the tenant's scans.
    pub fn runs(self) -> bool {
        matches!(self, Self::Selected | Self::Detected | Self::Enabled)
    }

    /// Decides the state of one pack from the tenant's settings and toggles.
    pub fn of(pack_id: &str, configured: Option<&[String]>, detected: &[String], enabled: bool, disabled: bool) -> (Self, &'static str) {
        if disabled {
            (Self::Disabled, "turned off for this tenant")
        } else if configured.is_some_and(|c| c.iter().any(|id| id == pack_id)) {
            (Self::Selected, "named in standards_packs")
        } else if enabled {
            (Self::Enabled, "turned on for this tenant")
        } else if configured.is_none() && detected.iter().any(|id| id == pack_id) {
            (Self::Detected, "detection found the project needs it (no standards_packs set)")
        } else if configured.is_some() {
            (Self::Available, "not named in standards_packs")
        } else {
            (Self::Available, "not detected for this project")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_wins_and_enabled_runs_beside_a_selection() {
        let sel = vec!["secrets".to_string()];
        assert_eq!(PackState::of("secrets", Some(&sel), &[], true, true).0, PackState::Disabled);
        assert_eq!(PackState::of("secrets", Some(&sel), &[], false, false).0, PackState::Selected);
        assert_eq!(PackState::of("hipaa", Some(&sel), &["hipaa".into()], true, false).0, PackState::Enabled);
        assert_eq!(PackState::of("hipaa", Some(&sel), &["hipaa".into()], false, false).0, PackState::Available);
        assert_eq!(PackState::of("hipaa", None, &["hipaa".into()], false, false).0, PackState::Detected);
        assert!(!PackState::Available.runs() && PackState::Enabled.runs());
    }
}
