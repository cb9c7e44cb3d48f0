// Fixture (cpp): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: CFR11-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
// ruleid: CFR11-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: CFR11-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
