//! Azure DevOps Boards (REST 7.1). Items are found with a WIQL query on the `sentra` tag,
//! then read in batches; each carries the tag `sentra-rule:RULE`. Writes are JSON Patch
//! documents. States map through the configured active and closed state names.

use std::time::Duration;

use reqwest::Method;
use sentra_model::devops::{AZURE_PAT_ENV, AzureSettings};
use serde_json::{Value, json};

use crate::http::{Answer, Auth, Http, Payload, required_env};
use crate::{ACTIVE, CLOSED, Provider, ProviderError, WorkItem, WorkItemDraft, body};

const API_VERSION: (&str, &str) = ("api-version", "7.1");
/// Ids per batch read (the API's maximum).
const BATCH: usize = 200;
/// The tag on every item sentra makes; the rule tag is `sentra-rule:RULE`.
const TAG: &str = "sentra";
const RULE_TAG: &str = "sentra-rule:";
const FIELDS: &str = "System.Id,System.Title,System.Description,System.State,System.Tags";

pub(crate) struct Azure {
    http: Http,
    s: AzureSettings,
}

impl Azure {
    pub(crate) fn new(s: AzureSettings, timeout: Duration, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ProviderError> {
        let pat = required_env("azure", env, AZURE_PAT_ENV)?;
        Ok(Azure { http: Http::new("azure", &s.base_url, Auth::Basic(String::new(), pat), timeout, vec![("accept", "application/json")])?, s })
    }

    fn url(&self, extra: &[&str], query: &[(&str, &str)]) -> reqwest::Url {
        let mut segments = vec![self.s.organization.as_str(), self.s.project.as_str(), "_apis", "wit"];
        segments.extend_from_slice(extra);
        let mut q = query.to_vec();
        q.push(API_VERSION);
        self.http.url(&segments, &q)
    }

    fn protocol(what: &str, message: &str) -> ProviderError {
        ProviderError::Protocol { provider: "azure", what: what.into(), message: message.into() }
    }

    fn item(&self, v: &Value) -> Option<WorkItem> {
        let f = &v["fields"];
        let tags = f["System.Tags"].as_str().unwrap_or("");
        let rule = tags.split(';').map(str::trim).find_map(|t| t.strip_prefix(RULE_TAG))?.to_string();
        let parsed = body::parse(&body::html_to_text(f["System.Description"].as_str().unwrap_or("")));
        let id = v["id"].as_u64()?.to_string();
        let closed = f["System.State"].as_str().is_some_and(|s| s.eq_ignore_ascii_case(&self.s.closed_state));
        Some(WorkItem {
            url: Some(format!("{}/{}/{}/_workitems/edit/{id}", self.s.base_url, self.s.organization, self.s.project)),
            id: id.clone(),
            devops_id: id,
            title: f["System.Title"].as_str().unwrap_or("").to_string(),
            description: parsed.description,
            acceptance_criteria: parsed.acceptance_criteria,
            state: if closed { CLOSED } else { ACTIVE }.to_string(),
            rule_id: rule,
            linked_findings_count: parsed.findings_count,
            findings_key: parsed.findings_key,
        })
    }

    fn answer_item(&self, a: Answer, what: &str) -> Result<WorkItem, ProviderError> {
        self.item(&a.body).ok_or_else(|| Self::protocol(what, "no work item with a sentra-rule tag in the answer"))
    }

    fn fields(&self, d: &WorkItemDraft, op: &str) -> Vec<Value> {
        vec![
            json!({"op": op, "path": "/fields/System.Title", "value": d.title}),
            json!({"op": op, "path": "/fields/System.Description", "value": body::html(d)}),
        ]
    }
}

impl Provider for Azure {
    fn name(&self) -> &'static str {
        "azure"
    }

    fn list(&self) -> Result<Vec<WorkItem>, ProviderError> {
        let query =
            format!("SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.Tags] CONTAINS '{TAG}' ORDER BY [System.Id] ASC");
        let a = self.http.send(Method::POST, self.url(&["wiql"], &[]), Some(Payload::Json(json!({"query": query}))))?;
        let ids: Vec<String> = a.body["workItems"]
            .as_array()
            .ok_or_else(|| Self::protocol("WIQL query", "no workItems list"))?
            .iter()
            .filter_map(|w| w["id"].as_u64().map(|i| i.to_string()))
            .collect();
        let mut items = Vec::new();
        for chunk in ids.chunks(BATCH) {
            let a = self.http.send(Method::GET, self.url(&["workitems"], &[("ids", &chunk.join(",")), ("fields", FIELDS)]), None)?;
            let values = a.body["value"].as_array().ok_or_else(|| Self::protocol("read work items", "no value list"))?;
            items.extend(values.iter().filter_map(|v| self.item(v)));
        }
        Ok(items)
    }

    fn create(&self, d: &WorkItemDraft) -> Result<WorkItem, ProviderError> {
        let mut ops = self.fields(d, "add");
        ops.push(json!({"op": "add", "path": "/fields/System.Tags", "value": format!("{TAG}; {RULE_TAG}{}", d.rule_id)}));
        let kind = format!("${}", self.s.work_item_type);
        let a = self.http.send(Method::POST, self.url(&["workitems", &kind], &[]), Some(Payload::JsonPatch(Value::Array(ops))))?;
        self.answer_item(a, "create work item")
    }

    fn update(&self, item: &WorkItem, d: Option<&WorkItemDraft>, state: &str) -> Result<WorkItem, ProviderError> {
        let mut ops = d.map(|d| self.fields(d, "replace")).unwrap_or_default();
        if state != item.state || d.is_none() {
            let name = if state == CLOSED { &self.s.closed_state } else { &self.s.active_state };
            ops.push(json!({"op": "replace", "path": "/fields/System.State", "value": name}));
        }
        let a = self.http.send(Method::PATCH, self.url(&["workitems", &item.id], &[]), Some(Payload::JsonPatch(Value::Array(ops))))?;
        self.answer_item(a, "update work item")
    }
}
