// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-CVV-STORE
$card->cvv = $_POST['cvv'];
// ok: PCI-CVV-STORE
$card->cvvChecked = true;
// ruleid: PCI-LOG-CARD
error_log("card " . $cardNumber);
// ok: PCI-LOG-CARD
error_log("card ending " . $last4);
// ruleid: PCI-HTTP-URL
$api = 'http://billing.internal-corp.net/api';
// ok: PCI-HTTP-URL
$api = 'https://billing.internal-corp.net/api';
// ruleid: PCI-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: PCI-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: PCI-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: PCI-PASSWORD-MIN
    'min_password_length' => 6,
// ok: PCI-PASSWORD-MIN
    'min_password_length' => 12,
// ruleid: PCI-MFA-OFF
    'mfa_enabled' => false,
// ok: PCI-MFA-OFF
    'mfa_enabled' => true,
// ruleid: PCI-SESSION-NO-EXPIRY
    'session_lifetime' => 0,
// ok: PCI-SESSION-NO-EXPIRY
    'session_lifetime' => 120,
// ruleid: PCI-RANDOM-SECRET-PHP
$resetCode = mt_rand(100000, 999999);
// ok: PCI-RANDOM-SECRET-PHP
$resetCode = random_int(100000, 999999);
// ruleid: PCI-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: PCI-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
