"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: CMMC-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: CMMC-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: CMMC-MFA-OFF
MFA_REQUIRED = False
# ok: CMMC-MFA-OFF
MFA_REQUIRED = True
# ruleid: CMMC-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: CMMC-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: CMMC-SESSION-NO-EXPIRY
SESSION_TIMEOUT = None
# ok: CMMC-SESSION-NO-EXPIRY
SESSION_TIMEOUT = 900
# ruleid: CMMC-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: CMMC-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: CMMC-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_ECB)
# ok: CMMC-WEAK-CIPHER
cipher = AESGCM(key)
# ruleid: CMMC-AUDIT-DELETE
db.execute("DELETE FROM audit_log WHERE created < %s", cutoff)
# ok: CMMC-AUDIT-DELETE
db.execute("INSERT INTO audit_log (event, actor) VALUES (%s, %s)", (ev, who))
