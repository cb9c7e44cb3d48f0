// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: SOC2-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: SOC2-AWS-KEY
var key = "AKIAUJZDE8GXD6NCF10E";
// ok: SOC2-AWS-KEY
var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
// ruleid: SOC2-JWT-NOVERIFY
    RequireSignedTokens = false,
// ok: SOC2-JWT-NOVERIFY
    RequireSignedTokens = true,
// ruleid: SOC2-MFA-OFF
options.MfaEnabled = false;
// ok: SOC2-MFA-OFF
options.MfaEnabled = true;
// ruleid: SOC2-SESSION-NO-EXPIRY
options.SessionTimeout = 0;
// ok: SOC2-SESSION-NO-EXPIRY
options.SessionTimeout = 20;
// ruleid: SOC2-CORS-ANY
policy.AllowAnyOrigin();
// ok: SOC2-CORS-ANY
policy.WithOrigins("https://portal.example.com");
// ruleid: SOC2-HTTP-URL
var api = new Uri("http://billing.internal-corp.net/api");
// ok: SOC2-HTTP-URL
var api = new Uri("https://billing.internal-corp.net/api");
// ruleid: SOC2-DEBUG-ON
public const bool DEBUG = true;
// ok: SOC2-DEBUG-ON
public const bool DEBUG = false;
// ruleid: SOC2-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: SOC2-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: SOC2-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
