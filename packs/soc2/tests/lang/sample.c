// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: SOC2-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: SOC2-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: SOC2-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: SOC2-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: SOC2-AWS-KEY
static const char *aws_key = "AKIAUJZDE8GXD6NCF10E";
// ok: SOC2-AWS-KEY
static const char *aws_key_prefix = "AKIA";
// ruleid: SOC2-MFA-OFF
static int two_factor_enabled = 0;
// ok: SOC2-MFA-OFF
static int two_factor_enabled = 1;
// ruleid: SOC2-SESSION-NO-EXPIRY
static const int session_timeout_s = 0;
// ok: SOC2-SESSION-NO-EXPIRY
static const int session_timeout_s = 900;
// ruleid: SOC2-CORS-ANY
MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
// ok: SOC2-CORS-ANY
MHD_add_response_header(resp, "Access-Control-Allow-Origin", "https://portal.example.com");
// ruleid: SOC2-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "http://telemetry.pumpvendor.com/upload");
// ok: SOC2-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "https://telemetry.pumpvendor.com/upload");
// ruleid: SOC2-DEBUG-ON
static const bool DEBUG = true;
// ok: SOC2-DEBUG-ON
static const bool DEBUG = false;
