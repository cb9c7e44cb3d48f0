// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-HTTP-URL
let api = "http://billing.internal-corp.net/api";
// ok: HIPAA-HTTP-URL
let api = "https://billing.internal-corp.net/api";
// ruleid: HIPAA-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: HIPAA-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
// ruleid: HIPAA-MFA-OFF
let mfa_enforced = false;
// ok: HIPAA-MFA-OFF
let mfa_enforced = true;
// ruleid: HIPAA-SESSION-NO-EXPIRY
let session_timeout_secs = 0;
// ok: HIPAA-SESSION-NO-EXPIRY
let session_timeout_secs = 900;
