// ruleid: OWASP-A01-CS-PATH-TRAVERSAL
var text = File.ReadAllText(Path.Combine(root, Request.Query["file"]));
// ok: OWASP-A01-CS-PATH-TRAVERSAL
var text = File.ReadAllText(Path.Combine(root, "index.html"));
// ruleid: OWASP-A10-CS-REQUEST-URL
var body = await http.GetStringAsync(Request.Query["url"]);
// ok: OWASP-A10-CS-REQUEST-URL
var body = await http.GetStringAsync(_options.UpstreamUrl);
