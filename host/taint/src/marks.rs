//! The pre-pass: which nodes of the file are sources, sinks, sanitizers and propagators,
//! by matching every call and name against the rule's code patterns and running its
//! queries once.

use std::collections::HashMap;

use sentra_syntax::{Parsed, SyntaxError};
use tree_sitter::Node;

use crate::kinds::{Cat, cat};
use crate::shape::{self, args, callee, constructed, path_of};
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

pub fn collect(rule: &TaintRule, parsed: &Parsed, src: &[u8], stop: &mut dyn FnMut() -> bool) -> Result<HashMap<Key, Mark>, TaintError> {
    let mut marks = HashMap::new();
    let lists = [(&rule.sources, Role::Source), (&rule.sinks, Role::Sink), (&rule.sanitizers, Role::Sanitizer), (&rule.propagators, Role::Propagator)];
    for (list, role) in lists {
        for m in list.iter() {
            if let Matcher::Query { query, capture } = m {
                for found in query.run(parsed, src, false, stop)? {
                    for c in found.captures.iter().filter(|c| c.index == *capture) {
                        set(&mut marks, (c.node.start, c.node.end, c.node.kind_id), role);
                    }
                }
            }
        }
    }
    let any_code = lists.iter().any(|(l, _)| l.iter().any(|m| matches!(m, Matcher::Code(_))));
    if !any_code {
        return Ok(marks);
    }
    let root = parsed.tree.root_node();
    let imports = shape::imports(root, src);
    let mut cursor = root.walk();
    let mut visited = 0usize;
    loop {
        let node = cursor.node();
        visited += 1;
        if visited.is_multiple_of(4096) && stop() {
            return Err(SyntaxError::Stopped.into());
        }
        if node.is_named() {
            mark_node(node, src, &imports, &lists, &mut marks);
        }
        if cursor.goto_first_child() || cursor.goto_next_sibling() {
            continue;
        }
        loop {
            if !cursor.goto_parent() {
                return Ok(marks);
            }
            if cursor.goto_next_sibling() {
                break;
            }
        }
    }
}

type Lists<'r> = [(&'r Vec<Matcher>, Role); 4];

fn mark_node(node: Node<'_>, src: &[u8], imports: &HashMap<String, String>, lists: &Lists<'_>, marks: &mut HashMap<Key, Mark>) {
    let c = cat(node.kind());
    let (is_call, target) = match c {
        Cat::Call => (true, Some(node)),
        Cat::New => (true, constructed(node)),
        Cat::Identifier | Cat::Member => (false, Some(node)),
        _ => return,
    };
    let Some(target) = target else { return };
    let mut path = Vec::new();
    if is_call && c == Cat::Call {
        let (recv, name, function) = callee(target, src);
        match function {
            Some(f) => path_of(f, src, &mut path, 0),
            None => {
                if let Some(r) = recv {
                    path_of(r, src, &mut path, 0);
                }
                path.push(name.unwrap_or("?").to_string());
            }
        }
    } else {
        path_of(target, src, &mut path, 0);
    }
    collapse_repeats(&mut path);
    let resolved = path.first().and_then(|first| imports.get(first)).map(|full| {
        let mut r: Vec<String> = full.split('.').map(str::to_string).collect();
        r.extend(path[1..].iter().cloned());
        r
    });
    let call_args = is_call.then(|| args(node, src));
    for (list, role) in lists.iter() {
        for m in list.iter() {
            let Matcher::Code(p) = m else { continue };
            if p.args.is_some() != is_call || p.constructor != (c == Cat::New) {
                continue;
            }
            if !(p.matches_path(&path) || resolved.as_ref().is_some_and(|r| p.matches_path(r))) {
                continue;
            }
            let Some(a) = &call_args else {
                set(marks, key(node), *role);
                continue;
            };
            let kw: Vec<(String, String)> = a.keywords.iter().map(|(k, v, _)| (k.clone(), v.clone())).collect();
            if !p.matches_args(a.positional.len(), &kw) {
                continue;
            }
            if let Role::Sink = role {
                match p.sink_positions() {
                    Some(positions) => positions.into_iter().filter_map(|i| a.positional.get(i)).for_each(|n| set(marks, key(*n), Role::Sink)),
                    None => {
                        a.positional.iter().for_each(|n| set(marks, key(*n), Role::Sink));
                        a.keywords.iter().for_each(|(_, _, n)| set(marks, key(*n), Role::Sink));
                    }
                }
            } else {
                set(marks, key(node), *role);
            }
        }
    }
}

/// `w.append(a).append(b)` reads as `w.append(b)`: a fluent chain of the same method is one
/// call to the patterns.
fn collapse_repeats(path: &mut Vec<String>) {
    let base = |s: &str| s.trim_end_matches("()").to_string();
    let mut i = 1;
    while i < path.len() {
        if path[i - 1].ends_with("()") && base(&path[i - 1]) == base(&path[i]) {
            path.remove(i - 1);
        } else {
            i += 1;
        }
    }
}
