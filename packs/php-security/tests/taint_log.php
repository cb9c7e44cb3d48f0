<?php
// Log injection as data flow: request data written to logs with its line breaks.

// A failed login, logged with the submitted user name.
$user = $_POST['user'];
// ruleid: PHP-LOG-INJECTION
error_log('Failed login for ' . $user);
$clean = str_replace(["\r", "\n"], ' ', $user);
// ok: PHP-LOG-INJECTION
error_log('Failed login for ' . $clean);
// ok: PHP-LOG-INJECTION
error_log('Failed login for ' . json_encode($user));

// syslog with a header value.
$agent = $_SERVER['HTTP_USER_AGENT'];
// ruleid: PHP-LOG-INJECTION
syslog(LOG_WARNING, "Blocked agent: $agent");
$agent = 'unknown';
// ok: PHP-LOG-INJECTION
syslog(LOG_WARNING, "Blocked agent: $agent");

// A PSR-3 logger in a Laravel controller, and the Log facade.
class CheckoutController extends Controller
{
    private $logger;

    public function pay(Request $request)
    {
        $coupon = $request->input('coupon');
        // ruleid: PHP-LOG-INJECTION
        $this->logger->warning("Invalid coupon: " . $coupon);
        // ruleid: PHP-LOG-INJECTION
        Log::info('Coupon used', ['coupon' => $coupon]);
        $amount = (float) $request->input('amount');
        // ok: PHP-LOG-INJECTION
        Log::info('Payment of ' . $amount);
        return response()->noContent();
    }
}

// A catalog is not a logger.
$item = $_GET['item'];
// ok: PHP-LOG-INJECTION
$catalog->error($item);
