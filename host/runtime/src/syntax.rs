//! The syntax capability of pack API 0.2, version-neutral: compiling queries, running
//! them on a file of the current call (parsing it on first use, under the call's
//! deadline and the pack's memory limit), and node handles valid for one call.

use std::sync::Arc;

use sentra_syntax::{Lang, NodeInfo, NodeRef, SyntaxError, SyntaxQuery};
use wasmtime::component::Resource;

use crate::host::{HostState, StopReason, stop_reason};

/// The host side of the `syntax-query` resource.
pub struct QueryRes(Arc<SyntaxQuery>);

/// Queries one instance may hold at once: each is host memory outside the guest's cap.
pub const MAX_LIVE_QUERIES: usize = 1_024;
/// Node handles one call may create (each capture and navigated node takes one).
pub const MAX_NODE_HANDLES_PER_CALL: usize = 1_000_000;

/// Node handles of the current call, and the instance's count of live queries.
#[derive(Default)]
pub struct CallNodes {
    nodes: Vec<(u32, Lang, NodeRef)>,
    pub(crate) live_queries: usize,
}

impl CallNodes {
    pub fn clear(&mut self) {
        self.nodes.clear();
    }
}

/// A node with the handle that names it in this call.
pub struct NodeOut {
    pub handle: u32,
    pub info: NodeInfo,
}

/// One match: its pattern and its captures as (capture index, node).
pub type MatchOut = (u32, Vec<(u32, NodeOut)>);

impl HostState {
    pub(crate) fn compile_query_native(&mut self, language: &str, source: &str) -> Result<Resource<QueryRes>, String> {
        if self.syntax.live_queries >= MAX_LIVE_QUERIES {
            return Err(format!("more than {MAX_LIVE_QUERIES} syntax queries at once; drop the ones no longer used"));
        }
        let query = sentra_syntax::shared_query(language, source).map_err(|e| e.to_string())?;
        self.batches.add(&query);
        let r = self.table().push(QueryRes(query)).map_err(|e| e.to_string())?;
        self.syntax.live_queries += 1;
        Ok(r)
    }

    pub(crate) fn drop_query(&mut self, rep: Resource<QueryRes>) -> wasmtime::Result<()> {
        drop(self.table().delete(rep)?);
        self.syntax.live_queries = self.syntax.live_queries.saturating_sub(1);
        self.batches.sweep();
        Ok(())
    }

    fn query(&mut self, q: &Resource<QueryRes>) -> Result<Arc<SyntaxQuery>, String> {
        self.table().get(q).map(|r| r.0.clone()).map_err(|e| format!("invalid syntax-query handle: {e}"))
    }

    pub(crate) fn query_capture_names(&mut self, q: &Resource<QueryRes>) -> Vec<String> {
        self.query(q).map(|q| q.capture_names().to_vec()).unwrap_or_default()
    }

    /// Stops host work at the call's deadline or the scan's cancellation, remembering
    /// why so the trap that follows is reported right.
    pub(crate) fn stop_check(&self) -> impl FnMut() -> bool + use<> {
        let (deadline, cancel) = (self.deadline, self.cancel.clone());
        move || stop_reason(deadline, cancel.as_deref()).is_some()
    }

    pub(crate) fn stopped_now(&mut self) -> String {
        self.stopped = stop_reason(self.deadline, self.cancel.as_deref()).or(Some(StopReason::Deadline));
        SyntaxError::Stopped.to_string()
    }

    fn handle(&mut self, file: u32, lang: Lang, info: NodeInfo) -> Result<NodeOut, String> {
        if self.syntax.nodes.len() >= MAX_NODE_HANDLES_PER_CALL {
            return Err(format!("more than {MAX_NODE_HANDLES_PER_CALL} syntax nodes in one call"));
        }
        self.syntax.nodes.push((file, lang, info.node_ref()));
        Ok(NodeOut { handle: (self.syntax.nodes.len() - 1) as u32, info })
    }

    /// The tree of file `file` in grammar `lang` (parsed now if no pack has yet).
    pub(crate) fn tree_of(&mut self, file: u32, lang: Lang) -> Result<(Arc<sentra_syntax::Parsed>, crate::FileData), String> {
        let data = self.files.get(file as usize).cloned().ok_or_else(|| format!("no file with id {file} in this scan call"))?;
        let mut stop = self.stop_check();
        // The tree is host memory the pack causes: it must fit in the pack's memory limit.
        match data.tree(lang, self.limiter.memory_bytes, &mut stop) {
            Ok(t) => Ok((t, data)),
            Err(SyntaxError::Stopped) => Err(self.stopped_now()),
            Err(e) => Err(e.to_string()),
        }
    }

    pub(crate) fn query_matches_native(&mut self, q: &Resource<QueryRes>, file: u32, with_text: bool) -> Result<(Vec<MatchOut>, bool), String> {
        let query = self.query(q)?;
        let path = self.paths.get(file as usize).map_or("", String::as_str);
        let lang = query.lang().for_path(path);
        let (tree, data) = self.tree_of(file, lang)?;
        let batched = if lang == query.lang() { self.batched_matches(&query, file, &tree, data.bytes())? } else { None };
        let found = match batched {
            // The batch fills every node's text; a caller that did not ask gets none.
            Some(mut found) => {
                if !with_text {
                    found.iter_mut().flat_map(|m| m.captures.iter_mut()).for_each(|c| c.node.text = None);
                }
                found
            }
            None => {
                let mut stop = self.stop_check();
                match query.run(&tree, data.bytes(), with_text, &mut stop) {
                    Ok(found) => found,
                    Err(SyntaxError::Stopped) => return Err(self.stopped_now()),
                    Err(e) => return Err(e.to_string()),
                }
            }
        };
        let mut out = Vec::with_capacity(found.len());
        for m in found {
            let mut captures = Vec::with_capacity(m.captures.len());
            for c in m.captures {
                captures.push((c.index, self.handle(file, lang, c.node)?));
            }
            out.push((m.pattern, captures));
        }
        Ok((out, tree.has_errors))
    }

    fn node_at(&mut self, handle: u32) -> Result<(u32, Lang, NodeRef), String> {
        self.syntax.nodes.get(handle as usize).copied().ok_or_else(|| format!("no syntax node with handle {handle} in this call"))
    }

    pub(crate) fn node_parent_native(&mut self, handle: u32, with_text: bool) -> Result<Option<NodeOut>, String> {
        let (file, lang, r) = self.node_at(handle)?;
        let (tree, data) = self.tree_of(file, lang)?;
        match sentra_syntax::parent(&tree, r, data.bytes(), with_text) {
            Some(info) => self.handle(file, lang, info).map(Some),
            None => Ok(None),
        }
    }

    pub(crate) fn node_children_native(&mut self, handle: u32, named: bool, with_text: bool) -> Result<Vec<NodeOut>, String> {
        let (file, lang, r) = self.node_at(handle)?;
        let (tree, data) = self.tree_of(file, lang)?;
        let kids = sentra_syntax::children(&tree, r, data.bytes(), named, with_text).unwrap_or_default();
        kids.into_iter().map(|info| self.handle(file, lang, info)).collect()
    }
}
