// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-PAN-LITERAL
static const char *card = "4012888888881881";
// ok: PCI-PAN-LITERAL
static const char *card_last4 = "1881";
// ruleid: PCI-CVV-STORE
card->cvv2 = atoi(input);
// ok: PCI-CVV-STORE
card->cvv_verified = 1;
// ruleid: PCI-LOG-CARD
fprintf(stderr, "pan=%s\n", pan);
// ok: PCI-LOG-CARD
fprintf(stderr, "last4=%s\n", last4);
// ruleid: PCI-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "http://telemetry.pumpvendor.com/upload");
// ok: PCI-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "https://telemetry.pumpvendor.com/upload");
// ruleid: PCI-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: PCI-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: PCI-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: PCI-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: PCI-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: PCI-PASSWORD-MIN
static const int min_password_length = 4;
// ok: PCI-PASSWORD-MIN
static const int min_password_length = 12;
// ruleid: PCI-MFA-OFF
static int two_factor_enabled = 0;
// ok: PCI-MFA-OFF
static int two_factor_enabled = 1;
// ruleid: PCI-SESSION-NO-EXPIRY
static const int session_timeout_s = 0;
// ok: PCI-SESSION-NO-EXPIRY
static const int session_timeout_s = 900;
// ruleid: PCI-RANDOM-SECRET-C
unsigned int session_id = rand();
// ok: PCI-RANDOM-SECRET-C
getrandom(&session_id, sizeof session_id, 0);
