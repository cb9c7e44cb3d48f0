// Fixture (js): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: IEC62304-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: IEC62304-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: IEC62304-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
// ruleid: IEC62304-TODO-SECURITY
// TODO: validate the token signature before trusting it
// ok: IEC62304-TODO-SECURITY
// Validates the token signature before trusting it (REQ-12).
// ruleid: IEC62304-ASSERT-CHECK-JS
console.assert(user.isAdmin, "admin only");
// ok: IEC62304-ASSERT-CHECK-JS
if (!user.isAdmin) throw new Error("admin only");
// ruleid: IEC62304-EVAL-JS
const out = eval(expression);
// ruleid: IEC62304-EVAL-JS
const fn = new Function("a", body);
// ok: IEC62304-EVAL-JS
const out = JSON.parse(expression);
// ok: IEC62304-EVAL-JS
const out = eval("2 + 2");
// ruleid: IEC62304-SQL-CONCAT-JS
return db.query("SELECT * FROM invoices WHERE patient = '" + patientId + "'");
// ruleid: IEC62304-SQL-CONCAT-JS
await pool.query(`SELECT * FROM patients WHERE id = ${id}`);
// ok: IEC62304-SQL-CONCAT-JS
return db.query("SELECT * FROM invoices WHERE patient = $1", [patientId]);
// ok: IEC62304-SQL-CONCAT-JS
logger.info("SELECT took " + ms + " ms");
// ruleid: IEC62304-NAIVE-TIME-JS
const stamp = new Date().toLocaleString();
// ok: IEC62304-NAIVE-TIME-JS
const stamp = new Date().toISOString();
// ruleid: IEC62304-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: IEC62304-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: IEC62304-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: IEC62304-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: IEC62304-LOG-PHI-JS
console.log("patient", patientName, "diagnosis", diagnosis);
// ok: IEC62304-LOG-PHI-JS
console.log("patient record %s updated", recordId);
