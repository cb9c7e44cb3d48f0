//! The syntax capability from a pack's side: an SDK query rule, a hand-written check that
//! walks from a captured node to its parent and children, and two that probe the bounds
//! (live queries per instance, handles from an earlier call); and a data-flow rule, whose
//! findings at a flow's sink carry the flow and whose findings elsewhere do not.
use std::cell::Cell;

use sentra_sdk::syntax::{compile_query, node_children, node_parent};
use sentra_sdk::taint::{TaintPattern, TaintRule, TaintSpec, compile_taint, report_flows};
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule, Severity};

thread_local! {
    static OLD_HANDLE: Cell<Option<u32>> = const { Cell::new(None) };
    static TAINT: std::cell::OnceCell<Result<TaintRule, String>> = const { std::cell::OnceCell::new() };
}

/// Flask request data into `cursor.execute`, unless `int()` made it a number.
fn sql_rule() -> Result<TaintRule, String> {
    let spec = TaintSpec {
        language: "python".into(),
        sources: vec![TaintPattern::Code("request.args".into())],
        sinks: vec![TaintPattern::Code("$C.execute($SINK, ...)".into())],
        sanitizers: vec![TaintPattern::Code("int(...)".into())],
        propagators: vec![],
        unknown_calls_propagate: true,
    };
    compile_taint(&spec).map_err(|e| e.message)
}

struct Syntax;
impl Pack for Syntax {
    fn info() -> PackMeta {
        PackMeta::new("test-syntax", "Syntax test pack").license("MIT")
    }
    fn rules() -> Vec<Rule> {
        vec![
            Rule::query("SYN-EVAL", "eval call", "python", r#"(call function: (identifier) @f (#eq? @f "eval")) @call"#)
                .report("call")
                .message("calls {{f}}")
                .severity(Severity::High),
            Rule::check("SYN-NAV", "navigation"),
            Rule::check("SYN-FLOOD", "too many queries"),
            Rule::check("SYN-STALE", "handle from an earlier call"),
            Rule::check("SYN-TAINT", "request data in SQL").literals(["args"]),
            Rule::check("SYN-TAINT-ELSEWHERE", "a finding away from the sink"),
        ]
    }
    fn check(rule: &Rule, file: &File<'_>, out: &mut Findings) {
        match rule.id() {
            "SYN-NAV" => navigate(file, out),
            "SYN-TAINT" => TAINT.with(|t| match t.get_or_init(sql_rule) {
                Ok(rule) => report_flows(rule, file, out),
                Err(e) => out.error(e.clone()),
            }),
            "SYN-TAINT-ELSEWHERE" => {
                let Ok(rule) = sql_rule() else { return };
                for flow in rule.flows(file.id).unwrap_or_default() {
                    let s = &flow.steps[0];
                    out.report_with(s.line, s.column, s.end_line, s.end_column, "at the source".into(), None);
                }
            }
            "SYN-FLOOD" => {
                let mut held = Vec::new();
                for i in 0..2_000 {
                    match compile_query("python", "(call) @c") {
                        Ok(q) => held.push(q),
                        Err(e) => return out.report_with(1, 1, 1, 1, format!("refused after {i}: {}", e.message), None),
                    }
                }
                out.report_with(1, 1, 1, 1, "never refused".into(), None);
            }
            "SYN-STALE" => {
                // The first call keeps a handle; a later call (which makes none of its own)
                // must find it gone: handles live for one call.
                let message = match OLD_HANDLE.with(Cell::get) {
                    None => {
                        let q = compile_query("python", "(module) @m").expect("compiles");
                        let handle = q.matches(file.id, false).ok().and_then(|r| r.matches.first().map(|m| m.captures[0].node.handle));
                        OLD_HANDLE.with(|h| h.set(handle));
                        "first call".to_string()
                    }
                    Some(old) => match node_parent(old, false) {
                        Err(e) => format!("stale: {}", e.message),
                        Ok(_) => "stale handle still answers".to_string(),
                    },
                };
                out.report_with(1, 1, 1, 1, message, None);
            }
            _ => {}
        }
    }
}

fn navigate(file: &File<'_>, out: &mut Findings) {
    let q = match compile_query("python", "(call) @c") {
        Ok(q) => q,
        Err(e) => return out.error(e.message),
    };
    let found = match q.matches(file.id, true) {
        Ok(f) => f,
        Err(e) => return out.error(e.message),
    };
    let Some(call) = found.matches.first().map(|m| m.captures[0].node.clone()) else { return };
    let parent = node_parent(call.handle, false).ok().flatten().map(|p| p.kind).unwrap_or_default();
    let kids: Vec<String> =
        node_children(call.handle, true, true).unwrap_or_default().into_iter().map(|k| format!("{}={}", k.kind, k.text.unwrap_or_default())).collect();
    out.report_with(call.line, call.column, call.end_line, call.end_column, format!("{} in {parent}: {}", call.text.unwrap_or_default(), kids.join(" ")), None);
}

sentra_sdk::export_pack!(Syntax);
