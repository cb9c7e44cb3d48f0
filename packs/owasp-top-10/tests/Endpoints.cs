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
        // ok: OWASP-A09-EMPTY-CATCH
        try { Run(); } catch (IOException) {}
        // ruleid: OWASP-A09-EMPTY-CATCH
        try { Run(); } catch (Exception) {}
        // ruleid: OWASP-A09-EMPTY-CATCH
        try { Run(); } catch {}
        // ok: OWASP-A09-EMPTY-CATCH
        try { Run(); } catch (IOException ex) { _log.LogWarning(ex, "read"); }
        // ok: OWASP-A09-EMPTY-CATCH
        var s = "catch (Exception) {}";
    }
    bool Check(User user, string password) {
        // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if (password == "P@ssw0rd") return true;
        // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if (user.Password.Equals("P@ssw0rd")) return true;
        // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if (_hasher.Verify(user.Hash, password)) return true;
        // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
        if (NewPassword == "P@ssw0rd") return false;
        // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
        var hint = "password == \"P@ssw0rd\"";
        // ruleid: OWASP-A05-CORS-WILDCARD-HEADER
        Response.Headers.Add("Access-Control-Allow-Origin", "*");
        // ok: OWASP-A05-CORS-WILDCARD-HEADER
        Response.Headers.Add("Access-Control-Allow-Origin", _origin);
        // ok: OWASP-A05-CORS-WILDCARD-HEADER
        // Response.Headers.Add("Access-Control-Allow-Origin", "*");
        return false;
    }
}
