// JS-CODE-INJECTION: request or page-URL data reaching code that is compiled and run.
const express = require("express");
const vm = require("vm");

const app = express();

function formula(expr) {
  return "(function () { return " + expr + "; })()";
}

function constantFormula(expr) {
  return "(function () { return 42; })()";
}

app.post("/calc", (req, res) => {
  const expr = req.body.expr;
  // ruleid: JS-CODE-INJECTION, JS-EVAL
  const value = eval(formula(expr));
  // ruleid: JS-EVAL
  // ok: JS-CODE-INJECTION
  const fixed = eval(constantFormula(expr));
  res.json({ value, fixed });
});

app.post("/rules", (req, res) => {
  const { body } = req.body;
  // ruleid: JS-CODE-INJECTION, JS-FUNCTION-CONSTRUCTOR
  const check = new Function("user", body);
  const limit = Number(req.body.limit);
  // ruleid: JS-FUNCTION-CONSTRUCTOR
  // ok: JS-CODE-INJECTION
  const capped = new Function("user", "return user.count < " + limit);
  res.json({ ok: check(req.user) && capped(req.user) });
});

app.get("/template", (req, res) => {
  const sandbox = { user: req.query.user };
  const code = `greeting = "Hello " + ${req.query.name}`;
  // ruleid: JS-CODE-INJECTION
  vm.runInNewContext(code, sandbox);
  let safe = `greeting = "Hello " + ${req.query.name}`;
  safe = 'greeting = "Hello " + user';
  // ok: JS-CODE-INJECTION
  vm.runInNewContext(safe, sandbox);
  // ruleid: JS-CODE-INJECTION
  const script = new vm.Script(req.query.script);
  res.json({ sandbox, script });
});

app.get("/later", (req, res) => {
  const action = req.query.action;
  // ruleid: JS-CODE-INJECTION, JS-TIMER-STRING
  setTimeout("run('" + action + "')", 100);
  // ok: JS-CODE-INJECTION
  setTimeout(() => run(action), 100);
  // ok: JS-CODE-INJECTION
  setTimeout(run, Number(action));
  res.end();
});

// Browser code: the fragment of the URL is the attacker's.
function restoreState() {
  const state = decodeURIComponent(location.hash.slice(1));
  // ruleid: JS-CODE-INJECTION, JS-EVAL
  window.eval("(" + state + ")");
  const params = new URLSearchParams(window.location.search);
  const callback = params.get("callback");
  // ruleid: JS-CODE-INJECTION, JS-EVAL
  eval(callback + "()");
  // The properties of an object literal are told apart, and so are ones written one by one.
  const literal = { a: "render()", b: params.get("b") };
  // ruleid: JS-EVAL
  // ok: JS-CODE-INJECTION
  eval(literal.a);
  // ruleid: JS-CODE-INJECTION, JS-EVAL
  eval(literal.b);
  const flags = {};
  flags.a = "render()";
  flags.b = params.get("b");
  // ruleid: JS-EVAL
  // ok: JS-CODE-INJECTION
  eval(flags.a);
  // ruleid: JS-CODE-INJECTION, JS-EVAL
  eval(flags.b);
}
