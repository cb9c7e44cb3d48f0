// Fixture (js): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-AUDIT-DELETE
await db.query("DELETE FROM audit_log WHERE ts < $1", [cutoff]);
// ok: CFR11-AUDIT-DELETE
await db.query("INSERT INTO audit_log (event) VALUES ($1)", [ev]);
// ruleid: CFR11-CLIENT-TIME-JS
record.signedAt = req.body.signedAt;
// ok: CFR11-CLIENT-TIME-JS
record.signedAt = new Date().toISOString();
// ruleid: CFR11-NAIVE-TIME-JS
const stamp = new Date().toLocaleString();
// ok: CFR11-NAIVE-TIME-JS
const stamp = new Date().toISOString();
// ruleid: CFR11-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: CFR11-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: CFR11-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: CFR11-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: CFR11-PASSWORD-MIN
const policy = { minPasswordLength: 6 };
// ok: CFR11-PASSWORD-MIN
const policy = { minPasswordLength: 12 };
// ruleid: CFR11-SESSION-NO-EXPIRY
const sessionTimeout = 0;
// ruleid: CFR11-SESSION-NO-EXPIRY
  sessionMaxAge: null,
// ok: CFR11-SESSION-NO-EXPIRY
const sessionTimeout = 15 * 60;
// ruleid: CFR11-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: CFR11-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: CFR11-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: CFR11-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
