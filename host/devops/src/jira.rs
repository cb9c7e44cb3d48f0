//! Jira (REST v2 for Data Center, v3 for Cloud). Items are found by JQL on the configured
//! label and carry the label `sentra-rule:RULE`. Jira has no writable status: an item is
//! closed and reopened through a workflow transition into a done (or not-done) status
//! category. v2 bodies are wiki markup, v3 bodies Atlassian Document Format.

use std::time::Duration;

use reqwest::Method;
use sentra_model::devops::{JIRA_PAT_ENV, JIRA_TOKEN_ENV, JIRA_USER_ENV, JiraSettings};
use serde_json::{Value, json};

use crate::http::{Auth, Http, Payload};
use crate::{ACTIVE, CLOSED, Provider, ProviderError, WorkItem, WorkItemDraft, body};

const RULE_LABEL: &str = "sentra-rule:";
const PAGE: &str = "100";
const MAX_PAGES: usize = 100;
const FIELDS: &str = "summary,description,labels,status";

pub(crate) struct Jira {
    http: Http,
    s: JiraSettings,
    version: String,
}

impl Jira {
    pub(crate) fn new(s: JiraSettings, timeout: Duration, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ProviderError> {
        let get = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        let auth = match (get(JIRA_USER_ENV), get(JIRA_TOKEN_ENV), get(JIRA_PAT_ENV)) {
            (Some(user), Some(token), _) => Auth::Basic(user, token),
            (_, _, Some(pat)) => Auth::Bearer(pat),
            _ => {
                return Err(ProviderError::Credentials {
                    provider: "jira",
                    message: format!("set {JIRA_USER_ENV} and {JIRA_TOKEN_ENV} (Jira Cloud), or {JIRA_PAT_ENV} (Data Center)"),
                });
            }
        };
        let http = Http::new("jira", &s.base_url, auth, timeout, vec![("accept", "application/json")])?;
        Ok(Jira { http, version: s.api_version.to_string(), s })
    }

    fn url(&self, extra: &[&str], query: &[(&str, &str)]) -> reqwest::Url {
        let mut segments = vec!["rest", "api", self.version.as_str()];
        segments.extend_from_slice(extra);
        self.http.url(&segments, query)
    }

    fn protocol(what: &str, message: &str) -> ProviderError {
        ProviderError::Protocol { provider: "jira", what: what.into(), message: message.into() }
    }

    fn description(&self, d: &WorkItemDraft) -> Value {
        if self.s.api_version == 2 { json!(body::jira_wiki(d)) } else { body::adf(d) }
    }

    fn item(&self, v: &Value) -> Option<WorkItem> {
        let f = &v["fields"];
        let labels = f["labels"].as_array()?;
        let rule = labels.iter().filter_map(Value::as_str).find_map(|l| l.strip_prefix(RULE_LABEL))?.to_string();
        let text = match &f["description"] {
            Value::String(s) => s.clone(),
            doc @ Value::Object(_) => body::adf_to_text(doc),
            _ => String::new(),
        };
        let parsed = body::parse(&text);
        let key = v["key"].as_str()?.to_string();
        let done = f["status"]["statusCategory"]["key"] == "done";
        Some(WorkItem {
            url: Some(format!("{}/browse/{key}", self.s.base_url)),
            id: key.clone(),
            devops_id: key,
            title: f["summary"].as_str().unwrap_or("").to_string(),
            description: parsed.description,
            acceptance_criteria: parsed.acceptance_criteria,
            state: if done { CLOSED } else { ACTIVE }.to_string(),
            rule_id: rule,
            linked_findings_count: parsed.findings_count,
            findings_key: parsed.findings_key,
        })
    }

    /// Moves `key` into the done status category (close) or out of it (reopen), through
    /// whichever workflow transition leads there; "To Do" is preferred over "In Progress".
    fn transition(&self, key: &str, state: &str) -> Result<(), ProviderError> {
        let a = self.http.send(Method::GET, self.url(&["issue", key, "transitions"], &[]), None)?;
        let list = a.body["transitions"].as_array().ok_or_else(|| Self::protocol("list transitions", "no transitions list"))?;
        let category = |t: &Value| t["to"]["statusCategory"]["key"].as_str().unwrap_or("").to_string();
        let pick = if state == CLOSED {
            list.iter().find(|t| category(t) == "done")
        } else {
            list.iter().find(|t| category(t) == "new").or_else(|| list.iter().find(|t| category(t) == "indeterminate"))
        };
        let Some(t) = pick else {
            let names: Vec<&str> = list.iter().filter_map(|t| t["name"].as_str()).collect();
            let want = if state == CLOSED { "a done status" } else { "an open status" };
            return Err(Self::protocol(&format!("transitions of {key}"), &format!("none leads to {want} (available: {})", names.join(", "))));
        };
        let id = t["id"].as_str().map(str::to_string).unwrap_or_else(|| t["id"].to_string());
        self.http.send(Method::POST, self.url(&["issue", key, "transitions"], &[]), Some(Payload::Json(json!({"transition": {"id": id}}))))?;
        Ok(())
    }
}

impl Provider for Jira {
    fn name(&self) -> &'static str {
        "jira"
    }

    fn list(&self) -> Result<Vec<WorkItem>, ProviderError> {
        let jql = format!("project = \"{}\" AND labels = \"{}\" ORDER BY created ASC", self.s.project_key, self.s.label);
        let mut items = Vec::new();
        if self.s.api_version == 2 {
            let mut start = 0usize;
            for _ in 0..MAX_PAGES {
                let at = start.to_string();
                let q = [("jql", jql.as_str()), ("startAt", at.as_str()), ("maxResults", PAGE), ("fields", FIELDS)];
                let a = self.http.send(Method::GET, self.url(&["search"], &q), None)?;
                let issues = a.body["issues"].as_array().ok_or_else(|| Self::protocol("search", "no issues list"))?;
                items.extend(issues.iter().filter_map(|v| self.item(v)));
                start += issues.len();
                let total = a.body["total"].as_u64().unwrap_or(0) as usize;
                if issues.is_empty() || start >= total {
                    break;
                }
            }
        } else {
            let mut token: Option<String> = None;
            for _ in 0..MAX_PAGES {
                let mut q = vec![("jql", jql.as_str()), ("maxResults", PAGE), ("fields", FIELDS)];
                if let Some(t) = &token {
                    q.push(("nextPageToken", t.as_str()));
                }
                let a = self.http.send(Method::GET, self.url(&["search", "jql"], &q), None)?;
                let issues = a.body["issues"].as_array().ok_or_else(|| Self::protocol("search", "no issues list"))?;
                items.extend(issues.iter().filter_map(|v| self.item(v)));
                token = a.body["nextPageToken"].as_str().map(str::to_string);
                if a.body["isLast"].as_bool().unwrap_or(true) || token.is_none() {
                    break;
                }
            }
        }
        Ok(items)
    }

    fn create(&self, d: &WorkItemDraft) -> Result<WorkItem, ProviderError> {
        let fields = json!({
            "project": {"key": self.s.project_key},
            "summary": d.title,
            "description": self.description(d),
            "issuetype": {"name": self.s.issue_type},
            "labels": [self.s.label, format!("{RULE_LABEL}{}", d.rule_id)],
        });
        let a = self.http.send(Method::POST, self.url(&["issue"], &[]), Some(Payload::Json(json!({"fields": fields}))))?;
        let key = a.body["key"].as_str().ok_or_else(|| Self::protocol("create issue", "no key in the answer"))?.to_string();
        Ok(WorkItem {
            url: Some(format!("{}/browse/{key}", self.s.base_url)),
            id: key.clone(),
            devops_id: key,
            title: d.title.clone(),
            description: d.description.clone(),
            acceptance_criteria: d.acceptance_criteria.clone(),
            state: ACTIVE.into(),
            rule_id: d.rule_id.clone(),
            linked_findings_count: d.findings_count,
            findings_key: d.findings_key.clone(),
        })
    }

    fn update(&self, item: &WorkItem, d: Option<&WorkItemDraft>, state: &str) -> Result<WorkItem, ProviderError> {
        let mut out = item.clone();
        if let Some(d) = d {
            let fields = json!({"summary": d.title, "description": self.description(d)});
            self.http.send(Method::PUT, self.url(&["issue", &item.id], &[]), Some(Payload::Json(json!({"fields": fields}))))?;
            out.title = d.title.clone();
            out.description = d.description.clone();
            out.acceptance_criteria = d.acceptance_criteria.clone();
            out.linked_findings_count = d.findings_count;
            out.findings_key = d.findings_key.clone();
        }
        if state != item.state {
            self.transition(&item.id, state)?;
            out.state = state.into();
        }
        Ok(out)
    }
}
