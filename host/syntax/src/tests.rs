//! Unit tests: grammars, predicates, limits, positions and navigation.

use super::*;
use crate::anchors::Walk;

fn parse_ok(lang: Lang, src: &str) -> Parsed {
    parse(lang, src.as_bytes(), usize::MAX, &mut || false).unwrap()
}

fn lines(q: &SyntaxQuery, parsed: &Parsed, src: &str) -> Vec<u32> {
    let mut l: Vec<u32> = q.run(parsed, src.as_bytes(), false, &mut || false).unwrap().iter().flat_map(|m| m.captures.iter().map(|c| c.node.line)).collect();
    l.dedup();
    l
}

#[test]
fn a_call_is_told_from_a_definition_a_string_and_a_comment() {
    let src = "class A:\n    def eval(self):\n        return 'eval(1)'\n# eval(2)\neval(data)\nobj.eval(x)\n";
    let q = compile_query("python", r#"(call function: (identifier) @f (#eq? @f "eval"))"#).unwrap();
    assert_eq!(lines(&q, &parse_ok(Lang::Python, src), src), vec![5]);
    assert_eq!(q.required_literals(), ["eval"]);
}

#[test]
fn every_text_predicate_is_evaluated_by_the_host() {
    let src = "a = 1\nb = 2\nabc = 3\nx = 4\n";
    let parsed = parse_ok(Lang::Python, src);
    let run = |pred: &str| {
        let q = compile_query("py", &format!("((identifier) @id {pred})")).unwrap();
        lines(&q, &parsed, src)
    };
    assert_eq!(run(r#"(#eq? @id "b")"#), vec![2]);
    assert_eq!(run(r#"(#not-eq? @id "b")"#), vec![1, 3, 4]);
    assert_eq!(run(r#"(#match? @id "^a")"#), vec![1, 3]);
    assert_eq!(run(r#"(#not-match? @id "^a")"#), vec![2, 4]);
    assert_eq!(run(r#"(#any-of? @id "x" "b")"#), vec![2, 4]);
    assert_eq!(run(r#"(#not-any-of? @id "x" "b")"#), vec![1, 3]);
}

#[test]
fn queries_that_cannot_be_evaluated_are_refused_with_their_position() {
    let err = compile_query("python", "(call function: (nonsense_kind) @f)").unwrap_err().to_string();
    assert!(err.contains("line 1"), "{err}");
    let err = compile_query("python", r#"((identifier) @id (#is-keyword? @id))"#).unwrap_err().to_string();
    assert!(err.contains("#is-keyword?") && err.contains("not supported"), "{err}");
    let err = compile_query("cobol", "(x)").unwrap_err().to_string();
    assert!(err.contains("unknown language `cobol`"), "{err}");
    let big = "(identifier) @x\n".repeat(MAX_QUERY_BYTES / 10);
    assert!(compile_query("python", &big).unwrap_err().to_string().contains("limit"));
}

#[test]
fn every_grammar_parses_a_sample() {
    let samples = [
        ("python", "def f(x):\n    return x\n"),
        ("javascript", "function f(x) { return <a>{x}</a>; }"),
        ("typescript", "function f(x: number): number { return x; }"),
        ("tsx", "const a = <div>{1}</div>;"),
        ("java", "class A { void f() { g(); } }"),
        ("go", "package main\nfunc f() { g() }\n"),
        ("c", "int f(void) { return g(); }"),
        ("cpp", "class A { public: int f() { return g(); } };"),
        ("c_sharp", "class A { void F() { G(); } }"),
        ("php", "<?php function f() { return g(); }"),
        ("ruby", "def f\n  g()\nend\n"),
        ("rust", "fn f() { g(); }"),
        ("kotlin", "fun f() { g() }"),
    ];
    assert_eq!(samples.len(), Lang::ALL.len());
    for (name, src) in samples {
        let lang = Lang::from_name(name).unwrap();
        let parsed = parse_ok(lang, src);
        assert!(!parsed.has_errors, "{name}: {}", parsed.tree.root_node().to_sexp());
    }
    assert!(parse_ok(Lang::Python, "def (:\n").has_errors);
}

#[test]
fn a_typescript_query_runs_on_tsx_files_with_the_tsx_grammar() {
    let q = compile_query("ts", r#"(call_expression function: (identifier) @f (#eq? @f "eval"))"#).unwrap();
    let src = "const a = <b>{eval(x)}</b>;\n";
    let lang = q.lang().for_path("src/App.tsx");
    assert_eq!(lang, Lang::Tsx);
    assert_eq!(lines(&q, &parse_ok(lang, src), src), vec![1]);
}

#[test]
fn parsing_and_matching_stop_when_asked_and_big_trees_are_refused() {
    let src = "x = [1, 2, 3]\n".repeat(20_000);
    let mut calls = 0;
    let err = parse(Lang::Python, src.as_bytes(), usize::MAX, &mut || {
        calls += 1;
        calls > 2
    })
    .unwrap_err();
    assert_eq!(err, SyntaxError::Stopped);
    let err = parse(Lang::Python, src.as_bytes(), 1 << 20, &mut || false).unwrap_err();
    assert!(matches!(err, SyntaxError::TooLarge { .. }), "{err}");
    let parsed = parse_ok(Lang::Python, &src);
    let q = compile_query("python", "(integer) @n").unwrap();
    assert_eq!(q.run(&parsed, src.as_bytes(), false, &mut || false).unwrap_err(), SyntaxError::TooManyMatches { limit: MAX_MATCHES_PER_RUN });
    let q = compile_query("python", "(list) @l").unwrap();
    assert_eq!(q.run(&parsed, src.as_bytes(), false, &mut || true).unwrap_err(), SyntaxError::Stopped);
}

#[test]
fn positions_count_characters_and_text_comes_on_request() {
    let src = "s = 'é'; eval(x)\n";
    let q = compile_query("python", r#"(call function: (identifier) @f (#eq? @f "eval")) @call"#).unwrap();
    let parsed = parse_ok(Lang::Python, src);
    let m = &q.run(&parsed, src.as_bytes(), true, &mut || false).unwrap()[0];
    let call = m.captures.iter().find(|c| q.capture_names()[c.index as usize] == "call").unwrap();
    assert_eq!((call.node.line, call.node.column, call.node.end_column), (1, 10, 17));
    assert_eq!(call.node.text.as_deref(), Some("eval(x)"));
    assert_eq!(call.node.kind, "call");
    // Navigation by reference: the call's parent is the expression statement, its
    // children the function and the argument list.
    let up = parent(&parsed, call.node.node_ref(), src.as_bytes(), false).unwrap();
    assert_eq!(up.kind, "expression_statement");
    let kids = children(&parsed, call.node.node_ref(), src.as_bytes(), true, true).unwrap();
    assert_eq!(kids.iter().map(|k| k.kind.as_str()).collect::<Vec<_>>(), ["identifier", "argument_list"]);
}

#[test]
fn literals_are_a_prefilter_only_when_every_pattern_has_one() {
    let both = compile_query("python", r#"((identifier) @a (#eq? @a "x")) ((string) @s (#any-of? @s "'p'" "'q'"))"#).unwrap();
    assert_eq!(both.required_literals(), ["'p'", "'q'", "x"]);
    let one = compile_query("python", r#"((identifier) @a (#eq? @a "x")) (string) @s"#).unwrap();
    assert!(one.required_literals().is_empty());
    let optional = compile_query("python", r#"((identifier)? @a (#eq? @a "x"))"#).unwrap();
    assert!(optional.required_literals().is_empty(), "an optional capture may match without the text");
    // Strings are read as the query language writes them: a `)` or an escaped quote inside.
    let parens = compile_query("python", r#"((call) @c (#any-of? @c "random.random()" "say \"hi\""))"#).unwrap();
    assert_eq!(parens.required_literals(), ["random.random()", "say \"hi\""]);
    let other_escape = compile_query("python", r#"((call) @c (#eq? @c "a\nb"))"#).unwrap();
    assert!(other_escape.required_literals().is_empty(), "an escape it does not read gives no prefilter");
}

#[test]
fn a_predicate_outside_its_pattern_is_an_error_not_ignored() {
    // tree-sitter would take `(#eq? ...)` as a pattern of its own and match every node.
    let err = compile_query("python", r#"(identifier) @x (#eq? @x "eval")"#).unwrap_err();
    assert!(err.to_string().contains("inside the parentheses"), "{err}");
    assert!(compile_query("python", r#"((identifier) @x (#eq? @x "eval"))"#).is_ok());
}

#[test]
fn a_batch_gives_each_query_what_it_finds_alone() {
    let src = "import os\neval(x)\nos.system('ls')\ndef f(a, b=1):\n    return eval(a) + b\n# eval(no)\ns = 'eval(no)'\n";
    let parsed = parse_ok(Lang::Python, src);
    let sources = [
        r#"(call function: (identifier) @f (#eq? @f "eval")) @call"#,
        r#"(call function: (attribute object: (identifier) @o attribute: (identifier) @m) (#eq? @o "os") (#any-of? @m "system" "popen"))"#,
        "(function_definition name: (identifier) @name parameters: (parameters (identifier) @param))\n(default_parameter name: (identifier) @param)",
        r#"((string) @s (#match? @s "eval"))"#,
    ];
    let members: Vec<std::sync::Arc<SyntaxQuery>> = sources.iter().map(|s| std::sync::Arc::new(compile_query("python", s).unwrap())).collect();
    let batch = QueryBatch::new(Lang::Python, &members).unwrap();
    let together = batch.run(&parsed, src.as_bytes(), &mut || false).unwrap().expect("within the cursor's bound");
    for (m, got) in members.iter().zip(together) {
        let alone = m.run(&parsed, src.as_bytes(), true, &mut || false).unwrap();
        assert!(!alone.is_empty(), "{}", m.source());
        assert_eq!(got.unwrap(), alone, "{}", m.source());
    }
    let js = std::sync::Arc::new(compile_query("javascript", "(identifier) @i").unwrap());
    assert!(QueryBatch::new(Lang::Python, &[members[0].clone(), js]).is_err(), "one grammar per batch");
    // A batch is bounded as one query is: joining is not interruptible.
    let wide = std::sync::Arc::new(compile_query("python", &"(identifier) @i\n".repeat(200)).unwrap());
    let three = [wide.clone(), wide.clone(), wide];
    assert!(!QueryBatch::fits(three.iter().map(AsRef::as_ref)));
    assert!(QueryBatch::new(Lang::Python, &three).is_err());
    assert!(QueryBatch::fits(three[..2].iter().map(AsRef::as_ref)));
}

#[test]
fn a_query_with_literals_runs_around_them_and_finds_what_a_whole_walk_finds() {
    // Occurrences far apart (separate ranges) and near (joined), nested calls, a call whose
    // arguments run on past the literal, decorators, the literals in strings and comments.
    let filler = format!("\n# {}\nx = 1\n", "-".repeat(400));
    let mut src = String::from("import pickle\nfrom os import system\n");
    for i in 0..6 {
        src.push_str(&format!("class C{i}:\n    @staticmethod\n    def f(self, a):\n        return eval(eval(a), {{\n            'k': pickle.loads(a)}})\n"));
        src.push_str(&filler);
        src.push_str(&format!("y{i} = system(\"ls\" + a) if a else obj.exec(b, c)  # eval(no)\ns = 'eval(no)'\n"));
        src.push_str(&filler);
    }
    let parsed = parse_ok(Lang::Python, &src);
    let sources = [
        r#"(call function: (identifier) @f arguments: (argument_list . (_) @arg) (#eq? @f "eval"))"#,
        r#"(call function: [(identifier) (attribute)] @callee arguments: (argument_list) @args (#match? @callee "(^|[.])(eval|exec)$"))"#,
        r#"(call function: (attribute object: (identifier) @o attribute: (identifier) @m) (#eq? @o "pickle") (#any-of? @m "load" "loads"))"#,
        r#"((call function: (identifier) @f arguments: (argument_list (binary_operator) @cmd)) (#eq? @f "system"))"#,
    ];
    for source in sources {
        let q = compile_query("python", source).unwrap();
        assert!(q.is_anchored(), "{source}");
        let Walk::Ranges(ranges) = q.walk(src.as_bytes()) else { panic!("{source}: expected ranges") };
        assert!(ranges.len() > 1, "{source}: the test needs several ranges");
        let ranged = q.run(&parsed, src.as_bytes(), true, &mut || false).unwrap();
        assert!(!ranged.is_empty(), "{source}");
        let starts: Vec<_> = ranged.iter().map(|m| m.captures.iter().map(|c| c.node.start).min()).collect();
        assert!(starts.is_sorted(), "{source}: in order of position");
        let key = |m: &MatchInfo| (m.pattern, m.captures.iter().map(|c| (c.index, c.node.start, c.node.end)).collect::<Vec<_>>());
        let (mut a, mut b): (Vec<_>, Vec<_>) = (ranged.iter().map(key).collect(), q.run_whole(&parsed, src.as_bytes()).iter().map(key).collect());
        a.sort();
        b.sort();
        assert_eq!(a, b, "{source}");
    }
    // A file without the literals is not walked at all.
    let none = "print(1)\n";
    let q = compile_query("python", sources[0]).unwrap();
    assert_eq!(q.walk(none.as_bytes()), Walk::Ranges(vec![]));
    assert!(q.run(&parse_ok(Lang::Python, none), none.as_bytes(), true, &mut || false).unwrap().is_empty());
}

#[test]
fn a_match_predicate_gives_the_literals_its_regex_requires() {
    let q = compile_query("python", r#"((identifier) @f (#match? @f "(^|[.])(eval|exec)$"))"#).unwrap();
    assert_eq!(q.required_literals(), ["eval", "exec"]);
    // A literal holding another is dropped.
    let q = compile_query("python", r#"((identifier) @f (#match? @f "^ev") (#any-of? @f "eval" "my_eval"))"#).unwrap();
    assert_eq!(q.required_literals(), ["eval"]);
    // Of a pattern's predicates, the one whose literals filter best (longest, then fewest).
    let q = compile_query(
        "python",
        r#"(call function: (attribute attribute: (identifier) @m) arguments: (argument_list (attribute) @a) (#any-of? @m "sub" "match") (#match? @a "^request\\."))"#,
    )
    .unwrap();
    assert_eq!(q.required_literals(), ["request."]);
    // A regex without a literal of three bytes, or a negated one, gives none.
    for pred in [r#"(#match? @f "^[a-z]+$")"#, r#"(#match? @f "^ab")"#, r#"(#not-match? @f "eval")"#] {
        let q = compile_query("python", &format!("((identifier) @f {pred})")).unwrap();
        assert!(q.required_literals().is_empty() && !q.is_anchored(), "{pred}");
    }
}

#[test]
fn ranges_that_cost_more_than_a_whole_walk_give_way_to_one() {
    // A pattern rooted at the file: every range starts it at the root again, and its
    // wildcard steps follow the whole tree each time.
    let mut src = String::new();
    for i in 0..3_000 {
        src.push_str(&format!("def f{i}(a):\n    return g(a, {i})\n"));
        if i % 50 == 0 {
            src.push_str(&format!("def e{i}(a):\n    return eval(a)\n"));
        }
    }
    let parsed = parse_ok(Lang::Python, &src);
    let q =
        compile_query("python", r#"((module (_ (_ (_ [(call function: (identifier) @f) (_ (call function: (identifier) @f))])))) (#eq? @f "eval"))"#).unwrap();
    let Walk::Ranges(ranges) = q.walk(src.as_bytes()) else { panic!("expected ranges") };
    assert!(ranges.len() > 50);
    let walk = Walk::Ranges(ranges);
    let walked = crate::query::for_each_match(q.for_tree(Lang::Python).unwrap(), &parsed, src.as_bytes(), &walk, &mut || false, &mut |_| Ok(())).unwrap();
    assert_eq!(walked, crate::query::Walked::OverBudget);
    let found = q.run(&parsed, src.as_bytes(), true, &mut || false).unwrap();
    assert_eq!(found.len(), 60);
    assert_eq!(found, q.run_whole(&parsed, src.as_bytes()));
}
