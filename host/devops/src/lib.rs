//! Work items and reconciliation: the latest scan's blocking findings, grouped by rule,
//! kept in step with a work tracker through the [`Provider`] trait. A rule with findings
//! and no item gets one; an item whose findings changed is updated; a closed item whose
//! rule fires again is reopened; an active item whose rule no longer fires is closed.
//! Running it twice on the same findings does nothing the second time.
//!
//! Providers: `local` (the state database), `github` (Issues REST), `azure` (Boards REST
//! 7.1 and WIQL) and `jira` (REST v2 or v3). Every remote item carries its rule id as a
//! label or tag and its findings fingerprint in the body, so items are found again by
//! rule and never by title.

mod azure;
pub mod body;
mod github;
mod http;
mod jira;
mod local;

use std::collections::BTreeMap;
use std::sync::Arc;

use sentra_model::devops::{DevopsSettings, ProviderSettings};
use sentra_model::{Finding, ScanResult};
use serde::Serialize;

pub use local::LocalProvider;
pub use sentra_store::WorkItemDraft;

/// `active` or `closed`: the two states sentra knows; each provider maps its own onto them.
pub const ACTIVE: &str = "active";
pub const CLOSED: &str = "closed";

/// Rule-id prefix of items that carry a requirement (`requirement:REQ-3`) rather than a
/// rule's findings; reconcile leaves them alone.
pub const REQUIREMENT_PREFIX: &str = "requirement:";

/// A work item as every provider reports it.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct WorkItem {
    pub id: String,
    pub title: String,
    pub description: String,
    pub acceptance_criteria: Vec<String>,
    /// `active` or `closed`.
    pub state: String,
    pub rule_id: String,
    /// The tracker's own id (issue number, work item id, issue key).
    pub devops_id: String,
    pub url: Option<String>,
    pub linked_findings_count: usize,
    /// Fingerprint of the findings the item was last written for.
    #[serde(skip)]
    pub findings_key: String,
}

/// Why a tracker refused or could not be reached. Every message names the provider.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("{provider}: {message}")]
    Credentials { provider: &'static str, message: String },
    #[error("{provider}: cannot reach {url}: {reason}")]
    Unreachable { provider: &'static str, url: String, reason: String },
    #[error("{provider}: {method} {path} answered {status}: {message}")]
    Status { provider: &'static str, method: String, path: String, status: u16, message: String, retry_after: Option<u64> },
    #[error("{provider}: unexpected answer to {what}: {message}")]
    Protocol { provider: &'static str, what: String, message: String },
    #[error("local: {0}")]
    Store(String),
}

/// A work tracker.
pub trait Provider: Send + Sync {
    fn name(&self) -> &'static str;
    /// Every item sentra made (found by its marker), oldest first.
    fn list(&self) -> Result<Vec<WorkItem>, ProviderError>;
    fn create(&self, draft: &WorkItemDraft) -> Result<WorkItem, ProviderError>;
    /// Rewrites `item` from `draft` (when given) and moves it to `state` (`active` reopens,
    /// `closed` closes).
    fn update(&self, item: &WorkItem, draft: Option<&WorkItemDraft>, state: &str) -> Result<WorkItem, ProviderError>;
}

/// The provider `settings` name. Credentials come from `env`; a missing one is an error
/// here, before any request.
pub fn connect(
    settings: &DevopsSettings,
    env: &dyn Fn(&str) -> Option<String>,
    store: Arc<dyn sentra_store::Storage>,
    tenant: &str,
) -> Result<Box<dyn Provider>, ProviderError> {
    Ok(match &settings.provider {
        ProviderSettings::Local => Box::new(LocalProvider::new(store, tenant)),
        ProviderSettings::Github(s) => Box::new(github::Github::new(s.clone(), settings.timeout, env)?),
        ProviderSettings::Azure(s) => Box::new(azure::Azure::new(s.clone(), settings.timeout, env)?),
        ProviderSettings::Jira(s) => Box::new(jira::Jira::new(s.clone(), settings.timeout, env)?),
    })
}

/// What one work item should say about a rule's findings.
pub fn draft(rule_id: &str, findings: &[&Finding]) -> WorkItemDraft {
    let name = findings.first().map(|f| f.message.split(':').next().unwrap_or(&f.message).to_string()).unwrap_or_default();
    let mut files: Vec<&str> = findings.iter().map(|f| f.evidence.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let mut description = format!("sentra found {} blocking finding(s) of rule {rule_id}.\n\n", findings.len());
    for f in findings {
        description.push_str(&format!("- {}:{} [{}] {}\n", f.evidence.file, f.evidence.lines[0], f.severity.as_str(), f.message));
    }
    if let Some(r) = findings.iter().map(|f| f.remediation_guidance.as_str()).find(|r| !r.is_empty()) {
        description.push_str(&format!("\nRemediation: {r}\n"));
    }
    let mut prints: Vec<&str> = findings.iter().map(|f| f.fingerprint.as_str()).collect();
    prints.sort_unstable();
    WorkItemDraft {
        rule_id: rule_id.into(),
        title: format!("[sentra] {rule_id}: {name}"),
        description: description.trim_end().to_string(),
        acceptance_criteria: files.iter().map(|f| format!("No {rule_id} finding remains in {f}")).collect(),
        findings_key: sentra_store::packs::sha256_hex(prints.join("\n").as_bytes()),
        findings_count: findings.len(),
    }
}

/// What the work item of a generated requirement says.
pub fn requirement_draft(r: &sentra_model::Requirement) -> WorkItemDraft {
    let mut description = r.description.clone();
    if !r.source_files.is_empty() {
        description.push_str(&format!("\n\nSource files:\n{}", r.source_files.iter().map(|f| format!("- {f}")).collect::<Vec<_>>().join("\n")));
    }
    WorkItemDraft {
        rule_id: format!("{REQUIREMENT_PREFIX}{}", r.req_id),
        title: format!("[sentra] {}: {}", r.req_id, r.title),
        description,
        acceptance_criteria: r.acceptance_criteria.clone(),
        findings_key: String::new(),
        findings_count: 0,
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReconcileAction {
    /// `create`, `update`, `close` or `reopen`.
    pub action: String,
    pub rule_id: String,
    pub work_item_id: Option<String>,
    pub title: String,
    /// Why the provider refused, when it did.
    pub error: Option<String>,
}

#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct ReconcileCounts {
    pub created: usize,
    pub updated: usize,
    pub closed: usize,
    pub reopened: usize,
    pub errors: usize,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReconcileResponse {
    /// `ok`, `dry_run`, `partial` (some actions failed), `error` (the items could not be
    /// listed) or `no_scan`.
    pub status: String,
    pub provider: String,
    pub actions: Vec<ReconcileAction>,
    pub result: ReconcileCounts,
    /// Why nothing could be done, when `status` is `error`.
    pub error: Option<String>,
    /// The recorded scan reconciled against: a repository's latest complete scan.
    pub scan_id: Option<i64>,
    /// The repository (`repo_path`) that scan covered.
    pub repository: Option<String>,
}

impl ReconcileResponse {
    pub fn empty(status: &str, provider: &str, error: Option<String>) -> Self {
        ReconcileResponse {
            status: status.into(),
            provider: provider.into(),
            actions: Vec::new(),
            result: ReconcileCounts::default(),
            error,
            scan_id: None,
            repository: None,
        }
    }
}

/// Brings the provider in step with `result`'s blocking findings (those of a severity in
/// `fail_on`). Each failed action is reported with its error and retried on the next run,
/// since nothing about it was recorded.
pub fn reconcile(provider: &dyn Provider, result: &ScanResult, fail_on: &[sentra_model::Severity], dry_run: bool) -> ReconcileResponse {
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in result.findings.iter().filter(|f| !f.is_obligation && fail_on.contains(&f.severity)) {
        by_rule.entry(f.rule_id.as_str()).or_default().push(f);
    }
    let items = match provider.list() {
        Ok(items) => items.into_iter().filter(|i| !i.rule_id.starts_with(REQUIREMENT_PREFIX)).collect::<Vec<_>>(),
        Err(e) => {
            let mut out = ReconcileResponse::empty("error", provider.name(), Some(e.to_string()));
            out.result.errors = 1;
            return out;
        }
    };
    let mut actions = Vec::new();
    let mut counts = ReconcileCounts::default();
    let mut act = |action: &str, rule: &str, id: Option<String>, title: String, outcome: Option<Result<WorkItem, ProviderError>>| {
        let (work_item_id, error) = match outcome {
            None => (id, None),
            Some(Ok(item)) => (Some(item.id), None),
            Some(Err(e)) => (id, Some(e.to_string())),
        };
        match (&error, action) {
            (Some(_), _) => counts.errors += 1,
            (None, "create") => counts.created += 1,
            (None, "update") => counts.updated += 1,
            (None, "close") => counts.closed += 1,
            (None, _) => counts.reopened += 1,
        }
        actions.push(ReconcileAction { action: action.into(), rule_id: rule.into(), work_item_id, title, error });
    };
    for (rule, findings) in &by_rule {
        let d = draft(rule, findings);
        // The newest item of a rule is the one kept in step.
        match items.iter().rev().find(|i| i.rule_id == *rule) {
            None => {
                let outcome = (!dry_run).then(|| provider.create(&d));
                act("create", rule, None, d.title.clone(), outcome);
            }
            Some(item) if item.state == CLOSED => {
                let outcome = (!dry_run).then(|| provider.update(item, Some(&d), ACTIVE));
                act("reopen", rule, Some(item.id.clone()), d.title.clone(), outcome);
            }
            Some(item) if item.findings_key != d.findings_key => {
                let outcome = (!dry_run).then(|| provider.update(item, Some(&d), ACTIVE));
                act("update", rule, Some(item.id.clone()), d.title.clone(), outcome);
            }
            Some(_) => {}
        }
    }
    for item in items.iter().filter(|i| i.state == ACTIVE && !by_rule.contains_key(i.rule_id.as_str())) {
        let outcome = (!dry_run).then(|| provider.update(item, None, CLOSED));
        act("close", &item.rule_id, Some(item.id.clone()), item.title.clone(), outcome);
    }
    let status = if dry_run {
        "dry_run"
    } else if counts.errors > 0 {
        "partial"
    } else {
        "ok"
    };
    ReconcileResponse { status: status.into(), provider: provider.name().into(), actions, result: counts, error: None, scan_id: None, repository: None }
}
