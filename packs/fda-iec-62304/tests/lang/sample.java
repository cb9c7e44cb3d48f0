// Fixture (java): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: IEC62304-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: IEC62304-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
// ruleid: IEC62304-TODO-SECURITY
/* FIXME authentication is bypassed in demo mode */
// ruleid: IEC62304-TODO-SECURITY
 * TODO sanitize the file name
// ok: IEC62304-TODO-SECURITY
/* Authentication is enforced by the gateway (REQ-7). */
// ruleid: IEC62304-ASSERT-CHECK-JAVA
assert user.isAdmin() : "admin only";
// ok: IEC62304-ASSERT-CHECK-JAVA
if (!user.isAdmin()) throw new AccessDeniedException("admin only");
// ruleid: IEC62304-EVAL-JAVA
Object out = engine.eval(expression);
// ruleid: IEC62304-EVAL-JAVA
Object v = parser.parseExpression(userInput).getValue();
// ok: IEC62304-EVAL-JAVA
Object out = engine.eval("1 + 1");
// ok: IEC62304-EVAL-JAVA
Object v = parser.parseExpression("price * 2").getValue();
// ruleid: IEC62304-SQL-CONCAT-JAVA
return st.executeQuery("SELECT * FROM invoices WHERE patient = '" + patientId + "'");
// ok: IEC62304-SQL-CONCAT-JAVA
PreparedStatement ps = db.prepareStatement("SELECT * FROM invoices WHERE patient = ?");
// ruleid: IEC62304-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now();
// ok: IEC62304-NAIVE-TIME-JAVA
Instant created = Instant.now();
// ok: IEC62304-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC);
// ruleid: IEC62304-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: IEC62304-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: IEC62304-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: IEC62304-LOG-PHI-JAVA
log.info("patient {} diagnosis {}", patientName, diagnosis);
// ok: IEC62304-LOG-PHI-JAVA
log.info("patient record {} updated", recordId);
