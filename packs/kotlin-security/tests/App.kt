// ruleid: KT-WEBVIEW-JS-BRIDGE
webView.addJavascriptInterface(Bridge(this), "Android")
// ok: KT-WEBVIEW-JS-BRIDGE
webView.removeJavascriptInterface("Android")
// ruleid: KT-WEBVIEW-JS-ENABLED
webView.settings.javaScriptEnabled = true
// ok: KT-WEBVIEW-JS-ENABLED
webView.settings.javaScriptEnabled = false
// ruleid: KT-WEBVIEW-FILE-ACCESS
webView.settings.allowUniversalAccessFromFileURLs = true
// ok: KT-WEBVIEW-FILE-ACCESS
webView.settings.allowUniversalAccessFromFileURLs = false
// ruleid: KT-WEAK-HASH
val md = MessageDigest.getInstance("MD5")
// ok: KT-WEAK-HASH
val md = MessageDigest.getInstance("SHA-256")
// ruleid: KT-WEAK-CIPHER
val c = Cipher.getInstance("AES/ECB/PKCS5Padding")
// ok: KT-WEAK-CIPHER
val c = Cipher.getInstance("AES/GCM/NoPadding")
// ruleid: KT-SQL-CONCAT
db.rawQuery("SELECT * FROM notes WHERE title = '$title'", null)
// ok: KT-SQL-CONCAT
db.rawQuery("SELECT * FROM notes WHERE title = ?", arrayOf(title))
// ruleid: KT-WORLD-READABLE
val prefs = getSharedPreferences("auth", Context.MODE_WORLD_READABLE)
// ok: KT-WORLD-READABLE
val prefs = getSharedPreferences("auth", Context.MODE_PRIVATE)
// ruleid: KT-SPRING-CSRF-DISABLED
http { csrf { disable() } }
// ok: KT-SPRING-CSRF-DISABLED
http { csrf { } }
// ruleid: KT-SPRING-PERMIT-ALL
authorize(anyRequest, permitAll)
// ok: KT-SPRING-PERMIT-ALL
authorize(anyRequest, authenticated)
// ruleid: KT-INSECURE-RANDOM
val resetToken = Random.nextLong()
// ok: KT-INSECURE-RANDOM
val resetToken = SecureRandom().nextLong()
