// Top-level snippets (tree-sitter parses them as a program of statements). The imports
// make the classes of the `calls:` rules resolve, as they would in real code.
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
// ruleid: JAVA-SQL-CONCAT
rs = stmt.executeQuery("SELECT * FROM users WHERE name = '" + request.getParameter("name") + "'");
// ok: JAVA-SQL-CONCAT
ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
// ruleid: JAVA-DESERIALIZATION
Object o = new ObjectInputStream(in).readObject();
// ok: JAVA-DESERIALIZATION
Order o = mapper.readValue(in, Order.class);
// ruleid: JAVA-JACKSON-DEFAULT-TYPING
mapper.enableDefaultTyping();
// ok: JAVA-JACKSON-DEFAULT-TYPING
mapper.registerModule(new JavaTimeModule());
// ruleid: JAVA-XXE-DOCUMENT-BUILDER
DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
// ok: JAVA-XXE-DOCUMENT-BUILDER
DocumentBuilderFactory dbf = SafeXml.documentBuilderFactory();
// ruleid: JAVA-WEAK-HASH
MessageDigest md = MessageDigest.getInstance("MD5");
// ok: JAVA-WEAK-HASH
MessageDigest md = MessageDigest.getInstance("SHA-256");
// ruleid: JAVA-WEAK-CIPHER
Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
// ok: JAVA-WEAK-CIPHER
Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
// ruleid: JAVA-RUNTIME-EXEC
Runtime.getRuntime().exec("ping " + request.getParameter("host"));
// ok: JAVA-RUNTIME-EXEC
new ProcessBuilder("ping", "-c", "1", host).start();
// ruleid: JAVA-INSECURE-RANDOM, JAVA-RANDOM-IN-SECURITY-CODE
long resetToken = new Random().nextLong();
// ok: JAVA-INSECURE-RANDOM
long resetToken = new SecureRandom().nextLong();
// ruleid: JAVA-TRUST-ALL
public void checkServerTrusted(X509Certificate[] c, String a) {}
// ok: JAVA-TRUST-ALL
HttpsURLConnection.setDefaultHostnameVerifier(strictVerifier);
// ruleid: JAVA-SPRING-CSRF-DISABLED
http.csrf(csrf -> csrf.disable());
// ok: JAVA-SPRING-CSRF-DISABLED
http.csrf(Customizer.withDefaults());
// ruleid: JAVA-SPRING-PERMIT-ALL
http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
// ok: JAVA-SPRING-PERMIT-ALL
http.authorizeHttpRequests(a -> a.anyRequest().authenticated());
// ruleid: JAVA-SPRING-CORS-ANY
@CrossOrigin(origins = "*")
// ok: JAVA-SPRING-CORS-ANY
@CrossOrigin(origins = "https://shop.example.com")
// ruleid: JAVA-PATH-TRAVERSAL
File f = new File(base, request.getParameter("name"));
// ok: JAVA-PATH-TRAVERSAL
File f = new File(base, safeName(name));
// ruleid: JAVA-LOG-INJECTION
log.info("login " + request.getParameter("user"));
// ok: JAVA-LOG-INJECTION
log.info("login {}", sanitize(user));
// ruleid: JAVA-SSRF
URL u = new URL(request.getParameter("url"));
// ok: JAVA-SSRF
URL u = new URL(config.getUpstream());
// Syntax rules read the call, not comments or strings, and the whole transformation.
// ruleid: JAVA-WEAK-CIPHER
Cipher legacy = Cipher.getInstance("DES/CBC/PKCS5Padding");
// ruleid: JAVA-WEAK-CIPHER
Cipher bare = javax.crypto.Cipher.getInstance("AES");
// ok: JAVA-WEAK-CIPHER
String doc = "never call Cipher.getInstance(\"DES\")";
// ok: JAVA-WEAK-CIPHER
// Cipher.getInstance("RC4") was removed in 2019
// ok: JAVA-WEAK-HASH
log.info("MessageDigest.getInstance(\"MD5\") is forbidden");
// ruleid: JAVA-WEAK-HASH
MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA1");
