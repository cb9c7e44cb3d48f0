<?php
// Cross-site scripting as data flow: request data written into the page.

function greeting($name)
{
    return "<p>Hello, $name!</p>";
}

$name = $_GET['name'] ?? 'guest';
// ruleid: PHP-XSS-ECHO
echo greeting($name);
// ok: PHP-XSS-ECHO
echo greeting(htmlspecialchars($name, ENT_QUOTES, 'UTF-8'));

// Built up in a variable, printed with printf.
$html = '<ul>';
foreach ($_POST['tags'] as $tag) {
    $html .= '<li>' . $tag . '</li>';
}
$html .= '</ul>';
// ruleid: PHP-XSS-ECHO
printf('<div class="tags">%s</div>', $html);
$safeHtml = '<ul>';
foreach ($_POST['tags'] as $tag) {
    $safeHtml .= '<li>' . htmlspecialchars($tag) . '</li>';
}
// ok: PHP-XSS-ECHO
printf('<div class="tags">%s</div>', $safeHtml);

// An error message with the input, through die().
$id = $_GET['id'];
if (!ctype_digit($id)) {
    // ruleid: PHP-XSS-ECHO
    die('Unknown order: ' . $id);
}
// ok: PHP-XSS-ECHO
die('Unknown order: ' . intval($id));

// The search term overwritten by a constant; a user agent header echoed.
$term = $_REQUEST['q'];
$term = 'everything';
// ok: PHP-XSS-ECHO
echo "<h1>Results for $term</h1>";
$agent = $_SERVER['HTTP_USER_AGENT'];
// ruleid: PHP-XSS-ECHO
print "<small>$agent</small>";
// ok: PHP-XSS-ECHO
print "<small>" . strip_tags($agent) . "</small>";
?>
<!-- ruleid: PHP-XSS-ECHO -->
<input type="text" name="name" value="<?= $name ?>">
<!-- ok: PHP-XSS-ECHO -->
<input type="text" name="name" value="<?= htmlspecialchars($name) ?>">
