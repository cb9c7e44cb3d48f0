package com.example.app.xml

import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.parsers.SAXParserFactory
import javax.xml.stream.XMLInputFactory

class Importer {
    fun parse(input: InputStream): Document {
        // ruleid: KT-XXE
        val factory = DocumentBuilderFactory.newInstance()
        factory.isNamespaceAware = true
        return factory.newDocumentBuilder().parse(input)
    }

    // ruleid: KT-XXE
    private val sax = javax.xml.parsers.SAXParserFactory.newInstance()

    fun stax(input: InputStream) =
        // ruleid: KT-XXE
        XMLInputFactory.newFactory().createXMLStreamReader(input)

    fun transform() {
        // ruleid: KT-XXE
        val tf = TransformerFactory.newInstance()
        // ok: KT-XXE
        val other = ParserPool.newInstance()
        // ok: KT-XXE
        val text = "DocumentBuilderFactory.newInstance() must be hardened"
        // ok: KT-XXE
        // val f = DocumentBuilderFactory.newInstance()
    }

    // ok: KT-XXE
    fun newInstance(): DocumentBuilderFactory = SafeXml.documentBuilderFactory()
}
