//! The `security-controls` pack: presence rules (`required_file`). Each rule reports its
//! one project-level finding on a tree without the control and on a near miss (the file
//! is there but does not show the control), and nothing once the control exists; a rule
//! whose `applies_when` does not hold is not applicable. The pack's fixtures are these
//! trees: `sentra pack test` annotates lines, and these findings have none.

use std::path::Path;

use serde_json::Value;

use super::{json, sentra, stderr, write};

const PERSONAL: (&str, &str) = ("billing.py", "def bill(patient_id):\n    return patient_id\n");

/// Rule, files of a near miss, files that show the control; each tree also holds
/// `PERSONAL` and a `requirements.txt` without hashes unless the case writes its own.
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &[(&str, &str)], &[(&str, &str)])] = &[
    (
        "CTRL-CI-RUNS-TESTS",
        &[(".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      - run: make build  # pytest comes later\n")],
        &[(".gitlab-ci.yml", "test:\n  script:\n    - go test ./...\n")],
    ),
    ("CTRL-CODEOWNERS", &[("CODEOWNERS", "# owners to be decided\n")], &[(".github/CODEOWNERS", "/src/ @acme/payments\n")]),
    ("CTRL-SECURITY-POLICY", &[("docs/security.html", "<p>Report issues</p>\n")], &[("SECURITY.md", "Report vulnerabilities to security@acme.example.\n")]),
    (
        "CTRL-DEPENDENCY-SCANNING",
        &[(".github/workflows/ci.yml", "jobs:\n  t:\n    steps:\n      - run: pytest\n      # - run: pip-audit\n")],
        &[(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n")],
    ),
    (
        "CTRL-LOCKFILE-PYTHON",
        &[("requirements.txt", "requests==2.32.3\n")],
        &[("requirements.txt", "requests==2.32.3 --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6\n")],
    ),
    (
        "CTRL-LOCKFILE-NPM",
        &[("package.json", "{\"name\": \"a\"}\n"), ("yarn.lock", "# empty\n")],
        &[("package.json", "{\"name\": \"a\"}\n"), ("package-lock.json", "{\"packages\": {\"node_modules/x\": {\"integrity\": \"sha512-AAAA\"}}}\n")],
    ),
    ("CTRL-LOCKFILE-GO", &[("go.mod", "module example.com/a\n")], &[("go.mod", "module example.com/a\n"), ("go.sum", "golang.org/x/text v0.21.0 h1:abc=\n")]),
    (
        "CTRL-LOCKFILE-RUST",
        &[("Cargo.toml", "[package]\nname = \"a\"\n"), ("Cargo.lock", "version = 4\n")],
        &[
            ("Cargo.toml", "[package]\nname = \"a\"\n"),
            ("Cargo.lock", "[[package]]\nname = \"b\"\nchecksum = \"0000000000000000000000000000000000000000000000000000000000000000\"\n"),
        ],
    ),
    (
        "CTRL-LOCKFILE-RUBY",
        &[("Gemfile", "source 'https://rubygems.org'\n")],
        &[("Gemfile", "source 'https://rubygems.org'\n"), ("Gemfile.lock", "GEM\n  specs:\n")],
    ),
    (
        "CTRL-LOCKFILE-PHP",
        &[("composer.json", "{}\n"), ("composer.lock", "{}\n")],
        &[("composer.json", "{}\n"), ("composer.lock", "{\"content-hash\": \"ab\"}\n")],
    ),
    ("CTRL-LOCKFILE-DOTNET", &[("App.csproj", "<Project/>\n")], &[("App.csproj", "<Project/>\n"), ("packages.lock.json", "{\"contentHash\": \"x\"}\n")]),
    (
        "CTRL-LOCKFILE-GRADLE",
        &[("build.gradle", "plugins { id 'java' }\n")],
        &[("build.gradle", "plugins { id 'java' }\n"), ("gradle/verification-metadata.xml", "<verification-metadata/>\n")],
    ),
    (
        "CTRL-AUDIT-LOGGING",
        &[("log.py", "import logging\nlog = logging.getLogger(__name__)  # not an audit trail\n")],
        &[("Audit.java", "class A { void f() { auditLog.info(\"patient read\"); } }\n")],
    ),
    (
        "CTRL-ENCRYPTION-AT-REST",
        &[("store.js", "const c = crypto.createCipheriv('aes-256-cbc', key, iv);\n")],
        &[("store.go", "package s\nfunc f() { g, _ := cipher.NewGCM(block); _ = g }\n")],
    ),
];

fn findings(dir: &Path) -> Value {
    let out = sentra(&["scan", ".", "--pack", "security-controls", "--format", "json"], dir, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), PERSONAL.0, PERSONAL.1);
    if !files.iter().any(|(p, _)| *p == "requirements.txt") {
        write(dir.path(), "requirements.txt", "requests==2.32.3\n");
    }
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

fn fired(v: &Value, rule: &str) -> bool {
    v["findings"].as_array().unwrap().iter().any(|f| f["rule_id"] == rule && f["evidence"]["file"] == "<project>")
}

#[test]
fn each_control_fires_when_missing_or_only_almost_there_and_is_quiet_once_present() {
    let bare = findings(tree(&[]).path());
    for (rule, near, present) in CASES {
        let applies_bare = !bare["not_applicable_rules"].as_array().unwrap().iter().any(|r| r == &format!("security-controls/{rule}"));
        if applies_bare {
            assert!(fired(&bare, rule), "{rule}: no finding on a tree without the control");
        }
        let near_v = findings(tree(near).path());
        assert!(fired(&near_v, rule), "{rule}: the near miss {near:?} must not count as the control");
        let ok = findings(tree(present).path());
        assert!(!fired(&ok, rule), "{rule}: the control {present:?} is there");
        assert!(ok["rules"].as_array().unwrap().iter().any(|r| r["rule_id"] == *rule || r["id"] == *rule), "{rule} ran: {}", ok["rules"]);
    }
    // Lock-file rules apply only where their manifest is; personal-data controls only
    // where the code handles personal data.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.py", "x = 1\n");
    let v = findings(dir.path());
    let na: Vec<&str> = v["not_applicable_rules"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    for rule in ["CTRL-LOCKFILE-NPM", "CTRL-LOCKFILE-PYTHON", "CTRL-AUDIT-LOGGING", "CTRL-ENCRYPTION-AT-REST"] {
        assert!(na.contains(&format!("security-controls/{rule}").as_str()), "{rule} applies to a tree without its trigger: {na:?}");
    }
}
