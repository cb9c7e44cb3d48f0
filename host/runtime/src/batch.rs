//! An instance's syntax queries run together: every query a pack has compiled for a
//! grammar is joined into one ([`QueryBatch`]), run once per file and call, and each
//! `matches` call takes its own query's part. A pack whose rules each hold a query would
//! otherwise walk every tree once per rule. Queries anchored by their literals (see
//! [`SyntaxQuery::is_anchored`]) are not joined: each walks only around its own literals,
//! where a batch would walk around every member's (most of the tree, since some rules'
//! literals are words like `open` or `run`), and joining costs more than it saves there
//! (8.4 s against 9.6 s of CPU for every built-in pack on sentrik's environment).
//!
//! The joined query is rebuilt at most once per call, when the pack has compiled queries
//! since (the declarative engine compiles each on its first file), and only once those
//! are as many as the joined ones, or a quarter as many once no query has been added for
//! [`QUIET_CALLS`] calls:
//! joining costs tree-sitter's analysis of every member again (a hundred milliseconds for
//! twenty queries), so joining on each growth step cost more than it saved. Until then
//! the new queries run alone. A batch that cannot be joined, or whose walk outgrows the
//! cursor's bound, falls back to running each query alone, which gives the same matches.

use std::collections::HashMap;
use std::sync::Arc;

use sentra_syntax::{Lang, MatchInfo, MemberMatches, Parsed, QueryBatch, SyntaxError, SyntaxQuery};

use crate::host::HostState;

/// Calls without a new query after which the batch is joined again whatever it gained.
pub const QUIET_CALLS: u64 = 8;

/// One grammar's queries of an instance.
#[derive(Default)]
struct Batched {
    members: Vec<Arc<SyntaxQuery>>,
    joined: Option<Arc<QueryBatch>>,
    /// The call in which `joined` was last built.
    built_in: u64,
    /// The call in which the last member was added.
    grown_in: u64,
    /// Joining failed: these queries run alone.
    failed: bool,
}

impl Batched {
    /// Whether to join the members again in call `call` (some are not in the joined query).
    fn join_due(&self, call: u64) -> bool {
        let joined = self.joined.as_ref().map_or(0, |j| j.len());
        let apart = self.members.len().saturating_sub(joined);
        // A quiet batch is joined again for a quarter more members, not for each one.
        let quiet = call >= self.grown_in + QUIET_CALLS && apart >= (joined / 4).max(1);
        let worth = joined == 0 || self.members.len() >= 2 * joined || quiet;
        !self.failed && self.members.len() >= 2 && !(self.joined.is_some() && self.built_in == call) && worth
    }
}

/// The instance's batches, and the current call's results per (file, grammar).
///
/// Batches are kept per configuration: an instance serving several packs (the `engine`
/// interface) joins each pack's queries apart, since a call runs one pack's rules and a
/// joined walk over every pack's queries would be redone, mostly for nothing, per pack.
#[derive(Default)]
pub struct Batches {
    by_lang: HashMap<(u32, Lang), Batched>,
    results: HashMap<(u32, Lang), Option<Arc<Vec<MemberMatches>>>>,
    call: u64,
    /// The configuration of the current call (0 in an instance that runs one).
    config: u32,
}

impl Batches {
    /// A new call: file ids start over.
    pub fn next_call(&mut self) {
        self.results.clear();
        self.call += 1;
    }

    /// Queries compiled from now on, and `matches` calls, are the configuration `config`'s.
    pub fn set_config(&mut self, config: u32) {
        self.config = config;
    }

    pub(crate) fn add(&mut self, query: &Arc<SyntaxQuery>) {
        if query.is_anchored() {
            return;
        }
        let b = self.by_lang.entry((self.config, query.lang())).or_default();
        // Past one query's bounds, later queries run alone: joining is not interruptible.
        let fits = QueryBatch::fits(b.members.iter().map(AsRef::as_ref).chain([query.as_ref()]));
        if fits && !b.members.iter().any(|m| Arc::ptr_eq(m, query)) {
            b.members.push(query.clone());
            b.grown_in = self.call;
        }
    }

    /// Forgets queries only the batch still holds (the pack dropped them).
    pub(crate) fn sweep(&mut self) {
        for (&(_, lang), b) in &mut self.by_lang {
            let before = b.members.len();
            b.members.retain(|m| Arc::strong_count(m) > 1);
            if b.members.len() != before {
                b.joined = None;
                self.results.retain(|(_, l), _| *l != lang);
            }
        }
    }
}

impl HostState {
    /// `query`'s matches on file `file` from its grammar's batch, or `None` when it runs
    /// alone (not in the batch yet, the only query, or joining failed).
    pub(crate) fn batched_matches(&mut self, query: &Arc<SyntaxQuery>, file: u32, tree: &Parsed, bytes: &[u8]) -> Result<Option<Vec<MatchInfo>>, String> {
        let lang = query.lang();
        let (call, key) = (self.batches.call, (self.batches.config, lang));
        let Some(b) = self.batches.by_lang.get_mut(&key) else { return Ok(None) };
        if !b.members.iter().any(|m| Arc::ptr_eq(m, query)) {
            return Ok(None);
        }
        let covered = b.joined.as_ref().is_some_and(|j| j.position(query).is_some());
        if !covered {
            if !b.join_due(call) {
                return Ok(None);
            }
            match QueryBatch::shared(lang, &b.members) {
                Ok(j) => (b.joined, b.built_in) = (Some(j), call),
                Err(e) => {
                    tracing::debug!(pack = %self.pack_id, error = %e, "syntax queries run one by one");
                    b.failed = true;
                    return Ok(None);
                }
            }
            self.batches.results.retain(|(_, l), _| *l != lang);
        }
        let Some(joined) = self.batches.by_lang.get(&key).and_then(|b| b.joined.clone()) else { return Ok(None) };
        let Some(pos) = joined.position(query) else { return Ok(None) };
        let results = match self.batches.results.get(&(file, lang)) {
            Some(r) => r.clone(),
            None => {
                let mut stop = self.stop_check();
                let r = match joined.run(tree, bytes, &mut stop) {
                    Ok(r) => r.map(Arc::new),
                    Err(SyntaxError::Stopped) => return Err(self.stopped_now()),
                    Err(e) => return Err(e.to_string()),
                };
                self.batches.results.insert((file, lang), r.clone());
                r
            }
        };
        match results.as_deref().map(|r| &r[pos]) {
            None => Ok(None),
            Some(Ok(found)) => Ok(Some(found.clone())),
            Some(Err(e)) => Err(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(n: usize) -> Arc<SyntaxQuery> {
        SyntaxQuery::shared(Lang::Python, &format!("(identifier) @id{n}")).unwrap()
    }

    #[test]
    fn a_batch_is_joined_again_once_it_doubled_or_stopped_growing() {
        let mut batches = Batches::default();
        batches.add(&query(0));
        let key = (0, Lang::Python);
        let due = |b: &Batches| b.by_lang[&key].join_due(b.call);
        assert!(!due(&batches), "one query runs alone");
        batches.add(&query(1));
        assert!(due(&batches));
        let b = batches.by_lang.get_mut(&key).unwrap();
        b.joined = Some(QueryBatch::shared(Lang::Python, &b.members).unwrap());
        b.built_in = 0;
        batches.next_call();
        batches.add(&query(2));
        assert!(!due(&batches), "three of which two are joined: not yet");
        batches.add(&query(3));
        assert!(due(&batches), "twice the joined ones");
        batches.by_lang.get_mut(&key).unwrap().members.pop();
        for _ in 0..QUIET_CALLS - 1 {
            batches.next_call();
            assert!(!due(&batches));
        }
        batches.next_call();
        assert!(due(&batches), "no new query for {QUIET_CALLS} calls");
        batches.by_lang.get_mut(&key).unwrap().failed = true;
        assert!(!due(&batches), "a batch that failed to join stays apart");
        // A query anchored by its literals runs alone, around them.
        let before = batches.by_lang[&key].members.len();
        batches.add(&SyntaxQuery::shared(Lang::Python, r#"((identifier) @i (#eq? @i "eval"))"#).unwrap());
        assert_eq!(batches.by_lang[&key].members.len(), before);
    }
}
