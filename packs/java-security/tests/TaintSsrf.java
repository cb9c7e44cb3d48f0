package com.example.shop.web;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestTemplate;

// Server-side request forgery (JAVA-SSRF): request data chooses the address the server
// connects to. Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/proxy")
public class TaintSsrf extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String STATUS_URL = "https://status.example.com/api";

    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("url");
        if (param == null) param = "";
        String target = java.net.URLDecoder.decode(param, "UTF-8");
        // ruleid: JAVA-SSRF
        URL url = new java.net.URL(target);
        java.net.HttpURLConnection conn = (java.net.HttpURLConnection) url.openConnection();

        // ok: JAVA-SSRF
        URL fixed = new URL(STATUS_URL);

        // A key chosen from an allow-list map: the constant slot is used.
        java.util.HashMap<String, String> upstreams = new java.util.HashMap<String, String>();
        upstreams.put("status", "https://status.example.com/api");
        upstreams.put("requested", param);
        // ok: JAVA-SSRF
        URL allowed = new URL(upstreams.get("status"));
        // ruleid: JAVA-SSRF
        URL chosen = new URL(upstreams.get("requested"));
    }

    // getHeader -> helper -> java.net.http
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String callback = request.getHeader("X-Callback");
        String endpoint = withPath(callback, "/notify");
        HttpClient client = HttpClient.newHttpClient();
        // ruleid: JAVA-SSRF
        HttpRequest notify = HttpRequest.newBuilder(URI.create(endpoint)).build();
        // ok: JAVA-SSRF
        HttpRequest ping = HttpRequest.newBuilder(URI.create(STATUS_URL)).POST(HttpRequest.BodyPublishers.ofString(callback)).build();

        int num = 86;
        String host;
        if ((7 * 42) - num > 200) host = "internal.example.com";
        else host = callback;
        // ok: JAVA-SSRF
        URL notifyUrl = new URL("https://" + host + "/notify");
    }

    private static String withPath(String base, String path) {
        return base + path;
    }
}

// Spring MVC handlers.
@org.springframework.stereotype.Controller
class PreviewController {

    private RestTemplate restTemplate;

    @GetMapping("/preview")
    public void preview(@RequestParam("link") String link, @RequestBody Map<String, String> body) {
        // ruleid: JAVA-SSRF
        String page = restTemplate.getForObject(link, String.class);
        // ruleid: JAVA-SSRF
        restTemplate.exchange(link + "/meta", HttpMethod.GET, null, String.class);
        // ok: JAVA-SSRF
        restTemplate.postForObject("https://api.example.com/previews", link, String.class);
        String webhook = body.get("webhook");
        // ruleid: JAVA-SSRF
        URI target = URI.create(webhook);
        // ruleid: JAVA-SSRF
        org.apache.http.client.methods.HttpGet get = new org.apache.http.client.methods.HttpGet(webhook);
    }
}
