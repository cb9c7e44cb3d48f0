//! One scan: walk the tree once, read each file once, hand it to every pack whose rules
//! can match it (in parallel over files), then post-process and order the findings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use schemars::JsonSchema;
use sentra_runtime::{FileData, FileInput, PackError, Severity};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::finding::{BySeverity, FileFindings, Finding, project_finding};
use crate::packs::PackSet;

/// Directories never descended into (in addition to `.gitignore` and `scan_exclude`).
pub const DEFAULT_EXCLUDED_DIRS: [&str; 10] =
    [".git", "node_modules", "target", "vendor", ".venv", "venv", "__pycache__", ".tox", ".sentra", ".hg"];
/// Files at least this large are memory-mapped instead of read.
const MMAP_THRESHOLD: u64 = 256 * 1024;
/// A NUL byte in this many leading bytes marks a file as binary.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// What to scan.
#[derive(Clone, Debug)]
pub enum Source {
    /// A directory on disk.
    Directory(PathBuf),
    /// Files held in memory (relative path, contents): never written to disk.
    Memory(Vec<(String, Vec<u8>)>),
}

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{path}: no such directory")]
    NotFound { path: PathBuf },
    #[error("{path}: not a directory")]
    NotADirectory { path: PathBuf },
    #[error("scan cancelled")]
    Cancelled,
}

/// A pack that failed during the scan; its rules are errored and the gate fails closed
/// unless the pack's `pack_on_error` policy is `skip`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ErroredPack {
    pub pack_id: String,
    pub message: String,
    /// The file being scanned when it failed, if any.
    pub file: Option<String>,
    pub rules: Vec<String>,
    /// `fail` (the gate fails) or `skip` (it does not).
    #[serde(default = "fail_policy")]
    pub on_error: String,
}

fn fail_policy() -> String {
    "fail".into()
}

/// A rule the pack could not evaluate on some file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct RuleErrorReport {
    pub pack_id: String,
    pub rule_id: String,
    pub message: String,
    pub file: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct SkippedFiles {
    pub binary: usize,
    pub too_large: usize,
    pub unreadable: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct PackSummary {
    pub pack_id: String,
    pub name: String,
    pub version: String,
    pub rules: usize,
}

/// The result of a scan, as the CLI prints it in JSON and the API returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct ScanResult {
    pub findings: Vec<Finding>,
    pub total: usize,
    pub by_severity: BySeverity,
    pub files_scanned: usize,
    pub files_skipped: SkippedFiles,
    pub duration_ms: u64,
    pub packs: Vec<PackSummary>,
    pub errored_packs: Vec<ErroredPack>,
    pub rule_errors: Vec<RuleErrorReport>,
    /// Rules that were not run because their pack cannot evaluate them (e.g. `llm`).
    pub skipped_rules: Vec<SkippedRule>,
    /// Rules that did not run because their `applies_when` conditions do not hold.
    pub not_applicable_rules: Vec<String>,
    /// Rules turned off by `pack_overrides` (`pack/rule`).
    #[serde(default)]
    pub disabled_rules: Vec<String>,
    /// Findings hidden by a suppression (inline comment, config or API), with the reason;
    /// not in `findings` or the counts.
    #[serde(default)]
    pub suppressed: Vec<crate::suppress::SuppressedFinding>,
    /// Suppressions that have expired while still matching: their findings are back.
    #[serde(default)]
    pub expired_suppressions: Vec<crate::suppress::ExpiredSuppression>,
    /// Every rule that ran, with the metadata reports describe it by (SARIF rules, JUnit
    /// test cases), so a saved result renders into any format later.
    #[serde(default)]
    pub rules: Vec<RuleSummary>,
}

/// A rule that ran in a scan, as reports describe it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct RuleSummary {
    pub pack_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    /// After `pack_overrides`.
    pub severity: Severity,
    pub standard: String,
    pub clause: String,
    pub category: String,
    pub cwe: Vec<String>,
    pub tags: Vec<String>,
    pub remediation: String,
    pub references: Vec<String>,
    /// Runs once per project (documentation obligations) rather than per file.
    pub project_level: bool,
}

/// A rule its pack cannot evaluate, listed in every scan instead of silently dropped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct SkippedRule {
    pub pack_id: String,
    pub rule_id: String,
    pub reason: String,
}

/// Progress of a running scan, for progress bars and streams.
#[derive(Clone, Copy, Debug)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
}

/// Options of one scan beyond the config.
#[derive(Default)]
pub struct ScanOptions<'a> {
    /// Only these relative paths (when set).
    pub only: Option<BTreeSet<String>>,
    /// Set to stop the scan early.
    pub cancel: Option<&'a AtomicBool>,
    /// Called as files complete (from worker threads).
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// Suppressions beyond the config's (the server's, made over the API).
    pub suppressions: Vec<crate::suppress::Suppression>,
    /// The day expiries are judged against (default: today, UTC).
    pub today: Option<jiff::civil::Date>,
    /// Directories never read, by path as walked (the server's state directory: opening
    /// and closing a SQLite file in the process that has it open drops SQLite's POSIX
    /// locks, so a scan must never touch it).
    pub skip_dirs: Vec<PathBuf>,
}

enum Input {
    Disk(PathBuf, u64),
    Memory(usize),
}

struct Candidate {
    rel: String,
    input: Input,
}

fn walk(root: &Path, config: &Config, only: Option<&BTreeSet<String>>, skip_dirs: &[PathBuf]) -> Vec<Candidate> {
    let exclude = config.scan_exclude_set.clone();
    // Skipped directories as paths relative to the root, the form entries are checked in.
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let skip_rel: Vec<String> = skip_dirs
        .iter()
        .filter_map(|d| d.canonicalize().ok())
        .filter_map(|d| d.strip_prefix(&canonical_root).ok().map(rel_str))
        .filter(|r| !r.is_empty())
        .collect();
    let root_owned = root.to_path_buf();
    let mut builder = ignore::WalkBuilder::new(root);
    // Secrets hide in dotfiles (.env, .github/, .npmrc), so hidden files are scanned.
    builder
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .parents(false)
        .add_custom_ignore_filename(".sentraignore")
        .follow_links(false)
        .filter_entry(move |e| {
            let name = e.file_name().to_string_lossy();
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && e.depth() > 0 && DEFAULT_EXCLUDED_DIRS.contains(&name.as_ref()) {
                return false;
            }
            match e.path().strip_prefix(&root_owned) {
                Ok(rel) if !rel.as_os_str().is_empty() => {
                    let rel = rel_str(rel);
                    let skipped = is_dir && skip_rel.contains(&rel);
                    !skipped && !exclude.is_match(rel)
                }
                _ => true,
            }
        });
    let mut out = Vec::new();
    for entry in builder.build().flatten() {
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else { continue };
        let rel = rel_str(rel);
        if only.is_some_and(|o| !o.contains(&rel)) {
            continue;
        }
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(Candidate { rel, input: Input::Disk(entry.path().to_path_buf(), len) });
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

/// The files a directory scan would visit: (relative path, path, size), sorted. Exposed for
/// benchmarks that replay the engine's walk without the sandbox.
pub fn walk_tree(root: &Path, config: &Config) -> Vec<(String, PathBuf, u64)> {
    walk(root, config, None, &[])
        .into_iter()
        .filter_map(|c| match c.input {
            Input::Disk(p, len) => Some((c.rel, p, len)),
            Input::Memory(_) => None,
        })
        .collect()
}

/// Reads a file the way a scan does; `None` when it is too large, unreadable or binary.
pub fn load_file(path: &Path, len: u64, max: u64) -> Option<FileData> {
    match read(path, len, max) {
        Loaded::Data(d) if !is_binary(d.bytes()) => Some(d),
        _ => None,
    }
}

fn rel_str(rel: &Path) -> String {
    let s = rel.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' { s.into_owned() } else { s.replace(std::path::MAIN_SEPARATOR, "/") }
}

enum Loaded {
    Data(FileData),
    TooLarge,
    Unreadable,
}

fn read(path: &Path, len: u64, max: u64) -> Loaded {
    if len > max {
        return Loaded::TooLarge;
    }
    let Ok(file) = std::fs::File::open(path) else { return Loaded::Unreadable };
    if len >= MMAP_THRESHOLD {
        #[allow(unsafe_code)]
        // SAFETY: the map is read-only; a concurrent truncation by another process could
        // fault, as with any mmap-based scanner (ripgrep makes the same trade-off).
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return Loaded::Data(FileData::new(map));
        }
    }
    // The file may have grown since it was listed: never read more than the limit.
    let mut buf = Vec::with_capacity(len as usize);
    match std::io::Read::read_to_end(&mut std::io::Read::take(&file, max + 1), &mut buf) {
        Ok(n) if n as u64 > max => Loaded::TooLarge,
        Ok(_) => Loaded::Data(FileData::new(buf)),
        Err(_) => Loaded::Unreadable,
    }
}

fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)]).is_some()
}

#[derive(Default)]
struct Shared {
    findings: Vec<Finding>,
    suppressed: Vec<crate::suppress::SuppressedFinding>,
    errored: BTreeMap<String, ErroredPack>,
    rule_errors: Vec<RuleErrorReport>,
    skipped: SkippedFiles,
    scanned: usize,
}

/// Runs a scan.
pub fn scan(source: &Source, packs: &PackSet, config: &Config, options: &ScanOptions<'_>) -> Result<ScanResult, ScanError> {
    let started = Instant::now();
    let (candidates, memory): (Vec<Candidate>, &[(String, Vec<u8>)]) = match source {
        Source::Directory(root) => {
            if !root.exists() {
                return Err(ScanError::NotFound { path: root.clone() });
            }
            if !root.is_dir() {
                return Err(ScanError::NotADirectory { path: root.clone() });
            }
            (walk(root, config, options.only.as_ref(), &options.skip_dirs), &[])
        }
        Source::Memory(files) => {
            let mut c: Vec<Candidate> = files
                .iter()
                .enumerate()
                .filter(|(_, (p, _))| !config.scan_exclude_set.is_match(p))
                .filter(|(_, (p, _))| options.only.as_ref().is_none_or(|o| o.contains(p)))
                .map(|(i, (p, _))| Candidate { rel: p.clone(), input: Input::Memory(i) })
                .collect();
            c.sort_by(|a, b| a.rel.cmp(&b.rel));
            (c, files.as_slice())
        }
    };

    let all_files: Vec<String> = candidates.iter().map(|c| c.rel.clone()).collect();
    let read_candidate = |i: usize| -> Option<FileData> {
        let data = match &candidates[i].input {
            Input::Memory(m) => FileData::new(memory[*m].1.clone()),
            Input::Disk(path, len) => match read(path, *len, config.max_file_bytes) {
                Loaded::Data(d) => d,
                _ => return None,
            },
        };
        (!is_binary(data.bytes())).then_some(data)
    };
    let (active, skipped_rules, not_applicable_rules, disabled_rules) = active_rules(packs, &all_files, &read_candidate, config);

    let shared = Mutex::new(Shared::default());
    let done = AtomicUsize::new(0);
    let total = candidates.len();
    let dead: Vec<AtomicBool> = packs.packs.iter().map(|_| AtomicBool::new(false)).collect();
    let known_rules: std::collections::HashSet<&str> = packs.packs.iter().flat_map(|p| p.rules().iter().map(|r| r.id.as_str())).collect();
    let suppression_rule = suppression_rule_info();
    // Findings per pack so far, against `max_findings_per_scan`.
    let reported: Vec<AtomicUsize> = packs.packs.iter().map(|_| AtomicUsize::new(0)).collect();

    candidates.par_iter().for_each(|cand| {
        if options.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return;
        }
        let data = match &cand.input {
            Input::Memory(i) => {
                let bytes = &memory[*i].1;
                if bytes.len() as u64 > config.max_file_bytes {
                    shared.lock().unwrap().skipped.too_large += 1;
                    return;
                }
                FileData::new(bytes.clone())
            }
            Input::Disk(path, len) => match read(path, *len, config.max_file_bytes) {
                Loaded::Data(d) => d,
                Loaded::TooLarge => {
                    shared.lock().unwrap().skipped.too_large += 1;
                    return;
                }
                Loaded::Unreadable => {
                    shared.lock().unwrap().skipped.unreadable += 1;
                    return;
                }
            },
        };
        if is_binary(data.bytes()) {
            shared.lock().unwrap().skipped.binary += 1;
            return;
        }
        let mut local = Vec::new();
        let mut local_rule_errors = Vec::new();
        let mut local_errored = Vec::new();
        let selection = packs.select(&cand.rel, data.bytes(), &active);
        if !selection.is_empty() {
            let mut ff = FileFindings::new(&cand.rel, data.bytes());
            for (p, rules) in selection {
                if dead[p].load(Ordering::Relaxed) {
                    continue;
                }
                let prepared = &packs.packs[p];
                let input = FileInput { path: &cand.rel, data: data.clone(), rules: &rules };
                match prepared.pack.scan(std::slice::from_ref(&input)) {
                    Ok(out) if reported[p].fetch_add(out.findings.len(), Ordering::Relaxed) + out.findings.len() > prepared.pack.limits().max_findings_per_scan => {
                        let limit = prepared.pack.limits().max_findings_per_scan;
                        dead[p].store(true, Ordering::Relaxed);
                        let message = format!("pack `{}` reported more than {limit} findings in one scan; the limit is {limit}", prepared.id());
                        local_errored.push(errored_with(prepared, message, Some(cand.rel.clone()), config));
                    }
                    Ok(out) => {
                        for raw in out.findings {
                            // A pack may only report rules it declared and was asked to run.
                            let Some(ri) = prepared.rules().iter().position(|r| r.id == raw.rule_id) else { continue };
                            if !rules.contains(&(ri as u32)) {
                                continue;
                            }
                            local.push(ff.build(prepared.id(), &prepared.rules()[ri], raw));
                        }
                        for e in out.errors {
                            local_rule_errors.push(RuleErrorReport {
                                pack_id: prepared.id().to_string(),
                                rule_id: e.rule_id,
                                message: e.message,
                                file: cand.rel.clone(),
                            });
                        }
                    }
                    Err(e) => {
                        // The first failure takes the pack out of this scan: a pack that
                        // loops on one file would loop on the next one too.
                        dead[p].store(true, Ordering::Relaxed);
                        local_errored.push(errored(prepared, &e, Some(cand.rel.clone()), config));
                    }
                }
            }
        }
        let mut local_suppressed = Vec::new();
        if memchr::memmem::find(data.bytes(), b"sentra-ignore").is_some() {
            let text = String::from_utf8_lossy(data.bytes());
            let ignores = crate::suppress::parse_inline(&cand.rel, &text);
            let (kept, hidden): (Vec<Finding>, Vec<Finding>) = local.into_iter().partition(|f| {
                !ignores.iter().any(|i| crate::suppress::covers(i, &f.rule_id, f.evidence.lines[0]))
            });
            local = kept;
            for f in hidden {
                let reason = ignores
                    .iter()
                    .find(|i| crate::suppress::covers(i, &f.rule_id, f.evidence.lines[0]))
                    .map(|i| i.reason.clone())
                    .unwrap_or_default();
                local_suppressed.push(crate::suppress::SuppressedFinding { finding: f, source: "inline".into(), reason, suppression_id: None });
            }
            let mut ff = FileFindings::new(&cand.rel, data.bytes());
            for i in &ignores {
                let unknown = i.rules.iter().find(|r| i.problem.is_none() && !known_rules.contains(r.as_str()));
                let problem = match (&i.problem, unknown) {
                    (Some(p), _) => format!("malformed sentra-ignore comment: it {p}"),
                    (None, Some(r)) => format!("sentra-ignore names `{r}`, which no loaded pack has"),
                    (None, None) => continue,
                };
                let raw = sentra_runtime::RawFinding {
                    rule_id: crate::suppress::SUPPRESSION_RULE.into(),
                    file: 0,
                    line: i.line,
                    column: i.column,
                    end_line: i.line,
                    end_column: i.column + "sentra-ignore:".len() as u32,
                    message: problem,
                    fix: None,
                };
                local.push(ff.build("sentra", &suppression_rule, raw));
            }
        }
        let mut s = shared.lock().unwrap();
        s.scanned += 1;
        s.findings.append(&mut local);
        s.suppressed.append(&mut local_suppressed);
        s.rule_errors.append(&mut local_rule_errors);
        for e in local_errored {
            s.errored.entry(e.pack_id.clone()).or_insert(e);
        }
        drop(s);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(cb) = options.progress {
            cb(Progress { files_done: n, files_total: total });
        }
    });

    if options.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
        return Err(ScanError::Cancelled);
    }

    let mut shared = shared.into_inner().unwrap();
    for (p, prepared) in packs.packs.iter().enumerate() {
        let project_rules: Vec<u32> =
            (0..prepared.rules().len()).filter(|&r| prepared.rules()[r].project_level && active[p][r]).map(|r| r as u32).collect();
        if dead[p].load(Ordering::Relaxed) || project_rules.is_empty() {
            continue;
        }
        match prepared.pack.scan_project(&all_files, &project_rules) {
            Ok(out) => {
                let mut occurrences: BTreeMap<String, u32> = BTreeMap::new();
                for raw in out.findings {
                    let Some(ri) = prepared.rules().iter().position(|r| r.id == raw.rule_id && r.project_level) else { continue };
                    if !project_rules.contains(&(ri as u32)) {
                        continue;
                    }
                    let rule = &prepared.rules()[ri];
                    let n = occurrences.entry(rule.id.clone()).or_insert(0);
                    shared.findings.push(project_finding(prepared.id(), rule, raw, *n));
                    *n += 1;
                }
            }
            Err(e) => {
                shared.errored.entry(prepared.id().to_string()).or_insert_with(|| errored(prepared, &e, None, config));
            }
        }
    }

    let mut findings = shared.findings;
    if !config.rule_overrides.is_empty() {
        for f in &mut findings {
            f.severity = config.effective_severity(&f.pack_id, &f.rule_id, f.severity);
        }
    }
    let today = options.today.unwrap_or_else(|| jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date());
    let all_suppressions: Vec<crate::suppress::Suppression> = config.suppressions.iter().chain(&options.suppressions).cloned().collect();
    let (mut findings, more_suppressed, expired_suppressions) = crate::suppress::apply(findings, &all_suppressions, today);
    let mut suppressed = shared.suppressed;
    suppressed.extend(more_suppressed);
    let order = |a: &Finding, b: &Finding| {
        (&a.evidence.file, a.evidence.lines[0], a.evidence.column, &a.rule_id, &a.fingerprint).cmp(&(
            &b.evidence.file,
            b.evidence.lines[0],
            b.evidence.column,
            &b.rule_id,
            &b.fingerprint,
        ))
    };
    findings.sort_by(order);
    suppressed.sort_by(|a, b| order(&a.finding, &b.finding));
    let mut rule_errors = shared.rule_errors;
    rule_errors.sort_by(|a, b| (&a.pack_id, &a.rule_id, &a.file).cmp(&(&b.pack_id, &b.rule_id, &b.file)));

    Ok(ScanResult {
        total: findings.len(),
        by_severity: BySeverity::count(&findings),
        findings,
        files_scanned: shared.scanned,
        files_skipped: shared.skipped,
        duration_ms: started.elapsed().as_millis() as u64,
        packs: packs
            .packs
            .iter()
            .map(|p| PackSummary {
                pack_id: p.id().to_string(),
                name: p.pack.info().name.clone(),
                version: p.pack.info().version.clone(),
                rules: p.rules().len(),
            })
            .collect(),
        errored_packs: shared.errored.into_values().collect(),
        rule_errors,
        skipped_rules,
        not_applicable_rules,
        disabled_rules,
        suppressed,
        expired_suppressions,
        rules: rules_run(packs, &active, config),
    })
}

/// Which rules run in this scan: `active[p][r]`. Rules their pack cannot evaluate are
/// listed as skipped, rules whose `applies_when` fails as not applicable, and rules
/// turned off by `pack_overrides` as disabled.
fn active_rules(
    packs: &PackSet,
    paths: &[String],
    read: &(dyn Fn(usize) -> Option<FileData> + Sync),
    config: &Config,
) -> (Vec<Vec<bool>>, Vec<SkippedRule>, Vec<String>, Vec<String>) {
    let enabled = |pack: &crate::packs::PreparedPack, rule: &sentra_runtime::RuleInfo| config.rule_enabled(pack.id(), &rule.id);
    // Conditions of rules that will not run are not evaluated (they may read every file).
    let conditions: Vec<Vec<Option<&sentra_runtime::Conditions>>> = packs
        .packs
        .iter()
        .map(|p| {
            p.rules().iter().map(|r| if r.skipped.is_some() || !enabled(p, r) { None } else { r.applies_when.as_ref() }).collect()
        })
        .collect();
    let mut active = crate::conditions::evaluate(&conditions, paths, read, &config.pack_limits.regex);
    let (mut skipped, mut not_applicable, mut disabled) = (Vec::new(), Vec::new(), Vec::new());
    for (p, pack) in packs.packs.iter().enumerate() {
        for (r, rule) in pack.rules().iter().enumerate() {
            if !enabled(pack, rule) {
                active[p][r] = false;
                disabled.push(format!("{}/{}", pack.id(), rule.id));
            } else if let Some(reason) = &rule.skipped {
                active[p][r] = false;
                skipped.push(SkippedRule { pack_id: pack.id().to_string(), rule_id: rule.id.clone(), reason: reason.clone() });
            } else if !active[p][r] {
                not_applicable.push(format!("{}/{}", pack.id(), rule.id));
            }
        }
    }
    (active, skipped, not_applicable, disabled)
}

/// The rule that reports unusable `sentra-ignore` comments.
fn suppression_rule_info() -> sentra_runtime::RuleInfo {
    sentra_runtime::RuleInfo {
        id: crate::suppress::SUPPRESSION_RULE.into(),
        name: "Unusable suppression comment".into(),
        description: "A sentra-ignore comment is malformed or names a rule no loaded pack has; it suppresses nothing.".into(),
        kind: "check".into(),
        severity: Severity::Low,
        file_globs: Vec::new(),
        exclude_globs: Vec::new(),
        standard: "sentra".into(),
        clause: "suppressions".into(),
        category: "configuration".into(),
        cwe: Vec::new(),
        tags: vec!["suppression".into()],
        remediation: "Write `sentra-ignore: RULE-ID[, RULE-ID] -- reason` naming rules that exist.".into(),
        references: Vec::new(),
        required_literals: Vec::new(),
        pattern: None,
        project_level: false,
        applies_when: None,
        skipped: None,
    }
}

fn rules_run(packs: &PackSet, active: &[Vec<bool>], config: &Config) -> Vec<RuleSummary> {
    let mut out = Vec::new();
    for (p, pack) in packs.packs.iter().enumerate() {
        for (r, rule) in pack.rules().iter().enumerate() {
            if !active[p][r] {
                continue;
            }
            out.push(RuleSummary {
                pack_id: pack.id().to_string(),
                id: rule.id.clone(),
                name: rule.name.clone(),
                description: rule.description.clone(),
                kind: rule.kind.clone(),
                severity: config.effective_severity(pack.id(), &rule.id, rule.severity),
                standard: rule.standard.clone(),
                clause: rule.clause.clone(),
                category: rule.category.clone(),
                cwe: rule.cwe.clone(),
                tags: rule.tags.clone(),
                remediation: rule.remediation.clone(),
                references: rule.references.clone(),
                project_level: rule.project_level,
            });
        }
    }
    out
}

fn errored(prepared: &crate::packs::PreparedPack, e: &PackError, file: Option<String>, config: &Config) -> ErroredPack {
    errored_with(prepared, e.to_string(), file, config)
}

fn errored_with(prepared: &crate::packs::PreparedPack, message: String, file: Option<String>, config: &Config) -> ErroredPack {
    let on_error = match config.on_error(prepared.id()) {
        crate::config::OnError::Fail => "fail",
        crate::config::OnError::Skip => "skip",
    };
    ErroredPack {
        pack_id: prepared.id().to_string(),
        message,
        file,
        rules: prepared.rules().iter().map(|r| r.id.clone()).collect(),
        on_error: on_error.to_string(),
    }
}

/// The compliance score, 0 to 100: the share of the rules that ran with no finding,
/// where a rule with findings costs by its worst one (critical 1, high 0.75, medium 0.5,
/// low 0.25, info 0). Obligations do not count. No rules: 100.
pub fn compliance_score(result: &ScanResult) -> f64 {
    if result.rules.is_empty() {
        return 100.0;
    }
    let mut worst: BTreeMap<(&str, &str), Severity> = BTreeMap::new();
    for f in result.findings.iter().filter(|f| !f.is_obligation) {
        let e = worst.entry((f.pack_id.as_str(), f.rule_id.as_str())).or_insert(f.severity);
        if f.severity < *e {
            *e = f.severity;
        }
    }
    let penalty: f64 = worst
        .values()
        .map(|s| match s {
            Severity::Critical => 1.0,
            Severity::High => 0.75,
            Severity::Medium => 0.5,
            Severity::Low => 0.25,
            Severity::Info => 0.0,
        })
        .sum();
    let score = 100.0 * (1.0 - penalty / result.rules.len().max(worst.len()) as f64);
    (score * 10.0).round() / 10.0
}

/// The gate's verdict on a scan result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, utoipa::ToSchema)]
pub struct GateResult {
    pub passed: bool,
    pub total_findings: usize,
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
    pub fail_on: Vec<Severity>,
    pub errored_packs: Vec<String>,
    /// Findings that made the gate fail.
    pub blocking: usize,
    /// The approval request about this gate: the approved override that made it pass, or
    /// the pending review of its failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_id: Option<i64>,
}

/// What makes a gate fail.
#[derive(Clone, Debug, PartialEq)]
pub struct GatePolicy {
    pub fail_on: Vec<Severity>,
    /// Obligations count like findings.
    pub block_on_obligations: bool,
    /// An errored pack fails the gate (unless its `pack_on_error` is `skip`).
    pub block_on_errored_packs: bool,
}

/// Fails when any non-obligation finding has a severity in `fail_on`, or a pack errored
/// (unless its `on_error` policy is `skip`).
pub fn gate(result: &ScanResult, fail_on: &[Severity]) -> GateResult {
    gate_with(result, &GatePolicy { fail_on: fail_on.to_vec(), block_on_obligations: false, block_on_errored_packs: true })
}

/// The gate under a governance policy.
pub fn gate_with(result: &ScanResult, policy: &GatePolicy) -> GateResult {
    let fail_on = &policy.fail_on;
    let counted: Vec<&Finding> = result.findings.iter().filter(|f| policy.block_on_obligations || !f.is_obligation).collect();
    let by = BySeverity::count(counted.iter().copied());
    let blocking = counted.iter().filter(|f| fail_on.contains(&f.severity)).count();
    let failing: Vec<&ErroredPack> =
        result.errored_packs.iter().filter(|e| policy.block_on_errored_packs && e.on_error != "skip").collect();
    GateResult {
        passed: blocking == 0 && failing.is_empty(),
        total_findings: counted.len(),
        critical: by.critical,
        high: by.high,
        medium: by.medium,
        low: by.low,
        info: by.info,
        fail_on: fail_on.to_vec(),
        errored_packs: failing.iter().map(|e| e.pack_id.clone()).collect(),
        blocking,
        approval_id: None,
    }
}
