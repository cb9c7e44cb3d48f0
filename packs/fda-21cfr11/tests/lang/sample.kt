// Fixture (kt): annotated lines must fire or stay quiet as marked. // ok: CFR11-UNIT-DOCUMENTED
// ruleid: CFR11-NAIVE-TIME-JAVA
val created = LocalDate.now()
// ok: CFR11-NAIVE-TIME-JAVA
val created = Instant.now()
// ruleid: CFR11-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: CFR11-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
// ruleid: CFR11-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: CFR11-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
