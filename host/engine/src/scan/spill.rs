//! A scan's findings past a bound, held in an anonymous temporary file instead of memory.
//!
//! A CLI scan of a large repository can hold tens of thousands of findings before the
//! result's cap decides which stay (see [`super::held`]); each is most of a kilobyte
//! (snippet, message, fingerprint). Past a bound, each finding goes to this file and only
//! its ranking key stays in memory; the findings the cap keeps are read back once at the
//! end. A record holds only what is the finding's own: its rule's metadata (which a hostile
//! pack can make large) is kept once per rule in memory, as findings share it anyway. The
//! file has no name (it is unlinked when created), so it goes away with the process however
//! the scan ends, and nothing else can open it.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use sentra_model::{Evidence, Finding, FixSuggestion, FlowStep, SharedList, SharedStr};
use serde::{Deserialize, Serialize};

use super::held::Key;

/// Past this many bytes of dropped findings (and past what the kept ones take), the file
/// is rewritten with the kept ones only.
const COMPACT_AFTER: u64 = 64 << 20;

/// A spilled finding: its ranking key, its rule's metadata and its place in the file.
pub(super) struct Spilled {
    pub(super) key: Key,
    meta: u32,
    at: u64,
    len: u32,
}

/// What findings of one rule share: kept once, not in each record.
#[derive(Clone, PartialEq)]
struct Meta {
    suggestion: SharedStr,
    standard: SharedStr,
    clause: SharedStr,
    category: SharedStr,
    remediation: SharedStr,
    tags: SharedList,
    cwe: SharedList,
    references: SharedList,
}

/// What a record in the file holds: the rest of the finding.
#[derive(Serialize, Deserialize)]
struct Own {
    finding_id: String,
    message: String,
    end_line: u32,
    end_column: u32,
    snippet: String,
    confidence: f32,
    is_obligation: bool,
    fix: Option<FixSuggestion>,
    flow: Vec<FlowStep>,
}

/// The spill file of one scan and what its records need to become findings again.
pub(super) struct Spill {
    out: Option<BufWriter<File>>,
    end: u64,
    /// Bytes still held by findings the cap has not dropped.
    live: u64,
    compact_after: u64,
    metas: Vec<Meta>,
    meta_of: HashMap<(SharedStr, SharedStr), u32>,
    /// Why the file takes no more findings (they then stay in memory).
    pub(super) failed: Option<String>,
}

impl Default for Spill {
    fn default() -> Self {
        Self { out: None, end: 0, live: 0, compact_after: COMPACT_AFTER, metas: Vec::new(), meta_of: HashMap::new(), failed: None }
    }
}

impl Spill {
    /// Whether findings can go to the file (made on first use).
    pub(super) fn usable(&mut self) -> bool {
        if self.out.is_none() && self.failed.is_none() {
            match tempfile::tempfile() {
                Ok(file) => self.out = Some(BufWriter::new(file)),
                Err(e) => self.failed = Some(format!("cannot create a temporary file for findings ({e}): they were held in memory")),
            }
        }
        self.failed.is_none()
    }

    /// Writes `f` to the file; gives it back when the file has failed (now or before).
    pub(super) fn write(&mut self, f: Finding) -> Result<Spilled, Box<Finding>> {
        let Some(out) = self.out.as_mut().filter(|_| self.failed.is_none()) else { return Err(Box::new(f)) };
        let key = Key::of(&f);
        let own = Own {
            finding_id: f.finding_id,
            message: f.message,
            end_line: f.evidence.lines[1],
            end_column: f.evidence.end_column,
            snippet: f.evidence.snippet,
            confidence: f.confidence,
            is_obligation: f.is_obligation,
            fix: f.fix,
            flow: f.flow,
        };
        let written = serde_json::to_vec(&own).map_err(io::Error::other).and_then(|bytes| {
            let len = u32::try_from(bytes.len()).map_err(|_| io::Error::other("a finding past 4 GiB"))?;
            out.write_all(&bytes).map(|()| len)
        });
        let meta = Meta {
            suggestion: f.suggestion,
            standard: f.standard,
            clause: f.clause,
            category: f.compliance_category,
            remediation: f.remediation_guidance,
            tags: f.tags,
            cwe: f.cwe,
            references: f.references,
        };
        match written {
            Ok(len) => {
                let spilled = Spilled { meta: self.meta_id(&key, meta), key, at: self.end, len };
                self.end += u64::from(len);
                self.live += u64::from(len);
                Ok(spilled)
            }
            Err(e) => {
                // Bytes of a partial write would move every later record: nothing more goes
                // to the file (what is there before them is still read back whole).
                self.failed = Some(format!("cannot write findings to a temporary file ({e}): later ones were held in memory"));
                Err(Box::new(Self::rebuild(key, &meta, own)))
            }
        }
    }

    /// The rule's metadata's index, added on the rule's first spilled finding.
    fn meta_id(&mut self, key: &Key, meta: Meta) -> u32 {
        let id = (key.pack.clone(), key.rule.clone());
        // Equal metadata shares its allocations, so the comparison is by pointer.
        if let Some(&i) = self.meta_of.get(&id).filter(|&&i| self.metas[i as usize] == meta) {
            return i;
        }
        self.metas.push(meta);
        let i = (self.metas.len() - 1) as u32;
        self.meta_of.insert(id, i);
        i
    }

    /// Counts a spilled finding the cap dropped (its bytes become garbage).
    pub(super) fn dropped(&mut self, s: &Spilled) {
        self.live -= u64::from(s.len);
    }

    /// Rewrites the file with `kept` only once dropped findings are most of it, so it stays
    /// within a few times what the kept ones take.
    pub(super) fn compact<'a>(&mut self, kept: impl Iterator<Item = &'a mut Spilled>) {
        let garbage = self.end - self.live;
        if self.failed.is_some() || garbage <= self.compact_after.max(self.live) {
            return;
        }
        if let Err(e) = self.rewrite(kept) {
            self.failed = Some(format!("cannot compact the temporary file of findings ({e}): later ones were held in memory"));
        }
    }

    fn rewrite<'a>(&mut self, kept: impl Iterator<Item = &'a mut Spilled>) -> io::Result<()> {
        let Some(out) = self.out.as_mut() else { return Ok(()) };
        out.flush()?;
        let mut fresh = BufWriter::new(tempfile::tempfile()?);
        let mut moved = Vec::new();
        let (mut end, mut buf) = (0, Vec::new());
        for s in kept {
            read_record(out.get_mut(), s, &mut buf)?;
            fresh.write_all(&buf)?;
            let at = end;
            end += u64::from(s.len);
            moved.push((s, at));
        }
        // Only once the fresh file is whole do the findings move to it.
        for (s, at) in moved {
            s.at = at;
        }
        (self.out, self.end, self.live) = (Some(fresh), end, end);
        Ok(())
    }

    /// Reads `spilled` back into `found`, in file order; all or none.
    pub(super) fn read(&mut self, mut spilled: Vec<Spilled>, found: &mut Vec<Finding>) -> io::Result<()> {
        let Some(out) = self.out.as_mut() else { return Ok(()) };
        out.flush()?;
        // In file order: the reads go forward through the file.
        spilled.sort_unstable_by_key(|s| s.at);
        let start = found.len();
        let mut buf = Vec::new();
        for s in spilled {
            let read = read_record(out.get_mut(), &s, &mut buf).and_then(|()| serde_json::from_slice::<Own>(&buf).map_err(io::Error::other));
            match read {
                Ok(own) => found.push(Self::rebuild(s.key, &self.metas[s.meta as usize], own)),
                Err(e) => {
                    found.truncate(start);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    fn rebuild(key: Key, meta: &Meta, own: Own) -> Finding {
        Finding {
            finding_id: own.finding_id,
            rule_id: key.rule,
            pack_id: key.pack,
            severity: key.severity,
            message: own.message,
            evidence: Evidence { file: key.file, lines: [key.line, own.end_line], column: key.column, end_column: own.end_column, snippet: own.snippet },
            suggestion: meta.suggestion.clone(),
            confidence: own.confidence,
            standard: meta.standard.clone(),
            clause: meta.clause.clone(),
            compliance_category: meta.category.clone(),
            remediation_guidance: meta.remediation.clone(),
            tags: meta.tags.clone(),
            cwe: meta.cwe.clone(),
            references: meta.references.clone(),
            is_obligation: own.is_obligation,
            fingerprint: key.fingerprint.into(),
            fix: own.fix,
            flow: own.flow,
        }
    }

    /// Bytes in the file (kept findings and dropped ones not yet compacted away).
    #[cfg(test)]
    pub(super) fn size(&self) -> u64 {
        self.end
    }

    #[cfg(test)]
    pub(super) fn set_compact_after(&mut self, bytes: u64) {
        self.compact_after = bytes;
    }

    #[cfg(test)]
    pub(super) fn live(&self) -> u64 {
        self.live
    }
}

/// Reads one record into `buf`. Every read seeks to its record, so where an earlier read
/// or a failed write left the position does not matter.
fn read_record(file: &mut File, s: &Spilled, buf: &mut Vec<u8>) -> io::Result<()> {
    buf.resize(s.len as usize, 0);
    file.seek(SeekFrom::Start(s.at))?;
    file.read_exact(buf)
}
