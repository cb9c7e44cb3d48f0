<?php
// Cookies set without Secure and HttpOnly.

// ruleid: PHP-INSECURE-COOKIE
setcookie('remember', $token);
// ruleid: PHP-INSECURE-COOKIE
setcookie('session', $sid, time() + 3600, '/');
// ruleid: PHP-INSECURE-COOKIE
setcookie('session', $sid, time() + 3600, '/', 'example.com', true);
// ruleid: PHP-INSECURE-COOKIE
setcookie('session', $sid, 0, '/', '', false, true);
// ruleid: PHP-INSECURE-COOKIE
setrawcookie('prefs', $raw, 0, '/', '', true, false);
// ruleid: PHP-INSECURE-COOKIE
setcookie('session', $sid, ['expires' => 0, 'path' => '/', 'secure' => true]);
// ruleid: PHP-INSECURE-COOKIE
\setcookie('lang', $lang, time() + 86400);
// ruleid: PHP-INSECURE-COOKIE
setcookie('session', $sid, httponly: true);
// ok: PHP-INSECURE-COOKIE
setcookie('session', $sid, time() + 3600, '/', 'example.com', true, true);
// ok: PHP-INSECURE-COOKIE
setcookie('session', $sid, ['expires' => 0, 'path' => '/', 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']);
// ok: PHP-INSECURE-COOKIE
setcookie('session', $sid, $cookieOptions);
// ok: PHP-INSECURE-COOKIE
setcookie('session', $sid, ['expires' => 0, 'httponly' => true, 'secure' => $request->isSecure()]);
// ruleid: PHP-INSECURE-COOKIE
setcookie('session', $sid, ['expires' => 0, 'httponly' => false, 'secure' => $request->isSecure()]);
// ruleid: PHP-INSECURE-COOKIE
setcookie('session', $sid, secure: true, httponly: false);
// ok: PHP-INSECURE-COOKIE
setcookie('session', '', time() - 3600, '/');
// ok: PHP-INSECURE-COOKIE
setcookie('session', $sid, secure: true, httponly: true);
// ok: PHP-INSECURE-COOKIE
$response->setcookie('session', $sid);
// ok: PHP-INSECURE-COOKIE
// setcookie('remember', $token);
// ok: PHP-INSECURE-COOKIE
$help = "call setcookie('a', 'b') with options";
