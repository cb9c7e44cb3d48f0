// Syntax-rule fixtures: the lookalikes a regex got wrong (definitions named like the call,
// the call inside a string or a comment, safe variants) and forms only a syntax rule sees.
const { exec, execSync, spawn, execFile } = require("child_process");
const cp = require("child_process");
const _ = require("lodash");
const crypto = require("crypto");
const jwt = require("jsonwebtoken");
const libxmljs = require("libxmljs");

// ---- JS-EVAL
function evalCases(req, code) {
  // ruleid: JS-EVAL
  window.eval(code);
  // ruleid: JS-EVAL
  eval(`return ${code}`);
  // ruleid: JS-EVAL, JS-CODE-INJECTION
  eval("(" + req.body.expr + ")");
  // ok: JS-EVAL
  eval("2 + 2");
  // ok: JS-EVAL
  const help = "never call eval(input) on requests";
  // ok: JS-EVAL
  // eval(req.body.expr) was removed here
  // ok: JS-EVAL
  mathjs.eval(code);
}
class Calculator {
  // ok: JS-EVAL
  eval(expr) {
    return this.parser.run(expr);
  }
}

// ---- JS-FUNCTION-CONSTRUCTOR
function functionCases(body, args) {
  // ruleid: JS-FUNCTION-CONSTRUCTOR
  const f1 = Function("a", body);
  // ruleid: JS-FUNCTION-CONSTRUCTOR
  const f2 = new Function(...args);
  // ok: JS-FUNCTION-CONSTRUCTOR
  const globalObject = new Function("return this")();
  // ok: JS-FUNCTION-CONSTRUCTOR
  const registry = new FunctionRegistry(body);
  // ok: JS-FUNCTION-CONSTRUCTOR
  const doc = "new Function(body) compiles code";
  // ok: JS-FUNCTION-CONSTRUCTOR
  // new Function(body) is banned by the linter
}

// ---- JS-TIMER-STRING
function timerCases(id) {
  // ruleid: JS-TIMER-STRING
  window.setInterval(`poll(${id})`, 1000);
  // ruleid: JS-TIMER-STRING
  globalThis.setTimeout('refresh()', 10);
  // ok: JS-TIMER-STRING
  setInterval(poll, 1000);
  // ok: JS-TIMER-STRING
  scheduler.setTimeout("job-42", 100);
  // ok: JS-TIMER-STRING
  const tip = "setTimeout('refresh()', 10) evaluates a string";
  // ok: JS-TIMER-STRING
  // setTimeout("refresh()", 10);
}

// ---- JS-INNERHTML
function htmlCases(el, name, html) {
  // ruleid: JS-INNERHTML
  el.outerHTML = `<b>${name}</b>`;
  // ruleid: JS-INNERHTML
  el.innerHTML += html;
  // ok: JS-INNERHTML
  el.innerHTML = "<p>Loading</p>";
  // ok: JS-INNERHTML
  if (el.innerHTML == html) return;
  // ok: JS-INNERHTML
  const previous = el.innerHTML;
  // ok: JS-INNERHTML
  const snippet = "el.innerHTML = name";
  // ok: JS-INNERHTML
  // el.innerHTML = name;
}

// ---- JS-DOCUMENT-WRITE
function writeCases(frame, html, stream) {
  // ruleid: JS-DOCUMENT-WRITE
  frame.contentWindow.document.writeln(html);
  // ruleid: JS-DOCUMENT-WRITE
  frame.contentDocument.write(html);
  // ok: JS-DOCUMENT-WRITE
  stream.write(html);
  // ok: JS-DOCUMENT-WRITE
  mydocument.write(html);
  // ok: JS-DOCUMENT-WRITE
  const note = "document.write(html) blocks parsing";
  // ok: JS-DOCUMENT-WRITE
  // document.write(html);
}

// ---- JS-CHILD-PROCESS-EXEC
function execCases(file, opts, line) {
  // ruleid: JS-CHILD-PROCESS-EXEC
  cp.exec("convert " + file + " out.png");
  // ruleid: JS-CHILD-PROCESS-EXEC
  require("child_process").execSync(opts.command);
  // ruleid: JS-CHILD-PROCESS-EXEC
  execSync(line);
  // ok: JS-CHILD-PROCESS-EXEC
  const m = /(\d+)/.exec(line);
  // ok: JS-CHILD-PROCESS-EXEC
  const found = pattern.exec(line);
  // ok: JS-CHILD-PROCESS-EXEC
  db.exec(opts.sql);
  // ok: JS-CHILD-PROCESS-EXEC
  exec("ls -la", done);
  // ok: JS-CHILD-PROCESS-EXEC
  const hint = "exec(`rm ${file}`) is dangerous";
  // ok: JS-CHILD-PROCESS-EXEC
  // exec(`convert ${file}`)
}
class Runner {
  // ok: JS-CHILD-PROCESS-EXEC
  exec(cmd) {
    return this.queue.push(cmd);
  }
}

// ---- JS-SPAWN-SHELL
function spawnCases(cmd, args, opts) {
  // ruleid: JS-SPAWN-SHELL
  cp.spawnSync(cmd, args, {
    cwd: "/tmp",
    shell: true,
  });
  // ruleid: JS-SPAWN-SHELL
  execFile("convert", args, { shell: "/bin/bash" }, done);
  // ok: JS-SPAWN-SHELL
  spawn(cmd, args);
  // ok: JS-SPAWN-SHELL
  spawn(cmd, args, opts); // shell: true is set by the caller
  // ok: JS-SPAWN-SHELL
  terminal.open({ shell: true });
  // ok: JS-SPAWN-SHELL
  const text = "spawn(cmd, args, { shell: true })";
}

// ---- JS-PROTO-POLLUTION
function protoCases(obj, key, payload) {
  // ruleid: JS-PROTO-POLLUTION
  obj.__proto__ = payload;
  // ruleid: JS-PROTO-POLLUTION
  obj.__proto__.isAdmin = true;
  // ruleid: JS-PROTO-POLLUTION
  obj["__proto__"]["polluted"] = payload;
  // ruleid: JS-PROTO-POLLUTION
  obj["constructor"]["prototype"].polluted = payload;
  // ok: JS-PROTO-POLLUTION
  const proto = obj.__proto__;
  // ok: JS-PROTO-POLLUTION
  if (obj.__proto__ === Object.prototype) return;
  // ok: JS-PROTO-POLLUTION
  const msg = 'target["__proto__"] = payload';
  // ok: JS-PROTO-POLLUTION
  // obj.__proto__ = payload;
  // ok: JS-PROTO-POLLUTION
  obj[key] = payload;
}

// ---- JS-MERGE-UNTRUSTED
function mergeCases(req, res, config, cache) {
  // ruleid: JS-MERGE-UNTRUSTED
  _.defaultsDeep(config, req.query);
  // ruleid: JS-MERGE-UNTRUSTED
  lodash.set(config, req.body.path, req.body.value);
  // ruleid: JS-MERGE-UNTRUSTED
  merge({}, req.params);
  // ok: JS-MERGE-UNTRUSTED
  cache.set(req.params.id, req.body);
  // ok: JS-MERGE-UNTRUSTED
  // ruleid: JS-HEADER-INJECTION
  res.set("X-Request-Id", req.query.id);
  // ok: JS-MERGE-UNTRUSTED
  _.merge(req.body, defaults);
  // ok: JS-MERGE-UNTRUSTED
  const text = "_.merge(config, req.body)";
  // ok: JS-MERGE-UNTRUSTED
  // _.merge(config, req.body);
}

// ---- JS-WEAK-HASH
function hashCases(data, algo) {
  // ruleid: JS-WEAK-HASH
  crypto.createHash("SHA1").update(data);
  // ruleid: JS-WEAK-HASH
  crypto.createHash('RSA-MD5').update(data);
  // ruleid: JS-WEAK-HASH
  crypto.subtle.digest("SHA-1", data);
  // ok: JS-WEAK-HASH
  crypto.subtle.digest("SHA-256", data);
  // ok: JS-WEAK-HASH
  crypto.createHash(algo).update(data);
  // ok: JS-WEAK-HASH
  const legacy = "createHash('md5') is only for etags";
  // ok: JS-WEAK-HASH
  // crypto.createHash("md5")
}

// ---- JS-WEAK-CIPHER
function cipherCases(key, iv, msg, algorithm) {
  // ruleid: JS-WEAK-CIPHER
  crypto.createCipher("aes-256-cbc", key);
  // ruleid: JS-WEAK-CIPHER
  crypto.createCipheriv("aes-128-ecb", key, null);
  // ruleid: JS-WEAK-CIPHER
  crypto.createDecipheriv("DES-EDE3", key, iv);
  // ruleid: JS-WEAK-CIPHER
  crypto.createCipheriv("rc4-hmac-md5", key, iv);
  // ruleid: JS-WEAK-CIPHER
  crypto.createCipheriv('bf-cbc', key, iv);
  // ruleid: JS-WEAK-CIPHER
  crypto.createCipheriv("rc2-40-cbc", key, iv);
  // ruleid: JS-WEAK-CIPHER
  const t = CryptoJS.TripleDES.encrypt(msg, key);
  // ruleid: JS-WEAK-CIPHER
  const e = CryptoJS.AES.encrypt(msg, key, { mode: CryptoJS.mode.ECB });
  // ok: JS-WEAK-CIPHER
  crypto.createCipheriv("aes-256-cbc", key, iv);
  // ok: JS-WEAK-CIPHER
  crypto.createCipheriv(algorithm, key, iv);
  // ok: JS-WEAK-CIPHER
  const g = CryptoJS.AES.encrypt(msg, key, { mode: CryptoJS.mode.GCM });
  // ok: JS-WEAK-CIPHER
  const description = "des-ede3-cbc is weak";
  // ok: JS-WEAK-CIPHER
  // crypto.createCipheriv("des-ede3-cbc", key, iv)
}

// ---- JS-MATH-RANDOM-SECRET
// ruleid: JS-MATH-RANDOM-SECRET
const sessionId =
  Math.random().toString(36).slice(2);  // ruleid: JS-RANDOM-IN-SECURITY-CODE
function makeUser(user) {
  // ruleid: JS-MATH-RANDOM-SECRET, JS-RANDOM-IN-SECURITY-CODE
  user.apiKey = "k_" + Math.floor(Math.random() * 1e16).toString(16);
  // ruleid: JS-MATH-RANDOM-SECRET, JS-RANDOM-IN-SECURITY-CODE
  return { csrfToken: Math.random() };
}
// ruleid: JS-MATH-RANDOM-SECRET
function generateOtp() {
  let code = "";
  for (let i = 0; i < 6; i++) {
    code += String(Math.floor(Math.random() * 10));  // ruleid: JS-RANDOM-IN-SECURITY-CODE
  }
  return code;
}
class Session {
  // ruleid: JS-MATH-RANDOM-SECRET, JS-RANDOM-IN-SECURITY-CODE
  nonce = Math.random();
  // ok: JS-MATH-RANDOM-SECRET
  delay = Math.random() * 100;  // ruleid: JS-RANDOM-IN-SECURITY-CODE
}
// ok: JS-MATH-RANDOM-SECRET
const tokenAdvice = "never build a token with Math.random()";
// ok: JS-MATH-RANDOM-SECRET
const passwordSalt = crypto.randomBytes(16).toString("hex");
// ok: JS-MATH-RANDOM-SECRET
const footprint = Math.random();  // ruleid: JS-RANDOM-IN-SECURITY-CODE
// ok: JS-MATH-RANDOM-SECRET
// const token = Math.random();
// ok: JS-MATH-RANDOM-SECRET
function shuffle(items) { return items.sort(() => Math.random() - 0.5); }  // ruleid: JS-RANDOM-IN-SECURITY-CODE

// ---- JS-JWT-NONE
function jwtCases(token, key) {
  // ruleid: JS-JWT-NONE
  jwt.verify(token, key, { algorithms: ["RS256", "none"] });
  // ruleid: JS-JWT-NONE
  jwt.sign(payload, null, { algorithm: "none" });
  // ok: JS-JWT-NONE
  jwt.sign(payload, key, { algorithm: "HS256" });
  // ok: JS-JWT-NONE
  const hint = "algorithms: ['none'] disables signatures";
  // ok: JS-JWT-NONE
  // jwt.verify(token, key, { algorithms: ["none"] });
  // ok: JS-JWT-NONE
  compress(data, { method: "none" });
}

// ---- JS-JWT-DECODE-ONLY
class AuthService {
  check(token) {
    // ruleid: JS-JWT-DECODE-ONLY
    return this.jwt.decode(token);
  }
  // ok: JS-JWT-DECODE-ONLY
  decode(token) {
    return base64url.decode(token);
  }
}
// ok: JS-JWT-DECODE-ONLY
const raw = base64.decode(header);
// ok: JS-JWT-DECODE-ONLY
const why = "jwt.decode(token) does not verify";
// ok: JS-JWT-DECODE-ONLY
// const claims = jwt.decode(token);

// ---- JS-EXPRESS-NO-HELMET
// ruleid: JS-EXPRESS-NO-HELMET
server.set("x-powered-by", true);
// ok: JS-EXPRESS-NO-HELMET
server.set("x-powered-by", false);
// ok: JS-EXPRESS-NO-HELMET
features.enable("dark-mode");
// ok: JS-EXPRESS-NO-HELMET
// app.enable("x-powered-by");

// ---- JS-EXPRESS-CORS-ANY
// ruleid: JS-EXPRESS-CORS-ANY
app.use(cors({ origin: true, credentials: true }));
// ruleid: JS-EXPRESS-CORS-ANY
const io = new Server(httpServer, { cors: { origin: "*" } });
// ok: JS-EXPRESS-CORS-ANY
app.use(cors({ origin: false }));
// ok: JS-EXPRESS-CORS-ANY
app.use(proxy({ origin: "*" }));
// ok: JS-EXPRESS-CORS-ANY
const corsNote = "cors({ origin: '*' }) allows every site";
// ok: JS-EXPRESS-CORS-ANY
// app.use(cors({ origin: "*" }));

// ---- JS-COOKIE-INSECURE
function cookieCases(res, sid) {
  // ruleid: JS-COOKIE-INSECURE
  res.cookie("sid", sid, { httpOnly: false, secure: true });
  // ruleid: JS-COOKIE-INSECURE
  app.use(cookieSession({ name: "session", keys, secure: false }));
  const cookieOptions = {
    // ruleid: JS-COOKIE-INSECURE
    secure: false,
    sameSite: "lax",
  };
  // ruleid: JS-COOKIE-INSECURE
  const sessionCookieDefaults = { secure: false };
  // ok: JS-COOKIE-INSECURE
  const transport = nodemailer.createTransport({ host, port: 587, secure: false, auth });
  // ok: JS-COOKIE-INSECURE
  const socket = io(url, { secure: false, path: "/socket.io" });
  // ok: JS-COOKIE-INSECURE
  res.cookie("sid", sid, { httpOnly: true, secure: process.env.NODE_ENV === "production" });
  // ok: JS-COOKIE-INSECURE
  const tip = "cookie: { secure: false } only in development";
  // ok: JS-COOKIE-INSECURE
  // cookie: { secure: false }
}

// ---- JS-EXPRESS-COOKIE-NO-FLAGS
function setCookies(req, res, sid, opts) {
  // ruleid: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid);
  // ruleid: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid, { maxAge: 3600000 });
  // ruleid: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid, { secure: true, sameSite: "strict" });
  // ruleid: JS-EXPRESS-COOKIE-NO-FLAGS
  response.cookie("theme", req.query.theme, { httpOnly: true });
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid, { secure: true, httpOnly: true, sameSite: "lax" });
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid, opts);
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid, { ...secureDefaults, maxAge: 3600000 });
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  $.cookie("theme", "dark");
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  res.clearCookie("sid");
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  const doc = "res.cookie(name, value) sets no flags";
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  // res.cookie("sid", sid);
}

// ---- JS-TLS-REJECT-UNAUTHORIZED
function tlsCases(url, isDev) {
  // ruleid: JS-TLS-REJECT-UNAUTHORIZED
  process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
  // ruleid: JS-TLS-REJECT-UNAUTHORIZED
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
  // ruleid: JS-TLS-REJECT-UNAUTHORIZED
  cp.fork("worker.js", { env: { NODE_TLS_REJECT_UNAUTHORIZED: "0" } });
  const agent = new https.Agent({
    // ruleid: JS-TLS-REJECT-UNAUTHORIZED
    rejectUnauthorized: false,
  });
  // ok: JS-TLS-REJECT-UNAUTHORIZED
  https.request(url, { rejectUnauthorized: true });
  // ok: JS-TLS-REJECT-UNAUTHORIZED
  https.request(url, { rejectUnauthorized: !isDev });
  // ok: JS-TLS-REJECT-UNAUTHORIZED
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") warn();
  // ok: JS-TLS-REJECT-UNAUTHORIZED
  console.warn("NODE_TLS_REJECT_UNAUTHORIZED=0 is set");
  // ok: JS-TLS-REJECT-UNAUTHORIZED
  // NODE_TLS_REJECT_UNAUTHORIZED=0 for local development only
}

// ---- JS-OPEN-REDIRECT
function redirectCases(req, res) {
  // ruleid: JS-OPEN-REDIRECT
  res.redirect(302, req.query.returnTo);
  // ruleid: JS-OPEN-REDIRECT
  res.redirect(req.body["next"] || "/");
  // ok: JS-OPEN-REDIRECT
  res.redirect(302, "/login");
  // ok: JS-OPEN-REDIRECT
  res.redirect(allowList.has(next) ? next : "/");
  // ok: JS-OPEN-REDIRECT
  const text = "res.redirect(req.query.next) is an open redirect";
  // ok: JS-OPEN-REDIRECT
  // res.redirect(req.query.next);
}

// ---- JS-XXE
function xmlCases(xml, opts) {
  // ruleid: JS-XXE
  const doc = libxmljs.parseXml(xml, { noblanks: true, noent: true });
  const parseOptions = {
    // ruleid: JS-XXE
    noent: true,
  };
  // ruleid: JS-XXE
  const doc2 = libxmljs.parseXml(xml, { replaceEntities: true });
  // ruleid: JS-XXE
  const doc3 = parseXml(xml, { flags: [XMLParseFlags.XML_PARSE_NOENT] });
  // ok: JS-XXE
  const safe = libxmljs.parseXml(xml);
  // ok: JS-XXE
  const safe2 = libxmljs.parseXml(xml, { noent: false, nonet: true });
  // ok: JS-XXE
  const entities = he.decode(xml, { replaceEntities: true });
  // ok: JS-XXE
  const note = "parseXml(xml, { noent: true }) expands entities";
  // ok: JS-XXE
  // libxmljs.parseXml(xml, { noent: true })
}
