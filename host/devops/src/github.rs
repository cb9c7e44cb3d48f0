//! GitHub Issues (REST, API version 2022-11-28). Items carry the configured label (used to
//! list them) and a hidden marker comment in the body with the rule id. Pull requests,
//! which the issues API also lists, and issues without a marker are not sentra's.

use std::time::Duration;

use reqwest::Method;
use sentra_model::devops::{GITHUB_TOKEN_ENV, GithubSettings};
use serde_json::{Value, json};

use crate::http::{Answer, Auth, Http, Payload, required_env};
use crate::{ACTIVE, CLOSED, Provider, ProviderError, WorkItem, WorkItemDraft, body};

/// Issues per page (GitHub's maximum).
const PER_PAGE: &str = "100";
/// Pages followed at most (10 000 issues), so a misbehaving server cannot loop us.
const MAX_PAGES: usize = 100;

pub(crate) struct Github {
    http: Http,
    s: GithubSettings,
}

impl Github {
    pub(crate) fn new(s: GithubSettings, timeout: Duration, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ProviderError> {
        let token = required_env("github", env, GITHUB_TOKEN_ENV)?;
        let headers = vec![("accept", "application/vnd.github+json"), ("x-github-api-version", "2022-11-28")];
        Ok(Github { http: Http::new("github", &s.base_url, Auth::Bearer(token), timeout, headers)?, s })
    }

    fn issues_url(&self, extra: &[&str], query: &[(&str, &str)]) -> reqwest::Url {
        let mut segments = vec!["repos", self.s.owner.as_str(), self.s.repo.as_str(), "issues"];
        segments.extend_from_slice(extra);
        self.http.url(&segments, query)
    }

    fn item(&self, v: &Value) -> Option<WorkItem> {
        if v.get("pull_request").is_some() {
            return None;
        }
        let text = v["body"].as_str().unwrap_or("");
        let parsed = body::parse(text);
        let number = v["number"].as_u64()?.to_string();
        Some(WorkItem {
            id: number.clone(),
            devops_id: number,
            title: v["title"].as_str().unwrap_or("").to_string(),
            description: parsed.description,
            acceptance_criteria: parsed.acceptance_criteria,
            state: if v["state"] == "closed" { CLOSED } else { ACTIVE }.to_string(),
            rule_id: parsed.rule_id?,
            url: v["html_url"].as_str().map(str::to_string),
            linked_findings_count: parsed.findings_count,
            findings_key: parsed.findings_key,
        })
    }

    fn answer_item(&self, a: Answer, what: &str) -> Result<WorkItem, ProviderError> {
        self.item(&a.body).ok_or_else(|| ProviderError::Protocol {
            provider: "github",
            what: what.into(),
            message: "no issue with a sentra marker in the answer".into(),
        })
    }
}

/// The `rel="next"` URL of a `Link` header.
fn next_link(a: &Answer) -> Option<String> {
    let link = a.headers.get("link")?.to_str().ok()?;
    link.split(',').find(|p| p.contains("rel=\"next\"")).and_then(|p| Some(p.split('<').nth(1)?.split('>').next()?.to_string()))
}

impl Provider for Github {
    fn name(&self) -> &'static str {
        "github"
    }

    fn list(&self) -> Result<Vec<WorkItem>, ProviderError> {
        let mut url = self.issues_url(&[], &[("state", "all"), ("labels", &self.s.label), ("per_page", PER_PAGE), ("sort", "created"), ("direction", "asc")]);
        let mut items = Vec::new();
        for _ in 0..MAX_PAGES {
            let a = self.http.send(Method::GET, url, None)?;
            let page = a.body.as_array().ok_or_else(|| ProviderError::Protocol {
                provider: "github",
                what: "list issues".into(),
                message: "not a JSON array".into(),
            })?;
            items.extend(page.iter().filter_map(|v| self.item(v)));
            match next_link(&a) {
                Some(next) if self.http.is_ours(&next) => {
                    url = reqwest::Url::parse(&next).map_err(|e| ProviderError::Protocol {
                        provider: "github",
                        what: "list issues".into(),
                        message: format!("bad next link: {e}"),
                    })?;
                }
                _ => return Ok(items),
            }
        }
        Ok(items)
    }

    fn create(&self, d: &WorkItemDraft) -> Result<WorkItem, ProviderError> {
        let payload = json!({"title": d.title, "body": body::markdown(d), "labels": [self.s.label]});
        let a = self.http.send(Method::POST, self.issues_url(&[], &[]), Some(Payload::Json(payload)))?;
        self.answer_item(a, "create issue")
    }

    fn update(&self, item: &WorkItem, d: Option<&WorkItemDraft>, state: &str) -> Result<WorkItem, ProviderError> {
        let mut payload = json!({"state": if state == CLOSED { "closed" } else { "open" }});
        if state == CLOSED {
            payload["state_reason"] = json!("completed");
        } else if item.state == CLOSED {
            payload["state_reason"] = json!("reopened");
        }
        if let Some(d) = d {
            payload["title"] = json!(d.title);
            payload["body"] = json!(body::markdown(d));
        }
        let a = self.http.send(Method::PATCH, self.issues_url(&[&item.id], &[]), Some(Payload::Json(payload)))?;
        self.answer_item(a, "update issue")
    }
}
