<?php
// XPath injection as data flow: request data reaching XPath expressions.

$doc = new DOMDocument();
$doc->load(__DIR__ . '/users.xml');
$xpath = new DOMXPath($doc);

// A login check against an XML user store.
$user = $_POST['user'];
$pass = $_POST['pass'];
$expr = "//user[name/text()='$user' and password/text()='$pass']";
// ruleid: PHP-XPATH-INJECTION
$found = $xpath->query($expr);
// ok: PHP-XPATH-INJECTION
$admins = $xpath->query("//user[role='admin']");

// A numeric position is clean.
$page = (int) $_GET['page'];
// ok: PHP-XPATH-INJECTION
$item = $xpath->evaluate("string(//item[$page]/title)");
// ruleid: PHP-XPATH-INJECTION
$item = $xpath->evaluate("string(//item[" . $_GET['page'] . "]/title)");

// SimpleXML through a helper.
function by_category($c)
{
    return "/catalog/book[@category='" . $c . "']";
}
$catalog = simplexml_load_file(__DIR__ . '/catalog.xml');
// ruleid: PHP-XPATH-INJECTION
$books = $catalog->xpath(by_category($_GET['category']));
// ok: PHP-XPATH-INJECTION
$books = $catalog->xpath(by_category('fiction'));

// A PDO query is not XPath.
// ok: PHP-XPATH-INJECTION
$rows = $pdo->query("SELECT * FROM books WHERE id = " . intval($_GET['id']));
