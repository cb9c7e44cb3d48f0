package org.owasp.benchmark.testcode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

// Command injection (JAVA-RUNTIME-EXEC): request data reaches Runtime.exec or a
// ProcessBuilder. Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/cmdi-00/TaintCommandInjection")
public class TaintCommandInjection extends HttpServlet {

    private static final long serialVersionUID = 1L;

    // getHeader -> URLDecoder -> inner class helper -> environment of Runtime.exec
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        if (request.getHeader("BenchmarkTest00006") != null) {
            param = request.getHeader("BenchmarkTest00006");
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");

        String bar = new Test().doSomething(request, param);

        String cmd = org.owasp.benchmark.helpers.Utils.getInsecureOSCommandString(this.getClass().getClassLoader());
        String[] args = {cmd};
        String[] argsEnv = {bar};

        Runtime r = Runtime.getRuntime();
        try {
            // ruleid: JAVA-RUNTIME-EXEC
            Process p = r.exec(args, argsEnv, new java.io.File(System.getProperty("user.dir")));
            org.owasp.benchmark.helpers.Utils.printOSCommandResults(p, response);
        } catch (IOException e) {
            System.out.println("Problem executing cmdi - TestCase");
            throw new ServletException(e);
        }
    }

    // Safe twin: the environment holds constants only.
    public void doPostConstantEnv(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getHeader("BenchmarkTest00006");
        String bar = new Test().doSomething(request, param);
        bar = "foo=bar";
        String cmd = org.owasp.benchmark.helpers.Utils.getInsecureOSCommandString(this.getClass().getClassLoader());
        String[] args = {cmd};
        String[] argsEnv = {bar};
        Runtime r = Runtime.getRuntime();
        // ok: JAVA-RUNTIME-EXEC
        Process p = r.exec(args, argsEnv);
    }

    // getParameter -> static helper -> concatenated command line
    public void doPostConcat(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00017");
        if (param == null) param = "";

        String bar = doSomething(request, param);

        String cmd = "";
        String osName = System.getProperty("os.name");
        if (osName.indexOf("Windows") != -1) {
            cmd = org.owasp.benchmark.helpers.Utils.getOSCommandString("echo");
        }
        Runtime r = Runtime.getRuntime();
        // ruleid: JAVA-RUNTIME-EXEC
        Process p = r.exec(cmd + bar);
        // ok: JAVA-RUNTIME-EXEC
        Process uptime = Runtime.getRuntime().exec("uptime");
    }

    // getParameterValues -> ProcessBuilder.command(list)
    public void doPostCommandList(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String[] values = request.getParameterValues("BenchmarkTest00051");
        String param;
        if (values != null && values.length > 0) param = values[0];
        else param = "";

        List<String> argList = new ArrayList<String>();
        String osName = System.getProperty("os.name");
        if (osName.indexOf("Windows") != -1) {
            argList.add("cmd.exe");
            argList.add("/c");
        } else {
            argList.add("sh");
            argList.add("-c");
        }
        argList.add("echo " + param);

        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: JAVA-RUNTIME-EXEC
        pb.command(argList);
        Process p = pb.start();
    }

    // Safe twin: the command list keeps constants; the parameter is parsed as a number.
    public void doPostParsed(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        int count = Integer.parseInt(request.getParameter("count"));
        List<String> argList = new ArrayList<String>();
        argList.add("ping");
        argList.add("-c");
        argList.add("" + count);
        argList.add("localhost");
        ProcessBuilder pb = new ProcessBuilder();
        // ok: JAVA-RUNTIME-EXEC
        pb.command(argList);
    }

    // getCookies loop -> new ProcessBuilder(String[])
    public void doPostCookie(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        javax.servlet.http.Cookie[] theCookies = request.getCookies();
        String param = "noCookieValueSupplied";
        if (theCookies != null) {
            for (javax.servlet.http.Cookie theCookie : theCookies) {
                if (theCookie.getName().equals("BenchmarkTest00077")) {
                    param = java.net.URLDecoder.decode(theCookie.getValue(), "UTF-8");
                    break;
                }
            }
        }
        String a1 = "sh";
        String a2 = "-c";
        String[] args = {a1, a2, "echo " + param};
        // ruleid: JAVA-RUNTIME-EXEC
        ProcessBuilder pb = new ProcessBuilder(args);
        Process p = pb.start();
    }

    // HashMap slots and ArrayList positions: the safe slot and position reach the sink.
    public void doPostCollections(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00090");

        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA-1", "a-Value");
        map.put("keyB-1", param);
        String fromA = (String) map.get("keyA-1");
        String fromB = (String) map.get("keyB-1");
        // ok: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec("echo " + fromA);
        // ruleid: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec("echo " + fromB);

        List<String> valuesList = new ArrayList<String>();
        valuesList.add("safe");
        valuesList.add(param);
        valuesList.add("moresafe");
        valuesList.remove(0);
        String bar = valuesList.get(1);
        // ok: JAVA-RUNTIME-EXEC
        new ProcessBuilder("sh", "-c", "echo " + bar).start();
    }

    // Constant conditions: the dead arm holds the parameter.
    public void doPostConstantCondition(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00099");
        int num = 106;
        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        // ok: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "echo " + bar});
        String live = (7 * 18) + num > 200 ? param : "This_should_never_happen";
        // ruleid: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "echo " + live});
    }

    private static String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
        StringBuilder sbxyz = new StringBuilder(param);
        String bar = sbxyz.append("_SafeStuff").toString();
        return bar;
    }

    private class Test {
        public String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
            String bar = "safe!";
            java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
            map.put("keyB-45", param);
            bar = (String) map.get("keyB-45");
            return "foo=" + bar;
        }
    }
}

// Spring MVC handlers.
@org.springframework.stereotype.Controller
class DiagnosticsController {

    @PostMapping("/diagnostics/ping")
    public void ping(@RequestParam("host") String host) throws IOException {
        String target = String.format("ping -c 1 %s", host);
        // ruleid: JAVA-RUNTIME-EXEC
        Runtime.getRuntime().exec(target);
        // ruleid: JAVA-RUNTIME-EXEC
        new ProcessBuilder("bash", "-c", "ping -c 1 " + host).start();
        // ok: JAVA-RUNTIME-EXEC
        new ProcessBuilder("ping", "-c", "1", "example.com").start();
    }

    @PostMapping("/diagnostics/script")
    public void script(@RequestBody String script) throws IOException {
        // ruleid: JAVA-RUNTIME-EXEC
        new ProcessBuilder().command("sh", "-c", script).start();
        String fixed = "uptime";
        // ok: JAVA-RUNTIME-EXEC
        new ProcessBuilder().command("sh", "-c", fixed).start();
    }
}
