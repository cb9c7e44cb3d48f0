// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: SOC2-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
// ruleid: SOC2-MFA-OFF
user.twoFactorEnabled = false;
// ok: SOC2-MFA-OFF
user.twoFactorEnabled = isRequired(user);
// ruleid: SOC2-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: SOC2-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
