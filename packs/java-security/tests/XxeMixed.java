package com.example.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;

// Hardening is per kind of factory: the SAX and StAX factories are hardened here, the
// TransformerFactory is not.
public class XxeMixed {
    private static final String NO_DTD = "http://apache.org/xml/features/disallow-doctype-decl";

    void configure() throws Exception {
        // ok: JAVA-XXE-DOCUMENT-BUILDER
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature(NO_DTD, true);
        // ok: JAVA-XXE-DOCUMENT-BUILDER
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        // ruleid: JAVA-XXE-DOCUMENT-BUILDER
        TransformerFactory tf = TransformerFactory.newInstance();
    }
}
