// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-LOG-PHI-GO
log.Printf("patient %s dob %s", p.Name, p.DOB)
// ok: HIPAA-LOG-PHI-GO
log.Printf("patient record %d updated", id)
// ruleid: HIPAA-HTTP-URL
resp, err := http.Get("http://billing.internal-corp.net/api")
// ok: HIPAA-HTTP-URL
resp, err := http.Get("https://billing.internal-corp.net/api")
// ruleid: HIPAA-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: HIPAA-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: HIPAA-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: HIPAA-MFA-OFF
mfaEnabled := false
// ruleid: HIPAA-MFA-OFF
cfg := Config{MFARequired: false}
// ok: HIPAA-MFA-OFF
mfaEnabled := true
// ruleid: HIPAA-SESSION-NO-EXPIRY
sessionMaxAge := 0
// ok: HIPAA-SESSION-NO-EXPIRY
sessionMaxAge := 900
// ruleid: HIPAA-AUDIT-DELETE
db.Exec("UPDATE audit_log SET actor = $1", actor)
// ok: HIPAA-AUDIT-DELETE
db.Exec("INSERT INTO audit_log (actor) VALUES ($1)", actor)
