// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: PCI-PAN-LITERAL
const testCard = "4111 1111 1111 1111";
// ok: PCI-PAN-LITERAL
const maskedCard = "**** **** **** 1111";
// ruleid: PCI-CVV-STORE
order.cvv = req.body.cvv;
// ok: PCI-CVV-STORE
if (order.cvv === undefined) reject();
// ruleid: PCI-LOG-CARD
console.log("charging card", cardNumber);
// ok: PCI-LOG-CARD
console.log("charging card ending", last4);
// ruleid: PCI-HTTP-URL
const API = "http://billing.internal-corp.net/api";
// ruleid: PCI-HTTP-URL
fetch(`http://records.hospital-net.org/${id}`);
// ok: PCI-HTTP-URL
const API = "https://billing.internal-corp.net/api";
// ok: PCI-HTTP-URL
const SVG_NS = "http://www.w3.org/2000/svg";
// ok: PCI-HTTP-URL
const DEV = "http://localhost:8080";
// ruleid: PCI-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: PCI-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: PCI-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: PCI-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: PCI-PASSWORD-MIN
const policy = { minPasswordLength: 6 };
// ok: PCI-PASSWORD-MIN
const policy = { minPasswordLength: 12 };
// ruleid: PCI-MFA-OFF
const settings = { mfaEnabled: false };
// ok: PCI-MFA-OFF
const settings = { mfaEnabled: true };
// ruleid: PCI-SESSION-NO-EXPIRY
const sessionTimeout = 0;
// ruleid: PCI-SESSION-NO-EXPIRY
  sessionMaxAge: null,
// ok: PCI-SESSION-NO-EXPIRY
const sessionTimeout = 15 * 60;
// ruleid: PCI-RANDOM-SECRET-JS
const resetToken = Math.random().toString(36).slice(2);
// ok: PCI-RANDOM-SECRET-JS
const resetToken = crypto.randomBytes(32).toString("hex");
// ruleid: PCI-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: PCI-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: PCI-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: PCI-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
