"""XML parsing: the standard library and lxml, by alias; defusedxml and hardened parsers stay quiet."""
import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import minidom, pulldom
from xml.etree.ElementTree import fromstring

import defusedxml.ElementTree as DET
from defusedxml.minidom import parseString as safe_parse_string
from lxml import etree
from lxml.etree import XMLParser


def parse_upload(body, path, handler, hardened_parser):
    # ruleid: PY-XML-UNSAFE
    root = ET.fromstring(body)
    # ruleid: PY-XML-UNSAFE
    tree = ET.parse(path)
    # ruleid: PY-XML-UNSAFE
    node = fromstring(body)
    # ruleid: PY-XML-UNSAFE
    dom = minidom.parseString(body)
    # ruleid: PY-XML-UNSAFE
    events = pulldom.parse(path)
    # ruleid: PY-XML-UNSAFE
    xml.sax.parseString(body, handler)
    # ruleid: PY-XML-UNSAFE
    reader = xml.sax.make_parser()
    # ruleid: PY-XML-UNSAFE
    for _, elem in ET.iterparse(path, events=("end",)):
        elem.clear()
    # ok: PY-XML-UNSAFE
    root = DET.fromstring(body)
    # ok: PY-XML-UNSAFE
    dom = safe_parse_string(body)
    # ok: PY-XML-UNSAFE
    dom = minidom.parseString(body, parser=hardened_parser)
    # ok: PY-XML-UNSAFE
    events = pulldom.parse(path, hardened_parser)
    # ok: PY-XML-UNSAFE
    text = ET.tostring(root)
    # ok: PY-XML-UNSAFE
    help_text = "ET.fromstring(body) is not safe for untrusted XML"
    return tree, node, dom, events, reader, text, help_text


def parse_lxml(body, path):
    # ruleid: PY-LXML-UNSAFE
    doc = etree.fromstring(body)
    # ruleid: PY-LXML-UNSAFE
    tree = etree.parse(path)
    # ruleid: PY-LXML-UNSAFE
    parser = etree.XMLParser()
    # ruleid: PY-LXML-UNSAFE
    loose = XMLParser(resolve_entities=True, no_network=False)
    # ruleid: PY-LXML-UNSAFE
    for _, el in etree.iterparse(path):
        el.clear()
    # ok: PY-LXML-UNSAFE
    safe = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: PY-LXML-UNSAFE
    doc = etree.fromstring(body, safe)
    # ok: PY-LXML-UNSAFE
    tree = etree.parse(path, parser=safe)
    # ok: PY-LXML-UNSAFE
    for _, el in etree.iterparse(path, resolve_entities=False):
        el.clear()
    # ok: PY-LXML-UNSAFE
    out = etree.tostring(doc)
    # ok: PY-LXML-UNSAFE
    note = "etree.fromstring(body) uses the default parser"
    return tree, parser, loose, out, note
