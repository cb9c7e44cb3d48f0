//! The set of packs a scan runs, with each rule's globs compiled and every required
//! literal of every pack in one Aho-Corasick automaton, so a file is searched once to
//! learn which rules can possibly match it.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use globset::{GlobSet, GlobSetBuilder};
use sentra_runtime::{LoadedPack, RuleInfo};

use crate::config::compile_glob;

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
    include: GlobSet,
    include_owner: Vec<u32>,
    exclude: GlobSet,
    exclude_owner: Vec<u32>,
    /// Rules with no include globs (they apply to every file).
    unglobbed: Vec<u32>,
    /// Per rule: true when the rule declared required literals.
    has_literals: Vec<bool>,
    /// Per-file rules (not project-level).
    file_rule: Vec<bool>,
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

    fn new(pack: Arc<LoadedPack>) -> Result<Self, RuleSetupError> {
        let info = pack.info();
        let err = |rule: &RuleInfo, message: String| RuleSetupError { pack: info.id.clone(), rule: rule.id.clone(), message };
        let mut include = GlobSetBuilder::new();
        let mut include_owner = Vec::new();
        let mut exclude = GlobSetBuilder::new();
        let mut exclude_owner = Vec::new();
        let mut unglobbed = Vec::new();
        for (i, rule) in info.rules.iter().enumerate() {
            let globs: Vec<&str> = rule.file_globs.iter().flat_map(|g| g.split(',')).map(str::trim).filter(|g| !g.is_empty()).collect();
            if globs.is_empty() {
                unglobbed.push(i as u32);
            }
            for g in globs {
                include.add(compile_glob(g).map_err(|e| err(rule, format!("bad file glob `{g}`: {e}")))?);
                include_owner.push(i as u32);
            }
            for g in &rule.exclude_globs {
                exclude.add(compile_glob(g).map_err(|e| err(rule, format!("bad exclude glob `{g}`: {e}")))?);
                exclude_owner.push(i as u32);
                // `**/x` also matches `x` at the root.
                if let Some(rest) = g.strip_prefix("**/") {
                    exclude.add(compile_glob(rest).map_err(|e| err(rule, format!("bad exclude glob `{g}`: {e}")))?);
                    exclude_owner.push(i as u32);
                }
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| RuleSetupError { pack: info.id.clone(), rule: "*".into(), message: e.to_string() });
        Ok(Self {
            include: build(include)?,
            include_owner,
            exclude: build(exclude)?,
            exclude_owner,
            unglobbed,
            has_literals: info.rules.iter().map(|r| !r.required_literals.is_empty()).collect(),
            file_rule: info.rules.iter().map(|r| !r.project_level).collect(),
            pack,
        })
    }

    /// Rules whose globs select `path`, ignoring literals; `scratch` is reused across calls.
    fn rules_for_path(&self, path: &str, scratch: &mut Vec<usize>, out: &mut Vec<bool>) {
        out.clear();
        out.resize(self.file_rule.len(), false);
        for &r in &self.unglobbed {
            out[r as usize] = true;
        }
        self.include.matches_into(path, scratch);
        for &g in scratch.iter() {
            out[self.include_owner[g] as usize] = true;
        }
        if !self.exclude.is_empty() {
            self.exclude.matches_into(path, scratch);
            for &g in scratch.iter() {
                out[self.exclude_owner[g] as usize] = false;
            }
        }
        for (o, &file_rule) in out.iter_mut().zip(&self.file_rule) {
            *o &= file_rule;
        }
    }
}

/// Every pack of a scan, plus the shared literal prefilter.
pub struct PackSet {
    pub packs: Vec<PreparedPack>,
    prefilter: Option<AhoCorasick>,
    /// For each literal: the (pack, rule) pairs that require it.
    literal_rules: Vec<Vec<(u32, u32)>>,
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
        let mut literals: Vec<String> = Vec::new();
        let mut literal_rules: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (p, pack) in packs.iter().enumerate() {
            for (r, rule) in pack.rules().iter().enumerate() {
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
                    literal_rules[id].push((p as u32, r as u32));
                }
            }
        }
        let prefilter = if literals.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&literals)
                    .map_err(|e| RuleSetupError { pack: "*".into(), rule: "*".into(), message: format!("literal prefilter: {e}") })?,
            )
        };
        Ok(Self { packs, prefilter, literal_rules })
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
                Some(p) if !p.rules().iter().any(|r| &r.id == rule_id) => problems
                    .push((format!("pack_overrides.{pack_id}.{rule_id}"), format!("pack `{pack_id}` has no rule `{rule_id}`"))),
                Some(_) => {}
            }
        }
        problems.dedup();
        problems
    }

    /// The rules that can fire on a file: active in this scan (`active[pack][rule]`),
    /// glob-selected, and for rules that declared literals, only if one of them occurs in
    /// the contents.
    pub fn select(&self, path: &str, contents: &[u8], active: &[Vec<bool>]) -> Selection {
        let mut scratch = Vec::new();
        let mut per_pack: Vec<Vec<bool>> = Vec::with_capacity(self.packs.len());
        let mut need_literals = false;
        for (pack, active) in self.packs.iter().zip(active) {
            let mut sel = Vec::new();
            pack.rules_for_path(path, &mut scratch, &mut sel);
            for (s, a) in sel.iter_mut().zip(active) {
                *s &= *a;
            }
            need_literals |= sel.iter().zip(&pack.has_literals).any(|(s, l)| *s && *l);
            per_pack.push(sel);
        }
        if need_literals {
            let mut seen = vec![false; self.literal_rules.len()];
            if let Some(ac) = &self.prefilter {
                for m in ac.find_overlapping_iter(contents) {
                    seen[m.pattern().as_usize()] = true;
                }
            }
            let mut satisfied: Vec<Vec<bool>> = self.packs.iter().map(|p| vec![false; p.has_literals.len()]).collect();
            for (lit, rules) in self.literal_rules.iter().enumerate() {
                if seen[lit] {
                    for &(p, r) in rules {
                        satisfied[p as usize][r as usize] = true;
                    }
                }
            }
            for (p, sel) in per_pack.iter_mut().enumerate() {
                for (r, s) in sel.iter_mut().enumerate() {
                    if self.packs[p].has_literals[r] && !satisfied[p][r] {
                        *s = false;
                    }
                }
            }
        }
        per_pack
            .into_iter()
            .enumerate()
            .filter_map(|(p, sel)| {
                let rules: Vec<u32> = sel.iter().enumerate().filter(|(_, s)| **s).map(|(r, _)| r as u32).collect();
                (!rules.is_empty()).then_some((p, rules))
            })
            .collect()
    }
}
