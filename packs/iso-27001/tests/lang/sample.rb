# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: ISO27001-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: ISO27001-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: ISO27001-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: ISO27001-MFA-OFF
config.otp_required = false
# ok: ISO27001-MFA-OFF
config.otp_required = true
# ruleid: ISO27001-SESSION-NO-EXPIRY
SESSION_EXPIRY = nil
# ok: ISO27001-SESSION-NO-EXPIRY
SESSION_EXPIRY = 30.minutes
# ruleid: ISO27001-HTTP-URL
API = "http://billing.internal-corp.net/api"
# ok: ISO27001-HTTP-URL
API = "https://billing.internal-corp.net/api"
# ruleid: ISO27001-SWALLOW-RUBY
sync rescue nil
# ruleid: ISO27001-SWALLOW-RUBY
rescue StandardError
end
# ok: ISO27001-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
# ruleid: ISO27001-DEBUG-ON
DEBUG = true
# ok: ISO27001-DEBUG-ON
DEBUG = ENV["DEBUG"] == "1"
