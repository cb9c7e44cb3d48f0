# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: IEC81001-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: IEC81001-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: IEC81001-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
# ruleid: IEC81001-EVAL-RUBY
result = eval(expression)
# ok: IEC81001-EVAL-RUBY
result = Integer(expression)
# ok: IEC81001-EVAL-RUBY
result = eval("1 + 1")
