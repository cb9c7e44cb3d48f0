// JS-OPEN-REDIRECT: request or page-URL data choosing a redirect target (data-flow rule).
const express = require("express");

const app = express();

function afterLogin(req) {
  return req.query.returnTo || "/";
}

function home(req) {
  return "/home";
}

app.post("/login", (req, res) => {
  // ruleid: JS-OPEN-REDIRECT
  res.redirect(afterLogin(req));
  // ok: JS-OPEN-REDIRECT
  res.redirect(home(req));
});

app.get("/out", (req, res) => {
  const target = req.query.url;
  const next = `${target}`;
  // ruleid: JS-OPEN-REDIRECT
  res.redirect(301, next);
  // ok: JS-OPEN-REDIRECT
  res.redirect(301, `/leaving?to=${encodeURIComponent(target)}`);
  // ok: JS-OPEN-REDIRECT
  res.redirect("https://partner.example.com/landing?ref=" + target);
  // A bare "/" is not a fixed local path: "/" + target can become //evil.example.
  // ruleid: JS-OPEN-REDIRECT
  res.redirect("/" + target);
});

app.get("/lang/:code", (req, res) => {
  const pages = new Map();
  pages.set("fr", "/fr/");
  pages.set("custom", req.get("Referer"));
  // ok: JS-OPEN-REDIRECT
  res.redirect(pages.get("fr"));
  // ruleid: JS-OPEN-REDIRECT
  res.redirect(pages.get("custom"));
});

// Koa: ctx.redirect.
async function koaBack(ctx) {
  const back = ctx.query.back;
  // ruleid: JS-OPEN-REDIRECT
  ctx.redirect(back);
  // ok: JS-OPEN-REDIRECT
  ctx.redirect(1 > 2 ? back : "/");
}

// Browser code.
function continueFlow() {
  const params = new URLSearchParams(location.search);
  const dest = params.get("continue");
  // ruleid: JS-OPEN-REDIRECT
  window.location.href = dest;
  // ruleid: JS-OPEN-REDIRECT
  location = decodeURIComponent(location.hash.substring(1));
  // ruleid: JS-OPEN-REDIRECT
  window.location.assign(document.referrer);
  // ok: JS-OPEN-REDIRECT
  window.location.href = "/dashboard";
  // ok: JS-OPEN-REDIRECT
  location.replace("/signin?continue=" + encodeURIComponent(dest));
  // ruleid: JS-OPEN-REDIRECT
  window.open(params.get("popup"), "_blank");
}

function upgradeToHttps() {
  // ok: JS-OPEN-REDIRECT
  location.href = location.href.replace("http:", "https:");
}

// Engine gap: an allow-list check in a condition does not clean the value, so
//   res.redirect(allowed.has(req.query.next) ? req.query.next : "/")
// is reported by the data-flow rule.
