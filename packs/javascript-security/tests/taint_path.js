// JS-PATH-TRAVERSAL: request data reaching a file path (data-flow rule).
const express = require("express");
const fs = require("fs");
const path = require("path");

const app = express();
const UPLOADS = "/srv/app/uploads";

function uploadPath(name) {
  return path.join(UPLOADS, name);
}

function safeUploadPath(name) {
  return path.join(UPLOADS, path.basename(name));
}

app.get("/files/:name", (req, res) => {
  const file = path.join(UPLOADS, req.params.name);
  // ruleid: JS-PATH-TRAVERSAL
  fs.readFile(file, "utf8", (err, text) => res.send(text));
  const base = path.join(UPLOADS, path.basename(req.params.name));
  // ok: JS-PATH-TRAVERSAL
  fs.readFile(base, "utf8", (err, text) => res.send(text));
});

app.get("/download", (req, res) => {
  // ruleid: JS-PATH-TRAVERSAL
  res.sendFile(uploadPath(req.query.file));
  // ok: JS-PATH-TRAVERSAL
  res.sendFile(safeUploadPath(req.query.file));
  // ok: JS-PATH-TRAVERSAL
  res.sendFile(req.query.file, { root: UPLOADS });
  // ruleid: JS-PATH-TRAVERSAL
  res.download(UPLOADS + "/" + req.query.file);
});

app.post("/notes", async (req, res) => {
  const { title, text } = req.body;
  const target = `${UPLOADS}/notes/${title}.txt`;
  // ruleid: JS-PATH-TRAVERSAL
  await fs.promises.writeFile(target, text);
  // ok: JS-PATH-TRAVERSAL
  await fs.promises.writeFile(`${UPLOADS}/notes/latest.txt`, text);
  const stream = fs.createWriteStream(
    // ruleid: JS-PATH-TRAVERSAL
    path.resolve(UPLOADS, title),
  );
  stream.end(text);
  res.sendStatus(201);
});

app.delete("/files/:name", (req, res) => {
  let victim = req.params.name;
  if (victim.endsWith(".tmp")) {
    victim = "scratch.tmp";
  }
  // ruleid: JS-PATH-TRAVERSAL
  fs.unlinkSync(path.join(UPLOADS, victim));
  let other = req.params.name;
  other = "scratch.tmp";
  // ok: JS-PATH-TRAVERSAL
  fs.unlinkSync(path.join(UPLOADS, other));
  const names = [req.params.name, "index.json"];
  // ok: JS-PATH-TRAVERSAL
  const index = fs.readFileSync(path.join(UPLOADS, names[1]));
  // ruleid: JS-PATH-TRAVERSAL
  const entry = fs.readFileSync(path.join(UPLOADS, names[0]));
  res.json({ index, entry });
});
