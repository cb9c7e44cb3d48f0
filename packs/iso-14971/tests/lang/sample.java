// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: ISO14971-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: ISO14971-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
// ruleid: ISO14971-ASSERT-CHECK-JAVA
assert user.isAdmin() : "admin only";
// ok: ISO14971-ASSERT-CHECK-JAVA
if (!user.isAdmin()) throw new AccessDeniedException("admin only");
// ruleid: ISO14971-TODO-SECURITY
/* FIXME authentication is bypassed in demo mode */
// ruleid: ISO14971-TODO-SECURITY
 * TODO sanitize the file name
// ok: ISO14971-TODO-SECURITY
/* Authentication is enforced by the gateway (REQ-7). */
// ruleid: ISO14971-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now();
// ok: ISO14971-NAIVE-TIME-JAVA
Instant created = Instant.now();
// ok: ISO14971-NAIVE-TIME-JAVA
LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC);
