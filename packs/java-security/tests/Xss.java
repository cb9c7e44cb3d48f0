import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class Xss extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().println("Hello " + request.getParameter("name"));
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().format(java.util.Locale.US, "%s", request.getHeader("Referer"));
        PrintWriter out = response.getWriter();
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        out.write(request.getQueryString());
        // ruleid: JAVA-XSS-RESPONSE-WRITER
        out.print(request.getParameter("q").trim());
        // ok: JAVA-XSS-RESPONSE-WRITER
        out.println(Encode.forHtml(request.getParameter("name")));
        // ok: JAVA-XSS-RESPONSE-WRITER
        response.getWriter().println(org.owasp.esapi.ESAPI.encoder().encodeForHTML(request.getParameter("name")));
        // ok: JAVA-XSS-RESPONSE-WRITER
        System.out.println(request.getParameter("name"));
        // ok: JAVA-XSS-RESPONSE-WRITER
        out.println("<p>Welcome</p>");
        // ok: JAVA-XSS-RESPONSE-WRITER
        String doc = "out.println(request.getParameter(\"name\"))";
        // out.println(request.getParameter("name")) in a comment; ok: JAVA-XSS-RESPONSE-WRITER
    }

    // ok: JAVA-XSS-RESPONSE-WRITER
    void println(String request) { }
}
