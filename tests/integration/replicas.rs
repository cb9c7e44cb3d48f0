//! Replicas on one PostgreSQL database: three `sentra serve` processes share a database
//! (a schema of the test server, `SENTRA_TEST_POSTGRES_URL`) and a tenants root. Two
//! tenants work through different replicas at once (pack imports, config changes,
//! suppressions, approvals, scans, reconciles and queued scans) and one replica is killed
//! mid-work. Every change a replica acknowledged is then seen through every surviving
//! replica, the audit chains verify, no rule has two work items, and every accepted queued
//! scan ends once, done. Queued scans also run git clones, and a SQLite state moves over.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use super::server::{Server, sentra_cmd};
use super::write_each;

/// The test server, or `None` (a note) outside CI when there is none.
pub(crate) fn postgres_url() -> Option<String> {
    let url = std::env::var("SENTRA_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty());
    if url.is_none() {
        assert!(std::env::var_os("CI").is_none(), "SENTRA_TEST_POSTGRES_URL is not set: .ci/run starts a PostgreSQL cluster");
        eprintln!("note: SENTRA_TEST_POSTGRES_URL is not set; skipped");
    }
    url
}

/// A new schema on the test server, and a database URL scoped to it.
pub(crate) fn scoped_database(url: &str) -> String {
    let schema = format!("it_{}_{}", std::process::id(), std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos());
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE SCHEMA {schema}")).unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

/// Replica `i` on database `db`: its own state directory (only local caches live there),
/// no rate limit, and `extra` arguments.
fn replica(root: &std::path::Path, db: &str, i: usize, extra: &[&str]) -> Server {
    let state = root.join(format!("state-{i}"));
    let mut args = vec!["--host", "127.0.0.1", "--rate-limit", "0", "--database-url", db, "--state-dir", state.to_str().unwrap()];
    args.extend_from_slice(extra);
    Server::start_with(root, &args, &[], 0)
}

fn key(db: &str, role: &str, tenant: &str) -> String {
    let out = sentra_cmd().args(["--database-url", db, "keys", "create", "--role", role, "--tenant", tenant]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// What the replicas acknowledged (answered 2xx to), per tenant.
#[derive(Default, Debug)]
struct Acked {
    packs: BTreeSet<String>,
    suppressions: BTreeSet<String>,
    approved: BTreeSet<i64>,
    reconciles: u64,
    config: Option<String>,
    /// Queued scans (`POST /api/scans`) accepted.
    queued: BTreeSet<String>,
}

fn send(c: &reqwest::blocking::Client, method: &str, url: String, key: &str, body: Value) -> Option<(u16, Value)> {
    let r = c.request(method.parse().unwrap(), url).header("x-api-key", key).header("content-type", "application/json").body(body.to_string()).send().ok()?;
    let status = r.status().as_u16();
    Some((status, r.json().unwrap_or(Value::Null)))
}

/// One tenant's work through `bases` in turn, until `stop`; stops at the first failure of
/// a replica that should be alive (a killed one's failures are expected and skipped).
fn work(tenant: &str, mut bases: Vec<String>, admin: String, agent: String, stop: Arc<AtomicBool>, acked: Arc<Mutex<Acked>>) {
    let c = reqwest::blocking::Client::builder().timeout(Duration::from_secs(20)).build().unwrap();
    let mut i = 0u64;
    while !stop.load(Ordering::Relaxed) {
        let base = &bases[i as usize % bases.len()].clone();
        let step = i % 6;
        let id = format!("{tenant}-pack-{i}");
        let pattern = format!("gen-{i}/**");
        let ok = match step {
            0 => send(&c, "POST", format!("{base}/api/packs/import"), &admin, json!({"pack_yaml": format!("pack_id: {id}\nname: {id}\nrules:\n  - {{id: RP-1, name: marker, type: regex, severity: low, pattern: 'marker-{id}'}}\n")}))
                .filter(|(s, _)| *s == 201)
                .map(|_| acked.lock().unwrap().packs.insert(id)),
            1 => send(&c, "POST", format!("{base}/api/suppressions"), &admin, json!({"rule_id": "SEC-*", "file_pattern": pattern, "reason": "replica test"}))
                .filter(|(s, _)| *s == 201)
                .map(|_| acked.lock().unwrap().suppressions.insert(pattern)),
            2 => send(&c, "POST", format!("{base}/api/approvals"), &agent, json!({"action_type": "deploy", "title": format!("release {i}")}))
                .filter(|(s, _)| *s == 201)
                .and_then(|(_, v)| {
                    // Resolved through the next replica: it must see the request at once.
                    let other = &bases[(i as usize + 1) % bases.len()];
                    let id = v["id"].as_i64().unwrap();
                    send(&c, "PATCH", format!("{other}/api/approvals/{id}"), &admin, json!({"action": "approve", "comment": "ok"}))
                        .filter(|(s, _)| *s == 200)
                        .map(|_| acked.lock().unwrap().approved.insert(id))
                }),
            3 => send(&c, "POST", format!("{base}/api/config"), &admin, json!({"updates": {"scan_exclude": [pattern]}}))
                .filter(|(s, _)| *s == 200)
                .map(|_| {
                    acked.lock().unwrap().config = Some(pattern);
                    true
                }),
            4 => send(&c, "POST", format!("{base}/api/scans"), &admin, json!({"repo_path": "repo"}))
                .filter(|(s, _)| *s == 202)
                .map(|(_, v)| acked.lock().unwrap().queued.insert(v["id"].as_str().unwrap().to_string())),
            _ => send(&c, "POST", format!("{base}/scan"), &admin, json!({"repo_path": "repo"}))
                .filter(|(s, _)| *s == 200)
                .and_then(|_| send(&c, "POST", format!("{base}/api/reconcile"), &admin, json!({})))
                .filter(|(s, v)| *s == 200 && v["status"] == "ok")
                .map(|_| {
                    acked.lock().unwrap().reconciles += 1;
                    true
                }),
        };
        if ok.is_none() && !stop.load(Ordering::Relaxed) {
            // A step fails only on the killed replica: leave it out from now on (the step
            // is not acknowledged).
            let dead: Vec<String> = bases.iter().filter(|b| send(&c, "GET", format!("{b}/health"), &admin, json!({})).is_none()).cloned().collect();
            assert!(!dead.is_empty(), "{tenant}: step {step} failed with every replica alive (on {base})");
            bases.retain(|b| !dead.contains(b));
        }
        i += 1;
    }
}

#[test]
fn replicas_on_one_database_agree_and_a_killed_one_loses_nothing_acknowledged() {
    let Some(url) = postgres_url() else { return };
    let db = scoped_database(&url);
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\npassword = 'hunter2hunter2'\nx = eval(y)\n");
    let tenants_root = root.path().join("tenants");
    let keys: BTreeMap<&str, (String, String)> = ["acme", "globex"].into_iter().map(|t| (t, (key(&db, "admin", t), key(&db, "agent", t)))).collect();
    let tenants = tenants_root.to_str().unwrap();
    // A short lease, so that a queued scan the killed replica held is retried in time.
    let start = |i: usize| replica(root.path(), &db, i, &["--tenants-root", tenants, "--scan-lease", "2"]);
    let mut replicas: Vec<Server> = (0..3).map(start).collect();
    let bases: Vec<String> = replicas.iter().map(|s| s.base.clone()).collect();

    let stop = Arc::new(AtomicBool::new(false));
    let acked: BTreeMap<&str, Arc<Mutex<Acked>>> = keys.keys().map(|t| (*t, Arc::new(Mutex::new(Acked::default())))).collect();
    let threads: Vec<_> = ["acme", "globex"]
        .into_iter()
        .enumerate()
        .map(|(n, t)| {
            // Each tenant starts on a different replica and moves through all three.
            let mut order = bases.clone();
            order.rotate_left(n);
            let (admin, agent) = keys[t].clone();
            let (stop, acked) = (stop.clone(), acked[t].clone());
            std::thread::spawn(move || work(t, order, admin, agent, stop, acked))
        })
        .collect();
    std::thread::sleep(Duration::from_secs(6));
    replicas[2].kill();
    std::thread::sleep(Duration::from_secs(4));
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().unwrap();
    }

    for (tenant, (admin, _)) in &keys {
        let a = acked[tenant].lock().unwrap();
        eprintln!(
            "{tenant}: {} imports, {} suppressions, {} approvals, {} reconciles, {} queued scans acknowledged",
            a.packs.len(),
            a.suppressions.len(),
            a.approved.len(),
            a.reconciles,
            a.queued.len()
        );
        assert!(a.packs.len() >= 2 && a.approved.len() >= 2 && a.reconciles >= 1 && !a.queued.is_empty(), "{tenant}: too little work to mean anything: {a:?}");
        for s in &replicas[..2] {
            check_tenant(s, tenant, admin, &a);
        }
        // Every accepted queued scan ends once, done, whichever replica took it.
        for id in &a.queued {
            let done = wait_done(&replicas[1], admin, id);
            assert_eq!(done["status"], "done", "{tenant} {id}: {done}");
            assert!(done["result"]["findings"].as_array().is_some_and(|f| !f.is_empty()), "{done}");
        }
    }
    // Keys made through the CLI reach every replica; another tenant's never match.
    let (acme, _) = &keys["acme"];
    let (status, _, v) = replicas[1].call("GET", "/api/packs", Some(acme), None);
    assert_eq!(status, 200, "{v}");
    assert!(v["packs"].as_array().unwrap().iter().all(|p| !p["pack_id"].as_str().unwrap().starts_with("globex-")), "{v}");
}

fn check_tenant(s: &Server, tenant: &str, admin: &str, acked: &Acked) {
    let get = |path: &str| {
        let (status, _, v) = s.call("GET", path, Some(admin), None);
        assert_eq!(status, 200, "{tenant} {path}: {v}");
        v
    };
    let listed = get("/api/packs");
    let ids: BTreeSet<&str> = listed["packs"].as_array().unwrap().iter().filter(|p| p["source"] == "custom").map(|p| p["pack_id"].as_str().unwrap()).collect();
    for id in &acked.packs {
        assert!(ids.contains(id.as_str()), "{tenant} through {}: acknowledged pack {id} is missing", s.base);
    }
    let sups = get("/api/suppressions");
    let patterns: BTreeSet<&str> = sups["suppressions"].as_array().unwrap().iter().map(|x| x["file_pattern"].as_str().unwrap()).collect();
    for p in &acked.suppressions {
        assert!(patterns.contains(p.as_str()), "{tenant}: acknowledged suppression {p} is missing");
    }
    let approvals = get("/api/approvals?status=all");
    let approved: BTreeSet<i64> =
        approvals["approvals"].as_array().unwrap().iter().filter(|a| a["status"] == "approved").map(|a| a["id"].as_i64().unwrap()).collect();
    assert!(acked.approved.is_subset(&approved), "{tenant}: approvals lost: {:?}", acked.approved.difference(&approved).collect::<Vec<_>>());
    if let Some(p) = &acked.config {
        let config = get("/api/config");
        assert_eq!(config["config"]["scan_exclude"], json!([p]), "{tenant}: the last acknowledged config change: {config}");
    }
    let verify = get("/api/audit/verify");
    assert_eq!(verify["valid"], true, "{tenant}: {verify}");
    let items = get("/api/work-items");
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for w in items["work_items"].as_array().unwrap() {
        *per_rule.entry(w["rule_id"].as_str().unwrap()).or_default() += 1;
    }
    assert!(!per_rule.is_empty() && per_rule.values().all(|n| *n == 1), "{tenant}: duplicate work items: {per_rule:?}");
}

/// A bare repository under `dir` whose `main` holds one file with a planted secret.
fn bare_repo(dir: &std::path::Path) -> String {
    let git = |cwd: &std::path::Path, args: &[&str]| {
        let out = std::process::Command::new("git").args(["-c", "user.email=t@t", "-c", "user.name=t"]).args(args).current_dir(cwd).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let work = dir.join("work");
    std::fs::create_dir_all(&work).unwrap();
    git(&work, &["init", "-q", "-b", "main"]);
    std::fs::write(work.join("app.py"), "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n").unwrap();
    git(&work, &["add", "."]);
    git(&work, &["commit", "-qm", "one"]);
    git(dir, &["clone", "-q", "--bare", "work", "app.git"]);
    format!("file://{}/app.git", dir.display())
}

fn wait_done(s: &Server, key: &str, id: &str) -> Value {
    for _ in 0..600 {
        let (status, _, v) = s.call("GET", &format!("/api/scans/{id}"), Some(key), None);
        assert_eq!(status, 200, "{v}");
        if v["status"] == "done" || v["status"] == "failed" {
            return v;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("queued scan {id} did not finish");
}

fn rule_ids(result: &Value) -> BTreeSet<String> {
    result["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_queued_scan_runs_a_workspace_directory_or_an_allowed_git_ref_and_nothing_else() {
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", "password = 'hunter2hunter2'\n");
    let git_dir = root.path().join("git");
    std::fs::create_dir_all(&git_dir).unwrap();
    let url = bare_repo(&git_dir);
    let state = root.path().join(".sentra");
    let acme = super::server::key(&state, "developer", "acme", "acme-dev");
    let globex = super::server::key(&state, "admin", "globex", "globex-admin");
    let allow = format!("file://{}/", git_dir.display());
    let tenants = root.path().join("tenants");
    // Its own temporary directory, to see the clones come and go.
    let tmp = root.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let env = [("TMPDIR", tmp.to_str().unwrap())];
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--tenants-root", tenants.to_str().unwrap(), "--scan-git-allow", &allow], &env, 0);

    let (status, headers, v) = s.call("POST", "/api/scans", Some(&acme), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(status, 202, "{v}");
    let id = v["id"].as_str().unwrap().to_string();
    assert_eq!(headers["location"], format!("/api/scans/{id}").as_str());
    let done = wait_done(&s, &acme, &id);
    assert_eq!((done["status"].as_str(), done["attempts"].as_i64()), (Some("done"), Some(1)), "{done}");
    assert!(rule_ids(&done["result"]).iter().any(|r| r.contains("PASSWORD")), "{done}");

    let (status, _, v) = s.call("POST", "/api/scans", Some(&acme), Some(&json!({"git": {"url": url, "ref": "main"}}).to_string()));
    assert_eq!(status, 202, "{v}");
    let done = wait_done(&s, &acme, v["id"].as_str().unwrap());
    assert_eq!(done["status"], "done", "{done}");
    assert!(rule_ids(&done["result"]).iter().any(|r| r.contains("STRIPE")), "the clone was scanned: {done}");
    assert!(tmp.join("sentra-clones").is_dir(), "the clone was made in the server's temporary directory");
    assert_eq!(std::fs::read_dir(tmp.join("sentra-clones")).unwrap().count(), 0, "the clone is removed");

    // Another tenant cannot read the job; bad requests are refused before they queue.
    let (status, _, v) = s.call("GET", &format!("/api/scans/{id}"), Some(&globex), None);
    assert_eq!((status, v["code"].as_str()), (404, Some("scan_not_found")), "{v}");
    for (body, want_status, want_code) in [
        (json!({"git": {"url": "file:///etc/", "ref": "main"}}), 403, "git_not_allowed"),
        (json!({"git": {"url": "https://example.com/x.git", "ref": "main"}}), 403, "git_not_allowed"),
        (json!({"git": {"url": url, "ref": "--upload-pack=touch /tmp/x"}}), 422, "validation_error"),
        (json!({"repo_path": "../globex/repo"}), 400, "path_outside_root"),
        (json!({"repo_path": "missing"}), 404, "path_not_found"),
        (json!({"surprise": 1}), 422, "validation_error"),
    ] {
        let (status, _, v) = s.call("POST", "/api/scans", Some(&acme), Some(&body.to_string()));
        assert_eq!((status, v["code"].as_str()), (want_status, Some(want_code)), "{body}: {v}");
    }
    let (status, _, v) = s.call("GET", "/api/scans/not-an-id", Some(&acme), None);
    assert_eq!(status, 404, "{v}");
    // A missing ref fails the job (not the request), without git's own words.
    let (_, _, v) = s.call("POST", "/api/scans", Some(&acme), Some(&json!({"git": {"url": url, "ref": "no-such-branch"}}).to_string()));
    let failed = wait_done(&s, &acme, v["id"].as_str().unwrap());
    assert_eq!(failed["status"], "failed", "{failed}");
    assert!(failed["error"].as_str().unwrap().contains("could not clone"), "{failed}");
}

#[test]
fn queued_scans_on_three_replicas_all_finish_once_when_one_replica_dies() {
    let Some(url) = postgres_url() else { return };
    let db = scoped_database(&url);
    let root = tempfile::tempdir().unwrap();
    write_each(root.path(), &["acme", "globex"], "repo/app.py", "password = 'hunter2hunter2'\n");
    let git_dir = root.path().join("git");
    std::fs::create_dir_all(&git_dir).unwrap();
    let repo = bare_repo(&git_dir);
    let allow = format!("file://{}/", git_dir.display());
    let tenants_root = root.path().join("tenants");
    let keys: Vec<(&str, String)> = ["acme", "globex"].into_iter().map(|t| (t, key(&db, "developer", t))).collect();
    let tenants = tenants_root.to_str().unwrap();
    let mut replicas: Vec<Server> =
        (0..3).map(|i| replica(root.path(), &db, i, &["--tenants-root", tenants, "--scan-lease", "2", "--scan-git-allow", &allow])).collect();
    // Twenty scans of each tenant, put on the queue through every replica in turn.
    let mut jobs = Vec::new();
    for n in 0..40 {
        let (tenant, k) = &keys[n % 2];
        let body = if n % 4 < 2 { json!({"repo_path": "repo"}) } else { json!({"git": {"url": repo, "ref": "main"}}) };
        let (status, _, v) = replicas[n % 3].call("POST", "/api/scans", Some(k), Some(&body.to_string()));
        assert_eq!(status, 202, "{v}");
        jobs.push((*tenant, k.clone(), v["id"].as_str().unwrap().to_string(), n % 4 < 2));
    }
    std::thread::sleep(Duration::from_millis(300));
    replicas[0].kill();
    let mut attempts = 0;
    for (tenant, k, id, workspace) in &jobs {
        let done = wait_done(&replicas[1 + jobs.len() % 2], k, id);
        assert_eq!(done["status"], "done", "{tenant} {id}: {done}");
        let rules = rule_ids(&done["result"]);
        let want = if *workspace { "PASSWORD" } else { "STRIPE" };
        assert!(rules.iter().any(|r| r.contains(want)), "{tenant} {id}: {rules:?}");
        attempts += done["attempts"].as_i64().unwrap();
        // Read through the other survivor too: the same job, the same result.
        let (_, _, again) = replicas[2 - jobs.len() % 2].call("GET", &format!("/api/scans/{id}"), Some(k), None);
        assert_eq!((again["status"].clone(), again["finished_at"].clone()), (done["status"].clone(), done["finished_at"].clone()));
    }
    eprintln!("{} queued scans done with {attempts} claims in all (a claim more for each scan the killed replica held)", jobs.len());
}

#[test]
fn a_sqlite_installation_moves_to_postgres_with_sentra_store_migrate() {
    let Some(url) = postgres_url() else { return };
    let db = scoped_database(&url);
    let root = tempfile::tempdir().unwrap();
    super::write(root.path(), "repo/app.py", "password = 'hunter2hunter2'\n");
    let state = root.path().join(".sentra");
    let admin = super::server::key(&state, "admin", "default", "admin");
    {
        // Some history on SQLite: a suppression and a scan.
        let s = Server::start_with(root.path(), &["--host", "127.0.0.1"], &[], 0);
        let (status, _, v) =
            s.call("POST", "/api/suppressions", Some(&admin), Some(r#"{"rule_id": "SEC-*", "file_pattern": "vendor/**", "reason": "third party"}"#));
        assert_eq!(status, 201, "{v}");
        assert_eq!(s.call("POST", "/scan", Some(&admin), Some(r#"{"repo_path": "repo"}"#)).0, 200);
    }
    let migrate = || sentra_cmd().arg("--state-dir").arg(&state).args(["store", "migrate", "--to", &db]).output().unwrap();
    let out = migrate();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.lines().any(|l| l.starts_with("api_keys") && l.trim_end().ends_with("1 rows")), "{table}");
    let again = migrate();
    assert!(
        !again.status.success() && String::from_utf8_lossy(&again.stderr).contains("already holds sentra data"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );

    // The same key, suppression, history and audit chain, now served from PostgreSQL.
    let elsewhere = root.path().join("state-pg");
    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--database-url", &db, "--state-dir", elsewhere.to_str().unwrap()], &[], 0);
    let (status, _, sups) = s.call("GET", "/api/suppressions", Some(&admin), None);
    assert_eq!(status, 200, "{sups}");
    assert!(sups["suppressions"].as_array().unwrap().iter().any(|x| x["file_pattern"] == "vendor/**"), "{sups}");
    let (_, _, metrics) = s.call("GET", "/api/metrics", Some(&admin), None);
    assert!(!metrics["latest"].is_null() && metrics["scans_recorded"] == 1, "{metrics}");
    let (_, _, verify) = s.call("GET", "/api/audit/verify", Some(&admin), None);
    assert_eq!(verify["valid"], true, "{verify}");
}

/// An operator change made through one replica (here a trust policy that stops an unsigned
/// pack, and a file size bound) applies on the others from their next request.
#[test]
fn an_operator_change_through_one_replica_applies_on_the_others() {
    let Some(url) = postgres_url() else { return };
    let db = scoped_database(&url);
    let root = tempfile::tempdir().unwrap();
    let (admin, operator) = (key(&db, "admin", "default"), key(&db, "operator", "default"));
    let replicas: Vec<Server> = (0..2).map(|i| replica(root.path(), &db, i, &[])).collect();
    let doc = "pack_id: team-rules\nname: Team rules\nrules:\n  - {id: TR-1, name: t, type: regex, pattern: TODO, severity: low}\n";
    let (status, _, v) = replicas[0].call("POST", "/api/packs/import", Some(&admin), Some(&json!({"pack_yaml": doc}).to_string()));
    assert_eq!(status, 201, "{v}");
    let team_rules = |s: &Server| {
        let (_, _, v) = s.call("GET", "/api/packs", Some(&admin), None);
        v["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == "team-rules").unwrap()["status"].as_str().unwrap().to_string()
    };
    assert_eq!(team_rules(&replicas[1]), "ok");
    let updates = json!({"updates": {"pack_trust": {"policy": "builtin_only"}, "max_file_bytes": 4096}});
    let (status, _, v) = replicas[0].call("POST", "/api/operator/config", Some(&operator), Some(&updates.to_string()));
    assert_eq!(status, 200, "{v}");
    for s in &replicas {
        assert_eq!(team_rules(s), "untrusted", "{}", s.base);
        let (_, _, v) = s.call("GET", "/api/operator/config", Some(&operator), None);
        assert_eq!(v["config"]["max_file_bytes"], 4096, "{}: {v}", s.base);
    }
}
