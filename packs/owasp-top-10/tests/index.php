<?php
// ruleid: OWASP-A02-PHP-SSL-VERIFY-OFF
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
// ok: OWASP-A02-PHP-SSL-VERIFY-OFF
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
// ruleid: OWASP-A02-PHP-WEAK-CIPHER
$c = openssl_encrypt($data, "aes-128-ecb", $key);
// ok: OWASP-A02-PHP-WEAK-CIPHER
$c = openssl_encrypt($data, "aes-256-gcm", $key, 0, $iv, $tag);
// ruleid: OWASP-A04-PHP-UPLOAD-CLIENT-NAME
move_uploaded_file($_FILES["f"]["tmp_name"], "up/" . $_FILES["f"]["name"]);
// ok: OWASP-A04-PHP-UPLOAD-CLIENT-NAME
move_uploaded_file($_FILES["f"]["tmp_name"], "up/" . bin2hex(random_bytes(16)));
// ruleid: OWASP-A05-PHP-DISPLAY-ERRORS
ini_set("display_errors", "1");
// ok: OWASP-A05-PHP-DISPLAY-ERRORS
ini_set("log_errors", "1");
// ruleid: OWASP-A05-PHP-XXE
$doc->loadXML($xml, LIBXML_NOENT);
// ok: OWASP-A05-PHP-XXE
$doc->loadXML($xml, LIBXML_NONET);
// ruleid: OWASP-A07-PHP-SESSION-FIXATION
session_id($_GET["sid"]);
// ok: OWASP-A07-PHP-SESSION-FIXATION
session_regenerate_id(true);
function more($ch, $doc, $xml, $data, $key, $flags) {
    // ruleid: OWASP-A02-PHP-SSL-VERIFY-OFF
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
    curl_setopt_array($ch, [
        // ruleid: OWASP-A02-PHP-SSL-VERIFY-OFF
        CURLOPT_SSL_VERIFYPEER => FALSE,
        // ok: OWASP-A02-PHP-SSL-VERIFY-OFF
        CURLOPT_SSL_VERIFYHOST => 2,
    ]);
    // ruleid: OWASP-A02-PHP-SSL-VERIFY-OFF
    $ctx = stream_context_create(['ssl' => ['verify_peer' => false]]);
    // ok: OWASP-A02-PHP-SSL-VERIFY-OFF
    $ctx = stream_context_create(['ssl' => ['verify_peer' => true]]);
    // ok: OWASP-A02-PHP-SSL-VERIFY-OFF
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, $verify);
    // ok: OWASP-A02-PHP-SSL-VERIFY-OFF
    $msg = "curl_setopt(\$ch, CURLOPT_SSL_VERIFYPEER, false)";
    // ok: OWASP-A02-PHP-SSL-VERIFY-OFF
    // curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);

    // ruleid: OWASP-A02-PHP-WEAK-CIPHER
    $p = openssl_decrypt($c, 'DES-EDE3-CBC', $key);
    // ruleid: OWASP-A02-PHP-WEAK-CIPHER
    $c = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_CBC);
    // ok: OWASP-A02-PHP-WEAK-CIPHER
    $c = openssl_encrypt($data, 'aes-256-cbc', $key, 0, $iv);
    // ok: OWASP-A02-PHP-WEAK-CIPHER
    $c = openssl_encrypt($data, $cipher, $key);
    // ok: OWASP-A02-PHP-WEAK-CIPHER
    $msg = "openssl_encrypt(\$data, 'des-cbc', \$key) and mcrypt_encrypt()";
    // ok: OWASP-A02-PHP-WEAK-CIPHER
    // $c = openssl_encrypt($data, "aes-128-ecb", $key);

    // ruleid: OWASP-A04-PHP-UPLOAD-CLIENT-NAME
    move_uploaded_file($_FILES['doc']['tmp_name'], UPLOAD_DIR . '/' . basename($_FILES['doc']['name']));
    // ok: OWASP-A04-PHP-UPLOAD-CLIENT-NAME
    move_uploaded_file($_FILES['doc']['tmp_name'], $target);
    // ok: OWASP-A04-PHP-UPLOAD-CLIENT-NAME
    $msg = "move_uploaded_file(\$tmp, 'up/' . \$_FILES['f']['name'])";
    // ok: OWASP-A04-PHP-UPLOAD-CLIENT-NAME
    // move_uploaded_file($_FILES["f"]["tmp_name"], "up/" . $_FILES["f"]["name"]);

    // ruleid: OWASP-A05-PHP-DISPLAY-ERRORS
    ini_set('display_errors', 'On');
    // ruleid: OWASP-A05-PHP-DISPLAY-ERRORS
    ini_set('display_errors', 1);
    // ok: OWASP-A05-PHP-DISPLAY-ERRORS
    ini_set('display_errors', '0');
    // ok: OWASP-A05-PHP-DISPLAY-ERRORS
    ini_set('display_errors', $debug ? '1' : '0');
    // ok: OWASP-A05-PHP-DISPLAY-ERRORS
    $msg = "ini_set('display_errors', '1')";
    // ok: OWASP-A05-PHP-DISPLAY-ERRORS
    // ini_set("display_errors", "1");

    // ruleid: OWASP-A05-PHP-XXE
    $doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT | LIBXML_DTDLOAD);
    // ruleid: OWASP-A05-PHP-XXE
    libxml_disable_entity_loader(false);
    // ok: OWASP-A05-PHP-XXE
    libxml_disable_entity_loader(true);
    // ok: OWASP-A05-PHP-XXE
    if ($flags & LIBXML_NOENT) { throw new Exception('entities'); }
    // ok: OWASP-A05-PHP-XXE
    $msg = 'never pass LIBXML_NOENT';
    // ok: OWASP-A05-PHP-XXE
    // $doc->loadXML($xml, LIBXML_NOENT);

    // ruleid: OWASP-A07-PHP-SESSION-FIXATION
    session_id($_COOKIE['PHPSESSID']);
    // ok: OWASP-A07-PHP-SESSION-FIXATION
    $current = session_id();
    // ok: OWASP-A07-PHP-SESSION-FIXATION
    session_id(bin2hex(random_bytes(32)));
    // ok: OWASP-A07-PHP-SESSION-FIXATION
    $msg = "session_id(\$_GET['sid'])";
    // ok: OWASP-A07-PHP-SESSION-FIXATION
    // session_id($_GET["sid"]);
}
