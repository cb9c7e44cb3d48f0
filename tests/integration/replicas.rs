//! Replicas on one PostgreSQL database: three `sentra serve` processes share a database
//! (a schema of the test server, `SENTRA_TEST_POSTGRES_URL`) and a tenants root. Two
//! tenants work through different replicas at once (pack imports, config changes,
//! suppressions, approvals, scans and reconciles) and one replica is killed mid-work.
//! Every change a replica acknowledged is then seen through every surviving replica, the
//! audit chains verify, and no rule has two work items.

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
        let step = i % 5;
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
    let start = |i: usize| {
        // Each replica its own state directory: only its local caches live there.
        let state = root.path().join(format!("state-{i}"));
        Server::start_with(
            root.path(),
            &[
                "--host",
                "127.0.0.1",
                "--rate-limit",
                "0",
                "--tenants-root",
                tenants_root.to_str().unwrap(),
                "--database-url",
                &db,
                "--state-dir",
                state.to_str().unwrap(),
            ],
            &[],
            0,
        )
    };
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
            "{tenant}: {} imports, {} suppressions, {} approvals, {} reconciles acknowledged",
            a.packs.len(),
            a.suppressions.len(),
            a.approved.len(),
            a.reconciles
        );
        assert!(a.packs.len() >= 2 && a.approved.len() >= 2 && a.reconciles >= 1, "{tenant}: too little work to mean anything: {a:?}");
        for s in &replicas[..2] {
            check_tenant(s, tenant, admin, &a);
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
