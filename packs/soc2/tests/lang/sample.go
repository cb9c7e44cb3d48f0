// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: SOC2-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: SOC2-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: SOC2-AWS-KEY
key := "AKIAUJZDE8GXD6NCF10E"
// ok: SOC2-AWS-KEY
key := os.Getenv("AWS_ACCESS_KEY_ID")
// ruleid: SOC2-JWT-NOVERIFY
return jwt.UnsafeAllowNoneSignatureType, nil
// ok: SOC2-JWT-NOVERIFY
return publicKey, nil
// ruleid: SOC2-MFA-OFF
mfaEnabled := false
// ruleid: SOC2-MFA-OFF
cfg := Config{MFARequired: false}
// ok: SOC2-MFA-OFF
mfaEnabled := true
// ruleid: SOC2-SESSION-NO-EXPIRY
sessionMaxAge := 0
// ok: SOC2-SESSION-NO-EXPIRY
sessionMaxAge := 900
// ruleid: SOC2-CORS-ANY
r.Use(cors.New(cors.Config{AllowAllOrigins: true}))
// ok: SOC2-CORS-ANY
r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://portal.example.com"}}))
// ruleid: SOC2-HTTP-URL
resp, err := http.Get("http://billing.internal-corp.net/api")
// ok: SOC2-HTTP-URL
resp, err := http.Get("https://billing.internal-corp.net/api")
// ruleid: SOC2-DEBUG-ON
const DEBUG = true
// ok: SOC2-DEBUG-ON
const DEBUG = false
// ruleid: SOC2-SWALLOW-GO
if err := sync(); err != nil {}
// ok: SOC2-SWALLOW-GO
if err := sync(); err != nil { return err }
