package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

// Trust boundary violation (JAVA-TRUST-BOUNDARY): request data stored in the session,
// as the attribute name or value. Each unsafe case has a safe twin that differs only in
// flow.
@WebServlet(value = "/trustbound-00/TaintTrustBoundary")
public class TaintTrustBoundary extends HttpServlet {

    private static final long serialVersionUID = 1L;

    // getParameter -> inner class helper -> the attribute name
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("BenchmarkTest00004");
        if (param == null) param = "";

        String bar = new Test().doSomething(request, param);

        // javax.servlet.http.HttpSession.setAttribute(java.lang.String^,java.lang.Object)
        // ruleid: JAVA-TRUST-BOUNDARY
        request.getSession().setAttribute(bar, "10340");
        response.getWriter().println("Item: 'foo' with value: '10340' saved in session.");
    }

    // Safe twin: the helper's constant condition returns the constant.
    public void doPostConstant(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00004");
        String bar = doSomethingConstant(request, param);
        // ok: JAVA-TRUST-BOUNDARY
        request.getSession().setAttribute(bar, "10340");
    }

    // getCookies loop -> putValue (the value)
    public void doPostCookie(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        javax.servlet.http.Cookie[] theCookies = request.getCookies();
        String param = "noCookieValueSupplied";
        if (theCookies != null) {
            for (javax.servlet.http.Cookie theCookie : theCookies) {
                if (theCookie.getName().equals("BenchmarkTest00031")) {
                    param = java.net.URLDecoder.decode(theCookie.getValue(), "UTF-8");
                    break;
                }
            }
        }
        // ruleid: JAVA-TRUST-BOUNDARY
        request.getSession().putValue("userid", param);
        // ok: JAVA-TRUST-BOUNDARY
        request.getSession().putValue("userid", "anonymous");
    }

    // A session held in a variable.
    public void doPostSessionVariable(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String role = request.getHeader("X-Role");
        HttpSession httpSession = request.getSession(true);
        // ruleid: JAVA-TRUST-BOUNDARY
        httpSession.setAttribute("role", role);

        java.util.List<String> valuesList = new java.util.ArrayList<String>();
        valuesList.add("safe");
        valuesList.add(role);
        valuesList.add("moresafe");
        valuesList.remove(0);
        String bar = valuesList.get(1);
        // ok: JAVA-TRUST-BOUNDARY
        httpSession.setAttribute("role", bar);

        String validated = org.owasp.esapi.ESAPI.validator().getValidInput("role", role, "SafeString", 32, false);
        // ok: JAVA-TRUST-BOUNDARY
        httpSession.setAttribute("role", validated);
    }

    private static String doSomethingConstant(HttpServletRequest request, String param) throws ServletException, IOException {
        String bar;
        int num = 106;
        bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        return bar;
    }

    private class Test {
        public String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
            String bar = "";
            if (param != null) {
                bar = new String(org.apache.commons.codec.binary.Base64.decodeBase64(
                    org.apache.commons.codec.binary.Base64.encodeBase64(param.getBytes())));
            }
            return bar;
        }
    }
}

// Spring MVC: a session parameter named session.
@org.springframework.stereotype.Controller
class CartController {

    @PostMapping("/cart/coupon")
    public String coupon(@RequestParam("code") String code, HttpSession session) {
        // ruleid: JAVA-TRUST-BOUNDARY
        session.setAttribute("coupon", code);
        // ok: JAVA-TRUST-BOUNDARY
        session.setAttribute("couponApplied", Boolean.TRUE);
        return "cart";
    }
}
