//! The set of packs a scan runs, with each rule's globs compiled and every required
//! literal of every pack in one Aho-Corasick automaton, so a file is searched once to
//! learn which rules can possibly match it.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use globset::{GlobSet, GlobSetBuilder};
use sentra_runtime::{LoadedPack, RuleInfo};

use crate::finding::RuleMeta;
use crate::glob::compile_glob;

/// Why a pack's rules could not be prepared.
#[derive(Debug, thiserror::Error)]
#[error("pack `{pack}`: rule `{rule}`: {message}")]
pub struct RuleSetupError {
    pub pack: String,
    pub rule: String,
    pub message: String,
}

/// One pack with its rules' globs compiled.
pub struct PreparedPack {
    pub pack: Arc<LoadedPack>,
    /// (glob, rule) pairs, merged into the set-wide glob automata.
    include: Vec<(globset::Glob, u32)>,
    exclude: Vec<(globset::Glob, u32)>,
    /// Per rule: what its findings share.
    metas: Vec<RuleMeta>,
}

impl std::fmt::Debug for PreparedPack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedPack").field("pack", &self.pack.info().id).finish_non_exhaustive()
    }
}

impl PreparedPack {
    pub fn id(&self) -> &str {
        &self.pack.info().id
    }

    pub fn rules(&self) -> &[RuleInfo] {
        &self.pack.info().rules
    }

    /// What the findings of the `i`th rule share.
    pub fn meta(&self, i: usize) -> &RuleMeta {
        &self.metas[i]
    }

    fn new(pack: Arc<LoadedPack>) -> Result<Self, RuleSetupError> {
        let info = pack.info();
        let err = |rule: &RuleInfo, message: String| RuleSetupError { pack: info.id.clone(), rule: rule.id.clone(), message };
        let mut include = Vec::new();
        let mut exclude = Vec::new();
        for (i, rule) in info.rules.iter().enumerate() {
            let globs = rule.file_globs.iter().flat_map(|g| g.split(',')).map(str::trim).filter(|g| !g.is_empty());
            for g in globs {
                include.push((compile_glob(g).map_err(|e| err(rule, format!("bad file glob `{g}`: {e}")))?, i as u32));
            }
            for g in &rule.exclude_globs {
                exclude.push((compile_glob(g).map_err(|e| err(rule, format!("bad exclude glob `{g}`: {e}")))?, i as u32));
                // `**/x` also matches `x` at the root.
                if let Some(rest) = g.strip_prefix("**/") {
                    exclude.push((compile_glob(rest).map_err(|e| err(rule, format!("bad exclude glob `{g}`: {e}")))?, i as u32));
                }
            }
        }
        let metas = info.rules.iter().map(|r| RuleMeta::new(&info.id, r)).collect();
        Ok(Self { include, exclude, metas, pack })
    }
}

/// Every pack of a scan, with every rule's globs in two automata (include, exclude) and
/// every required literal in one Aho-Corasick automaton: a file's path is matched twice and
/// its contents searched once to learn which rules of which packs can possibly match it.
pub struct PackSet {
    pub packs: Vec<PreparedPack>,
    /// Index of each pack's first rule in the flat rule numbering.
    base: Vec<usize>,
    /// Per flat rule: its pack.
    pack_of: Vec<u32>,
    include: GlobSet,
    include_owner: Vec<u32>,
    exclude: GlobSet,
    exclude_owner: Vec<u32>,
    /// Flat per-file rules with no include globs (they apply to every file).
    unglobbed: Vec<u32>,
    /// Per flat rule: declared required literals.
    has_literals: Vec<bool>,
    /// Per flat rule: runs per file (not project-level).
    file_rule: Vec<bool>,
    prefilter: Option<AhoCorasick>,
    /// For each literal: the flat rules that require it.
    literal_rules: Vec<Vec<u32>>,
}

impl std::fmt::Debug for PackSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackSet").field("packs", &self.packs).finish_non_exhaustive()
    }
}

/// Which rules of which pack apply to one file.
pub type Selection = Vec<(usize, Vec<u32>)>;

impl PackSet {
    pub fn new(packs: Vec<Arc<LoadedPack>>) -> Result<Self, RuleSetupError> {
        let packs = packs.into_iter().map(PreparedPack::new).collect::<Result<Vec<_>, _>>()?;
        let mut base = Vec::with_capacity(packs.len());
        let mut pack_of = Vec::new();
        let (mut include, mut include_owner) = (GlobSetBuilder::new(), Vec::new());
        let (mut exclude, mut exclude_owner) = (GlobSetBuilder::new(), Vec::new());
        let (mut unglobbed, mut has_literals, mut file_rule) = (Vec::new(), Vec::new(), Vec::new());
        let mut literals: Vec<String> = Vec::new();
        let mut literal_rules: Vec<Vec<u32>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (p, pack) in packs.iter().enumerate() {
            let first = pack_of.len();
            base.push(first);
            let mut globbed = vec![false; pack.rules().len()];
            for (g, r) in &pack.include {
                include.add(g.clone());
                include_owner.push((first + *r as usize) as u32);
                globbed[*r as usize] = true;
            }
            for (g, r) in &pack.exclude {
                exclude.add(g.clone());
                exclude_owner.push((first + *r as usize) as u32);
            }
            for (r, rule) in pack.rules().iter().enumerate() {
                let flat = (first + r) as u32;
                pack_of.push(p as u32);
                if !globbed[r] && !rule.project_level {
                    unglobbed.push(flat);
                }
                has_literals.push(!rule.required_literals.is_empty());
                file_rule.push(!rule.project_level);
                for lit in &rule.required_literals {
                    if lit.is_empty() {
                        continue;
                    }
                    let key = lit.to_ascii_lowercase();
                    let id = *index.entry(key.clone()).or_insert_with(|| {
                        literals.push(key);
                        literal_rules.push(Vec::new());
                        literals.len() - 1
                    });
                    literal_rules[id].push(flat);
                }
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| RuleSetupError { pack: "*".into(), rule: "*".into(), message: e.to_string() });
        let prefilter = if literals.is_empty() {
            None
        } else {
            Some(AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::Standard).build(&literals).map_err(|e| RuleSetupError {
                pack: "*".into(),
                rule: "*".into(),
                message: format!("literal prefilter: {e}"),
            })?)
        };
        Ok(Self {
            packs,
            base,
            pack_of,
            include: build(include)?,
            include_owner,
            exclude: build(exclude)?,
            exclude_owner,
            unglobbed,
            has_literals,
            file_rule,
            prefilter,
            literal_rules,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.packs.is_empty()
    }

    /// Overrides naming a pack that does not exist or a rule its pack does not have, as
    /// (`pack_overrides.<pack>[.<rule>]`, message) pairs. Overrides of packs that exist
    /// (`known`) but are not selected for this scan are fine.
    pub fn check_overrides(&self, config: &crate::Config, known: &[String]) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        for (pack_id, rule_id) in config.rule_overrides.keys() {
            match self.packs.iter().find(|p| p.id() == pack_id) {
                None if known.contains(pack_id) => {}
                None => problems.push((format!("pack_overrides.{pack_id}"), format!("there is no pack `{pack_id}`"))),
                Some(p) if !p.rules().iter().any(|r| &r.id == rule_id) => {
                    problems.push((format!("pack_overrides.{pack_id}.{rule_id}"), format!("pack `{pack_id}` has no rule `{rule_id}`")))
                }
                Some(_) => {}
            }
        }
        problems.dedup();
        config.settle_rule_problems(problems)
    }

    /// The rules that can fire on a file: active in this scan (`active[pack][rule]`),
    /// glob-selected, and for rules that declared literals, only if one of them occurs in
    /// the contents.
    pub fn select(&self, path: &str, contents: &[u8], active: &[Vec<bool>]) -> Selection {
        let mut sel = vec![false; self.pack_of.len()];
        for &r in &self.unglobbed {
            sel[r as usize] = true;
        }
        let candidate = globset::Candidate::new(path);
        let mut scratch = Vec::new();
        self.include.matches_candidate_into(&candidate, &mut scratch);
        for &g in &scratch {
            sel[self.include_owner[g] as usize] = true;
        }
        if !self.exclude.is_empty() {
            self.exclude.matches_candidate_into(&candidate, &mut scratch);
            for &g in &scratch {
                sel[self.exclude_owner[g] as usize] = false;
            }
        }
        let mut need_literals = false;
        for (r, s) in sel.iter_mut().enumerate() {
            let p = self.pack_of[r] as usize;
            *s = *s && self.file_rule[r] && active[p][r - self.base[p]];
            need_literals |= *s && self.has_literals[r];
        }
        if need_literals {
            let mut satisfied = vec![false; sel.len()];
            if let Some(ac) = &self.prefilter {
                let mut seen = vec![false; self.literal_rules.len()];
                for m in ac.find_overlapping_iter(contents) {
                    let lit = m.pattern().as_usize();
                    if !seen[lit] {
                        seen[lit] = true;
                        for &r in &self.literal_rules[lit] {
                            satisfied[r as usize] = true;
                        }
                    }
                }
            }
            for (r, s) in sel.iter_mut().enumerate() {
                if self.has_literals[r] && !satisfied[r] {
                    *s = false;
                }
            }
        }
        let mut out: Selection = Vec::new();
        for (r, _) in sel.iter().enumerate().filter(|(_, s)| **s) {
            let p = self.pack_of[r] as usize;
            let rule = (r - self.base[p]) as u32;
            match out.last_mut() {
                Some((last, rules)) if *last == p => rules.push(rule),
                _ => out.push((p, vec![rule])),
            }
        }
        out
    }
}
