// Fixture (cs): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-CS
try { Sync(); } catch { }
// ruleid: ISO14971-SWALLOW-CS
try { Sync(); } catch (Exception) {}
// ok: ISO14971-SWALLOW-CS
try { Sync(); } catch (Exception ex) { _logger.LogError(ex, "sync failed"); }
// ruleid: ISO14971-ASSERT-CHECK-CS
Debug.Assert(user.IsAuthenticated);
// ok: ISO14971-ASSERT-CHECK-CS
if (!user.IsAuthenticated) throw new UnauthorizedAccessException();
// ruleid: ISO14971-TODO-SECURITY
// TODO encrypt the export
// ok: ISO14971-TODO-SECURITY
// Encrypts the export with the release key (REQ-6).
// ruleid: ISO14971-NAIVE-TIME-CS
var created = DateTime.Now;
// ok: ISO14971-NAIVE-TIME-CS
var created = DateTime.UtcNow;
// ok: ISO14971-NAIVE-TIME-CS
var created = DateTimeOffset.Now;
