//! Reconcile against GitHub, Azure DevOps and Jira: each test runs a local HTTP server that
//! speaks the subset of the tracker's REST API sentra uses (routes, auth, pagination,
//! status codes and error bodies) and records every call, then drives the real `sentra
//! serve` through create, an idempotent rerun, update, close, reopen and refusals.

use std::net::TcpListener as StdListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::{Value, json};

use super::server::Server;
use super::write;

const STRIPE: &str = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
const GITHUB_PAT: &str = "ghp_C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP";

#[derive(Clone, Copy, Debug, PartialEq)]
enum Api {
    Github,
    Azure,
    Jira(u8),
}

/// The fake tracker's state: its items in the tracker's own JSON shape, the calls made,
/// and faults to inject.
struct Fake {
    api: Api,
    base: String,
    items: Vec<Value>,
    calls: Vec<String>,
    /// Answer every request whose method is not GET (and is not Azure's WIQL query) with
    /// this status.
    fail_writes: Option<u16>,
    /// Answer every request with this status.
    fail_all: Option<u16>,
    /// Wait this long before answering.
    delay: Duration,
}

/// Items per page, kept small so that listing has to follow pages.
const PAGE: usize = 2;

type Shared = Arc<Mutex<Fake>>;

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

fn expected_auth(api: Api) -> String {
    match api {
        Api::Github => "Bearer gh-token".into(),
        Api::Azure => format!("Basic {}", b64(":az-pat")),
        Api::Jira(_) => format!("Basic {}", b64("bot@example.com:jira-token")),
    }
}

/// Each tracker's error body.
fn error(api: Api, status: u16, message: &str) -> Response {
    let body = match api {
        Api::Github => json!({"message": message, "documentation_url": "https://docs.github.com/rest"}),
        Api::Azure => {
            json!({"$id": "1", "innerException": null, "message": message, "typeName": "Microsoft.VisualStudio.Services.WebApi.VssServiceException", "errorCode": 0})
        }
        Api::Jira(_) => json!({"errorMessages": [message], "errors": {}}),
    };
    let mut r = (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response();
    if status == 429 {
        r.headers_mut().insert("retry-after", "30".parse().unwrap());
    }
    r
}

fn reason(status: u16) -> &'static str {
    match status {
        401 => "Bad credentials",
        404 => "Not Found",
        429 => "API rate limit exceeded",
        _ => "Server Error",
    }
}

async fn handle(State(fake): State<Shared>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let delay = fake.lock().unwrap().delay;
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let mut f = fake.lock().unwrap();
    let path = uri.path().to_string();
    let query: Vec<(String, String)> = uri.query().map(url_pairs).unwrap_or_default();
    f.calls.push(format!("{method} {path}"));
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    if auth != expected_auth(f.api) {
        return error(f.api, 401, "Bad credentials");
    }
    if let Some(status) = f.fail_all {
        return error(f.api, status, reason(status));
    }
    if let Some(status) = f.fail_writes
        && method != Method::GET
        && !path.ends_with("/wiql")
    {
        return error(f.api, status, reason(status));
    }
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let q = |k: &str| query.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    match f.api {
        Api::Github => github(&mut f, &method, &path, &q, body),
        Api::Azure => {
            let ct = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
            if method != Method::GET && !path.ends_with("/wiql") && ct != "application/json-patch+json" {
                return error(f.api, 400, "The request indicated a Content-Type of application/json for a method that requires application/json-patch+json");
            }
            if q("api-version").as_deref() != Some("7.1") {
                return error(f.api, 400, "No api-version was supplied");
            }
            azure(&mut f, &method, &path, &q, body)
        }
        Api::Jira(v) => jira(&mut f, v, &method, &path, &q, body),
    }
}

fn url_pairs(q: &str) -> Vec<(String, String)> {
    reqwest::Url::parse(&format!("http://x/?{q}")).unwrap().query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

fn github(f: &mut Fake, method: &Method, path: &str, q: &dyn Fn(&str) -> Option<String>, body: Value) -> Response {
    let Some(rest) = path.strip_prefix("/repos/acme/shop/issues") else {
        return error(f.api, 404, "Not Found");
    };
    match (method.as_str(), rest) {
        ("GET", "") => {
            let label = q("labels").unwrap_or_default();
            let matching: Vec<&Value> = f.items.iter().filter(|i| i["labels"].as_array().unwrap().iter().any(|l| l["name"] == label.as_str())).collect();
            let page: usize = q("page").and_then(|p| p.parse().ok()).unwrap_or(1);
            let chunk: Vec<Value> = matching.iter().skip((page - 1) * PAGE).take(PAGE).map(|v| (*v).clone()).collect();
            let mut r = axum::Json(chunk).into_response();
            if matching.len() > page * PAGE {
                let next = format!("<{}/repos/acme/shop/issues?state=all&labels={label}&per_page=100&page={}>; rel=\"next\"", f.base, page + 1);
                r.headers_mut().insert("link", next.parse().unwrap());
            }
            r
        }
        ("POST", "") => {
            let number = f.items.len() + 1;
            let labels: Vec<Value> = body["labels"].as_array().unwrap().iter().map(|l| json!({"name": l})).collect();
            let issue = json!({"number": number, "title": body["title"], "body": body["body"], "state": "open", "labels": labels,
                "html_url": format!("https://github.com/acme/shop/issues/{number}")});
            f.items.push(issue.clone());
            (StatusCode::CREATED, axum::Json(issue)).into_response()
        }
        ("PATCH", n) => {
            let Some(issue) = f.items.iter_mut().find(|i| format!("/{}", i["number"]) == n) else {
                return error(f.api, 404, "Not Found");
            };
            for k in ["title", "body", "state", "state_reason"] {
                if !body[k].is_null() {
                    issue[k] = body[k].clone();
                }
            }
            axum::Json(issue.clone()).into_response()
        }
        _ => error(f.api, 404, "Not Found"),
    }
}

fn azure(f: &mut Fake, method: &Method, path: &str, q: &dyn Fn(&str) -> Option<String>, body: Value) -> Response {
    let Some(rest) = path.strip_prefix("/acme/shop/_apis/wit/") else {
        return error(f.api, 404, "VS800075: The project with id 'vstfs:///Classification/TeamProject/shop' does not exist");
    };
    let apply = |item: &mut Value, ops: &Value| {
        for op in ops.as_array().unwrap() {
            let field = op["path"].as_str().unwrap().trim_start_matches("/fields/");
            item["fields"][field] = op["value"].clone();
        }
    };
    match (method.as_str(), rest) {
        ("POST", "wiql") => {
            let query = body["query"].as_str().unwrap_or("");
            assert!(query.contains("[System.Tags] CONTAINS 'sentra'"), "{query}");
            let ids: Vec<Value> = f
                .items
                .iter()
                .filter(|i| i["fields"]["System.Tags"].as_str().unwrap_or("").split("; ").any(|t| t == "sentra"))
                .map(|i| json!({"id": i["id"], "url": "x"}))
                .collect();
            axum::Json(json!({"queryType": "flat", "workItems": ids})).into_response()
        }
        ("GET", "workitems") => {
            let ids: Vec<String> = q("ids").unwrap_or_default().split(',').map(str::to_string).collect();
            let value: Vec<Value> = f.items.iter().filter(|i| ids.contains(&i["id"].to_string())).cloned().collect();
            axum::Json(json!({"count": value.len(), "value": value})).into_response()
        }
        ("POST", kind) if kind.starts_with("workitems/$") => {
            let id = f.items.len() + 1;
            let mut item = json!({"id": id, "rev": 1, "fields": {"System.State": "New", "System.WorkItemType": kind.trim_start_matches("workitems/$")}});
            apply(&mut item, &body);
            f.items.push(item.clone());
            axum::Json(item).into_response()
        }
        ("PATCH", id) => {
            let Some(item) = f.items.iter_mut().find(|i| format!("workitems/{}", i["id"]) == id) else {
                return error(f.api, 404, "TF401232: Work item does not exist, or you do not have permissions to read it.");
            };
            apply(item, &body);
            axum::Json(item.clone()).into_response()
        }
        _ => error(f.api, 404, "The resource cannot be found."),
    }
}

fn status(name: &str, category: &str) -> Value {
    json!({"name": name, "statusCategory": {"key": category}})
}

fn jira(f: &mut Fake, v: u8, method: &Method, path: &str, q: &dyn Fn(&str) -> Option<String>, body: Value) -> Response {
    let Some(rest) = path.strip_prefix(&format!("/rest/api/{v}/")) else {
        return error(f.api, 404, "Not Found");
    };
    let ours = |i: &&Value| i["fields"]["labels"].as_array().unwrap().iter().any(|l| l == "sentra");
    match (method.as_str(), rest) {
        ("GET", "search") if v == 2 => {
            assert!(q("jql").unwrap().contains("labels = \"sentra\""));
            let start: usize = q("startAt").unwrap().parse().unwrap();
            let all: Vec<&Value> = f.items.iter().filter(ours).collect();
            let issues: Vec<Value> = all.iter().skip(start).take(PAGE).map(|v| (*v).clone()).collect();
            axum::Json(json!({"startAt": start, "maxResults": PAGE, "total": all.len(), "issues": issues})).into_response()
        }
        ("GET", "search/jql") if v == 3 => {
            assert!(q("jql").unwrap().contains("labels = \"sentra\""));
            let start: usize = q("nextPageToken").map(|t| t.trim_start_matches("tok").parse().unwrap()).unwrap_or(0);
            let all: Vec<&Value> = f.items.iter().filter(ours).collect();
            let issues: Vec<Value> = all.iter().skip(start).take(PAGE).map(|v| (*v).clone()).collect();
            let last = start + PAGE >= all.len();
            let mut page = json!({"issues": issues, "isLast": last});
            if !last {
                page["nextPageToken"] = json!(format!("tok{}", start + PAGE));
            }
            axum::Json(page).into_response()
        }
        ("POST", "issue") => {
            let fields = &body["fields"];
            if fields["summary"].is_null() || fields["project"]["key"] != "SEC" {
                return error(f.api, 400, "project: valid project is required");
            }
            if (v == 3) != fields["description"].is_object() {
                return error(f.api, 400, "description: Operation value must be an Atlassian Document");
            }
            let n = f.items.len() + 1;
            let key = format!("SEC-{n}");
            let mut stored = fields.clone();
            stored["status"] = status("To Do", "new");
            f.items.push(json!({"id": n.to_string(), "key": key, "fields": stored}));
            (StatusCode::CREATED, axum::Json(json!({"id": n.to_string(), "key": key, "self": format!("{}/rest/api/{v}/issue/{n}", f.base)}))).into_response()
        }
        (m, r) if r.starts_with("issue/") => {
            let parts: Vec<&str> = r.split('/').collect();
            let Some(issue) = f.items.iter_mut().find(|i| i["key"] == parts[1]) else {
                return error(f.api, 404, "Issue does not exist or you do not have permission to see it.");
            };
            let done = issue["fields"]["status"]["statusCategory"]["key"] == "done";
            match (m, parts.get(2)) {
                ("PUT", None) => {
                    for (k, val) in body["fields"].as_object().unwrap() {
                        issue["fields"][k] = val.clone();
                    }
                    StatusCode::NO_CONTENT.into_response()
                }
                ("GET", Some(&"transitions")) => {
                    let list = if done {
                        json!([{"id": "11", "name": "Reopen", "to": status("To Do", "new")}])
                    } else {
                        json!([{"id": "21", "name": "Start", "to": status("In Progress", "indeterminate")}, {"id": "31", "name": "Done", "to": status("Done", "done")}])
                    };
                    axum::Json(json!({"transitions": list})).into_response()
                }
                ("POST", Some(&"transitions")) => {
                    let next = match body["transition"]["id"].as_str() {
                        Some("11") if done => status("To Do", "new"),
                        Some("21") if !done => status("In Progress", "indeterminate"),
                        Some("31") if !done => status("Done", "done"),
                        _ => return error(f.api, 400, "Transition id is not valid for this issue."),
                    };
                    issue["fields"]["status"] = next;
                    StatusCode::NO_CONTENT.into_response()
                }
                _ => error(f.api, 404, "Not Found"),
            }
        }
        _ => error(f.api, 404, "Not Found"),
    }
}

/// Starts a fake tracker on a free loopback port, in its own thread.
fn start_fake(api: Api, items: Vec<Value>) -> Shared {
    let listener = StdListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let fake = Arc::new(Mutex::new(Fake { api, base, items, calls: Vec::new(), fail_writes: None, fail_all: None, delay: Duration::ZERO }));
    let state = fake.clone();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            let app = axum::Router::new().fallback(handle).with_state(state);
            axum::serve(listener, app).await.unwrap();
        });
    });
    fake
}

fn take_calls(fake: &Shared) -> Vec<String> {
    std::mem::take(&mut fake.lock().unwrap().calls)
}

/// The fakes speak plain http on loopback, which the operator must allow.
const LOOPBACK_HTTP: (&str, &str) = ("GUARD_TRACKER_ALLOW_HTTP_LOOPBACK", "1");

/// The config and environment that point sentra at the fake.
fn setup(api: Api, base: &str) -> (String, Vec<(&'static str, &'static str)>) {
    match api {
        Api::Github => (
            format!("devops:\n  provider: github\n  github: {{owner: acme, repo: shop, base_url: '{base}'}}\n"),
            vec![("GITHUB_TOKEN", "gh-token"), LOOPBACK_HTTP],
        ),
        Api::Azure => (
            format!("devops:\n  provider: azure\n  azure: {{organization: acme, project: shop, base_url: '{base}'}}\n"),
            vec![("AZURE_DEVOPS_PAT", "az-pat"), LOOPBACK_HTTP],
        ),
        Api::Jira(v) => (
            format!("devops:\n  provider: jira\n  jira: {{base_url: '{base}', project_key: SEC, api_version: {v}}}\n"),
            vec![("JIRA_USER", "bot@example.com"), ("JIRA_TOKEN", "jira-token"), LOOPBACK_HTTP],
        ),
    }
}

/// Items that are in the tracker already and are not sentra's: reconcile must leave them.
fn foreign_items(api: Api) -> Vec<Value> {
    match api {
        Api::Github => vec![
            json!({"number": 1, "title": "A pull request", "body": "<!-- sentra-rule: SEC-JWT sentra-findings: x:1 -->", "state": "open",
                "labels": [{"name": "sentra"}], "pull_request": {"url": "x"}, "html_url": "x"}),
            json!({"number": 2, "title": "[sentra] SEC-STRIPE-SECRET-KEY: by hand", "body": "A person wrote this", "state": "open",
                "labels": [{"name": "sentra"}], "html_url": "x"}),
        ],
        Api::Azure => vec![json!({"id": 1, "fields": {"System.Title": "[sentra] SEC-STRIPE-SECRET-KEY: by hand", "System.State": "Active",
            "System.Tags": "sentra", "System.Description": "<div>A person wrote this</div>"}})],
        Api::Jira(_) => vec![json!({"id": "1", "key": "SEC-1", "fields": {"summary": "[sentra] SEC-STRIPE-SECRET-KEY: by hand", "labels": ["sentra"],
            "description": null, "status": status("To Do", "new")}})],
    }
}

/// The calls one list makes, given how many items (foreign ones included) carry the label.
fn list_calls(api: Api, labelled: usize) -> Vec<String> {
    let pages = labelled.div_ceil(PAGE).max(1);
    match api {
        Api::Github => vec!["GET /repos/acme/shop/issues".to_string(); pages],
        Api::Azure => vec!["POST /acme/shop/_apis/wit/wiql".into(), "GET /acme/shop/_apis/wit/workitems".into()],
        Api::Jira(2) => vec!["GET /rest/api/2/search".to_string(); pages],
        Api::Jira(_) => vec!["GET /rest/api/3/search/jql".to_string(); pages],
    }
}

fn create_call(api: Api) -> String {
    match api {
        Api::Github => "POST /repos/acme/shop/issues".into(),
        Api::Azure => "POST /acme/shop/_apis/wit/workitems/$Task".into(),
        Api::Jira(v) => format!("POST /rest/api/{v}/issue"),
    }
}

/// The calls that rewrite item `id` and/or move it to another state.
fn update_calls(api: Api, id: &str, rewrite: bool, transition: bool) -> Vec<String> {
    match api {
        Api::Github => vec![format!("PATCH /repos/acme/shop/issues/{id}")],
        Api::Azure => vec![format!("PATCH /acme/shop/_apis/wit/workitems/{id}")],
        Api::Jira(v) => {
            let mut c = Vec::new();
            if rewrite {
                c.push(format!("PUT /rest/api/{v}/issue/{id}"));
            }
            if transition {
                c.push(format!("GET /rest/api/{v}/issue/{id}/transitions"));
                c.push(format!("POST /rest/api/{v}/issue/{id}/transitions"));
            }
            c
        }
    }
}

fn concat(parts: Vec<Vec<String>>) -> Vec<String> {
    parts.into_iter().flatten().collect()
}

fn actions(v: &Value) -> Vec<String> {
    v["actions"].as_array().unwrap().iter().map(|a| format!("{} {}", a["action"].as_str().unwrap(), a["rule_id"].as_str().unwrap())).collect()
}

/// The whole lifecycle against one tracker.
fn lifecycle(api: Api) {
    let foreign = foreign_items(api);
    let labelled = foreign.len();
    let fake = start_fake(api, foreign);
    let base = fake.lock().unwrap().base.clone();
    let root = tempfile::tempdir().unwrap();
    let (config, env) = setup(api, &base);
    write(root.path(), ".sentra/config.yaml", &config);
    write(root.path(), "repo/a.py", &format!("K = '{STRIPE}'\npassword = 'hunter2hunter2'\n"));
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1"], &env, 0);
    let scan = || assert_eq!(s.call("POST", "/scan", None, Some(r#"{"repo_path": "repo"}"#)).0, 200);
    let reconcile = || {
        let (status, _, v) = s.call("POST", "/api/reconcile", None, None);
        assert_eq!(status, 200, "{v}");
        v
    };
    let name = match api {
        Api::Github => "github",
        Api::Azure => "azure",
        Api::Jira(_) => "jira",
    };
    // Ids the tracker gives the two items sentra creates.
    let (stripe_id, password_id) = match api {
        Api::Github => ("4", "3"),
        Api::Azure => ("3", "2"),
        Api::Jira(_) => ("SEC-3", "SEC-2"),
    };

    // Create: one item per rule, in rule order.
    scan();
    let v = reconcile();
    assert_eq!((v["status"].as_str(), v["provider"].as_str()), (Some("ok"), Some(name)), "{v}");
    assert_eq!(actions(&v), ["create SEC-PASSWORD-ASSIGNMENT", "create SEC-STRIPE-SECRET-KEY"]);
    assert_eq!(take_calls(&fake), concat(vec![list_calls(api, labelled), vec![create_call(api); 2]]));
    let (_, _, items) = s.call("GET", "/api/work-items?state=active", None, None);
    assert_eq!((items["total"].as_u64(), items["provider"].as_str()), (Some(2), Some(name)), "{items}");
    let stripe = items["work_items"].as_array().unwrap().iter().find(|i| i["rule_id"] == "SEC-STRIPE-SECRET-KEY").unwrap().clone();
    assert_eq!(stripe["devops_id"], stripe_id);
    assert_eq!(stripe["acceptance_criteria"], json!(["No SEC-STRIPE-SECRET-KEY finding remains in a.py"]));
    assert_eq!(stripe["linked_findings_count"], 1);
    assert!(stripe["description"].as_str().unwrap().contains("a.py:1"), "{stripe}");
    assert!(stripe["url"].as_str().is_some());
    take_calls(&fake);

    // Idempotent: a second run lists and changes nothing. The foreign items, one titled
    // like sentra's, were never touched.
    let v = reconcile();
    assert!(actions(&v).is_empty(), "{v}");
    assert_eq!(take_calls(&fake), list_calls(api, labelled + 2));

    // Update the item whose findings changed; close the one whose rule stopped firing.
    write(root.path(), "repo/a.py", &format!("K = '{STRIPE}'\n"));
    write(root.path(), "repo/b.py", &format!("K2 = '{STRIPE}'\n"));
    scan();
    let v = reconcile();
    assert_eq!(actions(&v), ["update SEC-STRIPE-SECRET-KEY", "close SEC-PASSWORD-ASSIGNMENT"], "{v}");
    assert_eq!(
        take_calls(&fake),
        concat(vec![list_calls(api, labelled + 2), update_calls(api, stripe_id, true, false), update_calls(api, password_id, false, true)])
    );
    let (_, _, closed) = s.call("GET", "/api/work-items?state=closed", None, None);
    assert_eq!(closed["work_items"][0]["devops_id"], password_id, "{closed}");
    take_calls(&fake);

    // The rule fires again: its item reopens.
    write(root.path(), "repo/c.py", "password = 'correcthorsebattery'\n");
    scan();
    let v = reconcile();
    assert_eq!(actions(&v), ["reopen SEC-PASSWORD-ASSIGNMENT"], "{v}");
    assert_eq!(take_calls(&fake), concat(vec![list_calls(api, labelled + 2), update_calls(api, password_id, true, true)]));
    assert!(actions(&reconcile()).is_empty(), "settled");
    take_calls(&fake);

    // The tracker refuses writes: every action carries the tracker's error and nothing is
    // recorded, so the next run retries it.
    write(root.path(), "repo/d.py", &format!("T = '{GITHUB_PAT}'\n"));
    scan();
    for code in [401, 404, 429, 500] {
        fake.lock().unwrap().fail_writes = Some(code);
        let v = reconcile();
        assert_eq!((v["status"].as_str(), v["result"]["created"].as_u64()), (Some("partial"), Some(0)), "{v}");
        let created: Vec<&Value> = v["actions"].as_array().unwrap().iter().filter(|a| a["action"] == "create").collect();
        assert!(!created.is_empty(), "{v}");
        assert_eq!(v["result"]["errors"].as_u64(), Some(created.len() as u64));
        for a in created {
            let e = a["error"].as_str().unwrap();
            assert!(e.starts_with(&format!("{name}: POST ")) && e.contains(&format!("answered {code}")) && e.contains(reason(code)), "{e}");
            if code == 429 {
                assert!(e.contains("retry after 30 s"), "{e}");
            }
        }
    }
    fake.lock().unwrap().fail_writes = None;
    let v = reconcile();
    assert!(v["result"]["created"].as_u64().unwrap() >= 1 && v["status"] == "ok", "the failed creates are retried: {v}");
    assert!(actions(&reconcile()).is_empty());
    let ours = s.call("GET", "/api/work-items", None, None).2["total"].as_u64().unwrap();

    // Listing fails: the run reports it and does nothing.
    fake.lock().unwrap().fail_all = Some(500);
    let v = reconcile();
    assert_eq!(v["status"], "error");
    assert!(v["error"].as_str().unwrap().contains("answered 500"), "{v}");
    let (status, _, v) = s.call("GET", "/api/work-items", None, None);
    assert_eq!((status, v["code"].as_str()), (500, Some("provider_error")), "{v}");
    fake.lock().unwrap().fail_all = None;

    // Status says what is set, never the values.
    let (_, _, st) = s.call("GET", "/api/devops/status", None, None);
    assert_eq!((st["provider"].as_str(), st["configured"].as_bool()), (Some(name), Some(true)), "{st}");
    for (var, _) in env.iter().filter(|(v, _)| !v.starts_with("GUARD_")) {
        assert_eq!(st["env"][*var], true, "{st}");
    }
    assert_eq!(st["settings"]["base_url"], true);
    for (var, secret) in &env {
        assert!(var.starts_with("GUARD_") || !st.to_string().contains(secret), "no credential values: {st}");
    }
    assert_eq!(st["last_reconcile"]["summary"]["status"], "error");

    // test-connection makes a real request with the given settings, to the configured URL.
    let settings = match api {
        Api::Github => json!({"owner": "acme", "repo": "shop"}),
        Api::Azure => json!({"organization": "acme", "project": "shop"}),
        Api::Jira(v) => json!({"project_key": "SEC", "api_version": v}),
    };
    let test = |settings: &Value| {
        let (status, _, v) = s.call("POST", "/api/devops/test-connection", None, Some(&json!({"provider": name, "settings": settings}).to_string()));
        assert_eq!(status, 200, "{v}");
        v
    };
    take_calls(&fake);
    let ok = test(&settings);
    assert_eq!((ok["status"].as_str(), ok["work_item_count"].as_u64()), (Some("ok"), Some(ours)), "{ok}");
    assert_eq!(take_calls(&fake), list_calls(api, labelled + ours as usize));
    for code in [401, 404, 429, 500] {
        fake.lock().unwrap().fail_all = Some(code);
        let v = test(&settings);
        assert_eq!(v["status"], "error", "{v}");
        assert!(v["message"].as_str().unwrap().contains(&format!("answered {code}")), "{v}");
        assert!(v["work_item_count"].is_null());
    }
    fake.lock().unwrap().fail_all = None;
    // A request never names where credentials go.
    take_calls(&fake);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut elsewhere = settings.clone();
    elsewhere["base_url"] = json!(format!("http://{}", listener.local_addr().unwrap()));
    let (status, _, v) = s.call("POST", "/api/devops/test-connection", None, Some(&json!({"provider": name, "settings": elsewhere}).to_string()));
    super::server::assert_error(status, &v, 422, "validation_error");
    listener.set_nonblocking(true).unwrap();
    assert!(listener.accept().is_err(), "the server connected to a URL from the request");
    assert!(take_calls(&fake).is_empty());
}

#[test]
fn reconcile_keeps_github_issues_in_step() {
    lifecycle(Api::Github);
}

#[test]
fn reconcile_keeps_azure_boards_work_items_in_step() {
    lifecycle(Api::Azure);
}

#[test]
fn reconcile_keeps_jira_cloud_issues_in_step() {
    lifecycle(Api::Jira(3));
}

#[test]
fn reconcile_keeps_jira_data_center_issues_in_step() {
    lifecycle(Api::Jira(2));
}

/// Credentials missing, settings wrong, and the request timeout tripping.
#[test]
fn test_connection_reports_missing_credentials_bad_settings_and_timeouts() {
    let fake = start_fake(Api::Github, Vec::new());
    let base = fake.lock().unwrap().base.clone();
    let root = tempfile::tempdir().unwrap();
    write(root.path(), ".sentra/config.yaml", &format!("devops: {{provider: github, github: {{owner: acme, repo: shop, base_url: '{base}'}}}}\n"));
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1"], &[("GITHUB_TOKEN", "gh-token"), LOOPBACK_HTTP], 0);
    let test = |body: Value| s.call("POST", "/api/devops/test-connection", None, Some(&body.to_string()));
    let (_, _, v) = test(json!({"provider": "azure", "settings": {"organization": "acme", "project": "shop"}}));
    assert_eq!((v["status"].as_str(), v["message"].as_str()), (Some("error"), Some("azure: AZURE_DEVOPS_PAT is not set")), "{v}");
    // Jira has no public default URL and none is configured: nothing to reach, said so.
    let (status, _, v) = test(json!({"provider": "jira", "settings": {"project_key": "SEC"}}));
    assert_eq!((status, v["status"].as_str()), (200, Some("error")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("devops.jira.base_url"), "{v}");
    let (status, _, v) = test(json!({"provider": "github", "settings": {"repo": "shop"}}));
    super::server::assert_error(status, &v, 422, "validation_error");
    assert_eq!(v["errors"][0]["loc"], json!(["body", "settings", "owner"]), "{v}");
    let (status, _, v) = test(json!({"provider": "github", "settings": {"owner": "acme", "repo": "shop", "colour": "red"}}));
    super::server::assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = test(json!({"provider": "trello"}));
    super::server::assert_error(status, &v, 422, "validation_error");
    // `timeout_secs` bounds each request.
    fake.lock().unwrap().delay = Duration::from_millis(2500);
    let started = std::time::Instant::now();
    let (_, _, v) = test(json!({"provider": "github", "settings": {"owner": "acme", "repo": "shop"}, "timeout_secs": 1}));
    assert!(v["status"] == "error" && v["message"].as_str().unwrap().contains("timed out"), "{v}");
    assert!(started.elapsed() < Duration::from_millis(2400), "the timeout tripped before the answer came");
    // Status of an unconfigured provider names what is missing.
    write(root.path(), ".sentra/config.yaml", "devops: {provider: github, github: {owner: acme, repo: shop}}\n");
    drop(s);
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1"], &[], 0);
    let (_, _, st) = s.call("GET", "/api/devops/status", None, None);
    assert_eq!((st["configured"].as_bool(), st["env"]["GITHUB_TOKEN"].as_bool()), (Some(false), Some(false)), "{st}");
    assert_eq!(st["problem"], "github: GITHUB_TOKEN is not set");
    assert_eq!(st["settings"], json!({"owner": true, "repo": true, "label": false, "base_url": false}));
}
