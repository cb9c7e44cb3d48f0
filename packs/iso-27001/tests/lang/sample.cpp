// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: ISO27001-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
// ruleid: ISO27001-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: ISO27001-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
