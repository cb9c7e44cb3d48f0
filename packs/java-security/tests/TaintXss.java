package org.owasp.benchmark.testcode;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.text.StringEscapeUtils;
import org.owasp.encoder.Encode;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

// Cross-site scripting (JAVA-XSS-RESPONSE-WRITER): request data written to the response.
// Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/xss-00/TaintXss")
public class TaintXss extends HttpServlet {

    private static final long serialVersionUID = 1L;

    // getHeader("Referer") -> URLDecoder -> format string of getWriter().format
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        if (request.getHeader("Referer") != null) {
            param = request.getHeader("Referer");
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");

        String bar = new Test().doSomething(request, param);

        response.setHeader("X-XSS-Protection", "0");
        Object[] obj = {"a", "b"};
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().format(java.util.Locale.US, bar, obj);
    }

    // Safe twin: ESAPI encodeForHTML.
    public void doPostEsapi(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = java.net.URLDecoder.decode(request.getHeader("Referer"), "UTF-8");
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForHTML(param);
        Object[] obj = {"a", "b"};
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().format(java.util.Locale.US, bar, obj);
    }

    // getParameter -> static helper -> write(char[], off, len)
    public void doPostWrite(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00030");
        if (param == null) param = "";

        String bar = doSomething(request, param);

        response.setHeader("X-XSS-Protection", "0");
        int length = 1;
        if (bar != null) {
            length = bar.length();
            // ruleid: JAVA-XSS-RESPONSE-WRITER
            response.getWriter().write(bar.toCharArray(), 0, length);
        }
        String escaped = HtmlUtils.htmlEscape(bar);
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().write(escaped);
    }

    // getCookies loop -> println / print / printf / append
    public void doPostCookie(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        javax.servlet.http.Cookie[] theCookies = request.getCookies();
        String param = "noCookieValueSupplied";
        if (theCookies != null) {
            for (javax.servlet.http.Cookie theCookie : theCookies) {
                if (theCookie.getName().equals("BenchmarkTest00040")) {
                    param = java.net.URLDecoder.decode(theCookie.getValue(), "UTF-8");
                    break;
                }
            }
        }
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().println("Welcome back, " + param);
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().println("Welcome back, " + StringEscapeUtils.escapeHtml4(param));
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().printf("Your region: %s", param);
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().printf("Your region: %s", Encode.forHtml(param));
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().append("<p>" + param);
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().append("<p>").append(param);
    }

    // A writer kept in a variable: PrintWriter out = response.getWriter().
    public void doPostWriterVariable(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getQueryString();
        PrintWriter out = response.getWriter();
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        out.write(param);
        // ok: JAVA-XSS-RESPONSE-WRITER
        out.println(Encode.forHtml(param));
        // ok: JAVA-XSS-RESPONSE-WRITER
        out.println("<p>Welcome</p>");
        // ok: JAVA-XSS-RESPONSE-WRITER
        System.out.println(param);
        if (param != null) {
            for (String part : param.split("&")) {
                // ruleid: JAVA-XSS-RESPONSE-WRITER
                out.println("<li>" + part + "</li>");
                // ok: JAVA-XSS-RESPONSE-WRITER
                out.println("<li>" + Encode.forHtml(part) + "</li>");
            }
        }
    }

    // A try-with-resources writer.
    public void doPostTryWithResources(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00046");
        try (PrintWriter writer = response.getWriter()) {
            // ruleid: JAVA-XSS-RESPONSE-WRITER
            writer.print(param);
            // ok: JAVA-XSS-RESPONSE-WRITER
            writer.print(HtmlUtils.htmlEscape(param));
        }
    }

    // The output stream: print and write(bytes).
    public void doPostOutputStream(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getRequestURI();
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getOutputStream().print("Not found: " + param);
        String name = request.getPathInfo();
        byte[] bytes = ("<h1>" + name + "</h1>").getBytes("UTF-8");
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getOutputStream().write(bytes);
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getOutputStream().write("<h1>Not found</h1>".getBytes("UTF-8"));
    }

    // The request body read into a buffer.
    public void doPostReader(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        java.io.InputStream in = request.getInputStream();
        byte[] buf = new byte[1000];
        int n = in.read(buf);
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().print(new String(buf, 0, n));

        java.io.BufferedReader reader = request.getReader();
        char[] cbuf = new char[1000];
        reader.read(cbuf);
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().print(new String(cbuf));

        // A number or a boolean computed from request data cannot carry markup.
        String p = request.getParameter("n");
        int length = p.length();
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().print("length: " + length);
        boolean admin = p.equals("admin");
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().print(admin);
    }

    // HashMap slot, ArrayList position, constant condition, overwritten variable.
    public void doPostSafeFlows(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00050");

        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA-8", "a_Value");
        map.put("keyB-8", param);
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().print((String) map.get("keyA-8"));
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().print((String) map.get("keyB-8"));

        java.util.List<String> valuesList = new java.util.ArrayList<String>();
        valuesList.add("safe");
        valuesList.add(param);
        valuesList.add("moresafe");
        valuesList.remove(0);
        String bar = valuesList.get(1);
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().println(bar);

        int num = 106;
        String cond = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().println(cond);

        String over = param;
        over = "constant";
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().println(over);
    }

    private static String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
        String bar = "safe!";
        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA-27", "a_Value");
        map.put("keyB-27", param);
        map.put("keyC", "another_Value");
        bar = (String) map.get("keyB-27");
        bar = (String) map.get("keyA-27");
        bar = (String) map.get("keyB-27");
        return bar;
    }

    private class Test {
        public String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
            String bar;
            String guess = "ABC";
            char switchTarget = guess.charAt(0);
            switch (switchTarget) {
                case 'A':
                    bar = param;
                    break;
                case 'B':
                    bar = "bobs_your_uncle";
                    break;
                default:
                    bar = "bobs_your_uncle";
                    break;
            }
            return bar;
        }
    }
}

// Spring MVC: what a @RestController or @ResponseBody handler returns is the response body.
@org.springframework.web.bind.annotation.RestController
class GreetingApi {

    @GetMapping("/api/greet")
    public String greet(@RequestParam("name") String name) {
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        return "<h1>Hello " + name + "</h1>";
    }

    @GetMapping("/api/greet-safe")
    public String greetSafe(@RequestParam("name") String name) {
        // ok: JAVA-XSS-RESPONSE-WRITER
        return "<h1>Hello " + HtmlUtils.htmlEscape(name) + "</h1>";
    }
}

@org.springframework.stereotype.Controller
class GreetingPages {

    @GetMapping("/greet/{name}")
    @ResponseBody
    public String page(@PathVariable String name, @RequestHeader("User-Agent") String agent) {
        String body = "<p>" + name + "</p>";
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        return body;
    }

    // A @Controller method without @ResponseBody returns a view name; the template
    // escapes the model attribute.
    @GetMapping("/greet")
    public String view(@RequestParam String name, Model model) {
        model.addAttribute("name", name);
        // ok: JAVA-XSS-RESPONSE-WRITER
        return "greeting";
    }
}
