<?php
// SQL injection as data flow: request data reaching mysqli, PDO, pg and Laravel raw SQL.

require __DIR__ . '/bootstrap.php';

function find_user_sql($name)
{
    return "SELECT id, email FROM users WHERE name = '" . $name . "'";
}

// A form field through a helper function, into mysqli_query.
$name = trim($_POST['name']);
// ruleid: PHP-SQL-CONCAT
$result = mysqli_query($conn, find_user_sql($name));
// ok: PHP-SQL-CONCAT
$result = mysqli_query($conn, find_user_sql(mysqli_real_escape_string($conn, $name)));

// A query value built up with .= and run through PDO.
$sql = "SELECT * FROM orders WHERE 1 = 1";
if (isset($_GET['status'])) {
    $sql .= " AND status = '" . $_GET['status'] . "'";
}
// ruleid: PHP-SQL-CONCAT
$rows = $pdo->query($sql);
$stmt = $pdo->prepare("SELECT * FROM orders WHERE status = ?");
// ok: PHP-SQL-CONCAT
$stmt->execute([$_GET['status']]);

// A number cast, a PDO-quoted value and a constant are clean.
$page = (int) $_GET['page'];
// ok: PHP-SQL-CONCAT
$rows = $pdo->query("SELECT * FROM orders LIMIT 20 OFFSET " . ($page * 20));
// ok: PHP-SQL-CONCAT
$rows = $pdo->query("SELECT * FROM orders WHERE ref = " . $pdo->quote($_GET['ref']));
$sort = $_GET['sort'];
$sort = 'created_at';
// ok: PHP-SQL-CONCAT
$rows = $pdo->query("SELECT * FROM orders ORDER BY $sort");

// A map slot: the column list comes from a constant slot, the filter from the request.
$parts = [];
$parts['columns'] = 'id, total';
$parts['filter'] = $_COOKIE['region'];
// ok: PHP-SQL-CONCAT
$rows = pg_query($pg, "SELECT " . $parts['columns'] . " FROM orders");
// ruleid: PHP-SQL-CONCAT
$rows = pg_query($pg, "SELECT id FROM orders WHERE region = '" . $parts['filter'] . "'");

// A dead branch keeps only the constant.
$table = $_GET['table'];
if (2 + 2 > 5) {
    $table = $_GET['other'];
} else {
    $table = 'orders';
}
// ok: PHP-SQL-CONCAT
$count = mysqli_query($conn, "SELECT COUNT(*) FROM $table");

// The raw request body as JSON.
$payload = json_decode(file_get_contents('php://input'), true);
// ruleid: PHP-SQL-CONCAT
$mysqli->multi_query("DELETE FROM carts WHERE token = '{$payload['token']}'");

// A DOMXPath query is not SQL.
$doc = new DOMDocument();
$xpath = new DOMXPath($doc);
// ok: PHP-SQL-CONCAT
$nodes = $xpath->query("//item[@id='" . intval($_GET['id']) . "']");
