//! Autofix: the fixes a scan's findings carry, applied to the files they are about.
//!
//! A fix replaces the finding's region (1-based lines, columns counting Unicode scalar
//! values, the end exclusive: what SARIF's `deletedRegion` says for the same finding) with
//! its replacement. Per file, fixes are taken in order of position and one that overlaps
//! an earlier one is skipped (a second run picks it up). A file modified after the scan
//! started, or whose text no longer holds a fix's region, is left alone: the fix was made
//! for other text. Writes are atomic (a temporary file beside it, fsync, rename) and keep
//! the file's permissions.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sentra_model::{Finding, PROJECT_PATH};

/// One fix taken.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Applied {
    pub rule_id: String,
    pub line: u32,
    pub description: String,
}

/// Why a fix was not taken.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum Skip {
    /// It overlaps a fix taken before it in the same file.
    Overlaps { with_rule: String },
    /// Its region is not in the file's text (the file is not what the scan read).
    OutOfRange,
    /// The file changed after the scan started.
    ChangedSinceScan,
    /// The file cannot be read as UTF-8 text, or is not a regular file inside the root.
    Unreadable { why: String },
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub rule_id: String,
    pub line: u32,
    #[serde(flatten)]
    pub skip: Skip,
}

/// The fixes of one file and its text before and after them.
#[derive(Debug)]
pub struct FilePlan {
    /// Relative to the scan root, `/`-separated (as findings name it).
    pub path: String,
    pub applied: Vec<Applied>,
    pub skipped: Vec<Skipped>,
    pub before: String,
    pub after: String,
}

impl FilePlan {
    /// A unified diff of the change (three lines of context), `a/PATH` to `b/PATH`.
    pub fn diff(&self) -> String {
        similar::TextDiff::from_lines(&self.before, &self.after)
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{}", self.path), &format!("b/{}", self.path))
            .to_string()
    }
}

/// Plans the fixes of `findings` (those with a fix, of a file, whose rule is in `rules`
/// when given) under `root`, for a scan that started at `scan_started`.
pub fn plan(root: &Path, findings: &[Finding], scan_started: SystemTime, rules: &[String]) -> Vec<FilePlan> {
    let mut by_file: std::collections::BTreeMap<&str, Vec<&Finding>> = std::collections::BTreeMap::new();
    for f in findings.iter().filter(|f| f.fix.is_some() && !f.is_obligation && &*f.evidence.file != PROJECT_PATH) {
        if rules.is_empty() || rules.iter().any(|r| r == &*f.rule_id) {
            by_file.entry(&f.evidence.file).or_default().push(f);
        }
    }
    by_file.into_iter().map(|(path, fixes)| plan_file(root, path, fixes, scan_started)).collect()
}

fn plan_file(root: &Path, path: &str, mut fixes: Vec<&Finding>, scan_started: SystemTime) -> FilePlan {
    fixes.sort_by_key(|f| (f.evidence.lines[0], f.evidence.column, f.evidence.lines[1], f.evidence.end_column));
    let mut plan = FilePlan { path: path.to_string(), applied: Vec::new(), skipped: Vec::new(), before: String::new(), after: String::new() };
    let skip_all = |plan: &mut FilePlan, skip: Skip| {
        plan.skipped = fixes.iter().map(|f| Skipped { rule_id: f.rule_id.to_string(), line: f.evidence.lines[0], skip: skip.clone() }).collect();
    };
    let text = match read_checked(root, path, scan_started) {
        Ok(t) => t,
        Err(skip) => {
            skip_all(&mut plan, skip);
            return plan;
        }
    };
    // Byte ranges, in order; each taken only if it starts at or after the last one's end.
    let mut edits: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut last: Option<(usize, &str)> = None;
    for f in fixes {
        let skipped = |skip| Skipped { rule_id: f.rule_id.to_string(), line: f.evidence.lines[0], skip };
        let e = &f.evidence;
        let range = match (offset(&text, e.lines[0], e.column), offset(&text, e.lines[1], e.end_column)) {
            (Some(start), Some(end)) if start <= end => start..end,
            _ => {
                plan.skipped.push(skipped(Skip::OutOfRange));
                continue;
            }
        };
        if let Some((end, rule)) = last
            && range.start < end
        {
            plan.skipped.push(skipped(Skip::Overlaps { with_rule: rule.to_string() }));
            continue;
        }
        last = Some((range.end.max(range.start + 1), &f.rule_id));
        let fix = f.fix.as_ref().expect("only findings with a fix are planned");
        plan.applied.push(Applied { rule_id: f.rule_id.to_string(), line: e.lines[0], description: fix.description.clone() });
        edits.push((range, &fix.replacement));
    }
    let mut after = text.clone();
    for (range, replacement) in edits.into_iter().rev() {
        after.replace_range(range, replacement);
    }
    (plan.before, plan.after) = (text, after);
    plan
}

/// The file's text, if it is a regular UTF-8 file inside `root` not modified since the scan
/// started.
fn read_checked(root: &Path, path: &str, scan_started: SystemTime) -> Result<String, Skip> {
    let unreadable = |why: &str| Skip::Unreadable { why: why.to_string() };
    let full = resolve(root, path).ok_or_else(|| unreadable("not a regular file inside the scanned directory"))?;
    let meta = std::fs::symlink_metadata(&full).map_err(|_| unreadable("cannot be read"))?;
    if !meta.file_type().is_file() {
        return Err(unreadable("not a regular file"));
    }
    if meta.modified().is_ok_and(|m| m >= scan_started) {
        return Err(Skip::ChangedSinceScan);
    }
    let bytes = std::fs::read(&full).map_err(|_| unreadable("cannot be read"))?;
    String::from_utf8(bytes).map_err(|_| unreadable("not UTF-8 text"))
}

/// `root/path` for a finding's relative path: no absolute paths, no `..`, and no symlink
/// on the way out of the root.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let rel = Path::new(path);
    if rel.is_absolute() || rel.components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
        return None;
    }
    let full = root.join(rel);
    let (root, parent) = (root.canonicalize().ok()?, full.parent()?.canonicalize().ok()?);
    parent.starts_with(&root).then_some(full)
}

/// The byte offset of 1-based `line` and `column` (in Unicode scalar values; one past the
/// line's last character is its end, before the line break).
fn offset(text: &str, line: u32, column: u32) -> Option<usize> {
    let start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line as usize - 2)?.0 + 1 };
    if line == 0 || start > text.len() {
        return None;
    }
    let rest = &text[start..];
    let line_text = rest.split('\n').next().unwrap_or("");
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let col = column.max(1) as usize - 1;
    if col == line_text.chars().count() {
        return Some(start + line_text.len());
    }
    line_text.char_indices().nth(col).map(|(i, _)| start + i)
}

/// Writes each plan's text over its file, atomically, keeping its permissions. Returns
/// the files written.
pub fn write(root: &Path, plans: &[FilePlan]) -> std::io::Result<usize> {
    let mut written = 0;
    for p in plans.iter().filter(|p| !p.applied.is_empty() && p.before != p.after) {
        let full = resolve(root, &p.path).ok_or_else(|| std::io::Error::other(format!("{}: not inside the scanned directory", p.path)))?;
        write_atomic(&full, p.after.as_bytes())?;
        written += 1;
    }
    Ok(written)
}

fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.sentra-fix-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.set_permissions(std::fs::metadata(path)?.permissions())?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sentra_model::FixSuggestion;

    fn finding(rule: &str, file: &str, (l1, c1): (u32, u32), (l2, c2): (u32, u32), replacement: &str) -> Finding {
        let json = serde_json::json!({
            "finding_id": "x", "rule_id": rule, "pack_id": "p", "severity": "high", "message": "m",
            "evidence": {"file": file, "lines": [l1, l2], "column": c1, "end_column": c2, "snippet": ""},
            "suggestion": "", "confidence": 1.0, "standard": "", "clause": "", "compliance_category": "",
            "remediation_guidance": "", "tags": [], "cwe": [], "references": [], "is_obligation": false, "fingerprint": "f",
        });
        let mut f: Finding = serde_json::from_value(json).unwrap();
        f.fix = Some(FixSuggestion { description: format!("use {replacement}"), replacement: replacement.into() });
        f
    }

    /// A scan start after every file here was written.
    fn scan_start() -> SystemTime {
        SystemTime::now() + std::time::Duration::from_secs(60)
    }

    #[test]
    fn fixes_apply_by_character_column_and_overlaps_wait_for_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.py"), "x = md5(b)  # é\ny = md5(c)\n").unwrap();
        let findings = [
            finding("R-HASH", "a.py", (1, 5), (1, 8), "sha256"),
            finding("R-WIDE", "a.py", (1, 1), (1, 11), "x = 1"),
            finding("R-HASH", "a.py", (2, 5), (2, 8), "sha256"),
            finding("R-TAIL", "a.py", (1, 15), (1, 16), "e"),
        ];
        let plans = plan(dir.path(), &findings, scan_start(), &[]);
        let p = &plans[0];
        // The wider fix starts first: it is taken, the one inside it waits.
        assert_eq!(p.after, "x = 1  # e\ny = sha256(c)\n");
        assert_eq!(p.skipped, vec![Skipped { rule_id: "R-HASH".into(), line: 1, skip: Skip::Overlaps { with_rule: "R-WIDE".into() } }]);
        assert!(p.diff().contains("-x = md5(b)  # é\n-y = md5(c)\n+x = 1  # e\n+y = sha256(c)\n"), "{}", p.diff());
        assert_eq!(write(dir.path(), &plans).unwrap(), 1);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.py")).unwrap(), p.after);
        // Only the rules asked for.
        std::fs::write(dir.path().join("a.py"), "x = md5(b)  # é\ny = md5(c)\n").unwrap();
        let only = plan(dir.path(), &findings, scan_start(), &["R-TAIL".into()]);
        assert_eq!(only[0].after, "x = md5(b)  # e\ny = md5(c)\n");
    }

    #[test]
    fn changed_outside_and_out_of_range_files_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.py"), "short\n").unwrap();
        let findings = [finding("R", "a.py", (3, 1), (3, 2), "z"), finding("R", "../etc/passwd", (1, 1), (1, 2), "z")];
        let plans = plan(dir.path(), &findings, scan_start(), &[]);
        assert_eq!(plans[1].skipped[0].skip, Skip::OutOfRange);
        assert!(matches!(plans[0].skipped[0].skip, Skip::Unreadable { .. }), "{:?}", plans[0]);
        let long_ago = SystemTime::UNIX_EPOCH;
        let changed = plan(dir.path(), &findings[..1], long_ago, &[]);
        assert_eq!(changed[0].skipped[0].skip, Skip::ChangedSinceScan);
        assert_eq!(write(dir.path(), &changed).unwrap(), 0);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.py")).unwrap(), "short\n");
    }
}
