// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: IEC81001-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: IEC81001-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: IEC81001-AWS-KEY
String key = "AKIAUJZDE8GXD6NCF10E";
// ok: IEC81001-AWS-KEY
String key = System.getenv("AWS_ACCESS_KEY_ID");
// ruleid: IEC81001-SQL-CONCAT-JAVA
return st.executeQuery("SELECT * FROM invoices WHERE patient = '" + patientId + "'");
// ok: IEC81001-SQL-CONCAT-JAVA
PreparedStatement ps = db.prepareStatement("SELECT * FROM invoices WHERE patient = ?");
// ruleid: IEC81001-EVAL-JAVA
Object out = engine.eval(expression);
// ruleid: IEC81001-EVAL-JAVA
Object v = parser.parseExpression(userInput).getValue();
// ok: IEC81001-EVAL-JAVA
Object out = engine.eval("1 + 1");
// ok: IEC81001-EVAL-JAVA
Object v = parser.parseExpression("price * 2").getValue();
