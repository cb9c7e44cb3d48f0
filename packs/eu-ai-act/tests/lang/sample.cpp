// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: EUAI-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
