// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SESSION-NO-EXPIRY
static const int session_timeout_s = 0;
// ok: NIST53-SESSION-NO-EXPIRY
static const int session_timeout_s = 900;
// ruleid: NIST53-CORS-ANY
MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
// ok: NIST53-CORS-ANY
MHD_add_response_header(resp, "Access-Control-Allow-Origin", "https://portal.example.com");
// ruleid: NIST53-AUDIT-DELETE
sqlite3_exec(db, "DROP TABLE audit_events", 0, 0, 0);
// ok: NIST53-AUDIT-DELETE
sqlite3_exec(db, "SELECT count(*) FROM audit_events", 0, 0, 0);
// ruleid: NIST53-NAIVE-TIME-C
struct tm *t = localtime(&now);
// ok: NIST53-NAIVE-TIME-C
struct tm *t = gmtime(&now);
// ruleid: NIST53-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: NIST53-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: NIST53-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: NIST53-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: NIST53-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: NIST53-PASSWORD-MIN
static const int min_password_length = 4;
// ok: NIST53-PASSWORD-MIN
static const int min_password_length = 12;
// ruleid: NIST53-MFA-OFF
static int two_factor_enabled = 0;
// ok: NIST53-MFA-OFF
static int two_factor_enabled = 1;
// ruleid: NIST53-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "http://telemetry.pumpvendor.com/upload");
// ok: NIST53-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "https://telemetry.pumpvendor.com/upload");
