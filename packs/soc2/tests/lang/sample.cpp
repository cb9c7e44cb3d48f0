// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: SOC2-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
// ruleid: SOC2-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: SOC2-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
