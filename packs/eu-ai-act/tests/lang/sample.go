// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-LOG-PII-GO
log.Printf("signup %s", user.Email)
// ok: EUAI-LOG-PII-GO
log.Printf("signup %d", user.ID)
// ruleid: EUAI-SWALLOW-GO
if err := sync(); err != nil {}
// ok: EUAI-SWALLOW-GO
if err := sync(); err != nil { return err }
