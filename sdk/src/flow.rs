//! Data-flow rules: the host follows values from sources to sinks through a file's
//! functions (`compile-taint`); this reports each flow at its sink.

use crate::bindings::sentra::pack::host::{TaintFlow, TaintRule};
use crate::{File, Findings};

/// A finding's message for `flow`: `base`, then where the data came from.
pub fn flow_message(base: &str, flow: &TaintFlow) -> String {
    match flow.steps.first() {
        Some(source) if flow.steps.len() > 1 => {
            let what = source.label.strip_prefix("untrusted data enters at ").unwrap_or(&source.label);
            format!("{base} (untrusted data from {what} on line {})", source.line)
        }
        _ => base.to_string(),
    }
}

/// Reports every flow `rule` finds in `file`, one finding at each sink (the host gives
/// the finding the flow's steps). A failure is reported as the rule's error.
pub fn report_flows(rule: &TaintRule, file: &File<'_>, out: &mut Findings) {
    let flows = match rule.flows(file.id) {
        Ok(flows) => flows,
        Err(e) => {
            out.error(e.message);
            return;
        }
    };
    let base = out.message().to_string();
    for flow in &flows {
        let Some(sink) = flow.steps.last() else { continue };
        out.report_with(sink.line, sink.column, sink.end_line, sink.end_column, flow_message(&base, flow), None);
    }
}
