// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: ISO27001-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: ISO27001-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: ISO27001-MFA-OFF
    'mfa_enabled' => false,
// ok: ISO27001-MFA-OFF
    'mfa_enabled' => true,
// ruleid: ISO27001-SESSION-NO-EXPIRY
    'session_lifetime' => 0,
// ok: ISO27001-SESSION-NO-EXPIRY
    'session_lifetime' => 120,
// ruleid: ISO27001-HTTP-URL
$api = 'http://billing.internal-corp.net/api';
// ok: ISO27001-HTTP-URL
$api = 'https://billing.internal-corp.net/api';
// ruleid: ISO27001-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: ISO27001-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
// ruleid: ISO27001-DEBUG-ON
define('DEBUG', true);
// ok: ISO27001-DEBUG-ON
define('DEBUG', false);
