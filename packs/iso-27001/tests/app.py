"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: ISO27001-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: ISO27001-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: ISO27001-AWS-KEY
AWS_KEY = "AKIAUJZDE8GXD6NCF10E"
# ok: ISO27001-AWS-KEY
AWS_KEY = os.environ["AWS_ACCESS_KEY_ID"]
# ruleid: ISO27001-MFA-OFF
MFA_REQUIRED = False
# ok: ISO27001-MFA-OFF
MFA_REQUIRED = True
# ruleid: ISO27001-SESSION-NO-EXPIRY
SESSION_TIMEOUT = None
# ok: ISO27001-SESSION-NO-EXPIRY
SESSION_TIMEOUT = 900
# ruleid: ISO27001-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_ECB)
# ok: ISO27001-WEAK-CIPHER
cipher = AESGCM(key)
# ruleid: ISO27001-WEAK-HASH
digest = hashlib.md5(payload).hexdigest()
# ok: ISO27001-WEAK-HASH
digest = hashlib.sha256(payload).hexdigest()
# ruleid: ISO27001-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: ISO27001-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: ISO27001-HTTP-URL
API_URL = "http://records.hospital-partner.net/api"
# ok: ISO27001-HTTP-URL
API_URL = "https://records.hospital-partner.net/api"
# ruleid: ISO27001-SWALLOW
except Exception: pass
# ok: ISO27001-SWALLOW
except Exception: logger.exception("sync failed")
# ruleid: ISO27001-AUDIT-DELETE
db.execute("DELETE FROM audit_log WHERE created < %s", cutoff)
# ok: ISO27001-AUDIT-DELETE
db.execute("INSERT INTO audit_log (event, actor) VALUES (%s, %s)", (ev, who))
# ruleid: ISO27001-DEBUG-ON
DEBUG = True
# ok: ISO27001-DEBUG-ON
DEBUG = os.environ.get("DEBUG") == "1"
# ruleid: ISO27001-SQL-CONCAT
cur.execute(f"SELECT * FROM patients WHERE id = {pid}")
# ok: ISO27001-SQL-CONCAT
cur.execute("SELECT * FROM patients WHERE id = %s", (pid,))
# ruleid: ISO27001-EVAL
result = eval(expression)
# ok: ISO27001-EVAL
result = ast.literal_eval(expression)
