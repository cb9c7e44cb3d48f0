// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: SOC2-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
// ruleid: SOC2-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: SOC2-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
