// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SESSION-NO-EXPIRY
const sessionTimeout = 0;
// ruleid: NIST53-SESSION-NO-EXPIRY
  sessionMaxAge: null,
// ok: NIST53-SESSION-NO-EXPIRY
const sessionTimeout = 15 * 60;
// ruleid: NIST53-CORS-ANY
app.use(cors());
// ruleid: NIST53-CORS-ANY
res.setHeader("Access-Control-Allow-Origin", "*");
// ok: NIST53-CORS-ANY
app.use(cors({ origin: "https://portal.example.com" }));
// ok: NIST53-CORS-ANY
res.setHeader("Access-Control-Allow-Origin", "https://portal.example.com");
// ruleid: NIST53-AUDIT-DELETE
await db.query("DELETE FROM audit_log WHERE ts < $1", [cutoff]);
// ok: NIST53-AUDIT-DELETE
await db.query("INSERT INTO audit_log (event) VALUES ($1)", [ev]);
// ruleid: NIST53-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: NIST53-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: NIST53-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: NIST53-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
// ruleid: NIST53-NAIVE-TIME-JS
const stamp = new Date().toLocaleString();
// ok: NIST53-NAIVE-TIME-JS
const stamp = new Date().toISOString();
// ruleid: NIST53-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: NIST53-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: NIST53-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: NIST53-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: NIST53-PASSWORD-MIN
const policy = { minPasswordLength: 6 };
// ok: NIST53-PASSWORD-MIN
const policy = { minPasswordLength: 12 };
// ruleid: NIST53-MFA-OFF
const settings = { mfaEnabled: false };
// ok: NIST53-MFA-OFF
const settings = { mfaEnabled: true };
// ruleid: NIST53-HTTP-URL
const API = "http://billing.internal-corp.net/api";
// ruleid: NIST53-HTTP-URL
fetch(`http://records.hospital-net.org/${id}`);
// ok: NIST53-HTTP-URL
const API = "https://billing.internal-corp.net/api";
// ok: NIST53-HTTP-URL
const SVG_NS = "http://www.w3.org/2000/svg";
// ok: NIST53-HTTP-URL
const DEV = "http://localhost:8080";
