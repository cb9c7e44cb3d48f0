// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: SOC2-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
// ruleid: SOC2-MFA-OFF
let mfa_enforced = false;
// ok: SOC2-MFA-OFF
let mfa_enforced = true;
// ruleid: SOC2-SESSION-NO-EXPIRY
let session_timeout_secs = 0;
// ok: SOC2-SESSION-NO-EXPIRY
let session_timeout_secs = 900;
// ruleid: SOC2-CORS-ANY
let cors = Cors::default().allow_any_origin();
// ok: SOC2-CORS-ANY
let cors = Cors::default().allowed_origin("https://portal.example.com");
// ruleid: SOC2-HTTP-URL
let api = "http://billing.internal-corp.net/api";
// ok: SOC2-HTTP-URL
let api = "https://billing.internal-corp.net/api";
// ruleid: SOC2-DEBUG-ON
pub const DEBUG: bool = true;
// ok: SOC2-DEBUG-ON
pub const DEBUG: bool = false;
// ruleid: SOC2-SWALLOW-RUST
sync().ok();
// ruleid: SOC2-SWALLOW-RUST
    Err(_) => {}
// ok: SOC2-SWALLOW-RUST
let outcome = sync().ok();
// ok: SOC2-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
