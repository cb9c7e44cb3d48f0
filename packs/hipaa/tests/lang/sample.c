// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-LOG-PHI-C
printf("patient %s rate %f\n", buf, rate_ml_h);
// ruleid: HIPAA-LOG-PHI-C
fprintf(stderr, "mrn=%s\n", mrn);
// ok: HIPAA-LOG-PHI-C
printf("patient record %d updated\n", record_id);
// ruleid: HIPAA-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "http://telemetry.pumpvendor.com/upload");
// ok: HIPAA-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "https://telemetry.pumpvendor.com/upload");
// ruleid: HIPAA-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: HIPAA-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: HIPAA-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: HIPAA-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: HIPAA-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: HIPAA-MFA-OFF
static int two_factor_enabled = 0;
// ok: HIPAA-MFA-OFF
static int two_factor_enabled = 1;
// ruleid: HIPAA-SESSION-NO-EXPIRY
static const int session_timeout_s = 0;
// ok: HIPAA-SESSION-NO-EXPIRY
static const int session_timeout_s = 900;
// ruleid: HIPAA-AUDIT-DELETE
sqlite3_exec(db, "DROP TABLE audit_events", 0, 0, 0);
// ok: HIPAA-AUDIT-DELETE
sqlite3_exec(db, "SELECT count(*) FROM audit_events", 0, 0, 0);
