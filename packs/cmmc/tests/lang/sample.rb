# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: CMMC-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: CMMC-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: CMMC-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: CMMC-MFA-OFF
config.otp_required = false
# ok: CMMC-MFA-OFF
config.otp_required = true
# ruleid: CMMC-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: CMMC-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: CMMC-SESSION-NO-EXPIRY
SESSION_EXPIRY = nil
# ok: CMMC-SESSION-NO-EXPIRY
SESSION_EXPIRY = 30.minutes
