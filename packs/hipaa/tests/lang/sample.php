// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-LOG-PHI-PHP
error_log("patient " . $patientName . " mrn " . $mrn);
// ok: HIPAA-LOG-PHI-PHP
error_log("patient record " . $recordId . " updated");
// ruleid: HIPAA-HTTP-URL
$api = 'http://billing.internal-corp.net/api';
// ok: HIPAA-HTTP-URL
$api = 'https://billing.internal-corp.net/api';
// ruleid: HIPAA-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: HIPAA-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: HIPAA-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: HIPAA-MFA-OFF
    'mfa_enabled' => false,
// ok: HIPAA-MFA-OFF
    'mfa_enabled' => true,
// ruleid: HIPAA-SESSION-NO-EXPIRY
    'session_lifetime' => 0,
// ok: HIPAA-SESSION-NO-EXPIRY
    'session_lifetime' => 120,
