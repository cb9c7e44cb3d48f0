// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-HTTP-URL
let api = "http://billing.internal-corp.net/api";
// ok: PCI-HTTP-URL
let api = "https://billing.internal-corp.net/api";
// ruleid: PCI-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: PCI-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
// ruleid: PCI-MFA-OFF
let mfa_enforced = false;
// ok: PCI-MFA-OFF
let mfa_enforced = true;
// ruleid: PCI-SESSION-NO-EXPIRY
let session_timeout_secs = 0;
// ok: PCI-SESSION-NO-EXPIRY
let session_timeout_secs = 900;
// ruleid: PCI-SWALLOW-RUST
sync().ok();
// ruleid: PCI-SWALLOW-RUST
    Err(_) => {}
// ok: PCI-SWALLOW-RUST
let outcome = sync().ok();
// ok: PCI-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
// ok: PCI-PASSWORD-MIN
#[schema(min_length = 1)]
struct Title(String);
