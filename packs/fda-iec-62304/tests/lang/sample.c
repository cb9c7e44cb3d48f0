// Fixture (c): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-TODO-SECURITY
/* TODO: check permission before writing the dose table */
// ok: IEC62304-TODO-SECURITY
/* Checks permission before writing the dose table (REQ-3). */
// ruleid: IEC62304-ASSERT-CHECK-C
assert(user_is_admin(u));
// ok: IEC62304-ASSERT-CHECK-C
if (!user_is_admin(u)) return -EPERM;
// ok: IEC62304-ASSERT-CHECK-C
static_assert(sizeof(perm_t) == 4, "permission bits");
// ruleid: IEC62304-SQL-CONCAT-C
snprintf(sql, sizeof sql, "SELECT * FROM patients WHERE name = '%s'", name);
// ok: IEC62304-SQL-CONCAT-C
snprintf(sql, sizeof sql, "SELECT * FROM patients WHERE id = %d", id);
// ok: IEC62304-SQL-CONCAT-C
char *q = sqlite3_mprintf("SELECT * FROM patients WHERE name = %Q", name);
// ruleid: IEC62304-NAIVE-TIME-C
struct tm *t = localtime(&now);
// ok: IEC62304-NAIVE-TIME-C
struct tm *t = gmtime(&now);
// ruleid: IEC62304-HARDCODED-PASSWORD
static const char *SERVICE_PASSWORD = "pump-service-1234";
// ruleid: IEC62304-HARDCODED-PASSWORD
char password[] = "letmein123";
// ruleid: IEC62304-HARDCODED-PASSWORD
#define ADMIN_PASSWORD "Adm1nAdm1n"
// ok: IEC62304-HARDCODED-PASSWORD
const char *password = getenv("PUMP_PASSWORD");
// ok: IEC62304-HARDCODED-PASSWORD
if (strcmp(password, "letmein123") == 0) {
// ruleid: IEC62304-LOG-PHI-C
printf("patient %s rate %f\n", buf, rate_ml_h);
// ruleid: IEC62304-LOG-PHI-C
fprintf(stderr, "mrn=%s\n", mrn);
// ok: IEC62304-LOG-PHI-C
printf("patient record %d updated\n", record_id);
