// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-PAN-LITERAL
String card = "5500-0000-0000-0004";
// ok: PCI-PAN-LITERAL
String card = tokenVault.lookup(token);
// ruleid: PCI-CVV-STORE
payment.cvv = request.getParameter("cvv");
// ok: PCI-CVV-STORE
payment.cvvChecked = true;
// ruleid: PCI-LOG-CARD
log.info("card {}", cardNumber);
// ok: PCI-LOG-CARD
log.info("card ending {}", last4);
// ruleid: PCI-HTTP-URL
URL api = new URL("http://billing.internal-corp.net/api");
// ok: PCI-HTTP-URL
URL api = new URL("https://billing.internal-corp.net/api");
// ruleid: PCI-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: PCI-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: PCI-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: PCI-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 6;
// ok: PCI-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 12;
// ruleid: PCI-MFA-OFF
private boolean mfaRequired = false;
// ruleid: PCI-MFA-OFF
policy.setMfaEnforced(false);
// ok: PCI-MFA-OFF
private boolean mfaRequired = true;
// ok: PCI-MFA-OFF
policy.setMfaEnforced(true);
// ruleid: PCI-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(-1);
// ruleid: PCI-SESSION-NO-EXPIRY
private int sessionTimeoutMinutes = 0;
// ok: PCI-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(900);
// ruleid: PCI-RANDOM-SECRET-JAVA
String sessionToken = Long.toHexString(new Random().nextLong());
// ok: PCI-RANDOM-SECRET-JAVA
String sessionToken = Long.toHexString(new SecureRandom().nextLong());
// ruleid: PCI-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: PCI-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: PCI-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
