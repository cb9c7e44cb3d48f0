package org.owasp.benchmark.testcode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

// SQL injection (JAVA-SQL-CONCAT): request data reaches the SQL text of a JDBC,
// JdbcTemplate or JPA call. Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/sqli-00/TaintSqli")
public class TaintSqli extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private JdbcTemplate jdbcTemplate;
    private EntityManager entityManager;

    // getParameter -> inner class helper -> concatenation -> Statement.execute
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("BenchmarkTest00008");
        if (param == null) param = "";

        String bar = new Test().doSomething(request, param);

        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        try {
            java.sql.Statement statement = org.owasp.benchmark.helpers.DatabaseHelper.getSqlStatement();
            // ruleid: JAVA-SQL-CONCAT
            statement.execute(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
            org.owasp.benchmark.helpers.DatabaseHelper.printResults(statement, sql, response);
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

    // Safe twin: the same flow through a helper whose constant condition always returns
    // the constant.
    public void doPostConstantHelper(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00008");
        String bar = doSomethingConstant(request, param);
        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        try {
            java.sql.Statement statement = org.owasp.benchmark.helpers.DatabaseHelper.getSqlStatement();
            // ok: JAVA-SQL-CONCAT
            statement.execute(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

    // getHeader + URLDecoder.decode -> static helper -> executeQuery
    public void doPostHeader(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        if (request.getHeader("BenchmarkTest00024") != null) {
            param = request.getHeader("BenchmarkTest00024");
        }
        // URL Decode the header value since req.getHeader() doesn't. Unlike req.getParameter().
        param = java.net.URLDecoder.decode(param, "UTF-8");

        String bar = doSomething(request, param);
        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        try {
            java.sql.Statement statement = org.owasp.benchmark.helpers.DatabaseHelper.getSqlStatement();
            // ruleid: JAVA-SQL-CONCAT
            java.sql.ResultSet rs = statement.executeQuery(sql);
            org.owasp.benchmark.helpers.DatabaseHelper.printResults(rs, sql, response);
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

    // Safe twin: the value is bound as a parameter of a PreparedStatement.
    public void doPostPrepared(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = java.net.URLDecoder.decode(request.getHeader("BenchmarkTest00024"), "UTF-8");
        String bar = doSomething(request, param);
        String sql = "SELECT * from USERS where USERNAME=? and PASSWORD=?";
        try {
            java.sql.Connection connection = org.owasp.benchmark.helpers.DatabaseHelper.getSqlConnection();
            // ok: JAVA-SQL-CONCAT
            java.sql.PreparedStatement statement = connection.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setString(1, "foo");
            statement.setString(2, bar);
            statement.execute();
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

    // getCookies loop -> JdbcTemplate.queryForList
    public void doPostCookie(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        javax.servlet.http.Cookie[] theCookies = request.getCookies();

        String param = "noCookieValueSupplied";
        if (theCookies != null) {
            for (javax.servlet.http.Cookie theCookie : theCookies) {
                if (theCookie.getName().equals("BenchmarkTest00090")) {
                    param = java.net.URLDecoder.decode(theCookie.getValue(), "UTF-8");
                    break;
                }
            }
        }

        StringBuilder sbxyz = new StringBuilder(param);
        String bar = sbxyz.append("_SafeStuff").toString();

        String sql = "SELECT userid from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        // ruleid: JAVA-SQL-CONCAT
        List<Map<String, Object>> list = jdbcTemplate.queryForList(sql);
        // ok: JAVA-SQL-CONCAT
        List<Map<String, Object>> bound = jdbcTemplate.queryForList("SELECT userid from USERS where USERNAME='foo' and PASSWORD=?", bar);
    }

    // getParameterMap -> values[0] -> JdbcTemplate.query
    public void doPostMap(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        Map<String, String[]> map = request.getParameterMap();
        if (map != null) {
            String[] values = map.get("BenchmarkTest00106");
            if (values != null) param = values[0];
        }

        String bar = "";
        if (param != null) {
            bar = new String(org.apache.commons.codec.binary.Base64.decodeBase64(
                org.apache.commons.codec.binary.Base64.encodeBase64(param.getBytes())));
        }

        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        // ruleid: JAVA-SQL-CONCAT
        List<String> results = org.owasp.benchmark.helpers.DatabaseHelper.JDBCtemplate.query(sql, new org.springframework.jdbc.core.RowMapper<String>() {
            @Override
            public String mapRow(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
                return rs.getString("USERNAME");
            }
        });
    }

    // Safe twin: ESAPI encodeForSQL.
    public void doPostEncoded(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameterMap().get("BenchmarkTest00106")[0];
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForSQL(new org.owasp.esapi.codecs.OracleCodec(), param);
        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        // ok: JAVA-SQL-CONCAT
        Map<String, Object> row = jdbcTemplate.queryForMap(sql);
    }

    // getParameterNames enumeration -> Connection.prepareStatement (concatenated)
    public void doPostNames(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        boolean flag = true;
        java.util.Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements() && flag) {
            String name = (String) names.nextElement();
            String[] values = request.getParameterValues(name);
            if (values != null) {
                for (int i = 0; i < values.length && flag; i++) {
                    String value = values[i];
                    if (value.equals("BenchmarkTest00113")) {
                        param = name;
                        flag = false;
                    }
                }
            }
        }

        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + param + "'";
        try {
            java.sql.Connection connection = org.owasp.benchmark.helpers.DatabaseHelper.getSqlConnection();
            // ruleid: JAVA-SQL-CONCAT
            java.sql.PreparedStatement statement = connection.prepareStatement(sql);
            statement.execute();
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

    // getHeaders enumeration -> CallableStatement
    public void doPostHeaders(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        java.util.Enumeration<String> headers = request.getHeaders("BenchmarkTest00131");
        if (headers != null && headers.hasMoreElements()) {
            param = headers.nextElement(); // just grab first element
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");

        String sql = "{call " + param + "}";
        try {
            java.sql.Connection connection = org.owasp.benchmark.helpers.DatabaseHelper.getSqlConnection();
            // ruleid: JAVA-SQL-CONCAT
            java.sql.CallableStatement statement = connection.prepareCall(sql);
            // ok: JAVA-SQL-CONCAT
            java.sql.CallableStatement verify = connection.prepareCall("{call verifyUserPassword(?,?)}");
            verify.setString(1, param);
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

    // getQueryString substring -> JdbcTemplate.update
    public void doPostQueryString(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String queryString = request.getQueryString();
        String paramval = "BenchmarkTest00140" + "=";
        int paramLoc = -1;
        if (queryString != null) paramLoc = queryString.indexOf(paramval);
        if (paramLoc == -1) {
            response.getWriter().println("getQueryString() couldn't find expected parameter.");
            return;
        }
        String param = queryString.substring(paramLoc + paramval.length());
        int ampersandLoc = queryString.indexOf("&", paramLoc);
        if (ampersandLoc != -1) {
            param = queryString.substring(paramLoc + paramval.length(), ampersandLoc);
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");

        String sql = "UPDATE USERS SET PASSWORD='" + param + "' WHERE USERNAME='foo'";
        // ruleid: JAVA-SQL-CONCAT
        int count = org.owasp.benchmark.helpers.DatabaseHelper.JDBCtemplate.update(sql);
        // ok: JAVA-SQL-CONCAT
        int bound = jdbcTemplate.update("UPDATE USERS SET PASSWORD=? WHERE USERNAME='foo'", param);
    }

    // HashMap slots: keyB holds the parameter, keyA a constant.
    public void doPostHashMap(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00157");

        java.util.HashMap<String, Object> map23 = new java.util.HashMap<String, Object>();
        map23.put("keyA-23", "a_Value"); // put some stuff in the collection
        map23.put("keyB-23", param); // put it in a collection
        map23.put("keyC", "another_Value"); // put some stuff in the collection
        String safe = (String) map23.get("keyA-23"); // get it back out
        String bar = (String) map23.get("keyB-23"); // get it back out

        String sql = "INSERT INTO users (username, password) VALUES ('foo','" + bar + "')";
        // ruleid: JAVA-SQL-CONCAT
        int[] counts = jdbcTemplate.batchUpdate(sql);
        String other = "INSERT INTO users (username, password) VALUES ('foo','" + safe + "')";
        // ok: JAVA-SQL-CONCAT
        int[] others = jdbcTemplate.batchUpdate(other);
    }

    // ArrayList positions: after remove(0), get(0) is the parameter and get(1) a constant.
    public void doPostList(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00172");

        String bar = "alsosafe";
        String unsafe = "alsosafe";
        if (param != null) {
            java.util.List<String> valuesList = new java.util.ArrayList<String>();
            valuesList.add("safe");
            valuesList.add(param);
            valuesList.add("moresafe");
            valuesList.remove(0); // remove the 1st safe value
            bar = valuesList.get(1); // get the last 'safe' value
            unsafe = valuesList.get(0); // the parameter
        }

        try {
            java.sql.Statement statement = org.owasp.benchmark.helpers.DatabaseHelper.getSqlStatement();
            // ok: JAVA-SQL-CONCAT
            statement.addBatch("SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'");
            // ruleid: JAVA-SQL-CONCAT
            statement.addBatch("SELECT * from USERS where USERNAME='foo' and PASSWORD='" + unsafe + "'");
            statement.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

    // A switch on a compile-time constant: charAt(2) is 'C', which takes the parameter;
    // charAt(1) is 'B', which takes a constant.
    public void doPostSwitch(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00189");

        String bar;
        String guess = "ABC";
        char switchTarget = guess.charAt(2);
        switch (switchTarget) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bobs_your_uncle";
                break;
            case 'C':
            case 'D':
                bar = param;
                break;
            default:
                bar = "bobs_your_uncle";
                break;
        }
        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        // ruleid: JAVA-SQL-CONCAT
        Object one = jdbcTemplate.queryForObject(sql, Long.class);

        String bar2;
        switch (switchTarget) {
            case 'A':
                bar2 = "bobs_your_uncle";
                break;
            case 'C':
                bar2 = param;
                break;
            default:
                bar2 = "bobs_your_uncle";
                break;
        }
        // ruleid: JAVA-SQL-CONCAT
        Object two = jdbcTemplate.queryForObject("SELECT * from USERS where USERNAME='" + bar2 + "'", Long.class);

        String safe;
        char other = guess.charAt(1);
        switch (other) {
            case 'A':
                safe = param;
                break;
            case 'B':
                safe = "bob";
                break;
            default:
                safe = param;
                break;
        }
        // ok: JAVA-SQL-CONCAT
        Object three = jdbcTemplate.queryForObject("SELECT * from USERS where USERNAME='" + safe + "'", Long.class);
    }

    // Constant conditions: the ternary and the if always take the constant.
    public void doPostConstantConditions(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00201");

        int num = 106;
        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        // ok: JAVA-SQL-CONCAT
        jdbcTemplate.execute("DELETE FROM USERS WHERE USERNAME='" + bar + "'");

        int num2 = 86;
        String bar2;
        if ((7 * 42) - num2 > 200) bar2 = "This_should_always_happen";
        else bar2 = param;
        // ok: JAVA-SQL-CONCAT
        jdbcTemplate.execute("DELETE FROM USERS WHERE USERNAME='" + bar2 + "'");

        // The live branch of the same test takes the parameter.
        String bar3 = (7 * 18) + num > 200 ? param : "This_should_never_happen";
        // ruleid: JAVA-SQL-CONCAT
        jdbcTemplate.execute("DELETE FROM USERS WHERE USERNAME='" + bar3 + "'");
    }

    // Overwritten by a constant, or parsed as a number, before use.
    public void doPostOverwritten(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String bar = request.getParameter("BenchmarkTest00210");
        bar = "constant";
        // ok: JAVA-SQL-CONCAT
        jdbcTemplate.queryForRowSet("SELECT * FROM USERS WHERE USERNAME='" + bar + "'");
        int id = Integer.parseInt(request.getParameter("id"));
        // ok: JAVA-SQL-CONCAT
        jdbcTemplate.queryForRowSet("SELECT * FROM USERS WHERE ID=" + id);
    }

    // Generic method names on receivers that are not statements or templates.
    public void doPostOtherUpdate(HttpServletRequest request, java.security.MessageDigest md, Progress progress) throws Exception {
        String name = request.getParameter("name");
        // ok: JAVA-SQL-CONCAT
        md.update(name.getBytes());
        // ok: JAVA-SQL-CONCAT
        progress.update("Processed " + name);
        // ok: JAVA-SQL-CONCAT
        redisTemplate.execute(new org.springframework.data.redis.core.script.DefaultRedisScript<Long>("return 1", Long.class), java.util.List.of("login:" + name));
        // ok: JAVA-SQL-CONCAT
        executor.execute(() -> audit(name));
    }

    private static String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
        String bar;
        // Simple if statement that assigns param to bar on true condition
        int num = 196;
        if ((500 / 42) + num > 200) bar = param;
        else bar = "This should never happen";
        return bar;
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
                java.util.List<String> valuesList = new java.util.ArrayList<String>();
                valuesList.add("safe");
                valuesList.add(param);
                valuesList.add("moresafe");
                valuesList.remove(0); // remove the 1st safe value
                bar = valuesList.get(0); // get the param value
            }
            return bar;
        }
    }
}

// Spring MVC: request-bound handler parameters are sources.
@org.springframework.web.bind.annotation.RestController
class UserSearchController {

    private JdbcTemplate jdbcTemplate;
    private EntityManager entityManager;

    @GetMapping("/users/search")
    public List<Object> search(@RequestParam("name") String name, @RequestParam(defaultValue = "0") int page) {
        String jpql = "from User u where u.name = '" + name + "'";
        // ruleid: JAVA-SQL-CONCAT
        List<Object> users = entityManager.createQuery(jpql).getResultList();
        // ok: JAVA-SQL-CONCAT
        List<Object> bound = entityManager.createQuery("from User u where u.name = :name").setParameter("name", name).getResultList();
        return users;
    }

    @GetMapping("/users/{id}/orders")
    public List<Object> orders(@PathVariable String id, @RequestHeader("X-Tenant") String tenant, @CookieValue("region") String region) {
        // ruleid: JAVA-SQL-CONCAT
        List<Object> orders = entityManager.createNativeQuery("SELECT * FROM orders WHERE user_id = " + id).getResultList();
        // ruleid: JAVA-SQL-CONCAT
        Object owner = jdbcTemplate.queryForObject("SELECT owner FROM tenants WHERE name = '" + tenant + "'", String.class);
        String regionTable = "orders_" + region;
        // ruleid: JAVA-SQL-CONCAT
        jdbcTemplate.queryForList("SELECT * FROM " + regionTable);
        // ok: JAVA-SQL-CONCAT
        jdbcTemplate.queryForList("SELECT * FROM orders WHERE region = ?", region);
        return orders;
    }
}
