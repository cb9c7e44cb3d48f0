// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-SWALLOW-JAVA
try { sync() } catch (e: Exception) {}
// ok: EUAI-SWALLOW-JAVA
try { sync() } catch (e: Exception) { log.error("sync failed", e) }
