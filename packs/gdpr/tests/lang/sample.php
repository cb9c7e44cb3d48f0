// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-LOG-PII-PHP
error_log("signup " . $email);
// ok: GDPR-LOG-PII-PHP
error_log("signup " . $userId);
// ruleid: GDPR-IP-LOG-PHP
error_log("login from " . $_SERVER['REMOTE_ADDR']);
// ok: GDPR-IP-LOG-PHP
error_log("login by " . $userId);
// ruleid: GDPR-HTTP-URL
$api = 'http://billing.internal-corp.net/api';
// ok: GDPR-HTTP-URL
$api = 'https://billing.internal-corp.net/api';
// ruleid: GDPR-WEAK-CIPHER-PHP
$out = openssl_encrypt($data, 'des-ede3-cbc', $key, 0, $iv);
// ok: GDPR-WEAK-CIPHER-PHP
$out = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
// ruleid: GDPR-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: GDPR-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: GDPR-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
