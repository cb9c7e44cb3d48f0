# ruleid: OWASP-A05-RB-LOCAL-REQUESTS
config.consider_all_requests_local = true
# ok: OWASP-A05-RB-LOCAL-REQUESTS
config.consider_all_requests_local = false
