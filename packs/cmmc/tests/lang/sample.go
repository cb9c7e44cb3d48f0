// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: CMMC-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: CMMC-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: CMMC-MFA-OFF
mfaEnabled := false
// ruleid: CMMC-MFA-OFF
cfg := Config{MFARequired: false}
// ok: CMMC-MFA-OFF
mfaEnabled := true
// ruleid: CMMC-PASSWORD-MIN
minPasswordLength := 6
// ok: CMMC-PASSWORD-MIN
minPasswordLength := 12
// ruleid: CMMC-SESSION-NO-EXPIRY
sessionMaxAge := 0
// ok: CMMC-SESSION-NO-EXPIRY
sessionMaxAge := 900
// ruleid: CMMC-AUDIT-DELETE
db.Exec("UPDATE audit_log SET actor = $1", actor)
// ok: CMMC-AUDIT-DELETE
db.Exec("INSERT INTO audit_log (actor) VALUES ($1)", actor)
