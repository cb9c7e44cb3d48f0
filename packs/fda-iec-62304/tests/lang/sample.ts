// Fixture (ts): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: IEC62304-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
// ruleid: IEC62304-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: IEC62304-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
