// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-CVV-STORE
card.CardSecurityCode = dto.Cvv;
// ok: PCI-CVV-STORE
card.CardSecurityCodeVerified = true;
// ruleid: PCI-LOG-CARD
_logger.LogInformation("Card {CardNumber}", cardNumber);
// ok: PCI-LOG-CARD
_logger.LogInformation("Card ending {Last4}", last4);
// ruleid: PCI-HTTP-URL
var api = new Uri("http://billing.internal-corp.net/api");
// ok: PCI-HTTP-URL
var api = new Uri("https://billing.internal-corp.net/api");
// ruleid: PCI-HARDCODED-PASSWORD
private const string DbPassword = "hunter2-prod-billing";
// ok: PCI-HARDCODED-PASSWORD
var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
// ruleid: PCI-PASSWORD-MIN
options.Password.RequiredLength = 6;
// ok: PCI-PASSWORD-MIN
options.Password.RequiredLength = 12;
// ruleid: PCI-MFA-OFF
options.MfaEnabled = false;
// ok: PCI-MFA-OFF
options.MfaEnabled = true;
// ruleid: PCI-SESSION-NO-EXPIRY
options.SessionTimeout = 0;
// ok: PCI-SESSION-NO-EXPIRY
options.SessionTimeout = 20;
// ruleid: PCI-RANDOM-SECRET-CS
var otp = new Random().Next(100000, 999999);
// ok: PCI-RANDOM-SECRET-CS
var otp = RandomNumberGenerator.GetInt32(100000, 1000000);
// ruleid: PCI-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: PCI-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: PCI-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
