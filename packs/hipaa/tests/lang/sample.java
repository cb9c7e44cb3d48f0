// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-LOG-PHI-JAVA
log.info("patient {} diagnosis {}", patientName, diagnosis);
// ok: HIPAA-LOG-PHI-JAVA
log.info("patient record {} updated", recordId);
// ruleid: HIPAA-HTTP-URL
URL api = new URL("http://billing.internal-corp.net/api");
// ok: HIPAA-HTTP-URL
URL api = new URL("https://billing.internal-corp.net/api");
// ruleid: HIPAA-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: HIPAA-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: HIPAA-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: HIPAA-MFA-OFF
private boolean mfaRequired = false;
// ruleid: HIPAA-MFA-OFF
policy.setMfaEnforced(false);
// ok: HIPAA-MFA-OFF
private boolean mfaRequired = true;
// ok: HIPAA-MFA-OFF
policy.setMfaEnforced(true);
// ruleid: HIPAA-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(-1);
// ruleid: HIPAA-SESSION-NO-EXPIRY
private int sessionTimeoutMinutes = 0;
// ok: HIPAA-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(900);
// ruleid: HIPAA-AUDIT-DELETE
st.executeUpdate("TRUNCATE TABLE audit_trail");
// ok: HIPAA-AUDIT-DELETE
st.executeQuery("SELECT * FROM audit_trail");
