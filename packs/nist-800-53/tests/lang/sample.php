// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SESSION-NO-EXPIRY
    'session_lifetime' => 0,
// ok: NIST53-SESSION-NO-EXPIRY
    'session_lifetime' => 120,
// ruleid: NIST53-CORS-ANY
header("Access-Control-Allow-Origin: *");
// ok: NIST53-CORS-ANY
header("Access-Control-Allow-Origin: https://portal.example.com");
// ruleid: NIST53-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: NIST53-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
// ruleid: NIST53-NAIVE-TIME-PHP
$created = date('Y-m-d H:i:s');
// ok: NIST53-NAIVE-TIME-PHP
$created = gmdate('Y-m-d\TH:i:s\Z');
// ruleid: NIST53-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: NIST53-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: NIST53-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: NIST53-PASSWORD-MIN
    'min_password_length' => 6,
// ok: NIST53-PASSWORD-MIN
    'min_password_length' => 12,
// ruleid: NIST53-MFA-OFF
    'mfa_enabled' => false,
// ok: NIST53-MFA-OFF
    'mfa_enabled' => true,
// ruleid: NIST53-HTTP-URL
$api = 'http://billing.internal-corp.net/api';
// ok: NIST53-HTTP-URL
$api = 'https://billing.internal-corp.net/api';
