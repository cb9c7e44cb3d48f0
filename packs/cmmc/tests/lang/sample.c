// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: CMMC-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: CMMC-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: CMMC-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: CMMC-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: CMMC-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: CMMC-MFA-OFF
static int two_factor_enabled = 0;
// ok: CMMC-MFA-OFF
static int two_factor_enabled = 1;
// ruleid: CMMC-PASSWORD-MIN
static const int min_password_length = 4;
// ok: CMMC-PASSWORD-MIN
static const int min_password_length = 12;
// ruleid: CMMC-SESSION-NO-EXPIRY
static const int session_timeout_s = 0;
// ok: CMMC-SESSION-NO-EXPIRY
static const int session_timeout_s = 900;
// ruleid: CMMC-AUDIT-DELETE
sqlite3_exec(db, "DROP TABLE audit_events", 0, 0, 0);
// ok: CMMC-AUDIT-DELETE
sqlite3_exec(db, "SELECT count(*) FROM audit_events", 0, 0, 0);
