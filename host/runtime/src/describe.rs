//! What a pack says about itself, checked before it runs: ids that are safe to use as
//! keys, and bounded metadata. Every string a pack describes is copied into every
//! result, report and stored scan that mentions its rules, so a 2 MB remediation text
//! would cost that much per finding; it is refused at load (an import is refused with the
//! same error) rather than cut, since it is the author's to fix.

use std::collections::HashMap;

use crate::types::{PackInfo, RuleInfo};
use crate::{LoadError, MAX_LISTED_PROBLEMS, bounded_list, valid_pack_id};

/// Most rules one pack may declare.
pub const MAX_RULES_PER_PACK: usize = 10_000;
/// Longest text field of a pack or rule (name, description, remediation, pattern, ...).
pub const MAX_RULE_TEXT_BYTES: usize = 16 << 10;
/// Most entries of one list field of a rule (globs, tags, references, literals, ...).
pub const MAX_LIST_ITEMS: usize = 256;
/// Longest entry of a list field.
pub const MAX_ITEM_BYTES: usize = 2 << 10;
/// Most file and exclude globs one pack may declare in total (after splitting on commas):
/// each is compiled into the scan's glob automata.
pub const MAX_GLOBS_PER_PACK: usize = 4096;

pub(crate) fn validate_description(name: &str, info: &PackInfo) -> Result<(), LoadError> {
    let mut problems = Vec::new();
    if !valid_pack_id(&info.id) {
        problems.push(format!("pack id `{}` must match ^[a-z0-9][a-z0-9-]{{0,63}}$", info.id));
    }
    for (field, value) in [("name", &info.name), ("version", &info.version), ("description", &info.description), ("license", &info.license)] {
        text(&mut problems, "pack", field, value);
    }
    if info.rules.len() > MAX_RULES_PER_PACK {
        problems.push(format!("{} rules; the limit is {MAX_RULES_PER_PACK}", info.rules.len()));
    }
    let mut seen = HashMap::new();
    let mut globs = 0usize;
    for (i, r) in info.rules.iter().enumerate() {
        if r.id.trim().is_empty() {
            problems.push(format!("rule {i}: empty id"));
        } else if r.id.len() > 128 || r.id.chars().any(|c| c.is_control() || c.is_whitespace()) {
            problems.push(format!("rule {i}: id `{}` must be at most 128 characters without spaces", r.id.escape_debug()));
        }
        if let Some(prev) = seen.insert(r.id.as_str(), i) {
            problems.push(format!("rule {i}: duplicate id `{}` (also rule {prev})", r.id));
        }
        rule_fields(&mut problems, &format!("rule {i}"), r);
        globs += r.file_globs.iter().flat_map(|g| g.split(',')).filter(|g| !g.trim().is_empty()).count() + r.exclude_globs.len();
    }
    if globs > MAX_GLOBS_PER_PACK {
        problems.insert(0, format!("{globs} file and exclude globs in all; the limit is {MAX_GLOBS_PER_PACK} per pack"));
    }
    if problems.is_empty() { Ok(()) } else { Err(LoadError::InvalidDescription { pack: name.into(), problems: bounded_list(problems, MAX_LISTED_PROBLEMS) }) }
}

fn text(problems: &mut Vec<String>, at: &str, field: &str, value: &str) {
    if value.len() > MAX_RULE_TEXT_BYTES {
        problems.push(format!("{at}: `{field}` is {} bytes; the limit is {MAX_RULE_TEXT_BYTES}", value.len()));
    }
}

fn list(problems: &mut Vec<String>, at: &str, field: &str, values: &[String]) {
    if values.len() > MAX_LIST_ITEMS {
        problems.push(format!("{at}: `{field}` has {} entries; the limit is {MAX_LIST_ITEMS}", values.len()));
    }
    if let Some(long) = values.iter().find(|v| v.len() > MAX_ITEM_BYTES) {
        problems.push(format!("{at}: an entry of `{field}` is {} bytes; the limit is {MAX_ITEM_BYTES}", long.len()));
    }
}

fn rule_fields(problems: &mut Vec<String>, at: &str, r: &RuleInfo) {
    for (field, value) in [
        ("name", &r.name),
        ("description", &r.description),
        ("kind", &r.kind),
        ("standard", &r.standard),
        ("clause", &r.clause),
        ("category", &r.category),
        ("remediation", &r.remediation),
    ] {
        text(problems, at, field, value);
    }
    text(problems, at, "pattern", r.pattern.as_deref().unwrap_or_default());
    text(problems, at, "skipped", r.skipped.as_deref().unwrap_or_default());
    // Globs are counted per pack (MAX_GLOBS_PER_PACK): one rule may use many of them.
    for (field, values) in [("file_globs", &r.file_globs), ("exclude_globs", &r.exclude_globs)] {
        if let Some(long) = values.iter().find(|v| v.len() > MAX_ITEM_BYTES) {
            problems.push(format!("{at}: an entry of `{field}` is {} bytes; the limit is {MAX_ITEM_BYTES}", long.len()));
        }
    }
    for (field, values) in [("cwe", &r.cwe), ("tags", &r.tags), ("references", &r.references), ("required_literals", &r.required_literals)] {
        list(problems, at, field, values);
    }
    if let Some(c) = &r.applies_when {
        for (field, values) in [
            ("applies_when.languages", &c.languages),
            ("applies_when.has_files", &c.has_files),
            ("applies_when.has_imports", &c.has_imports),
            ("applies_when.has_dependencies", &c.has_dependencies),
            ("applies_when.has_content", &c.has_content),
        ] {
            list(problems, at, field, values);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str) -> RuleInfo {
        RuleInfo {
            id: id.into(),
            name: "n".into(),
            description: String::new(),
            kind: "regex".into(),
            severity: crate::types::Severity::Low,
            file_globs: Vec::new(),
            exclude_globs: Vec::new(),
            standard: String::new(),
            clause: String::new(),
            category: String::new(),
            cwe: Vec::new(),
            tags: Vec::new(),
            remediation: String::new(),
            references: Vec::new(),
            required_literals: Vec::new(),
            pattern: None,
            project_level: false,
            applies_when: None,
            skipped: None,
        }
    }

    fn pack(rules: Vec<RuleInfo>) -> PackInfo {
        PackInfo { id: "p".into(), name: "p".into(), version: "1".into(), description: String::new(), license: String::new(), rules }
    }

    #[test]
    fn oversized_metadata_is_refused_by_field() {
        let mut info = pack(vec![rule("A")]);
        assert!(validate_description("p", &info).is_ok());
        info.rules[0].remediation = "x".repeat(MAX_RULE_TEXT_BYTES + 1);
        info.rules[0].tags = vec!["t".into(); MAX_LIST_ITEMS + 1];
        let err = validate_description("p", &info).unwrap_err().to_string();
        assert!(err.contains("rule 0: `remediation` is") && err.contains("`tags` has"), "{err}");
        info.rules[0].remediation.clear();
        info.rules[0].tags.clear();
        info.rules = (0..100).map(|i| RuleInfo { file_globs: vec![format!("{}", vec!["*.a"; 50].join(","))], ..rule(&format!("R{i}")) }).collect();
        let err = validate_description("p", &info).unwrap_err().to_string();
        assert!(err.contains("5000 file and exclude globs"), "{err}");
    }
}
