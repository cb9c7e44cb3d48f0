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

/// A name of the file, interned: an index into [`FileIndex::names`]. A large file has an
/// entry for every identifier, member and call (about 150,000 for a 1 MB bundle), and
/// paths of owned strings made its index 14 MB.
type Sym = u32;

/// A keyword argument: its name, its value's text, and the value's node.
type Keyword = (Box<str>, Box<str>, Key);

#[derive(Debug)]
pub(crate) struct Entry {
    pub node: Key,
    pub kind: EntryKind,
    pub path: Box<[Sym]>,
    /// The path with its first name resolved through the file's imports.
    pub resolved: Option<Box<[Sym]>>,
    pub positional: Box<[Key]>,
    pub keywords: Box<[Keyword]>,
}

/// The file's entries, by the last name of their path (without `()`).
#[derive(Debug, Default)]
pub struct FileIndex {
    entries: Vec<Entry>,
    /// Entries by the last name of their path (as written, and as imported).
    by_last: HashMap<Sym, Vec<u32>>,
    names: Vec<Box<str>>,
    syms: HashMap<Box<str>, Sym>,
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

    fn sym(&mut self, name: &str) -> Sym {
        if let Some(&s) = self.syms.get(name) {
            return s;
        }
        let s = self.names.len() as Sym;
        self.names.push(name.into());
        self.syms.insert(name.into(), s);
        s
    }

    /// The entries whose path ends in `last` (without `()`).
    pub(crate) fn by_last(&self, last: &str) -> impl Iterator<Item = &Entry> {
        let found = self.syms.get(last).and_then(|s| self.by_last.get(s));
        found.into_iter().flatten().map(|&i| &self.entries[i as usize])
    }

    /// A path's names.
    pub(crate) fn path(&self, path: &[Sym]) -> Vec<&str> {
        path.iter().map(|&s| &*self.names[s as usize]).collect()
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
                && let Some(entry) = entry(node, src, &imports, &mut index)
            {
                // Under its last name as written and as imported (`from x import f as g`).
                let lasts = [entry.path.last(), entry.resolved.as_ref().and_then(|r| r.last())];
                let at = index.entries.len() as u32;
                for (i, &last) in lasts.into_iter().flatten().enumerate() {
                    let name = &index.names[last as usize];
                    let bare = name.trim_end_matches("()");
                    let stripped = (bare.len() != name.len()).then(|| bare.to_string());
                    let last = stripped.map_or(last, |bare| index.sym(&bare));
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
                    index.entries.shrink_to_fit();
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
        let entries: usize = self.entries.iter().map(|e| 96 + 4 * e.path.len() + e.positional.len() * 24 + e.keywords.len() * 64).sum();
        entries + self.by_last.len() * 48 + self.names.iter().map(|n| 2 * n.len() + 64).sum::<usize>()
    }
}

fn entry(node: Node<'_>, src: &[u8], imports: &HashMap<String, String>, index: &mut FileIndex) -> Option<Entry> {
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
    let resolved = path
        .first()
        .and_then(|first| imports.get(first))
        .map(|full| full.split('.').chain(path[1..].iter().map(String::as_str)).map(|s| index.sym(s)).collect());
    let (positional, keywords) = if kind == EntryKind::Name {
        (Box::default(), Box::default())
    } else {
        let a = args(node, src);
        (a.positional.iter().map(|n| key(*n)).collect(), a.keywords.into_iter().map(|(k, v, n)| (k.into(), v.into(), key(n))).collect())
    };
    let path = path.iter().map(|s| index.sym(s)).collect();
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
