//! A stored scan result split into its findings and the rest, and put back together,
//! without re-serialising either: every key and finding keeps its own text and order.
//! (The SQLite store does this with SQLite's JSON functions; other backends use this.)

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The top-level members of a JSON object, in order, each as its own text.
struct Members(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    out.push(entry);
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// What a findings row keeps beside the finding's text, for filters and counts.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct FindingHead {
    pub severity: String,
    pub rule_id: String,
    pub evidence: Evidence,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Evidence {
    pub file: String,
}

/// A finding's text and its head.
pub(crate) struct SplitFinding {
    pub head: FindingHead,
    pub text: String,
}

/// Splits a result into the result with `"findings": []` and its findings. A result that
/// is not an object, or whose `findings` is not an array, is kept whole with no findings.
pub(crate) fn split(result: &str) -> (String, Vec<SplitFinding>) {
    let Ok(Members(members)) = serde_json::from_str::<Members>(result) else {
        return (result.to_string(), Vec::new());
    };
    let Some(raw) = members.iter().find(|(k, _)| k == "findings").map(|(_, v)| v) else {
        return (result.to_string(), Vec::new());
    };
    let Ok(findings) = serde_json::from_str::<Vec<Box<RawValue>>>(raw.get()) else {
        return (result.to_string(), Vec::new());
    };
    let findings = findings.into_iter().map(|f| SplitFinding { head: serde_json::from_str(f.get()).unwrap_or_default(), text: f.get().to_string() }).collect();
    (join_members(&members, "[]"), findings)
}

/// Puts findings back into a result stored by [`split`] (one whose `findings` is an
/// array); any other result is returned as it is.
pub(crate) fn join(stripped: &str, findings: &[String]) -> String {
    let Ok(Members(members)) = serde_json::from_str::<Members>(stripped) else {
        return stripped.to_string();
    };
    let is_array = members.iter().any(|(k, v)| k == "findings" && v.get().trim_start().starts_with('['));
    if !is_array {
        return stripped.to_string();
    }
    join_members(&members, &format!("[{}]", findings.join(",")))
}

fn join_members(members: &[(String, Box<RawValue>)], findings: &str) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in members.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(k).expect("a string serialises"));
        out.push(':');
        out.push_str(if k == "findings" { findings } else { v.get() });
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_splits_and_joins_back_keeping_order_and_text() {
        let result = r#"{"zeta":1,"findings":[{"rule_id":"R","severity":"high","evidence":{"file":"a.py","line":2}}, {"x":"y"}],"alpha":{"b":[1, 2]}}"#;
        let (stripped, findings) = split(result);
        assert_eq!(stripped, r#"{"zeta":1,"findings":[],"alpha":{"b":[1, 2]}}"#);
        assert_eq!(findings.len(), 2);
        assert_eq!((findings[0].head.rule_id.as_str(), findings[0].head.severity.as_str(), findings[0].head.evidence.file.as_str()), ("R", "high", "a.py"));
        assert_eq!(findings[1].head.rule_id, "", "a finding without the fields gets empty ones");
        let texts: Vec<String> = findings.into_iter().map(|f| f.text).collect();
        let joined = join(&stripped, &texts);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&joined).unwrap(), serde_json::from_str::<serde_json::Value>(result).unwrap());
        assert!(joined.starts_with(r#"{"zeta":1,"findings":[{"rule_id""#), "{joined}");
    }

    #[test]
    fn results_without_a_findings_array_are_kept_whole() {
        for result in [r#"{"n": 1}"#, r#"{"findings": null}"#, "[1, 2]", "not json", ""] {
            let (stripped, findings) = split(result);
            assert_eq!((stripped.as_str(), findings.len()), (result, 0));
            assert_eq!(join(&stripped, &[]), result);
        }
    }
}
