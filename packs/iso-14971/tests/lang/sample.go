// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-GO
if err := sync(); err != nil {}
// ok: ISO14971-SWALLOW-GO
if err := sync(); err != nil { return err }
// ruleid: ISO14971-TODO-SECURITY
// XXX skip auth for now
// ok: ISO14971-TODO-SECURITY
// Authenticates the caller (REQ-4).
