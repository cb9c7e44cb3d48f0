// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: ISO27001-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: ISO27001-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: ISO27001-AWS-KEY
key := "AKIAUJZDE8GXD6NCF10E"
// ok: ISO27001-AWS-KEY
key := os.Getenv("AWS_ACCESS_KEY_ID")
// ruleid: ISO27001-MFA-OFF
mfaEnabled := false
// ruleid: ISO27001-MFA-OFF
cfg := Config{MFARequired: false}
// ok: ISO27001-MFA-OFF
mfaEnabled := true
// ruleid: ISO27001-SESSION-NO-EXPIRY
sessionMaxAge := 0
// ok: ISO27001-SESSION-NO-EXPIRY
sessionMaxAge := 900
// ruleid: ISO27001-HTTP-URL
resp, err := http.Get("http://billing.internal-corp.net/api")
// ok: ISO27001-HTTP-URL
resp, err := http.Get("https://billing.internal-corp.net/api")
// ruleid: ISO27001-SWALLOW-GO
if err := sync(); err != nil {}
// ok: ISO27001-SWALLOW-GO
if err := sync(); err != nil { return err }
// ruleid: ISO27001-AUDIT-DELETE
db.Exec("UPDATE audit_log SET actor = $1", actor)
// ok: ISO27001-AUDIT-DELETE
db.Exec("INSERT INTO audit_log (actor) VALUES ($1)", actor)
// ruleid: ISO27001-DEBUG-ON
const DEBUG = true
// ok: ISO27001-DEBUG-ON
const DEBUG = false
