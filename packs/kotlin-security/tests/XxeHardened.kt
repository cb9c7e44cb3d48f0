package com.example.app.xml

import javax.xml.XMLConstants
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.stream.XMLInputFactory

object SafeXml {
    fun documentBuilderFactory(): DocumentBuilderFactory {
        // ok: KT-XXE
        val factory = DocumentBuilderFactory.newInstance()
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
        factory.isExpandEntityReferences = false
        return factory
    }

    fun stax(): XMLInputFactory {
        // ok: KT-XXE
        val f = XMLInputFactory.newInstance()
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false)
        return f
    }

    fun transformer() =
        // ok: KT-XXE
        TransformerFactory.newInstance().apply {
            setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "")
        }
}
