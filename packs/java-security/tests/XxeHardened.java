package com.example.xml;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

// The OWASP-recommended hardening: DTDs are disallowed, so the factory is not flagged.
public final class XxeHardened {
    static DocumentBuilder builder() throws ParserConfigurationException {
        // ok: JAVA-XXE-DOCUMENT-BUILDER
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf.newDocumentBuilder();
    }
}
