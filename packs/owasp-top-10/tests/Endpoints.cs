class Endpoints {
    // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    // const string Old = "http://api.payments-provider.com/v1";
    // ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
    const string Api = "http://api.payments-provider.com/v1";
    // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    const string Secure = "https://api.payments-provider.com/v1";
    // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
    void Run() {
        // ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
        var r = client.GetAsync("http://feeds.partner-news.net/rss");
        // ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
        var d = client.GetAsync("http://localhost:5000/health");
    }
    void Quiet() {
        // ruleid: OWASP-A09-EMPTY-CATCH
        try { Run(); } catch (IOException) {}
        // ok: OWASP-A09-EMPTY-CATCH
        try { Run(); } catch (IOException ex) { _log.LogWarning(ex, "read"); }
        // ok: OWASP-A09-EMPTY-CATCH
        var s = "catch (Exception) {}";
    }
}
