// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: PCI-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
// ruleid: PCI-MFA-OFF
user.twoFactorEnabled = false;
// ok: PCI-MFA-OFF
user.twoFactorEnabled = isRequired(user);
// ruleid: PCI-SWALLOW-JS
try { sync(); } catch (err: unknown) {}
// ok: PCI-SWALLOW-JS
try { sync(); } catch (err: unknown) { report(err); }
