# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: PCI-HTTP-URL
API = "http://billing.internal-corp.net/api"
# ok: PCI-HTTP-URL
API = "https://billing.internal-corp.net/api"
# ruleid: PCI-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: PCI-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: PCI-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: PCI-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: PCI-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: PCI-MFA-OFF
config.otp_required = false
# ok: PCI-MFA-OFF
config.otp_required = true
# ruleid: PCI-SESSION-NO-EXPIRY
SESSION_EXPIRY = nil
# ok: PCI-SESSION-NO-EXPIRY
SESSION_EXPIRY = 30.minutes
# ruleid: PCI-SWALLOW-RUBY
sync rescue nil
# ruleid: PCI-SWALLOW-RUBY
rescue StandardError
end
# ok: PCI-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
