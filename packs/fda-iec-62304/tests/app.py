"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: IEC62304-SWALLOW
except Exception: pass
# ok: IEC62304-SWALLOW
except Exception: logger.exception("sync failed")
# ruleid: IEC62304-TODO-SECURITY
# TODO: validate the signature before trusting it
# ok: IEC62304-TODO-SECURITY
# Validates the signature before trusting it (REQ-12).
# ruleid: IEC62304-ASSERT-CHECK
assert user.is_authenticated
# ok: IEC62304-ASSERT-CHECK
if not user.is_authenticated: raise PermissionDenied()
# ruleid: IEC62304-EVAL
result = eval(expression)
# ok: IEC62304-EVAL
result = ast.literal_eval(expression)
# ruleid: IEC62304-SQL-CONCAT
cur.execute(f"SELECT * FROM patients WHERE id = {pid}")
# ok: IEC62304-SQL-CONCAT
cur.execute("SELECT * FROM patients WHERE id = %s", (pid,))
# ruleid: IEC62304-NAIVE-TIME
created = datetime.now()
# ok: IEC62304-NAIVE-TIME
created = datetime.now(timezone.utc)
# ruleid: IEC62304-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: IEC62304-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: IEC62304-TLS-OFF
resp = requests.post(url, json=body, verify=False)
# ok: IEC62304-TLS-OFF
resp = requests.post(url, json=body, verify=CA_BUNDLE)
# ruleid: IEC62304-LOG-PHI
logger.info("patient %s diagnosis %s", patient_name, diagnosis)
# ok: IEC62304-LOG-PHI
logger.info("patient record %s updated", record_id)
