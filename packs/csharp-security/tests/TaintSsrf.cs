// Server-side request forgery as data flow: request data choosing where the server connects.
using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Distributed;

namespace Hooks.Web.Controllers;

public class WebhooksController : Controller
{
    private readonly HttpClient _httpClient;
    private readonly IHttpClientFactory _factory;
    private readonly IDistributedCache _cache;

    // A URL from the query string fetched as is.
    public async Task<IActionResult> Preview()
    {
        var url = Request.Query["url"].ToString();
        // ruleid: CS-SSRF
        var page = await _httpClient.GetStringAsync(url);
        // ok: CS-SSRF
        var fixedPage = await _httpClient.GetStringAsync("https://status.example.com/health");
        return Content(page + fixedPage);
    }

    // Input only in the path or query of a fixed host is not SSRF.
    public async Task<IActionResult> Lookup(string user)
    {
        // ruleid: CS-SSRF
        var any = await _httpClient.GetAsync("https://" + user + ".example.com/profile");
        // ok: CS-SSRF
        var profile = await _httpClient.GetAsync($"https://api.example.com/users/{user}");
        // ok: CS-SSRF
        var search = await _httpClient.GetAsync("https://api.example.com/search?q=" + Uri.EscapeDataString(user));
        // A cache key is not a URL, even through a method named GetAsync.
        // ok: CS-SSRF
        var cached = await _cache.GetStringAsync(user);
        return Ok();
    }

    // A [FromBody] DTO's field, through a helper, into a request message.
    [HttpPost]
    public async Task<IActionResult> Register([FromBody] WebhookDto hook)
    {
        // ruleid: CS-SSRF
        var probe = new HttpRequestMessage(HttpMethod.Post, Normalize(hook.Callback));
        // ok: CS-SSRF
        var own = new HttpRequestMessage(HttpMethod.Post, Normalize("https://hooks.example.com/ping"));
        var client = _factory.CreateClient("hooks");
        await client.SendAsync(probe);
        return Ok();
    }

    private static string Normalize(string url) => url.Trim().TrimEnd('/');

    // Legacy WebRequest and WebClient; a variable overwritten by a constant is clean.
    public IActionResult Legacy()
    {
        var target = Request.Form["target"].ToString();
        // ruleid: CS-SSRF
        var request = WebRequest.Create(target);
        using var web = new WebClient();
        target = "https://mirror.example.com/feed.xml";
        // ok: CS-SSRF
        var feed = web.DownloadString(target);
        return Ok();
    }

    // A base address from a header.
    public IActionResult Proxy()
    {
        var upstream = Request.Headers["X-Upstream"].ToString();
        var client = _factory.CreateClient();
        // ruleid: CS-SSRF
        client.BaseAddress = new Uri(upstream);
        return Ok();
    }
}
