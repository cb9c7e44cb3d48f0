//! semgrep-style fixture annotations: a comment `ruleid: RULE-ID` marks a line that must
//! fire (the next line, or its own line when the comment ends a line of code), and
//! `ok: RULE-ID` a line that must not.

use std::path::Path;

const MARKERS: [&str; 4] = ["#", "//", "--", "<!--"];

/// Every annotation that the findings contradict, as readable lines.
pub fn check(root: &Path, findings: &[(String, u64, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            for (i, line) in text.lines().enumerate() {
                for (kind, must_fire) in [("ruleid:", true), ("ok:", false)] {
                    let Some(pos) = line.find(kind) else { continue };
                    let before = &line[..pos];
                    let Some((marker, mlen)) = MARKERS.iter().filter_map(|m| before.rfind(m).map(|p| (p, m.len()))).max() else {
                        continue;
                    };
                    if !before[marker + mlen..].trim().is_empty() {
                        continue;
                    }
                    let rule = line[pos + kind.len()..].trim().trim_end_matches("-->").trim();
                    let own_line = !line[..marker].trim().is_empty();
                    let target = if own_line { i + 1 } else { i + 2 } as u64;
                    let fired = findings.iter().any(|(f, l, r)| f == &rel && *l == target && r == rule);
                    if fired != must_fire {
                        problems.push(format!(
                            "{rel}:{target}: {rule} {}",
                            if must_fire { "expected a finding, got none" } else { "fired on an `ok:` line" }
                        ));
                    }
                }
            }
        }
    }
    problems.sort();
    problems
}
