// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: AIRMF-LOG-PII-PHP
error_log("signup " . $email);
// ok: AIRMF-LOG-PII-PHP
error_log("signup " . $userId);
