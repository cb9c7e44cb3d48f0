// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(-1);
// ruleid: NIST53-SESSION-NO-EXPIRY
private int sessionTimeoutMinutes = 0;
// ok: NIST53-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(900);
// ruleid: NIST53-CORS-ANY
@CrossOrigin
// ruleid: NIST53-CORS-ANY
@CrossOrigin(origins = "*")
// ruleid: NIST53-CORS-ANY
registry.addMapping("/**").allowedOrigins("*");
// ok: NIST53-CORS-ANY
@CrossOrigin(origins = "https://portal.example.com")
// ok: NIST53-CORS-ANY
registry.addMapping("/**").allowedOrigins("https://portal.example.com");
// ruleid: NIST53-AUDIT-DELETE
st.executeUpdate("TRUNCATE TABLE audit_trail");
// ok: NIST53-AUDIT-DELETE
st.executeQuery("SELECT * FROM audit_trail");
// ruleid: NIST53-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: NIST53-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: NIST53-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
// ruleid: NIST53-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now();
// ok: NIST53-NAIVE-TIME-JAVA
Instant created = Instant.now();
// ok: NIST53-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC);
// ruleid: NIST53-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: NIST53-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: NIST53-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: NIST53-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 6;
// ok: NIST53-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 12;
// ruleid: NIST53-MFA-OFF
private boolean mfaRequired = false;
// ruleid: NIST53-MFA-OFF
policy.setMfaEnforced(false);
// ok: NIST53-MFA-OFF
private boolean mfaRequired = true;
// ok: NIST53-MFA-OFF
policy.setMfaEnforced(true);
// ruleid: NIST53-HTTP-URL
URL api = new URL("http://billing.internal-corp.net/api");
// ok: NIST53-HTTP-URL
URL api = new URL("https://billing.internal-corp.net/api");
