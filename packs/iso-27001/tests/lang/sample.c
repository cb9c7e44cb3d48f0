// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: ISO27001-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: ISO27001-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: ISO27001-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: ISO27001-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: ISO27001-AWS-KEY
static const char *aws_key = "AKIAUJZDE8GXD6NCF10E";
// ok: ISO27001-AWS-KEY
static const char *aws_key_prefix = "AKIA";
// ruleid: ISO27001-MFA-OFF
static int two_factor_enabled = 0;
// ok: ISO27001-MFA-OFF
static int two_factor_enabled = 1;
// ruleid: ISO27001-SESSION-NO-EXPIRY
static const int session_timeout_s = 0;
// ok: ISO27001-SESSION-NO-EXPIRY
static const int session_timeout_s = 900;
// ruleid: ISO27001-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "http://telemetry.pumpvendor.com/upload");
// ok: ISO27001-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "https://telemetry.pumpvendor.com/upload");
// ruleid: ISO27001-AUDIT-DELETE
sqlite3_exec(db, "DROP TABLE audit_events", 0, 0, 0);
// ok: ISO27001-AUDIT-DELETE
sqlite3_exec(db, "SELECT count(*) FROM audit_events", 0, 0, 0);
// ruleid: ISO27001-DEBUG-ON
static const bool DEBUG = true;
// ok: ISO27001-DEBUG-ON
static const bool DEBUG = false;
