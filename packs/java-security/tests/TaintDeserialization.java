package com.example.shop.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.thoughtworks.xstream.XStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.lang3.SerializationUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

// Deserialization of request data (JAVA-UNTRUSTED-DESERIALIZATION). JAVA-DESERIALIZATION
// flags every native deserialization in a file without a filter, whatever it reads, so it
// fires on the ObjectInputStream and readObject lines too. Each unsafe case has a safe
// twin that differs only in flow.
@WebServlet(value = "/import")
public class TaintDeserialization extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final java.io.File CACHE = new java.io.File("/var/cache/shop/catalog.bin");

    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        // ruleid: JAVA-UNTRUSTED-DESERIALIZATION, JAVA-DESERIALIZATION
        ObjectInputStream in = new ObjectInputStream(request.getInputStream());
        try {
            // ruleid: JAVA-DESERIALIZATION
            Object cart = in.readObject();
        } catch (ClassNotFoundException e) {
            throw new ServletException(e);
        }
        // ruleid: JAVA-DESERIALIZATION
        // ok: JAVA-UNTRUSTED-DESERIALIZATION
        ObjectInputStream cached = new ObjectInputStream(new java.io.FileInputStream(CACHE));

        // ok: JAVA-UNTRUSTED-DESERIALIZATION
        Order order = new ObjectMapper().readValue(request.getInputStream(), Order.class);
    }

    // A cookie holding a base64-encoded object.
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        javax.servlet.http.Cookie[] cookies = request.getCookies();
        String state = "";
        if (cookies != null) {
            for (javax.servlet.http.Cookie c : cookies) {
                if (c.getName().equals("state")) state = c.getValue();
            }
        }
        byte[] raw = Base64.getDecoder().decode(state);
        // ruleid: JAVA-UNTRUSTED-DESERIALIZATION
        Object restored = SerializationUtils.deserialize(raw);

        byte[] empty = Base64.getDecoder().decode("rO0ABXA=");
        // ok: JAVA-UNTRUSTED-DESERIALIZATION
        Object none = SerializationUtils.deserialize(empty);
    }
}

// Spring MVC handlers.
@org.springframework.stereotype.Controller
class ImportController {

    private final XStream xstream = new XStream();

    @PostMapping("/import/xml")
    public String importXml(@RequestBody String xml, @CookieValue("prefs") String prefs) {
        // ruleid: JAVA-UNTRUSTED-DESERIALIZATION
        Object catalog = xstream.fromXML(xml);
        String defaults = "<prefs/>";
        // ok: JAVA-UNTRUSTED-DESERIALIZATION
        Object fallback = xstream.fromXML(defaults);
        // ruleid: JAVA-UNTRUSTED-DESERIALIZATION, JAVA-DESERIALIZATION
        java.beans.XMLDecoder decoder = new java.beans.XMLDecoder(new ByteArrayInputStream(prefs.getBytes()));
        return "imported";
    }
}
