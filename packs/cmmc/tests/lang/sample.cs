// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: CMMC-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: CMMC-MFA-OFF
options.MfaEnabled = false;
// ok: CMMC-MFA-OFF
options.MfaEnabled = true;
// ruleid: CMMC-PASSWORD-MIN
options.Password.RequiredLength = 6;
// ok: CMMC-PASSWORD-MIN
options.Password.RequiredLength = 12;
// ruleid: CMMC-SESSION-NO-EXPIRY
options.SessionTimeout = 0;
// ok: CMMC-SESSION-NO-EXPIRY
options.SessionTimeout = 20;
// ruleid: CMMC-AUDIT-DELETE
db.Database.ExecuteSqlRaw("DELETE FROM audit_log");
// ok: CMMC-AUDIT-DELETE
db.Database.ExecuteSqlRaw("INSERT INTO audit_log (actor) VALUES ({0})", actor);
