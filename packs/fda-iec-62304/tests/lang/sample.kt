// Fixture (kt): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: IEC62304-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
// ruleid: IEC62304-ASSERT-CHECK-JAVA
assert(user.hasPermission("dose.edit"))
// ok: IEC62304-ASSERT-CHECK-JAVA
require(user.hasPermission("dose.edit"))
// ruleid: IEC62304-NAIVE-TIME-JAVA
val created = LocalDate.now()
// ok: IEC62304-NAIVE-TIME-JAVA
val created = Instant.now()
// ruleid: IEC62304-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: IEC62304-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
