<?php
// Request data reaching includes, SQL, the shell, file paths, extract() and cURL.

// ruleid: PHP-INCLUDE-INPUT
include $_GET['page'];
// ruleid: PHP-INCLUDE-INPUT
require_once "modules/" . $_REQUEST['module'] . "/index.php";
// ruleid: PHP-INCLUDE-INPUT
include_once("lang/{$_COOKIE['lang']}.php");
// ruleid: PHP-INCLUDE-INPUT
require __DIR__ . '/themes/' . trim($_POST['theme']) . '.php';
// ok: PHP-INCLUDE-INPUT
include $_SERVER['DOCUMENT_ROOT'] . '/header.php';
// ok: PHP-INCLUDE-INPUT
include 'pages/' . basename($_GET['page']) . '.php';
// ok: PHP-INCLUDE-INPUT
include 'pages/' . $page . '.php'; $seen = $_GET['page'];
// ok: PHP-INCLUDE-INPUT
include 'views/$_GET.php';
// ok: PHP-INCLUDE-INPUT
// include $_GET['page'];
// ok: PHP-INCLUDE-INPUT
$this->include($_GET['partial']);

// ruleid: PHP-SQL-CONCAT
$res = mysqli_query($conn, "SELECT * FROM users WHERE name = '" . $_POST['name'] . "'");
$id = $_GET['id'];
// ruleid: PHP-SQL-CONCAT
$res = mysql_query("DELETE FROM posts WHERE id = $id");
$customer = $_COOKIE['customer'];
// ruleid: PHP-SQL-CONCAT
$rows = $pdo->query("SELECT * FROM orders WHERE customer = '{$customer}'");
$email = $_POST['email'];
// ruleid: PHP-SQL-CONCAT
$db->exec("UPDATE users SET email = '" . $email . "' WHERE id = 1");
// ruleid: PHP-SQL-CONCAT
$r = pg_query($pg, "SELECT * FROM items ORDER BY " . $_GET['sort']);
// ok: PHP-SQL-CONCAT
$res = mysqli_query($conn, "SELECT * FROM users WHERE id = " . (int) $_GET['id']);
// ok: PHP-SQL-CONCAT
$res = mysqli_query($conn, "SELECT * FROM users WHERE name = '" . mysqli_real_escape_string($conn, $_POST['name']) . "'");
// ok: PHP-SQL-CONCAT
$rows = $pdo->query("SELECT * FROM orders WHERE customer = " . $pdo->quote($customer));
// ok: PHP-SQL-CONCAT
$rows = $pdo->query('SELECT * FROM orders WHERE status = "$open"');
// ok: PHP-SQL-CONCAT
$rows = $pdo->query("SELECT * FROM orders WHERE total > \$100");
// ok: PHP-SQL-CONCAT
$page = $request->query('page');
// ok: PHP-SQL-CONCAT
$doc = 'never $db->query("SELECT * FROM t WHERE id = " . $_GET["id"])';
// ok: PHP-SQL-CONCAT
// $db->query("SELECT * FROM users WHERE id = " . $_GET["id"]);
// ok: PHP-SQL-CONCAT
$stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?"); $stmt->execute([$_GET['id']]);

// ruleid: PHP-UNSERIALIZE
// ruleid: PHP-UNSERIALIZE-INPUT
$prefs = unserialize(base64_decode($_COOKIE['prefs']));
// ruleid: PHP-UNSERIALIZE
$cached = \unserialize($payload, ['allowed_classes' => true]);
// ok: PHP-UNSERIALIZE
$cart = unserialize($raw, ['allowed_classes' => [Cart::class, Item::class]]);
// ok: PHP-UNSERIALIZE
$obj = unserialize('a:0:{}');
// ok: PHP-UNSERIALIZE
$obj = $serializer->unserialize($data);
// ok: PHP-UNSERIALIZE
// unserialize($_COOKIE['cart']);
class Session implements Serializable {
    // ok: PHP-UNSERIALIZE
    public function unserialize($data) { $this->data = json_decode($data, true); }
    public function serialize() { return json_encode($this->data); }
}

// ruleid: PHP-SHELL-EXEC
exec("convert " . $_FILES['image']['name'] . " out.png", $out);
// ruleid: PHP-SHELL-EXEC
$out = shell_exec("nslookup {$_POST['domain']}");
// ruleid: PHP-SHELL-EXEC
passthru('tar -czf backup.tgz ' . $_REQUEST['dir']);
// ruleid: PHP-SHELL-EXEC
$list = `ls -la $_GET[path]`;
// ruleid: PHP-SHELL-EXEC
$p = proc_open(['git', 'log', $_GET['ref']], $spec, $pipes);
// ok: PHP-SHELL-EXEC
system("ping -c 1 " . escapeshellarg($_GET["host"]));
// ok: PHP-SHELL-EXEC
exec("kill -9 " . intval($_POST['pid']));
// ok: PHP-SHELL-EXEC
// ruleid: PHP-SQL-CONCAT
$pdo->exec("DELETE FROM sessions WHERE expired = 1" . $_GET['x']);
// ok: PHP-SHELL-EXEC
system('echo $_GET');
// ok: PHP-SHELL-EXEC
// system($_GET['cmd']);
// ok: PHP-SHELL-EXEC
$version = `git describe --tags`;
class Shell {
    // ok: PHP-SHELL-EXEC
    public function exec(string $cmd, array $args = []) { return $this->runner->run($cmd, $args); }
}

// ruleid: PHP-FILE-INPUT
$html = file_get_contents("templates/" . $_GET['tpl']);
// ruleid: PHP-FILE-INPUT
readfile($_REQUEST['download']);
// ruleid: PHP-FILE-INPUT
$fh = fopen('/var/data/' . $_POST['name'], 'r');
// ruleid: PHP-FILE-INPUT
$lines = \file("logs/{$_GET['log']}.txt");
// ok: PHP-FILE-INPUT
$upload = file_get_contents($_FILES['avatar']['tmp_name']);
// ok: PHP-FILE-INPUT
readfile('/var/data/' . basename($_GET['file']));
// ok: PHP-FILE-INPUT
$fh = fopen($logPath, $_GET['mode']);
// ok: PHP-FILE-INPUT
$cfg = $loader->file($_GET['name']);
// ok: PHP-FILE-INPUT
// file_get_contents($_GET["file"]);
// ok: PHP-FILE-INPUT
$body = file_get_contents('php://input');
// ok: PHP-FILE-INPUT
$doc = 'file_get_contents($_GET["file"]) reads any file';

// ruleid: PHP-EXTRACT-INPUT
extract($_GET);
// ruleid: PHP-EXTRACT-INPUT
\extract($_REQUEST['filters'], EXTR_SKIP);
// ok: PHP-EXTRACT-INPUT
extract($this->viewData);
// ok: PHP-EXTRACT-INPUT
$zip->extract($_POST['target']);
// ok: PHP-EXTRACT-INPUT
extract(array_intersect_key($_POST, array_flip(['name', 'email'])));
// ok: PHP-EXTRACT-INPUT
// extract($_POST);
// ok: PHP-EXTRACT-INPUT
$doc = 'extract($_POST) overwrites variables';

// ruleid: PHP-SSRF
curl_setopt($ch, CURLOPT_URL, $_POST['webhook']);
// ruleid: PHP-SSRF
$ch = curl_init($_GET['url']);
// ruleid: PHP-SSRF
curl_setopt($ch, CURLOPT_URL, "https://" . $_GET['host'] . "/status");
// ruleid: PHP-SSRF
$ch = curl_init("http://{$_REQUEST['server']}/api");
// ok: PHP-SSRF
curl_setopt($ch, CURLOPT_URL, "https://api.example.com/search?q=" . urlencode($_GET['q']));
// ok: PHP-SSRF
curl_setopt($ch, CURLOPT_REFERER, $_SERVER['HTTP_REFERER']);
// ok: PHP-SSRF
$ch = curl_init(self::ENDPOINT . '?id=' . $_GET['id']);
// ok: PHP-SSRF
// curl_setopt($ch, CURLOPT_URL, $_GET["url"]);
// ok: PHP-SSRF
$client->curl_init($_GET['url']);
// ok: PHP-SSRF
$doc = 'curl_init($_GET["url"]) lets the client pick the host';
