// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: ISO27001-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: ISO27001-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: ISO27001-AWS-KEY
String key = "AKIAUJZDE8GXD6NCF10E";
// ok: ISO27001-AWS-KEY
String key = System.getenv("AWS_ACCESS_KEY_ID");
// ruleid: ISO27001-MFA-OFF
private boolean mfaRequired = false;
// ruleid: ISO27001-MFA-OFF
policy.setMfaEnforced(false);
// ok: ISO27001-MFA-OFF
private boolean mfaRequired = true;
// ok: ISO27001-MFA-OFF
policy.setMfaEnforced(true);
// ruleid: ISO27001-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(-1);
// ruleid: ISO27001-SESSION-NO-EXPIRY
private int sessionTimeoutMinutes = 0;
// ok: ISO27001-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(900);
// ruleid: ISO27001-HTTP-URL
URL api = new URL("http://billing.internal-corp.net/api");
// ok: ISO27001-HTTP-URL
URL api = new URL("https://billing.internal-corp.net/api");
// ruleid: ISO27001-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: ISO27001-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: ISO27001-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
// ruleid: ISO27001-AUDIT-DELETE
st.executeUpdate("TRUNCATE TABLE audit_trail");
// ok: ISO27001-AUDIT-DELETE
st.executeQuery("SELECT * FROM audit_trail");
// ruleid: ISO27001-DEBUG-ON
public static final boolean DEBUG = true;
// ok: ISO27001-DEBUG-ON
public static final boolean DEBUG = false;
