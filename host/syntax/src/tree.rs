//! Parsing one file under the calling pack's deadline. A tree with syntax errors is kept:
//! tree-sitter recovers, and queries still answer for the well-formed parts.

use std::ops::ControlFlow;

use tree_sitter::{Parser, Tree};

use crate::{Lang, SyntaxError};

/// Estimated bytes of tree per byte of source. Trees hold 150 to 280 nodes per KB of
/// source (bench/results/2026-12-02-tree-sitter-spike); the resident memory of a large
/// file's tree measured 16 (TypeScript) to 39 (Python) bytes per source byte
/// (bench/results/2026-12-03-syntax), so this errs high.
pub const TREE_BYTES_PER_SOURCE_BYTE: usize = 40;

/// A parsed file.
pub struct Parsed {
    pub lang: Lang,
    pub tree: Tree,
    /// The tree holds `ERROR` or missing nodes.
    pub has_errors: bool,
}

impl std::fmt::Debug for Parsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parsed").field("lang", &self.lang).field("has_errors", &self.has_errors).finish_non_exhaustive()
    }
}

/// What parsing `len` bytes is expected to hold in memory.
pub fn tree_cost(len: usize) -> usize {
    len.saturating_mul(TREE_BYTES_PER_SOURCE_BYTE)
}

/// Parses `source` as `lang`. `stop` is asked as the parser progresses; once it says
/// stop, parsing ends with [`SyntaxError::Stopped`]. A tree whose estimated size
/// ([`tree_cost`]) is over `max_tree_bytes` is refused before parsing.
pub fn parse(lang: Lang, source: &[u8], max_tree_bytes: usize, stop: &mut dyn FnMut() -> bool) -> Result<Parsed, SyntaxError> {
    let cost = tree_cost(source.len());
    if cost > max_tree_bytes {
        return Err(SyntaxError::TooLarge { lang, bytes: source.len(), cost, limit: max_tree_bytes });
    }
    let mut parser = Parser::new();
    parser.set_language(&lang.grammar()).map_err(|e| SyntaxError::Grammar { lang, detail: e.to_string() })?;
    let mut progress = |_: &tree_sitter::ParseState| if stop() { ControlFlow::Break(()) } else { ControlFlow::Continue(()) };
    let options = tree_sitter::ParseOptions::new().progress_callback(&mut progress);
    let len = source.len();
    let mut read = |offset: usize, _| if offset < len { &source[offset..] } else { &[][..] };
    let tree = parser.parse_with_options(&mut read, None, Some(options)).ok_or(SyntaxError::Stopped)?;
    let has_errors = tree.root_node().has_error();
    Ok(Parsed { lang, tree, has_errors })
}
