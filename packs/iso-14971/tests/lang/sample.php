// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: ISO14971-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
// ruleid: ISO14971-ASSERT-CHECK-PHP
assert($user->isAdmin());
// ok: ISO14971-ASSERT-CHECK-PHP
if (!$user->isAdmin()) { throw new AccessDenied(); }
// ruleid: ISO14971-NAIVE-TIME-PHP
$created = date('Y-m-d H:i:s');
// ok: ISO14971-NAIVE-TIME-PHP
$created = gmdate('Y-m-d\TH:i:s\Z');
