// Fixture (java): annotated lines must fire or stay quiet as marked.
// ruleid: SOC2-HARDCODED-PASSWORD
private static final String DB_PASSWORD = "hunter2-prod-billing";
// ok: SOC2-HARDCODED-PASSWORD
private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
// ok: SOC2-HARDCODED-PASSWORD
if (password.equals("changeme1")) {
// ruleid: SOC2-AWS-KEY
String key = "AKIAUJZDE8GXD6NCF10E";
// ok: SOC2-AWS-KEY
String key = System.getenv("AWS_ACCESS_KEY_ID");
// ruleid: SOC2-JWT-NOVERIFY
JWTVerifier verifier = JWT.require(Algorithm.none()).build();
// ok: SOC2-JWT-NOVERIFY
JWTVerifier verifier = JWT.require(Algorithm.RSA256(publicKey, null)).build();
// ruleid: SOC2-MFA-OFF
private boolean mfaRequired = false;
// ruleid: SOC2-MFA-OFF
policy.setMfaEnforced(false);
// ok: SOC2-MFA-OFF
private boolean mfaRequired = true;
// ok: SOC2-MFA-OFF
policy.setMfaEnforced(true);
// ruleid: SOC2-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(-1);
// ruleid: SOC2-SESSION-NO-EXPIRY
private int sessionTimeoutMinutes = 0;
// ok: SOC2-SESSION-NO-EXPIRY
session.setMaxInactiveInterval(900);
// ruleid: SOC2-CORS-ANY
@CrossOrigin
// ruleid: SOC2-CORS-ANY
@CrossOrigin(origins = "*")
// ruleid: SOC2-CORS-ANY
registry.addMapping("/**").allowedOrigins("*");
// ok: SOC2-CORS-ANY
@CrossOrigin(origins = "https://portal.example.com")
// ok: SOC2-CORS-ANY
registry.addMapping("/**").allowedOrigins("https://portal.example.com");
// ruleid: SOC2-HTTP-URL
URL api = new URL("http://billing.internal-corp.net/api");
// ok: SOC2-HTTP-URL
URL api = new URL("https://billing.internal-corp.net/api");
// ruleid: SOC2-DEBUG-ON
public static final boolean DEBUG = true;
// ok: SOC2-DEBUG-ON
public static final boolean DEBUG = false;
// ruleid: SOC2-SWALLOW-JAVA
try { sync(); } catch (IOException e) {}
// ruleid: SOC2-SWALLOW-JAVA
} catch (Exception e) {
}
// ok: SOC2-SWALLOW-JAVA
try { sync(); } catch (IOException e) { log.error("sync failed", e); }
