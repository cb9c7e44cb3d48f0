// JS-UNSAFE-DESERIALIZATION: request data given to a deserializer that can run code.
const express = require("express");
const serialize = require("node-serialize");
const yaml = require("js-yaml");

const app = express();

function decodeProfile(cookie) {
  return Buffer.from(cookie, "base64").toString();
}

app.get("/profile", (req, res) => {
  const raw = decodeProfile(req.cookies.profile);
  // ruleid: JS-UNSAFE-DESERIALIZATION
  const profile = serialize.unserialize(raw);
  // ok: JS-UNSAFE-DESERIALIZATION
  const same = JSON.parse(raw);
  res.json({ profile, same });
});

app.post("/config", (req, res) => {
  const text = req.body.config;
  // ruleid: JS-UNSAFE-DESERIALIZATION
  const config = yaml.load(text);
  // ok: JS-UNSAFE-DESERIALIZATION
  const safe = yaml.safeLoad(text);
  // ok: JS-UNSAFE-DESERIALIZATION
  const defaults = yaml.load("retries: 3");
  res.json({ config, safe, defaults });
});
