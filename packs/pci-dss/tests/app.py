"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: PCI-PAN-LITERAL
TEST_CARD = "4111 1111 1111 1111"
# ok: PCI-PAN-LITERAL
MASKED = "4111 **** **** 1111"
# ruleid: PCI-CVV-STORE
order.cvv = form_data["security_code"]
# ok: PCI-CVV-STORE
order.card_last4 = form_data["last4"]
# ruleid: PCI-LOG-CARD
logger.info("charging card %s", card_number)
# ok: PCI-LOG-CARD
logger.info("charging card ending %s", last4)
# ruleid: PCI-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_ECB)
# ok: PCI-WEAK-CIPHER
cipher = AESGCM(key)
# ruleid: PCI-WEAK-HASH
digest = hashlib.md5(payload).hexdigest()
# ok: PCI-WEAK-HASH
digest = hashlib.sha256(payload).hexdigest()
# ruleid: PCI-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: PCI-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: PCI-HTTP-URL
API_URL = "http://records.hospital-partner.net/api"
# ok: PCI-HTTP-URL
API_URL = "https://records.hospital-partner.net/api"
# ruleid: PCI-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: PCI-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: PCI-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: PCI-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: PCI-MFA-OFF
MFA_REQUIRED = False
# ok: PCI-MFA-OFF
MFA_REQUIRED = True
# ruleid: PCI-SESSION-NO-EXPIRY
SESSION_TIMEOUT = None
# ok: PCI-SESSION-NO-EXPIRY
SESSION_TIMEOUT = 900
# ruleid: PCI-SQL-CONCAT
cur.execute(f"SELECT * FROM patients WHERE id = {pid}")
# ok: PCI-SQL-CONCAT
cur.execute("SELECT * FROM patients WHERE id = %s", (pid,))
# ruleid: PCI-EVAL
result = eval(expression)
# ok: PCI-EVAL
result = ast.literal_eval(expression)
# ruleid: PCI-SWALLOW
except Exception: pass
# ok: PCI-SWALLOW
except Exception: logger.exception("sync failed")
# ruleid: PCI-RANDOM-SECRET
reset_code = random.randint(100000, 999999)
# ok: PCI-RANDOM-SECRET
reset_code = secrets.randbelow(900000) + 100000
