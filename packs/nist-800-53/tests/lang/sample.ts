// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: NIST53-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
// ruleid: NIST53-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: NIST53-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
// ruleid: NIST53-MFA-OFF
user.twoFactorEnabled = false;
// ok: NIST53-MFA-OFF
user.twoFactorEnabled = isRequired(user);
