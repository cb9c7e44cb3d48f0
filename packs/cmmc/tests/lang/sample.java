// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: CMMC-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: CMMC-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: CMMC-MFA-OFF
private boolean mfaRequired = false;
// ruleid: CMMC-MFA-OFF
policy.setMfaEnforced(false);
// ok: CMMC-MFA-OFF
private boolean mfaRequired = true;
// ok: CMMC-MFA-OFF
policy.setMfaEnforced(true);
// ruleid: CMMC-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 6;
// ok: CMMC-PASSWORD-MIN
private static final int MIN_PASSWORD_LENGTH = 12;
// ruleid: CMMC-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(-1);
// ruleid: CMMC-SESSION-NO-EXPIRY
private int sessionTimeoutMinutes = 0;
// ok: CMMC-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(900);
// ruleid: CMMC-AUDIT-DELETE
st.executeUpdate("TRUNCATE TABLE audit_trail");
// ok: CMMC-AUDIT-DELETE
st.executeQuery("SELECT * FROM audit_trail");
