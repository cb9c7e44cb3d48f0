//! Native regex matching: the capability the host offers packs (and the baseline the
//! benchmark compares them against).
//!
//! Each pattern goes to the cheapest engine that accepts it: the linear-time `regex` crate,
//! or, for look-around and backreferences, PCRE2 with a match limit (a budget on the
//! total backtracking work of one search, look-around included) so a hostile pattern
//! errors out in milliseconds instead of stalling a scan. Patterns run over the whole file
//! with the engines' defaults (`^`/`$` anchor at file boundaries unless the pattern sets
//! `(?m)`), and positions are reported as 1-based lines and Unicode-scalar columns.

use std::sync::{Arc, OnceLock};

mod linear;
pub mod literals;
mod shared;

use linear::Linear;
use shared::Pattern;
pub use shared::{FileMatches, PatternPool};

/// Compiled-program size budget per pattern (bytes), so one pack cannot blow up memory.
pub const DEFAULT_REGEX_SIZE_LIMIT: usize = 4 << 20;
/// Lazy-DFA cache budget per pattern (bytes).
pub const DEFAULT_DFA_SIZE_LIMIT: usize = 4 << 20;
/// Backtracking work allowed per search for patterns that need the backtracking engine
/// (PCRE2's match limit: calls of its internal match function, look-around included).
pub const DEFAULT_BACKTRACK_LIMIT: usize = 1_000_000;
/// Longest accepted pattern, in bytes.
pub const DEFAULT_MAX_PATTERN_LEN: usize = 2_000;
/// Matches returned by one `find_all` call before the rest are dropped.
pub const DEFAULT_MAX_MATCHES: usize = 10_000;

/// Nesting depth allowed to the backtracking engine per search (PCRE2's depth limit).
pub const DEFAULT_BACKTRACK_DEPTH_LIMIT: usize = 10_000;

/// Budgets applied when compiling and running patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MatchLimits {
    pub size_limit: usize,
    pub dfa_size_limit: usize,
    pub backtrack_limit: usize,
    pub max_pattern_len: usize,
    pub max_matches: usize,
}

impl Default for MatchLimits {
    fn default() -> Self {
        Self {
            size_limit: DEFAULT_REGEX_SIZE_LIMIT,
            dfa_size_limit: DEFAULT_DFA_SIZE_LIMIT,
            backtrack_limit: DEFAULT_BACKTRACK_LIMIT,
            max_pattern_len: DEFAULT_MAX_PATTERN_LEN,
            max_matches: DEFAULT_MAX_MATCHES,
        }
    }
}

#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum MatchError {
    #[error("pattern {index}: {message}")]
    Compile { index: usize, message: String },
    #[error("pattern {index}: {message}")]
    Search { index: usize, message: String },
    #[error("pattern {index} does not exist (the set has {len})")]
    NoSuchPattern { index: usize, len: usize },
}

impl MatchError {
    /// The same error about the pattern at `index` of another set.
    fn at(&self, index: usize) -> Self {
        let mut e = self.clone();
        match &mut e {
            MatchError::Compile { index: i, .. } | MatchError::Search { index: i, .. } | MatchError::NoSuchPattern { index: i, .. } => *i = index,
        }
        e
    }

    /// Index of the pattern the error is about.
    pub fn pattern(&self) -> usize {
        match self {
            MatchError::Compile { index, .. } | MatchError::Search { index, .. } | MatchError::NoSuchPattern { index, .. } => *index,
        }
    }
}

#[derive(Debug)]
enum Engine {
    Linear(Linear),
    Backtracking(pcre2::bytes::Regex),
}

/// A compiled, immutable list of patterns.
#[derive(Debug)]
pub struct PatternSet {
    patterns: Vec<Arc<Pattern>>,
    limits: MatchLimits,
}

/// One match; positions are 1-based, columns count Unicode scalar values, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub pattern: u32,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl PatternSet {
    /// Compiles every pattern; the first failure names its index.
    pub fn compile<S: AsRef<str>>(patterns: &[S], limits: MatchLimits) -> Result<Self, MatchError> {
        let compiled =
            patterns.iter().enumerate().map(|(index, p)| Ok(Arc::new(Pattern::compiled(compile_one(index, p.as_ref(), &limits, true)?, p.as_ref().len()))));
        Ok(Self { patterns: compiled.collect::<Result<_, MatchError>>()?, limits })
    }

    /// Like [`PatternSet::compile`], but a pattern the linear engine parses is compiled on
    /// its first search: a pack's patterns cost nothing until a file needs them, which is
    /// most of the start-up of a scan with every pack. Errors only a compiled program shows
    /// (past `size_limit`) come from that search instead; patterns that need the
    /// backtracking engine, or do not parse, are compiled (or refused) now. A pattern the
    /// `pool` already holds under the same limits is shared with the sets holding it, and
    /// so are its matches on a file ([`PatternSet::find_all_until`]).
    pub fn compile_lazy<S: AsRef<str>>(patterns: &[S], limits: MatchLimits, pool: &PatternPool) -> Result<Self, MatchError> {
        let mut parser = regex_syntax::ParserBuilder::new();
        parser.utf8(false);
        let make = |index: usize, p: &str| {
            if p.len() <= limits.max_pattern_len && parser.build().parse(p).is_ok() {
                Ok(Pattern::deferred(p))
            } else {
                Ok(Pattern::compiled(compile_one(index, p, &limits, true)?, p.len()))
            }
        };
        let shared = patterns.iter().map(AsRef::as_ref).enumerate().map(|(index, p)| pool.get_or_insert(p, limits, || make(index, p)));
        Ok(Self { patterns: shared.collect::<Result<_, _>>()?, limits })
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// An estimate of the memory the compiled set holds, for caches that keep to a byte
    /// budget: a fixed cost per pattern plus a cost per pattern byte (compiled programs
    /// grow with the pattern; each is capped by `size_limit` anyway), plus each linear
    /// pattern's lazy-DFA cache at its cap (it grows up to that while searching).
    pub fn approx_bytes(&self) -> usize {
        self.patterns
            .iter()
            .map(|p| {
                let program = (4 << 10) + 256 * p.len;
                // Not compiled yet: counted as linear, its cache at the cap (an ASCII form's
                // cache is counted in it: without Unicode classes it stays far smaller).
                let cache = if matches!(p.compiled.get(), Some(Ok(Engine::Backtracking(_)))) { 0 } else { self.limits.dfa_size_limit / 4 };
                program.min(self.limits.size_limit) + cache
            })
            .sum()
    }

    /// Whether pattern `index` needed the backtracking engine.
    pub fn is_backtracking(&self, index: usize) -> bool {
        matches!(self.get(index), Ok(Engine::Backtracking(_)))
    }

    fn get(&self, index: usize) -> Result<&Engine, MatchError> {
        let pattern = self.patterns.get(index).ok_or(MatchError::NoSuchPattern { index, len: self.patterns.len() })?;
        pattern.engine(index, &self.limits)
    }

    /// Appends every non-overlapping match of each pattern in `which` to `out`, pattern by
    /// pattern, in offset order. Stops quietly once `out` holds `max_matches`. A pattern
    /// that fails (unknown index, backtracking limit) contributes no matches and one entry
    /// in `errors`; the other patterns still run, so one bad rule never hides the others.
    pub fn find_all(&self, text: &Text<'_>, which: &[u32], out: &mut Vec<Match>, errors: &mut Vec<MatchError>) {
        let _ = self.find_all_until(text, which, out, errors, &mut || false, None);
    }

    /// [`PatternSet::find_all`] that asks `stop` before each pattern and after each match
    /// (one search of a pathological pattern can take milliseconds on a large file, and a
    /// list can name many patterns), so the caller's deadline bounds the whole call. Returns
    /// `Err(Stopped)` when `stop` said so; what was found until then stays in `out`.
    ///
    /// With a `memo`, the matches of a pattern other sets share come from it when another
    /// set already searched this file for it, and are left there otherwise: built-in packs
    /// map one detection to many frameworks, so the same pattern runs for several packs on
    /// each file.
    pub fn find_all_until(
        &self,
        text: &Text<'_>,
        which: &[u32],
        out: &mut Vec<Match>,
        errors: &mut Vec<MatchError>,
        stop: &mut dyn FnMut() -> bool,
        memo: Option<&FileMatches>,
    ) -> Result<(), Stopped> {
        for &p in which {
            if stop() {
                return Err(Stopped);
            }
            let before = out.len();
            // Only linear patterns: a backtracking search can fail part-way, and whether a
            // caller saw that failure depended on how much room its call had left.
            let shared =
                self.patterns.get(p as usize).filter(|pattern| Arc::strong_count(pattern) > 1 && matches!(self.get(p as usize), Ok(Engine::Linear(_))));
            let found = match (memo, shared) {
                (Some(memo), Some(pattern)) => self.find_memo(text, p, pattern, out, stop, memo),
                _ => self.find_one(text, p, out, stop),
            };
            match found {
                Ok(()) => {}
                Err(Found::Stopped) => return Err(Stopped),
                Err(Found::Error(e)) => {
                    out.truncate(before);
                    errors.push(e);
                }
            }
        }
        Ok(())
    }

    /// One shared pattern's matches: from `memo`, or searched alone and left there.
    fn find_memo(
        &self,
        text: &Text<'_>,
        p: u32,
        pattern: &Arc<Pattern>,
        out: &mut Vec<Match>,
        stop: &mut dyn FnMut() -> bool,
        memo: &FileMatches,
    ) -> Result<(), Found> {
        let found = match memo.get(pattern) {
            Some(found) => found,
            None => {
                let mut own = Vec::new();
                let found = match self.find_one(text, p, &mut own, stop) {
                    Ok(()) => Ok(own),
                    Err(Found::Error(e)) => Err(e),
                    Err(Found::Stopped) => {
                        out.extend(own.into_iter().take(self.limits.max_matches.saturating_sub(out.len())));
                        return Err(Found::Stopped);
                    }
                };
                memo.put(pattern, found)
            }
        };
        match &*found {
            Ok(matches) => {
                let room = self.limits.max_matches.saturating_sub(out.len());
                out.extend(matches.iter().take(room).map(|m| Match { pattern: p, ..*m }));
                Ok(())
            }
            Err(e) => Err(Found::Error(e.at(p as usize))),
        }
    }

    fn find_one(&self, text: &Text<'_>, p: u32, out: &mut Vec<Match>, stop: &mut dyn FnMut() -> bool) -> Result<(), Found> {
        let index = p as usize;
        match self.get(index)? {
            Engine::Linear(re) => {
                let plan = re.plan(text).map_err(|e| MatchError::Compile { index, message: e.to_string() })?;
                for (offset, hay, re) in plan {
                    for m in re.find_iter(hay) {
                        if out.len() >= self.limits.max_matches {
                            return Ok(());
                        }
                        out.push(text.locate(p, offset + m.start(), offset + m.end()));
                        if stop() {
                            return Err(Found::Stopped);
                        }
                    }
                }
            }
            Engine::Backtracking(re) => {
                let s = text.as_str();
                for m in re.find_iter(s.as_bytes()) {
                    let m = m.map_err(|e| MatchError::Search { index, message: describe_pcre2_error(&e) })?;
                    if out.len() >= self.limits.max_matches {
                        return Ok(());
                    }
                    out.push(text.locate(p, m.start(), m.end()));
                    if stop() {
                        return Err(Found::Stopped);
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether pattern `index` matches anywhere in `text`.
    pub fn is_match(&self, text: &Text<'_>, index: u32) -> Result<bool, MatchError> {
        match self.get(index as usize)? {
            Engine::Linear(re) => re.is_match(text).map_err(|e| MatchError::Compile { index: index as usize, message: e.to_string() }),
            Engine::Backtracking(re) => {
                re.is_match(text.as_str().as_bytes()).map_err(|e| MatchError::Search { index: index as usize, message: describe_pcre2_error(&e) })
            }
        }
    }
}

/// A search given up because its caller's `stop` said so (a deadline, a cancelled scan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stopped;

/// Why one pattern's search ended early.
enum Found {
    Stopped,
    Error(MatchError),
}

impl From<MatchError> for Found {
    fn from(e: MatchError) -> Self {
        Found::Error(e)
    }
}

fn describe_pcre2_error(e: &pcre2::Error) -> String {
    let message = e.to_string();
    if message.contains("limit exceeded") { format!("backtracking limit exceeded (the pattern is too expensive on this file: {message})") } else { message }
}

/// Compiles pattern `index`. Without `unicode_now`, the Unicode form of a pattern that has
/// an ASCII form waits for the first text that needs it (see [`linear`]).
fn compile_one(index: usize, pattern: &str, limits: &MatchLimits, unicode_now: bool) -> Result<Engine, MatchError> {
    if pattern.len() > limits.max_pattern_len {
        return Err(MatchError::Compile { index, message: format!("pattern is {} bytes long; the limit is {}", pattern.len(), limits.max_pattern_len) });
    }
    match Linear::new(pattern, limits, unicode_now) {
        Ok(linear) => Ok(Engine::Linear(linear)),
        // Only syntax the linear engine lacks (look-around, backreferences) goes to the
        // backtracker; a size-limit error stays an error rather than a slower fallback.
        // PCRE2 takes its limits from leading `(*LIMIT_...)` items; a pattern can only
        // lower them further, never raise them.
        Err(regex::Error::Syntax(_)) => {
            let prefix = format!("(*LIMIT_MATCH={})(*LIMIT_DEPTH={})", limits.backtrack_limit, DEFAULT_BACKTRACK_DEPTH_LIMIT);
            pcre2::bytes::RegexBuilder::new().utf(true).ucp(true).jit_if_available(true).build(&format!("{prefix}{pattern}")).map(Engine::Backtracking).map_err(
                |e| {
                    // Offsets count from the start of what PCRE2 saw; report them in the
                    // author's pattern.
                    let mut message = e.to_string();
                    if let Some(at) = e.offset() {
                        message = message.replace(&format!("at offset {at}:"), &format!("at offset {}:", at.saturating_sub(prefix.len())));
                    }
                    MatchError::Compile { index, message }
                },
            )
        }
        Err(e) => Err(MatchError::Compile { index, message: e.to_string() }),
    }
}

/// A file's bytes with a lazily built line index, shared by every pattern run on it.
#[derive(Debug)]
pub struct Text<'a> {
    bytes: &'a [u8],
    ascii: OnceLock<bool>,
    runs: OnceLock<Vec<linear::Run>>,
    line_starts: OnceLock<Vec<usize>>,
    lossy: OnceLock<std::borrow::Cow<'a, str>>,
}

impl<'a> Text<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, ascii: OnceLock::new(), runs: OnceLock::new(), line_starts: OnceLock::new(), lossy: OnceLock::new() }
    }

    /// Whether every byte is ASCII (checked once per `Text`, for the ASCII path).
    fn is_ascii(&self) -> bool {
        *self.ascii.get_or_init(|| self.bytes.is_ascii())
    }

    /// The file's lines in runs of all-ASCII and other lines (found once per `Text`).
    fn line_runs(&self) -> &[linear::Run] {
        self.runs.get_or_init(|| linear::line_runs(self.bytes))
    }

    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The text as `str` (the backtracking engine runs in UTF mode). Invalid UTF-8 is
    /// replaced, which can shift offsets for that engine on such (rare) files; the linear
    /// engine works on raw bytes. (`from_utf8` first: it checks valid text several times
    /// faster than the lossy conversion's chunk iterator, which was 3% of a scan.)
    fn as_str(&self) -> std::borrow::Cow<'_, str> {
        let lossy = || std::str::from_utf8(self.bytes).map_or_else(|_| String::from_utf8_lossy(self.bytes), std::borrow::Cow::Borrowed);
        std::borrow::Cow::Borrowed(self.lossy.get_or_init(lossy).as_ref())
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', self.bytes).map(|i| i + 1));
            starts
        })
    }

    /// 1-based line and column of byte `offset`.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.bytes.len());
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let col = self.bytes[starts[line]..offset].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        (line as u32 + 1, col as u32 + 1)
    }

    /// The line (1-based) without its terminator.
    pub fn line(&self, line: u32) -> &'a [u8] {
        let starts = self.line_starts();
        let Some(&start) = starts.get((line as usize).saturating_sub(1)) else { return &[] };
        let end = starts.get(line as usize).map_or(self.bytes.len(), |&e| e - 1);
        let l = &self.bytes[start..end.max(start)];
        l.strip_suffix(b"\r").unwrap_or(l)
    }

    /// A reported region (1-based, end exclusive) held inside the file: a start past the
    /// end moves to the last line, and an end just past a line break (a match that took
    /// the newline, or a position on the line after the last) ends on the line it closes.
    /// Evidence never names a line the file does not have.
    pub fn clamp_span(&self, line: u32, column: u32, end_line: u32, end_column: u32) -> (u32, u32, u32, u32) {
        let len = self.bytes.len();
        let ends_with_newline = self.bytes.last() == Some(&b'\n');
        let mut start = self.offset(line.max(1), column.max(1));
        if start == len && ends_with_newline {
            start = len - 1;
        }
        let mut end = self.offset(end_line.max(1), end_column.max(1)).max(start);
        if end > start && self.bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end == len && ends_with_newline && end > start {
            end = len - 1;
        }
        let (l, c) = self.position(start);
        let (el, ec) = self.position(end.max(start));
        (l, c, el.max(l), if el > l { ec } else { ec.max(c) })
    }

    /// Byte offset of a 1-based line and column (clamped to the file).
    pub fn offset(&self, line: u32, column: u32) -> usize {
        let starts = self.line_starts();
        let Some(&start) = starts.get((line as usize).saturating_sub(1)) else { return self.bytes.len() };
        let rest = &self.bytes[start..];
        let mut chars = 0u32;
        for (i, &b) in rest.iter().enumerate() {
            if (b & 0xC0) != 0x80 {
                chars += 1;
                if chars == column || b == b'\n' {
                    return start + i;
                }
            }
        }
        self.bytes.len()
    }

    fn locate(&self, pattern: u32, start: usize, end: usize) -> Match {
        let (line, column) = self.position(start);
        let (end_line, end_column) = self.position(end);
        Match { pattern, start, end, line, column, end_line, end_column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(p: &[&str]) -> PatternSet {
        PatternSet::compile(p, MatchLimits::default()).unwrap()
    }

    /// `find_all` that fails on the first pattern error, for tests that expect none.
    trait FindAll {
        fn find_all_ok(&self, t: &Text<'_>, which: &[u32], out: &mut Vec<Match>) -> Result<(), MatchError>;
    }
    impl FindAll for PatternSet {
        fn find_all_ok(&self, t: &Text<'_>, which: &[u32], out: &mut Vec<Match>) -> Result<(), MatchError> {
            let mut errors = Vec::new();
            self.find_all(t, which, out, &mut errors);
            errors.into_iter().next().map_or(Ok(()), Err)
        }
    }

    fn linear(p: &str) -> Linear {
        Linear::new(p, &MatchLimits::default(), false).unwrap()
    }

    #[test]
    fn an_ascii_form_exists_only_where_it_differs_and_can_be_built() {
        for p in [r"\bfoo\b", r"\w+\s*=", r"(?i)password", r"[^a-z]\d", r"\W"] {
            assert!(linear(p).forms().1.is_some(), "{p}");
        }
        for p in ["foo", r"a\.b[0-9]+", r"\p{L}+", "é", r"(?-u:\b)x"] {
            assert!(linear(p).forms().1.is_none(), "{p}");
        }
    }

    #[test]
    fn the_ascii_path_finds_what_the_unicode_program_finds() {
        let patterns = [
            r"\bsk_live_\w{4,}\b",
            r"(?i)\bpass(word)?\s*[:=]\s*\S+",
            r"[^\w\s]{2}",
            r"\d+(\.\d+)?",
            r"(?i)select\s.+\bfrom\b",
            r"\B_\w",
            r"(?m)^\s*#.*$",
            r".",
            r"\b",
            r"(?is)k.s",
        ];
        let texts = ["", "x = 1\n", "password: hunter2\nPASS = 'x'\nsk_live_abcd1234 sk_live_ab\n", "SELECT a FROM b\n#c\n a_b __c 1.25 ;;\n", "K\ns ks KS"];
        for p in patterns {
            let l = linear(p);
            let (unicode, ascii, _) = l.forms();
            let ascii = ascii.expect(p);
            for t in texts {
                let u: Vec<_> = unicode.find_iter(t.as_bytes()).map(|m| m.range()).collect();
                let a: Vec<_> = ascii.find_iter(t.as_bytes()).map(|m| m.range()).collect();
                assert_eq!(u, a, "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn runs_of_lines_find_what_one_unicode_search_of_the_file_finds() {
        let patterns = [
            r"\bfoo\b",
            r"\w+",
            r"\b",
            r"\B",
            r"(?m)^\w",
            r"(?m)\w$",
            r"^\w+",
            r"\w+$",
            r"x*",
            r"(?i)k\w*",
            r"\S+",
            r"[^\s]\b",
            r#"[^"]+"#,
            r".+",
            r"(?s)é.+",
            r"\w+\s*=\s*\w+",
            r"(?mR)^\w+$",
            r"\bé",
            r"(?mR)\bkey=[^\n]*$",
            r"(?mR)\w*$",
            r"\B#\w+",
            r"\b{start-half}\w+",
            r"\w+\b{end-half}",
        ];
        let texts = [
            "é\nfoo",
            "foo\né",
            "éfoo\nbar é\n\nbaz",
            "\n\né\n",
            "ké\r\nfoo=bar\r\nKfoo é\n",
            "a = b\nç = d\ne = f",
            "é",
            "x\n\u{212A}\nk",
            "key=abc\r\né\n",
            "foo\r\né\n",
        ];
        for p in patterns {
            let l = linear(p);
            let (unicode, ..) = l.forms();
            let s = set(&[p]);
            for t in texts {
                let want: Vec<_> = unicode.find_iter(t.as_bytes()).map(|m| (m.start(), m.end())).collect();
                let mut out = Vec::new();
                s.find_all_ok(&Text::new(t.as_bytes()), &[0], &mut out).unwrap();
                assert_eq!(out.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>(), want, "{p} on {t:?}");
                assert_eq!(s.is_match(&Text::new(t.as_bytes()), 0).unwrap(), !want.is_empty(), "{p} on {t:?}");
            }
        }
        // Invalid UTF-8 (a CP1252 smart quote) at a run's start: `\B` decodes backwards
        // across the line break in the whole file.
        let hay = b"x = 1\n\x93#secret\n";
        let want: Vec<_> = linear(r"\B#\w+").forms().0.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        let mut out = Vec::new();
        set(&[r"\B#\w+"]).find_all_ok(&Text::new(hay), &[0], &mut out).unwrap();
        assert_eq!(out.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>(), want);
        // The split applies only where it cannot change a match.
        assert!(linear(r"\bfoo\b").forms().2 && linear(r"\S+").forms().2);
        for p in [r"\s+", r#"[^"]+"#, r"(?s).", r"^\w", r"\w$", "a\nb", r"(?mR)\w$", r"\B#", r"\b{start-half}x"] {
            assert!(!linear(p).forms().2, "{p}");
        }
    }

    #[test]
    fn a_file_with_any_non_ascii_byte_takes_the_unicode_program() {
        let s = set(&[r"\b\w+\b", r"(?i)k"]);
        let mut out = Vec::new();
        s.find_all_ok(&Text::new("héllo wörld".as_bytes()), &[0], &mut out).unwrap();
        assert_eq!(out.iter().map(|m| (m.column, m.end_column)).collect::<Vec<_>>(), [(1, 6), (7, 12)]);
        out.clear();
        // The Kelvin sign folds to `k` in Unicode only.
        s.find_all_ok(&Text::new("\u{212A} k".as_bytes()), &[1], &mut out).unwrap();
        assert_eq!(out.len(), 2);
        out.clear();
        s.find_all_ok(&Text::new("hello world".as_bytes()), &[0], &mut out).unwrap();
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn positions_are_one_based_and_count_chars() {
        let t = Text::new("ab\nçé x\n".as_bytes());
        let mut out = Vec::new();
        set(&["x"]).find_all_ok(&t, &[0], &mut out).unwrap();
        assert_eq!((out[0].line, out[0].column, out[0].end_line, out[0].end_column), (2, 4, 2, 5));
        assert_eq!(t.line(2), "çé x".as_bytes());
        assert_eq!(t.offset(2, 4), out[0].start);
    }

    #[test]
    fn whole_file_semantics() {
        let t = Text::new(b"a\nb\n");
        let mut out = Vec::new();
        // `^` anchors at the start of the file only, `\s` crosses newlines.
        set(&["^b", r"a\sb", "(?m)^b"]).find_all_ok(&t, &[0, 1, 2], &mut out).unwrap();
        let pats: Vec<u32> = out.iter().map(|m| m.pattern).collect();
        assert_eq!(pats, vec![1, 2]);
    }

    #[test]
    fn a_lazy_set_finds_what_an_eager_one_does_and_defers_only_what_parses() {
        let patterns = [r"\bfoo\w*", r"foo(?!bar)", "(?m)^b", r"[[:alpha:]]+\d"];
        let (eager, lazy) = (set(&patterns), PatternSet::compile_lazy(&patterns, MatchLimits::default(), &PatternPool::default()).unwrap());
        assert!(lazy.patterns[1].compiled.get().is_some(), "the backtracking pattern is compiled at once");
        assert!(lazy.patterns[0].compiled.get().is_none() && lazy.patterns[3].compiled.get().is_none(), "linear ones wait for a search");
        let t = Text::new("foobar foobaz\nb é1 xyz2\n".as_bytes());
        let all: Vec<u32> = (0..patterns.len() as u32).collect();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        eager.find_all_ok(&t, &all, &mut a).unwrap();
        lazy.find_all_ok(&t, &all, &mut b).unwrap();
        assert_eq!(a, b);
        assert!(lazy.patterns.iter().all(|p| p.compiled.get().is_some()));
        // What does not parse is refused now, as by `compile`.
        let e = PatternSet::compile_lazy(&["ok", "(unclosed"], MatchLimits::default(), &PatternPool::default()).unwrap_err();
        assert_eq!(e.pattern(), 1);
    }

    #[test]
    fn a_deferred_pattern_past_the_size_limit_fails_its_first_search() {
        let limits = MatchLimits { size_limit: 1 << 10, ..MatchLimits::default() };
        let big = r"\w{50}";
        assert!(PatternSet::compile(&[big], limits).is_err());
        let lazy = PatternSet::compile_lazy(&["ok", big], limits, &PatternPool::default()).unwrap();
        let t = Text::new(b"ok");
        assert_eq!(lazy.is_match(&t, 0), Ok(true));
        let e = lazy.is_match(&t, 1).unwrap_err();
        assert!(matches!(e, MatchError::Compile { index: 1, .. }), "{e}");
        assert_eq!(lazy.is_match(&t, 1).unwrap_err(), e, "and every later one");
    }

    #[test]
    fn lookaround_goes_to_backtracker() {
        let s = set(&[r"foo(?!bar)", "plain"]);
        assert!(s.is_backtracking(0));
        assert!(!s.is_backtracking(1));
        let t = Text::new(b"foobar foobaz");
        let mut out = Vec::new();
        s.find_all_ok(&t, &[0], &mut out).unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].column, 8);
        // Valid text is searched as it is; invalid UTF-8 with its bytes replaced (U+FFFD is
        // longer than the byte it replaces: offsets after it shift, as documented).
        for (hay, columns) in [("é foobar foobaz".as_bytes(), [10]), (b"\x93 foobar foobaz".as_slice(), [11])] {
            out.clear();
            s.find_all_ok(&Text::new(hay), &[0], &mut out).unwrap();
            assert_eq!(out.iter().map(|m| m.column).collect::<Vec<_>>(), columns);
        }
    }

    #[test]
    fn backtrack_limit_trips_on_hostile_pattern() {
        // Exponential backtracking through a backreference: only the VM can run it.
        let s = set(&[r"(a+)+\1b"]);
        let hay = format!("{} b", "a".repeat(5_000));
        let t = Text::new(hay.as_bytes());
        let started = std::time::Instant::now();
        let err = s.find_all_ok(&t, &[0], &mut Vec::new()).unwrap_err();
        assert!(matches!(err, MatchError::Search { index: 0, .. }), "{err}");
        assert!(err.to_string().contains("backtracking limit"));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn backtrack_limit_trips_on_hostile_lookaround() {
        // Look-around around a nested quantifier: quadratic-or-worse on any engine that
        // does not budget the work inside the look-around too.
        let s = set(&[r"(?=(a+)+$)(a+)+b"]);
        let hay = format!("{} b", "a".repeat(100_000));
        let started = std::time::Instant::now();
        let err = s.find_all_ok(&Text::new(hay.as_bytes()), &[0], &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("backtracking limit"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1), "{:?}", started.elapsed());
    }

    #[test]
    fn backtrack_limit_is_configurable() {
        // The same pattern and file pass with the default budget and trip with a tiny one.
        let hay = format!("{}c x", "ab".repeat(50));
        let t = Text::new(hay.as_bytes());
        let tiny = MatchLimits { backtrack_limit: 2, ..MatchLimits::default() };
        let p = [r"(\w)+\1x"];
        assert!(set(&p).find_all_ok(&t, &[0], &mut Vec::new()).is_ok());
        assert!(PatternSet::compile(&p, tiny).unwrap().find_all_ok(&t, &[0], &mut Vec::new()).is_err());
    }

    #[test]
    fn backtracker_supports_inline_flags_and_backrefs() {
        let s = set(&[r"(?i)(?<=key=)(\w)\1", r"(?m)^b(?=c)"]);
        assert!(s.is_backtracking(0) && s.is_backtracking(1));
        let t = Text::new("KEY=aa\nbc".as_bytes());
        let mut out = Vec::new();
        s.find_all_ok(&t, &[0, 1], &mut out).unwrap();
        let got: Vec<_> = out.iter().map(|m| (m.pattern, m.line, m.column)).collect();
        assert_eq!(got, vec![(0, 1, 5), (1, 2, 1)]);
    }

    #[test]
    fn one_failing_pattern_keeps_the_others() {
        let s = set(&["a", r"(a+)+\1b", "b"]);
        let hay = format!("{}cb", "a".repeat(5_000));
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        s.find_all(&Text::new(hay.as_bytes()), &[0, 1, 2], &mut out, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].pattern(), 1);
        assert!(out.iter().all(|m| m.pattern != 1));
        assert_eq!(out.iter().filter(|m| m.pattern == 2).count(), 1);
        assert_eq!(out.iter().filter(|m| m.pattern == 0).count(), 5_000);
    }

    #[test]
    fn pattern_length_limit_trips() {
        let long = "a".repeat(DEFAULT_MAX_PATTERN_LEN + 1);
        let err = PatternSet::compile(&["ok", long.as_str()], MatchLimits::default()).unwrap_err();
        assert!(matches!(err, MatchError::Compile { index: 1, .. }));
    }

    #[test]
    fn size_limit_trips() {
        let limits = MatchLimits { size_limit: 1000, ..MatchLimits::default() };
        let err = PatternSet::compile(&[r"\w{200}"], limits).unwrap_err();
        assert!(err.to_string().contains("pattern 0"), "{err}");
    }

    #[test]
    fn match_cap_trips() {
        let limits = MatchLimits { max_matches: 3, ..MatchLimits::default() };
        let s = PatternSet::compile(&["a"], limits).unwrap();
        let mut out = Vec::new();
        s.find_all_ok(&Text::new(b"aaaaaa"), &[0], &mut out).unwrap();
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn a_stop_request_ends_a_pathological_search_early() {
        // `a*b|a` on a run of `a`: every match scans to the end of the text first.
        let set = set(&["a*b|a"]);
        let data = "a".repeat(200_000);
        let text = Text::new(data.as_bytes());
        let (mut out, mut errors, mut asked) = (Vec::new(), Vec::new(), 0);
        let mut stop = || {
            asked += 1;
            asked > 3
        };
        let r = set.find_all_until(&text, &[0], &mut out, &mut errors, &mut stop, None);
        assert_eq!((r, out.len()), (Err(Stopped), 3), "stopped after the third match");
        let r = set.find_all_until(&text, &[0, 0], &mut Vec::new(), &mut errors, &mut || true, None);
        assert_eq!(r, Err(Stopped), "asked before the first pattern too");
    }

    #[test]
    fn bad_pattern_names_index() {
        let err = PatternSet::compile(&["ok", "(unclosed"], MatchLimits::default()).unwrap_err();
        assert!(err.to_string().starts_with("pattern 1:"), "{err}");
        // Offsets point into the author's pattern, not the limits prefix the host adds.
        let err = PatternSet::compile(&["(?<=a)(b"], MatchLimits::default()).unwrap_err();
        assert!(err.to_string().contains("at offset 8:"), "{err}");
        assert!(set(&["a"]).find_all_ok(&Text::new(b""), &[3], &mut Vec::new()).is_err());
    }
}
