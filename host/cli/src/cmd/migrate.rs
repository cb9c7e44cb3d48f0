//! `sentra init --from-sentrik`: a sentra config from a team's sentrik config. Keys sentra
//! shares are kept, sentrik keys with a sentra meaning are mapped, the rest are dropped;
//! overrides and suppressions naming rules no pack has (sentrik's rule ids differ) are
//! dropped too. A comment at the top says what happened to each, and the result loads.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use sentra_engine::Config;
use serde_json::Value;

use crate::common::catalog;

pub(crate) fn from_sentrik(root: &Path, target: &Path) -> Result<u8> {
    let Some(source) = sentra_engine::config::CONFIG_FILES[1..].iter().map(|f| root.join(f)).find(|p| p.is_file()) else {
        anyhow::bail!("{}: no sentrik config (.sentrik/config.yaml or .guard.yaml) to migrate", root.display());
    };
    let text = sentra_engine::config::read_text(&source)?;
    let mut values: Value =
        serde_saphyr::from_str(&text).map_err(|e| anyhow::anyhow!("{}: not YAML: {}", source.display(), sentra_engine::safe_file::yaml_problem(&e)))?;
    let map = values.as_object_mut().with_context(|| format!("{}: not a mapping of keys", source.display()))?;
    let mut notes = sentra_engine::sentrik::translate(map);
    notes.extend(drop_unknown_rules(map, &known_rules()?));
    let body = if map.is_empty() { String::new() } else { serde_saphyr::to_string(&values).context("writing the migrated config")? };
    let rel = source.strip_prefix(root).unwrap_or(&source).display().to_string();
    let mut text = format!("# Migrated from {rel} by `sentra init --from-sentrik`.\n");
    for note in &notes {
        text.push_str(&format!("# - {}\n", note.replace('\n', " ")));
    }
    text.push_str(&body);
    // What is written must load: anything sentra refuses is reported here, not at the next scan.
    let raw = sentra_engine::config::parse_yaml(&text, &target.display().to_string())?;
    Config::from_raw(raw, &target.display().to_string())?;
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    sentra_engine::config_edit::write_atomic(target, text.as_bytes()).with_context(|| format!("{}: cannot write", target.display()))?;
    let mut out = anstream::stdout();
    writeln!(out, "wrote {} from {rel} ({} note{}: see the comments at its top)", target.display(), notes.len(), if notes.len() == 1 { "" } else { "s" })?;
    Ok(0)
}

/// Every built-in pack with its rule ids.
fn known_rules() -> Result<BTreeMap<String, BTreeSet<String>>> {
    let cat = catalog()?;
    let config = Config { standards_packs: Some(cat.ids()), ..Config::default() };
    let set = cat.load(&config)?;
    Ok(set.packs.iter().map(|p| (p.id().to_string(), p.rules().iter().map(|r| r.id.clone()).collect())).collect())
}

/// Removes overrides of packs or rules sentra does not have and suppressions naming no rule;
/// a note for each.
fn drop_unknown_rules(map: &mut serde_json::Map<String, Value>, known: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(overrides) = map.get_mut("pack_overrides").and_then(Value::as_object_mut) {
        overrides.retain(|pack, rules| {
            let Some(have) = known.get(pack) else {
                notes.push(format!("`pack_overrides.{pack}` dropped: sentra has no pack `{pack}`"));
                return false;
            };
            if let Some(rules) = rules.as_object_mut() {
                rules.retain(|rule, _| {
                    let keep = have.contains(rule);
                    if !keep {
                        notes.push(format!(
                            "`pack_overrides.{pack}.{rule}` dropped: pack `{pack}` has no rule `{rule}` (see `sentra list-rules --pack {pack}`)"
                        ));
                    }
                    keep
                });
            }
            true
        });
    }
    let all: Vec<&str> = known.values().flatten().map(String::as_str).collect();
    if let Some(list) = map.get_mut("suppressions").and_then(Value::as_array_mut) {
        list.retain(|s| {
            let rule = s.get("rule_id").and_then(Value::as_str).unwrap_or_default();
            let names_one = sentra_engine::suppress::Suppression::new(None, rule, "**", "-", None, "config").is_ok_and(|s| all.iter().any(|r| s.names_rule(r)));
            if !names_one {
                notes.push(format!("a suppression of `{rule}` dropped: it names no rule sentra has"));
            }
            names_one
        });
    }
    notes
}
