# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
# API = "http://api.payments-provider.com/v1"
# ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
API = "http://api.payments-provider.com/v1"
# ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
FEED = 'http://feeds.partner-news.net/rss'
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
SECURE = "https://api.payments-provider.com/v1"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
doc.root.add_namespace("xmlns", "http://billing.vendor-corp.com/invoice")
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
ATOM_NS = "http://www.w3.org/2005/Atom"
# ruleid: OWASP-A07-WEAK-BCRYPT-COST-RB
hash = BCrypt::Password.create(password, cost: 6)
# ok: OWASP-A07-WEAK-BCRYPT-COST-RB
hash = BCrypt::Password.create(password, cost: 12)
# ok: OWASP-A07-WEAK-BCRYPT-COST-RB
item = Item.create(name: "widget", cost: 5)
# ok: OWASP-A07-WEAK-BCRYPT-COST-RB
note = "BCrypt::Password.create(password, cost: 6)"
def check(user, password)
  # ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
  return true if password == "opensesame"
  # ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
  return true if @passwd == 'opensesame'
  # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  return true if user.authenticate(password)
  # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  hint = 'password == "opensesame"'
  # ruleid: OWASP-A05-CORS-WILDCARD-HEADER
  response.set_header("Access-Control-Allow-Origin", "*")
  # ok: OWASP-A05-CORS-WILDCARD-HEADER
  response.set_header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
  # ok: OWASP-A05-CORS-WILDCARD-HEADER
  # response.set_header("Access-Control-Allow-Origin", "*")
end
