//! Several queries of one grammar run in one walk of a tree. A pack's rules each hold a
//! query; run one by one, each walks the whole tree, and walking is most of their cost.
//! Joined into one query, the tree is walked once and each match goes back to the query
//! its pattern came from, with its captures numbered as in that query. A batch walks the
//! whole tree: queries anchored by their literals are better run alone (see
//! `sentra_runtime`'s batches).

use std::sync::{Arc, Weak};

use tree_sitter::Query;

use crate::anchors::Walk;
use crate::query::{Walked, for_each_match, node_info};
use crate::shared::WeakCache;
use crate::tree::Parsed;
use crate::{CaptureInfo, Lang, MAX_MATCHES_PER_RUN, MAX_QUERY_BYTES, MAX_QUERY_PATTERNS, MatchInfo, SyntaxError, SyntaxQuery};

/// One member's matches in a batch run: as [`SyntaxQuery::run`] would give them.
pub type MemberMatches = Result<Vec<MatchInfo>, SyntaxError>;

pub struct QueryBatch {
    lang: Lang,
    joined: Query,
    /// Per joined pattern: its member and its index in that member.
    owner: Vec<(u32, u32)>,
    /// Per member, per joined capture: the member's capture index.
    captures: Vec<Vec<Option<u32>>>,
    /// The members, weakly: a batch does not keep a query its pack dropped alive.
    members: Vec<Weak<SyntaxQuery>>,
}

/// Joined queries by grammar and member sources (in order of source text): every instance
/// of a pack (one per thread) joins the same queries, whatever order its rules met them in.
static SHARED: WeakCache<(Lang, Vec<String>), QueryBatch> = WeakCache::new();

impl QueryBatch {
    /// [`QueryBatch::new`] of `members` in order of source text, or the batch whoever
    /// joined the same queries still holds. Members are found with [`QueryBatch::position`].
    pub fn shared(lang: Lang, members: &[Arc<SyntaxQuery>]) -> Result<Arc<Self>, SyntaxError> {
        let mut sorted = members.to_vec();
        sorted.sort_by(|a, b| a.source().cmp(b.source()));
        let key = (lang, sorted.iter().map(|m| m.source().to_string()).collect::<Vec<_>>());
        SHARED.get_or_build(key, || Self::new(lang, &sorted))
    }

    /// Where `query`'s matches are in [`QueryBatch::run`]'s result, if it is a member.
    pub fn position(&self, query: &Arc<SyntaxQuery>) -> Option<usize> {
        self.members.iter().position(|m| std::ptr::eq(m.as_ptr(), Arc::as_ptr(query)))
    }

    /// Joins `members`, all queries for `lang` (that grammar's own, not a TSX variant).
    pub fn new(lang: Lang, members: &[Arc<SyntaxQuery>]) -> Result<Self, SyntaxError> {
        if members.iter().any(|m| m.lang() != lang) {
            return Err(SyntaxError::Query("not a batch of one grammar's queries".into()));
        }
        if !Self::fits(members.iter().map(AsRef::as_ref)) {
            return Err(SyntaxError::Query(format!("a batch holds at most {MAX_QUERY_PATTERNS} patterns in {MAX_QUERY_BYTES} bytes")));
        }
        let source: String = members.iter().map(|m| m.source()).collect::<Vec<_>>().join("\n");
        let joined = Query::new(&lang.grammar(), &source).map_err(|e| SyntaxError::Query(e.message))?;
        let mut owner = Vec::with_capacity(joined.pattern_count());
        for (i, m) in members.iter().enumerate() {
            owner.extend((0..m.pattern_count() as u32).map(|p| (i as u32, p)));
        }
        if owner.len() != joined.pattern_count() {
            return Err(SyntaxError::Query("the joined query's patterns do not line up with its members'".into()));
        }
        let names = joined.capture_names();
        let captures = members.iter().map(|m| names.iter().map(|n| m.capture_names().iter().position(|c| c == n).map(|i| i as u32)).collect()).collect();
        let members = members.iter().map(Arc::downgrade).collect();
        Ok(Self { lang, joined, owner, captures, members })
    }

    /// Whether `members` may be joined: within the bounds of one query, so joining them
    /// costs the host no more than compiling one query a pack may hold.
    pub fn fits<'a>(members: impl Iterator<Item = &'a SyntaxQuery>) -> bool {
        let (bytes, patterns) = members.fold((0, 0), |(b, p), m| (b + m.source().len() + 1, p + m.pattern_count()));
        bytes <= MAX_QUERY_BYTES && patterns <= MAX_QUERY_PATTERNS
    }

    pub fn len(&self) -> usize {
        self.captures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.captures.is_empty()
    }

    /// Every member's matches on `parsed`, in one walk, with node text. `Ok(None)` when the
    /// walk tracked more partial matches than the cursor keeps (a member run alone might
    /// not): the caller runs the members one by one instead.
    pub fn run(&self, parsed: &Parsed, source: &[u8], stop: &mut dyn FnMut() -> bool) -> Result<Option<Vec<MemberMatches>>, SyntaxError> {
        if parsed.lang != self.lang {
            return Err(SyntaxError::Query(format!("a {} batch cannot run on a {} tree", self.lang, parsed.lang)));
        }
        let mut out: Vec<MemberMatches> = (0..self.len()).map(|_| Ok(Vec::new())).collect();
        let walked = for_each_match(&self.joined, parsed, source, &Walk::Whole, stop, &mut |m| {
            let (member, pattern) = self.owner[m.pattern_index];
            let Ok(found) = &mut out[member as usize] else { return Ok(()) };
            if found.len() == MAX_MATCHES_PER_RUN {
                out[member as usize] = Err(SyntaxError::TooManyMatches { limit: MAX_MATCHES_PER_RUN });
                return Ok(());
            }
            let names = &self.captures[member as usize];
            let captures =
                m.captures().iter().filter_map(|c| Some(CaptureInfo { index: names[c.index as usize]?, node: node_info(c.node, source, true) })).collect();
            found.push(MatchInfo { pattern, captures });
            Ok(())
        })?;
        Ok((walked == Walked::Done(false)).then_some(out))
    }
}
