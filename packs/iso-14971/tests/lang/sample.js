// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: ISO14971-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: ISO14971-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: ISO14971-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
// ruleid: ISO14971-ASSERT-CHECK-JS
console.assert(user.isAdmin, "admin only");
// ok: ISO14971-ASSERT-CHECK-JS
if (!user.isAdmin) throw new Error("admin only");
// ruleid: ISO14971-TODO-SECURITY
// TODO: validate the token signature before trusting it
// ok: ISO14971-TODO-SECURITY
// Validates the token signature before trusting it (REQ-12).
// ruleid: ISO14971-NAIVE-TIME-JS
const stamp = new Date().toLocaleString();
// ok: ISO14971-NAIVE-TIME-JS
const stamp = new Date().toISOString();
