// Fixture (java): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-AUDIT-DELETE
st.executeUpdate("TRUNCATE TABLE audit_trail");
// ok: CFR11-AUDIT-DELETE
st.executeQuery("SELECT * FROM audit_trail");
// ruleid: CFR11-CLIENT-TIME-JAVA
String signedAt = request.getParameter("signedAt");
// ok: CFR11-CLIENT-TIME-JAVA
Instant signedAt = Instant.now();
// ruleid: CFR11-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now();
// ok: CFR11-NAIVE-TIME-JAVA
Instant created = Instant.now();
// ok: CFR11-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC);
// ruleid: CFR11-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: CFR11-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: CFR11-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: CFR11-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 6;
// ok: CFR11-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 12;
// ruleid: CFR11-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(-1);
// ruleid: CFR11-SESSION-NO-EXPIRY
private int sessionTimeoutMinutes = 0;
// ok: CFR11-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(900);
// ruleid: CFR11-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: CFR11-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: CFR11-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
