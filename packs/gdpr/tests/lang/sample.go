// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-LOG-PII-GO
log.Printf("signup %s", user.Email)
// ok: GDPR-LOG-PII-GO
log.Printf("signup %d", user.ID)
// ruleid: GDPR-IP-LOG-GO
log.Printf("login from %s", r.RemoteAddr)
// ok: GDPR-IP-LOG-GO
log.Printf("login by %s", user.ID)
// ruleid: GDPR-HTTP-URL
resp, err := http.Get("http://billing.internal-corp.net/api")
// ok: GDPR-HTTP-URL
resp, err := http.Get("https://billing.internal-corp.net/api")
// ruleid: GDPR-WEAK-CIPHER-GO
block, err := des.NewTripleDESCipher(key)
// ok: GDPR-WEAK-CIPHER-GO
block, err := aes.NewCipher(key)
// ruleid: GDPR-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: GDPR-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: GDPR-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
