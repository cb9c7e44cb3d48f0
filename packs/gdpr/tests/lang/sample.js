// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-LOG-PII-JS
logger.info("signup", user.email);
// ok: GDPR-LOG-PII-JS
logger.info("signup", user.id);
// ruleid: GDPR-IP-LOG-JS
console.log("login from", req.ip);
// ok: GDPR-IP-LOG-JS
console.log("login by", req.user.id);
// ruleid: GDPR-HTTP-URL
const API = "http://billing.internal-corp.net/api";
// ruleid: GDPR-HTTP-URL
fetch(`http://records.hospital-net.org/${id}`);
// ok: GDPR-HTTP-URL
const API = "https://billing.internal-corp.net/api";
// ok: GDPR-HTTP-URL
const SVG_NS = "http://www.w3.org/2000/svg";
// ok: GDPR-HTTP-URL
const DEV = "http://localhost:8080";
// ruleid: GDPR-WEAK-CIPHER-JS
const c = crypto.createCipheriv("des-ede3-cbc", key, iv);
// ruleid: GDPR-WEAK-CIPHER-JS
const c = crypto.createCipheriv("aes-128-ecb", key, null);
// ok: GDPR-WEAK-CIPHER-JS
const c = crypto.createCipheriv("aes-256-gcm", key, iv);
// ruleid: GDPR-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: GDPR-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: GDPR-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: GDPR-HARDCODED-PASSWORD
if (password === "letmein123") deny();
