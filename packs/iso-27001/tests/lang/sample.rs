// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: ISO27001-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
// ruleid: ISO27001-MFA-OFF
let mfa_enforced = false;
// ok: ISO27001-MFA-OFF
let mfa_enforced = true;
// ruleid: ISO27001-SESSION-NO-EXPIRY
let session_timeout_secs = 0;
// ok: ISO27001-SESSION-NO-EXPIRY
let session_timeout_secs = 900;
// ruleid: ISO27001-HTTP-URL
let api = "http://billing.internal-corp.net/api";
// ok: ISO27001-HTTP-URL
let api = "https://billing.internal-corp.net/api";
// ruleid: ISO27001-SWALLOW-RUST
sync().ok();
// ruleid: ISO27001-SWALLOW-RUST
    Err(_) => {}
// ok: ISO27001-SWALLOW-RUST
let outcome = sync().ok();
// ok: ISO27001-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
// ruleid: ISO27001-DEBUG-ON
pub const DEBUG: bool = true;
// ok: ISO27001-DEBUG-ON
pub const DEBUG: bool = false;
