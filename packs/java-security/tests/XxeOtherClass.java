package com.example.xml;

import com.example.legacy.DocumentBuilderFactory;

// A class of another package that shares the JAXP name is not the JAXP factory.
public class XxeOtherClass {
    void build() {
        // ok: JAVA-XXE-DOCUMENT-BUILDER
        DocumentBuilderFactory own = DocumentBuilderFactory.newInstance();
    }
}
