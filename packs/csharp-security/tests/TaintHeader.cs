// Header injection as data flow: request data copied into response headers.
using System.Web;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Web.Controllers;

public class ExportController : Controller
{
    // A file name from the query string in Content-Disposition.
    public IActionResult Csv()
    {
        var name = Request.Query["name"].ToString();
        // ruleid: CS-HEADER-INJECTION
        Response.Headers["Content-Disposition"] = "attachment; filename=" + name;
        // ok: CS-HEADER-INJECTION
        Response.Headers["Content-Disposition"] = "attachment; filename=" + Uri.EscapeDataString(name);
        return Ok();
    }

    // An action parameter added through Headers.Append, through a helper.
    public IActionResult Tag(string version)
    {
        // ruleid: CS-HEADER-INJECTION
        Response.Headers.Append("X-Api-Version", Label(version));
        // ok: CS-HEADER-INJECTION
        Response.Headers.Append("X-Api-Version", Label("2.1"));
        return Ok();
    }

    private static string Label(string v) => "v" + v;

    // Line breaks removed; a cookie through AddHeader (classic ASP.NET shape).
    public IActionResult Lang()
    {
        var lang = Request.Cookies["lang"];
        var oneLine = lang.Replace("\r", "").Replace("\n", "");
        // ok: CS-HEADER-INJECTION
        Response.Headers["Content-Language"] = oneLine;
        // ruleid: CS-HEADER-INJECTION
        Response.AddHeader("Content-Language", lang);
        return Ok();
    }
}
