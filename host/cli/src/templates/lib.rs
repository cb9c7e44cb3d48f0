//! {{NAME}}: a sentra pack in Rust. Build with
//! `cargo build --release --target wasm32-wasip2`, test with
//! `sentra pack test . --pack-file target/wasm32-wasip2/release/{{CRATE}}.wasm`.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule, Severity};

/// Functions longer than this many lines are reported.
const MAX_LINES: usize = 40;

struct TeamPack;

impl Pack for TeamPack {
    fn info() -> PackMeta {
        PackMeta::new("{{NAME}}", "{{NAME}}").version("0.1.0").license("Apache-2.0")
    }

    fn rules() -> Vec<Rule> {
        vec![
            // Regex rules run natively in the host; the literal lets it skip files.
            Rule::regex("{{PREFIX}}-TASK-NO-ISSUE", "TODO without an issue reference", r"\bTODO\b(?!\(#\d+\))")
                .literals(["TODO"])
                .severity(Severity::Low)
                .globs(["**/*.py"]),
            // A hand-written check: what a regex cannot count.
            Rule::check("{{PREFIX}}-LONG-FUNCTION", "Function longer than 40 lines").severity(Severity::Low).globs(["**/*.py"]),
        ]
    }

    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        let text = file.text();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let indent = line.len() - line.trim_start().len();
            if !line.trim_start().starts_with("def ") {
                continue;
            }
            // The body runs until the next non-blank line indented no deeper than the def.
            let body = lines[i + 1..].iter().take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > indent).count();
            let body = body - lines[i + 1..i + 1 + body].iter().rev().take_while(|l| l.trim().is_empty()).count();
            if body + 1 > MAX_LINES {
                out.report_line(i as u32 + 1);
            }
        }
    }
}

sentra_sdk::export_pack!(TeamPack);
