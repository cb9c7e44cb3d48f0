//! Syntax trees as a host capability. The host parses a file with tree-sitter when a pack
//! first asks a query of it (at most once per file and grammar per scan: the caller
//! caches the [`Parsed`] tree next to the file's bytes) and runs compiled queries on it,
//! evaluating their text predicates natively. Every step is bounded: query size and
//! patterns, tree memory (estimated before parsing), matches per run, node text, and
//! time (the caller's `stop` is asked while parsing and matching).
//!
//! No wasmtime type appears here; the runtime crate adapts this to the pack API.

mod anchors;
mod batch;
mod lang;
mod query;
mod shared;
mod tree;

pub use anchors::Anchors;
pub use batch::{MemberMatches, QueryBatch};
pub use lang::Lang;
pub use query::{
    CaptureInfo, MAX_CHILDREN, MAX_MATCHES_PER_RUN, MAX_NODE_TEXT_BYTES, MAX_QUERY_BYTES, MAX_QUERY_PATTERNS, MatchInfo, NodeInfo, NodeRef, SyntaxQuery,
    children, find_node, node_info, parent,
};
pub use tree::{Parsed, TREE_BYTES_PER_SOURCE_BYTE, parse, tree_cost};

/// Why parsing or a query failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SyntaxError {
    #[error("unknown language `{0}` (one of: {names})", names = Lang::names())]
    UnknownLanguage(String),
    #[error("invalid query: {0}")]
    Query(String),
    #[error("the grammar for {lang} could not be loaded: {detail}")]
    Grammar { lang: Lang, detail: String },
    #[error("a {bytes}-byte file would need about {cost} bytes of {lang} syntax tree; the pack's limit is {limit}")]
    TooLarge { lang: Lang, bytes: usize, cost: usize, limit: usize },
    #[error("stopped: the pack's time limit was reached or the scan was cancelled")]
    Stopped,
    #[error("the query matched more than {limit} times in one file")]
    TooManyMatches { limit: usize },
}

/// Compiles a query for a language named as packs name it.
pub fn compile_query(language: &str, source: &str) -> Result<SyntaxQuery, SyntaxError> {
    SyntaxQuery::compile(lang_named(language)?, source)
}

/// Like [`compile_query`], sharing the compiled form with whoever holds the same query
/// (see [`SyntaxQuery::shared`]).
pub fn shared_query(language: &str, source: &str) -> Result<std::sync::Arc<SyntaxQuery>, SyntaxError> {
    SyntaxQuery::shared(lang_named(language)?, source)
}

fn lang_named(language: &str) -> Result<Lang, SyntaxError> {
    Lang::from_name(language).ok_or_else(|| SyntaxError::UnknownLanguage(language.chars().take(40).collect()))
}

#[cfg(test)]
mod tests;
