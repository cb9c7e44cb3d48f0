//! Required files (`required_file` rules): whether the project shows a control exists,
//! decided by the host before the project-level rules run, since a pack cannot read the
//! repository. A rule whose control is present is not handed to its pack, so it reports
//! nothing; one whose control is missing reports its one project-level finding.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use sentra_matcher::{MatchLimits, PatternSet, Text};
use sentra_runtime::{FileData, RuleInfo};

use crate::glob::checked_set as globs;
use crate::packs::PackSet;

/// The rule kind the host decides presence for.
pub const REQUIRED_FILE: &str = "required_file";

/// One required-file rule: the files that may show the control, and what they must say.
struct Wanted {
    at: (usize, usize),
    include: globset::GlobSet,
    exclude: globset::GlobSet,
    /// `None`: any selected file will do.
    pattern: Option<PatternSet>,
    found: AtomicBool,
}

impl Wanted {
    fn of(at: (usize, usize), rule: &RuleInfo, limits: &MatchLimits) -> Self {
        // A pattern that does not compile never holds (YAML packs are validated before
        // they get here), so the control reads as missing rather than present.
        let pattern = rule.pattern.as_ref().map(|p| PatternSet::compile(&[format!("(?m){p}")], *limits).unwrap_or_else(|_| never(limits)));
        Self { at, include: globs(&rule.file_globs), exclude: globs(&rule.exclude_globs), pattern, found: AtomicBool::new(false) }
    }

    fn selects(&self, path: &str) -> bool {
        self.include.is_match(path) && !self.exclude.is_match(path)
    }
}

fn never(limits: &MatchLimits) -> PatternSet {
    PatternSet::compile(&["[^\\s\\S]"], *limits).expect("a pattern that matches nothing compiles")
}

/// `satisfied[p][r]`: rule `r` of pack `p` is an active required-file rule whose control
/// some file shows. `read(i)` loads `paths[i]` as the scan would (`None` when skipped),
/// and is called at most once per file, only for files some undecided rule selects.
pub(super) fn satisfied(
    packs: &PackSet,
    active: &[Vec<bool>],
    paths: &[&str],
    read: &(dyn Fn(usize) -> Option<FileData> + Sync),
    limits: &MatchLimits,
) -> Vec<Vec<bool>> {
    let mut out: Vec<Vec<bool>> = active.iter().map(|p| vec![false; p.len()]).collect();
    let wanted: Vec<Wanted> = packs
        .packs
        .iter()
        .enumerate()
        .flat_map(|(p, pack)| pack.rules().iter().enumerate().map(move |(r, rule)| ((p, r), rule)))
        .filter(|&((p, r), rule)| active[p][r] && rule.project_level && rule.kind == REQUIRED_FILE)
        .map(|(at, rule)| Wanted::of(at, rule, limits))
        .collect();
    if wanted.is_empty() {
        return out;
    }
    (0..paths.len()).into_par_iter().for_each(|i| {
        let open: Vec<&Wanted> = wanted.iter().filter(|w| !w.found.load(Ordering::Relaxed) && w.selects(paths[i])).collect();
        if open.is_empty() {
            return;
        }
        let mut data = None;
        for w in open {
            let holds = match &w.pattern {
                None => true,
                Some(set) => {
                    let Some(d) = data.get_or_insert_with(|| read(i)) else { continue };
                    set.is_match(&Text::new(d.bytes()), 0).unwrap_or(false)
                }
            };
            if holds {
                w.found.store(true, Ordering::Relaxed);
            }
        }
    });
    for w in &wanted {
        out[w.at.0][w.at.1] = w.found.load(Ordering::Relaxed);
    }
    out
}
