// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: GDPR-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
