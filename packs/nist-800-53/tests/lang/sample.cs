// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SESSION-NO-EXPIRY
options.SessionTimeout = 0;
// ok: NIST53-SESSION-NO-EXPIRY
options.SessionTimeout = 20;
// ruleid: NIST53-CORS-ANY
policy.AllowAnyOrigin();
// ok: NIST53-CORS-ANY
policy.WithOrigins("https://portal.example.com");
// ruleid: NIST53-AUDIT-DELETE
db.Database.ExecuteSqlRaw("DELETE FROM audit_log");
// ok: NIST53-AUDIT-DELETE
db.Database.ExecuteSqlRaw("INSERT INTO audit_log (actor) VALUES ({0})", actor);
// ruleid: NIST53-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: NIST53-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: NIST53-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
// ruleid: NIST53-NAIVE-TIME-CS
var created = DateTime.Now;
// ok: NIST53-NAIVE-TIME-CS
var created = DateTime.UtcNow;
// ok: NIST53-NAIVE-TIME-CS
var created = DateTimeOffset.Now;
// ruleid: NIST53-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: NIST53-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: NIST53-PASSWORD-MIN
options.Password.RequiredLength = 6;
// ok: NIST53-PASSWORD-MIN
options.Password.RequiredLength = 12;
// ruleid: NIST53-MFA-OFF
options.MfaEnabled = false;
// ok: NIST53-MFA-OFF
options.MfaEnabled = true;
// ruleid: NIST53-HTTP-URL
var api = new Uri("http://billing.internal-corp.net/api");
// ok: NIST53-HTTP-URL
var api = new Uri("https://billing.internal-corp.net/api");
