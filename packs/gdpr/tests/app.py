"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: GDPR-LOG-PII
logger.info("signup %s %s", email, phone_number)
# ok: GDPR-LOG-PII
logger.info("signup user_id=%s", user_id)
# ruleid: GDPR-IP-LOG
logger.info("login from %s", request.remote_addr)
# ok: GDPR-IP-LOG
logger.info("login user_id=%s", user_id)
# ruleid: GDPR-PII-PLAIN-FIELD
ssn = models.CharField(max_length=11)
# ok: GDPR-PII-PLAIN-FIELD
ssn = EncryptedCharField(max_length=11)
# ruleid: GDPR-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: GDPR-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: GDPR-HTTP-URL
API_URL = "http://records.hospital-partner.net/api"
# ok: GDPR-HTTP-URL
API_URL = "https://records.hospital-partner.net/api"
# ruleid: GDPR-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_ECB)
# ok: GDPR-WEAK-CIPHER
cipher = AESGCM(key)
# ruleid: GDPR-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: GDPR-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
