// Fixture (go): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-AUDIT-DELETE
db.Exec("UPDATE audit_log SET actor = $1", actor)
// ok: CFR11-AUDIT-DELETE
db.Exec("INSERT INTO audit_log (actor) VALUES ($1)", actor)
// ruleid: CFR11-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: CFR11-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: CFR11-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: CFR11-PASSWORD-MIN
minPasswordLength := 6
// ok: CFR11-PASSWORD-MIN
minPasswordLength := 12
// ruleid: CFR11-SESSION-NO-EXPIRY
sessionMaxAge := 0
// ok: CFR11-SESSION-NO-EXPIRY
sessionMaxAge := 900
// ruleid: CFR11-SWALLOW-GO
if err := sync(); err != nil {}
// ok: CFR11-SWALLOW-GO
if err := sync(); err != nil { return err }
