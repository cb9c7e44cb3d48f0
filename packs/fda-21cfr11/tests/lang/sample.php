// Fixture (php): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-CLIENT-TIME-PHP
$signedAt = $_POST['signed_at'];
// ok: CFR11-CLIENT-TIME-PHP
$signedAt = gmdate('c');
// ruleid: CFR11-NAIVE-TIME-PHP
$created = date('Y-m-d H:i:s');
// ok: CFR11-NAIVE-TIME-PHP
$created = gmdate('Y-m-d\TH:i:s\Z');
// ruleid: CFR11-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: CFR11-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: CFR11-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: CFR11-PASSWORD-MIN
    'min_password_length' => 6,
// ok: CFR11-PASSWORD-MIN
    'min_password_length' => 12,
// ruleid: CFR11-SESSION-NO-EXPIRY
    'session_lifetime' => 0,
// ok: CFR11-SESSION-NO-EXPIRY
    'session_lifetime' => 120,
// ruleid: CFR11-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: CFR11-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
