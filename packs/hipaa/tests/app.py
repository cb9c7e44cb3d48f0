"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: HIPAA-LOG-PHI
logger.info("patient %s diagnosis %s", patient_name, diagnosis)
# ok: HIPAA-LOG-PHI
logger.info("patient record %s updated", record_id)
# ruleid: HIPAA-PHI-PLAIN-FIELD
diagnosis = models.TextField()
# ok: HIPAA-PHI-PLAIN-FIELD
diagnosis = EncryptedTextField()
# ruleid: HIPAA-PII-PLAIN-FIELD
ssn = models.CharField(max_length=11)
# ok: HIPAA-PII-PLAIN-FIELD
ssn = EncryptedCharField(max_length=11)
# ruleid: HIPAA-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: HIPAA-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: HIPAA-HTTP-URL
API_URL = "http://records.hospital-partner.net/api"
# ok: HIPAA-HTTP-URL
API_URL = "https://records.hospital-partner.net/api"
# ruleid: HIPAA-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_ECB)
# ok: HIPAA-WEAK-CIPHER
cipher = AESGCM(key)
# ruleid: HIPAA-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: HIPAA-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: HIPAA-MFA-OFF
MFA_REQUIRED = False
# ok: HIPAA-MFA-OFF
MFA_REQUIRED = True
# ruleid: HIPAA-SESSION-NO-EXPIRY
SESSION_TIMEOUT = None
# ok: HIPAA-SESSION-NO-EXPIRY
SESSION_TIMEOUT = 900
# ruleid: HIPAA-AUDIT-DELETE
db.execute("DELETE FROM audit_log WHERE created < %s", cutoff)
# ok: HIPAA-AUDIT-DELETE
db.execute("INSERT INTO audit_log (event, actor) VALUES (%s, %s)", (ev, who))
# ruleid: HIPAA-SQL-CONCAT
cur.execute(f"SELECT * FROM patients WHERE id = {pid}")
# ok: HIPAA-SQL-CONCAT
cur.execute("SELECT * FROM patients WHERE id = %s", (pid,))
