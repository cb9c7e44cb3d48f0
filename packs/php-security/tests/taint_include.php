<?php
// File inclusion as data flow: request data choosing the file PHP runs.

$pages = ['home' => 'pages/home.php', 'about' => 'pages/about.php'];

// The page name from the query string, through a variable.
$page = $_GET['page'] ?? 'home';
$template = 'pages/' . $page . '.php';
// ruleid: PHP-INCLUDE-INPUT
include $template;
// ok: PHP-INCLUDE-INPUT
include 'pages/' . basename($page) . '.php';

// An allow-list array looked up by the input includes a value of the array.
// ok: PHP-INCLUDE-INPUT
include $pages[$_GET['page']];

// A language cookie through a helper function.
function lang_file($code)
{
    return __DIR__ . "/lang/{$code}.php";
}
$lang = $_COOKIE['lang'];
// ruleid: PHP-INCLUDE-INPUT
require_once lang_file($lang);
// ok: PHP-INCLUDE-INPUT
require_once lang_file('en');

// A dead branch: the module always ends up fixed.
$module = $_REQUEST['module'];
$debug = 0;
if ($debug > 1) {
    $module = $_REQUEST['module'];
} else {
    $module = 'dashboard';
}
// ok: PHP-INCLUDE-INPUT
include_once "modules/$module/index.php";
// ruleid: PHP-INCLUDE-INPUT
include_once "modules/{$_REQUEST['module']}/index.php";
