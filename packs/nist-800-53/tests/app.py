"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: NIST53-SESSION-NO-EXPIRY
SESSION_TIMEOUT = None
# ok: NIST53-SESSION-NO-EXPIRY
SESSION_TIMEOUT = 900
# ruleid: NIST53-CORS-ANY
CORS(app)
# ok: NIST53-CORS-ANY
CORS(app, origins=["https://portal.example.org"])
# ruleid: NIST53-AUDIT-DELETE
db.execute("DELETE FROM audit_log WHERE created < %s", cutoff)
# ok: NIST53-AUDIT-DELETE
db.execute("INSERT INTO audit_log (event, actor) VALUES (%s, %s)", (ev, who))
# ruleid: NIST53-SWALLOW
except Exception: pass
# ok: NIST53-SWALLOW
except Exception: logger.exception("sync failed")
# ruleid: NIST53-NAIVE-TIME
created = datetime.now()
# ok: NIST53-NAIVE-TIME
created = datetime.now(timezone.utc)
# ruleid: NIST53-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: NIST53-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: NIST53-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: NIST53-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: NIST53-MFA-OFF
MFA_REQUIRED = False
# ok: NIST53-MFA-OFF
MFA_REQUIRED = True
# ruleid: NIST53-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: NIST53-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: NIST53-HTTP-URL
API_URL = "http://records.hospital-partner.net/api"
# ok: NIST53-HTTP-URL
API_URL = "https://records.hospital-partner.net/api"
# ruleid: NIST53-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_ECB)
# ok: NIST53-WEAK-CIPHER
cipher = AESGCM(key)
# ruleid: NIST53-RANDOM-SECRET
reset_code = random.randint(100000, 999999)
# ok: NIST53-RANDOM-SECRET
reset_code = secrets.randbelow(900000) + 100000
# ruleid: NIST53-SQL-CONCAT
cur.execute(f"SELECT * FROM patients WHERE id = {pid}")
# ok: NIST53-SQL-CONCAT
cur.execute("SELECT * FROM patients WHERE id = %s", (pid,))
# ruleid: NIST53-EVAL
result = eval(expression)
# ok: NIST53-EVAL
result = ast.literal_eval(expression)
