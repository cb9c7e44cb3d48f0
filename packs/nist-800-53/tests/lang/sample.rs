// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SESSION-NO-EXPIRY
let session_timeout_secs = 0;
// ok: NIST53-SESSION-NO-EXPIRY
let session_timeout_secs = 900;
// ruleid: NIST53-CORS-ANY
let cors = Cors::default().allow_any_origin();
// ok: NIST53-CORS-ANY
let cors = Cors::default().allowed_origin("https://portal.example.com");
// ruleid: NIST53-SWALLOW-RUST
sync().ok();
// ruleid: NIST53-SWALLOW-RUST
    Err(_) => {}
// ok: NIST53-SWALLOW-RUST
let outcome = sync().ok();
// ok: NIST53-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
// ruleid: NIST53-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: NIST53-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
// ruleid: NIST53-MFA-OFF
let mfa_enforced = false;
// ok: NIST53-MFA-OFF
let mfa_enforced = true;
// ruleid: NIST53-HTTP-URL
let api = "http://billing.internal-corp.net/api";
// ok: NIST53-HTTP-URL
let api = "https://billing.internal-corp.net/api";
