// Log injection as data flow: request data written to logs with its line breaks.
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.Web.Controllers;

public class SessionController : Controller
{
    private readonly ILogger<SessionController> _logger;

    // A user name from the form, concatenated into the message.
    [HttpPost]
    public IActionResult SignIn([FromForm] string userName)
    {
        // ruleid: CS-LOG-INJECTION
        _logger.LogWarning("Failed sign-in for " + userName);
        var clean = userName.Replace("\r", "").Replace("\n", "");
        // ok: CS-LOG-INJECTION
        _logger.LogWarning("Failed sign-in for " + clean);
        return Ok();
    }

    // A header value passed as a structured-logging argument still reaches text logs.
    public IActionResult Track()
    {
        var agent = Request.Headers["User-Agent"].ToString();
        // ruleid: CS-LOG-INJECTION
        _logger.LogInformation("Visit from {Agent}", agent);
        // ok: CS-LOG-INJECTION
        _logger.LogInformation("Visit from {Agent}", "unknown");
        return Ok();
    }

    // A catalog is not a logger.
    public IActionResult Item(string sku)
    {
        // ok: CS-LOG-INJECTION
        _catalog.Warning(sku);
        // ruleid: CS-LOG-INJECTION
        _auditLog.Information("Item viewed: {Sku}", sku);
        return Ok();
    }

    // An exception first, the message second; a dead branch keeps the constant.
    public IActionResult Fail(string reason)
    {
        try
        {
            throw new InvalidOperationException();
        }
        catch (Exception ex)
        {
            // ruleid: CS-LOG-INJECTION
            _logger.LogError(ex, $"Checkout failed: {reason}");
            int retries = 0;
            string note = retries > 3 ? reason : "checkout";
            // ok: CS-LOG-INJECTION
            _logger.LogError(ex, $"Checkout failed: {note}");
        }
        return Ok();
    }
}
