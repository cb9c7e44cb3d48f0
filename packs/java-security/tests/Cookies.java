package com.example.shop.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

public class Cookies {
    void remember(HttpServletResponse response, String token) {
        // ruleid: JAVA-INSECURE-COOKIE
        Cookie cookie = new Cookie("remember", token);
        cookie.setPath("/");
        response.addCookie(cookie);
    }

    void session(HttpServletResponse response, String id) {
        // ruleid: JAVA-INSECURE-COOKIE
        Cookie cookie = new Cookie("SESSION", id);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    void inline(HttpServletResponse response, String id) {
        if (id != null) {
            // ruleid: JAVA-INSECURE-COOKIE
            response.addCookie(new jakarta.servlet.http.Cookie("lang", id));
        }
    }

    void hardened(HttpServletResponse response, String token) {
        // ok: JAVA-INSECURE-COOKIE
        Cookie cookie = new Cookie("remember", token);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        response.addCookie(cookie);
    }

    void turnedOff(HttpServletResponse response, String token) {
        // ruleid: JAVA-INSECURE-COOKIE
        Cookie cookie = new Cookie("remember", token);
        cookie.setSecure(false);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    // ok: JAVA-INSECURE-COOKIE
    Cookie Cookie(String name) { return null; }

    void mentions(HttpServletResponse response) {
        // ok: JAVA-INSECURE-COOKIE
        String doc = "new Cookie(name, value) must be Secure and HttpOnly";
        // ok: JAVA-INSECURE-COOKIE
        // response.addCookie(new Cookie("debug", "1"));
        // ok: JAVA-INSECURE-COOKIE
        javax.ws.rs.core.Cookie jaxrs = new javax.ws.rs.core.Cookie("lang", "en");
    }
}
