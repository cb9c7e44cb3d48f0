// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: ISO27001-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: ISO27001-AWS-KEY
var key = "AKIAUJZDE8GXD6NCF10E";
// ok: ISO27001-AWS-KEY
var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
// ruleid: ISO27001-MFA-OFF
options.MfaEnabled = false;
// ok: ISO27001-MFA-OFF
options.MfaEnabled = true;
// ruleid: ISO27001-SESSION-NO-EXPIRY
options.SessionTimeout = 0;
// ok: ISO27001-SESSION-NO-EXPIRY
options.SessionTimeout = 20;
// ruleid: ISO27001-HTTP-URL
var api = new Uri("http://billing.internal-corp.net/api");
// ok: ISO27001-HTTP-URL
var api = new Uri("https://billing.internal-corp.net/api");
// ruleid: ISO27001-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: ISO27001-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: ISO27001-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
// ruleid: ISO27001-AUDIT-DELETE
db.Database.ExecuteSqlRaw("DELETE FROM audit_log");
// ok: ISO27001-AUDIT-DELETE
db.Database.ExecuteSqlRaw("INSERT INTO audit_log (actor) VALUES ({0})", actor);
// ruleid: ISO27001-DEBUG-ON
public const bool DEBUG = true;
// ok: ISO27001-DEBUG-ON
public const bool DEBUG = false;
