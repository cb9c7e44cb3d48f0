// Fixture (php): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: IEC81001-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: IEC81001-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: IEC81001-SQL-CONCAT-PHP
$rows = $db->query("SELECT * FROM patients WHERE id = $id");
// ruleid: IEC81001-SQL-CONCAT-PHP
$r = mysqli_query($conn, "SELECT * FROM patients WHERE name = '" . $name . "'");
// ok: IEC81001-SQL-CONCAT-PHP
$stmt = $db->prepare("SELECT * FROM patients WHERE id = ?");
// ruleid: IEC81001-EVAL-PHP
$result = eval($expression);
// ok: IEC81001-EVAL-PHP
$result = json_decode($expression);
