// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: PCI-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
// ruleid: PCI-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: PCI-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
