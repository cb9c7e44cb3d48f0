// Fixture (php): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-PHP
try { sync(); } catch (Exception $e) {}
// ok: IEC62304-SWALLOW-PHP
try { sync(); } catch (Exception $e) { error_log($e->getMessage()); }
// ruleid: IEC62304-ASSERT-CHECK-PHP
assert($user->isAdmin());
// ok: IEC62304-ASSERT-CHECK-PHP
if (!$user->isAdmin()) { throw new AccessDenied(); }
// ruleid: IEC62304-EVAL-PHP
$result = eval($expression);
// ok: IEC62304-EVAL-PHP
$result = json_decode($expression);
// ruleid: IEC62304-SQL-CONCAT-PHP
$rows = $db->query("SELECT * FROM patients WHERE id = $id");
// ruleid: IEC62304-SQL-CONCAT-PHP
$r = mysqli_query($conn, "SELECT * FROM patients WHERE name = '" . $name . "'");
// ok: IEC62304-SQL-CONCAT-PHP
$stmt = $db->prepare("SELECT * FROM patients WHERE id = ?");
// ruleid: IEC62304-NAIVE-TIME-PHP
$created = date('Y-m-d H:i:s');
// ok: IEC62304-NAIVE-TIME-PHP
$created = gmdate('Y-m-d\TH:i:s\Z');
// ruleid: IEC62304-HARDCODED-PASSWORD
$dbPassword = 'hunter2-prod-billing';
// ruleid: IEC62304-HARDCODED-PASSWORD
    'password' => 'Sup3rS3cret!',
// ok: IEC62304-HARDCODED-PASSWORD
$dbPassword = getenv('DB_PASSWORD');
// ruleid: IEC62304-LOG-PHI-PHP
error_log("patient " . $patientName . " mrn " . $mrn);
// ok: IEC62304-LOG-PHI-PHP
error_log("patient record " . $recordId . " updated");
