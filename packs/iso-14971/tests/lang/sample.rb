# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: ISO14971-SWALLOW-RUBY
sync rescue nil
# ruleid: ISO14971-SWALLOW-RUBY
rescue StandardError
end
# ok: ISO14971-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
# ruleid: ISO14971-TODO-SECURITY
# HACK: no input validation yet
# ok: ISO14971-TODO-SECURITY
# Validates input against the schema (REQ-5).
# ruleid: ISO14971-NAIVE-TIME-RUBY
created = Time.now
# ok: ISO14971-NAIVE-TIME-RUBY
created = Time.now.utc
