// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: CMMC-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: CMMC-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: CMMC-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: CMMC-MFA-OFF
const settings = { mfaEnabled: false };
// ok: CMMC-MFA-OFF
const settings = { mfaEnabled: true };
// ruleid: CMMC-PASSWORD-MIN
const policy = { minPasswordLength: 6 };
// ok: CMMC-PASSWORD-MIN
const policy = { minPasswordLength: 12 };
// ruleid: CMMC-SESSION-NO-EXPIRY
const sessionTimeout = 0;
// ruleid: CMMC-SESSION-NO-EXPIRY
  sessionMaxAge: null,
// ok: CMMC-SESSION-NO-EXPIRY
const sessionTimeout = 15 * 60;
// ruleid: CMMC-AUDIT-DELETE
await db.query("DELETE FROM audit_log WHERE ts < $1", [cutoff]);
// ok: CMMC-AUDIT-DELETE
await db.query("INSERT INTO audit_log (event) VALUES ($1)", [ev]);
