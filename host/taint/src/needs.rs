//! What a file must hold for a rule to find a flow in it, checked on its bytes before it
//! is parsed. A flow needs a source and a sink; every match of a code pattern holds each of
//! its segments as written in the file (`requests` and `get` of `requests.get(...)`, also
//! when imported as `from requests import get`: the import names them), and every match of
//! a query one of its required literals. A rule whose source literals are common (`request`,
//! `input`) but whose sinks are rare (`pickle`, `subprocess`) is then not run, and the file
//! not parsed for it, where its sinks are absent.

use sentra_syntax::Anchors;

use crate::Matcher;
use crate::pattern::CodePattern;

/// The literals of a rule's sources and of its sinks; `None` for a list with an entry
/// that has none (it can match anywhere).
pub(crate) struct Needs {
    sources: Option<Anchors>,
    sinks: Option<Anchors>,
}

impl Needs {
    pub(crate) fn of(sources: &[Matcher], sinks: &[Matcher]) -> Self {
        Self { sources: automaton(sources), sinks: automaton(sinks) }
    }

    /// Whether `source` holds a literal of a source and one of a sink (letters compared
    /// without ASCII case, which only ever says yes more often).
    pub(crate) fn met_by(&self, source: &[u8]) -> bool {
        [&self.sources, &self.sinks].into_iter().all(|a| a.as_ref().is_none_or(|a| a.occur_in(source)))
    }
}

fn automaton(list: &[Matcher]) -> Option<Anchors> {
    let mut literals = Vec::new();
    for m in list {
        match m {
            Matcher::Code(p) => literals.push(code_literal(p)?),
            Matcher::Query { query, .. } if !query.required_literals().is_empty() => literals.extend(query.required_literals().iter().cloned()),
            Matcher::Query { .. } => return None,
        }
    }
    Anchors::new(&literals)
}

/// The longest segment of a code pattern, as the file writes it: without a call's `()`, a
/// namespace's `\` prefix or a variable's `$`.
fn code_literal(p: &CodePattern) -> Option<String> {
    let bare = |s: &String| -> String {
        let s = s.trim_end_matches("()");
        s.rsplit('\\').next().unwrap_or(s).trim_start_matches('$').to_string()
    };
    p.segments.iter().map(bare).max_by_key(String::len).filter(|s| !s.is_empty())
}
