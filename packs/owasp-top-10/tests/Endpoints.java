package demo;

/** Calls "http://api.payments-provider.com/v1" in old releases. */
@XmlSchema(namespace = "http://billing.vendor-corp.com/invoice")
public class Endpoints {
    // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    // private static final String OLD = "http://api.payments-provider.com/v1";
    // ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
    private static final String API = "http://api.payments-provider.com/v1";
    // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    private static final String SECURE = "https://api.payments-provider.com/v1";
    // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    private static final String NAMESPACE_URI = "http://billing.vendor-corp.com/invoice";
    // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    private static final String FEATURE = "http://apache.org/xml/features/disallow-doctype-decl";

    void run() throws Exception {
        // ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
        URL url = new URL("http://feeds.partner-news.net/rss");
        // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
        factory.setAttribute("http://javax.xml.XMLConstants/property/accessExternalDTD", "");
        // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
        Element e = doc.createElementNS("http://www.springframework.org/schema/beans", "bean");
        // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
        log.info("moved from \"http://api.payments-provider.com\"");
    }
}
