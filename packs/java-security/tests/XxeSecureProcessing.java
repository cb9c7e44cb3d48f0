package com.example.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;

// Secure processing set explicitly (it empties accessExternalDTD) hardens both kinds.
public class XxeSecureProcessing {
    // ok: JAVA-XXE-DOCUMENT-BUILDER
    private final DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    // ok: JAVA-XXE-DOCUMENT-BUILDER
    private final TransformerFactory tf = TransformerFactory.newInstance();

    XxeSecureProcessing() throws Exception {
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }
}
