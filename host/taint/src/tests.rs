//! Unit tests: flows per language, the safe twins that differ only in flow, and the
//! bounds a hostile file runs into.

use sentra_syntax::{Lang, parse};

use crate::{Pattern, TaintRule, TaintSpec};

fn code(list: &[&str]) -> Vec<Pattern> {
    list.iter().map(|s| Pattern::Code(s.to_string())).collect()
}

/// The lines of the sinks reached in `source`.
fn sinks(language: &str, sources: &[&str], sinks: &[&str], sanitizers: &[&str], source: &str) -> Vec<u32> {
    let spec = TaintSpec {
        language: language.into(),
        sources: code(sources),
        sinks: code(sinks),
        sanitizers: code(sanitizers),
        propagators: vec![],
        unknown_calls_propagate: true,
    };
    let rule = TaintRule::compile(&spec).unwrap();
    let lang = Lang::from_name(language).unwrap();
    let parsed = parse(lang, source.as_bytes(), usize::MAX, &mut || false).unwrap();
    let flows = rule.run(&parsed, source.as_bytes(), &mut || false).unwrap();
    // The check before parsing never hides a flow.
    assert!(flows.is_empty() || rule.may_flow(source.as_bytes()), "may_flow said no to a file with flows");
    flows.iter().map(|f| f.sink().line).collect()
}

fn py(source: &str) -> Vec<u32> {
    sinks("python", &["request.args.get(...)", "request.form"], &["$C.execute($SINK, ...)", "os.system(...)"], &["shlex.quote(...)"], source)
}

#[test]
fn python_flows_through_variables_and_formatting() {
    let src = r#"
import os
from flask import request

def a():
    name = request.args.get("n")
    sql = "SELECT * FROM t WHERE n = '%s'" % name
    cursor.execute(sql)

def b():
    name = request.form["n"]
    q = f"SELECT {name}"
    cur.execute(q, ())

def c():
    x = request.args.get("n")
    y = "{}".format(x)
    z = y
    z += " tail"
    os.system(z)
"#;
    assert_eq!(py(src), vec![8, 13, 20]);
}

#[test]
fn python_safe_twins_report_nothing() {
    let src = r#"
import os, shlex
from flask import request

def constant():
    name = "fixed"
    cursor.execute("SELECT %s" % name)

def parameterized():
    name = request.args.get("n")
    cursor.execute("SELECT * FROM t WHERE n = %s", (name,))

def overwritten():
    name = request.args.get("n")
    name = "safe"
    cursor.execute("SELECT " + name)

def sanitized():
    arg = shlex.quote(request.args.get("n"))
    os.system("ls " + arg)

def dead_branch():
    num = 106
    bar = "safe" if (7 * 18) + num > 200 else request.args.get("n")
    os.system(bar)
    if 1 > 2:
        os.system(request.args.get("n"))

def safe_slot():
    d = {}
    d["a"] = "safe"
    d["b"] = request.args.get("n")
    os.system(d["a"])
"#;
    assert_eq!(py(src), Vec::<u32>::new());
}

#[test]
fn python_summaries_follow_same_file_helpers() {
    let src = r#"
from flask import request

def wrap(v, other):
    return "x" + v

def clean(v):
    return "constant"

def view():
    p = request.args.get("n")
    cursor.execute(wrap(p, 1))
    cursor.execute(clean(p))
    cursor.execute(wrap("k", p))
"#;
    assert_eq!(py(src), vec![12]);
}

fn java(source: &str) -> Vec<u32> {
    sinks(
        "java",
        &["$R.getParameter(...)", "$R.getHeader(...)"],
        &["$S.executeQuery($SINK)", "$R.getWriter().print($SINK)", "$R.getWriter().format(...)", "$R.exec(...)", "new java.io.File(...)"],
        &["$E.encodeForHTML(...)", "HtmlUtils.htmlEscape(...)"],
        source,
    )
}

#[test]
fn java_benchmark_shapes() {
    let src = r#"
public class T extends HttpServlet {
  public void doPost(HttpServletRequest request, HttpServletResponse response) {
    String param = request.getParameter("x");
    String bar = new Test().doSomething(request, param);
    String sql = "SELECT * FROM u WHERE n = '" + bar + "'";
    statement.executeQuery(sql);
    StringBuilder sb = new StringBuilder();
    sb.append("a").append(param);
    response.getWriter().print(sb.toString());
    java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
    map.put("keyA", "a_Value");
    map.put("keyB", param);
    String safe = (String) map.get("keyA");
    response.getWriter().print(safe);
    String unsafe = (String) map.get("keyB");
    java.io.File f = new java.io.File(unsafe);
  }

  private class Test {
    public String doSomething(HttpServletRequest request, String param) {
      String bar = "";
      if (param != null) bar = param.split(" ")[0];
      return bar;
    }
  }
}
"#;
    assert_eq!(java(src), vec![7, 10, 17]);
}

#[test]
fn java_constant_conditions_switches_and_lists() {
    let src = r#"
class T {
  void a(HttpServletRequest request, HttpServletResponse response) {
    String param = request.getHeader("x");
    int num = 106;
    String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
    response.getWriter().print(bar);
  }
  void b(HttpServletRequest request, HttpServletResponse response) {
    String param = request.getParameter("x");
    String bar;
    String guess = "ABC";
    char switchTarget = guess.charAt(1);
    switch (switchTarget) {
      case 'A': bar = param; break;
      case 'B': bar = "bob"; break;
      case 'C': case 'D': bar = param; break;
      default: bar = "bob's your uncle"; break;
    }
    response.getWriter().print(bar);
  }
  void c(HttpServletRequest request, HttpServletResponse response) {
    String param = request.getParameter("x");
    java.util.List<String> valuesList = new java.util.ArrayList<String>();
    valuesList.add("safe");
    valuesList.add(param);
    valuesList.add("moresafe");
    valuesList.remove(0);
    String bar = valuesList.get(1);
    response.getWriter().print(bar);
    String bad = valuesList.get(0);
    response.getWriter().print(bad);
  }
  void d(HttpServletRequest request, HttpServletResponse response) {
    String param = request.getParameter("x");
    String bar = org.owasp.esapi.ESAPI.encoder().encodeForHTML(param);
    response.getWriter().print(bar);
    int num = 86;
    if ((7 * 42) - num > 200) bar = "constant"; else bar = param;
    response.getWriter().print(bar);
  }
}
"#;
    assert_eq!(java(src), vec![32]);
}

#[test]
fn bad_patterns_are_refused_with_the_entry() {
    let spec = TaintSpec { language: "python".into(), sources: code(&["a.(b"]), sinks: code(&["f(...)"]), ..Default::default() };
    let e = TaintRule::compile(&spec).unwrap_err().to_string();
    assert!(e.contains("sources: entry 1"), "{e}");
    let spec = TaintSpec { language: "python".into(), sources: vec![Pattern::Query("(call) @x".into())], sinks: code(&["f(...)"]), ..Default::default() };
    let e = TaintRule::compile(&spec).unwrap_err().to_string();
    assert!(e.contains("`@source`"), "{e}");
}

#[test]
fn javascript_express_flows() {
    let src = r#"
const cp = require('child_process');
app.get('/a', (req, res) => {
  const name = req.query.name;
  const cmd = `ls ${name}`;
  cp.exec(cmd);
  res.send("<p>" + req.params.id + "</p>");
  let safe = "x";
  safe = parseInt(req.query.n);
  cp.exec("ls " + safe);
});
function helper(x) { return x.trim(); }
app.post('/b', function (req, res) {
  const { q } = req.body;
  db.query("SELECT " + helper(q));
});
"#;
    let lines = sinks("javascript", &["$R.query", "$R.params", "$R.body"], &["cp.exec(...)", "$R.send(...)", "$D.query($SINK, ...)"], &["parseInt(...)"], src);
    assert_eq!(lines, vec![6, 7, 15]);
    let ts = sinks("typescript", &["$R.query"], &["cp.exec(...)"], &[], "function f(req: Request) { const n: string = req.query.n as string; cp.exec(n); }");
    assert_eq!(ts, vec![1]);
}

#[test]
fn go_net_http_flows() {
    let src = r#"
package main

func handler(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	q := fmt.Sprintf("SELECT * FROM t WHERE n = '%s'", name)
	db.Query(q)
	db.Query("SELECT * FROM t WHERE n = ?", name)
	var path string = r.FormValue("p")
	os.Open(path)
	cmd := exec.Command("sh", "-c", name)
	_ = cmd
}
"#;
    let lines = sinks("go", &["$R.URL.Query()", "$R.FormValue(...)"], &["$D.Query($SINK, ...)", "os.Open(...)", "exec.Command(...)"], &[], src);
    assert_eq!(lines, vec![7, 10, 11]);
}

#[test]
fn csharp_and_php_flows() {
    let cs = r#"
class C {
  void Get(HttpRequest Request) {
    string id = Request.Query["id"];
    var sql = "SELECT * FROM t WHERE id = " + id;
    var cmd = new SqlCommand(sql, conn);
    var s = $"SELECT {id}";
    var ok = new SqlCommand("SELECT 1", conn);
  }
}
"#;
    assert_eq!(sinks("c_sharp", &["Request.Query"], &["new SqlCommand($SINK, ...)"], &[], cs), vec![6]);
    let php = r#"<?php
$id = $_GET['id'];
$sql = "SELECT * FROM t WHERE id = $id";
mysqli_query($conn, $sql);
$safe = intval($_GET['n']);
mysqli_query($conn, "SELECT " . $safe);
$pdo->query("SELECT " . $_POST['x']);
"#;
    assert_eq!(sinks("php", &["$_GET", "$_POST"], &["mysqli_query($_, $SINK)", "$D->query($SINK)"], &["intval(...)"], php), vec![4, 7]);
}

#[test]
fn a_function_marked_as_sink_has_its_returns_checked() {
    let src = r#"
@app.route("/a")
def view():
    name = request.args.get("n")
    if name:
        return "<p>" + name + "</p>"
    return escape(name)

def helper():
    return request.args.get("n")
"#;
    let spec = TaintSpec {
        language: "python".into(),
        sources: code(&["request.args"]),
        sinks: vec![Pattern::Query(r#"(decorated_definition (decorator) @d (#match? @d "route") definition: (function_definition) @sink)"#.into())],
        sanitizers: code(&["escape(...)"]),
        propagators: vec![],
        unknown_calls_propagate: true,
    };
    let rule = TaintRule::compile(&spec).unwrap();
    let parsed = parse(Lang::Python, src.as_bytes(), usize::MAX, &mut || false).unwrap();
    let flows = rule.run(&parsed, src.as_bytes(), &mut || false).unwrap();
    assert_eq!(flows.iter().map(|f| f.sink().line).collect::<Vec<_>>(), vec![6]);
    assert!(rule.may_flow(src.as_bytes()));
    assert!(!rule.may_flow(src.replace("route", "get").as_bytes()), "the query's literal is the sink's");
}

fn sql_rule() -> TaintRule {
    let spec = TaintSpec {
        language: "python".into(),
        sources: code(&["request.args"]),
        sinks: code(&["$C.execute($SINK, ...)"]),
        unknown_calls_propagate: true,
        ..Default::default()
    };
    TaintRule::compile(&spec).unwrap()
}

#[test]
fn the_callers_stop_ends_a_run() {
    let src = "def v(c):\n".to_string() + &"    a = request.args.get('x')\n    c.execute(a + 'y')\n".repeat(5_000);
    let parsed = parse(Lang::Python, src.as_bytes(), usize::MAX, &mut || false).unwrap();
    let mut asked = 0;
    let err = sql_rule()
        .run(&parsed, src.as_bytes(), &mut || {
            asked += 1;
            asked > 3
        })
        .unwrap_err();
    assert_eq!(err, crate::TaintError::Syntax(sentra_syntax::SyntaxError::Stopped));
}

#[test]
fn hostile_files_are_bounded_in_depth_flows_and_work() {
    // 20,000 nested parentheses and calls, on a thread with the 2 MiB stack scan threads
    // have: no stack overflow, the run ends.
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            for deep in [
                format!("x = {}request.args{}\ncursor.execute(x)\n", "(".repeat(20_000), ")".repeat(20_000)),
                format!("x = {}request.args{}\ncursor.execute(x)\n", "f(".repeat(20_000), ")".repeat(20_000)),
                format!("x = request.args{}\ncursor.execute(x)\n", " + 'a'".repeat(20_000)),
            ] {
                let parsed = parse(Lang::Python, deep.as_bytes(), usize::MAX, &mut || false).unwrap();
                let _ = sql_rule().run(&parsed, deep.as_bytes(), &mut || false);
            }
        })
        .unwrap()
        .join()
        .unwrap();
    // A long concatenation is followed whole.
    let concat = format!("x = 'a'{} + request.args\ncursor.execute(x)\n", " + 'a'".repeat(5_000));
    let parsed = parse(Lang::Python, concat.as_bytes(), usize::MAX, &mut || false).unwrap();
    assert_eq!(sql_rule().run(&parsed, concat.as_bytes(), &mut || false).unwrap().len(), 1);
    // More sinks than a run reports.
    let many = "a = request.args\n".to_string() + &"cursor.execute(a)\n".repeat(crate::MAX_FLOWS_PER_RUN + 50);
    let parsed = parse(Lang::Python, many.as_bytes(), usize::MAX, &mut || false).unwrap();
    assert_eq!(sql_rule().run(&parsed, many.as_bytes(), &mut || false).unwrap().len(), crate::MAX_FLOWS_PER_RUN);
    // Helpers that call each other in a ring: each is analysed once, the recursion cut.
    // (On a 2 MiB stack too.)
    let ring: String =
        (0..300).map(|i| format!("def f{i}(x):\n    return f{}(x) + request.args\n", (i + 1) % 300)).collect::<String>() + "cursor.execute(f0(1))\n";
    let parsed = parse(Lang::Python, ring.as_bytes(), usize::MAX, &mut || false).unwrap();
    assert_eq!(sql_rule().run(&parsed, ring.as_bytes(), &mut || false).unwrap().len(), 1);
}

#[test]
fn long_flows_keep_their_source_and_sink_within_the_step_limit() {
    let chain: String = (1..100).map(|i| format!("v{i} = v{} + 'x'\n", i - 1)).collect();
    let src = format!("v0 = request.args\n{chain}cursor.execute(v99)\n");
    let parsed = parse(Lang::Python, src.as_bytes(), usize::MAX, &mut || false).unwrap();
    let flows = sql_rule().run(&parsed, src.as_bytes(), &mut || false).unwrap();
    assert_eq!(flows.len(), 1);
    let steps = &flows[0].steps;
    assert!(steps.len() <= crate::MAX_STEPS, "{}", steps.len());
    assert_eq!((steps[0].line, steps.last().unwrap().line), (1, 101));
}

#[test]
fn callbacks_see_what_they_capture_and_literals_keep_their_keys() {
    let js = r#"
app.get('/a', (req, res) => {
  const p = req.query.p;
  ["a"].forEach(s => db.query("SELECT " + p + s));
  pool.getConnection().then(conn => conn.query("SELECT " + p));
  const f = { a: "render()", b: req.query.b };
  eval(f.a);
  eval(f.b);
});
"#;
    assert_eq!(sinks("javascript", &["req.query"], &["$D.query($SINK)", "eval(...)"], &[], js), vec![4, 5, 8]);
    let go = r#"
package main

func h(w http.ResponseWriter, r *http.Request) {
	m := map[string]string{"a": "x", "b": r.FormValue("b")}
	db.Query(m["a"])
	db.Query(m["b"])
	l := []string{"safe", r.FormValue("b")}
	db.Query(l[0])
	if v := r.FormValue("a"); v != "" {
		db.Query(v)
	}
	num := 106
	s := ""
	if (7*18)+num > 200 {
		s = "x"
	} else {
		s = r.FormValue("a")
	}
	db.Query(s)
	var b strings.Builder
	b.WriteString(r.FormValue("s"))
	db.Query(b.String())
}
"#;
    assert_eq!(sinks("go", &["$R.FormValue(...)"], &["$D.Query($SINK, ...)"], &[], go), vec![7, 11, 23]);
}

#[test]
fn java_writers_in_variables_fallthrough_readers_and_scalars() {
    let src = r#"
class T {
  void a(HttpServletRequest request, HttpServletResponse response) {
    String param = request.getParameter("x");
    java.io.PrintWriter out = response.getWriter();
    out.print(param);
    int n = param.length();
    out.print("len " + n);
    boolean admin = param.equals("a");
    out.print(admin);
    response.getWriter().append("<p>").append(param);
    char[] cbuf = new char[100];
    request.getReader().read(cbuf);
    response.getWriter().print(new String(cbuf));
    String bar;
    char t = "ABC".charAt(2);
    switch (t) { case 'C': case 'D': bar = param; break; default: bar = "x"; }
    response.getWriter().print(bar);
  }
}
"#;
    let lines = sinks("java", &["$R.getParameter(...)", "$R.getReader()"], &["$R.getWriter().print($SINK)", "$R.getWriter().append($SINK)"], &[], src);
    assert_eq!(lines, vec![6, 11, 14, 18]);
}

#[test]
fn a_sink_inside_a_helper_is_reached_from_its_caller() {
    let src = r#"
def run(db, q):
    db.execute("SELECT " + q)

def view(db):
    run(db, request.args.get("q"))
    run(db, "constant")
"#;
    assert_eq!(py(src), vec![3]);
    let php = "<?php\nfunction fetch($u) { return curl_init($u); }\nfetch($_GET['u']);\nfetch('https://example.com');\n$r = new SplFileObject($_GET['p']);\n$l = ['uptime', $_GET['x']];\npopen($l[0], 'r');\n";
    assert_eq!(sinks("php", &["$_GET"], &["curl_init(...)", "new SplFileObject(...)", "popen($SINK, ...)"], &[], php), vec![2, 5]);
    let cs = "class C { void A(HttpRequest Request) { var name = Request.Query[\"n\"]; var cmd = new SqlCommand { CommandText = \"SELECT \" + name }; var rows = conn.Query<User>(\"SELECT \" + name); } }";
    let spec = TaintSpec {
        language: "c_sharp".into(),
        sources: code(&["Request.Query"]),
        sinks: vec![
            Pattern::Query("(assignment_expression left: (identifier) @p (#eq? @p \"CommandText\") right: (_) @sink)".into()),
            Pattern::Code("$C.Query($SINK, ...)".into()),
        ],
        unknown_calls_propagate: true,
        ..Default::default()
    };
    let rule = TaintRule::compile(&spec).unwrap();
    let parsed = parse(Lang::CSharp, cs.as_bytes(), usize::MAX, &mut || false).unwrap();
    let flows = rule.run(&parsed, cs.as_bytes(), &mut || false).unwrap();
    assert_eq!(flows.len(), 2, "{flows:?}");
    assert!(rule.may_flow(cs.as_bytes()));
}

#[test]
fn a_file_without_a_literal_of_a_source_and_of_a_sink_need_not_be_parsed() {
    let rule = sql_rule();
    assert!(rule.may_flow(b"q = request.args['q']\ncur.EXECUTE(q)\n"), "ASCII case aside");
    assert!(!rule.may_flow(b"q = request.args['q']\nprint(q)\n"), "no sink");
    assert!(!rule.may_flow(b"cur.execute(q)\n"), "no source");
    // Every segment of a code pattern is written in a file it matches, imports included:
    // the longest one is asked for.
    let spec = TaintSpec {
        language: "python".into(),
        sources: code(&["flask.request.form"]),
        sinks: code(&["subprocess.run($SINK, ..., shell=True)"]),
        unknown_calls_propagate: true,
        ..Default::default()
    };
    let rule = TaintRule::compile(&spec).unwrap();
    assert!(rule.may_flow(b"from subprocess import run as r\nfrom flask import request\nr(request.form['c'], shell=True)\n"));
    assert!(!rule.may_flow(b"from flask import request\nrun(request.form['c'], shell=True)\n"));
    // A sink query without literals can match anywhere.
    let spec = TaintSpec {
        language: "python".into(),
        sources: code(&["request.args"]),
        sinks: vec![Pattern::Query("(call) @sink".into())],
        unknown_calls_propagate: true,
        ..Default::default()
    };
    assert!(TaintRule::compile(&spec).unwrap().may_flow(b"print(request.args)"));
}

#[test]
fn python_benchmark_shapes_from_the_pack_fixtures() {
    let src = r#"
class V:
    def get(self, request):
        return "ok"

def a(cur):
    q = request.args.get("q")
    cur.execute("SELECT " + q)
    cur.execute(",".join("?" for _ in request.args["n"]))
    p = request.args.get("p")
    guess = "ABC"[1]
    bar = "safe"
    if guess == "A":
        bar = p
    cur.execute(bar)
    t = "A"
    match t:
        case "A":
            bar = p
        case _:
            bar = "bob"
    cur.execute(bar)
    tup = ("safe", p)
    cur.execute(tup[0])
    conf.set("s", "k", p)
    conf.set("s", "j", "fine")
    cur.execute(conf.get("s", "j"))
    cur.execute(conf.get("s", "k"))
"#;
    assert_eq!(py(src), vec![8, 22, 28]);
}

#[test]
fn an_alias_imported_under_another_name_still_matches() {
    let src =
        "from os import system as run_it\nfrom shlex import quote as q\nfrom flask import request\nrun_it(request.form['c'])\nrun_it(q(request.form['c']))\n";
    assert_eq!(py(src), vec![4]);
}
