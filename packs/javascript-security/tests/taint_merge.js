// JS-MERGE-UNTRUSTED: request data merged deep into an object (data-flow rule).
const express = require("express");
const _ = require("lodash");

const app = express();
const settings = { theme: "light" };

function patchFrom(req) {
  return req.body.patch;
}

app.post("/settings", (req, res) => {
  const patch = patchFrom(req);
  // ruleid: JS-MERGE-UNTRUSTED
  _.merge(settings, patch);
  const picked = { theme: String(req.body.theme) };
  // ok: JS-MERGE-UNTRUSTED
  _.merge(settings, { theme: "dark" });
  let overrides = req.body.overrides;
  overrides = { theme: "light" };
  // ok: JS-MERGE-UNTRUSTED
  _.defaultsDeep(settings, overrides);
  const { key, value } = req.body;
  // ruleid: JS-MERGE-UNTRUSTED
  _.set(settings, key, value);
  res.json({ settings, picked });
});
