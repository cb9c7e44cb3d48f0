// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: ISO27001-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: ISO27001-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
// ruleid: ISO27001-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: ISO27001-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
