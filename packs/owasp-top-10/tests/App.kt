// ruleid: OWASP-A10-KT-REQUEST-URL
val conn = URL(call.request.queryParameters["url"]).openConnection()
// ok: OWASP-A10-KT-REQUEST-URL
val conn = URL(config.upstream).openConnection()
