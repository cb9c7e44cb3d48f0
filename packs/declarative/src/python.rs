//! `ast` checks on Python source, with RustPython's pure-Rust parser so they run in the
//! sandbox. A file is parsed once per scan call however many `ast` rules run on it; a
//! file that does not parse is skipped (logged) rather than guessed at.

use std::cell::RefCell;
use std::rc::Rc;

use rustpython_ast::Visitor;
use rustpython_parser::Parse;
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use sentra_pack_format::{AstCheck, MAX_COMPLEXITY};
use sentra_sdk::{File, Findings, LogLevel, log};

struct Parsed {
    suite: Vec<Stmt>,
    line_starts: Vec<usize>,
}

impl Parsed {
    fn line(&self, offset: usize) -> u32 {
        self.line_starts.partition_point(|&s| s <= offset) as u32
    }
    fn line_of(&self, node: &impl Ranged) -> u32 {
        self.line(node.range().start().to_usize())
    }
}

/// The last file parsed, keyed by its contents (instances are reused across scans, so a
/// path can come back with other contents). `None` result: it did not parse.
struct Last {
    path: String,
    contents: Vec<u8>,
    result: Option<Rc<Parsed>>,
}

thread_local! {
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
}

fn parse_text(text: &str, path: &str) -> Result<Parsed, String> {
    let suite = ast::Suite::parse(text, path).map_err(|e| e.to_string())?;
    let mut line_starts = vec![0];
    line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
    Ok(Parsed { suite, line_starts })
}

fn parsed(file: &File<'_>) -> Option<Rc<Parsed>> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(l) = last.as_ref()
            && l.path == file.path
            && l.contents == file.contents
        {
            return l.result.clone();
        }
        let result = match parse_text(&file.text(), file.path) {
            Ok(p) => Some(Rc::new(p)),
            Err(e) => {
                log(LogLevel::Warn, &format!("{}: not valid Python, ast rules skipped: {e}", file.path));
                None
            }
        };
        *last = Some(Last { path: file.path.to_string(), contents: file.contents.to_vec(), result: result.clone() });
        result
    })
}

/// Function definitions in `text`, if it parses.
pub fn function_count(text: &str) -> Option<usize> {
    let p = parse_text(text, "<input>").ok()?;
    let mut n = 0;
    walk(&p.suite, &mut Vec::new(), &mut |s, _| {
        if matches!(s, Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_)) {
            n += 1;
        }
    });
    Some(n)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Function,
    Class,
}

/// Calls `f` on every statement, with the stack of enclosing function/class scopes.
fn walk(body: &[Stmt], scopes: &mut Vec<Scope>, f: &mut dyn FnMut(&Stmt, &[Scope])) {
    for s in body {
        f(s, scopes);
        let mut inner = |bodies: &[&[Stmt]], scope: Option<Scope>, scopes: &mut Vec<Scope>| {
            if let Some(sc) = scope {
                scopes.push(sc);
            }
            for b in bodies {
                walk(b, scopes, f);
            }
            if scope.is_some() {
                scopes.pop();
            }
        };
        match s {
            Stmt::FunctionDef(d) => inner(&[&d.body], Some(Scope::Function), scopes),
            Stmt::AsyncFunctionDef(d) => inner(&[&d.body], Some(Scope::Function), scopes),
            Stmt::ClassDef(d) => inner(&[&d.body], Some(Scope::Class), scopes),
            Stmt::For(d) => inner(&[&d.body, &d.orelse], None, scopes),
            Stmt::AsyncFor(d) => inner(&[&d.body, &d.orelse], None, scopes),
            Stmt::While(d) => inner(&[&d.body, &d.orelse], None, scopes),
            Stmt::If(d) => inner(&[&d.body, &d.orelse], None, scopes),
            Stmt::With(d) => inner(&[&d.body], None, scopes),
            Stmt::AsyncWith(d) => inner(&[&d.body], None, scopes),
            Stmt::Match(d) => {
                let bodies: Vec<&[Stmt]> = d.cases.iter().map(|c| c.body.as_slice()).collect();
                inner(&bodies, None, scopes)
            }
            Stmt::Try(d) => {
                let mut bodies: Vec<&[Stmt]> = vec![&d.body, &d.orelse, &d.finalbody];
                bodies.extend(d.handlers.iter().map(|ast::ExceptHandler::ExceptHandler(h)| h.body.as_slice()));
                inner(&bodies, None, scopes)
            }
            Stmt::TryStar(d) => {
                let mut bodies: Vec<&[Stmt]> = vec![&d.body, &d.orelse, &d.finalbody];
                bodies.extend(d.handlers.iter().map(|ast::ExceptHandler::ExceptHandler(h)| h.body.as_slice()));
                inner(&bodies, None, scopes)
            }
            _ => {}
        }
    }
}

pub fn check(check: &AstCheck, file: &File<'_>, out: &mut Findings) {
    if !file.path.ends_with(".py") && !file.path.ends_with(".pyi") {
        return;
    }
    let Some(p) = parsed(file) else { return };
    let mut lines: Vec<u32> = Vec::new();
    match check {
        AstCheck::NoMutableDefaults => walk(&p.suite, &mut Vec::new(), &mut |s, _| {
            let args = match s {
                Stmt::FunctionDef(d) => &d.args,
                Stmt::AsyncFunctionDef(d) => &d.args,
                _ => return,
            };
            let all = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs);
            for default in all.filter_map(|a| a.default.as_deref()) {
                if is_mutable(default) {
                    lines.push(p.line_of(default));
                }
            }
        }),
        AstCheck::NoStarImports => walk(&p.suite, &mut Vec::new(), &mut |s, _| {
            if let Stmt::ImportFrom(i) = s
                && i.names.iter().any(|a| a.name.as_str() == "*")
            {
                lines.push(p.line_of(s));
            }
        }),
        AstCheck::NoNestedFunctions => walk(&p.suite, &mut Vec::new(), &mut |s, scopes| {
            if matches!(s, Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_)) && scopes.last() == Some(&Scope::Function) {
                lines.push(p.line_of(s));
            }
        }),
        AstCheck::NoGlobalVariables => {
            for s in &p.suite {
                let targets: Vec<&Expr> = match s {
                    Stmt::Assign(a) => a.targets.iter().collect(),
                    Stmt::AnnAssign(a) if a.value.is_some() => vec![&*a.target],
                    Stmt::AugAssign(a) => vec![&*a.target],
                    _ => continue,
                };
                if targets.iter().any(|t| names(t).iter().any(|n| !is_constant_name(n))) {
                    lines.push(p.line_of(s));
                }
            }
            walk(&p.suite, &mut Vec::new(), &mut |s, _| {
                if matches!(s, Stmt::Global(_)) {
                    lines.push(p.line_of(s));
                }
            });
        }
        AstCheck::HighComplexity => walk(&p.suite, &mut Vec::new(), &mut |s, _| {
            let body = match s {
                Stmt::FunctionDef(d) => &d.body,
                Stmt::AsyncFunctionDef(d) => &d.body,
                _ => return,
            };
            let mut c = Complexity(1);
            for stmt in body {
                c.visit_stmt(stmt.clone());
            }
            if c.0 > MAX_COMPLEXITY {
                lines.push(p.line_of(s));
            }
        }),
        AstCheck::MaxFunctionLength { max_lines } => walk(&p.suite, &mut Vec::new(), &mut |s, _| {
            if matches!(s, Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_)) {
                let start = p.line_of(s);
                let end = p.line(s.range().end().to_usize().saturating_sub(1));
                if end + 1 - start > *max_lines {
                    lines.push(start);
                }
            }
        }),
    }
    lines.sort_unstable();
    lines.dedup();
    for line in lines {
        out.report_line(line);
    }
}

fn is_mutable(e: &Expr) -> bool {
    match e {
        Expr::List(_) | Expr::Dict(_) | Expr::Set(_) | Expr::ListComp(_) | Expr::DictComp(_) | Expr::SetComp(_) => true,
        Expr::Call(c) => matches!(&*c.func, Expr::Name(n) if matches!(n.id.as_str(), "list" | "dict" | "set" | "bytearray")),
        _ => false,
    }
}

/// Names bound by an assignment target (tuple unpacking included).
fn names(e: &Expr) -> Vec<&str> {
    match e {
        Expr::Name(n) => vec![n.id.as_str()],
        Expr::Tuple(t) => t.elts.iter().flat_map(names).collect(),
        Expr::List(l) => l.elts.iter().flat_map(names).collect(),
        Expr::Starred(s) => names(&s.value),
        _ => Vec::new(),
    }
}

/// `MAX_RETRIES`, `__all__`, `_T` style names are constants or module metadata, not
/// mutable globals.
fn is_constant_name(n: &str) -> bool {
    (n.starts_with("__") && n.ends_with("__")) || !n.chars().any(|c| c.is_ascii_lowercase())
}

/// McCabe complexity of one function body: 1 plus one per branch point (if/elif, loops,
/// except clauses, match cases, boolean operators, conditional expressions and
/// comprehension clauses). Nested functions and classes count on their own.
struct Complexity(u32);

impl Visitor for Complexity {
    fn visit_stmt_function_def(&mut self, _: ast::StmtFunctionDef) {}
    fn visit_stmt_async_function_def(&mut self, _: ast::StmtAsyncFunctionDef) {}
    fn visit_stmt_class_def(&mut self, _: ast::StmtClassDef) {}
    fn visit_stmt_if(&mut self, node: ast::StmtIf) {
        self.0 += 1;
        self.generic_visit_stmt_if(node);
    }
    fn visit_stmt_for(&mut self, node: ast::StmtFor) {
        self.0 += 1;
        self.generic_visit_stmt_for(node);
    }
    fn visit_stmt_async_for(&mut self, node: ast::StmtAsyncFor) {
        self.0 += 1;
        self.generic_visit_stmt_async_for(node);
    }
    fn visit_stmt_while(&mut self, node: ast::StmtWhile) {
        self.0 += 1;
        self.generic_visit_stmt_while(node);
    }
    fn visit_excepthandler_except_handler(&mut self, node: ast::ExceptHandlerExceptHandler) {
        self.0 += 1;
        self.generic_visit_excepthandler_except_handler(node);
    }
    fn visit_match_case(&mut self, node: ast::MatchCase) {
        self.0 += 1;
        self.generic_visit_match_case(node);
    }
    fn visit_expr_bool_op(&mut self, node: ast::ExprBoolOp) {
        self.0 += node.values.len().saturating_sub(1) as u32;
        self.generic_visit_expr_bool_op(node);
    }
    fn visit_expr_if_exp(&mut self, node: ast::ExprIfExp) {
        self.0 += 1;
        self.generic_visit_expr_if_exp(node);
    }
    fn visit_comprehension(&mut self, node: ast::Comprehension) {
        self.0 += 1 + node.ifs.len() as u32;
        self.generic_visit_comprehension(node);
    }
}
