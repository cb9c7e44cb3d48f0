// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: NIST53-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
// ruleid: NIST53-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: NIST53-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
