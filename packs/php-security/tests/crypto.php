<?php
// Weak password hashes, weak randomness for secrets, weak ciphers.

// ruleid: PHP-WEAK-HASH-PASSWORD
$stored = sha1($pass);
// ruleid: PHP-WEAK-HASH-PASSWORD
$hash = md5($salt . $userPassword);
// ruleid: PHP-WEAK-HASH-PASSWORD
$hash = md5($_POST['password']);
// ruleid: PHP-WEAK-HASH-PASSWORD
$hash = hash('sha1', $user->pwd);
// ok: PHP-WEAK-HASH-PASSWORD
$hash = hash('sha256', $password);
// ok: PHP-WEAK-HASH-PASSWORD
$etag = md5($content);
// ok: PHP-WEAK-HASH-PASSWORD
$key = md5('password-reset-' . $userId);
// ok: PHP-WEAK-HASH-PASSWORD
$sum = md5_file($passwordFile);
// ok: PHP-WEAK-HASH-PASSWORD
$h = $hasher->md5($password);
// ok: PHP-WEAK-HASH-PASSWORD
// $hash = md5($password);
// ok: PHP-WEAK-HASH-PASSWORD
$ok = password_verify($password, $hash);

// ruleid: PHP-WEAK-RANDOM
$token = md5(uniqid(mt_rand(), true));
// ruleid: PHP-WEAK-RANDOM
$_SESSION['csrf_token'] = sha1(rand());
// ruleid: PHP-WEAK-RANDOM
$this->resetToken = str_shuffle('abcdefghijklmnopqrstuvwxyz0123456789');
// ruleid: PHP-WEAK-RANDOM
$otp = mt_rand(100000, 999999);
function generateApiKey() {
    // ruleid: PHP-WEAK-RANDOM
    return bin2hex(uniqid('', true));
}
// ok: PHP-WEAK-RANDOM
$token = bin2hex(random_bytes(32));
// ok: PHP-WEAK-RANDOM
$otp = random_int(100000, 999999);
// ok: PHP-WEAK-RANDOM
$tokenExpiry = microtime(true) + 3600;
// ok: PHP-WEAK-RANDOM
$color = $palette[array_rand($palette)];
// ok: PHP-WEAK-RANDOM
$tokenHelp = 'do not use mt_rand() for a token';
// ok: PHP-WEAK-RANDOM
// $token = md5(uniqid(rand(), true));
function pickWinner(array $users) {
    // ok: PHP-WEAK-RANDOM
    return $users[mt_rand(0, count($users) - 1)];
}

// ruleid: PHP-WEAK-CIPHER
$enc = openssl_encrypt($data, 'des-ede3-cbc', $key, 0, $iv);
// ruleid: PHP-WEAK-CIPHER
$enc = openssl_encrypt($data, 'AES-128-ECB', $key);
// ruleid: PHP-WEAK-CIPHER
$plain = \openssl_decrypt($blob, "rc4", $key);
// ruleid: PHP-WEAK-CIPHER
$enc = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_ECB);
// ruleid: PHP-WEAK-CIPHER
$td = mcrypt_module_open(MCRYPT_3DES, '', 'cbc', '');
// ruleid: PHP-WEAK-CIPHER
$cipher = new \phpseclib3\Crypt\TripleDES('cbc');
// ruleid: PHP-WEAK-CIPHER
$aes = new AES('ecb');
// ok: PHP-WEAK-CIPHER
$enc = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
// ok: PHP-WEAK-CIPHER
$enc = openssl_encrypt('des', 'aes-256-cbc', $key, 0, $iv);
// ok: PHP-WEAK-CIPHER
$enc = openssl_encrypt($data, $this->cipher, $key, 0, $iv);
// ok: PHP-WEAK-CIPHER
$aes = new AES('gcm');
// ok: PHP-WEAK-CIPHER
$legacy = $crypto->openssl_encrypt($data, 'des-cbc', $key);
// ok: PHP-WEAK-CIPHER
// openssl_encrypt($data, 'des-ede3-cbc', $key);
// ok: PHP-WEAK-CIPHER
$note = "openssl_encrypt with des-ede3 is weak";
