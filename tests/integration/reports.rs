//! Reports end to end: real scans rendered by the CLI and the API, checked by the tools
//! that consume them: the OASIS SARIF schema, the two JUnit XSDs (with `xmllint`) and
//! headless Chromium for the HTML report.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::server::{Server, assert_error};
use super::{fixtures, repo_root, sentra, stderr, test_pack, write};

fn conformance(file: &str) -> PathBuf {
    repo_root().join("tests/conformance").join(file)
}

fn assert_valid_sarif(doc: &str, what: &str) -> Value {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(conformance("sarif-schema-2.1.0.json")).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let value: Value = serde_json::from_str(doc).unwrap_or_else(|e| panic!("{what}: SARIF is not JSON: {e}"));
    let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "{what}: SARIF fails the OASIS schema:\n{}", errors.join("\n"));
    value
}

/// `xmllint` from Debian's libxml2-utils (installed by `.ci/run`).
fn assert_valid_junit(file: &Path, what: &str) {
    for xsd in ["junit-jenkins-xunit-junit-10.xsd", "junit-windyroad-JUnit.xsd"] {
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(conformance(xsd))
            .arg(file)
            .output()
            .unwrap_or_else(|e| panic!("cannot run xmllint ({e}): install Debian's libxml2-utils (`.ci/run` does)"));
        assert!(out.status.success(), "{what}: JUnit fails {xsd}:\n{}", String::from_utf8_lossy(&out.stderr));
    }
}

/// The scans of the issue: with findings, with none, with an errored pack (and
/// obligations, a skipped rule, hostile text), with obligations only.
fn scans(tmp: &Path) -> Vec<(&'static str, PathBuf, Vec<String>)> {
    let clean = tmp.join("clean");
    write(&clean, "ok.py", "x = 1\n");
    let reports = fixtures().join("reports");
    let obligation = fixtures().join("declarative/obligation");
    vec![
        ("findings", fixtures().join("secrets"), vec![]),
        ("none", clean, vec![]),
        (
            "errored pack",
            reports.join("tree"),
            vec![
                "--pack".into(),
                "fx-reports,test-trap".into(),
                "--pack-file".into(),
                reports.join("pack.yaml").display().to_string(),
                "--pack-file".into(),
                test_pack("test-trap"),
            ],
        ),
        (
            "obligations",
            obligation.join("tests"),
            vec!["--pack".into(), "fx-obligation".into(), "--pack-file".into(), obligation.join("pack.yaml").display().to_string()],
        ),
    ]
}

#[test]
fn sarif_and_junit_validate_for_every_kind_of_scan() {
    let tmp = tempfile::tempdir().unwrap();
    for (what, dir, extra) in scans(tmp.path()) {
        let sarif_file = tmp.path().join(format!("{}.sarif", what.replace(' ', "-")));
        let junit_file = tmp.path().join(format!("{}.xml", what.replace(' ', "-")));
        let mut args: Vec<String> = vec!["gate".into(), dir.display().to_string(), "--format".into(), "sarif".into(), "-o".into()];
        args.push(sarif_file.display().to_string());
        args.extend(extra.iter().cloned());
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = sentra(&argv, tmp.path(), &[]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{what}: {}", stderr(&o));
        let sarif = assert_valid_sarif(&std::fs::read_to_string(&sarif_file).unwrap(), what);
        let run = &sarif["runs"][0];
        let results = run["results"].as_array().unwrap();
        // Every result points at its rule, and the rule is described.
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(run["tool"]["driver"]["rules"][i]["id"], r["ruleId"], "{what}");
            assert!(r["partialFingerprints"]["sentraFingerprint/v1"].is_string());
        }
        match what {
            "findings" => {
                assert!(!results.is_empty());
                assert!(results.iter().all(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64()));
                let rule = &run["tool"]["driver"]["rules"][0];
                assert!(rule["properties"]["security-severity"].is_number(), "{rule}");
                assert!(rule["properties"]["tags"].as_array().unwrap().iter().any(|t| t == "external/cwe/cwe-798"), "{rule}");
            }
            "none" => assert!(results.is_empty()),
            "errored pack" => {
                let notes = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
                assert!(notes.iter().any(|n| n["level"] == "error" && n["message"]["text"].as_str().unwrap().contains("test-trap")));
                assert!(notes.iter().any(|n| n["message"]["text"].as_str().unwrap().contains("RPT-LLM")), "the skipped rule is noted");
                assert_eq!(run["invocations"][0]["executionSuccessful"], false);
                let fixed = results.iter().find(|r| r["ruleId"] == "RPT-DEBUG").unwrap();
                let change = &fixed["fixes"][0]["artifactChanges"][0];
                assert_eq!(change["replacements"][0]["insertedContent"]["text"], "DEBUG = False");
                assert_eq!(change["replacements"][0]["deletedRegion"]["startLine"], 3);
                assert!(results.iter().filter(|r| r["ruleId"] != "RPT-DEBUG").all(|r| r.get("fixes").is_none()), "no empty fixes");
            }
            "obligations" => {
                let ob = results.iter().find(|r| r["ruleId"] == "OB-PRIVACY").unwrap();
                assert_eq!((ob["kind"].as_str(), ob["level"].as_str()), (Some("review"), Some("none")));
                assert_eq!(ob["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], ".");
            }
            _ => unreachable!(),
        }

        let mut args: Vec<String> = vec!["scan".into(), dir.display().to_string(), "--format".into(), "junit".into(), "-o".into()];
        args.push(junit_file.display().to_string());
        args.extend(extra.iter().cloned());
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = sentra(&argv, tmp.path(), &[]);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
        assert_valid_junit(&junit_file, what);
        let xml = std::fs::read_to_string(&junit_file).unwrap();
        match what {
            "findings" => assert!(xml.contains("<failure type=\"critical\"")),
            "none" => assert!(!xml.contains("<failure") && xml.contains("<testcase")),
            "errored pack" => assert!(xml.contains("<error type=\"pack_error\"") && xml.contains("<skipped message=")),
            _ => {}
        }
    }

    // A saved scan renders the same way later.
    let saved = tmp.path().join("saved.json");
    let (_, dir, extra) = scans(tmp.path()).remove(2);
    let mut args: Vec<String> = vec!["gate".into(), dir.display().to_string(), "--format".into(), "json".into(), "-o".into(), saved.display().to_string()];
    args.extend(extra);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    sentra(&argv, tmp.path(), &[]);
    let o = sentra(&["report", "--input", saved.to_str().unwrap(), "--format", "sarif"], tmp.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_valid_sarif(&String::from_utf8_lossy(&o.stdout), "sentra report");
    let o = sentra(&["report", "--input", "missing.json", "--format", "html"], tmp.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.json"), "{}", stderr(&o));
}

#[test]
fn html_report_renders_in_headless_chromium_with_no_errors_or_requests() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, dir, extra) = scans(tmp.path()).remove(2);
    let html_file = tmp.path().join("report.html");
    let mut args: Vec<String> = vec!["gate".into(), dir.display().to_string(), "--format".into(), "html".into(), "-o".into(), html_file.display().to_string()];
    args.extend(extra.iter().cloned());
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(sentra(&argv, tmp.path(), &[]).status.code(), Some(1));
    let mut args: Vec<String> = vec!["scan".into(), dir.display().to_string(), "--format".into(), "json".into()];
    args.extend(extra);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let scan: Value = serde_json::from_slice(&sentra(&argv, tmp.path(), &[]).stdout).unwrap();
    let counted = scan["findings"].as_array().unwrap().iter().filter(|f| f["is_obligation"] == false).count();

    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
        .expect("headless Chromium is needed: install Debian's `chromium` (`.ci/run` does)");
    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report.png");
    let _ = std::fs::remove_file(&screenshot);
    let url = format!("file://{}", html_file.display());
    let run = |extra: &[String]| {
        let profile = tempfile::tempdir().unwrap();
        let out = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1280,2400",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&url)
            .output()
            .unwrap();
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (dom, log) = run(&["--dump-dom".to_string()]);
    // Console messages, uncaught errors and blocked requests (the page's CSP forbids every
    // request, and Chromium logs each attempt) all appear as CONSOLE lines.
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "the report logged to the console:\n{}", console.join("\n"));
    let shown = dom.split("id=\"shown-count\">").nth(1).and_then(|r| r.split('<').next()).unwrap_or_else(|| panic!("no count in {dom}"));
    assert_eq!(shown, counted.to_string(), "the count the page computes is the scan's");
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "hostile text renders as text");
    assert!(dom.contains(">failed<"), "the gate verdict is shown");
    let (_, _) = run(&[format!("--screenshot={}", screenshot.display())]);
    let png = std::fs::read(&screenshot).expect("a screenshot of the report");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "screenshot at {}", screenshot.display());
}

#[test]
fn configured_reporters_write_files_that_the_next_scan_skips() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "app.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    write(tmp.path(), ".sentra/config.yaml", "reporters: [html, sarif, junit, csv, json]\noutput_dir: reports-out\n");
    for _ in 0..2 {
        let o = sentra(&["scan", ".", "--format", "json"], tmp.path(), &[]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["total"], 1, "the reports (which quote the secret) are not scanned: {}", v["findings"]);
    }
    for f in ["sentra-report.html", "sentra.sarif", "sentra-junit.xml", "sentra-findings.csv", "sentra-scan.json"] {
        let p = tmp.path().join("reports-out").join(f);
        assert!(p.is_file(), "{f}");
    }
    assert_valid_sarif(&std::fs::read_to_string(tmp.path().join("reports-out/sentra.sarif")).unwrap(), "reporters");
    write(tmp.path(), ".sentra/config.yaml", "reporters: [pdf]\n");
    let o = sentra(&["scan", "."], tmp.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("reporters") && stderr(&o).contains("pdf"), "{}", stderr(&o));
}

#[test]
fn api_reports_in_every_format_and_as_downloads() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", "K = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let s = Server::start(root.path());
    for format in ["json", "csv", "sarif", "junit", "html"] {
        let (status, _, v) = s.call("POST", &format!("/report?format={format}"), None, Some("{}"));
        assert_eq!(status, 200, "{format}: {v}");
        assert_eq!(v["format"], format);
        let content = v["content"].as_str().unwrap();
        if format == "sarif" {
            assert_valid_sarif(content, "API");
        }
        if format == "junit" {
            let f = root.path().join("api.xml");
            std::fs::write(&f, content).unwrap();
            assert_valid_junit(&f, "API");
            std::fs::remove_file(&f).unwrap();
        }
    }
    let r = s.client.post(format!("{}/report?format=sarif&download=true", s.base)).body("{}").send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "application/sarif+json");
    assert_eq!(r.headers()["content-disposition"], "attachment; filename=\"sentra.sarif\"");
    assert_valid_sarif(&r.text().unwrap(), "download");
    let r = s.client.post(format!("{}/report?format=html&download=true", s.base)).body("{}").send().unwrap();
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(r.text().unwrap().starts_with("<!DOCTYPE html>"));
    let (status, _, v) = s.call("POST", "/report?format=pdf", None, Some(r#"{"repo_path": "../../etc"}"#));
    assert_error(status, &v, 400, "unknown_format");
}
