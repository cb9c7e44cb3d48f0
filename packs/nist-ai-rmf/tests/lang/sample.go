// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: AIRMF-LOG-PII-GO
log.Printf("signup %s", user.Email)
// ok: AIRMF-LOG-PII-GO
log.Printf("signup %d", user.ID)
