// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: CMMC-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
