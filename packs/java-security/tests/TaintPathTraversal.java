package org.owasp.benchmark.testcode;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

// Path traversal (JAVA-PATH-TRAVERSAL): request data reaches a file path. Each unsafe
// case has a safe twin that differs only in flow.
@WebServlet(value = "/pathtraver-00/TaintPathTraversal")
public class TaintPathTraversal extends HttpServlet {

    private static final long serialVersionUID = 1L;

    // getCookies loop -> new File(dir, name)
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        javax.servlet.http.Cookie[] theCookies = request.getCookies();

        String param = "noCookieValueSupplied";
        if (theCookies != null) {
            for (javax.servlet.http.Cookie theCookie : theCookies) {
                if (theCookie.getName().equals("BenchmarkTest00001")) {
                    param = java.net.URLDecoder.decode(theCookie.getValue(), "UTF-8");
                    break;
                }
            }
        }

        String fileName = null;
        java.io.FileInputStream fis = null;
        try {
            fileName = org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + param;
            // ruleid: JAVA-PATH-TRAVERSAL
            fis = new java.io.FileInputStream(new java.io.File(fileName));
            byte[] b = new byte[1000];
            int size = fis.read(b);
            response.getWriter().println("The beginning of file: '" + "' is:\n\n");
        } catch (Exception e) {
            System.out.println("Couldn't open FileInputStream on file: '" + fileName + "'");
        } finally {
            if (fis != null) fis.close();
        }
    }

    // Safe twin: only the last name element is kept.
    public void doPostGetName(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        javax.servlet.http.Cookie[] theCookies = request.getCookies();
        String param = "noCookieValueSupplied";
        if (theCookies != null) {
            for (javax.servlet.http.Cookie theCookie : theCookies) {
                param = theCookie.getValue();
            }
        }
        String fileName = org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + FilenameUtils.getName(param);
        // ok: JAVA-PATH-TRAVERSAL
        java.io.FileInputStream fis = new java.io.FileInputStream(new java.io.File(fileName));
    }

    // getParameter -> inner class helper -> new File(parent, child)
    public void doPostChild(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00045");
        if (param == null) param = "";

        String bar = new Test().doSomething(request, param);

        // ruleid: JAVA-PATH-TRAVERSAL
        java.io.File fileTarget = new java.io.File(new java.io.File(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR), bar);
        // ok: JAVA-PATH-TRAVERSAL
        java.io.File fixed = new java.io.File(new java.io.File(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR), "Test.txt");
    }

    // getHeader -> Paths.get -> Files.newInputStream: both calls take the path.
    public void doPostNio(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        if (request.getHeader("BenchmarkTest00060") != null) {
            param = request.getHeader("BenchmarkTest00060");
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");

        String bar = doSomething(request, param);

        String fileName = org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + bar;
        // ruleid: JAVA-PATH-TRAVERSAL
        Path path = Paths.get(fileName);
        // ruleid: JAVA-PATH-TRAVERSAL
        java.io.InputStream is = Files.newInputStream(path, java.nio.file.StandardOpenOption.READ);
        // ruleid: JAVA-PATH-TRAVERSAL
        byte[] content = java.nio.file.Files.readAllBytes(Path.of(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR, bar));
    }

    // Safe twin: the helper's constant condition returns the constant.
    public void doPostNioConstant(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getHeader("BenchmarkTest00060");
        String bar = doSomethingConstant(request, param);
        // ok: JAVA-PATH-TRAVERSAL
        Path path = Paths.get(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + bar);
        // ok: JAVA-PATH-TRAVERSAL
        java.io.InputStream is = Files.newInputStream(path);
    }

    // getParameterMap -> FileOutputStream / FileWriter / RandomAccessFile
    public void doPostWrite(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = "";
        java.util.Map<String, String[]> map = request.getParameterMap();
        if (map != null) {
            String[] values = map.get("BenchmarkTest00115");
            if (values != null) param = values[0];
        }
        String fileName = org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + param;
        // ruleid: JAVA-PATH-TRAVERSAL
        java.io.FileOutputStream fos = new java.io.FileOutputStream(fileName, false);
        // ruleid: JAVA-PATH-TRAVERSAL
        java.io.FileWriter fw = new java.io.FileWriter(fileName);
        // ruleid: JAVA-PATH-TRAVERSAL
        java.io.RandomAccessFile raf = new java.io.RandomAccessFile(fileName, "rw");
        // ok: JAVA-PATH-TRAVERSAL
        java.io.FileOutputStream log = new java.io.FileOutputStream(org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + "audit.log", true);
    }

    // HashMap slots, ArrayList positions, an overwritten variable and a dead branch.
    public void doPostSafeFlows(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("BenchmarkTest00130");

        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA-61", "a_Value");
        map.put("keyB-61", param);
        String bar = (String) map.get("keyA-61");
        // ok: JAVA-PATH-TRAVERSAL
        java.io.FileReader a = new java.io.FileReader(bar);
        String unsafe = (String) map.get("keyB-61");
        // ruleid: JAVA-PATH-TRAVERSAL
        java.io.FileReader b = new java.io.FileReader(unsafe);

        java.util.List<String> valuesList = new java.util.ArrayList<String>();
        valuesList.add("safe");
        valuesList.add(param);
        valuesList.add("moresafe");
        valuesList.remove(0);
        // ok: JAVA-PATH-TRAVERSAL
        File c = new File(valuesList.get(1));
        // ruleid: JAVA-PATH-TRAVERSAL
        File d = new File(valuesList.get(0));

        String name = param;
        name = "report.pdf";
        // ok: JAVA-PATH-TRAVERSAL
        File e = new File("/var/reports", name);

        String dead = "report.pdf";
        int num = 86;
        if ((7 * 42) - num > 200) dead = "report.pdf";
        else dead = param;
        // ok: JAVA-PATH-TRAVERSAL
        File f = new File("/var/reports", dead);
    }

    private static String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
        String bar = "";
        if (param != null) {
            bar = new String(org.apache.commons.codec.binary.Base64.decodeBase64(
                org.apache.commons.codec.binary.Base64.encodeBase64(param.getBytes())));
        }
        return bar;
    }

    private static String doSomethingConstant(HttpServletRequest request, String param) throws ServletException, IOException {
        String bar = "safe!";
        int num = 106;
        bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        return bar;
    }

    private class Test {
        public String doSomething(HttpServletRequest request, String param) throws ServletException, IOException {
            String bar = param;
            if (param != null && param.length() > 1) {
                StringBuilder sbxyz = new StringBuilder(param);
                bar = sbxyz.replace(param.length() - "Z".length(), param.length(), "Z").toString();
            }
            return bar;
        }
    }
}

// Spring MVC handlers.
@org.springframework.stereotype.Controller
class DownloadController {

    private final Path uploadDir = Paths.get("/srv/uploads");

    @GetMapping("/files/{name}")
    public void download(@PathVariable("name") String name, javax.servlet.http.HttpServletResponse response) throws IOException {
        // ruleid: JAVA-PATH-TRAVERSAL
        File file = new File("/srv/uploads", name);
        // ok: JAVA-PATH-TRAVERSAL
        File safe = new File("/srv/uploads", FilenameUtils.getName(name));
        // ruleid: JAVA-PATH-TRAVERSAL
        Files.copy(uploadDir.resolve(name), response.getOutputStream());
    }

    @GetMapping("/files")
    public void list(@RequestParam String dir) throws IOException {
        // ruleid: JAVA-PATH-TRAVERSAL
        java.util.List<String> lines = Files.readAllLines(Paths.get("/srv/uploads/" + dir + "/index.txt"));
        // ok: JAVA-PATH-TRAVERSAL
        java.util.List<String> index = Files.readAllLines(Paths.get("/srv/uploads/index.txt"));
    }
}
