//! The linear engine's programs for one pattern, and which of them searches which part of
//! a file.
//!
//! The `regex` crate's fast engine (a lazy DFA) gives up on a Unicode word boundary at the
//! first non-ASCII byte and the whole search falls back to the slow one (the PikeVM), so
//! one accented letter in a docstring used to make every `\b` pattern crawl over the whole
//! file. Where ASCII and Unicode cannot disagree the ASCII-compiled program runs instead:
//! - on a file that is all ASCII, Unicode and ASCII `\b`, `\w`, `\d`, `\s`, classes and case
//!   folds accept exactly the same characters, so every pattern takes its ASCII form;
//! - on any other file, a pattern whose matches never cross a line (nothing in it matches a
//!   newline) and that does not test the file's start or end searches runs of whole lines:
//!   the ASCII form on runs of all-ASCII lines, the Unicode form on the others. A run's
//!   edges sit on line breaks, where both forms see the same (non-word, ASCII) neighbours,
//!   so the matches are the same as one search of the file.
//!
//! Where the Unicode form of a pattern with a Unicode word boundary must run on non-ASCII
//! text, the same pattern without its word boundaries (a lazy DFA runs it at full speed)
//! first says whether it matches anywhere: every match of the pattern is one of it, and
//! most patterns match nowhere in most files. Files with a few accented letters were 70%
//! of a regex-only scan of sentrik's environment.
//!
//! A pattern with an ASCII form builds its Unicode form, and the form without word
//! boundaries, on the first file with a non-ASCII byte: Unicode classes make them the
//! larger programs (about 25 MiB of a scan with every built-in pack), and a pattern whose
//! files are all ASCII never needs them.

use std::sync::OnceLock;

use regex::bytes::{Regex, RegexBuilder};
use regex_syntax::hir::{Capture, Class, Hir, HirKind, Look, Repetition};

use crate::{MatchLimits, Text};

/// Average bytes per run below which a file is searched whole rather than run by run.
const MIN_BYTES_PER_RUN: usize = 256;

/// A pattern for the linear engine, with its ASCII form when that differs.
#[derive(Debug)]
pub(crate) struct Linear {
    /// The pattern, from which the Unicode form is built when it waited.
    pattern: Box<str>,
    limits: MatchLimits,
    /// Built with the pattern when it is the only form (or when asked to), otherwise on
    /// the first text with a non-ASCII byte; an error (past `size_limit`) is kept.
    unicode: OnceLock<Result<Regex, regex::Error>>,
    /// `None` when the pattern means the same in both modes, or needs Unicode (`\p{L}`, a
    /// non-ASCII literal) and so has no ASCII form.
    ascii: Option<Regex>,
    /// Whether every match lies within one line and nothing tests the file's edges.
    line_bound: bool,
    /// The pattern without its Unicode word boundaries, for a pattern that has some; built
    /// on the first text with a non-ASCII byte (`None` inside: it did not compile).
    loose: Option<(Box<str>, OnceLock<Option<Regex>>)>,
}

impl Linear {
    /// The pattern's programs. With `unicode_now` the Unicode form is built here even when
    /// it could wait, so that every error the pattern can give is given now.
    pub(crate) fn new(pattern: &str, limits: &MatchLimits, unicode_now: bool) -> Result<Self, regex::Error> {
        let builder = |unicode: bool| build(pattern, unicode, limits);
        let parse = |unicode: bool| regex_syntax::ParserBuilder::new().unicode(unicode).utf8(false).build().parse(pattern).ok();
        let mut linear = Self { pattern: pattern.into(), limits: *limits, unicode: OnceLock::new(), ascii: None, line_bound: false, loose: None };
        let Some(hir) = parse(true) else {
            // The regex crate's own parse decides (and names the syntax error).
            linear.unicode = OnceLock::from(Ok(builder(true)?));
            return Ok(linear);
        };
        linear.loose = any(&hir, &unicode_word_look).then(|| (without_word_looks(&hir).to_string().into(), OnceLock::new()));
        if parse(false).is_some() {
            // The ASCII form is never larger than the Unicode one, and held to the same limits.
            linear.ascii = if any(&hir, &reaches_past_ascii) { builder(false).ok() } else { None };
            linear.line_bound = !any(&hir, &crosses_lines);
        }
        if linear.ascii.is_none() || unicode_now {
            linear.unicode = OnceLock::from(Ok(builder(true)?));
        }
        Ok(linear)
    }

    fn unicode(&self) -> Result<&Regex, regex::Error> {
        self.unicode.get_or_init(|| build(&self.pattern, true, &self.limits)).as_ref().map_err(Clone::clone)
    }

    /// The loose form, when the pattern has one and it compiled. It is never larger than
    /// the pattern, and held to the same limits.
    fn loose_form(&self) -> Option<&Regex> {
        let (source, form) = self.loose.as_ref()?;
        form.get_or_init(|| build(source, true, &self.limits).ok()).as_ref()
    }

    /// The parts of `text` to search, in file order: each part's offset in the file, its
    /// bytes and the program for it. Fails when the Unicode form, built now, does not
    /// compile.
    pub(crate) fn plan<'t>(&'t self, text: &'t Text<'_>) -> Result<impl Iterator<Item = (usize, &'t [u8], &'t Regex)> + 't, regex::Error> {
        let bytes = text.bytes();
        // Non-ASCII text: the Unicode form runs on some of it, with a word boundary the
        // slow engine's work; no match of the loose form means none of the pattern.
        let hopeless = !text.is_ascii() && self.loose_form().is_some_and(|loose| !loose.is_match(bytes));
        let (whole, runs, unicode): (Option<_>, &[_], _) = match &self.ascii {
            _ if hopeless => (None, &[], self.built_form()?),
            Some(ascii) if text.is_ascii() => (Some((0, bytes, ascii)), &[], ascii),
            None => (Some((0, bytes, self.unicode()?)), &[], self.unicode()?),
            Some(_) if !self.line_bound => (Some((0, bytes, self.unicode()?)), &[], self.unicode()?),
            Some(_) => match text.line_runs() {
                // Many short runs (a file alternating ASCII and other lines) cost a search
                // each: one search of the file is cheaper then.
                runs if runs.len() > 1 + bytes.len() / MIN_BYTES_PER_RUN => (Some((0, bytes, self.unicode()?)), &[], self.unicode()?),
                runs => (None, runs, self.unicode()?),
            },
        };
        let ascii = self.ascii.as_ref().unwrap_or(unicode);
        Ok(whole.into_iter().chain(runs.iter().map(move |run| (run.start, &bytes[run.start..run.end], if run.ascii { ascii } else { unicode }))))
    }

    /// A form built with the pattern (the ASCII one, or else the Unicode one): what an
    /// empty plan names without building anything.
    fn built_form(&self) -> Result<&Regex, regex::Error> {
        self.ascii.as_ref().map_or_else(|| self.unicode(), Ok)
    }

    pub(crate) fn is_match(&self, text: &Text<'_>) -> Result<bool, regex::Error> {
        Ok(self.plan(text)?.any(|(_, hay, re)| re.is_match(hay)))
    }

    #[cfg(test)]
    pub(crate) fn forms(&self) -> (&Regex, Option<&Regex>, bool) {
        (self.unicode().unwrap(), self.ascii.as_ref(), self.line_bound)
    }

    #[cfg(test)]
    pub(crate) fn loose(&self) -> Option<&Regex> {
        self.loose_form()
    }
}

fn build(pattern: &str, unicode: bool, limits: &MatchLimits) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).unicode(unicode).size_limit(limits.size_limit).dfa_size_limit(limits.dfa_size_limit).build()
}

/// Lines of a file grouped into runs that are all ASCII or not; a run ends before the line
/// break of its last line, the next starts after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub start: usize,
    pub end: usize,
    pub ascii: bool,
}

pub(crate) fn line_runs(bytes: &[u8]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut start = 0;
    loop {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let ascii = bytes[start..end].is_ascii();
        match runs.last_mut() {
            Some(last) if last.ascii == ascii => last.end = end,
            _ => runs.push(Run { start, end, ascii }),
        }
        if end == bytes.len() {
            return runs;
        }
        start = end + 1;
    }
}

/// Whether any node of a parsed pattern satisfies `f` (the parser bounds the nesting).
fn any(hir: &Hir, f: &dyn Fn(&HirKind) -> bool) -> bool {
    f(hir.kind())
        || match hir.kind() {
            HirKind::Repetition(r) => any(&r.sub, f),
            HirKind::Capture(c) => any(&c.sub, f),
            HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().any(|h| any(h, f)),
            _ => false,
        }
}

/// A Unicode word boundary of any kind: what makes the lazy DFA give up on non-ASCII text.
fn unicode_word_look(kind: &HirKind) -> bool {
    matches!(
        kind,
        HirKind::Look(
            Look::WordUnicode | Look::WordUnicodeNegate | Look::WordStartUnicode | Look::WordEndUnicode | Look::WordStartHalfUnicode | Look::WordEndHalfUnicode
        )
    )
}

/// `hir` with its Unicode word boundaries dropped: it matches wherever `hir` does (an
/// assertion only ever removes matches).
fn without_word_looks(hir: &Hir) -> Hir {
    match hir.kind() {
        k if unicode_word_look(k) => Hir::empty(),
        HirKind::Repetition(r) => Hir::repetition(Repetition { sub: Box::new(without_word_looks(&r.sub)), ..r.clone() }),
        HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(without_word_looks(&c.sub)), ..c.clone() }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(without_word_looks).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(without_word_looks).collect()),
        _ => hir.clone(),
    }
}

/// A class or case fold holding a non-ASCII character, or a Unicode word boundary.
fn reaches_past_ascii(kind: &HirKind) -> bool {
    match kind {
        HirKind::Class(Class::Unicode(c)) => c.ranges().last().is_some_and(|r| !r.end().is_ascii()),
        HirKind::Class(Class::Bytes(c)) => c.ranges().last().is_some_and(|r| !r.end().is_ascii()),
        HirKind::Look(look) => matches!(
            look,
            Look::WordUnicode | Look::WordUnicodeNegate | Look::WordStartUnicode | Look::WordEndUnicode | Look::WordStartHalfUnicode | Look::WordEndHalfUnicode
        ),
        _ => false,
    }
}

/// Something that matches a newline, or an assertion that could answer differently at a
/// run's edge than in the whole file: the file's start and end (a run would see its own),
/// CRLF-mode line anchors (a run may end between `\r` and `\n`), and the Unicode
/// assertions that give up on invalid UTF-8 next to them (`\B`, the half boundaries: they
/// decode backwards across the line break in the whole file).
fn crosses_lines(kind: &HirKind) -> bool {
    match kind {
        HirKind::Literal(l) => l.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(c)) => c.ranges().iter().any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(c)) => c.ranges().iter().any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Look(look) => matches!(
            look,
            Look::Start | Look::End | Look::StartCRLF | Look::EndCRLF | Look::WordUnicodeNegate | Look::WordStartHalfUnicode | Look::WordEndHalfUnicode
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_many_short_runs_is_searched_whole() {
        let linear = Linear::new(r"\bkey\w*", &MatchLimits::default(), false).unwrap();
        // A hostile alternation of accented and empty lines: one run per line.
        let dense = "é\n\n".repeat(10_000) + "key1\n";
        let text = Text::new(dense.as_bytes());
        let parts: Vec<_> = linear.plan(&text).unwrap().map(|(offset, hay, _)| (offset, hay.len())).collect();
        assert_eq!(parts, [(0, dense.len())]);
        // A few accented lines in a long file: searched run by run.
        let sparse = "x = 1 # café\n".to_string() + &"key = value\n".repeat(1_000);
        let text = Text::new(sparse.as_bytes());
        assert_eq!(linear.plan(&text).unwrap().count(), 2);
    }

    #[test]
    fn non_ascii_text_where_the_pattern_without_word_boundaries_matches_nowhere_is_not_searched() {
        let linear = Linear::new(r"(?i)\bsecret\s*=\s*\w+\b", &MatchLimits::default(), false).unwrap();
        let loose = linear.loose().expect("a pattern with a Unicode word boundary has a loose form");
        assert!(loose.is_match("éSECRET = x".as_bytes()), "the loose form drops the boundaries alone");
        assert!(!loose.is_match(b"secret: x"));
        assert_eq!(linear.plan(&Text::new("café\nsecret: x\n".as_bytes())).unwrap().count(), 0);
        // Where the loose form matches, the pattern is searched: the same matches as ever.
        for hay in ["café secret = x\n", "éSECRET = x", "secret = é"] {
            let found: Vec<_> =
                linear.plan(&Text::new(hay.as_bytes())).unwrap().flat_map(|(o, h, re)| re.find_iter(h).map(move |m| (o + m.start(), o + m.end()))).collect();
            let want: Vec<_> = linear.forms().0.find_iter(hay.as_bytes()).map(|m| (m.start(), m.end())).collect();
            assert_eq!(found, want, "{hay:?}");
        }
        assert!(Linear::new(r"secret\s*=", &MatchLimits::default(), false).unwrap().loose().is_none(), "nothing to drop");
    }

    #[test]
    fn the_unicode_form_waits_for_non_ascii_text() {
        let linear = Linear::new(r"\bpassw\w*\s*=", &MatchLimits::default(), false).unwrap();
        assert!(linear.ascii.is_some());
        assert!(linear.is_match(&Text::new(b"password = 1")).unwrap());
        assert!(linear.unicode.get().is_none() && linear.loose.as_ref().unwrap().1.get().is_none(), "ASCII text needs neither");
        assert!(!linear.is_match(&Text::new("café\nx = 1".as_bytes())).unwrap());
        assert!(linear.unicode.get().is_none(), "the loose form matched nowhere: the Unicode form still waits");
        assert!(linear.is_match(&Text::new("passwörd = 1".as_bytes())).unwrap());
        assert!(linear.unicode.get().is_some());
        // Asked to, it is built at once; a pattern with one form always is.
        assert!(Linear::new(r"\bpassw\w*", &MatchLimits::default(), true).unwrap().unicode.get().is_some());
        assert!(Linear::new(r"é+", &MatchLimits::default(), false).unwrap().unicode.get().is_some());
    }

    #[test]
    fn a_unicode_form_past_the_size_limit_fails_the_first_search_that_needs_it() {
        let limits = MatchLimits { size_limit: 4 << 10, ..MatchLimits::default() };
        assert!(build(r"\w{20}", false, &limits).is_ok() && build(r"\w{20}", true, &limits).is_err(), "the fixture's premise");
        assert!(Linear::new(r"\w{20}", &limits, true).is_err(), "built at once, it fails at once");
        let linear = Linear::new(r"\w{20}", &limits, false).unwrap();
        assert!(linear.is_match(&Text::new("a".repeat(20).as_bytes())).unwrap());
        let e = linear.is_match(&Text::new("é".repeat(20).as_bytes())).unwrap_err();
        assert!(matches!(e, regex::Error::CompiledTooBig(_)), "{e}");
        assert!(linear.is_match(&Text::new("ü".as_bytes())).is_err(), "and every later one");
    }
}
