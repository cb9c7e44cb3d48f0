// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: IEC81001-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: IEC81001-AWS-KEY
var key = "AKIAUJZDE8GXD6NCF10E";
// ok: IEC81001-AWS-KEY
var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
// ruleid: IEC81001-SQL-CONCAT-CS
var cmd = new SqlCommand("SELECT * FROM Patients WHERE Name = '" + name + "'", conn);
// ruleid: IEC81001-SQL-CONCAT-CS
db.Patients.FromSqlRaw($"SELECT * FROM Patients WHERE Id = {id}");
// ok: IEC81001-SQL-CONCAT-CS
var cmd = new SqlCommand("SELECT * FROM Patients WHERE Name = @name", conn);
// ok: IEC81001-SQL-CONCAT-CS
db.Patients.FromSqlInterpolated($"SELECT * FROM Patients WHERE Id = {id}");
// ruleid: IEC81001-EVAL-CS
var r = await CSharpScript.EvaluateAsync(code);
// ok: IEC81001-EVAL-CS
var r = await Calculator.EvaluateAsync(code);
