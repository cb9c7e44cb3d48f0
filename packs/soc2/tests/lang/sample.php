// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: SOC2-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: SOC2-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: SOC2-MFA-OFF
    'mfa_enabled' => false,
// ok: SOC2-MFA-OFF
    'mfa_enabled' => true,
// ruleid: SOC2-SESSION-NO-EXPIRY
    'session_lifetime' => 0,
// ok: SOC2-SESSION-NO-EXPIRY
    'session_lifetime' => 120,
// ruleid: SOC2-CORS-ANY
header("Access-Control-Allow-Origin: *");
// ok: SOC2-CORS-ANY
header("Access-Control-Allow-Origin: https://portal.example.com");
// ruleid: SOC2-HTTP-URL
$api = 'http://billing.internal-corp.net/api';
// ok: SOC2-HTTP-URL
$api = 'https://billing.internal-corp.net/api';
// ruleid: SOC2-DEBUG-ON
define('DEBUG', true);
// ok: SOC2-DEBUG-ON
define('DEBUG', false);
// ruleid: SOC2-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: SOC2-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
