// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-LOG-PII-C
syslog(LOG_INFO, "signup %s", email);
// ok: GDPR-LOG-PII-C
syslog(LOG_INFO, "signup %d", user_id);
// ruleid: GDPR-IP-LOG-C
printf("connection from %s\n", inet_ntoa(addr.sin_addr));
// ok: GDPR-IP-LOG-C
printf("connection %d accepted\n", conn_id);
// ruleid: GDPR-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "http://telemetry.pumpvendor.com/upload");
// ok: GDPR-HTTP-URL
curl_easy_setopt(curl, CURLOPT_URL, "https://telemetry.pumpvendor.com/upload");
// ruleid: GDPR-WEAK-CIPHER-C
EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), NULL, key, iv);
// ruleid: GDPR-WEAK-CIPHER-C
EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), NULL, key, NULL);
// ok: GDPR-WEAK-CIPHER-C
EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
// ruleid: GDPR-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: GDPR-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: GDPR-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: GDPR-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: GDPR-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
