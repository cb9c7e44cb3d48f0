//! A file handed to packs: its bytes, read once by the engine, and the syntax trees the
//! host parsed of it for this scan. Every pack of the scan gets a clone of the same
//! `FileData`, so a file is parsed at most once per grammar however many packs query it,
//! searched once per pattern they share, and its trees and matches go when the last clone
//! does (the engine drops it once the file's packs have run).

use std::sync::{Arc, Mutex};

use sentra_matcher::FileMatches;
use sentra_syntax::{Lang, Parsed, SyntaxError};
use sentra_taint::FileIndex;

/// What parsing a file in one grammar came to.
type Parse = (Lang, Result<Arc<Parsed>, SyntaxError>);

/// A file's bytes and the syntax trees parsed of it.
#[derive(Clone)]
pub struct FileData(Arc<Inner>);

struct Inner {
    bytes: Box<dyn AsRef<[u8]> + Send + Sync>,
    /// Outcomes of parsing, by grammar. A parse stopped by a deadline, or refused for one
    /// pack's memory limit, is not kept: another pack may still parse the file.
    trees: Mutex<Vec<Parse>>,
    /// The data-flow index of each tree (its calls and names with their paths), built on
    /// the first data-flow rule that runs on the file and shared by the others.
    indexes: Mutex<Vec<(Lang, Arc<FileIndex>)>>,
    /// Matches of patterns several packs share, found by the first pack to ask.
    matches: FileMatches,
}

impl FileData {
    pub fn new(data: impl AsRef<[u8]> + Send + Sync + 'static) -> Self {
        Self(Arc::new(Inner { bytes: Box::new(data), trees: Mutex::new(Vec::new()), indexes: Mutex::new(Vec::new()), matches: FileMatches::default() }))
    }

    pub fn bytes(&self) -> &[u8] {
        (*self.0.bytes).as_ref()
    }

    pub(crate) fn matches(&self) -> &FileMatches {
        &self.0.matches
    }

    /// The file's tree for `lang`, parsed now unless an earlier call parsed it. `stop` is
    /// asked while parsing; `max_tree_bytes` bounds the tree's estimated size.
    pub(crate) fn tree(&self, lang: Lang, max_tree_bytes: usize, stop: &mut dyn FnMut() -> bool) -> Result<Arc<Parsed>, SyntaxError> {
        if let Some((_, r)) = self.trees().iter().find(|(l, _)| *l == lang) {
            return r.clone();
        }
        // Parsed outside the lock: two packs on two threads may both parse a file at
        // worst; one waiting on the other's parse could run past its own deadline.
        let parsed = sentra_syntax::parse(lang, self.bytes(), max_tree_bytes, stop).map(Arc::new);
        if !matches!(parsed, Err(SyntaxError::Stopped | SyntaxError::TooLarge { .. })) {
            let mut trees = self.trees();
            if !trees.iter().any(|(l, _)| *l == lang) {
                trees.push((lang, parsed.clone()));
            }
        }
        parsed
    }

    /// The data-flow index of `parsed` (this file's tree in `lang`), built now unless an
    /// earlier rule built it. A build stopped by `stop` is not kept.
    pub(crate) fn index(&self, lang: Lang, parsed: &Parsed, stop: &mut dyn FnMut() -> bool) -> Result<Arc<FileIndex>, SyntaxError> {
        let lock = || self.0.indexes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, i)) = lock().iter().find(|(l, _)| *l == lang) {
            return Ok(i.clone());
        }
        let index = Arc::new(FileIndex::build(parsed, self.bytes(), stop)?);
        let mut all = lock();
        if !all.iter().any(|(l, _)| *l == lang) {
            all.push((lang, index.clone()));
        }
        Ok(index)
    }

    /// Drops the file's trees and data-flow indexes (its packs are done with it); what
    /// [`FileData::syntax_errors`] says goes with them.
    pub fn release_analysis(&self) {
        drop(std::mem::take(&mut *self.trees()));
        drop(std::mem::take(&mut *self.0.indexes.lock().unwrap_or_else(std::sync::PoisonError::into_inner)));
    }

    /// Grammars whose tree of this file has syntax errors (the file was still queried:
    /// the well-formed parts answer).
    pub fn syntax_errors(&self) -> Vec<&'static str> {
        self.trees().iter().filter(|(_, r)| r.as_ref().is_ok_and(|p| p.has_errors)).map(|(l, _)| l.name()).collect()
    }

    /// Whether any pack had this file parsed.
    pub fn parsed(&self) -> bool {
        !self.trees().is_empty()
    }

    fn trees(&self) -> std::sync::MutexGuard<'_, Vec<Parse>> {
        self.0.trees.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl std::fmt::Debug for FileData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FileData({} bytes)", self.bytes().len())
    }
}
