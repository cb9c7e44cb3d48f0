// ruleid: JS-EVAL, JS-CODE-INJECTION
const v = eval(req.body.expr);
// ok: JS-EVAL
const v = JSON.parse(req.body.expr);
// ok: JS-EVAL
const v = evaluate(req.body.expr);
// ruleid: JS-FUNCTION-CONSTRUCTOR
const fn = new Function("a", body);
// ok: JS-FUNCTION-CONSTRUCTOR
const fn = function (a) { return a; };
// ruleid: JS-TIMER-STRING
setTimeout("refresh(" + id + ")", 100);
// ok: JS-TIMER-STRING
setTimeout(() => refresh(id), 100);
// ruleid: JS-INNERHTML
el.innerHTML = "<b>" + name + "</b>";
// ok: JS-INNERHTML
el.textContent = name;
// ok: JS-INNERHTML
el.innerHTML = "";
// ruleid: JS-DOCUMENT-WRITE, JS-DOM-XSS
document.write(location.hash);
// ok: JS-DOCUMENT-WRITE
documentWriter.write(location.hash);
// ruleid: JS-CHILD-PROCESS-EXEC
exec(`convert ${file} out.png`, cb);
// ok: JS-CHILD-PROCESS-EXEC
execFile("convert", [file, "out.png"], cb);
// ruleid: JS-SPAWN-SHELL
spawn(cmd, args, { shell: true });
// ok: JS-SPAWN-SHELL
spawn(cmd, args, { shell: false });
// ruleid: JS-PROTO-POLLUTION
target["__proto__"] = payload;
// ok: JS-PROTO-POLLUTION
if (key === "__proto__") continue;
// ruleid: JS-MERGE-UNTRUSTED
_.merge(config, req.body);
// ok: JS-MERGE-UNTRUSTED
_.merge(config, validated);
// ruleid: JS-WEAK-HASH
const h = crypto.createHash("md5").update(pw).digest("hex");
// ok: JS-WEAK-HASH
const h = crypto.createHash("sha256").update(pw).digest("hex");
// ruleid: JS-WEAK-CIPHER
const c = crypto.createCipheriv("des-ede3-cbc", key, iv);
// ok: JS-WEAK-CIPHER
const c = crypto.createCipheriv("aes-256-gcm", key, iv);
// ruleid: JS-MATH-RANDOM-SECRET, JS-RANDOM-IN-SECURITY-CODE
const resetToken = Math.random().toString(36).slice(2);
// ok: JS-MATH-RANDOM-SECRET
const jitter = Math.random() * 100;  // ruleid: JS-RANDOM-IN-SECURITY-CODE
// ruleid: JS-JWT-NONE
jwt.verify(token, key, { algorithms: ["none"] });
// ok: JS-JWT-NONE
jwt.verify(token, key, { algorithms: ["RS256"] });
// ruleid: JS-JWT-DECODE-ONLY
const claims = jwt.decode(req.headers.authorization);
// ok: JS-JWT-DECODE-ONLY
const claims = jwt.verify(req.headers.authorization, publicKey);
// ruleid: JS-EXPRESS-NO-HELMET
app.enable("x-powered-by");
// ok: JS-EXPRESS-NO-HELMET
app.disable("x-powered-by");
// ruleid: JS-EXPRESS-CORS-ANY
app.use(cors({ origin: "*", credentials: true }));
// ok: JS-EXPRESS-CORS-ANY
app.use(cors({ origin: ["https://shop.example.com"] }));
// ruleid: JS-COOKIE-INSECURE
app.use(session({ secret, cookie: { secure: false } }));
// ok: JS-COOKIE-INSECURE
app.use(session({ secret, cookie: { secure: true, httpOnly: true } }));
// ruleid: JS-TLS-REJECT-UNAUTHORIZED
https.request(url, { rejectUnauthorized: false });
// ok: JS-TLS-REJECT-UNAUTHORIZED
https.request(url, { ca: corporateCa });
// ruleid: JS-OPEN-REDIRECT
res.redirect(req.query.next);
// ok: JS-OPEN-REDIRECT
res.redirect("/login?next=" + encodeURIComponent(req.query.next));
