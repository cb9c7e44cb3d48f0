// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: AIRMF-LOG-PII-CS
_logger.LogInformation("Signup {Email}", user.Email);
// ok: AIRMF-LOG-PII-CS
_logger.LogInformation("Signup {UserId}", user.Id);
