<?php
// XML parsed with external entities or DTD loading enabled.

// ruleid: PHP-XXE
$doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
// ruleid: PHP-XXE
$dom->loadXML($body, LIBXML_NOENT | LIBXML_DTDLOAD);
// ruleid: PHP-XXE
$sx = new SimpleXMLElement($input, LIBXML_NOCDATA | \LIBXML_NOENT);
// ruleid: PHP-XXE
$reader = XMLReader::xml($xml, null, LIBXML_DTDLOAD);
// ruleid: PHP-XXE
libxml_disable_entity_loader(false);
// ruleid: PHP-XXE
$reader->setParserProperty(XMLReader::SUBST_ENTITIES, true);
// ok: PHP-XXE
$doc = simplexml_load_string($xml);
// ok: PHP-XXE
$dom->loadXML($body, LIBXML_NONET | LIBXML_NOCDATA);
// ok: PHP-XXE
libxml_disable_entity_loader(true);
// ok: PHP-XXE
$reader->setParserProperty(XMLReader::SUBST_ENTITIES, false);
// ok: PHP-XXE
$flags = LIBXML_NOENT; $doc = $cache->load('config');
// ok: PHP-XXE
$dom->loadXML($body, 'LIBXML_NOENT');
// ok: PHP-XXE
// $dom->loadXML($body, LIBXML_NOENT);
