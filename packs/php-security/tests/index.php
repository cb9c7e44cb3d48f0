<?php
// ruleid: PHP-EVAL
// ruleid: PHP-CODE-INJECTION
eval($_POST["code"]);
// ok: PHP-EVAL
evaluate($expression);
// ruleid: PHP-ASSERT-STRING
// ruleid: PHP-CODE-INJECTION
assert($_GET["check"]);
// ok: PHP-ASSERT-STRING
assert(count($items) > 0);
// ruleid: PHP-PREG-E
preg_replace("/(.*)/e", "strtoupper('\1')", $input);
// ok: PHP-PREG-E
preg_replace_callback("/(.*)/", fn($m) => strtoupper($m[1]), $input);
// ruleid: PHP-CREATE-FUNCTION
$f = create_function('$a', $body);
// ok: PHP-CREATE-FUNCTION
$f = function ($a) { return $a; };
// ruleid: PHP-INCLUDE-INPUT
include($_GET["page"] . ".php");
// ok: PHP-INCLUDE-INPUT
include(__DIR__ . "/pages/home.php");
// ruleid: PHP-SQL-CONCAT
$r = $db->query("SELECT * FROM users WHERE id = " . $_GET["id"]);
// ok: PHP-SQL-CONCAT
$st = $db->prepare("SELECT * FROM users WHERE id = ?");
// ruleid: PHP-UNSERIALIZE
// ruleid: PHP-UNSERIALIZE-INPUT
$obj = unserialize($_COOKIE["cart"]);
// ok: PHP-UNSERIALIZE
$obj = unserialize($data, ["allowed_classes" => false]);
// ruleid: PHP-SHELL-EXEC
system("ping -c 1 " . $_GET["host"]);
// ok: PHP-SHELL-EXEC
system("ping -c 1 " . escapeshellarg($host));
// ruleid: PHP-XSS-ECHO
echo "Hello " . $_GET["name"];
// ok: PHP-XSS-ECHO
echo "Hello " . htmlspecialchars($name, ENT_QUOTES);
// ruleid: PHP-WEAK-HASH-PASSWORD
$hash = md5($password);
// ok: PHP-WEAK-HASH-PASSWORD
$hash = password_hash($password, PASSWORD_DEFAULT);
// ruleid: PHP-FILE-INPUT
$data = file_get_contents($_GET["file"]);
// ok: PHP-FILE-INPUT
$data = file_get_contents(__DIR__ . "/data/list.json");
// ruleid: PHP-EXTRACT-INPUT
extract($_POST);
// ok: PHP-EXTRACT-INPUT
extract($defaults);
// ruleid: PHP-LARAVEL-RAW-SQL
$users = DB::select("SELECT * FROM users WHERE email = '$email'");
// ok: PHP-LARAVEL-RAW-SQL
$users = DB::select("SELECT * FROM users WHERE email = ?", [$email]);
class Post extends Model {
// ruleid: PHP-LARAVEL-MASS-ASSIGNMENT
protected $guarded = [];
// ok: PHP-LARAVEL-MASS-ASSIGNMENT
protected $fillable = ["name", "email"];
}
// ruleid: PHP-SSRF
curl_setopt($ch, CURLOPT_URL, $_GET["url"]);
// ok: PHP-SSRF
curl_setopt($ch, CURLOPT_URL, $config["upstream"]);
