// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: GDPR-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
