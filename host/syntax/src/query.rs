//! Compiled syntax queries and running them on a parsed file. The text predicates
//! (`#eq?`, `#not-eq?`, `#match?`, `#not-match?`, `#any-of?`, `#not-any-of?`) are
//! evaluated by tree-sitter's cursor on the host; any other predicate is refused at
//! compile time, since nothing would evaluate it and the query would match too much.

use std::cell::Cell;
use std::collections::HashSet;
use std::ops::ControlFlow;
use std::sync::{Arc, OnceLock};

use crate::shared::WeakCache;
use sentra_matcher::literals::regex_literals;
use tree_sitter::{CaptureQuantifier, Node, Query, QueryCursor, QueryCursorOptions, StreamingIterator};

use crate::anchors::{Anchors, Walk};
use crate::tree::Parsed;
use crate::{Lang, SyntaxError};

/// Longest query source accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 64 << 10;
/// Most patterns one query may hold.
pub const MAX_QUERY_PATTERNS: usize = 512;
/// Matches one run may return; past it the run fails (a rule that matches every node of
/// a large file is a runaway, and its output would be megabytes).
pub const MAX_MATCHES_PER_RUN: usize = 10_000;
/// Longest node text handed back, in bytes (cut on a character boundary).
pub const MAX_NODE_TEXT_BYTES: usize = 4 << 10;
/// Children one `children` call returns at most.
pub const MAX_CHILDREN: usize = 10_000;
/// Every byte of a file: the range of a whole walk.
const WHOLE: std::ops::Range<usize> = 0..usize::MAX;
/// In-progress matches the cursor tracks (tree-sitter's own bound on query state).
const CURSOR_MATCH_LIMIT: u32 = 4_096;

/// A query compiled for one language (for `typescript`, also for the TSX grammar, on the
/// first TSX file: compiling a query costs milliseconds of tree-sitter's analysis, and
/// most TypeScript projects have few or no `.tsx` files).
pub struct SyntaxQuery {
    lang: Lang,
    main: Query,
    tsx: Option<OnceLock<Result<Query, String>>>,
    source: String,
    capture_names: Vec<String>,
    literals: Vec<String>,
    /// Where in a file the query can match, when its literals say.
    anchors: Option<Anchors>,
}

impl std::fmt::Debug for SyntaxQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyntaxQuery").field("lang", &self.lang).field("captures", &self.capture_names).finish_non_exhaustive()
    }
}

/// A node as packs see it. Positions are 1-based; columns count Unicode scalar values;
/// the end is exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeInfo {
    pub kind: String,
    pub kind_id: u16,
    pub named: bool,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// The node's source text (lossy UTF-8, at most [`MAX_NODE_TEXT_BYTES`]), when asked.
    pub text: Option<String>,
}

impl NodeInfo {
    /// What finds the node again in the same tree.
    pub fn node_ref(&self) -> NodeRef {
        NodeRef { start: self.start, end: self.end, kind_id: self.kind_id }
    }
}

/// A node of a tree, by its range and kind (stable for as long as the tree lives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeRef {
    pub start: usize,
    pub end: usize,
    pub kind_id: u16,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptureInfo {
    /// Index into [`SyntaxQuery::capture_names`].
    pub index: u32,
    pub node: NodeInfo,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchInfo {
    /// Index of the query pattern that matched.
    pub pattern: u32,
    pub captures: Vec<CaptureInfo>,
}

fn compile_one(lang: Lang, source: &str) -> Result<Query, String> {
    let query = Query::new(&lang.grammar(), source).map_err(|e| format!("line {}, column {}: {}", e.row + 1, e.column + 1, first_line(&e.message)))?;
    for i in 0..query.pattern_count() {
        // A predicate written after a pattern instead of inside it parses as a pattern of
        // its own that tests nothing and matches every node.
        if source.get(query.start_byte_for_pattern(i)..).is_some_and(|p| p.trim_start().starts_with("(#")) {
            return Err("a predicate must be inside the parentheses of the pattern it tests: `((identifier) @x (#eq? @x \"eval\"))`".into());
        }
        if let Some(p) = query.general_predicates(i).first() {
            return Err(format!(
                "predicate `#{}` is not supported (the host evaluates #eq?, #not-eq?, #match?, #not-match?, #any-of? and #not-any-of?)",
                p.operator
            ));
        }
        if !query.property_predicates(i).is_empty() || !query.property_settings(i).is_empty() {
            return Err("`#is?`, `#is-not?` and `#set!` are not supported".into());
        }
    }
    Ok(query)
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(200).collect()
}

/// Compiled queries by language and text: every instance of a pack and every rule that
/// repeats a query share one compiled form.
static SHARED: WeakCache<(Lang, String), SyntaxQuery> = WeakCache::new();

impl SyntaxQuery {
    /// The query `source` for `lang`, compiled now or shared with whoever compiled the
    /// same text and still holds it.
    pub fn shared(lang: Lang, source: &str) -> Result<Arc<SyntaxQuery>, SyntaxError> {
        SHARED.get_or_build((lang, source.to_string()), || SyntaxQuery::compile(lang, source))
    }

    /// Compiles `source` for `lang`. Errors say where the query is wrong, never quoting
    /// more than the offending line's first 200 characters.
    pub fn compile(lang: Lang, source: &str) -> Result<Self, SyntaxError> {
        if source.len() > MAX_QUERY_BYTES {
            return Err(SyntaxError::Query(format!("the query is {} bytes; the limit is {MAX_QUERY_BYTES}", source.len())));
        }
        let main = compile_one(lang, source).map_err(SyntaxError::Query)?;
        if main.pattern_count() > MAX_QUERY_PATTERNS {
            return Err(SyntaxError::Query(format!("the query has {} patterns; the limit is {MAX_QUERY_PATTERNS}", main.pattern_count())));
        }
        let capture_names = main.capture_names().iter().map(|s| s.to_string()).collect();
        let literals = required_literals(&main, source);
        let anchors = Anchors::new(&literals);
        let tsx = (lang == Lang::TypeScript).then(OnceLock::new);
        Ok(Self { lang, main, tsx, source: source.to_string(), capture_names, literals, anchors })
    }

    /// Patterns of the query (for its own grammar).
    pub fn pattern_count(&self) -> usize {
        self.main.pattern_count()
    }

    /// The query as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn capture_names(&self) -> &[String] {
        &self.capture_names
    }

    /// Literals one of which every match's file must contain (from `#eq?`/`#any-of?`, or
    /// the literals a `#match?` regex requires, on a capture every match has), or empty when
    /// some pattern has none: a prefilter, and where the query can match (see [`Anchors`]).
    pub fn required_literals(&self) -> &[String] {
        &self.literals
    }

    /// Rough heap size, for budgets.
    pub fn approx_bytes(&self) -> usize {
        let compiled = 1 + usize::from(self.tsx.as_ref().is_some_and(|t| t.get().is_some()));
        self.source.len() * (16 * compiled + 1) + 4096
    }

    /// The compiled query for a tree of grammar `lang`.
    pub(crate) fn for_tree(&self, lang: Lang) -> Result<&Query, SyntaxError> {
        if lang == self.lang {
            return Ok(&self.main);
        }
        match &self.tsx {
            Some(tsx) if lang == Lang::Tsx => tsx
                .get_or_init(|| compile_one(Lang::Tsx, &self.source))
                .as_ref()
                .map_err(|e| SyntaxError::Query(format!("the query does not compile for {lang}: {e}"))),
            _ => Err(SyntaxError::Query(format!("a {} query cannot run on a {lang} tree", self.lang))),
        }
    }

    /// Runs the query on `parsed` (a tree of `source`, parsed with `self.lang().for_path`).
    /// `stop` is asked as the cursor progresses; once it says stop, the run fails.
    pub fn run(&self, parsed: &Parsed, source: &[u8], with_text: bool, stop: &mut dyn FnMut() -> bool) -> Result<Vec<MatchInfo>, SyntaxError> {
        let query = self.for_tree(parsed.lang)?;
        let mut walk = self.walk(source);
        loop {
            let mut out = Vec::new();
            let walked = for_each_match(query, parsed, source, &walk, stop, &mut |m| {
                if out.len() == MAX_MATCHES_PER_RUN {
                    return Err(SyntaxError::TooManyMatches { limit: MAX_MATCHES_PER_RUN });
                }
                let captures = m.captures().iter().map(|c| CaptureInfo { index: c.index, node: node_info(c.node, source, with_text) }).collect();
                out.push(MatchInfo { pattern: m.pattern_index as u32, captures });
                Ok(())
            })?;
            if walked == Walked::OverBudget {
                walk = Walk::Whole;
                continue;
            }
            in_order(&walk, &mut out);
            return Ok(out);
        }
    }

    /// Where this query can match in `source`: around its literals, or anywhere.
    pub(crate) fn walk(&self, source: &[u8]) -> Walk {
        self.anchors.as_ref().map_or(Walk::Whole, |a| a.walk(source))
    }

    /// [`SyntaxQuery::run`] walking the whole tree, as it did before anchors: what the
    /// ranged runs must agree with.
    #[cfg(test)]
    pub(crate) fn run_whole(&self, parsed: &Parsed, source: &[u8]) -> Vec<MatchInfo> {
        let mut out = Vec::new();
        for_each_match(self.for_tree(parsed.lang).unwrap(), parsed, source, &Walk::Whole, &mut || false, &mut |m| {
            let captures = m.captures().iter().map(|c| CaptureInfo { index: c.index, node: node_info(c.node, source, true) }).collect();
            out.push(MatchInfo { pattern: m.pattern_index as u32, captures });
            Ok(())
        })
        .unwrap();
        out
    }

    /// Whether the query can only match around its literals (see [`Anchors`]).
    pub fn is_anchored(&self) -> bool {
        self.anchors.is_some()
    }
}

/// How a walk ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Walked {
    /// Every match was handed over; `true` when the cursor dropped partial matches past
    /// its bound.
    Done(bool),
    /// A walk of ranges did more work than a whole walk would (each range descends from
    /// the root through the siblings before it: a file of thousands of top-level items
    /// makes that dear). Matches may have been handed over: the caller starts again with
    /// [`Walk::Whole`].
    OverBudget,
}

/// Walks `query`'s matches on `parsed`, handing each to `each` (whose error ends the walk);
/// `stop` is asked as the cursor progresses, and once it says stop the walk fails.
pub(crate) fn for_each_match(
    query: &Query,
    parsed: &Parsed,
    source: &[u8],
    walk: &Walk,
    stop: &mut dyn FnMut() -> bool,
    each: &mut dyn FnMut(&tree_sitter::QueryMatch<'_, '_>) -> Result<(), SyntaxError>,
) -> Result<Walked, SyntaxError> {
    let whole = std::slice::from_ref(&WHOLE);
    let ranges = match walk {
        Walk::Whole => whole,
        Walk::Ranges(r) => &r[..],
    };
    // tree-sitter calls back about every 1,000 units of work, and a whole walk costs at
    // least two per node (in and out): ranges may cost that much before giving way.
    let budget = (ranges.len() > 1).then(|| parsed.tree.root_node().descendant_count() / 500 + 1);
    let (stopped, over, calls) = (Cell::new(false), Cell::new(false), Cell::new(0usize));
    let mut progress = |_: &tree_sitter::QueryCursorState| {
        calls.set(calls.get() + 1);
        if budget.is_some_and(|b| calls.get() > b) {
            over.set(true);
            ControlFlow::Break(())
        } else if stop() {
            stopped.set(true);
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let mut cursor = QueryCursor::new();
    cursor.set_match_limit(CURSOR_MATCH_LIMIT);
    // A match intersecting two ranges is found twice: the second time is skipped.
    let mut seen = HashSet::new();
    let mut exceeded = false;
    for range in ranges {
        cursor.set_byte_range(range.clone());
        let options = QueryCursorOptions::new().progress_callback(&mut progress);
        let mut matches = cursor.matches_with_options(query, parsed.tree.root_node(), source, options);
        while let Some(m) = matches.next() {
            if ranges.len() > 1 && !seen.insert((m.pattern_index, m.captures().iter().map(|c| (c.index, c.node.id())).collect::<Vec<_>>())) {
                continue;
            }
            each(m)?;
        }
        drop(matches);
        if stopped.get() {
            return Err(SyntaxError::Stopped);
        }
        if over.get() {
            return Ok(Walked::OverBudget);
        }
        exceeded |= cursor.did_exceed_match_limit();
    }
    Ok(Walked::Done(exceeded))
}

/// Matches of a run over several ranges in order of position, as a whole walk finds them
/// (each range's own are already in that order).
pub(crate) fn in_order(walk: &Walk, matches: &mut [MatchInfo]) {
    if matches!(walk, Walk::Ranges(r) if r.len() > 1) {
        matches.sort_by_key(|m| m.captures.iter().map(|c| c.node.start).min());
    }
}

/// The literals of positive `#eq?` / `#any-of?` / `#match?` predicates on captures every
/// match of a pattern has (per pattern, the predicate that filters best); empty unless
/// every pattern has one.
fn required_literals(query: &Query, source: &str) -> Vec<String> {
    let mut all = Vec::new();
    for i in 0..query.pattern_count() {
        let text = &source[query.start_byte_for_pattern(i)..query.end_byte_for_pattern(i).min(source.len())];
        let quantifiers = query.capture_quantifiers(i);
        let certain = |name: &str| {
            query
                .capture_index_for_name(name)
                .and_then(|c| quantifiers.get(c as usize))
                .is_some_and(|q| matches!(q, CaptureQuantifier::One | CaptureQuantifier::OneOrMore))
        };
        // Each usable predicate names literals one of which the file holds: the strings of
        // an `#eq?`/`#any-of?`, the literals every match of a `#match?` regex holds. The
        // pattern takes the set that filters best: the longest shortest literal, then the
        // fewest (`request.` over `compile`/`match`/`sub`).
        let sets =
            predicates(text).into_iter().filter(|(_, capture, args)| certain(capture) && !args.is_empty()).filter_map(|(op, _, args)| match op.as_str() {
                "eq?" | "any-of?" => Some(args),
                "match?" if args.len() == 1 => regex_literals(&args[0]).ok(),
                _ => None,
            });
        let best = sets.max_by_key(|set| (set.iter().map(String::len).min(), std::cmp::Reverse(set.len())));
        match best {
            Some(set) => all.extend(set),
            None => return Vec::new(),
        }
    }
    all.sort();
    all.dedup();
    // A file holding `.eval` holds `eval`: the longer one adds nothing.
    let every = all.clone();
    all.retain(|l| !every.iter().any(|m| m != l && l.contains(m.as_str())));
    all
}

/// `(#op? @capture "a" "b")` predicates of a pattern's source whose arguments are all
/// strings. Strings are read as the query language writes them (`\"` and `\\` escapes; a
/// `)` inside one does not end the predicate); one with another escape is skipped, which
/// only costs a prefilter.
fn predicates(text: &str) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("(#") {
        rest = &rest[at + 2..];
        let (tokens, used) = predicate_tokens(rest);
        rest = &rest[used..];
        let mut tokens = tokens.into_iter();
        let (Some(Some(op)), Some(Some(capture))) = (tokens.next(), tokens.next()) else { continue };
        let Some(capture) = capture.strip_prefix('@') else { continue };
        let args: Option<Vec<String>> = tokens.map(|t| t.and_then(|t| t.strip_prefix('"').map(str::to_string)).filter(|w| !w.is_empty())).collect();
        if let Some(args) = args {
            out.push((op, capture.to_string(), args));
        }
    }
    out
}

/// The tokens of one predicate up to its closing `)`, and the bytes read. A string token
/// keeps a leading `"` and is unescaped; `None` is a string with an escape other than
/// `\"` or `\\`.
fn predicate_tokens(text: &str) -> (Vec<Option<String>>, usize) {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ')' => return (tokens, i + 1),
            c if c.is_whitespace() => {}
            '"' => {
                let mut s = String::from('"');
                let mut ok = true;
                loop {
                    match chars.next() {
                        None => return (tokens, text.len()),
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match chars.next() {
                            Some((_, e @ ('"' | '\\'))) => s.push(e),
                            _ => ok = false,
                        },
                        Some((_, c)) => s.push(c),
                    }
                }
                tokens.push(ok.then_some(s));
            }
            _ => {
                let mut s = String::from(c);
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_whitespace() || c == ')' || c == '"' {
                        break;
                    }
                    s.push(c);
                    chars.next();
                }
                tokens.push(Some(s));
            }
        }
    }
    (tokens, text.len())
}

/// 1-based line and character column of byte `offset` at tree-sitter point `column_bytes`.
fn position(source: &[u8], offset: usize, row: usize, column_bytes: usize) -> (u32, u32) {
    let line_start = offset.saturating_sub(column_bytes);
    let prefix = &source[line_start.min(source.len())..offset.min(source.len())];
    let chars = prefix.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    (row as u32 + 1, chars as u32 + 1)
}

/// What a pack sees of `node`.
pub fn node_info(node: Node<'_>, source: &[u8], with_text: bool) -> NodeInfo {
    let (start, end) = (node.start_byte(), node.end_byte());
    let (sp, ep) = (node.start_position(), node.end_position());
    let (line, column) = position(source, start, sp.row, sp.column);
    let (end_line, end_column) = position(source, end, ep.row, ep.column);
    let text = with_text.then(|| {
        let bytes = &source[start.min(source.len())..end.min(source.len())];
        let mut cut = bytes.len().min(MAX_NODE_TEXT_BYTES);
        while cut < bytes.len() && cut > 0 && (bytes[cut] & 0xC0) == 0x80 {
            cut -= 1;
        }
        String::from_utf8_lossy(&bytes[..cut]).into_owned()
    });
    NodeInfo { kind: node.kind().to_string(), kind_id: node.kind_id(), named: node.is_named(), start, end, line, column, end_line, end_column, text }
}

/// The node `r` names in `parsed`, if it is there.
pub fn find_node(parsed: &Parsed, r: NodeRef) -> Option<Node<'_>> {
    let mut node = parsed.tree.root_node().descendant_for_byte_range(r.start, r.end)?;
    // The smallest node spanning the range may be a child of the one named (a wrapper with
    // the same range): walk up while the range stays the same.
    loop {
        if node.kind_id() == r.kind_id && node.start_byte() == r.start && node.end_byte() == r.end {
            return Some(node);
        }
        node = node.parent().filter(|p| p.start_byte() == r.start && p.end_byte() == r.end)?;
    }
}

/// The parent of the node `r` names.
pub fn parent(parsed: &Parsed, r: NodeRef, source: &[u8], with_text: bool) -> Option<NodeInfo> {
    find_node(parsed, r)?.parent().map(|p| node_info(p, source, with_text))
}

/// The children (named ones only, when `named`) of the node `r` names, at most
/// [`MAX_CHILDREN`].
pub fn children(parsed: &Parsed, r: NodeRef, source: &[u8], named: bool, with_text: bool) -> Option<Vec<NodeInfo>> {
    let node = find_node(parsed, r)?;
    let mut cursor = node.walk();
    let kids: Vec<NodeInfo> = if named {
        node.named_children(&mut cursor).take(MAX_CHILDREN).map(|c| node_info(c, source, with_text)).collect()
    } else {
        node.children(&mut cursor).take(MAX_CHILDREN).map(|c| node_info(c, source, with_text)).collect()
    };
    Some(kids)
}
