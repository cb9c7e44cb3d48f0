//! Data-flow rules as a host capability. A [`TaintRule`] names sources (where untrusted
//! data enters), sinks (where it must not arrive), sanitizers (what makes it safe) and
//! propagators, as code patterns or syntax queries; [`TaintRule::run`] follows values
//! through each function of one parsed file and returns every path from a source to a
//! sink. It runs natively in the host, beside `sentra-syntax`, on the tree the host has
//! already parsed: walking a tree in place costs microseconds, where handing its nodes
//! one by one to a Wasm pack costs a host call each, and any pack (the declarative engine
//! or a third party's) reuses it through one pack-API call.
//!
//! The model, per function and in statement order: variables by name (and `a.b`, `a["k"]`
//! slots, list positions), assignments, augmented assignments, string building, collection
//! writes and reads, conditional expressions; branches joined, loops run twice, branches
//! under a compile-time-constant condition skipped; calls to functions of the same file
//! through a summary of which parameters reach their return value; other calls carry
//! taint from receiver and arguments to their result unless the rule says otherwise.
//! Everything is bounded: patterns per rule, nodes visited, flows and steps per flow, and
//! the caller's `stop`.

mod analysis;
mod consts;
mod index;
mod kinds;
mod marks;
mod needs;
mod pattern;
mod shape;

use std::sync::Arc;

use sentra_syntax::{Lang, Parsed, SyntaxError, SyntaxQuery};

pub use index::FileIndex;
pub use pattern::{CodePattern, MAX_PATTERN_BYTES};

/// Most entries in one of a rule's lists.
pub const MAX_PATTERNS_PER_LIST: usize = 256;
/// Most flows one run returns (one per sink node).
pub const MAX_FLOWS_PER_RUN: usize = 1_000;
/// Most steps a flow keeps, source and sink included.
pub const MAX_STEPS: usize = 32;
/// Most node visits one run may make, per byte of source plus a base: loops run twice and
/// summaries once per function, so an honest file needs a few visits per node.
pub const VISITS_PER_BYTE: usize = 4;
pub const BASE_VISITS: usize = 200_000;
/// Longest label of a step, in characters.
pub const MAX_LABEL_CHARS: usize = 80;

/// Why a rule failed to compile or to run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TaintError {
    #[error("invalid pattern {0}")]
    Pattern(String),
    #[error("{0}")]
    Syntax(#[from] SyntaxError),
    #[error("{list}: {why}")]
    List { list: &'static str, why: String },
    #[error("the data-flow analysis of this file needed more than {0} steps")]
    TooMuchWork(usize),
}

/// One source, sink, sanitizer or propagator as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// A code pattern (see [`CodePattern`]).
    Code(String),
    /// A tree-sitter query; the node captured as `@source`, `@sink`, `@sanitizer` or
    /// `@propagator` (by list) is the one meant.
    Query(String),
}

/// A data-flow rule as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaintSpec {
    pub language: String,
    pub sources: Vec<Pattern>,
    pub sinks: Vec<Pattern>,
    pub sanitizers: Vec<Pattern>,
    pub propagators: Vec<Pattern>,
    /// Whether a call the rule does not know carries taint from its receiver and
    /// arguments to its result (the default) or returns clean data.
    pub unknown_calls_propagate: bool,
}

pub(crate) enum Matcher {
    Code(CodePattern),
    Query { query: Arc<SyntaxQuery>, capture: u32 },
}

/// A compiled data-flow rule for one language.
pub struct TaintRule {
    lang: Lang,
    pub(crate) sources: Vec<Matcher>,
    pub(crate) sinks: Vec<Matcher>,
    pub(crate) sanitizers: Vec<Matcher>,
    pub(crate) propagators: Vec<Matcher>,
    pub(crate) unknown_calls_propagate: bool,
    needs: needs::Needs,
}

impl std::fmt::Debug for TaintRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaintRule").field("lang", &self.lang).field("sources", &self.sources.len()).field("sinks", &self.sinks.len()).finish_non_exhaustive()
    }
}

/// One step of a flow. Positions are 1-based; columns count characters; the end is
/// exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub label: String,
}

/// A path from a source to a sink: the first step is the source, the last the sink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    pub steps: Vec<Step>,
}

impl Flow {
    pub fn sink(&self) -> &Step {
        self.steps.last().expect("a flow has a sink")
    }
    pub fn source(&self) -> &Step {
        &self.steps[0]
    }
}

fn compile_list(lang: Lang, list: &'static str, capture: &str, patterns: &[Pattern]) -> Result<Vec<Matcher>, TaintError> {
    if patterns.len() > MAX_PATTERNS_PER_LIST {
        return Err(TaintError::List { list, why: format!("{} entries; the limit is {MAX_PATTERNS_PER_LIST}", patterns.len()) });
    }
    let mut out = Vec::with_capacity(patterns.len());
    for (i, p) in patterns.iter().enumerate() {
        let at = |why: String| TaintError::List { list, why: format!("entry {}: {why}", i + 1) };
        out.push(match p {
            Pattern::Code(text) => Matcher::Code(CodePattern::parse(text).map_err(|e| at(e.to_string()))?),
            Pattern::Query(source) => {
                let query = SyntaxQuery::shared(lang, source).map_err(|e| at(e.to_string()))?;
                let index = query.capture_names().iter().position(|n| n == capture);
                let index = index.ok_or_else(|| at(format!("the query must capture the node it means as `@{capture}`")))?;
                Matcher::Query { query, capture: index as u32 }
            }
        });
    }
    Ok(out)
}

impl TaintRule {
    pub fn compile(spec: &TaintSpec) -> Result<Self, TaintError> {
        let lang = Lang::from_name(&spec.language).ok_or_else(|| SyntaxError::UnknownLanguage(spec.language.chars().take(40).collect()))?;
        if spec.sources.is_empty() || spec.sinks.is_empty() {
            return Err(TaintError::List { list: "sources", why: "a data-flow rule needs at least one source and one sink".into() });
        }
        let sources = compile_list(lang, "sources", "source", &spec.sources)?;
        let sinks = compile_list(lang, "sinks", "sink", &spec.sinks)?;
        Ok(Self {
            lang,
            needs: needs::Needs::of(&sources, &sinks),
            sources,
            sinks,
            sanitizers: compile_list(lang, "sanitizers", "sanitizer", &spec.sanitizers)?,
            propagators: compile_list(lang, "propagators", "propagator", &spec.propagators)?,
            unknown_calls_propagate: spec.unknown_calls_propagate,
        })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether `source` holds what a flow of this rule needs: a literal of one of its
    /// sources and one of its sinks. When it does not, [`TaintRule::run`] finds nothing
    /// there, and the file need not be parsed for this rule.
    pub fn may_flow(&self, source: &[u8]) -> bool {
        self.needs.met_by(source)
    }

    /// Every flow from a source to a sink in `parsed` (a tree of `source`, parsed with
    /// `self.lang().for_path`), one per sink node, in the order found. `stop` is asked as
    /// the analysis progresses; once it says stop, the run fails with
    /// [`SyntaxError::Stopped`].
    pub fn run(&self, parsed: &Parsed, source: &[u8], stop: &mut dyn FnMut() -> bool) -> Result<Vec<Flow>, TaintError> {
        let index = FileIndex::build(parsed, source, stop)?;
        self.run_indexed(parsed, source, &index, stop)
    }

    /// [`TaintRule::run`] with the file's [`FileIndex`] built once by the caller and
    /// shared by every rule that runs on the file.
    pub fn run_indexed(&self, parsed: &Parsed, source: &[u8], index: &FileIndex, stop: &mut dyn FnMut() -> bool) -> Result<Vec<Flow>, TaintError> {
        let marks = marks::collect(self, parsed, source, index, stop)?;
        // No source in the file: nothing can flow (most files of a project).
        if !marks.values().any(|m| m.source) {
            return Ok(Vec::new());
        }
        let budget = source.len().saturating_mul(VISITS_PER_BYTE).saturating_add(BASE_VISITS);
        analysis::Analysis::new(self, parsed, source, marks, budget, stop).run()
    }
}

#[cfg(test)]
mod tests;
