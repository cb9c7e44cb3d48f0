"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: IEC81001-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: IEC81001-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: IEC81001-AWS-KEY
AWS_KEY = "AKIAUJZDE8GXD6NCF10E"
# ok: IEC81001-AWS-KEY
AWS_KEY = os.environ["AWS_ACCESS_KEY_ID"]
# ruleid: IEC81001-SQL-CONCAT
cur.execute(f"SELECT * FROM patients WHERE id = {pid}")
# ok: IEC81001-SQL-CONCAT
cur.execute("SELECT * FROM patients WHERE id = %s", (pid,))
# ruleid: IEC81001-EVAL
result = eval(expression)
# ok: IEC81001-EVAL
result = ast.literal_eval(expression)
# ruleid: IEC81001-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: IEC81001-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: IEC81001-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_ECB)
# ok: IEC81001-WEAK-CIPHER
cipher = AESGCM(key)
