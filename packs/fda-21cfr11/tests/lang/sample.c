// Fixture (c): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-AUDIT-DELETE
sqlite3_exec(db, "DROP TABLE audit_events", 0, 0, 0);
// ok: CFR11-AUDIT-DELETE
sqlite3_exec(db, "SELECT count(*) FROM audit_events", 0, 0, 0);
// ruleid: CFR11-NAIVE-TIME-C
struct tm *t = localtime(&now);
// ok: CFR11-NAIVE-TIME-C
struct tm *t = gmtime(&now);
// ruleid: CFR11-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: CFR11-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: CFR11-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: CFR11-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: CFR11-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: CFR11-PASSWORD-MIN
static const int min_password_length = 4;
// ok: CFR11-PASSWORD-MIN
static const int min_password_length = 12;
// ruleid: CFR11-SESSION-NO-EXPIRY
static const int session_timeout_s = 0;
// ok: CFR11-SESSION-NO-EXPIRY
static const int session_timeout_s = 900;
