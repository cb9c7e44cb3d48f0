// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SESSION-NO-EXPIRY
sessionMaxAge := 0
// ok: NIST53-SESSION-NO-EXPIRY
sessionMaxAge := 900
// ruleid: NIST53-CORS-ANY
r.Use(cors.New(cors.Config{AllowAllOrigins: true}))
// ok: NIST53-CORS-ANY
r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://portal.example.com"}}))
// ruleid: NIST53-AUDIT-DELETE
db.Exec("UPDATE audit_log SET actor = $1", actor)
// ok: NIST53-AUDIT-DELETE
db.Exec("INSERT INTO audit_log (actor) VALUES ($1)", actor)
// ruleid: NIST53-SWALLOW-GO
if err := sync(); err != nil {}
// ok: NIST53-SWALLOW-GO
if err := sync(); err != nil { return err }
// ruleid: NIST53-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: NIST53-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: NIST53-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: NIST53-PASSWORD-MIN
minPasswordLength := 6
// ok: NIST53-PASSWORD-MIN
minPasswordLength := 12
// ruleid: NIST53-MFA-OFF
mfaEnabled := false
// ruleid: NIST53-MFA-OFF
cfg := Config{MFARequired: false}
// ok: NIST53-MFA-OFF
mfaEnabled := true
// ruleid: NIST53-HTTP-URL
resp, err := http.Get("http://billing.internal-corp.net/api")
// ok: NIST53-HTTP-URL
resp, err := http.Get("https://billing.internal-corp.net/api")
