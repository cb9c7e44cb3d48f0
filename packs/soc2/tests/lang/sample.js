// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
const DB_PASSWORD = "hunter2-prod-billing";
// ruleid: SOC2-HARDCODED-PASSWORD
const cfg = { user: "svc", password: 'Sup3rS3cret!' };
// ok: SOC2-HARDCODED-PASSWORD
const DB_PASSWORD = process.env.DB_PASSWORD;
// ok: SOC2-HARDCODED-PASSWORD
if (password === "letmein123") deny();
// ruleid: SOC2-AWS-KEY
const key = "AKIAUJZDE8GXD6NCF10E";
// ok: SOC2-AWS-KEY
const key = process.env.AWS_ACCESS_KEY_ID;
// ruleid: SOC2-JWT-NOVERIFY
jwt.verify(token, key, { algorithms: ["none"] });
// ok: SOC2-JWT-NOVERIFY
jwt.verify(token, key, { algorithms: ["RS256"] });
// ruleid: SOC2-MFA-OFF
const settings = { mfaEnabled: false };
// ok: SOC2-MFA-OFF
const settings = { mfaEnabled: true };
// ruleid: SOC2-SESSION-NO-EXPIRY
const sessionTimeout = 0;
// ruleid: SOC2-SESSION-NO-EXPIRY
  sessionMaxAge: null,
// ok: SOC2-SESSION-NO-EXPIRY
const sessionTimeout = 15 * 60;
// ruleid: SOC2-CORS-ANY
app.use(cors());
// ruleid: SOC2-CORS-ANY
res.setHeader("Access-Control-Allow-Origin", "*");
// ok: SOC2-CORS-ANY
app.use(cors({ origin: "https://portal.example.com" }));
// ok: SOC2-CORS-ANY
res.setHeader("Access-Control-Allow-Origin", "https://portal.example.com");
// ruleid: SOC2-HTTP-URL
const API = "http://billing.internal-corp.net/api";
// ruleid: SOC2-HTTP-URL
fetch(`http://records.hospital-net.org/${id}`);
// ok: SOC2-HTTP-URL
const API = "https://billing.internal-corp.net/api";
// ok: SOC2-HTTP-URL
const SVG_NS = "http://www.w3.org/2000/svg";
// ok: SOC2-HTTP-URL
const DEV = "http://localhost:8080";
// ruleid: SOC2-DEBUG-ON
export const DEBUG = true;
// ruleid: SOC2-DEBUG-ON
  DEBUG: true,
// ok: SOC2-DEBUG-ON
export const DEBUG = process.env.NODE_ENV !== "production";
// ruleid: SOC2-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: SOC2-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: SOC2-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: SOC2-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
