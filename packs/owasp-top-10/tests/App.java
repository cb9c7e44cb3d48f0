package demo;

/**
 * Lookalikes in a comment: new IvParameterSpec(new byte[16]), xstream.fromXML(body),
 * e.printStackTrace(), catch (Exception e) {}.
 */
public class App {
    // ok: OWASP-A08-JAVA-XSTREAM
    public Object fromXML(String xml) { return null; }

    // ok: OWASP-A09-JAVA-PRINT-STACK-TRACE
    public void printStackTrace() { }

    void crypto(byte[] key) throws Exception {
        // ruleid: OWASP-A02-JAVA-STATIC-IV
        IvParameterSpec iv = new IvParameterSpec(new byte[16]);
        // ok: OWASP-A02-JAVA-STATIC-IV
        IvParameterSpec iv2 = new IvParameterSpec(randomIv());
        // ruleid: OWASP-A02-JAVA-STATIC-IV
        IvParameterSpec iv3 = new IvParameterSpec("0123456789abcdef".getBytes());
        // ruleid: OWASP-A02-JAVA-STATIC-IV
        IvParameterSpec iv4 = new IvParameterSpec(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
        // ok: OWASP-A02-JAVA-STATIC-IV
        IvParameterSpec iv5 = new IvParameterSpec(nonce.getBytes());
        // ok: OWASP-A02-JAVA-STATIC-IV
        String doc = "new IvParameterSpec(new byte[16])";
    }

    void ldap(DirContext ctx, String base, HttpServletRequest request, SearchControls controls) throws Exception {
        String user = request.getParameter("user");
        String mail = request.getParameter("mail");
        // ruleid: OWASP-A03-JAVA-LDAP-INJECTION
        ctx.search(base, "(uid=" + user + ")", controls);
        // ok: OWASP-A03-JAVA-LDAP-INJECTION
        ctx.search(base, "(uid={0})", new Object[] { user }, controls);
        // ruleid: OWASP-A03-JAVA-LDAP-INJECTION
        ctx.search(base, "(&(objectClass=person)(mail=" + mail + "))", controls);
        // ok: OWASP-A03-JAVA-LDAP-INJECTION
        index.search("name:" + user);
        // ok: OWASP-A03-JAVA-LDAP-INJECTION
        log.debug("ctx.search(base, \"(uid=\" + user)");
    }

    void xpath(XPath xpath, Document doc, HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        String id = request.getParameter("id");
        String version = request.getParameter("version");
        // ruleid: OWASP-A03-JAVA-XPATH-INJECTION
        xpath.evaluate("//user[name='" + name + "']", doc);
        // ok: OWASP-A03-JAVA-XPATH-INJECTION
        xpath.evaluate("//user[name=$name]", doc);
        // ruleid: OWASP-A03-JAVA-XPATH-INJECTION
        XPathExpression e = xpath.compile("/accounts/account[@id='" + id + "']");
        // ok: OWASP-A03-JAVA-XPATH-INJECTION
        Pattern p = Pattern.compile("^/api/" + version + "/.*");
        // ok: OWASP-A03-JAVA-XPATH-INJECTION
        xpath.evaluate(EXPR, doc);
    }

    void deserialize(XStream xstream, String body) {
        // ruleid: OWASP-A08-JAVA-XSTREAM
        Order o = (Order) xstream.fromXML(body);
        // ok: OWASP-A08-JAVA-XSTREAM
        Order o2 = mapper.readValue(body, Order.class);
        // ok: OWASP-A08-JAVA-XSTREAM
        String hint = "xstream.fromXML(body) is unsafe";
    }

    void errors() {
        try {
            run();
        } catch (Exception e) {
            // ruleid: OWASP-A09-JAVA-PRINT-STACK-TRACE
            e.printStackTrace();
            // ok: OWASP-A09-JAVA-PRINT-STACK-TRACE
            log.error("payment failed", e);
            // ok: OWASP-A09-JAVA-PRINT-STACK-TRACE
            e.printStackTrace(new PrintWriter(sw));
        }
        try {
            run();
        // A named exception, ignored on purpose: not flagged.
        // ok: OWASP-A09-EMPTY-CATCH
        } catch (IOException e) {}
        try {
            run();
        // ruleid: OWASP-A09-EMPTY-CATCH
        } catch (Exception e) {}
        try {
            run();
        // ok: OWASP-A09-EMPTY-CATCH
        } catch (Exception ignored) {}
        try {
            run();
        // ok: OWASP-A09-EMPTY-CATCH
        } catch (IOException e) { log.warn("read failed", e); }
        try {
            run();
        // ok: OWASP-A09-EMPTY-CATCH
        } catch (InterruptedException expected) { /* shutting down */ }
        try {
            run();
        // ruleid: OWASP-A09-EMPTY-CATCH
        } catch (RuntimeException e) {
        }
        // ok: OWASP-A09-EMPTY-CATCH
        String s = "catch (Exception e) {}";
    }

    boolean check(User user, String password, HttpServletResponse response) {
        // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if (password.equals("s3cr3t!")) { return true; }
        // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if (user.pwd == "letmein") { return true; }
        // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if (password.equals(user.getPassword())) { return true; }
        // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if ("s3cr3t!".equals(confirm)) { return true; }
        // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
        String hint = "password.equals(\"s3cr3t!\")";
        // ruleid: OWASP-A05-CORS-WILDCARD-HEADER
        response.setHeader("Access-Control-Allow-Origin", "*");
        // ok: OWASP-A05-CORS-WILDCARD-HEADER
        response.setHeader("Access-Control-Allow-Origin", allowedOrigin);
        // ok: OWASP-A05-CORS-WILDCARD-HEADER
        response.setHeader("Access-Control-Allow-Methods", "*");
        // ok: OWASP-A05-CORS-WILDCARD-HEADER
        // response.setHeader("Access-Control-Allow-Origin", "*");
        return false;
    }
}
