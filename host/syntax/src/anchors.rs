//! Where in a file a query can match. A query whose every match has a capture holding one
//! of a few literals (its [`required_literals`](crate::SyntaxQuery::required_literals))
//! can only match around where those literals are written: the cursor is then run on
//! those byte ranges alone instead of walking the whole tree. Walking is most of a
//! query's cost (about the same for any query: tree-sitter's cursor visits every node),
//! and most files hold a rule's literals in a handful of places or none.
//!
//! tree-sitter returns every match that intersects the cursor's byte range, captures
//! outside it included; a match whose capture is one of the literals intersects that
//! literal's range, so the ranged runs together find exactly the matches of a whole walk.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

/// Occurrences closer than this are walked as one range (each range costs a descent from
/// the root, so many near ones are cheaper joined).
const JOIN_GAP: usize = 256;
/// Past this many ranges in one file the whole tree is walked once instead: each range is
/// a walk of its own from the root. (A pattern rooted at the file, `(source_file (_ ...))`,
/// follows the whole tree from every range; the walk of ranges is charged for its work and
/// gives way to a whole walk once it has done as much, so it never costs much more.)
pub const MAX_RANGES: usize = 64;

/// The literals of a query, searched for in a file's bytes.
#[derive(Debug)]
pub struct Anchors(AhoCorasick);

/// Where to run a query on one file.
#[derive(Debug, PartialEq, Eq)]
pub enum Walk {
    /// The whole tree.
    Whole,
    /// Only these byte ranges, in order, disjoint (none: the query cannot match).
    Ranges(Vec<Range<usize>>),
}

impl Anchors {
    /// Anchors for `literals`, or `None` when there are none (the query can match anywhere).
    /// Letters are compared without ASCII case, which only ever finds more places.
    pub fn new<S: AsRef<str>>(literals: &[S]) -> Option<Self> {
        if literals.is_empty() || literals.iter().any(|l| l.as_ref().is_empty()) {
            return None;
        }
        AhoCorasick::builder().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostFirst).build(literals.iter().map(AsRef::as_ref)).ok().map(Self)
    }

    /// Whether `source` holds one of the literals anywhere.
    pub fn occur_in(&self, source: &[u8]) -> bool {
        self.0.is_match(source)
    }

    /// The ranges of `source` to run the query on. Occurrences are found without
    /// overlaps: one skipped for overlapping an earlier one still shares bytes with it, so
    /// a node holding it intersects that earlier range.
    pub fn walk(&self, source: &[u8]) -> Walk {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for m in self.0.find_iter(source) {
            if let Some(last) = ranges.last_mut().filter(|last| m.start() <= last.end + JOIN_GAP) {
                last.end = m.end();
            } else if ranges.len() == MAX_RANGES {
                return Walk::Whole;
            } else {
                ranges.push(m.start()..m.end());
            }
        }
        Walk::Ranges(ranges)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one range, not a list of its numbers
    fn occurrences_become_ranges_joined_when_near_and_a_whole_walk_when_many() {
        let a = Anchors::new(&["eval", "exec"]).unwrap();
        assert_eq!(a.walk(b"nothing here"), Walk::Ranges(vec![]));
        assert_eq!(a.walk(b"x = EVAL(y)"), Walk::Ranges(vec![4..8]), "ASCII case is ignored");
        let far = format!("eval({})exec", " ".repeat(JOIN_GAP + 1));
        assert_eq!(a.walk(far.as_bytes()), Walk::Ranges(vec![0..4, far.len() - 4..far.len()]));
        assert_eq!(a.walk(b"eval(exec)"), Walk::Ranges(vec![0..9]));
        let many = format!("eval{}", " ".repeat(JOIN_GAP + 1)).repeat(MAX_RANGES + 1);
        assert_eq!(a.walk(many.as_bytes()), Walk::Whole);
        assert!(Anchors::new::<&str>(&[]).is_none());
        assert!(Anchors::new(&["a", ""]).is_none());
    }
}
