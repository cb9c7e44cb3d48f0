//! Compile-time constants: enough arithmetic, comparison and string indexing to tell a
//! branch that can never run (`if (7 * 18) + num > 200`, with `num = 106` a line above).

use std::collections::HashMap;

use tree_sitter::Node;

use crate::kinds::is_string;
use crate::shape::{field, named_children, text};

#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
}

impl Const {
    fn num(&self) -> Option<f64> {
        match self {
            Const::Int(i) => Some(*i as f64),
            Const::Float(f) => Some(*f),
            _ => None,
        }
    }

    pub fn truthy(&self) -> bool {
        match self {
            Const::Int(i) => *i != 0,
            Const::Float(f) => *f != 0.0,
            Const::Bool(b) => *b,
            Const::Str(s) => !s.is_empty(),
        }
    }
}

/// The string a literal node holds, unquoted, when it interpolates nothing.
pub fn string_value(node: Node<'_>, src: &[u8]) -> Option<String> {
    let interpolates = named_children(node).iter().any(|c| {
        !matches!(
            c.kind(),
            "string_start"
                | "string_content"
                | "string_end"
                | "string_fragment"
                | "escape_sequence"
                | "string_value"
                | "interpreted_string_literal_content"
                | "string_literal_content"
        )
    });
    if interpolates {
        return None;
    }
    let t = text(node, src);
    let t = t.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '@');
    let q = t.chars().next()?;
    if !matches!(q, '"' | '\'' | '`') {
        return None;
    }
    let n = if t.starts_with("\"\"\"") || t.starts_with("'''") { 3 } else { 1 };
    (t.len() >= 2 * n).then(|| t[n..t.len() - n].to_string())
}

pub fn eval(node: Node<'_>, src: &[u8], env: &HashMap<String, Const>, int_division: bool, depth: usize) -> Option<Const> {
    if depth > 64 {
        return None;
    }
    let sub = |n: Node<'_>| eval(n, src, env, int_division, depth + 1);
    let kind = node.kind();
    match kind {
        "integer" | "decimal_integer_literal" | "number" | "int_literal" | "integer_literal" | "hex_integer_literal" => {
            let t = text(node, src).replace('_', "");
            let t = t.trim_end_matches(['l', 'L', 'u', 'U']);
            let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) { i64::from_str_radix(h, 16).ok() } else { t.parse().ok() };
            v.map(Const::Int).or_else(|| t.parse().ok().map(Const::Float))
        }
        "float" | "decimal_floating_point_literal" | "float_literal" | "real_literal" => {
            text(node, src).trim_end_matches(['f', 'F', 'd', 'D', 'm', 'M']).parse().ok().map(Const::Float)
        }
        "true" | "false" | "boolean_literal" | "boolean" => Some(Const::Bool(text(node, src).eq_ignore_ascii_case("true"))),
        "character_literal" | "rune_literal" => {
            let t = text(node, src);
            (t.len() >= 3).then(|| Const::Str(t[1..t.len() - 1].to_string()))
        }
        k if is_string(k) => string_value(node, src).map(Const::Str),
        "parenthesized_expression" => named_children(node).first().and_then(|n| sub(*n)),
        "subscript" => {
            // `"ABC"[1]`
            let (Const::Str(s), Const::Int(i)) = (sub(field(node, &["value"])?)?, sub(field(node, &["subscript"])?)?) else { return None };
            s.chars().nth(usize::try_from(i).ok()?).map(|c| Const::Str(c.to_string()))
        }
        "expression_list" | "literal_element" => match named_children(node).as_slice() {
            [one] => sub(*one),
            _ => None,
        },
        "identifier" | "variable_name" => env.get(text(node, src)).cloned(),
        "binary_expression" | "binary_operator" | "boolean_operator" | "comparison_operator" => {
            let kids = named_children(node);
            let (l, r) = (field(node, &["left"]).or(kids.first().copied())?, field(node, &["right"]).or(kids.get(1).copied())?);
            let op = field(node, &["operator"]).map(|o| text(o, src)).or_else(|| operator_between(node, l, r, src))?;
            binary(op.trim(), &sub(l)?, &sub(r)?, int_division)
        }
        "unary_expression" | "not_operator" | "unary_operator" | "prefix_expression" => {
            let arg = field(node, &["argument", "operand"]).or(named_children(node).last().copied())?;
            let v = sub(arg)?;
            let op = text(node, src).trim_start();
            if op.starts_with('!') || op.starts_with("not") {
                Some(Const::Bool(!v.truthy()))
            } else if op.starts_with('-') {
                match v {
                    Const::Int(i) => Some(Const::Int(i.checked_neg()?)),
                    Const::Float(f) => Some(Const::Float(-f)),
                    _ => None,
                }
            } else {
                None
            }
        }
        "method_invocation" => {
            // `"ABC".charAt(2)` or `guess.charAt(2)` with `guess` a constant string.
            let name = text(field(node, &["name"])?, src);
            let Const::Str(s) = sub(field(node, &["object"])?)? else { return None };
            let args = named_children(field(node, &["arguments"])?);
            match (name, args.as_slice()) {
                ("charAt", [i]) => match sub(*i)? {
                    Const::Int(i) => s.chars().nth(usize::try_from(i).ok()?).map(|c| Const::Str(c.to_string())),
                    _ => None,
                },
                ("length", []) => Some(Const::Int(s.chars().count() as i64)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn operator_between<'a>(node: Node<'_>, l: Node<'_>, r: Node<'_>, src: &'a [u8]) -> Option<&'a str> {
    let mut cursor = node.walk();
    let op = node.children(&mut cursor).find(|c| !c.is_named() && c.start_byte() >= l.end_byte() && c.end_byte() <= r.start_byte());
    op.map(|o| text(o, src))
}

fn binary(op: &str, l: &Const, r: &Const, int_division: bool) -> Option<Const> {
    use Const::*;
    if let (Int(a), Int(b)) = (l, r) {
        let v = match op {
            "+" => a.checked_add(*b)?,
            "-" => a.checked_sub(*b)?,
            "*" => a.checked_mul(*b)?,
            "/" if int_division => a.checked_div(*b)?,
            "//" => a.checked_div_euclid(*b)?,
            "%" => a.checked_rem(*b)?,
            _ => return compare(op, l, r),
        };
        return Some(Int(v));
    }
    if let (Some(a), Some(b)) = (l.num(), r.num()) {
        let v = match op {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" if b != 0.0 => a / b,
            _ => return compare(op, l, r),
        };
        return Some(Float(v));
    }
    if let (Str(a), Str(b), "+") = (l, r, op) {
        return Some(Str(format!("{a}{b}")));
    }
    compare(op, l, r)
}

fn compare(op: &str, l: &Const, r: &Const) -> Option<Const> {
    let ord = match (l, r) {
        (Const::Str(a), Const::Str(b)) => a.partial_cmp(b),
        (Const::Bool(a), Const::Bool(b)) => a.partial_cmp(b),
        _ => l.num()?.partial_cmp(&r.num()?),
    };
    use std::cmp::Ordering::*;
    let b = match op {
        "==" | "===" | "is" => ord? == Equal,
        "!=" | "!==" | "is not" | "<>" => ord? != Equal,
        "<" => ord? == Less,
        ">" => ord? == Greater,
        "<=" => ord? != Greater,
        ">=" => ord? != Less,
        "&&" | "and" => l.truthy() && r.truthy(),
        "||" | "or" => l.truthy() || r.truthy(),
        _ => return None,
    };
    Some(Const::Bool(b))
}
