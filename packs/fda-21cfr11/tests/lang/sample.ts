// Fixture (ts): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: CFR11-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
// ruleid: CFR11-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: CFR11-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
