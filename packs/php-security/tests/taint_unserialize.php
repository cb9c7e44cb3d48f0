<?php
// Unsafe deserialization as data flow: request data reaching unserialize.

// A cart cookie, decoded and unserialized.
$raw = base64_decode($_COOKIE['cart']);
// ruleid: PHP-UNSERIALIZE
// ruleid: PHP-UNSERIALIZE-INPUT
$cart = unserialize($raw);
// ok: PHP-UNSERIALIZE
// ok: PHP-UNSERIALIZE-INPUT
$cart = unserialize($raw, ['allowed_classes' => false]);
// ok: PHP-UNSERIALIZE-INPUT
$cart = json_decode($raw, true);

// A helper that unpacks a form field.
function unpack_state($encoded)
{
    return gzuncompress(base64_decode($encoded));
}
$state = unpack_state($_POST['state']);
// ruleid: PHP-UNSERIALIZE
// ruleid: PHP-UNSERIALIZE-INPUT
$wizard = unserialize($state);
$cached = unpack_state(file_get_contents('/var/cache/wizard.bin'));
// ruleid: PHP-UNSERIALIZE
// ok: PHP-UNSERIALIZE-INPUT
$wizard = unserialize($cached);

// The raw request body.
$body = file_get_contents('php://input');
// ruleid: PHP-UNSERIALIZE
// ruleid: PHP-UNSERIALIZE-INPUT
$message = unserialize($body, ['allowed_classes' => true]);

// A Laravel controller: a value overwritten before use.
class PreferencesController extends Controller
{
    public function update(Request $request)
    {
        $prefs = $request->input('prefs');
        // ruleid: PHP-UNSERIALIZE
        // ruleid: PHP-UNSERIALIZE-INPUT
        $decoded = unserialize($prefs);
        $prefs = serialize(['theme' => 'light']);
        // ruleid: PHP-UNSERIALIZE
        // ok: PHP-UNSERIALIZE-INPUT
        $defaults = unserialize($prefs);
        return [$decoded, $defaults];
    }
}
