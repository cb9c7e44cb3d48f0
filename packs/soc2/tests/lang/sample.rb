# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: SOC2-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: SOC2-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: SOC2-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: SOC2-MFA-OFF
config.otp_required = false
# ok: SOC2-MFA-OFF
config.otp_required = true
# ruleid: SOC2-SESSION-NO-EXPIRY
SESSION_EXPIRY = nil
# ok: SOC2-SESSION-NO-EXPIRY
SESSION_EXPIRY = 30.minutes
# ruleid: SOC2-CORS-ANY
headers["Access-Control-Allow-Origin"] = "*"
# ok: SOC2-CORS-ANY
headers["Access-Control-Allow-Origin"] = "https://portal.example.com"
# ruleid: SOC2-HTTP-URL
API = "http://billing.internal-corp.net/api"
# ok: SOC2-HTTP-URL
API = "https://billing.internal-corp.net/api"
# ruleid: SOC2-DEBUG-ON
DEBUG = true
# ok: SOC2-DEBUG-ON
DEBUG = ENV["DEBUG"] == "1"
# ruleid: SOC2-SWALLOW-RUBY
sync rescue nil
# ruleid: SOC2-SWALLOW-RUBY
rescue StandardError
end
# ok: SOC2-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
