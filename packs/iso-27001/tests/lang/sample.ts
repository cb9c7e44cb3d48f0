// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: ISO27001-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
// ruleid: ISO27001-MFA-OFF
user.twoFactorEnabled = false;
// ok: ISO27001-MFA-OFF
user.twoFactorEnabled = isRequired(user);
// ruleid: ISO27001-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: ISO27001-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
