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
    /// Its region is not in the file's text, or the text there is not what the scan read.
    OutOfRange,
    /// The file changed after the scan started.
    ChangedSinceScan,
    /// The file's fixes would add more than [`MAX_REPLACEMENT_BYTES`].
    TooLarge,
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
        // A deadline: past it the diff is coarser, never wrong (and never unbounded).
        similar::TextDiff::configure()
            .timeout(std::time::Duration::from_secs(5))
            .diff_lines(&self.before, &self.after)
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
    let skipped = |f: &Finding, skip| Skipped { rule_id: f.rule_id.to_string(), line: f.evidence.lines[0], skip };
    let text = match read_checked(root, path, scan_started) {
        Ok(t) => t,
        Err(skip) => {
            plan.skipped = fixes.iter().map(|f| skipped(f, skip.clone())).collect();
            return plan;
        }
    };
    let lines = Lines::of(&text);
    // Byte ranges, in order; each taken only if it starts at or after the last one's end.
    let mut edits: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut last: Option<(usize, &str)> = None;
    let mut added = 0usize;
    for f in fixes {
        let (e, fix) = (&f.evidence, f.fix.as_ref().expect("only findings with a fix are planned"));
        let range = match (lines.offset(&text, e.lines[0], e.column), lines.offset(&text, e.lines[1], e.end_column)) {
            (Some(start), Some(end)) if start <= end && lines.snippet_holds(&text, e.lines[0], e.lines[1], &e.snippet) => start..end,
            _ => {
                plan.skipped.push(skipped(f, Skip::OutOfRange));
                continue;
            }
        };
        if let Some((end, rule)) = last
            && range.start < end
        {
            plan.skipped.push(skipped(f, Skip::Overlaps { with_rule: rule.to_string() }));
            continue;
        }
        // A pack's replacements are its output: bounded per file like the rest of it.
        added += fix.replacement.len();
        if added > MAX_REPLACEMENT_BYTES {
            plan.skipped.push(skipped(f, Skip::TooLarge));
            continue;
        }
        last = Some((range.end.max(range.start + 1), &f.rule_id));
        plan.applied.push(Applied { rule_id: f.rule_id.to_string(), line: e.lines[0], description: fix.description.clone() });
        edits.push((range, &fix.replacement));
    }
    let mut after = String::with_capacity(text.len() + added);
    let mut at = 0;
    for (range, replacement) in edits {
        after.push_str(&text[at..range.start]);
        after.push_str(replacement);
        at = range.end;
    }
    after.push_str(&text[at..]);
    (plan.before, plan.after) = (text, after);
    plan
}

/// Most bytes of replacement text taken into one file.
pub const MAX_REPLACEMENT_BYTES: usize = 1 << 20;

/// Where each line of a text starts (1-based lines: `starts[0]` is line 1).
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn of(text: &str) -> Self {
        Self { starts: std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    /// Line `line` without its line break (and a `\r` before it).
    fn line<'t>(&self, text: &'t str, line: u32) -> Option<&'t str> {
        let start = *self.starts.get((line as usize).checked_sub(1)?)?;
        let end = self.starts.get(line as usize).map_or(text.len(), |next| next - 1);
        let l = &text[start..end.max(start)];
        Some(l.strip_suffix('\r').unwrap_or(l))
    }

    /// The byte offset of 1-based `line` and `column` (in Unicode scalar values; one past
    /// the line's last character is its end, before the line break).
    fn offset(&self, text: &str, line: u32, column: u32) -> Option<usize> {
        let start = *self.starts.get((line as usize).checked_sub(1)?)?;
        let l = self.line(text, line)?;
        let col = column.max(1) as usize - 1;
        if col == l.chars().count() {
            return Some(start + l.len());
        }
        l.char_indices().nth(col).map(|(i, _)| start + i)
    }

    /// Whether the lines `line..=end_line` are what the finding's snippet shows (its first
    /// lines, cut where the scan cut it): the file is the text the scan read there.
    fn snippet_holds(&self, text: &str, line: u32, end_line: u32, snippet: &str) -> bool {
        let last = end_line.min(line + SNIPPET_LINES - 1).max(line);
        let mut now = String::new();
        for l in line..=last {
            if l > line {
                now.push('\n');
            }
            now.push_str(self.line(text, l).unwrap_or(""));
        }
        let snippet = snippet.replace('\r', "");
        match snippet.strip_suffix('…') {
            Some(cut) if !now.ends_with('…') => now.starts_with(cut),
            _ => now == snippet,
        }
    }
}

/// Lines a finding's snippet holds at most (the engine's `MAX_SNIPPET_LINES`).
const SNIPPET_LINES: u32 = 5;

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
    // The canonical directory: what was checked is what is read and written.
    let name = full.file_name()?;
    parent.starts_with(&root).then(|| parent.join(name))
}

/// A file `write` could not write, and why.
#[derive(Debug)]
pub struct WriteFailure {
    pub path: String,
    pub error: std::io::Error,
}

/// Writes each plan's text over its file, atomically, keeping its permissions. A file that
/// cannot be written is reported and the others are still written. Returns how many were.
pub fn write(root: &Path, plans: &[FilePlan]) -> (usize, Vec<WriteFailure>) {
    let (mut written, mut failed) = (0, Vec::new());
    for p in plans.iter().filter(|p| !p.applied.is_empty() && p.before != p.after) {
        let result = match resolve(root, &p.path) {
            Some(full) => write_atomic(&full, p.after.as_bytes()),
            None => Err(std::io::Error::other("not a regular file inside the scanned directory")),
        };
        match result {
            Ok(()) => written += 1,
            Err(error) => failed.push(WriteFailure { path: p.path.clone(), error }),
        }
    }
    (written, failed)
}

/// `bytes` over `path` through a new temporary file beside it (a name no one can have
/// planted: created with `create_new`, removed only if this call created it).
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let nonce = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(".{name}.sentra-fix-{}-{nonce:08x}", std::process::id()));
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
    let result = (|| {
        f.set_permissions(std::fs::symlink_metadata(path)?.permissions())?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use sentra_model::FixSuggestion;

    /// A finding of `rule` in `file` (whose text is `text`) with a fix.
    fn finding(text: &str, rule: &str, file: &str, (l1, c1): (u32, u32), (l2, c2): (u32, u32), replacement: &str) -> Finding {
        let snippet: Vec<&str> = text.lines().skip(l1 as usize - 1).take((l2 - l1 + 1) as usize).collect();
        let json = serde_json::json!({
            "finding_id": "x", "rule_id": rule, "pack_id": "p", "severity": "high", "message": "m",
            "evidence": {"file": file, "lines": [l1, l2], "column": c1, "end_column": c2, "snippet": snippet.join("\n")},
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
        let text = "x = md5(b)  # é\ny = md5(c)\n";
        std::fs::write(dir.path().join("a.py"), text).unwrap();
        let findings = [
            finding(text, "R-HASH", "a.py", (1, 5), (1, 8), "sha256"),
            finding(text, "R-WIDE", "a.py", (1, 1), (1, 11), "x = 1"),
            finding(text, "R-HASH", "a.py", (2, 5), (2, 8), "sha256"),
            finding(text, "R-TAIL", "a.py", (1, 15), (1, 16), "e"),
        ];
        let plans = plan(dir.path(), &findings, scan_start(), &[]);
        let p = &plans[0];
        // The wider fix starts first: it is taken, the one inside it waits.
        assert_eq!(p.after, "x = 1  # e\ny = sha256(c)\n");
        assert_eq!(p.skipped, vec![Skipped { rule_id: "R-HASH".into(), line: 1, skip: Skip::Overlaps { with_rule: "R-WIDE".into() } }]);
        assert!(p.diff().contains("-x = md5(b)  # é\n-y = md5(c)\n+x = 1  # e\n+y = sha256(c)\n"), "{}", p.diff());
        assert_eq!(write(dir.path(), &plans).0, 1);
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
        let long = "a\nb\nc\n";
        let findings = [finding(long, "R", "a.py", (3, 1), (3, 2), "z"), finding(long, "R", "../etc/passwd", (1, 1), (1, 2), "z")];
        let plans = plan(dir.path(), &findings, scan_start(), &[]);
        assert_eq!(plans[1].skipped[0].skip, Skip::OutOfRange);
        assert!(matches!(plans[0].skipped[0].skip, Skip::Unreadable { .. }), "{:?}", plans[0]);
        let long_ago = SystemTime::UNIX_EPOCH;
        let changed = plan(dir.path(), &findings[..1], long_ago, &[]);
        assert_eq!(changed[0].skipped[0].skip, Skip::ChangedSinceScan);
        assert_eq!(write(dir.path(), &changed).0, 0);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.py")).unwrap(), "short\n");
        // The right line number, other text there (the file was edited, its time kept).
        std::fs::write(dir.path().join("b.py"), "x = sha1(b)\n").unwrap();
        let stale = finding("x = md5(b)\n", "R", "b.py", (1, 5), (1, 8), "sha256");
        let plans = plan(dir.path(), &[stale], scan_start(), &[]);
        assert_eq!(plans[0].skipped[0].skip, Skip::OutOfRange);
        assert_eq!(plans[0].after, plans[0].before);
    }

    #[test]
    fn replacements_are_bounded_per_file() {
        let dir = tempfile::tempdir().unwrap();
        let text = "a\n".repeat(3);
        std::fs::write(dir.path().join("big.py"), &text).unwrap();
        let huge = "x".repeat(MAX_REPLACEMENT_BYTES / 2 + 1);
        let findings: Vec<Finding> = (1..=3).map(|l| finding(&text, "R", "big.py", (l, 1), (l, 2), &huge)).collect();
        let plans = plan(dir.path(), &findings, scan_start(), &[]);
        assert_eq!((plans[0].applied.len(), plans[0].skipped.len()), (1, 2));
        assert!(plans[0].skipped.iter().all(|s| s.skip == Skip::TooLarge));
    }
}
