// Cross-site scripting as data flow: request data written into HTML.
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Web.Controllers;

public class SearchController : Controller
{
    // A query value echoed into an HTML content result.
    public IActionResult Results()
    {
        var q = Request.Query["q"].ToString();
        var html = "<h1>Results for " + q + "</h1>";
        // ruleid: CS-XSS
        return Content(html, "text/html");
    }

    public IActionResult ResultsEncoded()
    {
        var q = Request.Query["q"].ToString();
        var html = "<h1>Results for " + HtmlEncoder.Default.Encode(q) + "</h1>";
        // ok: CS-XSS
        return Content(html, "text/html");
    }

    // Content without an HTML content type is text/plain.
    public IActionResult Plain(string q)
    {
        // ok: CS-XSS
        return Content("You searched for " + q);
    }

    // An action parameter wrapped in HtmlString, through a helper.
    public IActionResult Card(string title)
    {
        // ruleid: CS-XSS
        ViewBag.Card = new HtmlString(CardHtml(title));
        // ok: CS-XSS
        ViewBag.Safe = new HtmlString(CardHtml(WebUtility.HtmlEncode(title)));
        return View();
    }

    private static string CardHtml(string text) => $"<div class=\"card\">{text}</div>";
}

// Middleware writing to the response.
public class GreetingMiddleware
{
    public async Task InvokeAsync(HttpContext context)
    {
        var name = context.Request.Query["name"].ToString();
        context.Response.ContentType = "text/html";
        // ruleid: CS-XSS
        await context.Response.WriteAsync($"<p>Hello, {name}!</p>");
        // ok: CS-XSS
        await context.Response.WriteAsync($"<p>Hello, {HtmlEncoder.Default.Encode(name)}!</p>");
        var who = name;
        who = "guest";
        // ok: CS-XSS
        await context.Response.WriteAsync("<p>Hello, " + who + "</p>");
    }
}
