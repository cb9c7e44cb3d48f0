package com.example.shop;

import java.io.File;
import java.io.FileInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

// Injection sinks: the call's arguments, whatever the receiver is called.
public class Injection {
    private static final Logger LOGGER = LoggerFactory.getLogger(Injection.class);
    private static final String USERS = "users";
    private final Logger logger = LoggerFactory.getLogger(Injection.class);
    private JdbcTemplate jdbcTemplate;
    private RestTemplate restTemplate;

    // Data-flow rules: the request values reach the sinks through variables.
    ResultSet find(HttpServletRequest request, Connection conn, Statement stmt) throws Exception {
        String name = request.getParameter("name");
        String table = request.getParameter("table");
        // ruleid: JAVA-SQL-CONCAT
        stmt.executeQuery("SELECT * FROM orders WHERE owner = '" + name + "'");
        // ruleid: JAVA-SQL-CONCAT
        conn.prepareStatement("DELETE FROM " + table).execute();
        // The finding is on the argument, the line after the call.
        stmt.execute(
            "UPDATE users SET name = '" + name + "'"); // ruleid: JAVA-SQL-CONCAT
        // ruleid: JAVA-SQL-CONCAT
        jdbcTemplate.queryForList("SELECT id FROM users WHERE name = '" + name + "'");
        // ruleid: JAVA-SQL-CONCAT
        stmt.executeUpdate(table + " SET flag = 1");
        // ok: JAVA-SQL-CONCAT
        jdbcTemplate.queryForList("SELECT id FROM users WHERE name = ?", name);
        // ok: JAVA-SQL-CONCAT
        stmt.executeQuery("SELECT id, name " + "FROM users");
        // ok: JAVA-SQL-CONCAT
        stmt.executeQuery("SELECT id FROM " + USERS + " WHERE active");
        // ok: JAVA-SQL-CONCAT
        progress.update("Processed " + name);
        // ok: JAVA-SQL-CONCAT
        String help = "call stmt.executeQuery(\"SELECT \" + name) to see";
        // ok: JAVA-SQL-CONCAT
        // stmt.executeQuery("SELECT * FROM t WHERE a = " + name);
        return null;
    }

    // ok: JAVA-SQL-CONCAT
    ResultSet executeQuery(String sql) { return null; }

    void run(HttpServletRequest request) throws Exception {
        String host = request.getParameter("host");
        String cmd = request.getHeader("X-Command");
        String fixedHost = "status.example.com";
        // ruleid: JAVA-RUNTIME-EXEC
        Process p = Runtime.getRuntime().exec(cmd);
        // ruleid: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec(String.format("ping -c 1 %s", host));
        // ruleid: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "ping " + host});
        // ruleid: JAVA-RUNTIME-EXEC
        new ProcessBuilder("bash", "-c", "ping -c 1 " + host).start();
        // ruleid: JAVA-RUNTIME-EXEC
        new ProcessBuilder(List.of("cmd.exe", "/c", "ping " + host)).start();
        // ruleid: JAVA-RUNTIME-EXEC
        new ProcessBuilder().command("sh", "-c", cmd).start();
        // ok: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec("uptime");
        // An argument vector without a shell still lets the value pass options to the
        // program (argument injection).
        // ruleid: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", host});
        // ok: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", fixedHost});
        // ok: JAVA-RUNTIME-EXEC
        new ProcessBuilder(List.of("ping", "-c", "1", fixedHost)).start();
        // ok: JAVA-RUNTIME-EXEC
        String doc = "never call Runtime.getRuntime().exec(\"sh -c \" + input)";
        // ok: JAVA-RUNTIME-EXEC
        // Runtime.getRuntime().exec(cmd) was replaced by the job runner
    }

    // ok: JAVA-RUNTIME-EXEC
    Process exec(String command) { return null; }

    void files(HttpServletRequest request, String base) throws Exception {
        // ruleid: JAVA-PATH-TRAVERSAL
        FileInputStream in = new FileInputStream(base + "/" + request.getParameter("file"));
        // ruleid: JAVA-PATH-TRAVERSAL
        Path p = Paths.get(base, request.getPathInfo());
        // ruleid: JAVA-PATH-TRAVERSAL
        File f = new java.io.File(request.getParameter("name") + ".txt");
        // ok: JAVA-PATH-TRAVERSAL
        File g = new File(base, FilenameUtils.getName(request.getParameter("name")));
        // ok: JAVA-PATH-TRAVERSAL
        File h = new File(base, "report.pdf");
        // ok: JAVA-PATH-TRAVERSAL
        String hint = "new File(base, request.getParameter(\"name\"))";
    }

    void logging(HttpServletRequest request) {
        // ruleid: JAVA-LOG-INJECTION
        LOGGER.warn("bad login for " + request.getParameter("user") + " from " + request.getRemoteAddr());
        // ruleid: JAVA-LOG-INJECTION
        this.logger.info("agent: " + request.getHeader("User-Agent"));
        // ok: JAVA-LOG-INJECTION
        LOGGER.warn("bad login for {}", sanitize(request.getParameter("user")));
        // ok: JAVA-LOG-INJECTION
        LOGGER.warn("bad login for " + sanitize(request.getParameter("user")));
        // ok: JAVA-LOG-INJECTION
        LOGGER.warn("never log \" + request.getParameter(\"user\")");
    }

    void fetch(HttpServletRequest request) throws Exception {
        // ruleid: JAVA-SSRF
        URI target = URI.create(request.getParameter("callback"));
        // ruleid: JAVA-SSRF
        String body = restTemplate.getForObject(request.getParameter("url"), String.class);
        // ok: JAVA-SSRF
        URL fixed = new URL("https://api.example.com/status");
        // ok: JAVA-SSRF
        URL item = new URL("https://api.example.com/items/" + Integer.parseInt(request.getParameter("id")));
    }

    private static String sanitize(String s) {
        return s.replaceAll("[\r\n]", "_");
    }
}
