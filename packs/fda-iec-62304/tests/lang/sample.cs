// Fixture (cs): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: IEC62304-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: IEC62304-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
// ruleid: IEC62304-TODO-SECURITY
// TODO encrypt the export
// ok: IEC62304-TODO-SECURITY
// Encrypts the export with the release key (REQ-6).
// ruleid: IEC62304-ASSERT-CHECK-CS
Debug.Assert(user.IsAuthenticated);
// ok: IEC62304-ASSERT-CHECK-CS
if (!user.IsAuthenticated) throw new UnauthorizedAccessException();
// ruleid: IEC62304-EVAL-CS
var r = await CSharpScript.EvaluateAsync(code);
// ok: IEC62304-EVAL-CS
var r = await Calculator.EvaluateAsync(code);
// ruleid: IEC62304-SQL-CONCAT-CS
var cmd = new SqlCommand("SELECT * FROM Patients WHERE Name = '" + name + "'", conn);
// ruleid: IEC62304-SQL-CONCAT-CS
db.Patients.FromSqlRaw($"SELECT * FROM Patients WHERE Id = {id}");
// ok: IEC62304-SQL-CONCAT-CS
var cmd = new SqlCommand("SELECT * FROM Patients WHERE Name = @name", conn);
// ok: IEC62304-SQL-CONCAT-CS
db.Patients.FromSqlInterpolated($"SELECT * FROM Patients WHERE Id = {id}");
// ruleid: IEC62304-NAIVE-TIME-CS
var created = DateTime.Now;
// ok: IEC62304-NAIVE-TIME-CS
var created = DateTime.UtcNow;
// ok: IEC62304-NAIVE-TIME-CS
var created = DateTimeOffset.Now;
// ruleid: IEC62304-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: IEC62304-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: IEC62304-LOG-PHI-CS
_logger.LogInformation("Patient {Name} diagnosis {Dx}", patient.PatientName, diagnosis);
// ok: IEC62304-LOG-PHI-CS
_logger.LogInformation("Patient record {Id} updated", recordId);
