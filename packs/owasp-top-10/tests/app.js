/*
 * Lookalikes in a comment must not fire:
 * res.sendFile(req.query.file) // ok: OWASP-A01-JS-PATH-TRAVERSAL
 * db.query(`SELECT * FROM users WHERE id = ${req.params.id}`) // ok: OWASP-A03-JS-SQL-TEMPLATE
 * console.log("token", token); // ok: OWASP-A09-JS-LOG-SECRET
 */
const bcrypt = require("bcrypt");

async function handler(req, res, next) {
  // ruleid: OWASP-A01-JS-PATH-TRAVERSAL
  res.sendFile(path.join(__dirname, req.query.file));
  // ok: OWASP-A01-JS-PATH-TRAVERSAL
  res.sendFile(path.join(__dirname, "public", "index.html"));
  // ruleid: OWASP-A01-JS-PATH-TRAVERSAL
  const data = fs.readFileSync(req.params.name, "utf8");
  // ok: OWASP-A01-JS-PATH-TRAVERSAL
  res.sendFile("req.query.file");
  // ok: OWASP-A01-JS-PATH-TRAVERSAL
  cache.readFile(path.basename(req.query.file));
  // ruleid: OWASP-A03-JS-SQL-TEMPLATE
  db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  // ok: OWASP-A03-JS-SQL-TEMPLATE
  db.query("SELECT * FROM users WHERE id = $1", [req.params.id]);
  const user = req.body.user;
  // ruleid: OWASP-A03-JS-SQL-TEMPLATE
  await knex.raw(`DELETE FROM sessions WHERE user = '${user}'`);
  // ok: OWASP-A03-JS-SQL-TEMPLATE
  await sql.query(sql`SELECT * FROM users WHERE id = ${id}`);
  // ok: OWASP-A03-JS-SQL-TEMPLATE
  db.query(`SELECT * FROM users`);
  // ok: OWASP-A03-JS-SQL-TEMPLATE
  $(`#row-${id}`).query(`${selector} a`);
  // ruleid: OWASP-A03-JS-NOSQL-WHERE
  const u = await users.findOne(req.body);
  // ok: OWASP-A03-JS-NOSQL-WHERE
  const v = await users.findOne({ email: String(req.body.email) });
  // ruleid: OWASP-A03-JS-NOSQL-WHERE
  const w = await users.find({ $where: "this.age > " + req.query.age });
  // ruleid: OWASP-A03-JS-NOSQL-WHERE
  const x = await users.find({ "$where": filter });
  // ok: OWASP-A03-JS-NOSQL-WHERE
  const help = "use $where: sparingly";
  // ok: OWASP-A03-JS-NOSQL-WHERE
  const y = users.find(req.body.items);
  // ruleid: OWASP-A04-JS-USER-REGEX
  const re = new RegExp(req.query.q);
  // ok: OWASP-A04-JS-USER-REGEX
  const re2 = new RegExp(escapeRegExp(req.query.q));
  // ruleid: OWASP-A04-JS-USER-REGEX
  const re3 = RegExp(req.body.pattern, "i");
  // ok: OWASP-A04-JS-USER-REGEX
  const re4 = new RegExp("req.query.q");
  // ok: OWASP-A04-JS-USER-REGEX
  const re5 = new Matcher(req.query.q);
  // ruleid: OWASP-A05-JS-STACK-TRACE-RESPONSE
  res.status(500).send(err.stack);
  // ok: OWASP-A05-JS-STACK-TRACE-RESPONSE
  res.status(500).send("Internal error");
  // ruleid: OWASP-A05-JS-STACK-TRACE-RESPONSE
  res.json({ message: "failed", stack: error.stack });
  // ok: OWASP-A05-JS-STACK-TRACE-RESPONSE
  logger.error(err.stack);
  // ok: OWASP-A05-JS-STACK-TRACE-RESPONSE
  res.send("see err.stack in the logs");
  // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (password === "admin123") { grant(); }
  // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (await argon2.verify(user.hash, password)) { grant(); }
  // ruleid: OWASP-A09-JS-LOG-SECRET
  console.log("token", token);
  // ok: OWASP-A09-JS-LOG-SECRET
  console.log("token issued for", userId);
  // ruleid: OWASP-A09-JS-LOG-SECRET
  console.error(`login failed for ${user} with ${password}`);
  // ruleid: OWASP-A09-JS-LOG-SECRET
  console.debug("key: " + apiKey);
  // ok: OWASP-A09-JS-LOG-SECRET
  console.log("password reset for", user.email);
  // ok: OWASP-A09-JS-LOG-SECRET
  logger.info(password);
  // ruleid: OWASP-A10-JS-REQUEST-URL
  const r = await fetch(req.query.url);
  // ok: OWASP-A10-JS-REQUEST-URL
  const r2 = await fetch(config.upstreamUrl);
  // ruleid: OWASP-A10-JS-REQUEST-URL
  const r3 = await axios.get(req.body.callback);
  // ok: OWASP-A10-JS-REQUEST-URL
  const r4 = await client.get(req.query.url);
  // ok: OWASP-A10-JS-REQUEST-URL
  const r5 = await fetch("req.query.url");
  // ruleid: OWASP-A07-WEAK-BCRYPT-COST
  const h = await bcrypt.hash(password, 8);
  // ruleid: OWASP-A07-WEAK-BCRYPT-COST
  const salt = bcrypt.genSaltSync(5);
  // ok: OWASP-A07-WEAK-BCRYPT-COST
  const h2 = await bcrypt.hash(password, 12);
  // ok: OWASP-A07-WEAK-BCRYPT-COST
  const item = { name: "widget", cost: 5 };
  // ok: OWASP-A07-WEAK-BCRYPT-COST
  const h3 = crypto.hash(password, 8);
}

// ruleid: OWASP-A04-JS-UPLOAD-NO-LIMIT
const upload = multer({ dest: "uploads/" });
// ok: OWASP-A04-JS-UPLOAD-NO-LIMIT
const upload2 = multer({ dest: "uploads/", limits: { fileSize: 5e6 } });
// ok: OWASP-A04-JS-UPLOAD-NO-LIMIT
const upload3 = multer({ storage, limits });
// ok: OWASP-A04-JS-UPLOAD-NO-LIMIT
const note = "multer({ dest: 'uploads/' })";
// ruleid: OWASP-A08-JS-NODE-SERIALIZE
const serialize = require("node-serialize");
// ok: OWASP-A08-JS-NODE-SERIALIZE
const serialize2 = require("serialize-javascript");
// ok: OWASP-A08-JS-NODE-SERIALIZE
const why = "never require('node-serialize')";
// ruleid: OWASP-A08-JS-NODE-SERIALIZE
app.post("/cart", (req, res) => serialize.unserialize(req.cookies.cart));
// ok: OWASP-A08-JS-NODE-SERIALIZE
app.post("/cart", (req, res) => JSON.parse(req.cookies.cart));
function quiet() {
  // ruleid: OWASP-A09-EMPTY-CATCH
  try { run(); } catch (e) {}
  // ruleid: OWASP-A09-EMPTY-CATCH
  try { run(); } catch {}
  // A binding named to say it is ignored: deliberate.
  // ok: OWASP-A09-EMPTY-CATCH
  try { run(); } catch (_err) {}
  // ok: OWASP-A09-EMPTY-CATCH
  try { run(); } catch (e) { logger.warn(e); }
  // ok: OWASP-A09-EMPTY-CATCH
  try { run(); } catch (e) { /* optional feature */ }
  // ok: OWASP-A09-EMPTY-CATCH
  const s = "try { run(); } catch (e) {}";
}
function check(user, password, pwd) {
  // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (user.password == 'letmein') { grant(); }
  // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (pwd === "root-pass") { grant(); }
  // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (password === "") { deny(); }
  // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (password !== "admin123") { deny(); }
  // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (newPassword === "admin123") { deny(); }
  // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  const hint = 'password === "admin123"';
  // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  // if (password === "admin123") { grant(); }
}
