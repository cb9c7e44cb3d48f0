// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-PAN-LITERAL
card := "4111111111111111"
// ok: PCI-PAN-LITERAL
card := vault.Lookup(token)
// ruleid: PCI-CVV-STORE
card.CVC = form.Get("cvc")
// ok: PCI-CVV-STORE
card.CVCVerified = true
// ruleid: PCI-LOG-CARD
log.Printf("cvv=%s", cvv)
// ok: PCI-LOG-CARD
log.Printf("last4=%s", last4)
// ruleid: PCI-HTTP-URL
resp, err := http.Get("http://billing.internal-corp.net/api")
// ok: PCI-HTTP-URL
resp, err := http.Get("https://billing.internal-corp.net/api")
// ruleid: PCI-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: PCI-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: PCI-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: PCI-PASSWORD-MIN
minPasswordLength := 6
// ok: PCI-PASSWORD-MIN
minPasswordLength := 12
// ruleid: PCI-MFA-OFF
mfaEnabled := false
// ruleid: PCI-MFA-OFF
cfg := Config{MFARequired: false}
// ok: PCI-MFA-OFF
mfaEnabled := true
// ruleid: PCI-SESSION-NO-EXPIRY
sessionMaxAge := 0
// ok: PCI-SESSION-NO-EXPIRY
sessionMaxAge := 900
// ruleid: PCI-RANDOM-SECRET-GO
nonce := rand.Int63()
// ok: PCI-RANDOM-SECRET-GO
nonce, err := rand.Int(rand.Reader, max)
// ruleid: PCI-SWALLOW-GO
if err := sync(); err != nil {}
// ok: PCI-SWALLOW-GO
if err := sync(); err != nil { return err }
