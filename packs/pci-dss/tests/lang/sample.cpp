// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: PCI-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
// ruleid: PCI-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: PCI-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
