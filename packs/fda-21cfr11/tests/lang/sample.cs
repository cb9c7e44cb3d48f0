// Fixture (cs): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-AUDIT-DELETE
db.Database.ExecuteSqlRaw("DELETE FROM audit_log");
// ok: CFR11-AUDIT-DELETE
db.Database.ExecuteSqlRaw("INSERT INTO audit_log (actor) VALUES ({0})", actor);
// ruleid: CFR11-CLIENT-TIME-CS
var signedAt = Request.Form["signedAt"];
// ok: CFR11-CLIENT-TIME-CS
var signedAt = DateTime.UtcNow;
// ruleid: CFR11-NAIVE-TIME-CS
var created = DateTime.Now;
// ok: CFR11-NAIVE-TIME-CS
var created = DateTime.UtcNow;
// ok: CFR11-NAIVE-TIME-CS
var created = DateTimeOffset.Now;
// ruleid: CFR11-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: CFR11-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: CFR11-PASSWORD-MIN
options.Password.RequiredLength = 6;
// ok: CFR11-PASSWORD-MIN
options.Password.RequiredLength = 12;
// ruleid: CFR11-SESSION-NO-EXPIRY
options.SessionTimeout = 0;
// ok: CFR11-SESSION-NO-EXPIRY
options.SessionTimeout = 20;
// ruleid: CFR11-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: CFR11-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: CFR11-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
