// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: ISO27001-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: ISO27001-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: ISO27001-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: ISO27001-AWS-KEY
const key = "AKIAUJZDE8GXD6NCF10E";
// ok: ISO27001-AWS-KEY
const key = process.env.AWS_ACCESS_KEY_ID;
// ruleid: ISO27001-MFA-OFF
const settings = { mfaEnabled: false };
// ok: ISO27001-MFA-OFF
const settings = { mfaEnabled: true };
// ruleid: ISO27001-SESSION-NO-EXPIRY
const sessionTimeout = 0;
// ruleid: ISO27001-SESSION-NO-EXPIRY
  sessionMaxAge: null,
// ok: ISO27001-SESSION-NO-EXPIRY
const sessionTimeout = 15 * 60;
// ruleid: ISO27001-HTTP-URL
const API = "http://billing.internal-corp.net/api";
// ruleid: ISO27001-HTTP-URL
fetch(`http://records.hospital-net.org/${id}`);
// ok: ISO27001-HTTP-URL
const API = "https://billing.internal-corp.net/api";
// ok: ISO27001-HTTP-URL
const SVG_NS = "http://www.w3.org/2000/svg";
// ok: ISO27001-HTTP-URL
const DEV = "http://localhost:8080";
// ruleid: ISO27001-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: ISO27001-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: ISO27001-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: ISO27001-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
// ruleid: ISO27001-AUDIT-DELETE
await db.query("DELETE FROM audit_log WHERE ts < $1", [cutoff]);
// ok: ISO27001-AUDIT-DELETE
await db.query("INSERT INTO audit_log (event) VALUES ($1)", [ev]);
// ruleid: ISO27001-DEBUG-ON
export const DEBUG = true;
// ruleid: ISO27001-DEBUG-ON
  DEBUG: true,
// ok: ISO27001-DEBUG-ON
export const DEBUG = process.env.NODE_ENV !== "production";
