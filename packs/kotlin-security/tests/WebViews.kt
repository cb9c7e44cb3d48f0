package com.example.app.web

import android.content.Context
import android.content.Context.MODE_WORLD_READABLE
import android.webkit.WebView

class HelpActivity : AppCompatActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val webView = WebView(this)
        webView.settings.apply {
            // ruleid: KT-WEBVIEW-JS-ENABLED
            javaScriptEnabled = true
            // ruleid: KT-WEBVIEW-FILE-ACCESS
            allowFileAccessFromFileURLs = true
            // ok: KT-WEBVIEW-FILE-ACCESS
            allowFileAccess = true
        }
        // ruleid: KT-WEBVIEW-JS-ENABLED
        webView.getSettings().setJavaScriptEnabled(true)
        // ruleid: KT-WEBVIEW-FILE-ACCESS
        webView.settings.setAllowUniversalAccessFromFileURLs(true)
        // ok: KT-WEBVIEW-JS-ENABLED
        webView.settings.setJavaScriptEnabled(false)
        // ok: KT-WEBVIEW-JS-ENABLED
        if (webView.settings.javaScriptEnabled == true) log("js on")
        // ok: KT-WEBVIEW-JS-ENABLED
        val hint = "settings.javaScriptEnabled = true only for our own pages"
        // ok: KT-WEBVIEW-JS-ENABLED
        // webView.settings.javaScriptEnabled = true
        // ok: KT-WEBVIEW-FILE-ACCESS
        webView.settings.setAllowFileAccessFromFileURLs(false)
        // ok: KT-WEBVIEW-FILE-ACCESS
        val doc = "allowUniversalAccessFromFileURLs = true is forbidden"
        // ok: KT-WEBVIEW-FILE-ACCESS
        // webView.settings.allowUniversalAccessFromFileURLs = true

        // ruleid: KT-WEBVIEW-JS-BRIDGE
        webView.addJavascriptInterface(
            PaymentBridge(this),
            "Payments",
        )
        // ok: KT-WEBVIEW-JS-BRIDGE
        val note = "webView.addJavascriptInterface(bridge, \"Android\") is reviewed"
        // ok: KT-WEBVIEW-JS-BRIDGE
        // webView.addJavascriptInterface(DebugBridge(), "Debug")
        // ok: KT-WEBVIEW-JS-BRIDGE
        webView.removeJavascriptInterface("Payments")
    }
}

class BridgedWebView(context: Context) : WebView(context) {
    init {
        // ruleid: KT-WEBVIEW-JS-BRIDGE
        addJavascriptInterface(LoggingBridge(), "Log")
    }

    // ok: KT-WEBVIEW-JS-BRIDGE
    override fun addJavascriptInterface(obj: Any, name: String) {
        // ruleid: KT-WEBVIEW-JS-BRIDGE
        super.addJavascriptInterface(obj, name)
    }
}

class Storage(private val context: Context) {
    fun save() {
        // ruleid: KT-WORLD-READABLE
        context.openFileOutput("export.json", MODE_WORLD_READABLE).use { it.write(data) }
        // ruleid: KT-WORLD-READABLE
        val mode = Context.MODE_PRIVATE or Context.MODE_WORLD_WRITEABLE
        // ok: KT-WORLD-READABLE
        context.openFileOutput("export.json", Context.MODE_PRIVATE).use { it.write(data) }
        // ok: KT-WORLD-READABLE
        if (mode == Context.MODE_WORLD_READABLE) throw SecurityException("world readable")
        // ok: KT-WORLD-READABLE
        val why = "MODE_WORLD_READABLE was removed in API 24"
        // ok: KT-WORLD-READABLE
        // getSharedPreferences("auth", Context.MODE_WORLD_READABLE)
    }

    companion object {
        // ok: KT-WORLD-READABLE
        const val MODE_WORLD_WRITEABLE_LEGACY = 2
    }
}
