package com.example.shop.web;

import java.io.IOException;
import java.util.logging.Level;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

// Log injection (JAVA-LOG-INJECTION): request data written to a log without its line
// breaks removed. Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/login")
public class TaintLogInjection extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(TaintLogInjection.class);
    private static final java.util.logging.Logger log = java.util.logging.Logger.getLogger("audit");
    private final Logger logger = LoggerFactory.getLogger(TaintLogInjection.class);

    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String user = request.getParameter("user");
        if (user == null) user = "";
        String agent = request.getHeader("User-Agent");

        String message = "Failed login for " + user;
        // ruleid: JAVA-LOG-INJECTION
        LOGGER.warn(message);
        // ruleid: JAVA-LOG-INJECTION
        LOGGER.warn("Failed login for {} from {}", user, request.getRemoteAddr());
        // ruleid: JAVA-LOG-INJECTION
        this.logger.info("agent: " + agent);
        // ruleid: JAVA-LOG-INJECTION
        log.log(Level.INFO, "login attempt by " + user);
        // ok: JAVA-LOG-INJECTION
        log.log(Level.INFO, "login attempt from " + request.getRemoteAddr());

        String clean = sanitize(user);
        // ok: JAVA-LOG-INJECTION
        LOGGER.warn("Failed login for " + clean);
        // ok: JAVA-LOG-INJECTION
        LOGGER.warn("Failed login for {}", user.replaceAll("[\r\n]", "_"));
        // ok: JAVA-LOG-INJECTION
        this.logger.info("agent: " + agent.replace('\n', '_').replace('\r', '_'));
        // ok: JAVA-LOG-INJECTION
        LOGGER.warn("never log \" + request.getParameter(\"user\")");
    }

    // getCookies loop -> helper -> logger; the safe twin logs a map slot holding a constant.
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        javax.servlet.http.Cookie[] cookies = request.getCookies();
        String session = "none";
        if (cookies != null) {
            for (javax.servlet.http.Cookie c : cookies) {
                if (c.getName().equals("tracking")) session = c.getValue();
            }
        }
        String bar = describe(session);
        // ruleid: JAVA-LOG-INJECTION
        LOGGER.debug(bar);

        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "anonymous");
        map.put("keyB", session);
        // ok: JAVA-LOG-INJECTION
        LOGGER.debug("session " + map.get("keyA"));
        // ruleid: JAVA-LOG-INJECTION
        LOGGER.debug("session " + map.get("keyB"));

        int num = 106;
        String cond = (7 * 18) + num > 200 ? "This_should_always_happen" : session;
        // ok: JAVA-LOG-INJECTION
        LOGGER.trace(cond);

        int page = Integer.parseInt(request.getParameter("page"));
        // ok: JAVA-LOG-INJECTION
        LOGGER.trace("page " + page);
    }

    private static String describe(String value) {
        return String.format("tracking cookie %s", value);
    }

    private static String sanitize(String s) {
        return s.replaceAll("[\r\n]", "_");
    }
}

// Spring MVC handlers.
@org.springframework.web.bind.annotation.RestController
class PasswordResetApi {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetApi.class);

    @PostMapping("/api/password-reset")
    public void reset(@RequestParam String email, @RequestHeader("X-Request-Id") String requestId) {
        // ruleid: JAVA-LOG-INJECTION
        log.info("password reset requested for " + email);
        // ruleid: JAVA-LOG-INJECTION
        log.error("request {}", requestId);
        // ok: JAVA-LOG-INJECTION
        log.info("password reset requested");
        // ok: JAVA-LOG-INJECTION
        System.out.println("password reset requested for " + email);
    }
}
