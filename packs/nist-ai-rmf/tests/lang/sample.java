// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: AIRMF-PROMPT-INJECTION-JAVA
String prompt = "Answer the question: " + request.getParameter("q");
// ok: AIRMF-PROMPT-INJECTION-JAVA
String prompt = "Answer the question in the user message.";
// ruleid: AIRMF-LOG-PII-JAVA
log.info("signup {}", email);
// ok: AIRMF-LOG-PII-JAVA
log.info("signup {}", userId);
