//! A file's calls, constructors and names with their dotted paths, computed once per file
//! and grammar and shared by every data-flow rule that runs on it (the caller keeps it
//! next to the tree): the code patterns of all rules are then matched by their last name
//! in a map instead of each rule walking the tree and rendering every path again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use sentra_syntax::{MatchInfo, Parsed, SyntaxError, SyntaxQuery};
use tree_sitter::Node;

use crate::kinds::{Cat, cat};
use crate::marks::{Key, key};
use crate::shape::{self, args, callee, constructed, path_of};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Call,
    New,
    Name,
}

#[derive(Debug)]
pub(crate) struct Entry {
    pub node: Key,
    pub kind: EntryKind,
    pub path: Vec<String>,
    /// The path with its first name resolved through the file's imports.
    pub resolved: Option<Vec<String>>,
    pub positional: Vec<Key>,
    pub keywords: Vec<(String, String, Key)>,
}

/// The file's entries, by the last name of their path (without `()`).
#[derive(Debug, Default)]
pub struct FileIndex {
    pub(crate) entries: Vec<Entry>,
    pub(crate) by_last: HashMap<String, Vec<u32>>,
    /// The matches of each query run on this file, by language and source: rules of one
    /// pack share their source and sink queries (a web framework's request parameters),
    /// and each would otherwise walk the whole tree again.
    queried: Mutex<HashMap<String, Arc<Vec<MatchInfo>>>>,
}

impl FileIndex {
    /// `query`'s matches on `parsed` (the tree this index was built from), run once.
    pub(crate) fn query_matches(
        &self,
        query: &SyntaxQuery,
        parsed: &Parsed,
        src: &[u8],
        stop: &mut dyn FnMut() -> bool,
    ) -> Result<Arc<Vec<MatchInfo>>, SyntaxError> {
        let key = format!("{}\0{}", query.lang(), query.source());
        if let Some(found) = self.queried.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&key) {
            return Ok(found.clone());
        }
        let found = Arc::new(query.run(parsed, src, false, stop)?);
        self.queried.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(key, found.clone());
        Ok(found)
    }

    /// Walks `parsed` once. `stop` is asked as it goes.
    pub fn build(parsed: &Parsed, src: &[u8], stop: &mut dyn FnMut() -> bool) -> Result<Self, SyntaxError> {
        let root = parsed.tree.root_node();
        let imports = shape::imports(root, src);
        let mut index = FileIndex::default();
        let mut cursor = root.walk();
        let mut visited = 0usize;
        loop {
            let node = cursor.node();
            visited += 1;
            if visited.is_multiple_of(4096) && stop() {
                return Err(SyntaxError::Stopped);
            }
            if node.is_named()
                && let Some(entry) = entry(node, src, &imports)
            {
                // Under its last name as written and as imported (`from x import f as g`).
                let lasts = [entry.path.last(), entry.resolved.as_ref().and_then(|r| r.last())];
                let at = index.entries.len() as u32;
                for (i, last) in lasts.into_iter().flatten().enumerate() {
                    let last = last.trim_end_matches("()").to_string();
                    let list = index.by_last.entry(last).or_default();
                    if i == 0 || list.last() != Some(&at) {
                        list.push(at);
                    }
                }
                index.entries.push(entry);
            }
            if cursor.goto_first_child() || cursor.goto_next_sibling() {
                continue;
            }
            loop {
                if !cursor.goto_parent() {
                    return Ok(index);
                }
                if cursor.goto_next_sibling() {
                    break;
                }
            }
        }
    }

    /// Rough heap size, for budgets.
    pub fn approx_bytes(&self) -> usize {
        self.entries.iter().map(|e| 96 + e.path.iter().map(|s| s.len() + 24).sum::<usize>() + e.positional.len() * 24).sum::<usize>() + self.by_last.len() * 48
    }
}

fn entry(node: Node<'_>, src: &[u8], imports: &HashMap<String, String>) -> Option<Entry> {
    let c = cat(node.kind());
    let kind = match c {
        Cat::Call => EntryKind::Call,
        Cat::New => EntryKind::New,
        Cat::Identifier | Cat::Member => EntryKind::Name,
        _ => return None,
    };
    let mut path = Vec::new();
    match kind {
        EntryKind::Call => {
            let (recv, name, function) = callee(node, src);
            match function {
                Some(f) => path_of(f, src, &mut path, 0),
                None => {
                    if let Some(r) = recv {
                        path_of(r, src, &mut path, 0);
                    }
                    path.push(name.unwrap_or("?").to_string());
                }
            }
        }
        EntryKind::New => path_of(constructed(node)?, src, &mut path, 0),
        EntryKind::Name => path_of(node, src, &mut path, 0),
    }
    collapse_repeats(&mut path);
    let resolved = path.first().and_then(|first| imports.get(first)).map(|full| {
        let mut r: Vec<String> = full.split('.').map(str::to_string).collect();
        r.extend(path[1..].iter().cloned());
        r
    });
    let (positional, keywords) = if kind == EntryKind::Name {
        (Vec::new(), Vec::new())
    } else {
        let a = args(node, src);
        (a.positional.iter().map(|n| key(*n)).collect(), a.keywords.into_iter().map(|(k, v, n)| (k, v, key(n))).collect())
    };
    Some(Entry { node: key(node), kind, path, resolved, positional, keywords })
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
