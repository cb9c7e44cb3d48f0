fun Route.fetch() {
    get("/proxy") {
        // ruleid: OWASP-A10-KT-REQUEST-URL
        val conn = URL(call.request.queryParameters["url"]).openConnection()
        // ok: OWASP-A10-KT-REQUEST-URL
        val conn = URL(config.upstream).openConnection()
        // ruleid: OWASP-A10-KT-REQUEST-URL
        val target = URL(call.parameters["target"])
        // ok: OWASP-A10-KT-REQUEST-URL
        val fixed = URL("https://api.partner.com/v1")
        // ok: OWASP-A10-KT-REQUEST-URL
        val note = "URL(call.request.queryParameters[\"url\"])"
        // ok: OWASP-A10-KT-REQUEST-URL
        // val conn = URL(call.request.queryParameters["url"]).openConnection()
    }
}

fun legacy(request: HttpServletRequest) {
    // ruleid: OWASP-A10-KT-REQUEST-URL
    val u = URL(request.getParameter("u"))
}
