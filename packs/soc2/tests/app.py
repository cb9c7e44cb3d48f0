"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: SOC2-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: SOC2-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: SOC2-AWS-KEY
AWS_KEY = "AKIAUJZDE8GXD6NCF10E"
# ok: SOC2-AWS-KEY
AWS_KEY = os.environ["AWS_ACCESS_KEY_ID"]
# ok: SOC2-AWS-KEY
AWS_DOC_KEY = "AKIAIOSFODNN7EXAMPLE"
# ruleid: SOC2-JWT-NOVERIFY
claims = jwt.decode(token, options={"verify_signature": False})
# ok: SOC2-JWT-NOVERIFY
claims = jwt.decode(token, key, algorithms=["RS256"])
# ruleid: SOC2-MFA-OFF
MFA_REQUIRED = False
# ok: SOC2-MFA-OFF
MFA_REQUIRED = True
# ruleid: SOC2-SESSION-NO-EXPIRY
SESSION_TIMEOUT = None
# ok: SOC2-SESSION-NO-EXPIRY
SESSION_TIMEOUT = 900
# ruleid: SOC2-CORS-ANY
CORS(app)
# ok: SOC2-CORS-ANY
CORS(app, origins=["https://portal.example.org"])
# ruleid: SOC2-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: SOC2-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: SOC2-HTTP-URL
API_URL = "http://records.hospital-partner.net/api"
# ok: SOC2-HTTP-URL
API_URL = "https://records.hospital-partner.net/api"
# ruleid: SOC2-SQL-CONCAT
cur.execute(f"SELECT * FROM patients WHERE id = {pid}")
# ok: SOC2-SQL-CONCAT
cur.execute("SELECT * FROM patients WHERE id = %s", (pid,))
# ruleid: SOC2-DEBUG-ON
DEBUG = True
# ok: SOC2-DEBUG-ON
DEBUG = os.environ.get("DEBUG") == "1"
# ruleid: SOC2-SWALLOW
except Exception: pass
# ok: SOC2-SWALLOW
except Exception: logger.exception("sync failed")
