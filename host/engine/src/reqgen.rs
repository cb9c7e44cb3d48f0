//! Draft requirements from code, deterministically (no model): source files that trace to
//! no requirement are grouped by directory; each group becomes one draft whose title is the
//! module's name, whose description comes from its doc comments and public items, and
//! whose acceptance criteria name each public function and HTTP endpoint.
//!
//! Merging never renumbers or rewrites an existing entry: new drafts take the next free
//! `REQ-` numbers in path order and are appended, so the same tree always gives the same
//! ids, and a second run on an unchanged tree changes nothing (not even `generated_at`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::trace::{Requirement, RequirementsFile, SOURCE_EXTENSIONS};

/// Most acceptance criteria one draft gets (the rest are summarised in one line).
pub const MAX_CRITERIA: usize = 25;

/// The id prefix of generated requirements.
pub const ID_PREFIX: &str = "REQ-";

static PY_DEF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:async\s+)?def\s+([A-Za-z]\w*)\s*\(").unwrap());
static PY_CLASS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^class\s+([A-Za-z]\w*)").unwrap());
static JS_EXPORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)").unwrap());
static RS_PUB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*pub\s+(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:fn|struct|enum|trait)\s+([A-Za-z_]\w*)").unwrap());
static GO_FUNC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^func\s+(?:\([^)]*\)\s*)?([A-Z]\w*)\s*\(").unwrap());
static JAVA_PUBLIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*public\s+(?:static\s+|final\s+|async\s+|override\s+|virtual\s+)*[\w<>\[\],.? ]+?\s+([A-Za-z_]\w*)\s*\(").unwrap());
/// `@app.get("/x")`, `app.post('/x'`, `router.delete("/x"`, `.route("/x", get(`,
/// `@GetMapping("/x")`, `HandleFunc("/x"`.
static ENDPOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:\.|@)(get|post|put|patch|delete|route|handlefunc|getmapping|postmapping|putmapping|deletemapping|patchmapping)\s*\(\s*["']([^"']+)["']"#,
    )
    .unwrap()
});
static AXUM_ROUTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\.route\(\s*"([^"]+)"\s*,\s*(get|post|put|patch|delete)\("#).unwrap());

/// What one source file offers: its doc summary, public items and endpoints.
#[derive(Debug, Default)]
struct FileFacts {
    doc: Option<String>,
    items: Vec<String>,
    endpoints: Vec<String>,
}

fn ext(path: &str) -> String {
    path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// The first sentence-ish line of a file's leading doc comment or docstring.
fn doc_summary(path: &str, text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty() || l.starts_with("#!") || l.starts_with("# -*-"));
    let first = lines.next()?;
    let strip = |s: &str| s.trim().trim_end_matches("*/").trim_end_matches("\"\"\"").trim_end_matches("'''").trim().to_string();
    let summary = match ext(path).as_str() {
        "py" | "rb" => {
            if let Some(rest) = first.strip_prefix("\"\"\"").or_else(|| first.strip_prefix("'''")) {
                if rest.trim().is_empty() { lines.next().map(strip) } else { Some(strip(rest)) }
            } else {
                first.strip_prefix('#').map(strip)
            }
        }
        "rs" => first.strip_prefix("//!").map(strip),
        _ => {
            if let Some(rest) = first.strip_prefix("/**").or_else(|| first.strip_prefix("/*")) {
                if rest.trim().is_empty() { lines.next().map(|l| strip(l.trim_start_matches('*'))) } else { Some(strip(rest)) }
            } else {
                first.strip_prefix("//").map(strip)
            }
        }
    };
    summary.filter(|s| !s.is_empty() && !s.starts_with("REQ-") && !s.to_ascii_lowercase().contains("copyright"))
}

fn facts(path: &str, text: &str) -> FileFacts {
    let mut f = FileFacts { doc: doc_summary(path, text), ..Default::default() };
    let e = ext(path);
    for line in text.lines() {
        let name = match e.as_str() {
            "py" => PY_DEF.captures(line).or_else(|| PY_CLASS.captures(line)).map(|c| c[1].to_string()).filter(|n| !n.starts_with('_')),
            "js" | "jsx" | "ts" | "tsx" | "mjs" => JS_EXPORT.captures(line).map(|c| c[1].to_string()),
            "rs" => RS_PUB.captures(line).map(|c| c[1].to_string()),
            "go" => GO_FUNC.captures(line).map(|c| c[1].to_string()),
            "java" | "kt" | "cs" | "scala" | "swift" => JAVA_PUBLIC.captures(line).map(|c| c[1].to_string()),
            _ => None,
        };
        if let Some(n) = name
            && !f.items.contains(&n)
        {
            f.items.push(n);
        }
        if let Some(c) = AXUM_ROUTE.captures(line) {
            f.endpoints.push(format!("{} {}", c[2].to_ascii_uppercase(), &c[1]));
        } else if let Some(c) = ENDPOINT.captures(line) {
            let verb = c[1].to_ascii_lowercase();
            let method = match verb.as_str() {
                "route" | "handlefunc" => "ANY".to_string(),
                v => v.trim_end_matches("mapping").to_ascii_uppercase(),
            };
            if c[2].starts_with('/') {
                f.endpoints.push(format!("{method} {}", &c[2]));
            }
        }
    }
    f.endpoints.dedup();
    f
}

/// "src/payment_gateway" -> "Payment gateway".
fn module_title(dir: &str) -> String {
    let last = dir.rsplit('/').next().unwrap_or(dir);
    if dir == "." || last.is_empty() {
        return "Top-level sources".into();
    }
    let words = last.replace(['_', '-', '.'], " ");
    let mut c = words.trim().chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => "Top-level sources".into(),
    }
}

/// A draft requirement (without its id) for one directory's files.
fn draft(name: &str, files: &[(&str, FileFacts)]) -> Requirement {
    let docs: Vec<String> = files.iter().filter_map(|(_, f)| f.doc.clone()).collect();
    let mut description = if docs.is_empty() { format!("The {} module.", module_title(name).to_lowercase()) } else { docs.join(" ") };
    let items: Vec<&str> = files.iter().flat_map(|(_, f)| f.items.iter().map(String::as_str)).collect();
    if !items.is_empty() {
        description.push_str(&format!(" Public items: {}.", items.join(", ")));
    }
    let mut criteria = Vec::new();
    for (path, f) in files {
        for e in &f.endpoints {
            criteria.push(format!("{e} answers as specified ({path})"));
        }
        for i in &f.items {
            criteria.push(format!("`{i}` in {path} behaves as specified and is covered by a test"));
        }
    }
    if criteria.is_empty() {
        criteria = files.iter().map(|(p, _)| format!("The behaviour of {p} is specified and covered by a test")).collect();
    }
    if criteria.len() > MAX_CRITERIA {
        let more = criteria.len() - MAX_CRITERIA + 1;
        criteria.truncate(MAX_CRITERIA - 1);
        criteria.push(format!("... and {more} more public items, each behaving as specified"));
    }
    Requirement {
        req_id: String::new(),
        title: module_title(name),
        description,
        acceptance_criteria: criteria,
        source_files: files.iter().map(|(p, _)| p.to_string()).collect(),
        status: Some("draft".into()),
        work_item_id: None,
    }
}

/// New drafts for `files` (relative path, contents) that neither trace to a requirement in
/// a comment (`untraced`) nor are already listed in an existing requirement's
/// `source_files`, numbered after the highest existing `REQ-` id.
pub fn generate(existing: &RequirementsFile, files: &[(String, String)], untraced: &[String]) -> Vec<Requirement> {
    let listed: BTreeSet<&str> = existing.requirements.iter().flat_map(|r| r.source_files.iter().map(String::as_str)).collect();
    let untraced: BTreeSet<&str> = untraced.iter().map(String::as_str).collect();
    let mut groups: BTreeMap<String, Vec<(&str, FileFacts)>> = BTreeMap::new();
    for (path, text) in files {
        if !untraced.contains(path.as_str()) || listed.contains(path.as_str()) || !SOURCE_EXTENSIONS.contains(&ext(path).as_str()) {
            continue;
        }
        let dir = path.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_else(|| ".".into());
        groups.entry(dir).or_default().push((path.as_str(), facts(path, text)));
    }
    let first = existing.requirements.iter().filter_map(|r| r.req_id.strip_prefix(ID_PREFIX).and_then(|n| n.parse::<u64>().ok())).max().unwrap_or(0) + 1;
    let mut out = Vec::new();
    for (next, (dir, mut files)) in (first..).zip(groups) {
        files.sort_by(|a, b| a.0.cmp(b.0));
        // One file is its own module; several are named after their directory.
        let name = match files.as_slice() {
            [(only, _)] => only.rsplit('/').next().unwrap_or(only).split('.').next().unwrap_or(only).to_string(),
            _ => dir.clone(),
        };
        let mut r = draft(&name, &files);
        r.req_id = format!("{ID_PREFIX}{next}");
        out.push(r);
    }
    out
}

/// YAML of `reqs` as list entries indented by `indent`.
fn entries_yaml(reqs: &[Requirement], indent: &str) -> String {
    let text = serde_saphyr::to_string(&reqs).unwrap_or_default();
    text.lines().map(|l| format!("{indent}{l}\n")).collect()
}

/// The merged file's text: `existing_text` (absent: a new file) with `added` appended and
/// `generated_at` set. Existing entries keep their bytes when the list is the file's last
/// block; otherwise the file is rewritten from its parsed form (comments are then lost,
/// values are not).
pub fn merge(existing_text: Option<&str>, existing: &RequirementsFile, added: &[Requirement], now: &str) -> String {
    let stamp = format!("generated_at: '{now}'");
    if let Some(text) = existing_text {
        if added.is_empty() {
            return text.to_string();
        }
        let lines: Vec<&str> = text.lines().collect();
        if let Some(at) = lines.iter().position(|l| l.trim_end() == "requirements:") {
            let last_block = lines[at + 1..].iter().all(|l| l.is_empty() || l.starts_with(' ') || l.starts_with('-') || l.starts_with('#'));
            if last_block {
                let indent = lines[at + 1..]
                    .iter()
                    .find(|l| l.trim_start().starts_with("- "))
                    .map(|l| l[..l.len() - l.trim_start().len()].to_string())
                    .unwrap_or_default();
                let mut out: Vec<String> = Vec::new();
                let mut stamped = false;
                for l in &lines {
                    if l.starts_with("generated_at:") {
                        out.push(stamp.clone());
                        stamped = true;
                    } else {
                        out.push(l.to_string());
                    }
                }
                if !stamped {
                    out.insert(0, stamp.clone());
                }
                let mut merged = out.join("\n");
                merged.push('\n');
                merged.push_str(&entries_yaml(added, &indent));
                // Only if it reads back as the old entries followed by the new ones.
                if let Ok(back) = serde_saphyr::from_str::<RequirementsFile>(&merged)
                    && back.requirements.len() == existing.requirements.len() + added.len()
                {
                    return merged;
                }
            }
        }
    }
    let mut all = existing.requirements.clone();
    all.extend(added.iter().cloned());
    format!("{stamp}\nrequirements:\n{}", entries_yaml(&all, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, String)> {
        vec![
            (
                "src/auth/login.py".into(),
                "\"\"\"Password login for the web app.\"\"\"\n\n@app.post(\"/login\")\ndef login(req):\n    pass\n\ndef _hash(p):\n    pass\n".into(),
            ),
            ("src/auth/tokens.py".into(), "# Session tokens.\nclass TokenStore:\n    pass\n".into()),
            ("web/api.ts".into(), "/** The public API client. */\nexport async function fetchOrders() {}\nrouter.get('/orders', h)\n".into()),
            ("lib/core.rs".into(), "//! Core types.\npub fn run() {}\nfn private() {}\n".into()),
            ("traced.py".into(), "# REQ-1\n".into()),
        ]
    }

    #[test]
    fn drafts_group_by_directory_and_name_public_items_and_endpoints() {
        let untraced: Vec<String> = files().into_iter().map(|(p, _)| p).filter(|p| p != "traced.py").collect();
        let existing = RequirementsFile { requirements: vec![Requirement { req_id: "REQ-7".into(), ..Default::default() }], ..Default::default() };
        let reqs = generate(&existing, &files(), &untraced);
        let summary: Vec<(&str, &str)> = reqs.iter().map(|r| (r.req_id.as_str(), r.title.as_str())).collect();
        assert_eq!(summary, [("REQ-8", "Core"), ("REQ-9", "Auth"), ("REQ-10", "Api")]);
        let auth = &reqs[1];
        assert_eq!(auth.source_files, ["src/auth/login.py", "src/auth/tokens.py"]);
        assert_eq!(auth.description, "Password login for the web app. Session tokens. Public items: login, TokenStore.");
        assert_eq!(
            auth.acceptance_criteria,
            [
                "POST /login answers as specified (src/auth/login.py)",
                "`login` in src/auth/login.py behaves as specified and is covered by a test",
                "`TokenStore` in src/auth/tokens.py behaves as specified and is covered by a test",
            ]
        );
        assert_eq!(reqs[2].acceptance_criteria[0], "GET /orders answers as specified (web/api.ts)");
        assert_eq!(reqs[0].description, "Core types. Public items: run.");
    }

    #[test]
    fn merging_appends_and_keeps_existing_bytes() {
        let text = "# Our requirements\nrequirements:\n  - req_id: REQ-1   # the first\n    title: Log in\n    status: approved\n";
        let existing: RequirementsFile = serde_saphyr::from_str(text).unwrap();
        let added = generate(&existing, &files(), &["lib/core.rs".to_string()]);
        let merged = merge(Some(text), &existing, &added, "2026-01-01T00:00:00Z");
        assert!(merged.starts_with("generated_at: '2026-01-01T00:00:00Z'\n# Our requirements\nrequirements:\n  - req_id: REQ-1   # the first\n"), "{merged}");
        let back: RequirementsFile = serde_saphyr::from_str(&merged).unwrap();
        let ids: Vec<&str> = back.requirements.iter().map(|r| r.req_id.as_str()).collect();
        assert_eq!(ids, ["REQ-1", "REQ-2"]);
        assert_eq!(merge(Some(&merged), &back, &[], "later"), merged, "nothing new: the file is unchanged");
        // A flow-style list cannot be appended to in place; it is rewritten, values kept.
        let flow = "requirements: [{req_id: REQ-1, title: Log in}]\n";
        let existing: RequirementsFile = serde_saphyr::from_str(flow).unwrap();
        let merged = merge(Some(flow), &existing, &added, "t");
        let back: RequirementsFile = serde_saphyr::from_str(&merged).unwrap();
        assert_eq!((back.requirements[0].title.as_str(), back.requirements[1].req_id.as_str()), ("Log in", "REQ-2"));
    }
}
