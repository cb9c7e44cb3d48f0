package com.example.xml;

import javax.xml.parsers.DocumentBuilderFactory;

// Setting the feature to false is not hardening.
public class XxeTurnedOff {
    void build() throws Exception {
        // ruleid: JAVA-XXE-DOCUMENT-BUILDER
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    }
}
