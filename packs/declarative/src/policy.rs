//! `file_policy` checks: whole-file properties, reported at line 1 (imports at their
//! own line). Language-specific checks recognise the language from the extension and
//! leave other files alone.

use sentra_pack_format::FilePolicy;
use sentra_sdk::{File, Findings};

use crate::python;

fn extension(path: &str) -> String {
    path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase()
}

pub fn check(policy: &FilePolicy, file: &File<'_>, has_pattern: impl FnOnce(&mut Findings) -> Option<bool>, out: &mut Findings) {
    let text = file.text();
    match policy {
        FilePolicy::MaxLines { max_lines } => {
            if text.lines().count() > *max_lines as usize {
                out.report_line(1);
            }
        }
        FilePolicy::StartsWithDocstring => {
            if !text.trim().is_empty() && !starts_with_doc(&extension(file.path), &text) {
                out.report_line(1);
            }
        }
        FilePolicy::MustContainPattern { .. } => {
            if has_pattern(out) == Some(false) {
                out.report_line(1);
            }
        }
        FilePolicy::MustNotImport { forbidden_modules } => {
            let ext = extension(file.path);
            for (line, module) in imports(&ext, &text) {
                let sep = if ext == "py" { '.' } else { '/' };
                let forbidden = forbidden_modules.iter().any(|f| module == *f || module.strip_prefix(f.as_str()).is_some_and(|rest| rest.starts_with(sep)));
                if forbidden {
                    out.report_line(line);
                }
            }
        }
        FilePolicy::MaxFunctionCount { max_functions } => {
            if let Some(count) = function_count(&extension(file.path), &text)
                && count > *max_functions as usize
            {
                out.report_line(1);
            }
        }
    }
}

/// Python: the first statement is a string literal (a module docstring), after blank
/// lines, comments, a shebang and an encoding line. Other languages: the file opens
/// with a comment.
fn starts_with_doc(ext: &str, text: &str) -> bool {
    let first = text.lines().map(str::trim).find(|l| !(l.is_empty() || (ext == "py" && l.starts_with('#'))));
    let Some(first) = first else { return true };
    if ext == "py" {
        let body = first.trim_start_matches(|c: char| "rRuUbBfF".contains(c));
        return body.starts_with('"') || body.starts_with('\'');
    }
    ["/*", "//", "#", "<!--", "--", "\"\"\"", ";"].iter().any(|p| first.starts_with(p))
}

/// `(line, module)` for every import in a Python or JavaScript/TypeScript file.
fn imports(ext: &str, text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let n = i as u32 + 1;
        match ext {
            "py" | "pyi" => {
                if let Some(rest) = line.strip_prefix("import ") {
                    for part in rest.split('#').next().unwrap_or("").split(',') {
                        if let Some(m) = part.split_whitespace().next() {
                            out.push((n, m.to_string()));
                        }
                    }
                } else if let Some(rest) = line.strip_prefix("from ")
                    && let Some((module, _)) = rest.split_once(" import")
                {
                    out.push((n, module.trim().to_string()));
                }
            }
            "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" => {
                for quoted in js_module_specifiers(line) {
                    out.push((n, quoted));
                }
            }
            _ => {}
        }
    }
    out
}

/// Module names in `import ... from 'm'`, `import 'm'`, `require('m')`, `import('m')`.
fn js_module_specifiers(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let quoted_after = |s: &str| -> Option<String> {
        let s = s.trim_start();
        let q = s.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
        let rest = &s[1..];
        rest.find(q).map(|end| rest[..end].to_string())
    };
    if line.starts_with("import ") || line.starts_with("export ") {
        if let Some(idx) = line.rfind(" from ") {
            out.extend(quoted_after(&line[idx + 6..]));
        } else if let Some(rest) = line.strip_prefix("import ") {
            out.extend(quoted_after(rest));
        }
    }
    for call in ["require(", "import("] {
        let mut rest = line;
        while let Some(idx) = rest.find(call) {
            rest = &rest[idx + call.len()..];
            out.extend(quoted_after(rest));
        }
    }
    out
}

/// Function definitions in a file, for the languages with a recognisable keyword;
/// `None` for other files. Python uses the parser when the file parses.
fn function_count(ext: &str, text: &str) -> Option<usize> {
    if ext == "py"
        && let Some(n) = python::function_count(text)
    {
        return Some(n);
    }
    let starts = |l: &str, kws: &[&str]| kws.iter().any(|k| l.starts_with(k));
    let count = |pred: &dyn Fn(&str) -> bool| text.lines().map(str::trim_start).filter(|l| pred(l)).count();
    Some(match ext {
        "py" | "rb" => count(&|l| starts(l, &["def ", "async def "])),
        "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" | "php" => {
            count(&|l| l.contains("function ") || l.contains("function(") || l.contains("=> {") || l.contains("=>{"))
        }
        "rs" => count(&|l| {
            let l = l.trim_start_matches("pub ").trim_start_matches("pub(crate) ");
            starts(l, &["fn ", "async fn ", "const fn ", "unsafe fn "])
        }),
        "go" => count(&|l| l.starts_with("func ")),
        "kt" | "kts" => count(&|l| l.contains("fun ")),
        "swift" => count(&|l| l.contains("func ")),
        _ => return None,
    })
}
