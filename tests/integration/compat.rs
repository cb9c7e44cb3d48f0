//! Compatibility with state written by earlier releases: `tests/fixtures/state-v1` was
//! made by the first release (see its README) and must keep opening with the current code.

use serde_json::{Value, json};

use super::server::{Server, assert_error, sentra_cmd};
use super::{copy_dir, repo_root, write};

// The fixture's keys: fake, local-only secrets, printed once by `sentra keys create` when
// the fixture was made. Only their hashes are in the fixture's database.
/// `fixture-admin`, admin of `default`.
const ADMIN: &str = "snt_a8304849_70292c1b7ea54b3ca5eb88b3b5724ab0be0dee3fc475815f177d250763335a5a";
/// `fixture-approver`, admin of `default`; resolved approvals 2 and 3.
const APPROVER: &str = "snt_671c07f4_96e6ee9860d755174483ab60fa9363b34528b9b59dfe64ebd5348634594be347";
/// `fixture-acme-admin`, admin of `acme`.
const ACME_ADMIN: &str = "snt_8abfd083_562f42a26f3f488bd012aed18704159ebcc726b5623981f83eadbfcc6e6106ff";
/// `fixture-viewer`, viewer of `acme`.
const ACME_VIEWER: &str = "snt_7f77f11d_f68c86303cf13fbe60acb8ed172bd26482d29994d867a0968cc1c5518c39cbe2";
/// `fixture-revoked`, a developer of `default`, revoked.
const REVOKED: &str = "snt_52665a4d_5ae004e0355b80872792e2cb1ac6ef4eaee316d9d52b454b438e4522e126883c";

fn custom_packs(s: &Server, key: &str) -> Vec<String> {
    let (status, _, v) = s.call("GET", "/api/packs", Some(key), None);
    assert_eq!(status, 200, "{v}");
    v["packs"].as_array().unwrap().iter().filter(|p| p["source"] == "custom").map(|p| p["pack_id"].as_str().unwrap().to_string()).collect()
}

fn rule_ids(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings in {v}"))
        .iter()
        .map(|f| (f["rule_id"].as_str().unwrap().into(), f["severity"].as_str().unwrap().into()))
        .collect()
}

#[test]
fn state_v1_fixture_opens_with_the_current_code() {
    let fixture = repo_root().join("tests/fixtures/state-v1");
    let state_dir = tempfile::tempdir().unwrap();
    // A copy: the committed fixture is never opened (opening it would migrate it in place).
    copy_dir(&fixture, state_dir.path());
    let state = state_dir.path().display().to_string();
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "a.py", "x = 1\n");

    // The CLI lists the stored keys, the revoked one as revoked, and never a secret.
    let out = sentra_cmd().args(["--state-dir", &state, "keys", "list", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<(String, String, String, bool)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["name"].as_str().unwrap().into(), k["role"].as_str().unwrap().into(), k["tenant"].as_str().unwrap().into(), !k["revoked_at"].is_null()))
        .collect();
    keys.sort();
    let k = |n: &str, r: &str, t: &str, revoked| (n.to_string(), r.to_string(), t.to_string(), revoked);
    assert_eq!(
        keys,
        [
            k("fixture-acme-admin", "admin", "acme", false),
            k("fixture-admin", "admin", "default", false),
            k("fixture-approver", "admin", "default", false),
            k("fixture-revoked", "developer", "default", true),
            k("fixture-viewer", "viewer", "acme", false),
        ]
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for secret in [ADMIN, APPROVER, ACME_ADMIN, ACME_VIEWER, REVOKED] {
        assert!(!text.contains(secret.split('_').nth(2).unwrap()), "a secret is listed: {text}");
    }

    let s = Server::start_with(root.path(), &["--host", "127.0.0.1", "--state-dir", &state], &[], 0);

    // The stored keys authenticate; a made-up one, a revoked one and none do not.
    for key in [ADMIN, APPROVER, ACME_ADMIN, ACME_VIEWER] {
        let (status, _, v) = s.call("GET", "/api/packs", Some(key), None);
        assert_eq!(status, 200, "{key}: {v}");
    }
    for key in [Some("snt_00000000_not-a-fixture-key"), Some(REVOKED), None] {
        let (status, _, v) = s.call("GET", "/api/packs", key, None);
        assert_error(status, &v, 401, "unauthorized");
    }
    // Roles are kept: the viewer may read but not scan.
    let (status, _, v) = s.call("POST", "/scan", Some(ACME_VIEWER), Some(r#"{"files": {"a.py": "x = 1\n"}}"#));
    assert_error(status, &v, 403, "forbidden");

    // Each tenant's custom pack, and only its own; with its overrides and its stored file.
    assert_eq!(custom_packs(&s, ADMIN), ["fixture-team"]);
    assert_eq!(custom_packs(&s, ACME_VIEWER), ["acme-rules"]);
    let (status, _, v) = s.call("GET", "/api/packs/acme-rules/export", Some(ADMIN), None);
    assert_eq!(status, 404, "another tenant's pack: {v}");
    let (_, _, packs) = s.call("GET", "/api/packs", Some(ADMIN), None);
    let team = packs["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == "fixture-team").unwrap();
    assert_eq!((team["status"].as_str(), team["enabled"].as_bool(), team["kind"].as_str()), (Some("ok"), Some(true), Some("yaml")), "{team}");
    assert_eq!(team["sha256"], "25da69b5158afcfa28bab3f4efd0afa67ae624fc81cea8133d81fdbb217dfbbf");
    let (status, _, v) = s.call("GET", "/api/packs/fixture-team/overrides", Some(ADMIN), None);
    assert_eq!(status, 200, "{v}");
    assert!(v.to_string().contains(r#""FIX-TODO":{"severity":"high"}"#), "{v}");
    let (status, _, v) = s.call("GET", "/api/packs/fixture-team/export", Some(ADMIN), None);
    assert_eq!(status, 200, "{v}");

    // The suppressions, per tenant.
    let suppressions = |key| {
        let (status, _, v) = s.call("GET", "/api/suppressions", Some(key), None);
        assert_eq!(status, 200, "{v}");
        v["suppressions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["source"] == "api")
            .map(|x| (x["rule_id"].as_str().unwrap().to_string(), x["reason"].as_str().unwrap().to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(suppressions(ADMIN), [("SEC-JWT".to_string(), "test fixtures hold fake tokens".to_string())]);
    assert_eq!(suppressions(ACME_VIEWER), [("ACME-FIXME".to_string(), "acme tolerates FIXME".to_string())]);

    // The recorded scan history (read before any new scan): per tenant, a scan (ids 1 and
    // 2) and then a gate (3 and 4), which records its scan too.
    let (status, _, v) = s.call("GET", "/api/findings", Some(ADMIN), None);
    assert_eq!((status, v["scan_id"].as_i64(), v["total"].as_u64()), (200, Some(3), Some(0)), "the gate's scan is the latest: {v}");
    let (status, _, v) = s.call("GET", "/api/findings?scan_id=1", Some(ADMIN), None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(rule_ids(&v), [("FIX-TODO".to_string(), "high".to_string())], "{v}");
    let (status, _, v) = s.call("GET", "/api/findings?scan_id=1", Some(ACME_VIEWER), None);
    assert_eq!(status, 404, "another tenant's scan: {v}");
    let (status, _, v) = s.call("GET", "/api/findings?scan_id=2", Some(ACME_VIEWER), None);
    assert_eq!((status, v["total"].as_u64()), (200, Some(0)), "acme's scan found only its suppressed FIXME: {v}");
    let (status, _, v) = s.call("GET", "/api/trends", Some(ADMIN), None);
    assert_eq!(status, 200, "{v}");

    // The approvals with their statuses. A new request gives the server's `now`: the one
    // left pending expires (on 2027-01-01) like any other once its time has passed.
    let (status, _, fresh) =
        s.call("POST", "/api/approvals", Some(ADMIN), Some(r#"{"action_type": "compat.check", "title": "opened by the new code", "context": {}}"#));
    assert_eq!(status, 201, "{fresh}");
    let now = fresh["created_at"].as_str().unwrap().to_string();
    let (status, _, v) = s.call("GET", "/api/approvals?status=all", Some(ADMIN), None);
    assert_eq!(status, 200, "{v}");
    let old: Vec<&Value> = v["approvals"].as_array().unwrap().iter().filter(|a| a["action_type"] != "compat.check").collect();
    let got: Vec<(i64, &str, &str, &str, Option<&str>)> = old
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap(),
                a["title"].as_str().unwrap(),
                a["status"].as_str().unwrap(),
                a["requested_by"].as_str().unwrap(),
                a["resolved_by"].as_str(),
            )
        })
        .collect();
    let first = old.iter().find(|a| a["id"] == 1).unwrap();
    let pending = if first["expires_at"].as_str().unwrap() > now.as_str() { "pending" } else { "expired" };
    assert_eq!(
        got,
        [
            (4, "Release 0.8 sign-off", "expired", "fixture-admin", None),
            (3, "Deploy to staging", "rejected", "fixture-admin", Some("fixture-approver")),
            (2, "Release 0.9 sign-off", "approved", "fixture-admin", Some("fixture-approver")),
            (1, "Release 1.0 sign-off", pending, "fixture-admin", None),
        ],
        "{v}"
    );
    assert!(fresh["id"].as_i64().unwrap() > 4, "ids go on after the stored ones: {fresh}");
    let (status, _, v) = s.call("GET", "/api/approvals/2/status", Some(ACME_ADMIN), None);
    assert_eq!(status, 404, "another tenant's approval: {v}");
    let (status, _, v) = s.call("PATCH", "/api/approvals/2", Some(APPROVER), Some(r#"{"action": "reject", "comment": "again"}"#));
    assert_eq!(status, 409, "a resolved request stays resolved: {v}");

    // Scans still work, with the stored packs, overrides and suppressions.
    let body = json!({"files": {"a.py": "x = 1\n# TODO: tidy\n# FIXME\n"}}).to_string();
    let (status, _, v) = s.call("POST", "/scan", Some(ADMIN), Some(&body));
    assert_eq!(status, 200, "{v}");
    assert_eq!(rule_ids(&v), [("FIX-TODO".to_string(), "high".to_string())]);
    let (status, _, v) = s.call("POST", "/scan", Some(ACME_ADMIN), Some(&body));
    assert_eq!(status, 200, "{v}");
    assert!(rule_ids(&v).is_empty(), "acme's FIXME rule is suppressed and `default`'s pack is not acme's: {v}");
    let (status, _, v) = s.call("POST", "/gate", Some(ACME_ADMIN), Some(r#"{"files": {"a.py": "x = 1\n"}}"#));
    assert_eq!((status, v["passed"].as_bool()), (200, Some(true)), "{v}");

    // Each tenant's audit chain, the stored entries and those the new code appended, is intact.
    for (key, stored) in [(ADMIN, 17), (ACME_ADMIN, 5)] {
        let (status, _, v) = s.call("GET", "/api/audit/verify", Some(key), None);
        assert_eq!(status, 200, "{v}");
        assert_eq!(v["valid"], true, "{v}");
        assert!(v["entries"].as_u64().unwrap() > stored, "{v}");
        let (_, _, audit) = s.call("GET", "/api/audit?limit=1000", Some(key), None);
        let actions: Vec<&str> = audit["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions.last(), Some(&"key.create"), "the oldest entry is still there: {actions:?}");
        assert!(actions.contains(&"pack.import") && actions.contains(&"suppression.create"), "{actions:?}");
    }
}
