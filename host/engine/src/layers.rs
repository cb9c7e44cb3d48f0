//! Who owns each setting, and how the layers of settings combine into what one tenant's
//! scan runs with.
//!
//! Every key of the config has exactly one owner. The *operator* runs the server and owns
//! its file: pack files, tenants and their roots and limits, trackers' URLs, bounds. A
//! *tenant* owns what it decides for itself: which packs, what fails its gate, rule
//! overrides, suppressions, excludes, governance, and which tracker project its work items
//! go to. Precedence, lowest first: built-in defaults, the operator's values (the file,
//! then what an operator key changed, then `GUARD_*`), the tenant's stored settings, then
//! request overrides within the operator's bounds. The operator's values of tenant keys are
//! the defaults of every tenant that has not set its own.

use serde_json::{Map, Value};

use crate::config_edit::merge;

/// Who decides a setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Owner {
    Operator,
    Tenant,
}

/// Top-level keys a tenant owns (wholly, except the `devops` paths below).
pub const TENANT_KEYS: [&str; 8] =
    ["standards_packs", "gate_fail_on", "pack_overrides", "suppressions", "scan_exclude", "governance", "devops", "attestations"];

/// Paths under `devops` that stay the operator's: where a tracker lives (its credentials
/// are sent there) and how long a call to it may take.
pub const OPERATOR_DEVOPS_PATHS: [&str; 5] =
    ["devops.timeout_secs", "devops.github.base_url", "devops.azure.base_url", "devops.jira.base_url", "devops.jira.api_version"];

/// The owner of a dotted path (`gate_fail_on`, `devops.jira.base_url`).
pub fn owner(path: &str) -> Owner {
    let top = path.split('.').next().unwrap_or_default();
    let operator_devops = OPERATOR_DEVOPS_PATHS.iter().any(|p| path == *p || path.starts_with(&format!("{p}.")));
    if TENANT_KEYS.contains(&top) && !operator_devops { Owner::Tenant } else { Owner::Operator }
}

/// Dotted paths of every leaf and object key in `values` (objects descend; other values
/// are leaves).
fn paths(values: &Map<String, Value>, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in values {
        let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            // `devops` is the one key owned partly by each: look inside it.
            Value::Object(inner) if path == "devops" || path.starts_with("devops.") => paths(inner, &path, out),
            _ => out.push(path),
        }
    }
}

/// The paths of `updates` a tenant may not set, in order: what a tenant's change is
/// refused for, by name.
/// Keys the config does not have are left out: they are not anyone's, and validation names
/// them.
pub fn operator_paths(updates: &Map<String, Value>) -> Vec<String> {
    let known = crate::config::config_keys();
    let mut all = Vec::new();
    paths(updates, "", &mut all);
    all.into_iter().filter(|p| owner(p) == Owner::Operator && known.iter().any(|k| k == p.split('.').next().unwrap_or_default())).collect()
}

/// `values` without what the tenant does not own (a stored document is filtered again on
/// read: what a tenant set can never reach an operator key).
pub fn tenant_part(values: &Value) -> Value {
    let Some(map) = values.as_object() else { return Value::Object(Map::new()) };
    let mut out = Map::new();
    for (k, v) in map.iter().filter(|(k, _)| TENANT_KEYS.contains(&k.as_str())) {
        let mut v = v.clone();
        if k == "devops" {
            for path in OPERATOR_DEVOPS_PATHS {
                remove_path(&mut v, path.strip_prefix("devops.").unwrap_or(path));
            }
        }
        out.insert(k.clone(), v);
    }
    Value::Object(out)
}

fn remove_path(v: &mut Value, path: &str) {
    match path.split_once('.') {
        None => {
            if let Some(m) = v.as_object_mut() {
                m.remove(path);
            }
        }
        Some((head, rest)) => {
            if let Some(inner) = v.get_mut(head) {
                remove_path(inner, rest);
            }
        }
    }
}

/// What tenant `tenant` runs with, as a config document: the operator's values, with the
/// operator's own tracker settings for this tenant (`tenants.<t>.devops`) over its global
/// ones, then the tenant's stored settings (its part only).
pub fn for_tenant(operator: &Value, tenant: &str, stored: Option<&Value>) -> Value {
    let mut out = operator.clone();
    if let Some(devops) = operator.pointer(&format!("/tenants/{}/devops", escape_pointer(tenant))).cloned() {
        let mut patch = Map::new();
        patch.insert("devops".into(), devops);
        merge(&mut out, &Value::Object(patch));
    }
    if let Some(stored) = stored {
        merge(&mut out, &tenant_part(stored));
    }
    out
}

fn escape_pointer(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// The trackers a tenant may choose (`local` always; any other when the operator's values
/// for this tenant configure its section).
pub fn trackers_offered(operator_for_tenant: &Value) -> Vec<String> {
    let mut out = vec!["local".to_string()];
    for p in ["github", "azure", "jira"] {
        if operator_for_tenant.pointer(&format!("/devops/{p}")).is_some_and(Value::is_object) {
            out.push(p.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_key_has_one_owner() {
        assert_eq!(owner("gate_fail_on"), Owner::Tenant);
        assert_eq!(owner("suppressions"), Owner::Tenant);
        assert_eq!(owner("devops.jira.project_key"), Owner::Tenant);
        assert_eq!(owner("devops.jira.base_url"), Owner::Operator);
        assert_eq!(owner("pack_files"), Owner::Operator);
        assert_eq!(owner("tenants"), Owner::Operator);
        assert_eq!(owner("max_file_bytes"), Owner::Operator);
    }

    #[test]
    fn a_tenant_update_names_the_operator_paths_it_touches() {
        let u = json!({"gate_fail_on": ["low"], "pack_files": ["x.yaml"], "devops": {"provider": "jira", "jira": {"base_url": "https://evil", "project_key": "A"}}});
        assert_eq!(operator_paths(u.as_object().unwrap()), vec!["devops.jira.base_url".to_string(), "pack_files".to_string()]);
    }

    #[test]
    fn layers_combine_in_order_and_stored_operator_keys_are_ignored() {
        let operator = json!({"gate_fail_on": ["critical"], "max_file_bytes": 100, "devops": {"jira": {"base_url": "https://jira.example"}},
            "tenants": {"acme": {"devops": {"jira": {"base_url": "https://acme.example"}}}}});
        let stored =
            json!({"gate_fail_on": ["low"], "max_file_bytes": 1, "devops": {"provider": "jira", "jira": {"base_url": "https://evil", "project_key": "A"}}});
        let acme = for_tenant(&operator, "acme", Some(&stored));
        assert_eq!(acme["gate_fail_on"], json!(["low"]));
        assert_eq!(acme["max_file_bytes"], json!(100));
        assert_eq!(acme["devops"]["jira"], json!({"base_url": "https://acme.example", "project_key": "A"}));
        let other = for_tenant(&operator, "beta", None);
        assert_eq!(other["gate_fail_on"], json!(["critical"]));
        assert_eq!(other["devops"]["jira"]["base_url"], "https://jira.example");
        assert_eq!(trackers_offered(&other), vec!["local", "jira"]);
    }
}
