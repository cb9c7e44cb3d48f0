// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-LOG-PII-PHP
error_log("signup " . $email);
// ok: EUAI-LOG-PII-PHP
error_log("signup " . $userId);
// ruleid: EUAI-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: EUAI-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
