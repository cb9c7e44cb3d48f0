package com.example.app.web

import io.ktor.http.Cookie
import jakarta.servlet.http.Cookie as ServletCookie

fun Route.session() {
    post("/login") {
        // ruleid: KT-COOKIE-NO-FLAGS
        call.response.cookies.append("session", token)
        // ruleid: KT-COOKIE-INSECURE, KT-COOKIE-NO-FLAGS
        call.response.cookies.append("remember", token, secure = false, httpOnly = true)
        // ok: KT-COOKIE-NO-FLAGS
        call.response.cookies.append("sid", token, secure = true, httpOnly = true, extensions = mapOf("SameSite" to "Strict"))
        // ok: KT-COOKIE-NO-FLAGS
        list.append("a", "b")
        // ok: KT-COOKIE-NO-FLAGS
        val hint = "cookies.append(\"session\", token)"
        // ok: KT-COOKIE-NO-FLAGS
        // call.response.cookies.append("session", token)
    }
}

class CookieController {
    fun issue(response: HttpServletResponse, id: String) {
        // ruleid: KT-COOKIE-NO-FLAGS
        val cookie = jakarta.servlet.http.Cookie("sid", id)
        // ruleid: KT-COOKIE-INSECURE
        cookie.isSecure = false
        cookie.isHttpOnly = true
        response.addCookie(cookie)
    }

    fun legacy(response: HttpServletResponse, id: String) {
        // ruleid: KT-COOKIE-NO-FLAGS
        val cookie = Cookie("legacy", id)
        // ruleid: KT-COOKIE-INSECURE
        cookie.setHttpOnly(false)
        response.addCookie(cookie)
    }

    fun hardened(response: HttpServletResponse, id: String) {
        // ok: KT-COOKIE-NO-FLAGS
        val cookie = Cookie("sid", id)
        // ok: KT-COOKIE-INSECURE
        cookie.isSecure = true
        cookie.isHttpOnly = true
        response.addCookie(cookie)
    }

    fun ktor(id: String) = listOf(
        // ok: KT-COOKIE-NO-FLAGS
        Cookie("sid", id, secure = true, httpOnly = true),
    )

    fun spring(id: String): ResponseCookie {
        // ruleid: KT-COOKIE-INSECURE
        return ResponseCookie.from("sid", id).secure(false).httpOnly(true).build()
    }

    fun notCookies() {
        // ok: KT-COOKIE-INSECURE
        if (cookie.isSecure == false) log("insecure cookie")
        // ok: KT-COOKIE-INSECURE
        val text = "cookie.isSecure = false is rejected"
        // ok: KT-COOKIE-INSECURE
        // cookie.setSecure(false)
        // ok: KT-COOKIE-INSECURE
        cookie.isHttpOnly = true
    }
}

fun Application.sessions() {
    install(Sessions) {
        cookie<UserSession>("user_session") {
            // ruleid: KT-COOKIE-INSECURE
            cookie.secure = false
            // ok: KT-COOKIE-INSECURE
            cookie.httpOnly = true
        }
    }
    // ok: KT-COOKIE-INSECURE
    val client = connect("db.internal", secure = false)
    // ok: KT-COOKIE-INSECURE
    transport.secure = false
}
