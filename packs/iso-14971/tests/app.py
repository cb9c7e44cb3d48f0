"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: ISO14971-SWALLOW
except Exception: pass
# ok: ISO14971-SWALLOW
except Exception: logger.exception("sync failed")
# ruleid: ISO14971-ASSERT-CHECK
assert user.is_authenticated
# ok: ISO14971-ASSERT-CHECK
if not user.is_authenticated: raise PermissionDenied()
# ruleid: ISO14971-TODO-SECURITY
# TODO: validate the signature before trusting it
# ok: ISO14971-TODO-SECURITY
# Validates the signature before trusting it (REQ-12).
# ruleid: ISO14971-NAIVE-TIME
created = datetime.now()
# ok: ISO14971-NAIVE-TIME
created = datetime.now(timezone.utc)
