# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: GDPR-HTTP-URL
API = "http://billing.internal-corp.net/api"
# ok: GDPR-HTTP-URL
API = "https://billing.internal-corp.net/api"
# ruleid: GDPR-HARDCODED-PASSWORD
DB_PASSWORD = "hunter2-prod-billing"
# ruleid: GDPR-HARDCODED-PASSWORD
config = { password: "Sup3rS3cret!" }
# ok: GDPR-HARDCODED-PASSWORD
DB_PASSWORD = ENV.fetch("DB_PASSWORD")
