//! Reading the shape of calls, names and parameters across grammars: the callee's dotted
//! path, the receiver, the arguments, a function's parameter names.

use std::collections::HashMap;

use tree_sitter::Node;

use crate::kinds::{Cat, cat};

pub fn text<'a>(node: Node<'_>, src: &'a [u8]) -> &'a str {
    std::str::from_utf8(&src[node.start_byte().min(src.len())..node.end_byte().min(src.len())]).unwrap_or("")
}

pub fn field<'t>(node: Node<'t>, names: &[&str]) -> Option<Node<'t>> {
    names.iter().find_map(|n| node.child_by_field_name(n))
}

pub fn named_children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).filter(|c| !c.kind().contains("comment")).collect()
}

/// The object of a member access (`a` in `a.b`).
pub fn member_object(node: Node<'_>) -> Option<Node<'_>> {
    field(node, &["object", "operand", "expression", "value", "scope"]).or_else(|| named_children(node).into_iter().next())
}

/// The member name of a member access (`b` in `a.b`; `Query` in C#'s `a.Query<T>`).
pub fn member_name<'a>(node: Node<'_>, src: &'a [u8]) -> Option<&'a str> {
    field(node, &["attribute", "field", "property", "name"]).map(|n| strip_generics(text(n, src)))
}

/// `Query<T>` is `Query` to patterns.
pub fn strip_generics(name: &str) -> &str {
    name.split('<').next().unwrap_or(name).trim()
}

/// The dotted path a callee or name is written as: `a.b.c`, `response.getWriter().print`
/// (a call in the path keeps its `()`), `java.io.File`; `?` for anything else.
pub fn path_of(node: Node<'_>, src: &[u8], out: &mut Vec<String>, depth: usize) {
    if depth > 32 {
        out.push("?".into());
        return;
    }
    match node.kind() {
        "identifier"
        | "variable_name"
        | "name"
        | "type_identifier"
        | "this"
        | "self"
        | "super"
        | "field_identifier"
        | "property_identifier"
        | "predefined_type" => out.push(text(node, src).to_string()),
        "scoped_identifier" | "scoped_type_identifier" | "qualified_name" | "dotted_name" | "qualified_identifier" => {
            out.extend(text(node, src).split(['.', '\\']).filter(|s| !s.is_empty()).map(|s| s.trim().to_string()))
        }
        "generic_type" => match named_children(node).first() {
            Some(t) => path_of(*t, src, out, depth + 1),
            None => out.push("?".into()),
        },
        "parenthesized_expression" => match named_children(node).first() {
            Some(inner) => path_of(*inner, src, out, depth + 1),
            None => out.push("?".into()),
        },
        k => match cat(k) {
            Cat::Member => {
                match member_object(node) {
                    Some(o) => path_of(o, src, out, depth + 1),
                    None => out.push("?".into()),
                }
                out.push(member_name(node, src).unwrap_or("?").to_string());
            }
            Cat::Call => {
                let (recv, name, function) = callee(node, src);
                if let Some(f) = function {
                    path_of(f, src, out, depth + 1);
                } else {
                    if let Some(r) = recv {
                        path_of(r, src, out, depth + 1);
                    }
                    out.push(name.unwrap_or("?").to_string());
                }
                if let Some(last) = out.last_mut() {
                    last.push_str("()");
                }
            }
            _ => out.push("?".into()),
        },
    }
}

/// A call's receiver (the object a method is called on), its method or function name,
/// and, for calls whose callee is one expression (`f(x)`, `a.b(x)`), that expression.
pub fn callee<'t, 'a>(node: Node<'t>, src: &'a [u8]) -> (Option<Node<'t>>, Option<&'a str>, Option<Node<'t>>) {
    if let Some(f) = field(node, &["function"]) {
        let (recv, name) = match cat(f.kind()) {
            Cat::Member => (member_object(f), member_name(f, src)),
            Cat::Identifier => (None, Some(text(f, src))),
            _ => (None, f.kind().ends_with("name").then(|| text(f, src))),
        };
        let name = name.map(|n| n.rsplit(['.', '\\']).next().unwrap_or(n));
        return (recv, name, Some(f));
    }
    let recv = field(node, &["object", "scope"]);
    let name = field(node, &["name"]).map(|n| strip_generics(text(n, src)));
    (recv, name, None)
}

/// The type a constructor call builds.
pub fn constructed(node: Node<'_>) -> Option<Node<'_>> {
    field(node, &["type", "constructor"]).or_else(|| named_children(node).into_iter().find(|c| !c.kind().contains("argument")))
}

/// A call's arguments: positional ones, and keyword ones as (name, value text, node).
pub struct Args<'t> {
    pub positional: Vec<Node<'t>>,
    pub keywords: Vec<(String, String, Node<'t>)>,
}

pub fn args<'t>(node: Node<'t>, src: &[u8]) -> Args<'t> {
    let mut out = Args { positional: Vec::new(), keywords: Vec::new() };
    // PHP's `new X(...)` holds its `arguments` without a field name.
    let list = field(node, &["arguments"]).or_else(|| named_children(node).into_iter().find(|c| matches!(c.kind(), "arguments" | "argument_list")));
    let Some(list) = list else { return out };
    // Python's `f(x for x in xs)`: the generator is the one argument.
    if list.kind() == "generator_expression" {
        out.positional.push(list);
        return out;
    }
    for a in named_children(list) {
        let keyword = match a.kind() {
            "keyword_argument" => field(a, &["name"]).zip(field(a, &["value"])),
            "argument" => field(a, &["name"]).zip(named_children(a).last().copied()),
            _ => None,
        };
        match keyword {
            Some((n, v)) => out.keywords.push((text(n, src).trim_end_matches(':').to_string(), text(v, src).to_string(), a)),
            None => out.positional.push(a),
        }
    }
    out
}

/// The names a function binds as parameters, in order, with the node of each.
pub fn params<'t>(function: Node<'t>, src: &[u8]) -> Vec<(String, Node<'t>)> {
    let Some(list) = field(function, &["parameters"]) else {
        // `x => ...`: one bare parameter.
        return field(function, &["parameter"]).map(|p| vec![(text(p, src).to_string(), p)]).unwrap_or_default();
    };
    if cat(list.kind()) == Cat::Identifier {
        return vec![(text(list, src).to_string(), list)];
    }
    let mut out = Vec::new();
    for p in named_children(list) {
        let mut cursor = p.walk();
        let names: Vec<Node<'t>> = p.children_by_field_name("name", &mut cursor).collect();
        if !names.is_empty() {
            out.extend(names.into_iter().map(|n| (text(n, src).to_string(), p)));
            continue;
        }
        let name = if cat(p.kind()) == Cat::Identifier {
            Some(p)
        } else {
            field(p, &["pattern", "left"]).or_else(|| named_children(p).into_iter().find(|c| cat(c.kind()) == Cat::Identifier))
        };
        if let Some(n) = name {
            out.push((text(n, src).to_string(), p));
        }
    }
    out
}

/// Top-level import aliases: the name a file uses to the dotted name it stands for
/// (`sp` for `subprocess`, `system` for `os.system`, `URLDecoder` for `java.net.URLDecoder`).
pub fn imports(root: Node<'_>, src: &[u8]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for node in named_children(root) {
        match node.kind() {
            "import_statement" => {
                for n in named_children(node) {
                    if n.kind() == "aliased_import"
                        && let (Some(name), Some(alias)) = (field(n, &["name"]), field(n, &["alias"]))
                    {
                        out.insert(text(alias, src).to_string(), text(name, src).to_string());
                    }
                }
            }
            "import_from_statement" => {
                let Some(module) = field(node, &["module_name"]) else { continue };
                let module = text(module, src);
                let mut cursor = node.walk();
                for n in node.children_by_field_name("name", &mut cursor) {
                    let (name, alias) = match n.kind() {
                        "aliased_import" => (field(n, &["name"]).map(|x| text(x, src)), field(n, &["alias"]).map(|x| text(x, src))),
                        _ => (Some(text(n, src)), Some(text(n, src))),
                    };
                    if let (Some(name), Some(alias)) = (name, alias) {
                        out.insert(alias.to_string(), format!("{module}.{name}"));
                    }
                }
            }
            "import_declaration" => {
                let full = text(node, src).trim_start_matches("import").trim().trim_end_matches(';').trim();
                if !full.starts_with("static") && !full.ends_with('*') {
                    let last = full.rsplit('.').next().unwrap_or(full);
                    out.insert(last.to_string(), full.to_string());
                }
            }
            _ => {}
        }
    }
    out
}
