// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: HIPAA-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
// ruleid: HIPAA-MFA-OFF
user.twoFactorEnabled = false;
// ok: HIPAA-MFA-OFF
user.twoFactorEnabled = isRequired(user);
