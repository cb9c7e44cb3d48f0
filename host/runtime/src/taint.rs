//! The data-flow capability of pack API 0.2, version-neutral: compiling a rule (counted
//! with the instance's live queries), running it on a file of the current call under the
//! call's deadline, and remembering the flows it returned so a finding the pack reports
//! at a flow's sink carries that flow.

use std::sync::Arc;

use sentra_model::FlowStep;
use sentra_syntax::SyntaxError;
use sentra_taint::{Flow, TaintError, TaintRule, TaintSpec};
use wasmtime::component::Resource;

use crate::host::HostState;
use crate::syntax::MAX_LIVE_QUERIES;
use crate::types::ScanOutput;

/// The host side of the `taint-rule` resource.
pub struct TaintRes(Arc<TaintRule>);

/// Flows one call remembers for its findings; past it, flows are still returned to the
/// pack but findings at their sinks carry no path.
pub const MAX_FLOWS_PER_CALL: usize = 5_000;

/// Flows returned during the current call, by file id.
#[derive(Default)]
pub struct CallFlows {
    flows: Vec<(u32, Flow)>,
}

impl CallFlows {
    pub fn clear(&mut self) {
        self.flows.clear();
    }

    /// Gives each finding reported exactly at a remembered flow's sink that flow's steps.
    pub fn attach(&self, out: &mut ScanOutput) {
        if self.flows.is_empty() {
            return;
        }
        for f in &mut out.findings {
            let at = |(file, flow): &&(u32, Flow)| {
                let s = flow.sink();
                *file == f.file && s.line == f.line && s.column == f.column && s.end_line == f.end_line && s.end_column == f.end_column
            };
            if let Some((_, flow)) = self.flows.iter().find(at) {
                f.flow = flow
                    .steps
                    .iter()
                    .map(|s| FlowStep { line: s.line, column: s.column, end_line: s.end_line, end_column: s.end_column, label: s.label.clone() })
                    .collect();
            }
        }
    }
}

impl HostState {
    pub(crate) fn compile_taint_native(&mut self, spec: &TaintSpec) -> Result<Resource<TaintRes>, String> {
        if self.syntax.live_queries >= MAX_LIVE_QUERIES {
            return Err(format!("more than {MAX_LIVE_QUERIES} syntax queries and data-flow rules at once; drop the ones no longer used"));
        }
        let rule = TaintRule::compile(spec).map_err(|e| e.to_string())?;
        let r = self.table().push(TaintRes(Arc::new(rule))).map_err(|e| e.to_string())?;
        self.syntax.live_queries += 1;
        Ok(r)
    }

    pub(crate) fn drop_taint(&mut self, rep: Resource<TaintRes>) -> wasmtime::Result<()> {
        self.table().delete(rep)?;
        self.syntax.live_queries = self.syntax.live_queries.saturating_sub(1);
        Ok(())
    }

    pub(crate) fn taint_flows_native(&mut self, r: &Resource<TaintRes>, file: u32) -> Result<Vec<Flow>, String> {
        let rule = self.table().get(r).map(|r| r.0.clone()).map_err(|e| format!("invalid taint-rule handle: {e}"))?;
        // No literal of a source or of a sink: no flow, and no tree needed for this rule.
        if self.files.get(file as usize).is_some_and(|d| !rule.may_flow(d.bytes())) {
            return Ok(Vec::new());
        }
        let path = self.paths.get(file as usize).map_or("", String::as_str);
        let lang = rule.lang().for_path(path);
        let (tree, data) = self.tree_of(file, lang)?;
        let mut stop = self.stop_check();
        let index = match data.index(lang, &tree, &mut stop) {
            Ok(index) => index,
            Err(SyntaxError::Stopped) => return Err(self.stopped_now()),
            Err(e) => return Err(e.to_string()),
        };
        let flows = match rule.run_indexed(&tree, data.bytes(), &index, &mut stop) {
            Ok(flows) => flows,
            Err(TaintError::Syntax(SyntaxError::Stopped)) => return Err(self.stopped_now()),
            Err(e) => return Err(e.to_string()),
        };
        let room = MAX_FLOWS_PER_CALL.saturating_sub(self.flows.flows.len());
        self.flows.flows.extend(flows.iter().take(room).map(|f| (file, f.clone())));
        Ok(flows)
    }
}
