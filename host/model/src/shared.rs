//! Immutable text and lists that findings share instead of copying.
//!
//! Every finding of a rule repeats the rule's metadata (id, pack, standard, clause,
//! remediation, tags, CWEs, references) and every finding in a file repeats its path. A scan
//! can hold tens of thousands of findings, so each copy was most of a finding's memory: these
//! types are one reference-counted allocation, cloned by bumping a count. On the wire (JSON,
//! schemas) they are a plain string and a plain list of strings.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A shared, immutable string: a `String` on the wire, one allocation however often cloned.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        Self(Arc::from(""))
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl AsRef<std::path::Path> for SharedStr {
    fn as_ref(&self) -> &std::path::Path {
        std::path::Path::new(&*self.0)
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        Self(Arc::from(s))
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        Self(Arc::from(s))
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> Self {
        Self(Arc::from(s.as_str()))
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> Self {
        s.0.to_string()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == &*other.0
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        **self == *other.0
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Self::from)
    }
}

/// A shared, immutable list of strings: a list on the wire, one allocation however often
/// cloned.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedList(Arc<[String]>);

impl Default for SharedList {
    fn default() -> Self {
        Self(Arc::from(Vec::new()))
    }
}

impl Deref for SharedList {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl fmt::Debug for SharedList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<Vec<String>> for SharedList {
    fn from(v: Vec<String>) -> Self {
        Self(Arc::from(v))
    }
}

impl From<&[String]> for SharedList {
    fn from(v: &[String]) -> Self {
        Self(Arc::from(v))
    }
}

impl<const N: usize> From<[&str; N]> for SharedList {
    fn from(v: [&str; N]) -> Self {
        Self(v.iter().map(|s| s.to_string()).collect())
    }
}

impl FromIterator<String> for SharedList {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a SharedList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl PartialEq<Vec<String>> for SharedList {
    fn eq(&self, other: &Vec<String>) -> bool {
        *self.0 == **other
    }
}

impl Serialize for SharedList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for SharedList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<String>::deserialize(d).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_allocation_and_the_wire_form_is_plain() {
        let a = SharedStr::from("A03:2021");
        let b = a.clone();
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, "A03:2021");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"A03:2021\"");
        let back: SharedStr = serde_json::from_str("\"x\"").unwrap();
        assert_eq!(back, "x");

        let l = SharedList::from(vec!["CWE-89".to_string()]);
        let m = l.clone();
        assert!(std::ptr::eq(l.as_ptr(), m.as_ptr()));
        assert_eq!(serde_json::to_string(&l).unwrap(), "[\"CWE-89\"]");
        let back: SharedList = serde_json::from_str("[\"a\",\"b\"]").unwrap();
        assert_eq!(back, vec!["a".to_string(), "b".to_string()]);
    }
}
