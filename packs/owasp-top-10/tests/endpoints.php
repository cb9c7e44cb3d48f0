<?php
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
// $api = "http://api.payments-provider.com/v1";
// ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
$api = "http://api.payments-provider.com/v1";
// ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
$feed = file_get_contents('http://feeds.partner-news.net/rss');
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
$secure = "https://api.payments-provider.com/v1";
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
$opts = ['xmlns' => 'http://billing.vendor-corp.com/invoice'];
function quiet() {
    // ruleid: OWASP-A09-EMPTY-CATCH
    try { run(); } catch (Exception $e) {}
    // ok: OWASP-A09-EMPTY-CATCH
    try { run(); } catch (Exception $e) { error_log($e->getMessage()); }
    // ok: OWASP-A09-EMPTY-CATCH
    $s = "catch (Exception $e) {}";
}
function check($user, $password, $response) {
    // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if ($password === 'adminpass') { return true; }
    // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if ($user->pwd == "adminpass") { return true; }
    // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if (password_verify($password, $user->hash)) { return true; }
    // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    $hint = '$password === "adminpass"';
    // ruleid: OWASP-A05-CORS-WILDCARD-HEADER
    $response->headers->set('Access-Control-Allow-Origin', '*');
    // ok: OWASP-A05-CORS-WILDCARD-HEADER
    $response->headers->set('Access-Control-Allow-Origin', $origin);
    // ok: OWASP-A05-CORS-WILDCARD-HEADER
    // $response->headers->set('Access-Control-Allow-Origin', '*');
    return false;
}
