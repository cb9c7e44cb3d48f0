// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-HTTP-URL
let api = "http://billing.internal-corp.net/api";
// ok: GDPR-HTTP-URL
let api = "https://billing.internal-corp.net/api";
// ruleid: GDPR-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: GDPR-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
