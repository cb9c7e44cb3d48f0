// Fixture (ts): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
const adminPwd: string = "Adm1nAdm1n";
// ok: IEC81001-HARDCODED-PASSWORD
const adminPwd: string = config.get("adminPwd");
