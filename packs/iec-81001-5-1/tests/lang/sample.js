// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: IEC81001-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: IEC81001-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: IEC81001-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: IEC81001-AWS-KEY
const key = "AKIAUJZDE8GXD6NCF10E";
// ok: IEC81001-AWS-KEY
const key = process.env.AWS_ACCESS_KEY_ID;
// ruleid: IEC81001-SQL-CONCAT-JS
return db.query("SELECT * FROM invoices WHERE patient = '" + patientId + "'");
// ruleid: IEC81001-SQL-CONCAT-JS
await pool.query(`SELECT * FROM patients WHERE id = ${id}`);
// ok: IEC81001-SQL-CONCAT-JS
return db.query("SELECT * FROM invoices WHERE patient = $1", [patientId]);
// ok: IEC81001-SQL-CONCAT-JS
logger.info("SELECT took " + ms + " ms");
// ruleid: IEC81001-EVAL-JS
const out = eval(expression);
// ruleid: IEC81001-EVAL-JS
const fn = new Function("a", body);
// ok: IEC81001-EVAL-JS
const out = JSON.parse(expression);
// ok: IEC81001-EVAL-JS
const out = eval("2 + 2");
