//! The walk: one function at a time, statements in order, an environment of what each
//! name holds. See the crate documentation for the model.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use sentra_syntax::{Lang, Parsed, SyntaxError, node_info};
use tree_sitter::Node;

use crate::consts::{self, Const};
use crate::kinds::{Cat, cat, is_case, is_mutator, is_name_field};
use crate::marks::{Key, Mark, key};
use crate::shape::{self, args, callee, field, named_children, params, text};
use crate::{Flow, MAX_FLOWS_PER_RUN, MAX_LABEL_CHARS, MAX_STEPS, Step, TaintError, TaintRule};

/// Deepest nesting followed (each level is a few stack frames; scan threads have 2 MiB);
/// deeper parts carry nothing. Chains of binary operators (`a + b + c ...`) are walked
/// without nesting, so long concatenations do not count against it.
const MAX_DEPTH: usize = 96;
/// Sinks one function's summary remembers its parameters reach.
const MAX_PARAM_SINKS: usize = 64;
/// Summaries computed inside one another at most (helpers calling helpers).
const MAX_SUMMARY_NESTING: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StepKind {
    Source,
    Assign,
    Call,
    Sink,
}

/// One link of a path, newest last: a step and the path before it.
struct Link<'t> {
    node: Node<'t>,
    kind: StepKind,
    prev: Option<Rc<Link<'t>>>,
    len: usize,
}

/// What a value carries: a path from a source, and which of the current function's
/// parameters flow into it (bit i: parameter i), for summaries.
#[derive(Clone, Default)]
struct Taint<'t> {
    path: Option<Rc<Link<'t>>>,
    params: u64,
}

impl<'t> Taint<'t> {
    fn source(node: Node<'t>) -> Self {
        Taint { path: Some(Rc::new(Link { node, kind: StepKind::Source, prev: None, len: 1 })), params: 0 }
    }

    fn is_clean(&self) -> bool {
        self.path.is_none() && self.params == 0
    }

    fn join(&self, other: &Self) -> Self {
        let path = match (&self.path, &other.path) {
            (Some(a), Some(b)) => Some(if b.len < a.len { b.clone() } else { a.clone() }),
            (a, b) => a.clone().or_else(|| b.clone()),
        };
        Taint { path, params: self.params | other.params }
    }

    fn step(&self, node: Node<'t>, kind: StepKind) -> Self {
        let path =
            self.path.as_ref().map(|p| if p.len + 1 >= MAX_STEPS { p.clone() } else { Rc::new(Link { node, kind, prev: Some(p.clone()), len: p.len + 1 }) });
        Taint { path, params: self.params }
    }
}

/// What each name holds at one point of a function.
#[derive(Clone, Default)]
struct Env<'t> {
    vars: HashMap<String, Taint<'t>>,
    consts: HashMap<String, Const>,
    /// `name` + `\0` + constant key: a map or dict slot written with a constant key.
    slots: HashMap<String, Taint<'t>>,
    /// Lists built element by element, while their positions are known.
    lists: HashMap<String, Vec<Taint<'t>>>,
    /// The call a variable was assigned from, as a callee path (`response`,
    /// `getWriter()`): `out.println(x)` after `out = response.getWriter()` is
    /// `response.getWriter().println(x)` to the rule's sinks.
    origins: HashMap<String, Vec<String>>,
}

impl<'t> Env<'t> {
    fn join(&mut self, other: Env<'t>) {
        for (k, t) in other.vars {
            let joined = self.vars.get(&k).map_or_else(|| t.clone(), |mine| mine.join(&t));
            self.vars.insert(k, joined);
        }
        self.consts.retain(|k, v| other.consts.get(k) == Some(v));
        self.origins.retain(|k, v| other.origins.get(k) == Some(v));
        for (k, t) in other.slots {
            let joined = self.slots.get(&k).map_or_else(|| t.clone(), |mine| mine.join(&t));
            self.slots.insert(k, joined);
        }
        let mut lists = HashMap::new();
        for (k, mine) in self.lists.drain() {
            if let Some(theirs) = other.lists.get(&k)
                && theirs.len() == mine.len()
            {
                lists.insert(k, mine.iter().zip(theirs).map(|(a, b)| a.join(b)).collect());
            }
        }
        self.lists = lists;
    }

    fn forget(&mut self, name: &str) {
        self.vars.remove(name);
        self.origins.remove(name);
        self.consts.remove(name);
        self.lists.remove(name);
        let prefix = format!("{name}\0");
        self.slots.retain(|k, _| !k.starts_with(&prefix));
    }
}

#[derive(Clone, Default)]
struct Summary<'t> {
    ret: Taint<'t>,
    /// Sinks inside the function that its parameters reach (bit i: parameter i), so a
    /// caller passing untrusted data is reported at the sink in the helper.
    sinks: Vec<(u64, Node<'t>)>,
    /// The first parameter is the receiver (`self`, `cls`).
    receiver_param: bool,
}

pub struct Analysis<'r, 't, 's> {
    rule: &'r TaintRule,
    src: &'t [u8],
    root: Node<'t>,
    lang: Lang,
    marks: HashMap<Key, Mark>,
    functions: Vec<Node<'t>>,
    by_name: HashMap<String, Vec<usize>>,
    /// Functions by node, and how often each anonymous one was analysed in place.
    index: HashMap<Key, usize>,
    inlined: HashMap<usize, u8>,
    summaries: HashMap<usize, Summary<'t>>,
    in_progress: HashSet<usize>,
    ret: Taint<'t>,
    /// The function being analysed is marked a sink: what it returns must be clean (a
    /// web view's return value is the response).
    returns_are_sinks: bool,
    /// Sinks the current function's parameters reach (for its summary).
    param_sinks: Vec<(u64, Node<'t>)>,
    flows: Vec<Flow>,
    seen_sinks: HashSet<Key>,
    visits: usize,
    budget: usize,
    depth: usize,
    stop: &'s mut dyn FnMut() -> bool,
    failed: Option<TaintError>,
}

impl<'r, 't, 's> Analysis<'r, 't, 's> {
    pub fn new(rule: &'r TaintRule, parsed: &'t Parsed, src: &'t [u8], marks: HashMap<Key, Mark>, budget: usize, stop: &'s mut dyn FnMut() -> bool) -> Self {
        let root = parsed.tree.root_node();
        let mut functions = Vec::new();
        collect_functions(root, &mut functions);
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in functions.iter().enumerate() {
            if let Some(n) = field(*f, &["name"]) {
                by_name.entry(text(n, src).to_string()).or_default().push(i);
            }
        }
        let index = functions.iter().enumerate().map(|(i, f)| (key(*f), i)).collect();
        Self {
            rule,
            src,
            root,
            index,
            inlined: HashMap::new(),
            lang: parsed.lang,
            marks,
            functions,
            by_name,
            summaries: HashMap::new(),
            in_progress: HashSet::new(),
            ret: Taint::default(),
            returns_are_sinks: false,
            param_sinks: Vec::new(),
            flows: Vec::new(),
            seen_sinks: HashSet::new(),
            visits: 0,
            budget,
            depth: 0,
            stop,
            failed: None,
        }
    }

    pub fn run(mut self) -> Result<Vec<Flow>, TaintError> {
        let mut env = Env::default();
        self.eval(self.root, &mut env);
        for i in 0..self.functions.len() {
            if self.failed.is_some() {
                break;
            }
            if !self.inlined.contains_key(&i) {
                self.summary(i);
            }
        }
        match self.failed {
            Some(e) => Err(e),
            None => Ok(self.flows),
        }
    }

    /// Analyses function `i` (once), returning what its return value carries.
    fn summary(&mut self, i: usize) -> Option<Summary<'t>> {
        if let Some(s) = self.summaries.get(&i) {
            return Some(s.clone());
        }
        // Recursion is cut, and so is a chain of helpers deeper than a few calls (each
        // level nests an analysis on the stack): past it, the call is an unknown one.
        if self.in_progress.len() >= MAX_SUMMARY_NESTING || !self.in_progress.insert(i) {
            return None;
        }
        let f = self.functions[i];
        let mut env = Env::default();
        let ps = params(f, self.src);
        let receiver_param = ps.first().is_some_and(|(n, _)| n == "self" || n == "cls");
        for (bit, (name, node)) in ps.iter().enumerate().take(64) {
            let mut t = Taint { path: None, params: 1 << bit };
            if self.marked(*node).source || field(*node, &["name"]).is_some_and(|n| self.marked(n).source) {
                t = t.join(&Taint::source(*node));
            }
            env.vars.insert(name.clone(), t);
        }
        let saved = std::mem::take(&mut self.ret);
        let saved_sinks = std::mem::take(&mut self.param_sinks);
        let saved_depth = std::mem::replace(&mut self.depth, 0);
        let is_sink = self.marked(f).sink;
        let saved_sink = std::mem::replace(&mut self.returns_are_sinks, is_sink);
        let body = field(f, &["body"]).unwrap_or(f);
        let value = self.eval(body, &mut env);
        // An expression body (`x => x + 1`, `lambda x: x`) is the return value.
        if !matches!(body.kind(), "block" | "statement_block" | "compound_statement" | "constructor_body" | "function_body") && body != f {
            self.ret = self.ret.join(&value);
        }
        let sinks = std::mem::replace(&mut self.param_sinks, saved_sinks);
        let summary = Summary { ret: std::mem::replace(&mut self.ret, saved), sinks, receiver_param };
        self.depth = saved_depth;
        self.returns_are_sinks = saved_sink;
        self.in_progress.remove(&i);
        self.summaries.insert(i, summary.clone());
        Some(summary)
    }

    /// An anonymous function (a callback, a lambda) where it is written, with the names
    /// it captures as they are there: `p` in `rows.forEach(r => db.query(p + r))`. At most
    /// twice (a loop body is walked twice); it is then not analysed again on its own.
    fn inline_function(&mut self, f: Node<'t>, env: &Env<'t>) {
        let Some(&i) = self.index.get(&key(f)) else { return };
        let count = self.inlined.entry(i).or_insert(0);
        if *count >= 2 {
            return;
        }
        *count += 1;
        let mut inner = env.clone();
        for (name, node) in params(f, self.src) {
            inner.forget(&name);
            if self.marked(node).source || field(node, &["name"]).is_some_and(|n| self.marked(n).source) {
                inner.vars.insert(name, Taint::source(node));
            }
        }
        let saved = std::mem::take(&mut self.ret);
        let is_sink = self.marked(f).sink;
        let saved_sink = std::mem::replace(&mut self.returns_are_sinks, is_sink);
        let body = field(f, &["body"]).unwrap_or(f);
        if body != f {
            self.eval(body, &mut inner);
        }
        self.ret = saved;
        self.returns_are_sinks = saved_sink;
    }

    fn marked(&self, node: Node<'t>) -> Mark {
        self.marks.get(&key(node)).copied().unwrap_or_default()
    }

    fn tick(&mut self) -> bool {
        if self.failed.is_some() {
            return false;
        }
        self.visits += 1;
        if self.visits > self.budget {
            self.failed = Some(TaintError::TooMuchWork(self.budget));
            return false;
        }
        if self.visits.is_multiple_of(2048) && (self.stop)() {
            self.failed = Some(SyntaxError::Stopped.into());
            return false;
        }
        true
    }

    /// What `node` carries once evaluated, with its effects on `env`.
    fn eval(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        if !self.tick() || self.depth > MAX_DEPTH {
            return Taint::default();
        }
        self.depth += 1;
        let mut t = self.eval_kind(node, env);
        self.depth -= 1;
        let mark = self.marked(node);
        if mark.sanitizer {
            t = Taint::default();
        }
        if mark.source {
            t = t.join(&Taint::source(node));
        }
        if mark.sink && t.path.is_some() {
            self.report(node, &t);
        }
        if mark.sink && t.params != 0 && self.param_sinks.len() < MAX_PARAM_SINKS {
            self.param_sinks.push((t.params, node));
        }
        t
    }

    fn eval_kind(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        match cat(node.kind()) {
            Cat::Function => {
                if field(node, &["name"]).is_none() {
                    self.inline_function(node, env);
                }
                Taint::default()
            }
            Cat::Literal | Cat::Skip => Taint::default(),
            Cat::Identifier => env.vars.get(text(node, self.src)).cloned().unwrap_or_default(),
            Cat::Member => self.member(node, env),
            Cat::Subscript => self.subscript(node, env),
            Cat::Call => self.call(node, env),
            Cat::New => {
                let a = args(node, self.src);
                let mut t = Taint::default();
                for n in a.positional.iter().chain(a.keywords.iter().map(|(_, _, n)| n)) {
                    t = t.join(&self.eval(*n, env));
                }
                // C#'s `new SqlCommand { CommandText = sql }`: the initializer's values meet
                // their sinks; the object carries what they carry.
                if let Some(init) = named_children(node).into_iter().find(|c| c.kind() == "initializer_expression") {
                    t = t.join(&self.eval_in_scope(init, env));
                }
                if self.rule.unknown_calls_propagate || self.marked(node).propagator { t } else { Taint::default() }
            }
            Cat::Assign => self.assign(node, env, false),
            Cat::AugAssign => self.assign(node, env, true),
            Cat::Declarator => self.declarator(node, env),
            Cat::If => {
                self.branch(node, env);
                Taint::default()
            }
            Cat::Ternary => self.ternary(node, env),
            Cat::Loop => {
                self.repeat(node, None, env);
                Taint::default()
            }
            Cat::ForEach => {
                self.for_each(node, env);
                Taint::default()
            }
            Cat::Switch => {
                self.switch(node, env);
                Taint::default()
            }
            Cat::Return => {
                let t = self.children(node, env);
                self.ret = self.ret.join(&t);
                if self.returns_are_sinks
                    && t.path.is_some()
                    && let Some(value) = named_children(node).first()
                {
                    self.report(*value, &t);
                }
                t
            }
            Cat::KeywordArg => field(node, &["value"]).map(|v| self.eval(v, env)).unwrap_or_default(),
            Cat::AsPattern => {
                let t = named_children(node).first().map(|v| self.eval(*v, env)).unwrap_or_default();
                if let Some(alias) = field(node, &["alias"]) {
                    self.bind(alias, t.clone(), env, node);
                }
                t
            }
            Cat::Comprehension => {
                let kids = named_children(node);
                for c in kids.iter().filter(|c| c.kind() == "for_in_clause") {
                    let it = field(*c, &["right"]).map(|r| self.eval(r, env)).unwrap_or_default();
                    if let Some(l) = field(*c, &["left"]) {
                        self.bind(l, it, env, *c);
                    }
                }
                let mut t = Taint::default();
                for c in kids.iter().filter(|c| c.kind() != "for_in_clause") {
                    t = t.join(&self.eval(*c, env));
                }
                t
            }
            Cat::Other if matches!(node.kind(), "binary_operator" | "binary_expression") => self.binary_chain(node, env),
            Cat::Other if node.kind().contains("comparison") || node.kind() == "instanceof_expression" => {
                self.children(node, env);
                Taint::default()
            }
            Cat::Other => self.children(node, env),
        }
    }

    /// Evaluates `node` without letting its assignments (an object initializer's
    /// `Name = value`) change the names of the enclosing function.
    fn eval_in_scope(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let mut scratch = env.clone();
        self.eval(node, &mut scratch)
    }

    /// `a + b + c + ...`: down the left spine in a loop, then each right operand.
    fn binary_chain(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let mut rights = Vec::new();
        let mut left = node;
        while left.kind() == node.kind() {
            let (Some(l), Some(r)) = (field(left, &["left"]), field(left, &["right"])) else { break };
            rights.push(r);
            left = l;
        }
        let mut t = if left == node { self.children(node, env) } else { self.eval(left, env) };
        for r in rights.into_iter().rev() {
            t = t.join(&self.eval(r, env));
        }
        t
    }

    /// Every value-bearing child, in order; what they carry together.
    fn children(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let mut t = Taint::default();
        let mut cursor = node.walk();
        if !cursor.goto_first_child() {
            return t;
        }
        loop {
            let child = cursor.node();
            // A name (`b` of `a.b`, a declared type) carries nothing; a field that holds an
            // expression under such a name (JSX's `attribute`) does.
            let name_like = child.named_child_count() == 0 || child.kind().contains("type");
            let skip = !child.is_named() || (name_like && cursor.field_name().is_some_and(is_name_field));
            if !skip {
                t = t.join(&self.eval(child, env));
            }
            if !cursor.goto_next_sibling() {
                return t;
            }
        }
    }

    /// The name a node is stored under: `x`, `self.x`, `$this.x`; `None` for anything else.
    fn name_of(&self, node: Node<'t>) -> Option<String> {
        self.name_at(node, 0)
    }

    fn name_at(&self, node: Node<'t>, depth: usize) -> Option<String> {
        if depth > 16 {
            return None;
        }
        match cat(node.kind()) {
            Cat::Identifier => Some(text(node, self.src).to_string()),
            Cat::Member | Cat::Other if matches!(node.kind(), "this" | "self") || cat(node.kind()) == Cat::Member => {
                if matches!(node.kind(), "this" | "self") {
                    return Some(text(node, self.src).to_string());
                }
                let object = shape::member_object(node)?;
                let base = if matches!(object.kind(), "this" | "self") { text(object, self.src).to_string() } else { self.name_at(object, depth + 1)? };
                Some(format!("{base}.{}", shape::member_name(node, self.src)?))
            }
            _ => None,
        }
    }

    fn constant_key(&self, node: Node<'t>, env: &Env<'t>) -> Option<String> {
        let node = if node.kind() == "argument" { named_children(node).last().copied()? } else { node };
        match consts::eval(node, self.src, &env.consts, self.int_division(), 0)? {
            Const::Str(s) => Some(s),
            Const::Int(i) => Some(i.to_string()),
            _ => None,
        }
    }

    fn int_division(&self) -> bool {
        !matches!(self.lang, Lang::Python | Lang::JavaScript | Lang::TypeScript | Lang::Tsx | Lang::Php)
    }

    fn member(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        if let Some(t) = self.name_of(node).and_then(|n| env.vars.get(&n).cloned()) {
            return t;
        }
        // `f.a` of an object literal whose slots are known.
        if let (Some(base), Some(member)) = (shape::member_object(node).and_then(|o| self.name_of(o)), shape::member_name(node, self.src))
            && env.slots.contains_key(&format!("{base}\0{member}"))
        {
            return env.slots[&format!("{base}\0{member}")].clone();
        }
        shape::member_object(node).map(|o| self.eval(o, env)).unwrap_or_default()
    }

    fn subscript(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let kids = named_children(node);
        let base = field(node, &["value", "array", "object", "operand", "expression"]).or(kids.first().copied());
        let index = field(node, &["subscript", "index"]).or_else(|| kids.get(1).copied());
        let Some(base) = base else { return Taint::default() };
        if let Some(i) = index {
            self.eval(i, env);
        }
        let i = index.and_then(|i| self.constant_key(unwrap_index(i), env));
        if let (Some(name), Some(k)) = (self.name_of(base), i)
            && let Some(t) = slot_read(env, &name, &k)
        {
            return t;
        }
        self.eval(base, env)
    }

    fn call(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let (recv, method, function) = callee(node, self.src);
        let recv_t = match (recv, function) {
            (Some(r), _) => self.eval(r, env),
            (None, Some(f)) if cat(f.kind()) != Cat::Identifier => self.eval(f, env),
            _ => Taint::default(),
        };
        let a = args(node, self.src);
        let arg_ts: Vec<Taint<'t>> = a.positional.iter().map(|n| self.eval(*n, env)).collect();
        let mut all = recv_t.clone();
        for (_, _, n) in &a.keywords {
            all = all.join(&self.eval(*n, env));
        }
        for t in &arg_ts {
            all = all.join(t);
        }
        let Some(method) = method else { return self.unknown(node, all) };
        if let Some(r) = recv {
            self.sinks_through_origin(r, method, &a, &arg_ts, env);
            // `reader.read(buf)`: what the receiver reads lands in the argument.
            if recv_t.path.is_some() && is_reader(method) {
                for n in &a.positional {
                    if let Some(name) = self.name_of(*n) {
                        env.vars.insert(name, recv_t.step(node, StepKind::Assign));
                    }
                }
            }
        }
        // Only `f(x)`, `self.f(x)`, `this.f(x)` and `new T().f(x)` surely call the file's `f`;
        // on another receiver (`request.args.get` beside a view's `def get`) the call may be
        // anything: collections are asked first, and a summary's result also carries what
        // an unknown call would.
        let sure = recv.is_none_or(|r| {
            matches!(r.kind(), "self" | "this" | "object_creation_expression" | "new_expression")
                || matches!(text(r, self.src), "self" | "this" | "cls" | "$this")
        });
        if sure && let Some(t) = self.through_summary(node, method, recv.is_some(), &arg_ts) {
            return t;
        }
        if is_scalar(method) {
            // Numbers and booleans carry no injection.
            return Taint::default();
        }
        let recv_name = recv.and_then(|r| self.name_of(self.builder_root(r)));
        if let Some(name) = recv_name.as_deref()
            && let Some(t) = self.collection_call(node, name, method, &a.positional, &arg_ts, env)
        {
            return t;
        }
        if !sure && let Some(t) = self.through_summary(node, method, recv.is_some(), &arg_ts) {
            return t.join(&self.unknown(node, all));
        }
        if is_mutator(method) && !arg_ts.iter().all(Taint::is_clean) {
            if let Some(name) = recv_name {
                let t = recv_t.join(&all).step(node, StepKind::Assign);
                env.lists.remove(&name);
                env.vars.insert(name, t);
            }
            return all;
        }
        if is_formatting(method) {
            return all;
        }
        self.unknown(node, all)
    }

    /// `sb` in `sb.append(a).append(b)`: the receiver a chain of mutator calls returns.
    fn builder_root(&self, mut recv: Node<'t>) -> Node<'t> {
        for _ in 0..64 {
            if cat(recv.kind()) != Cat::Call {
                break;
            }
            match callee(recv, self.src) {
                (Some(inner), Some(m), _) if is_mutator(m) => recv = inner,
                _ => break,
            }
        }
        recv
    }

    fn unknown(&self, node: Node<'t>, all: Taint<'t>) -> Taint<'t> {
        if self.rule.unknown_calls_propagate || self.marked(node).propagator { all } else { Taint::default() }
    }

    /// A call to a function of this file: what its summary says the result carries.
    fn through_summary(&mut self, node: Node<'t>, method: &str, has_receiver: bool, arg_ts: &[Taint<'t>]) -> Option<Taint<'t>> {
        let candidates = self.by_name.get(method)?.clone();
        let mut out: Option<Taint<'t>> = None;
        for f in candidates.into_iter().take(8) {
            let Some(s) = self.summary(f) else { continue };
            let offset = usize::from(s.receiver_param && has_receiver);
            // A call that is itself a sink is reported there; the helper's sink would only
            // repeat it.
            let call_is_sink = args(node, self.src).positional.iter().any(|a| self.marked(*a).sink);
            for (bits, sink) in s.sinks.iter().filter(|_| !call_is_sink) {
                for (bit, arg) in arg_ts.iter().enumerate() {
                    if arg.path.is_some() && bit + offset < 64 && bits & (1 << (bit + offset)) != 0 {
                        self.report(*sink, &arg.step(node, StepKind::Call));
                    }
                }
            }
            let mut t = Taint { path: s.ret.path.clone(), params: 0 };
            for (bit, arg) in arg_ts.iter().enumerate() {
                if bit + offset < 64 && s.ret.params & (1 << (bit + offset)) != 0 {
                    t = t.join(&arg.step(node, StepKind::Call));
                }
            }
            out = Some(out.map_or(t.clone(), |o| o.join(&t)));
        }
        out
    }

    /// Maps and lists: `m.put("k", v)`, `m.get("k")`, `l.add(v)`, `l.remove(0)`, `l.get(1)`.
    fn collection_call(&mut self, node: Node<'t>, name: &str, method: &str, args: &[Node<'t>], ts: &[Taint<'t>], env: &mut Env<'t>) -> Option<Taint<'t>> {
        let first_key = args.first().and_then(|a| self.constant_key(*a, env));
        // `conf.set("section", "key", v)` / `conf.get("section", "key")`: a two-part key.
        let pair_key = || -> Option<String> { Some(format!("{}\u{1}{}", self.constant_key(*args.first()?, env)?, self.constant_key(*args.get(1)?, env)?)) };
        if method == "set" && ts.len() == 3 {
            let k = pair_key()?;
            let t = ts[2].step(node, StepKind::Assign);
            slot_write(env, name, &k, t.clone());
            return Some(t);
        }
        if method == "get"
            && ts.len() == 2
            && let Some(k) = pair_key()
            && env.slots.contains_key(&format!("{name}\0{k}"))
        {
            return slot_read(env, name, &k);
        }
        match (method, ts.len()) {
            ("put" | "setdefault" | "Add" | "set" | "setAttribute", 2) => {
                let k = first_key?;
                let t = ts[1].step(node, StepKind::Assign);
                slot_write(env, name, &k, t.clone());
                Some(t)
            }
            ("get" | "getOrDefault" | "pop" | "getAttribute" | "elementAt", 1..=2) => {
                let k = first_key?;
                if let (Some(list), Ok(i)) = (env.lists.get_mut(name), k.parse::<usize>()) {
                    if method == "pop" {
                        return (i < list.len()).then(|| list.remove(i));
                    }
                    return list.get(i).cloned();
                }
                slot_read(env, name, &k)
            }
            ("add" | "append" | "push" | "Add", 1) => {
                let list = env.lists.get_mut(name)?;
                list.push(ts[0].clone());
                let whole = env.vars.get(name).cloned().unwrap_or_default().join(&ts[0]);
                env.vars.insert(name.to_string(), whole);
                Some(Taint::default())
            }
            ("remove" | "RemoveAt", 1) => {
                let i: usize = first_key?.parse().ok()?;
                let list = env.lists.get_mut(name)?;
                (i < list.len()).then(|| list.remove(i))
            }
            _ => None,
        }
    }

    fn assign(&mut self, node: Node<'t>, env: &mut Env<'t>, augmented: bool) -> Taint<'t> {
        let (Some(left), Some(right)) = (field(node, &["left"]), field(node, &["right"])) else { return self.children(node, env) };
        let op = field(node, &["operator"]).map(|o| text(o, self.src)).unwrap_or("=");
        let augmented = augmented || !matches!(op, "=" | ":=");
        let lefts = list_items(left);
        let rights = list_items(right);
        if lefts.len() > 1 && lefts.len() == rights.len() {
            let ts: Vec<Taint<'t>> = rights.iter().map(|r| self.eval(*r, env)).collect();
            for (l, t) in lefts.into_iter().zip(ts) {
                self.bind(l, t, env, node);
            }
            return Taint::default();
        }
        let mut t = self.eval(right, env);
        // Go's `x := v` holds `v` in a one-element list.
        let right = if rights.len() == 1 { rights[0] } else { right };
        let list = self.list_literal(right, env);
        if augmented {
            t = t.join(&self.eval(left, env));
        }
        let value = (!augmented && lefts.len() == 1).then(|| consts::eval(right, self.src, &env.consts, self.int_division(), 0)).flatten();
        for l in lefts {
            self.bind(l, t.clone(), env, node);
            if let Some(name) = self.name_of(l) {
                if let Some(v) = value.clone() {
                    env.consts.insert(name.clone(), v);
                }
                if let Some(list) = list.clone() {
                    env.lists.insert(name.clone(), list);
                }
                self.keyed_literal(&name, right, env);
                self.record_origin(&name, right, env);
            }
        }
        t
    }

    fn declarator(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let mut cursor = node.walk();
        let names: Vec<Node<'t>> = node.children_by_field_name("name", &mut cursor).collect();
        let value = field(node, &["value"]).or_else(|| {
            named_children(node).into_iter().rev().find(|c| !names.contains(c) && !c.kind().contains("type") && c.kind() != "bracketed_argument_list")
        });
        let Some(value) = value.filter(|v| !names.contains(v)) else {
            names.iter().filter_map(|n| self.name_of(*n)).for_each(|n| env.forget(&n));
            return Taint::default();
        };
        let values = list_items(value);
        if names.len() > 1 && names.len() == values.len() {
            for (n, v) in names.into_iter().zip(values) {
                let t = self.eval(v, env);
                self.bind(n, t, env, node);
            }
            return Taint::default();
        }
        let mut t = self.eval(value, env);
        if declared_scalar(node, self.src) {
            t = Taint::default();
        }
        let value = if values.len() == 1 { values[0] } else { value };
        let c = consts::eval(value, self.src, &env.consts, self.int_division(), 0);
        let list = self.list_literal(value, env);
        for n in names {
            self.bind(n, t.clone(), env, node);
            if let Some(name) = self.name_of(n) {
                if let Some(c) = c.clone() {
                    env.consts.insert(name.clone(), c);
                }
                if let Some(l) = list.clone() {
                    env.lists.insert(name.clone(), l);
                }
                self.keyed_literal(&name, value, env);
                self.record_origin(&name, value, env);
            }
        }
        t
    }

    fn record_origin(&self, name: &str, value: Node<'t>, env: &mut Env<'t>) {
        let value = if value.kind() == "cast_expression" { field(value, &["value"]).unwrap_or(value) } else { value };
        if cat(value.kind()) == Cat::Call {
            let mut path = Vec::new();
            shape::path_of(value, self.src, &mut path, 0);
            if !path.iter().any(|s| s == "?") {
                env.origins.insert(name.to_string(), path);
            }
        }
    }

    /// Sinks reached through a receiver variable: `out.println(x)` where `out` was
    /// assigned `response.getWriter()` matches `$R.getWriter().println($SINK)`.
    fn sinks_through_origin(&mut self, recv: Node<'t>, method: &str, a: &shape::Args<'t>, ts: &[Taint<'t>], env: &Env<'t>) {
        let Some(origin) = self.name_of(recv).and_then(|n| env.origins.get(&n).cloned()) else { return };
        if ts.iter().all(|t| t.path.is_none()) {
            return;
        }
        let mut path = origin;
        path.push(method.to_string());
        let kw: Vec<(String, String)> = a.keywords.iter().map(|(k, v, _)| (k.clone(), v.clone())).collect();
        let mut hits = Vec::new();
        for m in &self.rule.sinks {
            let crate::Matcher::Code(p) = m else { continue };
            if p.args.is_none() || p.constructor || !p.matches_path(&path) || !p.matches_args(a.positional.len(), &kw) {
                continue;
            }
            match p.sink_positions() {
                Some(positions) => hits.extend(positions),
                None => hits.extend(0..a.positional.len()),
            }
        }
        for i in hits {
            if let (Some(n), Some(t)) = (a.positional.get(i), ts.get(i))
                && t.path.is_some()
            {
                self.report(*n, t);
            }
        }
    }

    /// Slots of a literal with constant keys (`{"a": x}`, `{a: x}`, Go's `map[..]..{"a": x}`,
    /// PHP's `["a" => x]`), recorded for `name`, so a read of another key stays clean.
    fn keyed_literal(&mut self, name: &str, value: Node<'t>, env: &mut Env<'t>) {
        let body = if value.kind() == "composite_literal" { field(value, &["body"]) } else { Some(value) };
        let Some(body) = body.filter(|b| matches!(b.kind(), "dictionary" | "object" | "literal_value" | "array_creation_expression")) else { return };
        for entry in named_children(body) {
            let (k, v) = match entry.kind() {
                "pair" => (field(entry, &["key"]), field(entry, &["value"])),
                "keyed_element" | "array_element_initializer" => {
                    let kids = named_children(entry);
                    if kids.len() != 2 {
                        continue;
                    }
                    (Some(kids[0]), Some(kids[1]))
                }
                _ => continue,
            };
            let (Some(k), Some(v)) = (k, v) else { continue };
            let k = if k.kind() == "literal_element" { named_children(k).first().copied().unwrap_or(k) } else { k };
            let key = match k.kind() {
                "property_identifier" | "identifier" if entry.kind() == "pair" && value.kind() == "object" => Some(text(k, self.src).to_string()),
                _ => self.constant_key(k, env),
            };
            if let Some(key) = key {
                let t = self.eval_quiet(v, env);
                env.slots.insert(format!("{name}\0{key}"), t);
            }
        }
    }

    /// A list whose positions are tracked: a list literal, or a new empty collection.
    fn list_literal(&mut self, value: Node<'t>, env: &mut Env<'t>) -> Option<Vec<Taint<'t>>> {
        match value.kind() {
            "list" | "array" | "tuple" => {
                let kids = named_children(value);
                Some(kids.into_iter().map(|k| self.eval_quiet(k, env)).collect())
            }
            "array_creation_expression" => {
                // PHP: positions when no element has a key.
                let kids = named_children(value);
                if kids.iter().any(|k| named_children(*k).len() != 1) {
                    return None;
                }
                Some(kids.into_iter().map(|k| self.eval_quiet(k, env)).collect())
            }
            "composite_literal" => {
                // A Go slice literal: positions, when no element has a key.
                let body = field(value, &["body"])?;
                let kids = named_children(body);
                if kids.iter().any(|k| k.kind() != "literal_element") {
                    return None;
                }
                Some(kids.into_iter().map(|k| self.eval_quiet(k, env)).collect())
            }
            "object_creation_expression" | "new_expression" => {
                let a = args(value, self.src);
                let ty = shape::constructed(value).map(|t| text(t, self.src)).unwrap_or("");
                (a.positional.is_empty() && ty.contains("List")).then(Vec::new)
            }
            _ => None,
        }
    }

    /// Evaluates without reporting (a second look at an already evaluated node).
    fn eval_quiet(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let seen = self.flows.len();
        let t = self.eval(node, env);
        self.flows.truncate(seen);
        t
    }

    /// Stores `t` into an assignment target.
    fn bind(&mut self, target: Node<'t>, t: Taint<'t>, env: &mut Env<'t>, at: Node<'t>) {
        self.bind_at(target, t, env, at, 0);
    }

    fn bind_at(&mut self, target: Node<'t>, t: Taint<'t>, env: &mut Env<'t>, at: Node<'t>, depth: usize) {
        if depth > 16 {
            return;
        }
        match cat(target.kind()) {
            Cat::Identifier | Cat::Member => {
                let Some(name) = self.name_of(target) else { return };
                env.forget(&name);
                if !t.is_clean() {
                    env.vars.insert(name, t.step(at, StepKind::Assign));
                }
            }
            Cat::Subscript => {
                let kids = named_children(target);
                let base = field(target, &["value", "array", "object", "operand", "expression"]).or(kids.first().copied());
                let index = field(target, &["subscript", "index"]).or_else(|| kids.get(1).copied());
                if let Some(i) = index {
                    // The key meets its sinks too (`session[key] = v`).
                    self.eval(i, env);
                }
                let Some(name) = base.and_then(|b| self.name_of(b)) else { return };
                let t = t.step(at, StepKind::Assign);
                match index.and_then(|i| self.constant_key(unwrap_index(i), env)) {
                    Some(k) => slot_write(env, &name, &k, t),
                    None if !t.is_clean() => {
                        let whole = env.vars.get(&name).cloned().unwrap_or_default().join(&t);
                        env.lists.remove(&name);
                        env.vars.insert(name, whole);
                    }
                    None => {}
                }
            }
            _ => {
                // Destructuring: every name inside takes the whole value.
                for c in named_children(target) {
                    self.bind_at(c, t.clone(), env, at, depth + 1);
                }
            }
        }
    }

    fn condition(&self, node: Node<'t>, env: &Env<'t>) -> Option<bool> {
        let c = field(node, &["condition"])?;
        consts::eval(c, self.src, &env.consts, self.int_division(), 0).map(|v| v.truthy())
    }

    /// `if`/`elif`/`else`: a constant condition takes one arm; otherwise the arms are
    /// walked from the same state and joined.
    fn branch(&mut self, node: Node<'t>, env: &mut Env<'t>) {
        if let Some(init) = field(node, &["initializer"]) {
            self.eval(init, env);
        }
        if let Some(c) = field(node, &["condition"]) {
            self.eval(c, env);
        }
        let then = field(node, &["consequence", "body"]);
        let mut cursor = node.walk();
        let alternatives: Vec<Node<'t>> = node.children_by_field_name("alternative", &mut cursor).collect();
        match self.condition(node, env) {
            Some(true) => {
                if let Some(t) = then {
                    self.eval(t, env);
                }
            }
            Some(false) => self.alternatives(&alternatives, env),
            None => {
                let mut other = env.clone();
                if let Some(t) = then {
                    self.eval(t, env);
                }
                self.alternatives(&alternatives, &mut other);
                env.join(other);
            }
        }
    }

    /// An `elif`/`else if` chain, or one `else`.
    fn alternatives(&mut self, alts: &[Node<'t>], env: &mut Env<'t>) {
        let Some((first, rest)) = alts.split_first() else { return };
        if field(*first, &["condition"]).is_none() || cat(first.kind()) == Cat::If {
            self.eval(*first, env);
            return;
        }
        // `elif c: body` followed by more arms.
        let c = field(*first, &["condition"]).expect("checked");
        self.eval(c, env);
        let body = field(*first, &["consequence", "body"]);
        match self.condition(*first, env) {
            Some(true) => {
                if let Some(b) = body {
                    self.eval(b, env);
                }
            }
            Some(false) => self.alternatives(rest, env),
            None => {
                let mut other = env.clone();
                if let Some(b) = body {
                    self.eval(b, env);
                }
                self.alternatives(rest, &mut other);
                env.join(other);
            }
        }
    }

    fn ternary(&mut self, node: Node<'t>, env: &mut Env<'t>) -> Taint<'t> {
        let kids = named_children(node);
        let (c, a, b) = match field(node, &["condition"]) {
            Some(c) => (Some(c), field(node, &["consequence", "body"]), field(node, &["alternative"])),
            // Python: `a if c else b`.
            None if kids.len() == 3 => (Some(kids[1]), Some(kids[0]), Some(kids[2])),
            None => return self.children(node, env),
        };
        if let Some(c) = c {
            self.eval(c, env);
        }
        let value = c.and_then(|c| consts::eval(c, self.src, &env.consts, self.int_division(), 0)).map(|v| v.truthy());
        let mut t = Taint::default();
        for (arm, taken) in [(a, value != Some(false)), (b, value != Some(true))] {
            if let (Some(arm), true) = (arm, taken) {
                t = t.join(&self.eval(arm, env));
            }
        }
        t
    }

    /// A loop body runs zero or more times: twice is enough for names to settle.
    fn repeat(&mut self, node: Node<'t>, skip: Option<(Node<'t>, Node<'t>)>, env: &mut Env<'t>) {
        let entry = env.clone();
        for _ in 0..2 {
            let mut cursor = node.walk();
            let kids: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
            for c in kids {
                if skip.is_some_and(|(a, b)| c == a || c == b) {
                    continue;
                }
                self.eval(c, env);
            }
        }
        env.join(entry);
    }

    fn for_each(&mut self, node: Node<'t>, env: &mut Env<'t>) {
        let range = named_children(node).into_iter().find(|c| c.kind() == "range_clause");
        let holder = range.unwrap_or(node);
        let mut target = field(holder, &["left", "name"]);
        let mut iterable = field(holder, &["right", "value"]);
        if node.kind() == "foreach_statement" && iterable.is_none() {
            let kids = named_children(node);
            iterable = kids.first().copied();
            target = kids.get(1).copied();
        }
        let (Some(target), Some(iterable)) = (target, iterable) else {
            self.repeat(node, None, env);
            return;
        };
        let t = self.eval(iterable, env);
        self.bind(target, t.clone(), env, node);
        if target.kind() == "pair" {
            for c in named_children(target) {
                self.bind(c, t.clone(), env, node);
            }
        }
        self.repeat(node, Some((target, iterable)), env);
        let _ = range;
    }

    fn switch(&mut self, node: Node<'t>, env: &mut Env<'t>) {
        if let Some(init) = field(node, &["initializer"]) {
            self.eval(init, env);
        }
        let subject = field(node, &["condition", "value", "subject"]);
        let value = subject.and_then(|s| {
            self.eval(s, env);
            consts::eval(s, self.src, &env.consts, self.int_division(), 0)
        });
        let mut cases = Vec::new();
        collect_cases(node, &mut cases, 0);
        let is_default = |this: &Self, c: Node<'t>| {
            matches!(c.kind(), "switch_default" | "default_case" | "default_statement")
                || named_children(c).iter().any(|p| p.kind() == "case_pattern" && text(*p, this.src).trim() == "_")
                || named_or_all_labels(c).iter().any(|l| text(*l, this.src).trim_start().starts_with("default"))
        };
        if let Some(v) = value {
            let hit = cases.iter().position(|c| self.case_values(*c, env).contains(&v)).or_else(|| cases.iter().position(|c| is_default(self, *c)));
            // From the matching case on, falling through the cases that do not end (`case
            // 'C': case 'D': bar = param; break;`) where the language falls through.
            for c in cases.iter().skip(hit.unwrap_or(cases.len())) {
                self.eval(*c, env);
                if !falls_through(*c) {
                    break;
                }
            }
            return;
        }
        let entry = env.clone();
        let has_default = cases.iter().any(|c| is_default(self, *c));
        let mut out: Option<Env<'t>> = if has_default { None } else { Some(entry.clone()) };
        for c in cases {
            let mut e = entry.clone();
            self.eval(c, &mut e);
            match &mut out {
                Some(o) => o.join(e),
                None => out = Some(e),
            }
        }
        if let Some(o) = out {
            *env = o;
        }
    }

    fn case_values(&self, case: Node<'t>, env: &Env<'t>) -> Vec<Const> {
        let mut labels = named_or_all_labels(case);
        // Python: `case "A":` holds its literal in a case_pattern.
        labels.extend(named_children(case).into_iter().filter(|c| c.kind() == "case_pattern").flat_map(named_children));
        if let Some(v) = field(case, &["value"]) {
            labels.push(v);
        }
        labels
            .into_iter()
            .flat_map(|l| if l.kind() == "switch_label" { named_children(l) } else { vec![l] })
            .filter_map(|l| consts::eval(l, self.src, &env.consts, self.int_division(), 0))
            .collect()
    }

    fn report(&mut self, sink: Node<'t>, t: &Taint<'t>) {
        if self.flows.len() >= MAX_FLOWS_PER_RUN || !self.seen_sinks.insert(key(sink)) {
            return;
        }
        let mut links = Vec::new();
        let mut at = t.path.clone();
        while let Some(l) = at {
            links.push((l.node, l.kind));
            at = l.prev.clone();
        }
        links.reverse();
        links.push((sink, StepKind::Sink));
        let steps = links.into_iter().map(|(n, k)| self.step(n, k)).collect();
        self.flows.push(Flow { steps });
    }

    fn step(&self, node: Node<'t>, kind: StepKind) -> Step {
        let info = node_info(node, self.src, false);
        let what = match kind {
            StepKind::Assign => assigned_name(node, self.src),
            _ => text(node, self.src).to_string(),
        };
        let mut what: String = what.split_whitespace().collect::<Vec<_>>().join(" ");
        if what.chars().count() > MAX_LABEL_CHARS {
            what = what.chars().take(MAX_LABEL_CHARS - 3).collect::<String>() + "...";
        }
        let label = match kind {
            StepKind::Source => format!("untrusted data enters at `{what}`"),
            StepKind::Assign => format!("flows into `{what}`"),
            StepKind::Call => format!("passes through `{what}`"),
            StepKind::Sink => format!("reaches the sink as `{what}`"),
        };
        Step { start: info.start, end: info.end, line: info.line, column: info.column, end_line: info.end_line, end_column: info.end_column, label }
    }
}

/// `int n = ...`, `boolean b = ...`: a declaration of a number or boolean type.
fn declared_scalar(declarator: Node<'_>, src: &[u8]) -> bool {
    let Some(ty) = declarator.parent().and_then(|p| field(p, &["type"])).or_else(|| field(declarator, &["type"])) else { return false };
    match ty.kind() {
        "integral_type" | "floating_point_type" | "boolean_type" => true,
        "predefined_type" | "type_identifier" => matches!(
            text(ty, src),
            "int"
                | "long"
                | "short"
                | "byte"
                | "bool"
                | "double"
                | "float"
                | "decimal"
                | "uint"
                | "ulong"
                | "ushort"
                | "sbyte"
                | "int64"
                | "int32"
                | "int16"
                | "int8"
                | "uint64"
                | "uint32"
                | "uint16"
                | "uint8"
                | "float64"
                | "float32"
        ),
        _ => false,
    }
}

fn assigned_name(node: Node<'_>, src: &[u8]) -> String {
    let target = field(node, &["left", "name", "alias"]).or_else(|| callee(node, src).0);
    target.map(|t| text(t, src).to_string()).unwrap_or_else(|| text(node, src).to_string())
}

fn collect_functions<'t>(root: Node<'t>, out: &mut Vec<Node<'t>>) {
    // A cursor walk, not recursion: a hostile file nests thousands of levels deep.
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node != root && cat(node.kind()) == Cat::Function {
            out.push(node);
        }
        if cursor.goto_first_child() || cursor.goto_next_sibling() {
            continue;
        }
        loop {
            if !cursor.goto_parent() {
                return;
            }
            if cursor.goto_next_sibling() {
                break;
            }
        }
    }
}

fn collect_cases<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>, depth: usize) {
    if depth > 3 {
        return;
    }
    for c in named_children(node) {
        if is_case(c.kind()) {
            out.push(c);
        } else if cat(c.kind()) != Cat::Switch && cat(c.kind()) != Cat::Function {
            collect_cases(c, out, depth + 1);
        }
    }
}

/// Whether running case `c` goes on into the next one: C-family cases without a `break`,
/// `return`, `throw` or `continue` among their statements (Go and Python cases never do).
fn falls_through(c: Node<'_>) -> bool {
    if !matches!(c.kind(), "switch_block_statement_group" | "switch_case" | "switch_default" | "case_statement" | "default_statement" | "switch_section") {
        return false;
    }
    let ends = |k: &str| matches!(k, "break_statement" | "return_statement" | "throw_statement" | "continue_statement" | "yield_statement" | "goto_statement");
    !named_children(c).iter().any(|s| ends(s.kind()))
}

fn named_or_all_labels(case: Node<'_>) -> Vec<Node<'_>> {
    named_children(case).into_iter().filter(|c| matches!(c.kind(), "switch_label" | "case_switch_label" | "default_switch_label")).collect()
}

/// The elements of a tuple or expression list, or the node itself.
fn list_items(node: Node<'_>) -> Vec<Node<'_>> {
    match node.kind() {
        "expression_list" | "pattern_list" | "tuple_pattern" | "tuple" | "sequence_expression" => named_children(node),
        _ => vec![node],
    }
}

/// `[0]` in C#'s `bracketed_argument_list`, or the index itself.
fn unwrap_index(mut node: Node<'_>) -> Node<'_> {
    for _ in 0..4 {
        match node.kind() {
            "bracketed_argument_list" | "argument" => match named_children(node).first() {
                Some(n) => node = *n,
                None => break,
            },
            _ => break,
        }
    }
    node
}

fn slot_read<'t>(env: &Env<'t>, name: &str, key: &str) -> Option<Taint<'t>> {
    if let Some(list) = env.lists.get(name)
        && let Ok(i) = key.parse::<usize>()
    {
        return Some(list.get(i).cloned().unwrap_or_default());
    }
    let has_slots = env.slots.keys().any(|k| k.starts_with(name) && k.as_bytes().get(name.len()) == Some(&0));
    match env.slots.get(&format!("{name}\0{key}")) {
        Some(t) => Some(t.clone()),
        None if has_slots && !env.vars.contains_key(name) => Some(Taint::default()),
        None => None,
    }
}

fn slot_write<'t>(env: &mut Env<'t>, name: &str, key: &str, t: Taint<'t>) {
    if let Some(list) = env.lists.get_mut(name)
        && let Ok(i) = key.parse::<usize>()
        && i < list.len()
    {
        list[i] = t.clone();
    }
    env.slots.insert(format!("{name}\0{key}"), t.clone());
    if !t.is_clean() {
        let whole = env.vars.get(name).cloned().unwrap_or_default().join(&t);
        env.vars.insert(name.to_string(), whole);
    }
}

/// Methods that fill their arguments from their receiver.
fn is_reader(method: &str) -> bool {
    matches!(method, "read" | "readFully" | "getChars" | "drainTo" | "readinto" | "Read" | "ReadFull")
}

/// Calls whose result is a number or a boolean, which carries no injection whatever it was
/// computed from.
fn is_scalar(method: &str) -> bool {
    matches!(
        method,
        "len"
            | "int"
            | "float"
            | "bool"
            | "ord"
            | "hash"
            | "isinstance"
            | "parseInt"
            | "parseFloat"
            | "parseLong"
            | "parseDouble"
            | "parseBoolean"
            | "Atoi"
            | "ParseInt"
            | "ParseFloat"
            | "ParseBool"
            | "intval"
            | "floatval"
            | "boolval"
            | "count"
            | "strlen"
            | "is_numeric"
            | "Number"
            | "isNaN"
            | "length"
            | "size"
            | "equals"
            | "equalsIgnoreCase"
            | "contains"
            | "containsKey"
            | "startsWith"
            | "endsWith"
            | "isEmpty"
            | "indexOf"
            | "lastIndexOf"
            | "hashCode"
            | "compareTo"
            | "matches"
            | "hasNext"
            | "exists"
            | "isBlank"
            | "Parse"
            | "TryParse"
            | "Count"
            | "Equals"
            | "Contains"
            | "StartsWith"
            | "EndsWith"
            | "IndexOf"
            | "has"
            | "includes"
            | "test"
            | "in_array"
            | "isset"
            | "empty"
            | "startswith"
            | "endswith"
            | "isdigit"
            | "isalnum"
            | "isnumeric"
            | "isalpha"
    )
}

/// String building that carries its inputs whatever the rule says of unknown calls.
fn is_formatting(method: &str) -> bool {
    matches!(
        method,
        "format"
            | "join"
            | "replace"
            | "strip"
            | "lstrip"
            | "rstrip"
            | "lower"
            | "upper"
            | "encode"
            | "decode"
            | "substring"
            | "substr"
            | "trim"
            | "toString"
            | "valueOf"
            | "concat"
            | "toLowerCase"
            | "toUpperCase"
            | "split"
            | "Sprintf"
            | "sprintf"
            | "Format"
            | "Concat"
            | "Join"
            | "ToString"
            | "Replace"
            | "Trim"
            | "getBytes"
            | "toCharArray"
            | "formatted"
            | "String"
            | "str"
            | "bytes"
            | "f"
    )
}
