// JS-XSS-RESPONSE: request data written into an HTML response (data-flow rule).
const express = require("express");
const escapeHtml = require("escape-html");

const app = express();

function page(title, body) {
  return `<html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function banner(user) {
  return "<p>Welcome back</p>";
}

app.get("/search", (req, res) => {
  const q = req.query.q;
  const html = page("Search", "<h1>Results for " + q + "</h1>");
  // ruleid: JS-XSS-RESPONSE
  res.send(html);
  // ok: JS-XSS-RESPONSE
  res.send(page("Search", "<h1>Results for " + escapeHtml(q) + "</h1>"));
  // ok: JS-XSS-RESPONSE
  res.send(banner(q));
});

app.get("/hello/:name", (req, res) => {
  const { name } = req.params;
  // ruleid: JS-XSS-RESPONSE
  res.status(200).send(`<p>Hello ${name}</p>`);
  // ok: JS-XSS-RESPONSE
  res.status(200).send(`<p>Hello ${escape(name)}</p>`);
  // ok: JS-XSS-RESPONSE
  res.json({ hello: name });
});

app.get("/stream", (req, res) => {
  res.write("<ul>");
  for (const tag of req.query.tags) {
    // ruleid: JS-XSS-RESPONSE
    res.write("<li>" + tag + "</li>");
  }
  const count = parseInt(req.query.count, 10);
  // ok: JS-XSS-RESPONSE
  res.write("<li>" + count + " tags</li>");
  // ruleid: JS-XSS-RESPONSE
  res.end("</ul><!-- " + req.headers["user-agent"] + " -->");
});

app.get("/profile", (req, res) => {
  let bio = req.cookies.bio;
  bio = "No bio yet";
  // ok: JS-XSS-RESPONSE
  res.send("<div>" + bio + "</div>");
  const parts = ["<div>", req.cookies.bio, "</div>"];
  // ok: JS-XSS-RESPONSE
  res.send(parts[0]);
  // ruleid: JS-XSS-RESPONSE
  res.send(parts.join(""));
});
