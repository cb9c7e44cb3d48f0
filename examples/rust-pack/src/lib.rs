//! An example custom pack: a team's own rules, written in Rust against the SDK and
//! compiled to a Wasm component (`cargo build --release --target wasm32-wasip2`).
//!
//! Import it into a running server with
//! `curl -X POST 'localhost:8000/api/packs/import?pack_id=example-rust' -H 'content-type: application/wasm' --data-binary @example_rust_pack.wasm`
//! or `sentra pack import example_rust_pack.wasm`.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule, Severity};

struct Example;

impl Pack for Example {
    fn info() -> PackMeta {
        PackMeta::new("example-rust", "Example team rules (Rust)").version("1.0.0").license("Apache-2.0")
    }

    fn rules() -> Vec<Rule> {
        vec![
            // A regex rule: the host runs the pattern natively; the literal lets it skip
            // files that cannot match.
            Rule::regex("EX-DEBUG-PRINT", "Debug print left in code", r#"\bprint\(\s*f?['"]debug"#)
                .literals(["print("])
                .severity(Severity::Low)
                .globs(["**/*.py"]),
            // A hand-written check: flag IPv4 literals, which tie code to one network.
            Rule::check("EX-HARDCODED-IP", "Hard-coded IP address")
                .description("An IPv4 address literal ties the code to one network.")
                .severity(Severity::Medium),
        ]
    }

    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        for (i, line) in file.text().lines().enumerate() {
            if line.split(|c: char| !(c.is_ascii_digit() || c == '.')).any(is_ipv4) {
                out.report_line(i as u32 + 1);
            }
        }
    }
}

fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
}

sentra_sdk::export_pack!(Example);
