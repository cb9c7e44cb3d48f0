// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: ISO14971-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
