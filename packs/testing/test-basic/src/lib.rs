//! A well-behaved test pack exercising every SDK path: a regex rule, a hand-written check
//! and a project-level rule.
use sentra_sdk::{File, Findings, Pack, PackMeta, Project, Rule, Severity};

struct Basic;
impl Pack for Basic {
    fn info() -> PackMeta {
        PackMeta::new("test-basic", "Basic test pack").version("1.2.3").license("MIT")
    }
    fn rules() -> Vec<Rule> {
        vec![
            Rule::regex("BASIC-TODO", "TODO marker", r"TODO\(\w+\)").literals(["TODO("]).severity(Severity::Low),
            Rule::check("BASIC-LONG-LINE", "Long line").description("Line longer than 120 characters.").globs(["**/*.py"]),
            Rule::project("BASIC-README", "README missing").category("documentation"),
        ]
    }
    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        for (i, line) in file.text().lines().enumerate() {
            if line.chars().count() > 120 {
                out.report_line(i as u32 + 1);
            }
        }
    }
    fn check_project(_rule: &Rule, project: &Project, out: &mut Findings) {
        if !project.files.iter().any(|f| f.eq_ignore_ascii_case("README.md")) {
            out.report_line(1);
        }
    }
}
sentra_sdk::export_pack!(Basic);
