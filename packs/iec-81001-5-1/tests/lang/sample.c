// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: IEC81001-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: IEC81001-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: IEC81001-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: IEC81001-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: IEC81001-AWS-KEY
static const char *aws_key = "AKIAUJZDE8GXD6NCF10E";
// ok: IEC81001-AWS-KEY
static const char *aws_key_prefix = "AKIA";
// ruleid: IEC81001-SQL-CONCAT-C
snprintf(sql, sizeof sql, "SELECT * FROM patients WHERE name = '%s'", name);
// ok: IEC81001-SQL-CONCAT-C
snprintf(sql, sizeof sql, "SELECT * FROM patients WHERE id = %d", id);
// ok: IEC81001-SQL-CONCAT-C
char *q = sqlite3_mprintf("SELECT * FROM patients WHERE name = %Q", name);
