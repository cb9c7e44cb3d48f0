// Fixture (rs): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: CFR11-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
// ruleid: CFR11-SESSION-NO-EXPIRY
let session_timeout_secs = 0;
// ok: CFR11-SESSION-NO-EXPIRY
let session_timeout_secs = 900;
// ruleid: CFR11-SWALLOW-RUST
sync().ok();
// ruleid: CFR11-SWALLOW-RUST
    Err(_) => {}
// ok: CFR11-SWALLOW-RUST
let outcome = sync().ok();
// ok: CFR11-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
