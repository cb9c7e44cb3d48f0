// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-LOG-PHI-JS
console.log("patient", patientName, "diagnosis", diagnosis);
// ok: HIPAA-LOG-PHI-JS
console.log("patient record %s updated", recordId);
// ruleid: HIPAA-HTTP-URL
const API = "http://billing.internal-corp.net/api";
// ruleid: HIPAA-HTTP-URL
fetch(`http://records.hospital-net.org/${id}`);
// ok: HIPAA-HTTP-URL
const API = "https://billing.internal-corp.net/api";
// ok: HIPAA-HTTP-URL
const SVG_NS = "http://www.w3.org/2000/svg";
// ok: HIPAA-HTTP-URL
const DEV = "http://localhost:8080";
// ruleid: HIPAA-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: HIPAA-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: HIPAA-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: HIPAA-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: HIPAA-MFA-OFF
const settings = { mfaEnabled: false };
// ok: HIPAA-MFA-OFF
const settings = { mfaEnabled: true };
// ruleid: HIPAA-SESSION-NO-EXPIRY
const sessionTimeout = 0;
// ruleid: HIPAA-SESSION-NO-EXPIRY
  sessionMaxAge: null,
// ok: HIPAA-SESSION-NO-EXPIRY
const sessionTimeout = 15 * 60;
// ruleid: HIPAA-AUDIT-DELETE
await db.query("DELETE FROM audit_log WHERE ts < $1", [cutoff]);
// ok: HIPAA-AUDIT-DELETE
await db.query("INSERT INTO audit_log (event) VALUES ($1)", [ev]);
