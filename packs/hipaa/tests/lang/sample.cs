// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-LOG-PHI-CS
_logger.LogInformation("Patient {Name} diagnosis {Dx}", patient.PatientName, diagnosis);
// ok: HIPAA-LOG-PHI-CS
_logger.LogInformation("Patient record {Id} updated", recordId);
// ruleid: HIPAA-HTTP-URL
var api = new Uri("http://billing.internal-corp.net/api");
// ok: HIPAA-HTTP-URL
var api = new Uri("https://billing.internal-corp.net/api");
// ruleid: HIPAA-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: HIPAA-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: HIPAA-MFA-OFF
options.MfaEnabled = false;
// ok: HIPAA-MFA-OFF
options.MfaEnabled = true;
// ruleid: HIPAA-SESSION-NO-EXPIRY
options.SessionTimeout = 0;
// ok: HIPAA-SESSION-NO-EXPIRY
options.SessionTimeout = 20;
// ruleid: HIPAA-AUDIT-DELETE
db.Database.ExecuteSqlRaw("DELETE FROM audit_log");
// ok: HIPAA-AUDIT-DELETE
db.Database.ExecuteSqlRaw("INSERT INTO audit_log (actor) VALUES ({0})", actor);
