// ruleid: OWASP-A01-JS-PATH-TRAVERSAL
res.sendFile(path.join(__dirname, req.query.file));
// ok: OWASP-A01-JS-PATH-TRAVERSAL
res.sendFile(path.join(__dirname, "public", "index.html"));
// ruleid: OWASP-A03-JS-SQL-TEMPLATE
db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
// ok: OWASP-A03-JS-SQL-TEMPLATE
db.query("SELECT * FROM users WHERE id = $1", [req.params.id]);
// ruleid: OWASP-A03-JS-NOSQL-WHERE
const u = await users.findOne(req.body);
// ok: OWASP-A03-JS-NOSQL-WHERE
const u = await users.findOne({ email: String(req.body.email) });
// ruleid: OWASP-A04-JS-USER-REGEX
const re = new RegExp(req.query.q);
// ok: OWASP-A04-JS-USER-REGEX
const re = new RegExp(escapeRegExp(req.query.q));
// ruleid: OWASP-A04-JS-UPLOAD-NO-LIMIT
const upload = multer({ dest: "uploads/" });
// ok: OWASP-A04-JS-UPLOAD-NO-LIMIT
const upload = multer({ dest: "uploads/", limits: { fileSize: 5e6 } });
// ruleid: OWASP-A05-JS-STACK-TRACE-RESPONSE
res.status(500).send(err.stack);
// ok: OWASP-A05-JS-STACK-TRACE-RESPONSE
res.status(500).send("Internal error");
// ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
if (password === "admin123") { grant(); }
// ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
if (await argon2.verify(user.hash, password)) { grant(); }
// ruleid: OWASP-A08-JS-NODE-SERIALIZE
const serialize = require("node-serialize");
// ok: OWASP-A08-JS-NODE-SERIALIZE
const serialize = require("serialize-javascript");
// ruleid: OWASP-A09-JS-LOG-SECRET
console.log("token", token);
// ok: OWASP-A09-JS-LOG-SECRET
console.log("token issued for", userId);
// ruleid: OWASP-A10-JS-REQUEST-URL
const r = await fetch(req.query.url);
// ok: OWASP-A10-JS-REQUEST-URL
const r = await fetch(config.upstreamUrl);
