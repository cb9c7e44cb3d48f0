// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: ISO14971-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
// ruleid: ISO14971-ASSERT-CHECK-JAVA
assert(user.hasPermission("dose.edit"))
// ok: ISO14971-ASSERT-CHECK-JAVA
require(user.hasPermission("dose.edit"))
// ruleid: ISO14971-NAIVE-TIME-JAVA
val created = LocalDate.now()
// ok: ISO14971-NAIVE-TIME-JAVA
val created = Instant.now()
