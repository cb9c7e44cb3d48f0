# Fixture (rb): annotated lines must fire or stay quiet as marked. # ok: IEC62304-UNIT-DOCUMENTED
# ruleid: IEC62304-SWALLOW-RUBY
sync rescue nil
# ruleid: IEC62304-SWALLOW-RUBY
rescue StandardError
end
# ok: IEC62304-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
# ruleid: IEC62304-TODO-SECURITY
# HACK: no input validation yet
# ok: IEC62304-TODO-SECURITY
# Validates input against the schema (REQ-5).
# ruleid: IEC62304-EVAL-RUBY
result = eval(expression)
# ok: IEC62304-EVAL-RUBY
result = Integer(expression)
# ok: IEC62304-EVAL-RUBY
result = eval("1 + 1")
# ruleid: IEC62304-NAIVE-TIME-RUBY
created = Time.now
# ok: IEC62304-NAIVE-TIME-RUBY
created = Time.now.utc
# ruleid: IEC62304-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: IEC62304-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: IEC62304-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
