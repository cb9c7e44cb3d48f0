// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: IEC81001-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
