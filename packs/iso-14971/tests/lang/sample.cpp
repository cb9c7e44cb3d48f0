// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: ISO14971-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
