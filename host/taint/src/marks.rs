//! The pre-pass: which nodes of the file are sources, sinks, sanitizers and propagators,
//! by matching the file index's calls and names against the rule's code patterns and running its
//! queries once.

use std::collections::HashMap;

use sentra_syntax::Parsed;
use tree_sitter::Node;

use crate::index::{Entry, EntryKind, FileIndex};
use crate::pattern::CodePattern;
use crate::{Matcher, TaintError, TaintRule};

/// A node, by range and kind.
pub type Key = (usize, usize, u16);

pub fn key(node: Node<'_>) -> Key {
    (node.start_byte(), node.end_byte(), node.kind_id())
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Mark {
    pub source: bool,
    pub sink: bool,
    pub sanitizer: bool,
    pub propagator: bool,
}

#[derive(Clone, Copy)]
enum Role {
    Source,
    Sink,
    Sanitizer,
    Propagator,
}

fn set(marks: &mut HashMap<Key, Mark>, k: Key, role: Role) {
    let m = marks.entry(k).or_default();
    match role {
        Role::Source => m.source = true,
        Role::Sink => m.sink = true,
        Role::Sanitizer => m.sanitizer = true,
        Role::Propagator => m.propagator = true,
    }
}

pub fn collect(rule: &TaintRule, parsed: &Parsed, src: &[u8], index: &FileIndex, stop: &mut dyn FnMut() -> bool) -> Result<HashMap<Key, Mark>, TaintError> {
    let mut marks = HashMap::new();
    let lists = [(&rule.sources, Role::Source), (&rule.sinks, Role::Sink), (&rule.sanitizers, Role::Sanitizer), (&rule.propagators, Role::Propagator)];
    for (list, role) in lists {
        for m in list.iter() {
            match m {
                Matcher::Query { query, capture } => {
                    for found in index.query_matches(query, parsed, src, stop)?.iter() {
                        for c in found.captures.iter().filter(|c| c.index == *capture) {
                            set(&mut marks, (c.node.start, c.node.end, c.node.kind_id), role);
                        }
                    }
                }
                Matcher::Code(p) => {
                    let Some(last) = p.segments.last() else { continue };
                    for e in index.by_last(last.trim_end_matches("()")) {
                        mark_entry(index, e, p, role, &mut marks);
                    }
                }
            }
        }
        // No source, no flow: the other lists need not be looked for.
        if matches!(role, Role::Source) && marks.is_empty() {
            return Ok(marks);
        }
    }
    Ok(marks)
}

fn mark_entry(index: &FileIndex, e: &Entry, p: &CodePattern, role: Role, marks: &mut HashMap<Key, Mark>) {
    let is_call = e.kind != EntryKind::Name;
    if p.args.is_some() != is_call || p.constructor != (e.kind == EntryKind::New) {
        return;
    }
    if !(p.matches_path(&index.path(&e.path)) || e.resolved.as_ref().is_some_and(|r| p.matches_path(&index.path(r)))) {
        return;
    }
    if !is_call {
        set(marks, e.node, role);
        return;
    }
    let kw: Vec<(String, String)> = e.keywords.iter().map(|(k, v, _)| (k.to_string(), v.to_string())).collect();
    if !p.matches_args(e.positional.len(), &kw) {
        return;
    }
    match role {
        Role::Sink => match p.sink_positions() {
            Some(positions) => positions.into_iter().filter_map(|i| e.positional.get(i)).for_each(|k| set(marks, *k, Role::Sink)),
            None => {
                e.positional.iter().for_each(|k| set(marks, *k, Role::Sink));
                e.keywords.iter().for_each(|(_, _, k)| set(marks, *k, Role::Sink));
            }
        },
        _ => set(marks, e.node, role),
    }
}
