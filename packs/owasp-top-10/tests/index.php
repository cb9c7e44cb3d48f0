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
