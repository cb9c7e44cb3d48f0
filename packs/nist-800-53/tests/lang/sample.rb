# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: NIST53-SESSION-NO-EXPIRY
SESSION_EXPIRY = nil
# ok: NIST53-SESSION-NO-EXPIRY
SESSION_EXPIRY = 30.minutes
# ruleid: NIST53-CORS-ANY
headers["Access-Control-Allow-Origin"] = "*"
# ok: NIST53-CORS-ANY
headers["Access-Control-Allow-Origin"] = "https://portal.example.com"
# ruleid: NIST53-SWALLOW-RUBY
sync rescue nil
# ruleid: NIST53-SWALLOW-RUBY
rescue StandardError
end
# ok: NIST53-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
# ruleid: NIST53-NAIVE-TIME-RUBY
created = Time.now
# ok: NIST53-NAIVE-TIME-RUBY
created = Time.now.utc
# ruleid: NIST53-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: NIST53-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: NIST53-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: NIST53-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: NIST53-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: NIST53-MFA-OFF
config.otp_required = false
# ok: NIST53-MFA-OFF
config.otp_required = true
# ruleid: NIST53-HTTP-URL
API = "http://billing.internal-corp.net/api"
# ok: NIST53-HTTP-URL
API = "https://billing.internal-corp.net/api"
