//! Declarative (YAML) packs at the edge: a document is validated here, once, with the
//! same regex engine that will run it, and only a checked document reaches the
//! declarative engine component.

use std::fmt;

use sentra_matcher::{MatchError, MatchLimits, PatternSet};
pub use sentra_pack_format::validate::Problem;
use sentra_pack_format::valid_pack_id;
use sentra_pack_format::{PackDocument, validate};

/// A pack document that failed validation, with every problem found.
#[derive(Debug, thiserror::Error)]
pub struct InvalidPack {
    pub pack: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for InvalidPack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "pack `{}` is invalid ({n} problem{}):", self.pack, if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

/// A checked document and the warnings worth showing its author.
#[derive(Clone, Debug)]
pub struct CheckedPack {
    pub document: PackDocument,
    pub warnings: Vec<Problem>,
}

impl CheckedPack {
    pub fn id(&self) -> &str {
        self.document.pack_id.as_deref().unwrap_or_default()
    }
}

/// A pack id from a file name: `OWASP_Top10.yaml` → `owasp-top10`.
pub fn id_from_file_name(name: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').to_string()
}

/// Validates a YAML pack document. `name` is how errors refer to it (a file name), and
/// `default_id` the id it gets when the document has no `pack_id`.
pub fn check_pack(name: &str, text: &str, default_id: &str, limits: &MatchLimits) -> Result<CheckedPack, InvalidPack> {
    let check_regex = |p: &str| -> Result<(), String> {
        PatternSet::compile(&[p], *limits).map(|_| ()).map_err(|e| match e {
            MatchError::Compile { message, .. } | MatchError::Search { message, .. } => message,
            other => other.to_string(),
        })
    };
    let validated = validate::validate_yaml(text, &check_regex).map_err(|problems| InvalidPack { pack: name.into(), problems })?;
    let mut document = validated.document;
    if document.pack_id.is_none() {
        if !valid_pack_id(default_id) {
            return Err(InvalidPack {
                pack: name.into(),
                problems: vec![Problem {
                    location: "pack".into(),
                    field: "pack_id".into(),
                    message: format!("missing, and `{default_id}` (from the file name) is not a valid pack id"),
                }],
            });
        }
        document.pack_id = Some(default_id.to_string());
    }
    Ok(CheckedPack { document, warnings: validated.warnings })
}

/// The settings string the declarative engine's `configure` receives.
pub fn engine_settings(pack: &CheckedPack) -> String {
    serde_json::to_string(&pack.document).expect("pack documents serialize")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_file_names() {
        assert_eq!(id_from_file_name("packs/OWASP_Top10.yaml"), "owasp-top10");
        assert_eq!(id_from_file_name("my pack.yml"), "my-pack");
    }

    #[test]
    fn regex_problems_use_the_host_engine() {
        let doc = "name: P\nrules:\n- {id: A, name: a, type: regex, pattern: '(?<=x)y'}\n- {id: B, name: b, type: regex, pattern: '(unclosed'}\n";
        let err = check_pack("p.yaml", doc, "p", &MatchLimits::default()).unwrap_err();
        assert_eq!(err.problems.len(), 1, "{err}");
        assert!(err.to_string().contains("rule `B`, field `pattern`: invalid regex"), "{err}");
    }
}
