package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

// XPath injection (JAVA-XPATH-INJECTION): request data reaches an XPath expression.
// Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/xpathi-00/TaintXpath")
public class TaintXpath extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static Document employees() throws Exception {
        java.io.FileInputStream file = new java.io.FileInputStream(
            new java.io.File(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR, "employees.xml"));
        DocumentBuilderFactory builderFactory = DocumentBuilderFactory.newInstance();
        builderFactory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        javax.xml.parsers.DocumentBuilder builder = builderFactory.newDocumentBuilder();
        return builder.parse(file);
    }

    // getParameter -> inner class helper -> XPath.compile(expression).evaluate(document)
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("BenchmarkTest00116");
        if (param == null) param = "";

        String bar = new Test().doSomething(request, param);

        try {
            Document xmlDocument = employees();
            XPathFactory xpf = XPathFactory.newInstance();
            XPath xp = xpf.newXPath();
            String expression = "/Employees/Employee[@emplid='" + bar + "']";
            // ruleid: JAVA-XPATH-INJECTION
            org.w3c.dom.NodeList nodeList = (org.w3c.dom.NodeList) xp.compile(expression).evaluate(xmlDocument, XPathConstants.NODESET);
            response.getWriter().println("Your query results are: <br/>");
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    // Safe twin: a constant expression with an XPath variable bound to the value.
    public void doPostVariable(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        final String bar = new Test().doSomething(request, request.getParameter("BenchmarkTest00116"));
        try {
            Document xmlDocument = employees();
            XPath xpath = XPathFactory.newInstance().newXPath();
            xpath.setXPathVariableResolver(name -> bar);
            // ok: JAVA-XPATH-INJECTION
            XPathExpression expr = xpath.compile("/Employees/Employee[@emplid=$id]");
            // ok: JAVA-XPATH-INJECTION
            Object nodes = expr.evaluate(xmlDocument, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    // getHeader -> URLDecoder -> static helper -> XPath.evaluate(expression, document)
    public void doPostHeader(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        if (request.getHeader("BenchmarkTest00207") != null) {
            param = request.getHeader("BenchmarkTest00207");
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String bar = doSomething(request, param);

        try {
            Document xmlDocument = employees();
            XPath xPath = XPathFactory.newInstance().newXPath();
            String expression = "/Employees/Employee[@emplid='" + bar + "']";
            // ruleid: JAVA-XPATH-INJECTION
            String result = xPath.evaluate(expression, xmlDocument);
            String escaped = "/Employees/Employee[@emplid='" + org.owasp.esapi.ESAPI.encoder().encodeForXPath(bar) + "']";
            // ok: JAVA-XPATH-INJECTION
            String other = xPath.evaluate(escaped, xmlDocument);
            // ruleid: JAVA-XPATH-INJECTION
            Object inline = XPathFactory.newInstance().newXPath().evaluate("//user[name/text()='" + bar + "']", xmlDocument, XPathConstants.NODE);
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    // Other `compile` and `evaluate` calls are not XPath: a regex built from the
    // parameter (a different flaw), an expression compiled from a constant and evaluated
    // against a document parsed from the request body.
    public void doPostNotXpath(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("pattern");
        // ok: JAVA-XPATH-INJECTION
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(param);
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document posted = dbf.newDocumentBuilder().parse(request.getInputStream());
            XPath xpath = XPathFactory.newInstance().newXPath();
            XPathExpression total = xpath.compile("sum(/order/item/@price)");
            // ok: JAVA-XPATH-INJECTION
            Object sum = total.evaluate(posted, XPathConstants.NUMBER);
            // ok: JAVA-XPATH-INJECTION
            Object count = xpath.compile("count(/order/item)").evaluate(posted, XPathConstants.NUMBER);
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    // HashMap slot and constant condition.
    public void doPostSafeFlows(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00219");
        try {
            Document xmlDocument = employees();
            XPath xp = XPathFactory.newInstance().newXPath();
            java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
            map.put("keyA-4", "a_Value");
            map.put("keyB-4", param);
            String bar = (String) map.get("keyA-4");
            // ok: JAVA-XPATH-INJECTION
            xp.evaluate("/Employees/Employee[@emplid='" + bar + "']", xmlDocument);
            String unsafe = (String) map.get("keyB-4");
            // ruleid: JAVA-XPATH-INJECTION
            xp.evaluate("/Employees/Employee[@emplid='" + unsafe + "']", xmlDocument);
            int num = 106;
            String cond = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
            // ok: JAVA-XPATH-INJECTION
            xp.evaluate("/Employees/Employee[@emplid='" + cond + "']", xmlDocument);
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private static String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
        String bar = param;
        if (param != null && param.length() > 1) {
            bar = param.substring(0, param.length() - 1);
        }
        return bar;
    }

    private class Test {
        public String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
            String bar;
            int num = 196;
            if ((500 / 42) + num > 200) bar = param;
            else bar = "This should never happen";
            return bar;
        }
    }
}
