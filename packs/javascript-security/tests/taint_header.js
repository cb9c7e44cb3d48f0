// JS-HEADER-INJECTION: request data in a response header value (data-flow rule).
const express = require("express");

const app = express();

function dispositionFor(name) {
  return 'attachment; filename="' + name + '"';
}

function defaultDisposition(name) {
  return "attachment";
}

app.get("/export", (req, res) => {
  const name = req.query.filename;
  // ruleid: JS-HEADER-INJECTION
  res.setHeader("Content-Disposition", dispositionFor(name));
  // ok: JS-HEADER-INJECTION
  res.setHeader("Content-Disposition", defaultDisposition(name));
  // ok: JS-HEADER-INJECTION
  res.setHeader("Content-Disposition", dispositionFor(encodeURIComponent(name)));
  // ok: JS-HEADER-INJECTION
  res.setHeader(name, "1");
  res.end();
});

app.get("/track", (req, res) => {
  const lang = req.headers["accept-language"];
  // ruleid: JS-HEADER-INJECTION
  res.set("Content-Language", lang);
  const id = Number(req.query.id);
  // ok: JS-HEADER-INJECTION
  res.set("X-Item-Id", id);
  let tag = req.query.tag;
  tag = "v1";
  // ok: JS-HEADER-INJECTION
  res.header("X-Tag", tag);
  // ruleid: JS-HEADER-INJECTION
  res.writeHead(200, { "X-Trace": req.get("X-Trace-Id") });
  res.end();
});
