//! Patterns shared between sets, and their matches shared between the packs scanning one
//! file.
//!
//! Built-in packs write a detection once and map it to many frameworks' clauses, so the
//! same pattern appears in several packs (the hard-coded password rule is in ten). A
//! [`PatternPool`] gives every set holding the same source under the same limits one
//! compiled [`Pattern`]; a [`FileMatches`] keeps one file's matches of such patterns, so
//! the second pack to ask for them gets the first one's instead of searching again.
//! Matches depend on nothing but the pattern, its limits and the file, so sharing them
//! changes no result.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use crate::{Engine, Match, MatchError, MatchLimits, compile_one};

/// One pattern: compiled now, or on its first search.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub(crate) compiled: OnceLock<Result<Engine, MatchError>>,
    /// The source of a pattern whose compilation waits for its first search.
    deferred: Option<Box<str>>,
    /// The source's length, for [`crate::PatternSet::approx_bytes`].
    pub(crate) len: usize,
}

impl Pattern {
    pub(crate) fn compiled(engine: Engine, len: usize) -> Self {
        Self { compiled: OnceLock::from(Ok(engine)), deferred: None, len }
    }

    pub(crate) fn deferred(source: &str) -> Self {
        Self { compiled: OnceLock::new(), deferred: Some(source.into()), len: source.len() }
    }

    /// The compiled pattern, compiled now if it waited; errors name it as `index`.
    pub(crate) fn engine(&self, index: usize, limits: &MatchLimits) -> Result<&Engine, MatchError> {
        let compiled = self.compiled.get_or_init(|| match &self.deferred {
            Some(source) => compile_one(index, source, limits, false),
            None => Err(MatchError::Compile { index, message: "compiled without its source".into() }),
        });
        compiled.as_ref().map_err(|e| e.at(index))
    }
}

/// Every pattern compiled into a live set, by source and limits (host-wide).
#[derive(Debug, Default)]
pub struct PatternPool(Mutex<PoolInner>);

#[derive(Debug, Default)]
struct PoolInner {
    patterns: HashMap<(Box<str>, MatchLimits), Weak<Pattern>>,
    /// Size at which dropped patterns' entries are swept out next.
    sweep_at: usize,
}

impl PatternPool {
    /// The live pattern for `source` under `limits`, or the one `make` builds (kept). `make`
    /// runs outside the lock (a backtracking pattern is compiled there, with its JIT), so
    /// one pack's patterns never hold up another's; two threads may both build one at worst.
    pub(crate) fn get_or_insert(
        &self,
        source: &str,
        limits: MatchLimits,
        make: impl FnOnce() -> Result<Pattern, MatchError>,
    ) -> Result<Arc<Pattern>, MatchError> {
        let lock = || self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let key = (Box::from(source), limits);
        if let Some(live) = lock().patterns.get(&key).and_then(Weak::upgrade) {
            return Ok(live);
        }
        let pattern = Arc::new(make()?);
        let mut inner = lock();
        if let Some(live) = inner.patterns.get(&key).and_then(Weak::upgrade) {
            return Ok(live);
        }
        inner.patterns.insert(key, Arc::downgrade(&pattern));
        if inner.patterns.len() >= inner.sweep_at {
            inner.patterns.retain(|_, p| p.strong_count() > 0);
            inner.sweep_at = (2 * inner.patterns.len()).max(1024);
        }
        Ok(pattern)
    }

    /// Patterns some set still holds.
    pub fn live(&self) -> usize {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).patterns.values().filter(|p| p.strong_count() > 0).count()
    }
}

/// Matches held per file at most: past it, further patterns are searched per pack again
/// rather than kept (a file with many matches of many shared patterns costs bounded memory).
pub const MAX_SHARED_MATCHES: usize = 1 << 16;

/// One file's matches of shared patterns (or the error searching gave), kept while the
/// file's packs run. Positions in them are the file's, whatever set asks.
#[derive(Debug, Default)]
pub struct FileMatches(Mutex<Memo>);

type Outcome = Arc<Result<Vec<Match>, MatchError>>;

#[derive(Debug, Default)]
struct Memo {
    /// By the pattern's address; the entry holds the pattern so the address stays its own.
    found: HashMap<usize, (Arc<Pattern>, Outcome)>,
    held: usize,
}

impl FileMatches {
    fn lock(&self) -> std::sync::MutexGuard<'_, Memo> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn get(&self, pattern: &Arc<Pattern>) -> Option<Outcome> {
        self.lock().found.get(&(Arc::as_ptr(pattern) as usize)).map(|(_, o)| o.clone())
    }

    /// Keeps what searching `pattern` found, within [`MAX_SHARED_MATCHES`]; returns it.
    pub(crate) fn put(&self, pattern: &Arc<Pattern>, found: Result<Vec<Match>, MatchError>) -> Outcome {
        let count = found.as_ref().map_or(0, Vec::len);
        let found = Arc::new(found);
        let mut memo = self.lock();
        if memo.held + count <= MAX_SHARED_MATCHES {
            memo.held += count;
            memo.found.insert(Arc::as_ptr(pattern) as usize, (pattern.clone(), found.clone()));
        }
        found
    }

    /// Patterns whose matches are kept.
    pub fn len(&self) -> usize {
        self.lock().found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PatternSet, Text};

    fn find(set: &PatternSet, text: &str, which: &[u32], memo: &FileMatches) -> (Vec<Match>, Vec<MatchError>) {
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        set.find_all_until(&Text::new(text.as_bytes()), which, &mut out, &mut errors, &mut || false, Some(memo)).unwrap();
        (out, errors)
    }

    #[test]
    fn sets_from_one_pool_share_a_pattern_and_its_matches_on_a_file() {
        let pool = PatternPool::default();
        let limits = MatchLimits { backtrack_limit: 1_000, ..MatchLimits::default() };
        let hostile = r"(a+)+(?=b)";
        let a = PatternSet::compile_lazy(&["x+", r"\bkey\w*", hostile], limits, &pool).unwrap();
        let b = PatternSet::compile_lazy(&[hostile, "y", r"\bkey\w*"], limits, &pool).unwrap();
        assert_eq!(pool.live(), 4, "two of the six are one pattern each");
        let text = format!("key1 x keyword {}", "a".repeat(40));
        let memo = FileMatches::default();
        let (from_a, errors_a) = find(&a, &text, &[0, 1, 2], &memo);
        assert_eq!(memo.len(), 1, "only the shared linear pattern is kept (a backtracking one is searched per call)");
        let (from_b, errors_b) = find(&b, &text, &[2, 0], &memo);
        // The same matches as searching alone, numbered as in the asking set.
        let mut alone = (Vec::new(), Vec::new());
        b.find_all(&Text::new(text.as_bytes()), &[2, 0], &mut alone.0, &mut alone.1);
        assert_eq!((from_b, errors_b.clone()), alone);
        assert_eq!(from_a.iter().filter(|m| m.pattern == 1).count(), 2);
        assert_eq!(errors_a.iter().map(MatchError::pattern).collect::<Vec<_>>(), [2]);
        assert_eq!(errors_b.iter().map(MatchError::pattern).collect::<Vec<_>>(), [0]);
        drop((a, b));
        let z = PatternSet::compile_lazy(&["z"], limits, &pool).unwrap();
        assert_eq!(pool.live(), 2, "the one kept for the file (held until the file goes) and the new one");
        drop((memo, z));
        assert_eq!(pool.live(), 0);
    }

    #[test]
    fn a_file_keeps_a_bounded_number_of_matches() {
        let pool = PatternPool::default();
        let set = PatternSet::compile_lazy(&["a"], MatchLimits::default(), &pool).unwrap();
        let pattern = set.patterns[0].clone();
        let memo = FileMatches::default();
        let one = Match { pattern: 0, start: 0, end: 1, line: 1, column: 1, end_line: 1, end_column: 2 };
        let kept = memo.put(&pattern, Ok(vec![one; MAX_SHARED_MATCHES + 1]));
        assert_eq!(kept.as_ref().as_ref().map(Vec::len).ok(), Some(MAX_SHARED_MATCHES + 1), "the asker still gets them");
        assert!(memo.is_empty(), "but they are not kept");
        memo.put(&pattern, Ok(vec![one; 3]));
        assert_eq!(memo.len(), 1);
    }
}
