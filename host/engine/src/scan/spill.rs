//! A scan's findings past a bound, held in an anonymous temporary file instead of memory.
//!
//! A CLI scan of a large repository can hold tens of thousands of findings before the
//! result's cap decides which stay (see [`super::held`]); each is most of a kilobyte
//! (snippet, message, fingerprint). Past a bound, each finding goes to this file as one JSON
//! document and only its ranking key stays in memory; the findings the cap keeps are read
//! back once at the end. The file has no name (it is unlinked when created), so it goes
//! away with the process however the scan ends, and nothing else can open it.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use sentra_model::{Finding, SharedList, SharedStr};

/// One copy of each text and list findings read back hold.
#[derive(Default)]
struct Interner {
    texts: HashSet<SharedStr>,
    lists: HashSet<SharedList>,
}

impl Interner {
    fn share(&mut self, f: &mut Finding) {
        for s in [
            &mut f.rule_id,
            &mut f.pack_id,
            &mut f.evidence.file,
            &mut f.suggestion,
            &mut f.standard,
            &mut f.clause,
            &mut f.compliance_category,
            &mut f.remediation_guidance,
        ] {
            match self.texts.get(s.as_str()) {
                Some(known) => *s = known.clone(),
                None => {
                    self.texts.insert(s.clone());
                }
            }
        }
        for l in [&mut f.tags, &mut f.cwe, &mut f.references] {
            match self.lists.get(l) {
                Some(known) => *l = known.clone(),
                None => {
                    self.lists.insert(l.clone());
                }
            }
        }
    }
}

/// Where one finding is in the file.
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot {
    at: u64,
    len: u32,
}

impl Slot {
    pub(super) fn at(&self) -> u64 {
        self.at
    }

    pub(super) fn len(&self) -> u64 {
        u64::from(self.len)
    }
}

/// The file findings are written to, append only.
pub(super) struct SpillFile {
    out: BufWriter<File>,
    end: u64,
}

impl SpillFile {
    pub(super) fn new() -> io::Result<Self> {
        Ok(Self { out: BufWriter::new(tempfile::tempfile()?), end: 0 })
    }

    /// Bytes written so far (live findings and ones dropped since).
    pub(super) fn size(&self) -> u64 {
        self.end
    }

    pub(super) fn write(&mut self, finding: &Finding) -> io::Result<Slot> {
        let bytes = serde_json::to_vec(finding).map_err(io::Error::other)?;
        let len = u32::try_from(bytes.len()).map_err(|_| io::Error::other("a finding past 4 GiB"))?;
        self.out.write_all(&bytes)?;
        let slot = Slot { at: self.end, len };
        self.end += u64::from(len);
        Ok(slot)
    }

    /// Reads findings back into `found`, in the order asked (each slot once). What findings
    /// shared before they were written (their rule's metadata, their path) they share again.
    pub(super) fn read(&mut self, slots: impl Iterator<Item = Slot>, found: &mut Vec<Finding>) -> io::Result<()> {
        self.out.flush()?;
        let file = self.out.get_mut();
        let mut buf = Vec::new();
        let mut shared = Interner::default();
        for slot in slots {
            buf.resize(slot.len as usize, 0);
            file.seek(SeekFrom::Start(slot.at))?;
            file.read_exact(&mut buf)?;
            let mut f: Finding = serde_json::from_slice(&buf).map_err(io::Error::other)?;
            shared.share(&mut f);
            found.push(f);
        }
        file.seek(SeekFrom::Start(self.end))?;
        Ok(())
    }

    /// Copies the findings at `slots` to a fresh file (dropping the space of every other
    /// finding) and gives their new places, in the same order.
    pub(super) fn compact(&mut self, slots: &[Slot]) -> io::Result<Vec<Slot>> {
        self.out.flush()?;
        let mut fresh = Self::new()?;
        let mut moved = Vec::with_capacity(slots.len());
        let mut buf = Vec::new();
        let file = self.out.get_mut();
        for slot in slots {
            buf.resize(slot.len as usize, 0);
            file.seek(SeekFrom::Start(slot.at))?;
            file.read_exact(&mut buf)?;
            fresh.out.write_all(&buf)?;
            moved.push(Slot { at: fresh.end, len: slot.len });
            fresh.end += slot.len();
        }
        *self = fresh;
        Ok(moved)
    }
}
