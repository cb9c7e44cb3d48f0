// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-ASSERT-CHECK-C
assert(user_is_admin(u));
// ok: ISO14971-ASSERT-CHECK-C
if (!user_is_admin(u)) return -EPERM;
// ok: ISO14971-ASSERT-CHECK-C
static_assert(sizeof(perm_t) == 4, "permission bits");
// ruleid: ISO14971-TODO-SECURITY
/* TODO: check permission before writing the dose table */
// ok: ISO14971-TODO-SECURITY
/* Checks permission before writing the dose table (REQ-3). */
// ruleid: ISO14971-NAIVE-TIME-C
struct tm *t = localtime(&now);
// ok: ISO14971-NAIVE-TIME-C
struct tm *t = gmtime(&now);
