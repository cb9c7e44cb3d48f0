# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: HIPAA-HTTP-URL
API = "http://billing.internal-corp.net/api"
# ok: HIPAA-HTTP-URL
API = "https://billing.internal-corp.net/api"
# ruleid: HIPAA-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: HIPAA-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: HIPAA-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: HIPAA-MFA-OFF
config.otp_required = false
# ok: HIPAA-MFA-OFF
config.otp_required = true
# ruleid: HIPAA-SESSION-NO-EXPIRY
SESSION_EXPIRY = nil
# ok: HIPAA-SESSION-NO-EXPIRY
SESSION_EXPIRY = 30.minutes
