# Fixture (rb): annotated lines must fire or stay quiet as marked. # ok: CFR11-UNIT-DOCUMENTED
# ruleid: CFR11-NAIVE-TIME-RUBY
created = Time.now
# ok: CFR11-NAIVE-TIME-RUBY
created = Time.now.utc
# ruleid: CFR11-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: CFR11-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: CFR11-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: CFR11-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 6
# ok: CFR11-PASSWORD-MIN
PASSWORD_MIN_LENGTH = 12
# ruleid: CFR11-SESSION-NO-EXPIRY
SESSION_EXPIRY = nil
# ok: CFR11-SESSION-NO-EXPIRY
SESSION_EXPIRY = 30.minutes
# ruleid: CFR11-SWALLOW-RUBY
sync rescue nil
# ruleid: CFR11-SWALLOW-RUBY
rescue StandardError
end
# ok: CFR11-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
