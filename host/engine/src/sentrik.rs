//! Reading a config written for sentrik. A team switching brings its `.sentrik/config.yaml`
//! or `.guard.yaml`: each documented sentrik key either means the same here (kept), maps to
//! a sentra key (moved), or has no meaning here (dropped, with one warning naming it).
//! Typos of sentra's own keys are still refused by the config's schema.

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde_json::{Map, Value};

/// sentrik keys that sentra reads the same way.
const SAME: &[&str] = &["standards_packs", "gate_fail_on", "reporters", "output_dir"];

/// sentrik keys with no meaning in sentra, and why.
const DROPPED: &[(&str, &str)] = &[
    ("standards_file", "sentra's rules come from packs (`standards_packs`, `pack_files`)"),
    ("work_items_file", "sentra keeps work items in its state directory and the tracker (`devops`)"),
    ("provider", "sentra has one scanner; SARIF is an output format (`reporters: [sarif]`)"),
    ("parallel_scan", "sentra always scans in parallel"),
    ("max_workers", "sentra uses every core"),
    ("agent_scan", "sentra has no agent mode"),
    ("agent_max_concurrency", "sentra has no agent mode"),
    ("ml_severity_enabled", "severities come from the rules (`pack_overrides` changes them)"),
    ("azure_devops_org", "set `devops.azure` (see docs/config.md)"),
    ("azure_devops_project", "set `devops.azure` (see docs/config.md)"),
    ("github_repo", "set `devops.github` (see docs/config.md)"),
    ("jira_url", "set `devops.jira` (see docs/config.md)"),
    ("jira_project", "set `devops.jira` (see docs/config.md)"),
];

/// Whether `key` is one of sentrik's keys that sentra does not share.
pub fn is_sentrik_key(key: &str) -> bool {
    key == "devops_provider" || DROPPED.iter().any(|(k, _)| *k == key)
}

/// `values` (a config file's top level) with sentrik's keys mapped or dropped, and a line
/// per key saying what happened. Keys of sentra's are left alone.
pub fn translate(values: &mut Map<String, Value>) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(provider) = values.remove("devops_provider") {
        let name = match provider.as_str() {
            Some("stub") | None => "local".to_string(),
            Some(other) => other.to_string(),
        };
        // A tracker needs its sentra settings (`devops.<provider>`); without them the
        // provider is not taken, so the file still loads.
        let configured = name == "local" || values.get("devops").and_then(|d| d.get(&name)).is_some();
        if configured {
            let devops = values.entry("devops").or_insert_with(|| Value::Object(Map::new()));
            if let Some(d) = devops.as_object_mut() {
                d.entry("provider").or_insert(Value::String(name.clone()));
            }
            notes.push(format!("`devops_provider` (sentrik) is read as `devops.provider: {name}`"));
        } else {
            notes.push(format!("`devops_provider: {name}` (sentrik) is ignored: set `devops.provider` and `devops.{name}` (see docs/config.md)"));
        }
    }
    for (key, why) in DROPPED {
        if values.remove(*key).is_some() {
            notes.push(format!("`{key}` (sentrik) has no meaning in sentra and is ignored: {why}"));
        }
    }
    notes
}

/// Logs each note once per process: a server reloading its config does not repeat them.
pub fn warn_once(origin: &str, notes: &[String]) {
    static SEEN: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let mut seen = SEEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for note in notes {
        if seen.insert(format!("{origin}\0{note}")) {
            tracing::warn!("{origin}: {note}");
        }
    }
}

/// The sentra keys sentrik shares, for documentation.
pub fn shared_keys() -> &'static [&'static str] {
    SAME
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentrik_keys_map_or_drop_and_sentra_keys_stay() {
        let mut v = serde_json::json!({"standards_packs": ["secrets"], "devops_provider": "stub", "standards_file": "x.yaml",
            "max_workers": 8, "output_dir": "out", "stadards_packs": ["typo"]});
        let notes = translate(v.as_object_mut().unwrap());
        assert_eq!(v["devops"]["provider"], "local");
        let mut tracker = serde_json::json!({"devops_provider": "jira"});
        assert!(translate(tracker.as_object_mut().unwrap())[0].contains("is ignored"), "a tracker without its settings is not taken");
        assert!(tracker.get("devops").is_none());
        assert!(v.get("standards_file").is_none() && v.get("max_workers").is_none());
        assert_eq!(v["output_dir"], "out");
        assert!(v.get("stadards_packs").is_some(), "a typo is not sentrik's: the schema refuses it");
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(shared_keys().contains(&"standards_packs"));
    }
}
