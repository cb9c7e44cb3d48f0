//! Work-tracker settings (`devops:` in the config): which provider reconcile talks to and
//! where. Raw YAML (or a test-connection request body) is checked once into
//! [`DevopsSettings`]; credentials never live here, they come from the environment.

use std::time::Duration;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How long one request to a tracker may take. Override: `devops.timeout_secs`.
pub const DEFAULT_DEVOPS_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest `devops.timeout_secs` accepted.
pub const MAX_DEVOPS_TIMEOUT_SECS: u64 = 600;

/// Providers, in the order they are documented.
pub const PROVIDERS: [&str; 4] = ["local", "github", "azure", "jira"];

/// Environment variables holding each provider's credentials (never stored in config).
pub const GITHUB_TOKEN_ENV: &str = "GITHUB_TOKEN";
pub const AZURE_PAT_ENV: &str = "AZURE_DEVOPS_PAT";
pub const JIRA_USER_ENV: &str = "JIRA_USER";
pub const JIRA_TOKEN_ENV: &str = "JIRA_TOKEN";
pub const JIRA_PAT_ENV: &str = "JIRA_PAT";

/// `devops:` as written.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDevops {
    /// `local` (default: work items in the state database), `github`, `azure` or `jira`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Seconds one request to the tracker may take (default 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_secs: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub github: Option<RawGithub>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure: Option<RawAzure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jira: Option<RawJira>,
}

/// GitHub Issues. The token comes from `GITHUB_TOKEN`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGithub {
    pub owner: Option<String>,
    pub repo: Option<String>,
    /// Label put on every item sentra opens, and used to list them (default `sentra`).
    pub label: Option<String>,
    /// API root (default `https://api.github.com`; GitHub Enterprise: `https://HOST/api/v3`).
    pub base_url: Option<String>,
}

/// Azure DevOps Boards (REST 7.1). The PAT comes from `AZURE_DEVOPS_PAT`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAzure {
    pub organization: Option<String>,
    pub project: Option<String>,
    /// Work item type to create (default `Task`).
    pub work_item_type: Option<String>,
    /// State of an open item (default `Active`).
    pub active_state: Option<String>,
    /// State that closes an item (default `Closed`).
    pub closed_state: Option<String>,
    /// Service root (default `https://dev.azure.com`).
    pub base_url: Option<String>,
}

/// Jira (REST v2 or v3). Credentials: `JIRA_USER` + `JIRA_TOKEN` (basic), or `JIRA_PAT` (bearer).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJira {
    /// Site root, e.g. `https://acme.atlassian.net` (required).
    pub base_url: Option<String>,
    pub project_key: Option<String>,
    /// Issue type to create (default `Task`).
    pub issue_type: Option<String>,
    /// REST API version: 2 or 3 (default 3; Jira Data Center speaks 2).
    pub api_version: Option<u8>,
    /// Label put on every item sentra opens (default `sentra`).
    pub label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GithubSettings {
    pub owner: String,
    pub repo: String,
    pub label: String,
    pub base_url: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AzureSettings {
    pub organization: String,
    pub project: String,
    pub work_item_type: String,
    pub active_state: String,
    pub closed_state: String,
    pub base_url: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JiraSettings {
    pub base_url: String,
    pub project_key: String,
    pub issue_type: String,
    pub api_version: u8,
    pub label: String,
}

/// The provider and its checked settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProviderSettings {
    Local,
    Github(GithubSettings),
    Azure(AzureSettings),
    Jira(JiraSettings),
}

impl ProviderSettings {
    pub fn name(&self) -> &'static str {
        match self {
            ProviderSettings::Local => "local",
            ProviderSettings::Github(_) => "github",
            ProviderSettings::Azure(_) => "azure",
            ProviderSettings::Jira(_) => "jira",
        }
    }
}

/// Checked `devops:` settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DevopsSettings {
    pub provider: ProviderSettings,
    pub timeout: Duration,
}

impl Default for DevopsSettings {
    fn default() -> Self {
        DevopsSettings { provider: ProviderSettings::Local, timeout: DEFAULT_DEVOPS_TIMEOUT }
    }
}

/// A setting that is wrong: its key under `devops` and why.
pub type Problem = (String, String);

/// Set to `1` by the operator (the server's environment) to let trackers on loopback hosts
/// be reached over plain `http` (local test servers); every other tracker needs `https`.
pub const TRACKER_HTTP_LOOPBACK_ENV: &str = "GUARD_TRACKER_ALLOW_HTTP_LOOPBACK";

fn http_loopback_allowed() -> bool {
    std::env::var(TRACKER_HTTP_LOOPBACK_ENV).is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// A tracker base URL: `https` (credentials go there), no user info, and plain `http` only
/// to a loopback host the operator allowed with [`TRACKER_HTTP_LOOPBACK_ENV`].
fn url(key: &str, value: Option<&str>, default: Option<&str>) -> Result<String, Problem> {
    let v = value.or(default).ok_or_else(|| (key.to_string(), "is required".to_string()))?.trim().trim_end_matches('/');
    let bad = |why: &str| Err((key.to_string(), format!("`{v}` {why}")));
    let (secure, rest) = match (v.strip_prefix("https://"), v.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => return bad("is not an http(s) URL"),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || v.contains(char::is_whitespace) {
        return bad("is not an http(s) URL");
    }
    if authority.contains('@') {
        return Err((key.to_string(), "must not carry credentials (they come from the environment)".into()));
    }
    let host = match authority.find(']') {
        Some(end) if authority.starts_with('[') => &authority[..=end],
        _ => authority.split(':').next().unwrap_or(authority),
    };
    let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]") || host.starts_with("127.");
    let allowed = secure || (loopback && http_loopback_allowed());
    if !allowed {
        return bad(&format!("must use https (plain http only to a loopback host, with {TRACKER_HTTP_LOOPBACK_ENV}=1)"));
    }
    Ok(v.to_string())
}

/// A path segment (owner, repo, organization, project): no slashes, spaces or `?#%`.
fn segment(key: &str, value: Option<&str>) -> Result<String, Problem> {
    let v = value.map(str::trim).filter(|v| !v.is_empty()).ok_or_else(|| (key.to_string(), "is required".to_string()))?;
    if v.chars().any(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_control()) || v == "." || v == ".." {
        return Err((key.to_string(), format!("`{v}` is not a valid name")));
    }
    Ok(v.to_string())
}

fn name(key: &str, value: Option<&str>, default: &str) -> Result<String, Problem> {
    let v = value.unwrap_or(default).trim();
    if v.is_empty() || v.len() > 100 || v.chars().any(char::is_control) {
        return Err((key.to_string(), format!("`{v}` is not usable")));
    }
    Ok(v.to_string())
}

impl RawDevops {
    /// Checks every value; a problem names its key (`github.owner`).
    pub fn check(&self) -> Result<DevopsSettings, Problem> {
        let timeout = match self.timeout_secs {
            None => DEFAULT_DEVOPS_TIMEOUT,
            Some(s) if (1..=MAX_DEVOPS_TIMEOUT_SECS).contains(&s) => Duration::from_secs(s),
            Some(s) => return Err(("timeout_secs".into(), format!("{s} is out of range (1 to {MAX_DEVOPS_TIMEOUT_SECS})"))),
        };
        let provider = match self.provider.as_deref().unwrap_or("local") {
            "local" => ProviderSettings::Local,
            "github" => {
                let g = self.github.clone().unwrap_or_default();
                let label = name("github.label", g.label.as_deref(), "sentra")?;
                if label.contains(',') {
                    return Err(("github.label".into(), format!("`{label}` must not contain a comma")));
                }
                ProviderSettings::Github(GithubSettings {
                    owner: segment("github.owner", g.owner.as_deref())?,
                    repo: segment("github.repo", g.repo.as_deref())?,
                    label,
                    base_url: url("github.base_url", g.base_url.as_deref(), Some("https://api.github.com"))?,
                })
            }
            "azure" => {
                let a = self.azure.clone().unwrap_or_default();
                ProviderSettings::Azure(AzureSettings {
                    organization: segment("azure.organization", a.organization.as_deref())?,
                    project: segment("azure.project", a.project.as_deref())?,
                    work_item_type: name("azure.work_item_type", a.work_item_type.as_deref(), "Task")?,
                    active_state: name("azure.active_state", a.active_state.as_deref(), "Active")?,
                    closed_state: name("azure.closed_state", a.closed_state.as_deref(), "Closed")?,
                    base_url: url("azure.base_url", a.base_url.as_deref(), Some("https://dev.azure.com"))?,
                })
            }
            "jira" => {
                let j = self.jira.clone().unwrap_or_default();
                let api_version = j.api_version.unwrap_or(3);
                if !matches!(api_version, 2 | 3) {
                    return Err(("jira.api_version".into(), format!("{api_version} is not 2 or 3")));
                }
                let project_key = segment("jira.project_key", j.project_key.as_deref())?;
                if !project_key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    return Err(("jira.project_key".into(), format!("`{project_key}` is not a Jira project key")));
                }
                let label = name("jira.label", j.label.as_deref(), "sentra")?;
                if label.contains(char::is_whitespace) {
                    return Err(("jira.label".into(), format!("`{label}`: Jira labels cannot contain spaces")));
                }
                ProviderSettings::Jira(JiraSettings {
                    base_url: url("jira.base_url", j.base_url.as_deref(), None)?,
                    project_key,
                    issue_type: name("jira.issue_type", j.issue_type.as_deref(), "Task")?,
                    api_version,
                    label,
                })
            }
            other => return Err(("provider".into(), format!("`{other}` is not a provider (expected one of {})", PROVIDERS.join(", ")))),
        };
        Ok(DevopsSettings { provider, timeout })
    }

    /// Which settings of the chosen provider are set (names only, never values).
    pub fn present(&self) -> Vec<(&'static str, bool)> {
        match self.provider.as_deref().unwrap_or("local") {
            "github" => {
                let g = self.github.clone().unwrap_or_default();
                vec![("owner", g.owner.is_some()), ("repo", g.repo.is_some()), ("label", g.label.is_some()), ("base_url", g.base_url.is_some())]
            }
            "azure" => {
                let a = self.azure.clone().unwrap_or_default();
                vec![
                    ("organization", a.organization.is_some()),
                    ("project", a.project.is_some()),
                    ("work_item_type", a.work_item_type.is_some()),
                    ("active_state", a.active_state.is_some()),
                    ("closed_state", a.closed_state.is_some()),
                    ("base_url", a.base_url.is_some()),
                ]
            }
            "jira" => {
                let j = self.jira.clone().unwrap_or_default();
                vec![
                    ("base_url", j.base_url.is_some()),
                    ("project_key", j.project_key.is_some()),
                    ("issue_type", j.issue_type.is_some()),
                    ("api_version", j.api_version.is_some()),
                    ("label", j.label.is_some()),
                ]
            }
            _ => Vec::new(),
        }
    }
}

/// The credential variables a provider reads, in the order they are tried.
pub fn credential_env(provider: &str) -> &'static [&'static str] {
    match provider {
        "github" => &[GITHUB_TOKEN_ENV],
        "azure" => &[AZURE_PAT_ENV],
        "jira" => &[JIRA_USER_ENV, JIRA_TOKEN_ENV, JIRA_PAT_ENV],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(yaml: &str) -> Result<DevopsSettings, Problem> {
        serde_saphyr::from_str::<RawDevops>(yaml).unwrap().check()
    }

    #[test]
    fn local_is_the_default() {
        assert_eq!(RawDevops::default().check().unwrap(), DevopsSettings::default());
    }

    #[test]
    fn github_needs_owner_and_repo_and_fills_defaults() {
        assert_eq!(check("provider: github\ngithub: {repo: r}\n").unwrap_err().0, "github.owner");
        let s = check("provider: github\ngithub: {owner: o, repo: r}\n").unwrap();
        assert_eq!(
            s.provider,
            ProviderSettings::Github(GithubSettings { owner: "o".into(), repo: "r".into(), label: "sentra".into(), base_url: "https://api.github.com".into() })
        );
        assert_eq!(check("provider: github\ngithub: {owner: o/x, repo: r}\n").unwrap_err().0, "github.owner");
    }

    #[test]
    fn bad_values_name_their_key() {
        assert_eq!(check("provider: jira\njira: {project_key: P}\n").unwrap_err().0, "jira.base_url");
        assert_eq!(check("provider: jira\njira: {base_url: 'ftp://x', project_key: P}\n").unwrap_err().0, "jira.base_url");
        assert_eq!(check("provider: jira\njira: {base_url: 'http://jira.example.com', project_key: P}\n").unwrap_err().0, "jira.base_url");
        assert_eq!(check("provider: jira\njira: {base_url: 'https://u:p@jira.example.com', project_key: P}\n").unwrap_err().0, "jira.base_url");
        assert!(check("provider: jira\njira: {base_url: 'https://jira.example.com:8443/x', project_key: P}\n").is_ok());
        assert_eq!(check("provider: jira\njira: {base_url: 'https://x', project_key: P, api_version: 4}\n").unwrap_err().0, "jira.api_version");
        assert_eq!(check("provider: azure\nazure: {organization: o}\n").unwrap_err().0, "azure.project");
        assert_eq!(check("provider: trello\n").unwrap_err().0, "provider");
        assert_eq!(check("timeout_secs: 0\n").unwrap_err().0, "timeout_secs");
        assert_eq!(check("timeout_secs: 5\n").unwrap().timeout, Duration::from_secs(5));
    }
}
