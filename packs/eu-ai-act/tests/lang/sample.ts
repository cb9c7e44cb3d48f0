// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: EUAI-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
