package com.example.shop.web;

import java.io.IOException;
import java.net.URLEncoder;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

// HTTP header injection (JAVA-HEADER-INJECTION): request data reaches a response header
// value. Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/download")
public class TaintHeaderInjection extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String name = request.getParameter("name");
        if (name == null) name = "report.pdf";
        String disposition = "attachment; filename=\"" + name + "\"";
        // ruleid: JAVA-HEADER-INJECTION
        response.setHeader("Content-Disposition", disposition);
        // ok: JAVA-HEADER-INJECTION
        response.setHeader("Content-Disposition", "attachment; filename=\"" + URLEncoder.encode(name, "UTF-8") + "\"");
        // ok: JAVA-HEADER-INJECTION
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[\\r\\n\"]", "") + "\"");
        // ok: JAVA-HEADER-INJECTION
        response.setHeader("Cache-Control", "no-store");
    }

    // getHeaderNames enumeration -> helper -> addHeader
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        java.util.Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (org.owasp.benchmark.helpers.Utils.commonHeaders.contains(name)) {
                continue; // If standard header, move on to next one
            }
            param = name; // Grabs the name of the first non-standard header as the parameter value
            break;
        }
        String bar = echo(param);
        // ruleid: JAVA-HEADER-INJECTION
        response.addHeader("X-Echo", bar);

        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "a_Value");
        map.put("keyB", param);
        // ok: JAVA-HEADER-INJECTION
        response.addHeader("X-Echo", (String) map.get("keyA"));

        int num = 86;
        String value;
        if ((7 * 42) - num > 200) value = "constant";
        else value = param;
        // ok: JAVA-HEADER-INJECTION
        response.addHeader("X-Echo", value);
    }

    private static String echo(String value) {
        return "echo:" + value;
    }
}

// Spring MVC handlers.
@org.springframework.stereotype.Controller
class CorsEchoController {

    @GetMapping("/cors")
    public void cors(@RequestHeader("Origin") String origin, @RequestParam("v") String version, HttpServletResponse response) {
        // ruleid: JAVA-HEADER-INJECTION
        response.setHeader("Access-Control-Allow-Origin", origin);
        int v = Integer.parseInt(version);
        // ok: JAVA-HEADER-INJECTION
        response.setHeader("X-Api-Version", "" + v);
    }
}
