//! Code patterns: the short form of sources, sinks, sanitizers and propagators.
//!
//! - `request.args.get(...)`: a call whose callee is that dotted path;
//! - `$R.getParameter(...)`: `$NAME` at the front stands for any receiver;
//! - `$R.getWriter().print($SINK)`: a call in the receiver is written with `()`;
//! - `cursor.execute($SINK, ...)`: `$SINK` marks the argument that is the sink (without
//!   it, every argument is); `$_` is any one argument, `...` any number;
//! - `subprocess.run(..., shell=True)`: a keyword argument that must be present as written;
//! - `new File($SINK)` / `new java.io.File(...)`: a constructor call, by type name;
//! - `request.args`, `$_GET`: an expression (member path or name) without a call.
//!
//! The callee is compared as written and, for Python and Java, with its first name
//! resolved through the file's imports (`from os import system` makes `system(x)` match
//! `os.system(...)`).

use crate::TaintError;

/// Longest code pattern, in bytes.
pub const MAX_PATTERN_BYTES: usize = 1_024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// `$SINK`: this argument is the sink.
    Sink,
    /// `$_` or any other metavariable: one argument, whatever it is.
    Any,
    /// `...`: any number of arguments.
    Rest,
    /// `name=value`: a keyword argument present with this value text.
    Keyword(String, String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodePattern {
    /// Dotted segments (a call segment keeps its `()`); a leading `$X` is dropped and
    /// `any_receiver` set.
    pub segments: Vec<String>,
    pub any_receiver: bool,
    pub constructor: bool,
    /// `None`: not a call (an expression pattern).
    pub args: Option<Vec<Arg>>,
}

impl CodePattern {
    pub fn parse(text: &str) -> Result<Self, TaintError> {
        let bad = |why: &str| TaintError::Pattern(format!("`{}`: {why}", text.chars().take(80).collect::<String>()));
        if text.len() > MAX_PATTERN_BYTES {
            return Err(bad(&format!("longer than {MAX_PATTERN_BYTES} bytes")));
        }
        // PHP's `->` and `::` read as `.`.
        let normalized = text.trim().replace("->", ".").replace("::", ".");
        let mut t = normalized.as_str();
        let constructor = t.starts_with("new ");
        if constructor {
            t = t[4..].trim_start();
        }
        let (callee, args) = if t.ends_with(')') {
            let open = matching_open(t).ok_or_else(|| bad("unbalanced parentheses"))?;
            (&t[..open], Some(parse_args(&t[open + 1..t.len() - 1]).map_err(|w| bad(&w))?))
        } else {
            (t, None)
        };
        let mut segments: Vec<String> = split_dots(callee).into_iter().map(|s| s.replace(' ', "")).collect();
        let word = |s: &str| {
            let s = s.strip_suffix("()").unwrap_or(s);
            !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '\\' | '-' | '>'))
        };
        if !segments.iter().all(|s| word(s)) {
            return Err(bad("expected a dotted name such as `request.args.get(...)`"));
        }
        let any_receiver = segments.len() > 1 && segments[0].starts_with('$') && segments[0] != "$_GET" && !is_php_superglobal(&segments[0]);
        if any_receiver {
            segments.remove(0);
        }
        if segments.iter().any(|s| s.starts_with('$') && !is_php_superglobal(s) && !s.starts_with("$this")) && segments.len() > 1 {
            return Err(bad("a metavariable may only stand for the receiver, at the front"));
        }
        if constructor && args.is_none() {
            return Err(bad("`new` needs an argument list"));
        }
        Ok(Self { segments, any_receiver, constructor, args })
    }

    /// The argument positions that are sinks, for a call with `n` positional arguments;
    /// `None` when the pattern marks none (every argument is).
    pub fn sink_positions(&self) -> Option<Vec<usize>> {
        let args = self.args.as_ref()?;
        let marked: Vec<usize> = args.iter().enumerate().filter(|(_, a)| **a == Arg::Sink).map(|(i, _)| i).collect();
        (!marked.is_empty()).then_some(marked)
    }

    /// Whether a callee path matches (`written` as in the code, segments split on `.`).
    pub fn matches_path<S: AsRef<str>>(&self, path: &[S]) -> bool {
        let n = self.segments.len();
        let ends_with = || path.len() >= n && path[path.len() - n..].iter().zip(&self.segments).all(|(a, b)| a.as_ref() == b);
        if self.any_receiver { path.len() > n && ends_with() } else { (path.len() == n && ends_with()) || (self.constructor && ends_with()) }
    }

    /// Whether the arguments fit: positional constraints up to the first `...`, and
    /// every keyword argument present. `positional` counts positional arguments;
    /// `keywords` are (name, value text) pairs.
    pub fn matches_args(&self, positional: usize, keywords: &[(String, String)]) -> bool {
        let Some(args) = &self.args else { return true };
        let mut needed = 0;
        let mut open_ended = false;
        for a in args {
            match a {
                Arg::Sink | Arg::Any if !open_ended => needed += 1,
                Arg::Rest => open_ended = true,
                Arg::Keyword(k, v) if !keywords.iter().any(|(n, t)| n == k && t == v) => return false,
                _ => {}
            }
        }
        let fixed = args.iter().all(|a| !matches!(a, Arg::Rest));
        if fixed { positional == needed } else { positional >= needed }
    }
}

fn is_php_superglobal(s: &str) -> bool {
    matches!(s, "$_GET" | "$_POST" | "$_REQUEST" | "$_COOKIE" | "$_SERVER" | "$_FILES" | "$_ENV" | "$_SESSION")
}

fn matching_open(t: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits on dots outside parentheses.
fn split_dots(s: &str) -> Vec<&str> {
    let (mut depth, mut start, mut out) = (0i32, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' if depth == 0 => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[start..].trim());
    out
}

fn parse_args(inner: &str) -> Result<Vec<Arg>, String> {
    let inner = inner.trim();
    if inner.is_empty() {
        return Ok(Vec::new());
    }
    inner
        .split(',')
        .map(|a| {
            let a = a.trim();
            Ok(match a {
                "$SINK" => Arg::Sink,
                "..." => Arg::Rest,
                a if a.starts_with('$') && a[1..].chars().all(|c| c == '_' || c.is_ascii_alphanumeric()) => Arg::Any,
                a => match a.split_once('=') {
                    Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => Arg::Keyword(k.trim().into(), v.trim().into()),
                    _ => return Err(format!("argument `{a}` is not `$SINK`, `$_`, `...` or `name=value`")),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_parse() {
        let p = CodePattern::parse("$R.getWriter().print($SINK)").unwrap();
        assert!(p.any_receiver);
        assert_eq!(p.segments, ["getWriter()", "print"]);
        assert_eq!(p.sink_positions(), Some(vec![0]));
        let p = CodePattern::parse("subprocess.run(..., shell=True)").unwrap();
        assert!(p.matches_args(1, &[("shell".into(), "True".into())]));
        assert!(!p.matches_args(1, &[]));
        let p = CodePattern::parse("new java.io.File(...)").unwrap();
        assert!(p.constructor && p.matches_path(&["java", "io", "File"]));
        assert!(CodePattern::parse("a.(b").is_err());
        assert!(CodePattern::parse("f(x y)").is_err());
        assert_eq!(CodePattern::parse("$_GET").unwrap().segments, ["$_GET"]);
    }
}
