// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: CMMC-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
// ruleid: CMMC-MFA-OFF
user.twoFactorEnabled = false;
// ok: CMMC-MFA-OFF
user.twoFactorEnabled = isRequired(user);
