//! Literals one of which every match of a regex contains, read from the pattern itself
//! (`regex-syntax`'s literal extraction): the host's prefilter skips a rule on a file that
//! contains none of them, so its pattern never runs there.
//!
//! The prefilter compares ASCII letters without case, so literals are lowercased; that
//! only widens what passes it, never narrows it.

use regex_syntax::hir::{Class, Hir, HirKind};

/// A literal shorter than this is in nearly every file: no prefilter is better than it.
pub const MIN_LITERAL_BYTES: usize = 3;
/// More alternatives than this and the pattern runs unfiltered.
pub const MAX_LITERALS: usize = 64;
/// A character class of at most this many characters (after folding ASCII case) is
/// spelled out, so `[Dd]ebug` and `(?i)debug` give `debug`.
const MAX_CLASS_CHARS: usize = 4;

/// A set of byte strings, ASCII-lowercased and deduplicated.
type Set = Vec<Vec<u8>>;

/// What a node of the pattern tells: every string it can match, when they are few
/// (`exact`), and literals one of which each of its matches contains (`required`).
struct Facts {
    exact: Option<Set>,
    required: Option<Set>,
}

/// The literals one of which every match of `pattern` contains (the longest such set the
/// pattern's structure gives), or why it has none worth using.
pub fn regex_literals(pattern: &str) -> Result<Vec<String>, String> {
    // As `regex::bytes` parses it: Unicode on, invalid UTF-8 allowed where `(?-u)` asks.
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(|_| "it uses syntax only the backtracking engine has (look-around or a backreference)".to_string())?;
    let Some(set) = best(facts(&hir)) else {
        return Err("no literal occurs in every match".into());
    };
    let mut out = Vec::with_capacity(set.len());
    for l in set {
        let Ok(text) = String::from_utf8(l) else { return Err("its literals are not text".into()) };
        if text.len() < MIN_LITERAL_BYTES {
            return Err(format!("the longest literal every match contains is `{text}`, under {MIN_LITERAL_BYTES} bytes"));
        }
        out.push(text);
    }
    if out.is_empty() {
        return Err("it matches nothing".into());
    }
    Ok(out)
}

fn facts(hir: &Hir) -> Facts {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Facts { exact: Some(vec![Vec::new()]), required: None },
        HirKind::Literal(l) => {
            let set = vec![l.0.to_ascii_lowercase()];
            Facts { exact: Some(set.clone()), required: Some(set) }
        }
        HirKind::Class(c) => {
            let set = class(c);
            Facts { exact: set.clone(), required: set }
        }
        HirKind::Capture(c) => facts(&c.sub),
        HirKind::Repetition(r) if r.min == 0 => Facts { exact: (r.max == Some(0)).then(|| vec![Vec::new()]), required: None },
        HirKind::Repetition(r) => {
            let sub = facts(&r.sub);
            // `x{2}` is `xx`; longer or open runs only promise one `x`.
            let exact = match (&sub.exact, r.max) {
                (Some(e), Some(max)) if max == r.min && max <= 3 => (0..max).try_fold(vec![Vec::new()], |acc, _| product(&acc, e)),
                _ => None,
            };
            Facts { exact, required: best(sub) }
        }
        HirKind::Concat(parts) => concat(parts),
        HirKind::Alternation(alts) => {
            let all: Vec<Facts> = alts.iter().map(facts).collect();
            let exact = all.iter().map(|f| f.exact.clone()).collect::<Option<Vec<Set>>>().and_then(|sets| union(sets.concat()));
            let required = all.into_iter().map(best).collect::<Option<Vec<Set>>>().and_then(|sets| union(sets.concat()));
            Facts { exact, required }
        }
    }
}

/// Adjacent parts whose strings are few are joined into longer literals; the best run
/// (or a part's own required literals) is what the sequence requires.
fn concat(parts: &[Hir]) -> Facts {
    let (mut run, mut broken, mut candidates) = (Some(vec![Vec::new()]), false, Vec::new());
    for part in parts {
        let f = facts(part);
        match (run.as_ref().zip(f.exact.as_ref()).and_then(|(r, e)| product(r, e)), f.exact.is_some()) {
            (Some(joined), _) => run = Some(joined),
            (None, exact) => {
                candidates.push(run.take());
                broken = true;
                // A part too varied to join still starts a new run with its own strings.
                run = if exact { f.exact.clone() } else { Some(vec![Vec::new()]) };
                candidates.push(f.required);
            }
        }
    }
    let exact = if broken { None } else { run.clone() };
    candidates.push(run);
    Facts { exact, required: candidates.into_iter().flatten().fold(None, |a, b| better(a, Some(b))) }
}

fn best(f: Facts) -> Option<Set> {
    better(f.exact, f.required)
}

/// The set whose shortest literal is longer (an empty string is no literal at all).
fn better(a: Option<Set>, b: Option<Set>) -> Option<Set> {
    let score = |s: &Option<Set>| s.as_ref().map_or(0, |s| s.iter().map(Vec::len).min().unwrap_or(0));
    let pick = if score(&b) > score(&a) { b } else { a };
    if score(&pick) > 0 { pick } else { None }
}

fn product(a: &Set, b: &Set) -> Option<Set> {
    if a.len() * b.len() > MAX_LITERALS {
        return None;
    }
    union(a.iter().flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat())).collect())
}

fn union(mut set: Set) -> Option<Set> {
    set.sort();
    set.dedup();
    (set.len() <= MAX_LITERALS).then_some(set)
}

fn class(c: &Class) -> Option<Set> {
    let mut out = Vec::new();
    match c {
        Class::Unicode(u) => {
            for r in u.ranges() {
                if (r.end() as u32 - r.start() as u32) as usize >= 2 * MAX_CLASS_CHARS {
                    return None;
                }
                for ch in (r.start()..=r.end()).filter_map(|c| char::from_u32(c as u32)) {
                    out.push(ch.to_string().into_bytes().to_ascii_lowercase());
                }
            }
        }
        Class::Bytes(b) => {
            for r in b.ranges() {
                if (r.end() - r.start()) as usize >= 2 * MAX_CLASS_CHARS {
                    return None;
                }
                out.extend((r.start()..=r.end()).map(|b| vec![b.to_ascii_lowercase()]));
            }
        }
    }
    union(out).filter(|s| s.len() <= MAX_CLASS_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_come_from_the_longer_end_and_cover_every_alternative() {
        assert_eq!(regex_literals(r"\bmd5\s*\(").unwrap(), ["md5"]);
        assert_eq!(regex_literals(r"(?:sha1|md5)\(").unwrap(), ["md5(", "sha1("]);
        assert_eq!(regex_literals(r"\w+\.execute\(").unwrap(), [".execute("], "inside the pattern, not only at its ends");
        assert_eq!(regex_literals(r"\b\w*(?:password|passwd)\w*\s*=").unwrap(), ["passwd", "password"]);
        assert_eq!(regex_literals(r"[Dd]ebug\s*=").unwrap(), ["debug"]);
        // Case variants fold into one; Unicode's long s (`ſ`) folds with `s` and stays.
        assert_eq!(regex_literals("(?i)Password").unwrap(), ["password", "pasſword", "paſsword", "paſſword"]);
        assert_eq!(regex_literals("(?i)api_key").unwrap(), ["api_key", "api_\u{212a}ey"], "and the Kelvin sign with `k`");
    }

    #[test]
    fn patterns_without_a_usable_literal_say_why() {
        for (pattern, why) in [
            (r"\w+", "no literal"),
            (r"(?:a|bcd)e?", "under 3 bytes"),
            (r"foo(?=bar)", "backtracking engine"),
            (r"[a-z]{3}\d", "no literal"),
            (r"(?:abc)?\d+", "no literal"),
        ] {
            let e = regex_literals(pattern).unwrap_err();
            assert!(e.contains(why), "{pattern}: {e}");
        }
    }

    #[test]
    fn every_match_contains_one_of_the_literals() {
        let cases = [
            (r"(?i)\bsecret_?key\s*=", "config.SECRET_KEY = 1\nSecretKey=2"),
            (r"eval\(|exec\(", "x = eval(y)\nexec(z)"),
            (r"[Dd]ebug\s*=\s*[Tt]rue", "DEBUG = True\ndebug=true"),
            (r"(?i)ſtrict", "STRICT strict ſtrict"),
            (r#"(?i)\b\w*(?:colou?r|hue)\w*\s*[:=]\s*['"][^'"]{6,}"#, "BG_COLOUR = 'abcdefg'\nmyHue: \"abcdefg\""),
            (r"(?:ab|cd){2}x", "abcdx cdabx"),
        ];
        for (pattern, text) in cases {
            let literals = regex_literals(pattern).unwrap();
            let re = regex::bytes::Regex::new(pattern).unwrap();
            for m in re.find_iter(text.as_bytes()) {
                let lower = m.as_bytes().to_ascii_lowercase();
                assert!(
                    literals.iter().any(|l| lower.windows(l.len()).any(|w| w == l.as_bytes())),
                    "{pattern}: `{}` contains none of {literals:?}",
                    String::from_utf8_lossy(m.as_bytes())
                );
            }
        }
    }
}
