package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.naming.NamingEnumeration;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

// LDAP injection (JAVA-LDAP-INJECTION): request data reaches an LDAP search filter.
// Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/ldapi-00/TaintLdap")
public class TaintLdap extends HttpServlet {

    private static final long serialVersionUID = 1L;

    // getParameter -> inner class helper -> DirContext.search(base, filter, args, controls)
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("BenchmarkTest00012");
        if (param == null) param = "";

        String bar = new Test().doSomething(request, param);

        org.owasp.benchmark.helpers.LDAPManager ads = new org.owasp.benchmark.helpers.LDAPManager();
        try {
            DirContext ctx = ads.getDirContext();
            String base = "ou=users,ou=system";
            SearchControls sc = new SearchControls();
            sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
            String filter = "(&(objectclass=person))(|(uid=" + bar + ")(street={0}))";
            Object[] filters = new Object[] {"The streetz 4 Ms bar"};
            // ruleid: JAVA-LDAP-INJECTION
            NamingEnumeration<SearchResult> results = ctx.search(base, filter, filters, sc);
            response.getWriter().println("LDAP query executed");
        } catch (javax.naming.NamingException e) {
            throw new ServletException(e);
        } finally {
            ads.closeDirContext();
        }
    }

    // Safe twin: the value is a filter argument ({0}), which the directory escapes.
    public void doPostFilterArgs(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00012");
        String bar = new Test().doSomething(request, param);
        org.owasp.benchmark.helpers.LDAPManager ads = new org.owasp.benchmark.helpers.LDAPManager();
        try {
            DirContext ctx = ads.getDirContext();
            SearchControls sc = new SearchControls();
            String filter = "(&(objectclass=person)(uid={0}))";
            Object[] filters = new Object[] {bar};
            // ok: JAVA-LDAP-INJECTION
            NamingEnumeration<SearchResult> results = ctx.search("ou=users,ou=system", filter, filters, sc);
        } catch (javax.naming.NamingException e) {
            throw new ServletException(e);
        }
    }

    // getHeader -> URLDecoder -> InitialDirContext.search(base, filter, controls)
    public void doPostHeader(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        if (request.getHeader("BenchmarkTest00021") != null) {
            param = request.getHeader("BenchmarkTest00021");
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String bar = doSomething(request, param);

        org.owasp.benchmark.helpers.LDAPManager ads = new org.owasp.benchmark.helpers.LDAPManager();
        try {
            InitialDirContext idc = (InitialDirContext) ads.getDirContext();
            SearchControls sc = new SearchControls();
            String filter = "(&(objectclass=person)(uid=" + bar + "))";
            // ruleid: JAVA-LDAP-INJECTION
            NamingEnumeration<SearchResult> results = idc.search("ou=users,ou=system", filter, sc);
            String encoded = "(&(objectclass=person)(uid=" + org.owasp.esapi.ESAPI.encoder().encodeForLDAP(bar) + "))";
            // ok: JAVA-LDAP-INJECTION
            NamingEnumeration<SearchResult> safe = idc.search("ou=users,ou=system", encoded, sc);
        } catch (javax.naming.NamingException e) {
            throw new ServletException(e);
        }
    }

    // HashMap slot, ArrayList position and constant condition.
    public void doPostSafeFlows(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00033");
        DirContext ctx = new org.owasp.benchmark.helpers.LDAPManager().getDirContext();
        SearchControls sc = new SearchControls();
        try {
            java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
            map.put("keyA-1", "a_Value");
            map.put("keyB-1", param);
            String bar = (String) map.get("keyA-1");
            // ok: JAVA-LDAP-INJECTION
            ctx.search("ou=users,ou=system", "(uid=" + bar + ")", sc);

            java.util.List<String> valuesList = new java.util.ArrayList<String>();
            valuesList.add("safe");
            valuesList.add(param);
            valuesList.add("moresafe");
            valuesList.remove(0);
            String unsafe = valuesList.get(0);
            // ruleid: JAVA-LDAP-INJECTION
            ctx.search("ou=users,ou=system", "(uid=" + unsafe + ")", sc);

            int num = 106;
            String cond = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
            // ok: JAVA-LDAP-INJECTION
            ctx.search("ou=users,ou=system", "(uid=" + cond + ")", sc);
        } catch (javax.naming.NamingException e) {
            throw new ServletException(e);
        }
    }

    private static String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
        String bar = "alsosafe";
        if (param != null) {
            java.util.List<String> valuesList = new java.util.ArrayList<String>();
            valuesList.add("safe");
            valuesList.add(param);
            valuesList.add("moresafe");
            valuesList.remove(0);
            bar = valuesList.get(0);
        }
        return bar;
    }

    private class Test {
        public String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
            String a1 = param;
            StringBuilder sb = new StringBuilder();
            sb.append(a1);
            return sb.toString();
        }
    }
}

// Spring LDAP.
@org.springframework.stereotype.Controller
class DirectoryController {

    private LdapTemplate ldapTemplate;

    @GetMapping("/directory")
    public void find(@RequestParam("uid") String uid) {
        // ruleid: JAVA-LDAP-INJECTION
        ldapTemplate.search("ou=people", "(uid=" + uid + ")", new PersonMapper());
        // ok: JAVA-LDAP-INJECTION
        ldapTemplate.search("ou=people", "(uid=" + LdapEncoder.filterEncode(uid) + ")", new PersonMapper());
    }
}
