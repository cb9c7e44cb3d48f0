// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: CMMC-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
// ruleid: CMMC-MFA-OFF
let mfa_enforced = false;
// ok: CMMC-MFA-OFF
let mfa_enforced = true;
// ruleid: CMMC-SESSION-NO-EXPIRY
let session_timeout_secs = 0;
// ok: CMMC-SESSION-NO-EXPIRY
let session_timeout_secs = 900;
