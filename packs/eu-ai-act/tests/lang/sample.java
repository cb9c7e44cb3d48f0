// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-PROMPT-INJECTION-JAVA
String prompt = "Answer the question: " + request.getParameter("q");
// ok: EUAI-PROMPT-INJECTION-JAVA
String prompt = "Answer the question in the user message.";
// ruleid: EUAI-LOG-PII-JAVA
log.info("signup {}", email);
// ok: EUAI-LOG-PII-JAVA
log.info("signup {}", userId);
// ruleid: EUAI-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: EUAI-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: EUAI-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
