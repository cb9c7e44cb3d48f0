//! The HTTP client every remote provider shares: one timeout, one user agent, auth on
//! every request, and a tracker's refusal turned into a [`ProviderError`] that names the
//! provider, the call, the status and the tracker's own message.

use std::time::Duration;

use reqwest::Method;
use reqwest::blocking::{Client, RequestBuilder};
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::ProviderError;

pub(crate) enum Auth {
    Bearer(String),
    Basic(String, String),
}

pub(crate) struct Http {
    client: Client,
    pub(crate) provider: &'static str,
    base: reqwest::Url,
    auth: Auth,
    headers: Vec<(&'static str, &'static str)>,
}

/// A successful answer.
pub(crate) struct Answer {
    pub(crate) headers: HeaderMap,
    pub(crate) body: Value,
}

/// A request body: JSON, or a JSON Patch document (Azure DevOps).
pub(crate) enum Payload {
    Json(Value),
    JsonPatch(Value),
}

/// The variable's value, or a credentials error naming it.
pub(crate) fn required_env(provider: &'static str, env: &dyn Fn(&str) -> Option<String>, var: &str) -> Result<String, ProviderError> {
    env(var).filter(|v| !v.trim().is_empty()).ok_or_else(|| ProviderError::Credentials { provider, message: format!("{var} is not set") })
}

impl Http {
    pub(crate) fn new(
        provider: &'static str,
        base_url: &str,
        auth: Auth,
        timeout: Duration,
        headers: Vec<(&'static str, &'static str)>,
    ) -> Result<Self, ProviderError> {
        let base = reqwest::Url::parse(base_url).map_err(|e| ProviderError::Credentials { provider, message: format!("base URL `{base_url}`: {e}") })?;
        let client = Client::builder()
            .timeout(timeout)
            .user_agent(concat!("sentra/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ProviderError::Unreachable { provider, url: base_url.into(), reason: e.to_string() })?;
        Ok(Http { client, provider, base, auth, headers })
    }

    /// The base URL with `segments` appended (each percent-encoded) and `query`.
    pub(crate) fn url(&self, segments: &[&str], query: &[(&str, &str)]) -> reqwest::Url {
        let mut url = self.base.clone();
        url.path_segments_mut().expect("http(s) URLs have paths").pop_if_empty().extend(segments);
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    }

    /// Whether `url` is under the base URL (pagination links are followed only there, so
    /// a token is never sent elsewhere).
    pub(crate) fn is_ours(&self, url: &str) -> bool {
        url.starts_with(self.base.as_str().trim_end_matches('/'))
    }

    /// A tracker's words with our credentials taken out: a tracker (or something posing
    /// as one) that echoes the token or password back does not get it into our answers.
    fn without_credentials(&self, message: &str) -> String {
        let secrets: Vec<&str> = match &self.auth {
            Auth::Bearer(t) => vec![t.as_str()],
            Auth::Basic(u, p) => vec![u.as_str(), p.as_str()],
        };
        secrets.into_iter().filter(|s| s.len() >= 4).fold(message.to_string(), |m, s| m.replace(s, "***"))
    }

    pub(crate) fn send(&self, method: Method, url: reqwest::Url, payload: Option<Payload>) -> Result<Answer, ProviderError> {
        let path = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        let mut req: RequestBuilder = self.client.request(method.clone(), url.clone());
        req = match &self.auth {
            Auth::Bearer(t) => req.bearer_auth(t),
            Auth::Basic(u, p) => req.basic_auth(u, Some(p)),
        };
        for (k, v) in &self.headers {
            req = req.header(*k, *v);
        }
        req = match payload {
            None => req,
            Some(Payload::Json(v)) => req.json(&v),
            Some(Payload::JsonPatch(v)) => req.header("content-type", "application/json-patch+json").body(v.to_string()),
        };
        let resp = req.send().map_err(|e| ProviderError::Unreachable { provider: self.provider, url: url.to_string(), reason: reason(&e) })?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().unwrap_or_default();
        if status.is_success() {
            let body = if text.trim().is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).map_err(|e| ProviderError::Protocol {
                    provider: self.provider,
                    what: format!("{method} {path}"),
                    message: format!("not JSON ({e})"),
                })?
            };
            return Ok(Answer { headers, body });
        }
        let retry_after = retry_after(&headers);
        let rate_limited =
            status.as_u16() == 429 || (status.as_u16() == 403 && headers.get("x-ratelimit-remaining").and_then(|v| v.to_str().ok()) == Some("0"));
        let mut message = self.without_credentials(&error_message(&text));
        if rate_limited {
            message = match retry_after {
                Some(s) => format!("rate limited (retry after {s} s): {message}"),
                None => format!("rate limited: {message}"),
            };
        }
        Err(ProviderError::Status { provider: self.provider, method: method.to_string(), path, status: status.as_u16(), message, retry_after })
    }
}

/// The error and its causes, which is where reqwest says "connection refused".
fn reason(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return "timed out".into();
    }
    let mut s = String::new();
    let mut cur: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(c) = cur {
        s = c.to_string();
        cur = c.source();
    }
    if s.is_empty() { e.to_string() } else { s }
}

/// Seconds to wait: `Retry-After`, else GitHub's `x-ratelimit-reset` (epoch seconds).
fn retry_after(h: &HeaderMap) -> Option<u64> {
    let get = |k: &str| h.get(k).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
    get("retry-after").or_else(|| {
        let reset = get("x-ratelimit-reset")?;
        let now = jiff::Timestamp::now().as_second().max(0) as u64;
        Some(reset.saturating_sub(now))
    })
}

/// The tracker's own words: GitHub and Azure `message`, Jira `errorMessages` and
/// `errors`, else the start of the body.
fn error_message(text: &str) -> String {
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        let mut parts: Vec<String> = Vec::new();
        if let Some(m) = v["message"].as_str() {
            parts.push(m.to_string());
        }
        for m in v["errorMessages"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            parts.push(m.to_string());
        }
        if let Some(errors) = v["errors"].as_object() {
            for (k, m) in errors {
                parts.push(format!("{k}: {}", m.as_str().map(str::to_string).unwrap_or_else(|| m.to_string())));
            }
        }
        if !parts.is_empty() {
            return parts.join("; ");
        }
    }
    let t: String = text.trim().chars().take(200).collect();
    if t.is_empty() { "(no body)".into() } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_echoed_by_a_tracker_are_taken_out() {
        let http = Http::new("jira", "https://jira.example.com", Auth::Basic("bot@example.com".into(), "s3cr3t-token".into()), Duration::from_secs(1), vec![])
            .unwrap();
        let msg = http.without_credentials("bad auth for bot@example.com with s3cr3t-token");
        assert_eq!(msg, "bad auth for *** with ***");
        let http = Http::new("github", "https://api.github.com", Auth::Bearer("ghp_token123".into()), Duration::from_secs(1), vec![]).unwrap();
        assert_eq!(http.without_credentials("token ghp_token123 is bad"), "token *** is bad");
    }

    #[test]
    fn error_messages_come_from_each_trackers_shape() {
        assert_eq!(error_message(r#"{"message": "Bad credentials", "documentation_url": "x"}"#), "Bad credentials");
        assert_eq!(
            error_message(r#"{"errorMessages": ["Issue does not exist"], "errors": {"summary": "required"}}"#),
            "Issue does not exist; summary: required"
        );
        assert_eq!(error_message(""), "(no body)");
        assert_eq!(error_message("<html>oops</html>"), "<html>oops</html>");
    }
}
