//! What every backend must do, tested on each ([`crate::testing::backends`]): the
//! behaviour callers rely on, through the `Storage` trait only.

use std::sync::Arc;

use serde_json::json;

use crate::testing::{Backend, backends};
use crate::*;

fn each(test: impl Fn(&Backend)) {
    for b in backends() {
        eprintln!("backend: {}", b.name);
        test(&b);
    }
}

#[test]
fn keys_authenticate_until_revoked_and_names_stay_unique() {
    each(|b| {
        let s = &b.store;
        let new = |role, name: &str| NewKey { role, tenant: "acme".into(), name: Some(name.into()) };
        let (key, secret) = s.create_key(&new(Role::Developer, "ci")).unwrap();
        assert_eq!(s.authenticate(&secret).unwrap().unwrap().id, key.id, "{}", b.name);
        assert!(s.authenticate("snt_00000000_00").unwrap().is_none());
        assert!(matches!(s.create_key(&new(Role::Viewer, "ci")), Err(StoreError::DuplicateName(_))), "{}", b.name);
        // Another handle (a replica) sees the key and revokes it; the first sees that.
        let other = b.reopen();
        assert_eq!(other.revoke_key("ci").unwrap().id, key.id);
        assert!(s.authenticate(&secret).unwrap().is_none(), "{}", b.name);
        assert_eq!(s.active_key_count().unwrap(), 0);
        assert!(s.list_keys().unwrap()[0].revoked_at.is_some());
        s.create_key(&new(Role::Viewer, "ci")).unwrap();
        assert!(matches!(s.revoke_key("nope"), Err(StoreError::NoSuchKey(_))));
        assert!(matches!(s.create_key(&NewKey { role: Role::Admin, tenant: "Bad Tenant".into(), name: None }), Err(StoreError::Invalid(_))));
    });
}

fn new_pack(tenant: &str, id: &str) -> NewPack {
    NewPack {
        tenant: tenant.into(),
        pack_id: id.into(),
        kind: PackKind::Yaml,
        name: id.into(),
        version: "1".into(),
        description: String::new(),
        license: String::new(),
        rule_count: 1,
        signer: None,
        author: String::new(),
        enabled: true,
    }
}

#[test]
fn packs_keep_their_bytes_overrides_and_revision() {
    each(|b| {
        let s = &b.store;
        let r0 = s.packs_revision().unwrap();
        let a = s.put_pack(&new_pack("acme", "mine"), b"pack_id: mine\n").unwrap();
        // The same bytes in another tenant: each keeps them after the other's delete.
        let other = s.put_pack(&new_pack("beta", "mine"), b"pack_id: mine\n").unwrap();
        assert_eq!((a.custom, a.sha256.len(), a.sha256 == other.sha256), (true, 64, true));
        s.set_pack_overrides("acme", "mine", &json!({"R1": {"severity": "low"}})).unwrap();
        let replaced = s.put_pack(&new_pack("acme", "mine"), b"pack_id: mine\nversion: 2\n").unwrap();
        assert_eq!(replaced.overrides, json!({"R1": {"severity": "low"}}), "{}: overrides are kept on replace", b.name);
        assert_eq!(s.pack_bytes(&replaced).unwrap(), b"pack_id: mine\nversion: 2\n");
        assert!(s.delete_pack("beta", "mine").unwrap());
        assert!(!s.delete_pack("beta", "mine").unwrap());
        assert_eq!(s.pack_bytes(&s.get_pack("acme", "mine").unwrap().unwrap()).unwrap(), b"pack_id: mine\nversion: 2\n");
        s.set_pack_enabled("acme", "secrets", false).unwrap();
        let listed: Vec<(String, bool, bool)> = s.list_packs("acme").unwrap().into_iter().map(|p| (p.pack_id, p.custom, p.enabled)).collect();
        assert_eq!(listed, vec![("mine".into(), true, true), ("secrets".into(), false, false)], "{}", b.name);
        assert!(!s.delete_pack("acme", "secrets").unwrap(), "a built-in pack's settings are not a custom pack");
        assert!(s.pack_bytes(&s.get_pack("acme", "secrets").unwrap().unwrap()).is_err());
        assert!(s.get_pack("beta", "mine").unwrap().is_none());
        assert!(b.reopen().packs_revision().unwrap() >= r0 + 6, "{}: every change bumps the revision", b.name);
        assert!(matches!(s.put_pack(&new_pack("acme", "../x"), b"x"), Err(StoreError::Invalid(_))));
        assert!(matches!(s.set_pack_enabled("../t", "x", true), Err(StoreError::Invalid(_))));
    });
}

#[test]
fn a_pack_keeps_where_it_came_from_until_replaced() {
    each(|b| {
        let s = &b.store;
        let signed = NewPack { signer: Some("ed25519:key".into()), author: "Acme security".into(), ..new_pack("acme", "signed") };
        let stored = s.put_pack(&signed, b"pack_id: signed\n").unwrap();
        assert_eq!((stored.signer.as_deref(), stored.author.as_str()), (Some("ed25519:key"), "Acme security"), "{}", b.name);
        assert_eq!(b.reopen().get_pack("acme", "signed").unwrap().unwrap().signer.as_deref(), Some("ed25519:key"));
        // Imported again without a bundle: no signer any more.
        let plain = s.put_pack(&new_pack("acme", "signed"), b"pack_id: signed\n").unwrap();
        assert_eq!((plain.signer, plain.author), (None, String::new()), "{}", b.name);
    });
}

fn audit_entry(tenant: &str, action: &str) -> NewAuditEntry {
    NewAuditEntry {
        tenant: tenant.into(),
        actor: "ci".into(),
        role: "admin".into(),
        action: action.into(),
        target: "x".into(),
        details: json!({"n": 1}),
        result: "ok".into(),
    }
}

#[test]
fn audit_chains_stay_one_chain_per_tenant_under_concurrent_writers() {
    each(|b| {
        // Writers on four handles (replicas) and two tenants at once.
        let handles: Vec<Arc<dyn Storage>> = (0..4).map(|_| b.reopen()).collect();
        std::thread::scope(|scope| {
            for (i, h) in handles.iter().enumerate() {
                scope.spawn(move || {
                    for n in 0..15 {
                        h.append_audit(&audit_entry(if (i + n) % 2 == 0 { "a" } else { "b" }, &format!("w{i}-{n}"))).unwrap();
                    }
                });
            }
        });
        let s = &b.store;
        for tenant in ["a", "b"] {
            let v = s.verify_audit(tenant).unwrap();
            assert!(v.valid, "{}: {v:?}", b.name);
            assert_eq!((v.entries, v.head.as_ref().map(|h| h.entries)), (30, Some(30)), "{}", b.name);
            assert_eq!(s.audit_head(tenant).unwrap(), v.head);
        }
        let (page, total) = s.list_audit("a", &AuditQuery { limit: 5, offset: 2, ..Default::default() }).unwrap();
        assert_eq!((page.len(), total), (5, 30));
        assert!(page.windows(2).all(|w| w[0].id > w[1].id), "newest first");
        let q = AuditQuery { limit: 100, action: Some("w0-0".into()), ..Default::default() };
        assert_eq!(s.list_audit("a", &q).unwrap().1, 1, "{}", b.name);
        assert_eq!(s.list_audit("nobody", &q).unwrap().1, 0);
        assert!(s.audit_head("nobody").unwrap().is_none());
        assert!(s.verify_audit("nobody").unwrap().valid);
    });
}

#[test]
fn approvals_resolve_once_expire_and_purge() {
    each(|b| {
        let s = &b.store;
        let new = |tenant: &str, timeout_s| NewApproval {
            tenant: tenant.into(),
            action_type: "deploy".into(),
            title: "t".into(),
            context: json!({"k": "v"}),
            payload: json!({"p": 1}),
            requested_by: "a".into(),
            timeout_s,
        };
        let a = s.create_approval(&new("t", 3600)).unwrap();
        assert_eq!((a.status, a.context.clone(), a.payload.clone()), (ApprovalState::Pending, json!({"k": "v"}), json!({"p": 1})));
        assert!(s.get_approval("u", a.id).unwrap().is_none(), "{}: another tenant sees nothing", b.name);
        assert_eq!(s.resolve_approval("u", a.id, Decision::Approve, "b", "").unwrap(), Err(ResolveRefusal::NotFound));
        let done = s.resolve_approval("t", a.id, Decision::Approve, "b", "fine").unwrap().unwrap();
        assert_eq!((done.status, done.resolved_by.as_deref(), done.comment.as_deref()), (ApprovalState::Approved, Some("b"), Some("fine")));
        let again = b.reopen().resolve_approval("t", a.id, Decision::Reject, "c", "").unwrap();
        assert_eq!(again, Err(ResolveRefusal::AlreadyResolved(ApprovalState::Approved)), "{}", b.name);
        let late = s.create_approval(&new("t", 0)).unwrap();
        assert_eq!(s.resolve_approval("t", late.id, Decision::Approve, "b", "").unwrap(), Err(ResolveRefusal::AlreadyResolved(ApprovalState::Expired)));
        let expired = s.expire_approvals().unwrap();
        assert_eq!(expired.iter().map(|(t, a)| (t.as_str(), a.id, a.status)).collect::<Vec<_>>(), vec![("t", late.id, ApprovalState::Expired)]);
        assert!(s.expire_approvals().unwrap().is_empty(), "{}: a request expires once", b.name);
        let pending = s.create_approval(&new("t", 3600)).unwrap();
        assert_eq!(s.list_approvals("t", Some(ApprovalState::Pending), None).unwrap().len(), 1);
        assert_eq!(s.list_approvals("t", None, Some("deploy")).unwrap().len(), 3);
        assert_eq!(s.list_approvals("t", None, Some("other")).unwrap().len(), 0);
        assert_eq!(s.purge_approvals("t", "2000-01-01T00:00:00Z").unwrap(), 0);
        assert_eq!(s.purge_approvals("t", "2999-01-01T00:00:00Z").unwrap(), 2, "{}", b.name);
        assert!(s.get_approval("t", pending.id).unwrap().is_some(), "pending requests stay");
    });
}

fn scan(tenant: &str, root: &str, result: String, complete: bool) -> NewScan {
    let (tenant, root) = (tenant.into(), root.into());
    NewScan {
        tenant,
        root,
        packs: vec!["p".into()],
        counts: [0, 1, 0, 0, 0],
        files_scanned: 1,
        duration_ms: 1,
        gate_passed: Some(true),
        score: 90.5,
        result,
        complete,
    }
}

#[test]
fn scan_results_are_kept_for_the_latest_scans_and_read_back_as_stored() {
    each(|b| {
        let s = &b.store;
        let other = s.record_scan(&scan("other", ".", r#"{"n": -1}"#.into(), true)).unwrap();
        let full = s.record_scan(&scan("t", "repo-a", r#"{"root": "repo-a"}"#.into(), true)).unwrap();
        let ids: Vec<i64> = (0..SCAN_RESULTS_KEPT + 3).map(|n| s.record_scan(&scan("t", ".", format!("{{\"n\": {n}}}"), n % 2 == 0)).unwrap()).collect();
        assert!(s.scan_result("t", ScanPick::Id(ids[2])).unwrap().is_none(), "{}: the oldest results are dropped", b.name);
        assert!(s.scan_result("t", ScanPick::Id(ids[3])).unwrap().is_some());
        let latest = |root| s.scan_result("t", ScanPick::LatestComplete(root)).unwrap().map(|(s, r)| (s.id, r));
        assert_eq!(latest(Some("repo-a")), Some((full, r#"{"root": "repo-a"}"#.into())), "{}: kept past the retention", b.name);
        let last_complete = *ids.iter().rev().find(|id| s.scan_summary("t", ScanPick::Id(**id)).unwrap().unwrap().complete).unwrap();
        assert_eq!(latest(None).map(|l| l.0), Some(last_complete));
        let listed = s.list_scans("t", None, 1000, false).unwrap();
        assert_eq!(listed.len(), ids.len() + 1, "summaries are all kept");
        let newest = &listed[0];
        assert_eq!((newest.packs.clone(), newest.high, newest.total, newest.gate_passed, newest.score), (vec!["p".to_string()], 1, 1, Some(true), 90.5));
        assert_eq!(s.list_scans("t", None, 1000, true).unwrap().len(), 1 + ids.len().div_ceil(2));
        assert_eq!(s.list_scans("t", Some("2999-01-01"), 1000, false).unwrap().len(), 0);
        assert!(s.scan_result("other", ScanPick::Id(other)).unwrap().is_some(), "another tenant's history is untouched");
        assert!(s.scan_result("other", ScanPick::Id(full)).unwrap().is_none(), "{}: nor readable across tenants", b.name);
    });
}

#[test]
fn findings_are_read_a_page_at_a_time_and_the_whole_result_comes_back() {
    each(|b| {
        let s = &b.store;
        let findings: Vec<serde_json::Value> = (0..30)
            .map(|i| {
                let severity = ["high", "low", "info"][i % 3];
                json!({"rule_id": format!("R{}", i % 2), "severity": severity, "message": "m", "evidence": {"file": format!("src/f{}.py", i % 4), "line": i}})
            })
            .collect();
        let result = json!({"findings": findings, "summary": {"total": 30}}).to_string();
        let id = s.record_scan(&scan("t", ".", result.clone(), true)).unwrap();
        let (_, whole) = s.scan_result("t", ScanPick::Id(id)).unwrap().unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&whole).unwrap(), serde_json::from_str::<serde_json::Value>(&result).unwrap(), "{}", b.name);
        let in_f1 = |f: &str| f == "src/f1.py";
        let filter = FindingsFilter { severity: None, rule_id: Some("R1"), file: Some(&in_f1), offset: 1, limit: 2 };
        let page = s.scan_findings("t", id, &filter).unwrap();
        let expected: Vec<_> = findings.iter().filter(|f| f["rule_id"] == "R1" && f["evidence"]["file"] == "src/f1.py").collect();
        assert_eq!(page.total, expected.len(), "{}", b.name);
        let got: Vec<serde_json::Value> = page.findings.iter().map(|f| serde_json::from_str(f).unwrap()).collect();
        assert_eq!(got.iter().collect::<Vec<_>>(), expected[1..3].to_vec(), "{}", b.name);
        let high = FindingsFilter { severity: Some(sentra_model::Severity::High), rule_id: None, file: None, offset: 0, limit: 100 };
        let page = s.scan_findings("t", id, &high).unwrap();
        assert_eq!((page.total, page.by_severity.high, page.findings.len()), (10, 10, 10));
        assert_eq!(s.top_files("t", id, 2).unwrap(), vec![("src/f0.py".to_string(), 8), ("src/f1.py".to_string(), 8)], "{}", b.name);
        assert_eq!(s.scan_findings("other", id, &high).unwrap().total, 0, "another tenant reads nothing of it");
        assert!(s.top_files("other", id, 5).unwrap().is_empty());
    });
}

#[test]
fn settings_are_kept_per_scope_and_every_write_bumps_the_revision() {
    each(|b| {
        let s = &b.store;
        let r0 = s.settings_revision().unwrap();
        assert_eq!(s.settings(SettingsScope::Tenant("acme")).unwrap(), None);
        s.set_settings(SettingsScope::Tenant("acme"), &json!({"gate_fail_on": ["low"]})).unwrap();
        s.set_settings(SettingsScope::Operator, &json!({"max_file_bytes": 10})).unwrap();
        b.reopen().set_settings(SettingsScope::Tenant("acme"), &json!({"gate_fail_on": ["info"]})).unwrap();
        assert_eq!(s.settings_revision().unwrap(), r0 + 3, "{}", b.name);
        assert_eq!(s.settings(SettingsScope::Tenant("acme")).unwrap(), Some(json!({"gate_fail_on": ["info"]})));
        assert_eq!(s.settings(SettingsScope::Operator).unwrap(), Some(json!({"max_file_bytes": 10})));
        assert_eq!(s.tenants_with_settings().unwrap(), vec!["acme".to_string()]);
        s.create_key(&NewKey { role: Role::Viewer, tenant: "beta".into(), name: None }).unwrap();
        s.append_audit(&audit_entry("Zeta", "x")).unwrap();
        assert_eq!(s.known_tenants().unwrap(), vec!["Zeta".to_string(), "acme".into(), "beta".into()], "{}: byte order", b.name);
    });
}

#[test]
fn suppressions_are_per_tenant_and_unique_per_rule_and_pattern() {
    each(|b| {
        let s = &b.store;
        let rec = SuppressionRecord {
            id: String::new(),
            rule_id: "R1".into(),
            file_pattern: "tests/**".into(),
            reason: "fixtures".into(),
            expires: Some("2999-01-01".into()),
            created_by: "ci".into(),
            created_at: String::new(),
        };
        let added = s.add_suppression("t", &rec).unwrap().unwrap();
        assert_eq!(added.id.len(), 16);
        assert!(s.add_suppression("t", &rec).unwrap().is_none(), "{}: the same rule and pattern twice", b.name);
        assert!(s.add_suppression("u", &rec).unwrap().is_some());
        assert_eq!(s.list_suppressions("t").unwrap(), vec![added.clone()]);
        assert!(!s.delete_suppression("u", &added.id).unwrap(), "{}: not another tenant's", b.name);
        assert!(s.delete_suppression("t", &added.id).unwrap());
        assert!(s.list_suppressions("t").unwrap().is_empty());
    });
}

#[test]
fn work_items_and_reconcile_runs_are_kept_per_tenant() {
    each(|b| {
        let s = &b.store;
        let draft = WorkItemDraft {
            rule_id: "R1".into(),
            title: "Fix R1".into(),
            description: "d".into(),
            acceptance_criteria: vec!["a".into(), "b".into()],
            findings_key: "k1".into(),
            findings_count: 3,
        };
        let item = s.create_work_item("t", &draft).unwrap();
        assert_eq!((item.state.as_str(), item.acceptance_criteria.len(), item.findings_count), ("active", 2, 3));
        let changed = WorkItemDraft { title: "Fix R1 again".into(), findings_count: 1, ..draft.clone() };
        let updated = s.update_work_item("t", item.id, Some(&changed), "active").unwrap().unwrap();
        assert_eq!((updated.title.as_str(), updated.findings_count), ("Fix R1 again", 1));
        assert_eq!(s.update_work_item("t", item.id, None, "resolved").unwrap().unwrap().state, "resolved");
        assert!(s.update_work_item("u", item.id, None, "active").unwrap().is_none(), "{}: not another tenant's", b.name);
        assert_eq!(s.list_work_items("t").unwrap().len(), 1);
        assert!(s.list_work_items("u").unwrap().is_empty());
        assert!(s.last_reconcile("t").unwrap().is_none());
        s.record_reconcile("t", "local", &json!({"created": 1})).unwrap();
        s.record_reconcile("t", "jira", &json!({"created": 2})).unwrap();
        let (_, provider, summary) = s.last_reconcile("t").unwrap().unwrap();
        assert_eq!((provider.as_str(), summary), ("jira", json!({"created": 2})), "{}", b.name);
    });
}

#[test]
fn server_facts_are_recorded_once_and_writes_can_be_probed() {
    each(|b| {
        let s = &b.store;
        assert_eq!(s.server_root().unwrap(), None);
        s.set_server_root(std::path::Path::new("/srv/a")).unwrap();
        s.set_server_root(std::path::Path::new("/srv/b")).unwrap();
        assert_eq!(b.reopen().server_root().unwrap(), Some("/srv/b".into()), "{}", b.name);
        assert!(s.record_fact("first-start", "1").unwrap());
        assert!(!s.record_fact("first-start", "2").unwrap(), "{}: a fact is recorded once", b.name);
        assert_eq!(s.fact("first-start").unwrap().as_deref(), Some("1"));
        assert_eq!(s.fact("other").unwrap(), None);
        s.probe_write().unwrap();
    });
}

#[test]
fn queued_scans_are_claimed_once_retried_after_a_lease_runs_out_and_finished_by_the_holder_only() {
    use std::time::Duration;
    each(|b| {
        let s = &b.store;
        assert!(!s.scan_waiting().unwrap());
        let jobs: Vec<ScanJob> = (0..6).map(|i| s.enqueue_scan(if i % 2 == 0 { "t" } else { "u" }, &format!("{{\"n\": {i}}}")).unwrap().unwrap()).collect();
        assert_eq!(jobs[0].status, JobState::Queued);
        assert!(s.get_scan_job("u", &jobs[0].id).unwrap().is_none(), "{}: another tenant's job", b.name);
        // Four workers (replicas) claim at once: every job is taken exactly once.
        let handles: Vec<Arc<dyn Storage>> = (0..4).map(|_| b.reopen()).collect();
        let claimed: Vec<String> = std::thread::scope(|scope| {
            let threads: Vec<_> = handles
                .iter()
                .enumerate()
                .map(|(w, h)| {
                    scope.spawn(move || {
                        let mut mine = Vec::new();
                        while let Some(job) = h.claim_scan(&format!("w{w}"), Duration::from_secs(60)).unwrap() {
                            assert_eq!((job.status, job.attempts), (JobState::Running, 1));
                            mine.push(job.id);
                        }
                        mine
                    })
                })
                .collect();
            threads.into_iter().flat_map(|t| t.join().unwrap()).collect()
        });
        let mut sorted = claimed.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!((claimed.len(), sorted.len()), (6, 6), "{}: {claimed:?}", b.name);
        assert!(s.claim_scan("late", Duration::from_secs(60)).unwrap().is_none());
        assert!(!s.scan_waiting().unwrap(), "{}: all claimed", b.name);

        // A lease that ran out: the job goes to the next claimer, and the first holder can
        // neither renew nor finish it any more.
        let job = s.enqueue_scan("t", "{}").unwrap().unwrap();
        assert!(s.scan_waiting().unwrap());
        let first = s.claim_scan("a", Duration::ZERO).unwrap().unwrap();
        assert_eq!(first.id, job.id);
        std::thread::sleep(Duration::from_millis(5));
        assert!(s.scan_waiting().unwrap(), "{}: a lapsed lease waits again", b.name);
        let second = s.claim_scan("b", Duration::from_secs(60)).unwrap().unwrap();
        assert_eq!((second.id.as_str(), second.attempts), (job.id.as_str(), 2), "{}", b.name);
        assert!(!s.renew_scan_lease(&job.id, "a", Duration::from_secs(60)).unwrap());
        assert!(!s.finish_scan(&job.id, "a", JobOutcome::Done { result: "{\"by\": \"a\"}" }).unwrap(), "{}: not the holder", b.name);
        assert!(s.renew_scan_lease(&job.id, "b", Duration::from_secs(60)).unwrap());
        assert!(s.finish_scan(&job.id, "b", JobOutcome::Done { result: "{\"by\": \"b\"}" }).unwrap());
        assert!(!s.finish_scan(&job.id, "b", JobOutcome::Failed { error: "again" }).unwrap(), "a job finishes once");
        let done = b.reopen().get_scan_job("t", &job.id).unwrap().unwrap();
        assert_eq!((done.status, done.result.as_deref(), done.attempts), (JobState::Done, Some("{\"by\": \"b\"}"), 2));
        assert!(done.started_at.is_some() && done.finished_at.is_some());

        // A job whose holders keep dying is given up after its attempts.
        let doomed = s.enqueue_scan("t", "{}").unwrap().unwrap();
        for attempt in 1..=scan_jobs::MAX_ATTEMPTS {
            let j = s.claim_scan("dies", Duration::ZERO).unwrap().unwrap();
            assert_eq!((j.id.as_str(), j.attempts), (doomed.id.as_str(), attempt));
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(s.claim_scan("next", Duration::from_secs(60)).unwrap().is_none());
        let failed = s.get_scan_job("t", &doomed.id).unwrap().unwrap();
        assert_eq!(failed.status, JobState::Failed, "{}", b.name);
        assert!(failed.error.unwrap().contains("given up"));
    });
}

#[test]
fn a_tenant_cannot_queue_without_bound() {
    each(|b| {
        let s = &b.store;
        for _ in 0..scan_jobs::MAX_PENDING_PER_TENANT {
            assert!(s.enqueue_scan("t", "{}").unwrap().is_some());
        }
        assert!(s.enqueue_scan("t", "{}").unwrap().is_none(), "{}", b.name);
        assert!(s.enqueue_scan("u", "{}").unwrap().is_some(), "another tenant is not held up");
    });
}

#[test]
fn a_tenant_with_scans_running_waits_behind_one_with_none() {
    use std::time::Duration;
    each(|b| {
        let s = &b.store;
        let first: Vec<ScanJob> = (0..3).map(|_| s.enqueue_scan("busy", "{}").unwrap().unwrap()).collect();
        let other = s.enqueue_scan("quiet", "{}").unwrap().unwrap();
        assert_eq!(s.claim_scan("w1", Duration::from_secs(60)).unwrap().unwrap().id, first[0].id);
        // `busy` has one running now: `quiet`'s job goes next though it is newer.
        assert_eq!(s.claim_scan("w2", Duration::from_secs(60)).unwrap().unwrap().id, other.id, "{}", b.name);
        assert_eq!(s.claim_scan("w3", Duration::from_secs(60)).unwrap().unwrap().id, first[1].id);
        assert!(s.finish_scan(&first[0].id, "w1", JobOutcome::Failed { error: "x" }).unwrap());
        assert_eq!(s.get_scan_job("busy", &first[0].id).unwrap().unwrap().request, "", "{}: a finished job keeps no request", b.name);
    });
}
