//! Pack API versions side by side. Components built against the frozen `0.1.0` WIT (two
//! committed from the last release built with it, one rebuilt from the frozen WIT) load
//! and give the same results as their `0.2.0` builds on a sample both cover; and the syntax capability `0.2.0`
//! adds, seen from a pack: query rules, navigation by handle, and its bounds.

use std::time::Duration;

use sentra_builtin_packs::guest_component;
use sentra_runtime::{ApiVersion, FileData, FileInput, LoadedPack, PackError, PackLimits, Runtime, RuntimeConfig, ScanOutput};

fn runtime() -> Runtime {
    Runtime::new(RuntimeConfig::default()).unwrap()
}

fn current(rt: &Runtime, name: &str, limits: PackLimits) -> LoadedPack {
    rt.load(name, &std::fs::read(guest_component(name)).unwrap(), limits).unwrap()
}

fn committed(rt: &Runtime, file: &str) -> LoadedPack {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api-0.1.0").join(file);
    rt.load(file, &std::fs::read(path).unwrap(), PackLimits::default()).unwrap()
}

fn scan(pack: &LoadedPack, path: &str, text: &str, only: Option<&str>) -> Result<ScanOutput, PackError> {
    let rules: Vec<u32> =
        pack.info().rules.iter().enumerate().filter(|(_, r)| only.is_none_or(|id| r.id == id) && !r.project_level).map(|(i, _)| i as u32).collect();
    pack.scan(&[FileInput { path, data: FileData::new(text.as_bytes().to_vec()), rules: &rules }], &Default::default())
}

const SAMPLE: &str = "aws_key = \"AKIAZ7Q4XK2LMN8PQR5T\"\n# TODO(ann) rotate\ntoken = \"ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5\"\nx = 1  # TODO(bob)\n";

#[test]
fn components_committed_from_the_0_1_release_load_and_agree_with_their_0_2_builds() {
    let rt = runtime();
    for (file, name) in [("secrets.wasm", "secrets"), ("test_basic.wasm", "test-basic")] {
        let old = committed(&rt, file);
        let new = current(&rt, name, PackLimits::default());
        assert_eq!((old.api_version(), new.api_version()), (ApiVersion::V0_1, ApiVersion::V0_2), "{name}");
        if name == "test-basic" {
            assert_eq!(old.info(), new.info(), "{name}: the same rules, described through either version");
        } else {
            // The secrets pack has grown since the 0.1 release (new token rules, excludes):
            // every rule of the old build is still there, under the same id.
            let ids = |p: &LoadedPack| p.info().rules.iter().map(|r| r.id.clone()).collect::<std::collections::BTreeSet<_>>();
            assert!(ids(&old).is_subset(&ids(&new)), "{name}: the 0.1 build's rules are all still there");
        }
        let (a, b) = (scan(&old, "app.py", SAMPLE, None).unwrap(), scan(&new, "app.py", SAMPLE, None).unwrap());
        assert!(!a.findings.is_empty(), "{name}: the sample must exercise the pack");
        assert_eq!(a, b, "{name}: identical findings through 0.1.0 and 0.2.0");
        let (pa, pb) = (old.scan_project(&["a.py"], &[2], &Default::default()), new.scan_project(&["a.py"], &[2], &Default::default()));
        if name == "test-basic" {
            assert_eq!(pa.unwrap(), pb.unwrap(), "project-level findings agree too");
        }
    }
}

#[test]
fn a_component_built_from_the_frozen_0_1_wit_uses_the_0_1_host_interface() {
    let rt = runtime();
    let v01 = current(&rt, "test-api-v0-1", PackLimits::default());
    assert_eq!(v01.api_version(), ApiVersion::V0_1);
    let basic = current(&rt, "test-basic", PackLimits::default());
    let positions = |o: ScanOutput| o.findings.iter().map(|f| (f.line, f.column, f.end_line, f.end_column)).collect::<Vec<_>>();
    let old = positions(scan(&v01, "notes.txt", SAMPLE, None).unwrap());
    assert_eq!(old.len(), 2);
    assert_eq!(old, positions(scan(&basic, "notes.txt", SAMPLE, Some("BASIC-TODO")).unwrap()));
}

const PY: &str = "class A:\n    def eval(self):\n        return 'eval(1)'\n# eval(2)\nvalue = eval(data)\nobj.eval(x)\n";

#[test]
fn a_query_rule_reports_the_call_and_not_the_definition_string_or_comment() {
    let rt = runtime();
    let pack = current(&rt, "test-syntax", PackLimits::default());
    let out = scan(&pack, "a.py", PY, Some("SYN-EVAL")).unwrap();
    let got: Vec<(u32, u32, &str)> = out.findings.iter().map(|f| (f.line, f.column, f.message.as_str())).collect();
    assert_eq!(got, [(5, 9, "calls eval")], "{out:?}");
}

#[test]
fn a_pack_walks_from_a_captured_node_to_its_parent_and_children() {
    let rt = runtime();
    let pack = current(&rt, "test-syntax", PackLimits::default());
    let out = scan(&pack, "a.py", "print(len(x))\n", Some("SYN-NAV")).unwrap();
    assert_eq!(out.findings[0].message, "print(len(x)) in expression_statement: identifier=print argument_list=(len(x))", "{out:?}");
}

#[test]
fn live_queries_are_bounded_and_handles_die_with_their_call() {
    let rt = runtime();
    let pack = current(&rt, "test-syntax", PackLimits::default());
    let out = scan(&pack, "a.py", PY, Some("SYN-FLOOD")).unwrap();
    // The pack's query rule holds one query already.
    let expected = format!("refused after {}: more than {} syntax queries at once", sentra_runtime::MAX_LIVE_QUERIES - 1, sentra_runtime::MAX_LIVE_QUERIES);
    assert!(out.findings[0].message.starts_with(&expected), "{out:?}");
    let first = scan(&pack, "a.py", PY, Some("SYN-STALE")).unwrap();
    assert_eq!(first.findings[0].message, "first call");
    let second = scan(&pack, "b.py", "", Some("SYN-STALE")).unwrap();
    assert!(second.findings[0].message.starts_with("stale: no syntax node with handle"), "{second:?}");
}

#[test]
fn parsing_counts_against_the_pack_deadline_and_memory_limit() {
    let rt = runtime();
    // 1.2 MB: its tree fits the default 64 MiB memory limit, its parse does not fit 100 ms.
    let big = "f(a, [1, 2, (3, {4: 5})])\n".repeat(46_000);
    let limits = PackLimits { call_timeout: Duration::from_millis(100), ..PackLimits::default() };
    let pack = current(&rt, "test-syntax", limits);
    let err = scan(&pack, "big.py", &big, Some("SYN-EVAL")).unwrap_err();
    assert!(matches!(err, PackError::Timeout { limit_ms: 100, .. }), "{err}");

    let limits = PackLimits { memory_bytes: 16 << 20, ..PackLimits::default() };
    let pack = current(&rt, "test-syntax", limits);
    let one_mb = "x = eval(y)\n".repeat(90_000);
    let out = scan(&pack, "big.py", &one_mb, Some("SYN-EVAL")).unwrap();
    assert!(out.findings.is_empty());
    assert!(out.errors[0].message.contains("syntax tree") && out.errors[0].message.contains("limit"), "{out:?}");
}

#[test]
fn a_file_is_parsed_once_for_every_pack_and_its_errors_are_noted() {
    let rt = runtime();
    let a = current(&rt, "test-syntax", PackLimits::default());
    let b = current(&rt, "test-syntax", PackLimits::default());
    let data = FileData::new(b"def broken(:\n    pass\neval(x)\n".to_vec());
    let rules = [0u32];
    for pack in [&a, &b] {
        let out = pack.scan(&[FileInput { path: "a.py", data: data.clone(), rules: &rules }], &Default::default()).unwrap();
        assert_eq!(out.findings.iter().map(|f| f.line).collect::<Vec<_>>(), [3], "the well-formed part still answers");
    }
    assert_eq!(data.syntax_errors(), ["python"]);
}

const FLASK: &str = "from flask import request\n\ndef view(cursor):\n    name = request.args.get('n')\n    sql = 'SELECT ' + name\n    cursor.execute(sql)\n    cursor.execute('SELECT %d' % int(request.args['k']))\n";

#[test]
fn a_data_flow_finding_at_the_sink_carries_the_path() {
    let rt = runtime();
    let pack = current(&rt, "test-syntax", PackLimits::default());
    let out = scan(&pack, "app.py", FLASK, Some("SYN-TAINT")).unwrap();
    assert_eq!(out.findings.len(), 1, "{out:?}");
    let f = &out.findings[0];
    assert_eq!((f.line, f.column, f.end_line, f.end_column), (6, 20, 6, 23));
    assert_eq!(f.message, "request data in SQL (untrusted data from `request.args` on line 4)");
    let steps: Vec<(u32, &str)> = f.flow.iter().map(|s| (s.line, s.label.as_str())).collect();
    assert_eq!(steps, [(4, "untrusted data enters at `request.args`"), (4, "flows into `name`"), (5, "flows into `sql`"), (6, "reaches the sink as `sql`")]);
    // A finding the pack puts anywhere but a flow's sink carries no path.
    let out = scan(&pack, "app.py", FLASK, Some("SYN-TAINT-ELSEWHERE")).unwrap();
    assert_eq!(out.findings.len(), 1, "{out:?}");
    assert!(out.findings[0].flow.is_empty());
}

#[test]
fn data_flow_analysis_counts_against_the_pack_deadline() {
    let rt = runtime();
    let limits = PackLimits { call_timeout: Duration::from_millis(100), ..PackLimits::default() };
    let pack = current(&rt, "test-syntax", limits);
    let body = "    a = request.args.get('x')\n    b = a + 'y'\n    cursor.execute(b)\n".repeat(9_000);
    let big = format!("def view(cursor):\n{body}");
    let err = scan(&pack, "big.py", &big, Some("SYN-TAINT")).unwrap_err();
    assert!(matches!(err, PackError::Timeout { limit_ms: 100, .. }), "{err}");
}
