<?php
// Request data written to the page.

// ruleid: PHP-XSS-ECHO
echo $_GET['q'];
// ruleid: PHP-XSS-ECHO
echo "<h1>Results for {$_GET['q']}</h1>";
// ruleid: PHP-XSS-ECHO
echo '<a href="', $_SERVER['PHP_SELF'], '">self</a>';
// ruleid: PHP-XSS-ECHO
print "Welcome back, " . $_COOKIE['user'];
// ruleid: PHP-XSS-ECHO
echo isset($_GET['name']) ? $_GET['name'] : 'guest';
// ok: PHP-XSS-ECHO
echo htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8');
// ok: PHP-XSS-ECHO
echo "Page " . (int) $_GET['page'];
// ok: PHP-XSS-ECHO
echo $_GET['tab'] == 'home' ? 'active' : '';
// ok: PHP-XSS-ECHO
echo isset($_POST['agree']) ? 'checked' : '';
// ok: PHP-XSS-ECHO
echo 'Use $_GET["q"] to read the query';
// ok: PHP-XSS-ECHO
// echo $_GET['q'];
// ok: PHP-XSS-ECHO
echo $title; $q = $_GET['q'];
?>
<!-- ruleid: PHP-XSS-ECHO -->
<input name="q" value="<?= $_GET['q'] ?>">
<!-- ruleid: PHP-XSS-ECHO -->
<p><?= $_REQUEST['msg'] ?? '' ?></p>
<!-- ok: PHP-XSS-ECHO -->
<p><?= htmlspecialchars($_REQUEST['msg'] ?? '') ?></p>
<!-- ok: PHP-XSS-ECHO -->
<p><?php $q = $_GET['q']; ?></p>
<!-- ok: PHP-XSS-ECHO -->
<p>Search for $_GET['q'] here</p>
