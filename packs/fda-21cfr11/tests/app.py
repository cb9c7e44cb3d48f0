"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: CFR11-AUDIT-DELETE
db.execute("DELETE FROM audit_log WHERE created < %s", cutoff)
# ok: CFR11-AUDIT-DELETE
db.execute("INSERT INTO audit_log (event, actor) VALUES (%s, %s)", (ev, who))
# ruleid: CFR11-CLIENT-TIME
record.signed_at = request.json["signed_at"]
# ok: CFR11-CLIENT-TIME
record.signed_at = datetime.now(timezone.utc)
# ruleid: CFR11-NAIVE-TIME
created = datetime.now()
# ok: CFR11-NAIVE-TIME
created = datetime.now(timezone.utc)
# ruleid: CFR11-HARDCODED-PASSWORD
DB_PASSWORD = "Sup3rS3cret!"
# ok: CFR11-HARDCODED-PASSWORD
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: CFR11-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: CFR11-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: CFR11-SESSION-NO-EXPIRY
SESSION_TIMEOUT = None
# ok: CFR11-SESSION-NO-EXPIRY
SESSION_TIMEOUT = 900
# ruleid: CFR11-SWALLOW
except Exception: pass
# ok: CFR11-SWALLOW
except Exception: logger.exception("sync failed")
