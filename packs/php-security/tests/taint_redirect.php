<?php
// Open redirect as data flow: request data choosing where the browser goes next.

// A return URL from the query string.
$next = $_GET['next'] ?? '/';
// ruleid: PHP-OPEN-REDIRECT
header('Location: ' . $next);
// ok: PHP-OPEN-REDIRECT
header('Location: /account?tab=' . urlencode($next));

// Through a helper function.
function with_lang($url)
{
    return $url . (strpos($url, '?') === false ? '?' : '&') . 'lang=en';
}
$back = $_SERVER['HTTP_REFERER'];
// ruleid: PHP-OPEN-REDIRECT
header('Location: ' . with_lang($back));
// ok: PHP-OPEN-REDIRECT
header('Location: ' . with_lang('/dashboard'));
// When "Location:" itself is built in a helper, header() is not seen as a redirect, and
// PHP-HEADER-INJECTION reports it instead:
//   function back_to($url) { return "Location: $url"; }   header(back_to($back));

// A fixed local path with the input in its query string stays on the site.
$tab = $_GET['tab'];
// ok: PHP-OPEN-REDIRECT
header("Location: /settings?tab=$tab");
// ruleid: PHP-OPEN-REDIRECT
header("Location: $tab");

// Laravel and Symfony controllers.
class LoginController extends Controller
{
    public function login(Request $request)
    {
        $intended = $request->input('redirect_to');
        // ruleid: PHP-OPEN-REDIRECT
        return redirect()->to($intended);
    }

    public function logout(Request $request)
    {
        $intended = $request->input('redirect_to');
        $intended = route('home');
        // ok: PHP-OPEN-REDIRECT
        return redirect($intended);
    }

    public function legacy(Request $request)
    {
        $url = $request->query->get('url');
        // ruleid: PHP-OPEN-REDIRECT
        return new RedirectResponse($url);
    }
}
