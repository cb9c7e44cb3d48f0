class FilesController : Controller {
    async Task<string> Get(HttpClient http, string root) {
        // ruleid: OWASP-A01-CS-PATH-TRAVERSAL
        var text = File.ReadAllText(Path.Combine(root, Request.Query["file"]));
        // ok: OWASP-A01-CS-PATH-TRAVERSAL
        var text = File.ReadAllText(Path.Combine(root, "index.html"));
        // ruleid: OWASP-A01-CS-PATH-TRAVERSAL
        using var stream = File.OpenRead(HttpContext.Request.Form["path"]);
        // ok: OWASP-A01-CS-PATH-TRAVERSAL
        var bytes = File.ReadAllBytes(Path.Combine(root, Path.GetFileName(Request.RouteValues["name"].ToString())));
        // ok: OWASP-A01-CS-PATH-TRAVERSAL
        var data = Archive.ReadAllText(Request.Query["file"]);
        // ok: OWASP-A01-CS-PATH-TRAVERSAL
        var msg = "File.ReadAllText(Request.Query[\"file\"])";
        // ok: OWASP-A01-CS-PATH-TRAVERSAL
        // var text = File.ReadAllText(Request.Query["file"]);

        // ruleid: OWASP-A10-CS-REQUEST-URL
        var body = await http.GetStringAsync(Request.Query["url"]);
        // ok: OWASP-A10-CS-REQUEST-URL
        var body = await http.GetStringAsync(_options.UpstreamUrl);
        // ruleid: OWASP-A10-CS-REQUEST-URL
        var resp = await http.PostAsync(HttpContext.Request.Form["callback"], content);
        // ok: OWASP-A10-CS-REQUEST-URL
        var page = await http.GetAsync("https://api.example.com/search?q=" + Request.Query["q"]);
        // ok: OWASP-A10-CS-REQUEST-URL
        var note = "http.GetStringAsync(Request.Query[\"url\"])";
        // ok: OWASP-A10-CS-REQUEST-URL
        // var body = await http.GetStringAsync(Request.Query["url"]);
        return body;
    }
}
