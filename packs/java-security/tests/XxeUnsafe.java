package com.example.xml;

import javax.xml.parsers.*;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.SchemaFactory;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;

// Nothing in this file hardens a factory: each one is flagged, however it is written.
public class XxeUnsafe {
    // ruleid: JAVA-XXE-DOCUMENT-BUILDER
    private static final SAXParserFactory SAX = SAXParserFactory.newInstance();

    Document parse(java.io.InputStream in) throws Exception {
        try {
            // ruleid: JAVA-XXE-DOCUMENT-BUILDER
            DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            return builder.parse(in);
        } finally {
            in.close();
        }
    }

    Object others() throws Exception {
        // ruleid: JAVA-XXE-DOCUMENT-BUILDER
        XMLInputFactory stax = XMLInputFactory.newFactory();
        // ruleid: JAVA-XXE-DOCUMENT-BUILDER
        TransformerFactory xslt = javax.xml.transform.TransformerFactory.newInstance();
        // ruleid: JAVA-XXE-DOCUMENT-BUILDER
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    }

    // ok: JAVA-XXE-DOCUMENT-BUILDER
    static DocumentBuilderFactory newInstance() { return null; }

    void mentions() {
        // ok: JAVA-XXE-DOCUMENT-BUILDER
        String doc = "DocumentBuilderFactory.newInstance() must be hardened";
        // ok: JAVA-XXE-DOCUMENT-BUILDER
        // DocumentBuilderFactory.newInstance() moved to SafeXml
        // ok: JAVA-XXE-DOCUMENT-BUILDER
        Object own = ReportFactory.newInstance();
    }
}
