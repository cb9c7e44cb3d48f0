//! Configuration: `.sentra/config.yaml`, else `.guard.yaml`, else built-in defaults, with
//! `GUARD_*` environment variables on top. Raw YAML is parsed once into [`Config`], whose
//! values are checked (severities resolved, globs compiled, limits in range).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Kept at its old path for callers outside the engine; it lives in [`crate::glob`].
pub use crate::glob::compile_glob;
use globset::{GlobSet, GlobSetBuilder};
use schemars::JsonSchema;
pub use sentra_model::OnError;
use sentra_runtime::{PackLimits, Severity};
use serde::{Deserialize, Serialize};

/// Files larger than this are skipped (bytes). Override: `max_file_bytes`, `GUARD_MAX_FILE_BYTES`.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 1 << 20;
/// Largest accepted config file (bytes); YAML arriving over the API is bounded the same way.
pub const MAX_CONFIG_BYTES: usize = 1 << 20;
/// Severities that fail the gate by default.
pub const DEFAULT_GATE_FAIL_ON: [Severity; 2] = [Severity::Critical, Severity::High];

pub use sentra_model::REPORT_FORMATS;
/// Where `reporters` write unless `output_dir` says otherwise.
pub const DEFAULT_OUTPUT_DIR: &str = "out";

/// Config file names, in the order they are looked for under the scan root (sentrik's
/// `.sentrik/config.yaml` and `.guard.yaml` are read too; see [`crate::sentrik`]).
pub const CONFIG_FILES: [&str; 3] = [".sentra/config.yaml", ".sentrik/config.yaml", ".guard.yaml"];

/// The config file as written. Unknown keys are errors.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Packs to run (ids). Unset: chosen from what the tree is made of (secrets,
    /// owasp-top-10, supply-chain-security and the matching language and IaC packs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standards_packs: Option<Vec<String>>,
    /// Severities that fail `sentra gate`: any of critical, high, medium, low, info.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate_fail_on: Option<Vec<String>>,
    /// Globs (relative to the scan root) of files and directories not to scan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan_exclude: Option<Vec<String>>,
    /// Files larger than this many bytes are skipped (default 1 MiB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_bytes: Option<u64>,
    /// Sandbox limits applied to every pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_limits: Option<RawPackLimits>,
    /// More packs to run, from files (`.yaml` declarative packs or `.wasm` components);
    /// relative paths are relative to the scan root (the server root for `sentra serve`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_files: Option<Vec<String>>,
    /// Findings to suppress: a rule id glob, a file glob, a required reason and an
    /// optional last day (`YYYY-MM-DD`); an expired one stops applying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressions: Option<Vec<RawSuppression>>,
    /// Governance: a profile and overrides (see `GET /api/governance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governance: Option<crate::governance::RawGovernance>,
    /// Per-tenant operator settings of `sentra serve`: each tenant's workspace root, sandbox
    /// limits and tracker locations: `{acme: {root: /srv/acme, pack_limits: {timeout_ms: 1000}}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenants: Option<BTreeMap<String, RawTenant>>,
    /// What an errored pack does to the gate: `fail` (default: the gate fails closed) or
    /// `skip` (the pack is listed as errored and the gate decides on the rest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_on_error: Option<BTreeMap<String, String>>,
    /// Report files to write after each CLI scan: any of json, csv, sarif, junit, html.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporters: Option<Vec<String>>,
    /// Where `reporters` write (default `out`, relative to the current directory). It is
    /// never scanned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_dir: Option<String>,
    /// Per-rule overrides by pack id, then rule id: `{secrets: {SEC-001: {severity: low}}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_overrides: Option<BTreeMap<String, BTreeMap<String, RawRuleOverride>>>,
    /// Also run every pack on generated files (a marker such as `@generated` or `DO NOT
    /// EDIT` in the first KiB). Default false: only `secrets` runs on them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan_generated: Option<bool>,
    /// The work tracker reconcile keeps in step with findings (default `local`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub devops: Option<crate::devops::RawDevops>,
    /// Obligations the project attests with a document of its own:
    /// `[{rule_id: SOC2-OB-INCIDENT-RESPONSE, document: docs/incident-response.md}]`.
    /// Compliance reports show such an obligation as passing, self-attested, while the
    /// document exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestations: Option<Vec<RawAttestation>>,
    /// Which imported packs may be imported and run (the operator's): `{policy: signed,
    /// keys: [{name: acme, key: "ed25519:..."}]}`. Built-in packs and `pack_files` are
    /// always trusted. Per tenant under `tenants.<id>.pack_trust`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_trust: Option<sentra_bundle::RawTrust>,
}

/// An obligation attested by a document in the repository.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAttestation {
    /// The obligation's rule id.
    pub rule_id: String,
    /// The document, relative to the scanned directory.
    pub document: String,
}

/// Most attestations a config may carry.
pub const MAX_ATTESTATIONS: usize = 1_000;

/// One rule's override; unset fields keep the pack's value.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRuleOverride {
    /// The severity findings of this rule get: critical, high, medium, low or info.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    /// `false` turns the rule off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// A checked rule override.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleOverride {
    pub severity: Option<Severity>,
    pub enabled: Option<bool>,
}

/// One suppression as written in the config.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSuppression {
    /// Rule id, or a glob of them (`SEC-*`).
    pub rule_id: String,
    /// Files it covers (a glob; default every file).
    #[serde(default)]
    pub file_pattern: String,
    pub reason: String,
    /// The last day it applies, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// What the operator decides for one tenant.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTenant {
    /// The tenant's workspace: the only tree its scans, coverage and requirement routes
    /// read (relative paths are relative to the config file's root). Roots may not overlap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// Sandbox limits for this tenant's scans, over the global `pack_limits`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_limits: Option<RawPackLimits>,
    /// Tracker settings for this tenant over the global `devops` (for example its own
    /// `jira.base_url`); the tenant picks the provider and project among them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub devops: Option<crate::devops::RawDevops>,
    /// This tenant's pack trust policy, over the global `pack_trust`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_trust: Option<sentra_bundle::RawTrust>,
}

/// `limits` with the fields `raw` sets, range-checked; errors name `prefix.field`.
fn apply_limits(mut limits: PackLimits, raw: &RawPackLimits, prefix: &str) -> Result<PackLimits, (String, String)> {
    let check = |field: &str, v: u64, lo: u64, hi: u64| {
        if (lo..=hi).contains(&v) { Ok(v) } else { Err((format!("{prefix}.{field}"), format!("{v} is out of range ({lo} to {hi})"))) }
    };
    if let Some(ms) = raw.timeout_ms {
        limits.call_timeout = Duration::from_millis(check("timeout_ms", ms, 10, 600_000)?);
    }
    if let Some(mb) = raw.memory_mb {
        limits.memory_bytes = (check("memory_mb", mb, 8, 4096)? as usize) << 20;
    }
    if let Some(n) = raw.max_findings_per_file {
        limits.max_findings_per_file = check("max_findings_per_file", n, 1, 1_000_000)? as usize;
    }
    if let Some(n) = raw.max_findings_per_scan {
        limits.max_findings_per_scan = check("max_findings_per_scan", n, 1, 100_000_000)? as usize;
    }
    if let Some(n) = raw.max_message_bytes {
        limits.max_message_bytes = check("max_message_bytes", n, 64, 1 << 20)? as usize;
    }
    if let Some(n) = raw.regex_backtrack_limit {
        limits.regex.backtrack_limit = check("regex_backtrack_limit", n, 1_000, 100_000_000)? as usize;
    }
    Ok(limits)
}

/// Sandbox limits; unset fields keep their defaults.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPackLimits {
    /// Time one call into a pack may take, in milliseconds (default 5000).
    pub timeout_ms: Option<u64>,
    /// Memory one pack instance may use, in MiB (default 64).
    pub memory_mb: Option<u64>,
    /// Findings one pack may report for one file (default 1000).
    pub max_findings_per_file: Option<u64>,
    /// Findings one pack may report in one scan (default 100000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_findings_per_scan: Option<u64>,
    /// Bytes of one finding message a pack may return; longer ones are cut (default 4096).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_message_bytes: Option<u64>,
    /// Steps the backtracking regex engine may take per search (default 1000000).
    pub regex_backtrack_limit: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Not a readable regular file within the size limit ([`crate::safe_file`]).
    /// Not a source: the message already says it, and `{:#}` would repeat it.
    #[error("{}: cannot read config: {}", .0.path().display(), .0.what())]
    File(crate::safe_file::FileError),
    #[error("{path}: config is not UTF-8 text")]
    NotText { path: PathBuf },
    #[error("{path}: invalid config: {message}")]
    Parse { path: String, message: String },
    #[error("{origin}: `{key}`: {message}")]
    Invalid { origin: String, key: String, message: String },
}

/// Validated configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where the file values came from (a path, or "defaults").
    pub origin: String,
    pub standards_packs: Option<Vec<String>>,
    pub gate_fail_on: Vec<Severity>,
    pub scan_exclude: Vec<String>,
    pub scan_exclude_set: GlobSet,
    /// Findings below this severity are dropped from the result (`sentra scan
    /// --min-severity`); `None` keeps all.
    pub min_severity: Option<Severity>,
    pub max_file_bytes: u64,
    pub pack_limits: PackLimits,
    /// The effective governance (`gate_fail_on` above already reflects it).
    pub governance: crate::governance::Governance,
    /// Config suppressions, checked.
    pub suppressions: Vec<crate::suppress::Suppression>,
    /// Sandbox limits of tenants that have their own (others use `pack_limits`).
    pub tenant_limits: BTreeMap<String, PackLimits>,
    /// Which imported packs may run (the operator's `pack_trust`; per tenant after
    /// [`Config::for_tenant`]).
    pub pack_trust: sentra_bundle::TrustPolicy,
    /// Trust policies of tenants that have their own (others use `pack_trust`).
    pub tenant_trust: BTreeMap<String, sentra_bundle::TrustPolicy>,
    /// Workspace roots the operator gave tenants, as written.
    pub tenant_roots: BTreeMap<String, PathBuf>,
    /// What an errored pack does to the gate, by pack id (default: fail).
    pub on_error: BTreeMap<String, OnError>,
    /// Report formats to write after each CLI scan (checked names from [`REPORT_FORMATS`]).
    pub reporters: Vec<String>,
    /// Where they go.
    pub output_dir: PathBuf,
    /// Pack files to load beside the catalog's packs, as written (relative to the root).
    pub pack_files: Vec<String>,
    /// Rule overrides keyed by (pack id, rule id). Whether the rules exist is checked
    /// against the loaded packs by [`crate::packs::PackSet::check_overrides`].
    pub rule_overrides: BTreeMap<(String, String), RuleOverride>,
    /// Whether every pack runs on generated files.
    pub scan_generated: bool,
    /// Obligations attested by a document: rule id to the document's relative path.
    pub attestations: BTreeMap<String, String>,
    /// The work tracker (checked `devops:`).
    pub devops: crate::devops::DevopsSettings,
    /// `devops:` as written, to report which settings are present.
    pub raw_devops: crate::devops::RawDevops,
}

impl Config {
    /// Whether this config was written for sentrik (`.sentrik/config.yaml`, `.guard.yaml`):
    /// rule ids there are sentrik's, so one sentra does not have is a warning, not an error.
    pub fn is_migrated(&self) -> bool {
        let origin = self.origin.replace('\\', "/");
        origin.ends_with(CONFIG_FILES[1]) || origin.ends_with(CONFIG_FILES[2])
    }

    /// Warns once per id about rule ids of a migrated config that no pack has, and returns
    /// the problems that remain errors (all of them for a sentra config).
    pub fn settle_rule_problems(&self, problems: Vec<(String, String)>) -> Vec<(String, String)> {
        if !self.is_migrated() {
            return problems;
        }
        let (rules, rest): (Vec<_>, Vec<_>) = problems.into_iter().partition(|(key, _)| key.starts_with("pack_overrides") || key.starts_with("suppressions"));
        let notes: Vec<String> =
            rules.iter().map(|(key, msg)| format!("`{key}`: {msg}; ignored (sentra's rule ids differ from sentrik's: see `sentra list-rules`)")).collect();
        crate::sentrik::warn_once(&self.origin, &notes);
        rest
    }

    /// Config suppressions that name no rule in `rules`, as (`suppressions[i]`, message).
    pub fn unmatched_suppressions<'a>(&self, rules: impl Iterator<Item = &'a str> + Clone) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        for (i, s) in self.suppressions.iter().enumerate() {
            if !rules.clone().any(|r| s.names_rule(r)) {
                problems.push((format!("suppressions[{i}].rule_id"), format!("`{}` names no rule of any pack", s.rule_id)));
            }
        }
        problems
    }

    /// A digest of the settings that decide what a scan reports (packs, gate, excludes,
    /// limits, overrides, suppressions, error policies), for reports to cite: two scans
    /// with the same digest ran with the same settings.
    pub fn fingerprint(&self) -> String {
        use sha2::Digest;
        let overrides: Vec<serde_json::Value> =
            self.rule_overrides.iter().map(|((pack, rule), o)| serde_json::json!([pack, rule, o.severity.map(|s| s.as_str()), o.enabled])).collect();
        let suppressions: Vec<serde_json::Value> =
            self.suppressions.iter().map(|s| serde_json::json!([s.rule_id, s.file_pattern, s.reason, s.expires.map(|d| d.to_string())])).collect();
        let on_error: BTreeMap<&String, String> = self.on_error.iter().map(|(k, v)| (k, format!("{v:?}"))).collect();
        let value = serde_json::json!({
            "standards_packs": self.standards_packs,
            "gate_fail_on": self.gate_fail_on.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "scan_exclude": self.scan_exclude,
            "min_severity": self.min_severity.map(|s| s.as_str()),
            "max_file_bytes": self.max_file_bytes,
            "pack_limits": format!("{:?}", self.pack_limits),
            "pack_overrides": overrides,
            "suppressions": suppressions,
            "pack_on_error": on_error,
            "pack_files": self.pack_files,
            "scan_generated": self.scan_generated,
            "attestations": self.attestations,
        });
        hex::encode(sha2::Sha256::digest(value.to_string().as_bytes()))
    }

    /// This config as tenant `tenant` runs it: its own sandbox limits, when it has them.
    pub fn for_tenant(&self, tenant: &str) -> Config {
        let mut c = self.clone();
        if let Some(l) = self.tenant_limits.get(tenant) {
            c.pack_limits = *l;
        }
        if let Some(t) = self.tenant_trust.get(tenant) {
            c.pack_trust = t.clone();
        }
        c
    }

    /// What the gate applies: `gate_fail_on` and the governance's blocking rules.
    pub fn gate_policy(&self) -> sentra_model::GatePolicy {
        sentra_model::GatePolicy {
            fail_on: self.gate_fail_on.clone(),
            block_on_obligations: self.governance.gate.block_on_obligations,
            block_on_errored_packs: self.governance.gate.block_on_errored_packs,
        }
    }

    /// What an errored `pack_id` does to the gate.
    pub fn on_error(&self, pack_id: &str) -> OnError {
        self.on_error.get(pack_id).copied().unwrap_or(OnError::Fail)
    }

    /// The pack files to load, resolved against `root`.
    pub fn pack_file_paths(&self, root: &Path) -> Vec<PathBuf> {
        self.pack_files.iter().map(|f| root.join(f)).collect()
    }

    /// The pack files, resolved (symlinks too) and confined: each must be inside `root` and
    /// outside every directory of `forbidden` (a server's state directory). For a config
    /// nobody vouched for (a scanned repository's, a tenant's): a file outside is refused
    /// by name, never opened.
    pub fn confined_pack_files(&self, root: &Path, forbidden: &[PathBuf]) -> Result<Vec<PathBuf>, ConfigError> {
        let invalid = |f: &str, why: &str| ConfigError::Invalid { origin: self.origin.clone(), key: "pack_files".into(), message: format!("`{f}` {why}") };
        let root = root.canonicalize().map_err(|_| invalid(".", "is under a root that does not exist"))?;
        let mut out = Vec::with_capacity(self.pack_files.len());
        for f in &self.pack_files {
            let path = root.join(f).canonicalize().map_err(|_| invalid(f, "does not exist"))?;
            if !path.starts_with(&root) {
                return Err(invalid(f, &format!("is outside {}", root.display())));
            }
            if forbidden.iter().any(|d| path.starts_with(d)) {
                return Err(invalid(f, "is inside the state directory"));
            }
            out.push(path);
        }
        Ok(out)
    }

    /// Whether `output_dir` stays inside `root` (relative, no `..`, and where it exists,
    /// resolving inside): a scanned repository's config may not send reports elsewhere.
    pub fn check_output_dir(&self, root: &Path) -> Result<(), ConfigError> {
        let invalid = |why: String| ConfigError::Invalid { origin: self.origin.clone(), key: "output_dir".into(), message: why };
        let dir = &self.output_dir;
        if dir.is_absolute() || dir.components().any(|c| matches!(c, std::path::Component::ParentDir)) {
            return Err(invalid(format!("`{}` must be a relative path inside the repository", dir.display())));
        }
        let (Ok(root), Ok(resolved)) = (root.canonicalize(), root.join(dir).canonicalize()) else { return Ok(()) };
        if !resolved.starts_with(&root) {
            return Err(invalid(format!("`{}` resolves outside the repository", dir.display())));
        }
        Ok(())
    }

    /// The override of one rule, if any.
    pub fn rule_override(&self, pack_id: &str, rule_id: &str) -> Option<&RuleOverride> {
        self.rule_overrides.get(&(pack_id.to_string(), rule_id.to_string()))
    }

    /// The severity a rule's findings get after overrides.
    pub fn effective_severity(&self, pack_id: &str, rule_id: &str, declared: Severity) -> Severity {
        self.rule_override(pack_id, rule_id).and_then(|o| o.severity).unwrap_or(declared)
    }

    /// Whether a rule runs after overrides.
    pub fn rule_enabled(&self, pack_id: &str, rule_id: &str) -> bool {
        self.rule_override(pack_id, rule_id).and_then(|o| o.enabled).unwrap_or(true)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::from_raw(RawConfig::default(), "defaults").expect("defaults are valid")
    }
}

impl Config {
    /// Finds and loads the config for `root`, or `explicit` when given, then applies the
    /// `GUARD_*` environment variables.
    pub fn load(root: &Path, explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let (raw, origin) = Self::load_raw(root, explicit)?;
        Self::from_raw(raw, &origin)
    }

    /// The unchecked values [`Config::load`] would check, and where they came from, for
    /// callers that layer more values on top (API request overrides).
    pub fn load_raw(root: &Path, explicit: Option<&Path>) -> Result<(RawConfig, String), ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => CONFIG_FILES.iter().map(|f| root.join(f)).find(|p| p.is_file()),
        };
        let (raw, origin) = match path {
            Some(p) => (Self::read_raw(&p)?, p.display().to_string()),
            None => (RawConfig::default(), "defaults".to_string()),
        };
        Ok((apply_env(raw, |k| std::env::var(k).ok())?, origin))
    }

    pub fn read_raw(path: &Path) -> Result<RawConfig, ConfigError> {
        parse_yaml(&read_text(path)?, &path.display().to_string())
    }

    /// Checks every value and resolves it into typed form. Sections are checked in the
    /// order the file lists them, so the first error reported is the first in the file.
    pub fn from_raw(raw: RawConfig, origin: &str) -> Result<Self, ConfigError> {
        let invalid = |(key, message): Problem| ConfigError::Invalid { origin: origin.into(), key, message };

        let governance = crate::governance::resolve(raw.governance.as_ref()).map_err(invalid)?;
        let gate_fail_on = check_gate_fail_on(raw.gate_fail_on, &governance).map_err(invalid)?;
        if let Some(packs) = &raw.standards_packs
            && let Some(bad) = packs.iter().find(|p| !sentra_runtime::valid_pack_id(p))
        {
            return Err(invalid(("standards_packs".into(), format!("`{bad}` is not a valid pack id"))));
        }
        let scan_exclude = raw.scan_exclude.unwrap_or_default();
        let scan_exclude_set = exclude_set(&scan_exclude).map_err(invalid)?;
        let max_file_bytes = raw.max_file_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES);
        if max_file_bytes == 0 || max_file_bytes > (1 << 30) {
            return Err(invalid(("max_file_bytes".into(), format!("{max_file_bytes} is out of range (1 to 1073741824)"))));
        }
        let pack_limits = match &raw.pack_limits {
            Some(l) => apply_limits(PackLimits::default(), l, "pack_limits").map_err(invalid)?,
            None => PackLimits::default(),
        };
        let tenant_limits = check_tenants(raw.tenants.clone().unwrap_or_default(), pack_limits).map_err(invalid)?;
        let tenant_roots = check_tenant_roots(raw.tenants.as_ref()).map_err(invalid)?;
        let pack_trust = check_trust(raw.pack_trust.as_ref(), "pack_trust").map_err(invalid)?;
        let mut tenant_trust = BTreeMap::new();
        for (tenant, t) in raw.tenants.iter().flatten() {
            if t.pack_trust.is_some() {
                tenant_trust.insert(tenant.clone(), check_trust(t.pack_trust.as_ref(), &format!("tenants.{tenant}.pack_trust")).map_err(invalid)?);
            }
        }
        let on_error = check_on_error(raw.pack_on_error.clone().unwrap_or_default()).map_err(invalid)?;
        let rule_overrides = check_overrides(raw.pack_overrides.unwrap_or_default()).map_err(invalid)?;
        let pack_files = raw.pack_files.unwrap_or_default();
        if let Some(bad) = pack_files.iter().find(|f| f.trim().is_empty() || f.contains('\0')) {
            return Err(invalid(("pack_files".into(), format!("`{bad}` is not a usable path"))));
        }
        let reporters = check_reporters(raw.reporters.unwrap_or_default()).map_err(invalid)?;
        let output_dir = PathBuf::from(raw.output_dir.unwrap_or_else(|| DEFAULT_OUTPUT_DIR.to_string()));
        if output_dir.as_os_str().is_empty() {
            return Err(invalid(("output_dir".into(), "must not be empty".into())));
        }
        let suppressions = check_suppressions(&raw.suppressions.clone().unwrap_or_default()).map_err(invalid)?;
        let attestations = check_attestations(raw.attestations.as_deref().unwrap_or_default()).map_err(invalid)?;
        let raw_devops = raw.devops.clone().unwrap_or_default();
        let devops = raw_devops.check().map_err(|(k, m)| invalid((format!("devops.{k}"), m)))?;

        Ok(Config {
            scan_generated: raw.scan_generated.unwrap_or(false),
            devops,
            raw_devops,
            governance,
            suppressions,
            attestations,
            tenant_limits,
            pack_trust,
            tenant_trust,
            tenant_roots,
            on_error,
            reporters,
            output_dir,
            pack_files,
            rule_overrides,
            origin: origin.into(),
            standards_packs: raw.standards_packs,
            gate_fail_on,
            scan_exclude,
            scan_exclude_set,
            min_severity: None,
            max_file_bytes,
            pack_limits,
        })
    }

    /// Adds `globs` to `scan_exclude` (as `--exclude` does); a bad glob is named.
    pub fn add_excludes(&mut self, globs: &[String]) -> Result<(), ConfigError> {
        let mut all = self.scan_exclude.clone();
        all.extend(globs.iter().cloned());
        self.scan_exclude_set = exclude_set(&all).map_err(|(key, message)| ConfigError::Invalid { origin: "--exclude".into(), key, message })?;
        self.scan_exclude = all;
        Ok(())
    }
}

/// A config problem: the key it is about and what is wrong.
type Problem = (String, String);

/// `gate_fail_on` as severities; unset, the governance profile's.
fn check_gate_fail_on(raw: Option<Vec<String>>, governance: &crate::governance::Governance) -> Result<Vec<Severity>, Problem> {
    match raw {
        None => Ok(governance.gate.fail_on.clone()),
        Some(list) => list
            .iter()
            .map(|s| {
                Severity::parse(s).ok_or_else(|| ("gate_fail_on".to_string(), format!("unknown severity `{s}` (expected critical, high, medium, low or info)")))
            })
            .collect(),
    }
}

/// The `scan_exclude` globs as one set.
fn exclude_set(scan_exclude: &[String]) -> Result<GlobSet, Problem> {
    let mut set = GlobSetBuilder::new();
    for g in scan_exclude {
        let glob = compile_glob(g).map_err(|e| ("scan_exclude".to_string(), format!("bad glob `{g}`: {e}")))?;
        set.add(glob);
        // `dir/` or `dir` also excludes everything below it.
        let below = format!("{}/**", g.trim_end_matches('/'));
        if let Ok(glob) = compile_glob(&below) {
            set.add(glob);
        }
    }
    set.build().map_err(|e| ("scan_exclude".to_string(), e.to_string()))
}

/// Each tenant's sandbox limits, layered over the global ones (`base`).
fn check_tenants(tenants: BTreeMap<String, RawTenant>, base: PackLimits) -> Result<BTreeMap<String, PackLimits>, Problem> {
    let mut tenant_limits = BTreeMap::new();
    for (tenant, t) in tenants {
        if let Some(l) = &t.pack_limits {
            let limits = apply_limits(base, l, &format!("tenants.{tenant}.pack_limits"))?;
            tenant_limits.insert(tenant, limits);
        }
    }
    Ok(tenant_limits)
}

/// A trust policy as written, checked; errors name `prefix.field`.
fn check_trust(raw: Option<&sentra_bundle::RawTrust>, prefix: &str) -> Result<sentra_bundle::TrustPolicy, Problem> {
    raw.map_or(Ok(sentra_bundle::TrustPolicy::Any), |r| sentra_bundle::TrustPolicy::from_raw(r).map_err(|e| (format!("{prefix}.{}", e.field), e.message)))
}

/// Each tenant's workspace root: a tenant id the store accepts, a usable path.
fn check_tenant_roots(tenants: Option<&BTreeMap<String, RawTenant>>) -> Result<BTreeMap<String, PathBuf>, Problem> {
    let mut roots = BTreeMap::new();
    for (tenant, t) in tenants.into_iter().flatten() {
        if !sentra_model::valid_tenant(tenant) {
            return Err((format!("tenants.{tenant}"), format!("`{tenant}` is not a valid tenant id")));
        }
        if let Some(root) = &t.root {
            if root.trim().is_empty() || root.contains('\0') {
                return Err((format!("tenants.{tenant}.root"), format!("`{root}` is not a usable path")));
            }
            roots.insert(tenant.clone(), PathBuf::from(root));
        }
    }
    Ok(roots)
}

/// `pack_on_error`: `fail` or `skip` per pack.
fn check_on_error(raw: BTreeMap<String, String>) -> Result<BTreeMap<String, OnError>, Problem> {
    let mut on_error = BTreeMap::new();
    for (pack, policy) in raw {
        let p = match policy.as_str() {
            "fail" => OnError::Fail,
            "skip" => OnError::Skip,
            other => return Err((format!("pack_on_error.{pack}"), format!("`{other}` is not `fail` or `skip`"))),
        };
        on_error.insert(pack, p);
    }
    Ok(on_error)
}

/// `pack_overrides`, keyed by (pack id, rule id). Whether the rules exist is checked later,
/// against the loaded packs.
fn check_overrides(raw: BTreeMap<String, BTreeMap<String, RawRuleOverride>>) -> Result<BTreeMap<(String, String), RuleOverride>, Problem> {
    let mut rule_overrides = BTreeMap::new();
    for (pack, rules) in raw {
        if !sentra_runtime::valid_pack_id(&pack) {
            return Err(("pack_overrides".into(), format!("`{pack}` is not a valid pack id")));
        }
        for (rule, o) in rules {
            let severity = match &o.severity {
                None => None,
                Some(s) => Some(Severity::parse(s).ok_or_else(|| {
                    (format!("pack_overrides.{pack}.{rule}.severity"), format!("unknown severity `{s}` (expected critical, high, medium, low or info)"))
                })?),
            };
            rule_overrides.insert((pack.clone(), rule), RuleOverride { severity, enabled: o.enabled });
        }
    }
    Ok(rule_overrides)
}

/// `reporters`: known format names, lower-cased, without repeats.
fn check_reporters(raw: Vec<String>) -> Result<Vec<String>, Problem> {
    let mut reporters = Vec::new();
    for r in raw {
        let name = r.trim().to_ascii_lowercase();
        if !REPORT_FORMATS.contains(&name.as_str()) {
            return Err(("reporters".into(), format!("unknown report format `{r}` (expected one of {})", REPORT_FORMATS.join(", "))));
        }
        if !reporters.contains(&name) {
            reporters.push(name);
        }
    }
    Ok(reporters)
}

/// The config's suppressions, checked; errors name `suppressions[i].field`.
fn check_suppressions(raw: &[RawSuppression]) -> Result<Vec<crate::suppress::Suppression>, Problem> {
    let mut suppressions = Vec::new();
    for (i, raw) in raw.iter().enumerate() {
        let s = crate::suppress::Suppression::new(None, &raw.rule_id, &raw.file_pattern, &raw.reason, raw.expires.as_deref(), "config")
            .map_err(|(field, message)| (format!("suppressions[{i}].{field}"), message))?;
        suppressions.push(s);
    }
    Ok(suppressions)
}

/// `attestations`: rule ids with relative document paths that stay inside the tree.
fn check_attestations(raw: &[RawAttestation]) -> Result<BTreeMap<String, String>, Problem> {
    if raw.len() > MAX_ATTESTATIONS {
        return Err(("attestations".into(), format!("{} entries; the limit is {MAX_ATTESTATIONS}", raw.len())));
    }
    let mut out = BTreeMap::new();
    for (i, a) in raw.iter().enumerate() {
        let id = a.rule_id.trim();
        if id.is_empty() || id.len() > 128 || id.chars().any(char::is_control) {
            return Err((format!("attestations[{i}].rule_id"), "must be a rule id (1 to 128 characters)".into()));
        }
        let doc = a.document.trim();
        let escapes = doc.starts_with(['/', '\\']) || doc.contains(':') || doc.split(['/', '\\']).any(|p| p == "..");
        if doc.is_empty() || doc.len() > 512 || doc.contains('\0') || escapes {
            return Err((format!("attestations[{i}].document"), "must be a path relative to the scanned directory, inside it".into()));
        }
        out.insert(id.to_string(), doc.to_string());
    }
    Ok(out)
}

/// Parses config YAML. An empty document is an empty config.
pub fn parse_yaml(text: &str, origin: &str) -> Result<RawConfig, ConfigError> {
    if text.trim().is_empty() || text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(RawConfig::default());
    }
    let parse_error = |e: serde_saphyr::Error| ConfigError::Parse { path: origin.into(), message: crate::safe_file::yaml_problem_in(&e, config_keys()) };
    match serde_saphyr::from_str(text) {
        Ok(raw) => Ok(raw),
        // A file written for sentrik: its keys are mapped or dropped (with a warning each),
        // then the rest is read as sentra's (typos of sentra's keys still refused).
        Err(e) => {
            let Ok(mut values) = serde_saphyr::from_str::<serde_json::Value>(text) else { return Err(parse_error(e)) };
            let Some(map) = values.as_object_mut().filter(|m| m.keys().any(|k| crate::sentrik::is_sentrik_key(k))) else { return Err(parse_error(e)) };
            let notes = crate::sentrik::translate(map);
            crate::sentrik::warn_once(origin, &notes);
            serde_json::from_value(values).map_err(|j| ConfigError::Parse { path: origin.into(), message: json_problem(&j, &e) })
        }
    }
}

/// A JSON (re-)reading error as a config problem, naming the key (never quoting values).
fn json_problem(e: &serde_json::Error, yaml: &serde_saphyr::Error) -> String {
    let text = e.to_string();
    match text.split("unknown field `").nth(1).and_then(|r| r.split('`').next()) {
        Some(key) if key.len() <= 64 => format!("`{key}`: unknown key"),
        _ => crate::safe_file::yaml_problem_in(yaml, config_keys()),
    }
}

/// The config's top-level keys, from its schema: the names an error may repeat.
pub fn config_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| json_schema()["properties"].as_object().map(|p| p.keys().cloned().collect()).unwrap_or_default())
}

/// A config file's text: a regular file within [`MAX_CONFIG_BYTES`], UTF-8.
pub fn read_text(path: &Path) -> Result<String, ConfigError> {
    let bytes = crate::safe_file::read_regular(path, MAX_CONFIG_BYTES as u64).map_err(ConfigError::File)?;
    String::from_utf8(bytes).map_err(|_| ConfigError::NotText { path: path.into() })
}

fn list(v: &str) -> Vec<String> {
    v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

/// `GUARD_*` variables override file values.
pub fn apply_env(mut raw: RawConfig, get: impl Fn(&str) -> Option<String>) -> Result<RawConfig, ConfigError> {
    let invalid = |key: &str, message: String| ConfigError::Invalid { origin: "environment".into(), key: key.into(), message };
    if let Some(v) = get("GUARD_STANDARDS_PACKS") {
        raw.standards_packs = Some(list(&v));
    }
    if let Some(v) = get("GUARD_GATE_FAIL_ON") {
        raw.gate_fail_on = Some(list(&v));
    }
    if let Some(v) = get("GUARD_SCAN_EXCLUDE") {
        raw.scan_exclude = Some(list(&v));
    }
    if let Some(v) = get("GUARD_MAX_FILE_BYTES") {
        raw.max_file_bytes = Some(v.trim().parse().map_err(|_| invalid("GUARD_MAX_FILE_BYTES", format!("`{v}` is not a whole number")))?);
    }
    let limits = raw.pack_limits.get_or_insert_with(RawPackLimits::default);
    for (var, slot) in [
        ("GUARD_PACK_TIMEOUT_MS", &mut limits.timeout_ms),
        ("GUARD_PACK_MEMORY_MB", &mut limits.memory_mb),
        ("GUARD_PACK_MAX_FINDINGS_PER_FILE", &mut limits.max_findings_per_file),
    ] {
        if let Some(v) = get(var) {
            *slot = Some(v.trim().parse().map_err(|_| invalid(var, format!("`{v}` is not a whole number")))?);
        }
    }
    Ok(raw)
}

/// The JSON Schema of the config file (committed as `schemas/config.schema.json`).
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RawConfig)).expect("schema serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_named() {
        let err = parse_yaml("standards_packs: [secrets]\nfail_on: [high]\n", "c.yaml").unwrap_err().to_string();
        assert!(err.contains("fail_on"), "{err}");
    }

    #[test]
    fn bad_severity_is_named() {
        let raw = parse_yaml("gate_fail_on: [critical, severe]\n", "c.yaml").unwrap();
        let err = Config::from_raw(raw, "c.yaml").unwrap_err().to_string();
        assert!(err.contains("gate_fail_on") && err.contains("severe"), "{err}");
    }

    #[test]
    fn wrong_type_is_an_error() {
        let err = parse_yaml("max_file_bytes: lots\n", "c.yaml").unwrap_err().to_string();
        assert!(err.contains("c.yaml"), "{err}");
    }

    #[test]
    fn env_overrides_file() {
        let raw = parse_yaml("gate_fail_on: [critical]\nmax_file_bytes: 10\n", "c.yaml").unwrap();
        let env = |k: &str| match k {
            "GUARD_GATE_FAIL_ON" => Some("low, info".to_string()),
            "GUARD_PACK_TIMEOUT_MS" => Some("250".to_string()),
            _ => None,
        };
        let cfg = Config::from_raw(apply_env(raw, env).unwrap(), "c.yaml").unwrap();
        assert_eq!(cfg.gate_fail_on, vec![Severity::Low, Severity::Info]);
        assert_eq!(cfg.max_file_bytes, 10);
        assert_eq!(cfg.pack_limits.call_timeout, Duration::from_millis(250));
        let err = apply_env(RawConfig::default(), |k| (k == "GUARD_MAX_FILE_BYTES").then(|| "x".into())).unwrap_err();
        assert!(err.to_string().contains("GUARD_MAX_FILE_BYTES"));
    }

    #[test]
    fn tenant_limits_layer_over_global_ones_and_are_checked() {
        let raw = parse_yaml(
            "pack_limits: {timeout_ms: 2000, max_message_bytes: 256}\ntenants:\n  acme:\n    pack_limits: {memory_mb: 32, max_findings_per_scan: 10}\n",
            "c.yaml",
        )
        .unwrap();
        let cfg = Config::from_raw(raw, "c.yaml").unwrap();
        let acme = cfg.for_tenant("acme").pack_limits;
        assert_eq!((acme.call_timeout, acme.memory_bytes, acme.max_findings_per_scan), (Duration::from_millis(2000), 32 << 20, 10));
        assert_eq!(cfg.for_tenant("other").pack_limits.memory_bytes, sentra_runtime::DEFAULT_MEMORY_BYTES);
        assert_eq!(cfg.pack_limits.max_message_bytes, 256);
        let raw = parse_yaml("tenants:\n  acme:\n    pack_limits: {max_message_bytes: 1}\n", "c.yaml").unwrap();
        let err = Config::from_raw(raw, "c.yaml").unwrap_err().to_string();
        assert!(err.contains("tenants.acme.pack_limits.max_message_bytes"), "{err}");
    }

    #[test]
    fn limits_are_range_checked() {
        let raw = parse_yaml("pack_limits:\n  memory_mb: 1\n", "c.yaml").unwrap();
        let err = Config::from_raw(raw, "c.yaml").unwrap_err().to_string();
        assert!(err.contains("pack_limits.memory_mb"), "{err}");
    }

    #[test]
    fn exclude_globs_cover_directories() {
        let raw = parse_yaml("scan_exclude: ['docs', 'src/*.gen.rs']\n", "c.yaml").unwrap();
        let cfg = Config::from_raw(raw, "c.yaml").unwrap();
        assert!(cfg.scan_exclude_set.is_match("docs/a/b.md"));
        assert!(cfg.scan_exclude_set.is_match("src/x.gen.rs"));
        assert!(!cfg.scan_exclude_set.is_match("src/sub/x.gen.rs"));
    }

    #[test]
    fn empty_file_is_defaults() {
        let raw = parse_yaml("# nothing yet\n", "c.yaml").unwrap();
        let cfg = Config::from_raw(raw, "c.yaml").unwrap();
        assert_eq!(cfg.gate_fail_on, DEFAULT_GATE_FAIL_ON.to_vec());
        assert_eq!(cfg.max_file_bytes, DEFAULT_MAX_FILE_BYTES);
    }
}
