// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-LOG-PII-CS
_logger.LogInformation("Signup {Email}", user.Email);
// ok: GDPR-LOG-PII-CS
_logger.LogInformation("Signup {UserId}", user.Id);
// ruleid: GDPR-IP-LOG-CS
_logger.LogInformation("Login from {Ip}", HttpContext.Connection.RemoteIpAddress);
// ok: GDPR-IP-LOG-CS
_logger.LogInformation("Login by {User}", User.Identity.Name);
// ruleid: GDPR-HTTP-URL
var api = new Uri("http://billing.internal-corp.net/api");
// ok: GDPR-HTTP-URL
var api = new Uri("https://billing.internal-corp.net/api");
// ruleid: GDPR-WEAK-CIPHER-CS
using var alg = TripleDES.Create();
// ruleid: GDPR-WEAK-CIPHER-CS
aes.Mode = CipherMode.ECB;
// ok: GDPR-WEAK-CIPHER-CS
using var alg = new AesGcm(key);
// ruleid: GDPR-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: GDPR-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
