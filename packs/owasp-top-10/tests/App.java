// ruleid: OWASP-A02-JAVA-STATIC-IV
IvParameterSpec iv = new IvParameterSpec(new byte[16]);
// ok: OWASP-A02-JAVA-STATIC-IV
IvParameterSpec iv = new IvParameterSpec(randomIv());
// ruleid: OWASP-A03-JAVA-LDAP-INJECTION
ctx.search(base, "(uid=" + user + ")", controls);
// ok: OWASP-A03-JAVA-LDAP-INJECTION
ctx.search(base, "(uid={0})", new Object[] { user }, controls);
// ruleid: OWASP-A03-JAVA-XPATH-INJECTION
xpath.evaluate("//user[name='" + name + "']", doc);
// ok: OWASP-A03-JAVA-XPATH-INJECTION
xpath.evaluate("//user[name=$name]", doc);
// ruleid: OWASP-A08-JAVA-XSTREAM
Order o = (Order) xstream.fromXML(body);
// ok: OWASP-A08-JAVA-XSTREAM
Order o = mapper.readValue(body, Order.class);
// ruleid: OWASP-A09-JAVA-PRINT-STACK-TRACE
e.printStackTrace();
// ok: OWASP-A09-JAVA-PRINT-STACK-TRACE
log.error("payment failed", e);
// ruleid: OWASP-A09-EMPTY-CATCH
} catch (IOException e) {}
// ok: OWASP-A09-EMPTY-CATCH
} catch (IOException e) { log.warn("read failed", e); }
