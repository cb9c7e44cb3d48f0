// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: NIST53-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: NIST53-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
// ruleid: NIST53-NAIVE-TIME-JAVA
val created = LocalDate.now()
// ok: NIST53-NAIVE-TIME-JAVA
val created = Instant.now()
// ruleid: NIST53-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: NIST53-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
