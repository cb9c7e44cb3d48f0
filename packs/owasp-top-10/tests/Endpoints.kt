// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
// val old = "http://api.payments-provider.com/v1"
// ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
const val API = "http://api.payments-provider.com/v1"
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const val SECURE = "https://api.payments-provider.com/v1"
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const val SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"

fun run() {
    // ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
    val conn = URL("http://feeds.partner-news.net/rss").openConnection()
}

fun quiet() {
    // ok: OWASP-A09-EMPTY-CATCH
    try { run() } catch (e: IOException) {}
    // ruleid: OWASP-A09-EMPTY-CATCH
    try { run() } catch (e: Throwable) {}
    // ok: OWASP-A09-EMPTY-CATCH
    try { run() } catch (e: IOException) { log.warn("read", e) }
    // ok: OWASP-A09-EMPTY-CATCH
    val s = "catch (e: Exception) {}"
}

fun check(user: User, password: String, call: ApplicationCall): Boolean {
    // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if (password == "trustno1") return true
    // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if (user.password.equals("trustno1")) return true
    // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if (hasher.verify(user.hash, password)) return true
    // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    val hint = "password == \"trustno1\""
    // ruleid: OWASP-A05-CORS-WILDCARD-HEADER
    call.response.header("Access-Control-Allow-Origin", "*")
    // ok: OWASP-A05-CORS-WILDCARD-HEADER
    call.response.header("Access-Control-Allow-Origin", allowedOrigin)
    // ok: OWASP-A05-CORS-WILDCARD-HEADER
    // call.response.header("Access-Control-Allow-Origin", "*")
    return false
}
