// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-LOG-PII-CS
_logger.LogInformation("Signup {Email}", user.Email);
// ok: EUAI-LOG-PII-CS
_logger.LogInformation("Signup {UserId}", user.Id);
// ruleid: EUAI-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: EUAI-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: EUAI-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
