<?php
// Server-side request forgery as data flow: request data choosing where the server connects.

class WebhookClient
{
    const ENDPOINT = 'https://hooks.example.com/deliver';

    public function fetch($url)
    {
        $ch = curl_init();
        // A sink inside a helper is reached from its callers: preview()'s
        // $this->fetch($target) is reported here.
        // ruleid: PHP-SSRF
        curl_setopt($ch, CURLOPT_URL, $url);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return curl_exec($ch);
    }

    public function preview()
    {
        $target = $_POST['webhook'];
        $this->fetch($target);
        // ruleid: PHP-SSRF
        $ch = curl_init($target);
        // ok: PHP-SSRF
        $ch = curl_init(self::ENDPOINT . '?target=' . urlencode($target));
        // ok: PHP-SSRF
        $ch = curl_init(self::ENDPOINT . '?id=' . $_POST['id']);
        return $ch;
    }
}

// A URL parameter stored in a variable, then given to cURL.
$feed = $_GET['feed'];
$ch = curl_init();
// ruleid: PHP-SSRF
curl_setopt($ch, CURLOPT_URL, $feed);
// ok: PHP-SSRF
curl_setopt($ch, CURLOPT_URL, "https://feeds.example.com/rss?name=" . $feed);
// ok: PHP-SSRF
curl_setopt($ch, CURLOPT_USERAGENT, $feed);

// The host chosen by the client, versus a fixed host with the input in the path.
$host = $_GET['host'];
// ruleid: PHP-SSRF
$headers = get_headers("https://$host/health");
// ok: PHP-SSRF
$headers = get_headers("https://status.example.com/$host");

// A Laravel controller with the Http client.
class ImportController extends Controller
{
    public function import(Request $request)
    {
        $source = $request->input('source');
        // ruleid: PHP-SSRF
        $response = Http::get($source);
        $source = config('import.source');
        // ok: PHP-SSRF
        $fixed = Http::get($source);
        return $response->body() . $fixed->body();
    }
}

// A Guzzle client: the URL is the second argument of request().
$client = new GuzzleHttp\Client();
// ruleid: PHP-SSRF
$res = $client->request('GET', $_GET['avatar_url']);
// ok: PHP-SSRF
$res = $client->request('GET', 'https://cdn.example.com/avatars/' . rawurlencode($_GET['user']));
