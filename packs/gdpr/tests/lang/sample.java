// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-LOG-PII-JAVA
log.info("signup {}", email);
// ok: GDPR-LOG-PII-JAVA
log.info("signup {}", userId);
// ruleid: GDPR-IP-LOG-JAVA
log.info("login from {}", request.getRemoteAddr());
// ok: GDPR-IP-LOG-JAVA
log.info("login by {}", principal.getName());
// ruleid: GDPR-HTTP-URL
URL api = new URL("http://billing.internal-corp.net/api");
// ok: GDPR-HTTP-URL
URL api = new URL("https://billing.internal-corp.net/api");
// ruleid: GDPR-WEAK-CIPHER-JAVA
Cipher c = Cipher.getInstance("DESede/CBC/PKCS5Padding");
// ruleid: GDPR-WEAK-CIPHER-JAVA
Cipher c = Cipher.getInstance("AES");
// ok: GDPR-WEAK-CIPHER-JAVA
Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
// ruleid: GDPR-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: GDPR-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: GDPR-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
