<?php
// Header injection as data flow: request data copied into response headers.

// A download name from the query string in Content-Disposition.
$name = $_GET['name'];
// ruleid: PHP-HEADER-INJECTION
header('Content-Disposition: attachment; filename="' . $name . '"');
// ok: PHP-HEADER-INJECTION
header('Content-Disposition: attachment; filename="' . rawurlencode($name) . '"');

// An Origin header reflected into CORS, through a helper.
function allow_origin($origin)
{
    return 'Access-Control-Allow-Origin: ' . $origin;
}
$origin = $_SERVER['HTTP_ORIGIN'];
// ruleid: PHP-HEADER-INJECTION
header(allow_origin($origin));
// ok: PHP-HEADER-INJECTION
header(allow_origin('https://app.example.com'));

// Line breaks removed; a Symfony response.
$lang = $_COOKIE['lang'];
$oneLine = str_replace(["\r", "\n"], '', $lang);
// ok: PHP-HEADER-INJECTION
header('Content-Language: ' . $oneLine);
class DownloadController
{
    public function show(Request $request, Response $response)
    {
        $type = $request->query->get('type');
        // ruleid: PHP-HEADER-INJECTION
        $response->headers->set('Content-Type', $type);
        // ok: PHP-HEADER-INJECTION
        $response->headers->set('Content-Type', 'text/csv');
        return $response;
    }
}
