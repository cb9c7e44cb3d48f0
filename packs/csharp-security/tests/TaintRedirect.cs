// Open redirect as data flow: request data choosing where the browser goes next.
using Microsoft.AspNetCore.Mvc;

namespace Shop.Web.Controllers;

public class AccountController : Controller
{
    // returnUrl bound from the query string.
    [HttpPost]
    public IActionResult Login(LoginModel model, string returnUrl)
    {
        // ruleid: CS-OPEN-REDIRECT
        return Redirect(returnUrl);
    }

    [HttpPost]
    public IActionResult LoginSafe(LoginModel model, string returnUrl)
    {
        // LocalRedirect refuses other hosts.
        // ok: CS-OPEN-REDIRECT
        return LocalRedirect(returnUrl);
    }

    // A query value through a local variable and a ternary.
    public IActionResult Logout()
    {
        var next = Request.Query["next"].ToString();
        var target = string.IsNullOrEmpty(next) ? "/" : next;
        // ruleid: CS-OPEN-REDIRECT
        Response.Redirect(target);
        // ok: CS-OPEN-REDIRECT
        Response.Redirect("/");
        return new EmptyResult();
    }

    // A route value used to build a local URL with Url.Action.
    public IActionResult Continue([FromQuery] string step)
    {
        // ok: CS-OPEN-REDIRECT
        return Redirect(Url.Action("Wizard", new { step }));
    }

    // A RedirectResult and the Location header, from a cookie.
    public IActionResult Resume()
    {
        var last = Request.Cookies["last_page"];
        // ruleid: CS-OPEN-REDIRECT
        Response.Headers["Location"] = last;
        // ruleid: CS-OPEN-REDIRECT
        return new RedirectResult(last, permanent: false);
    }

    // A fixed local path with the input in its query string stays on the site.
    public IActionResult Search(string q)
    {
        // ok: CS-OPEN-REDIRECT
        return Redirect("/search?q=" + Uri.EscapeDataString(q));
    }

    public IActionResult Order(string id)
    {
        // ok: CS-OPEN-REDIRECT
        return Redirect($"/orders/{id}");
    }

    // A constant condition keeps only the safe arm.
    public IActionResult Home(string from)
    {
        int mode = 1;
        string dest = mode > 5 ? from : "/home";
        // ok: CS-OPEN-REDIRECT
        return RedirectPermanent(dest);
    }

    // Engine gap: a guard condition is not a sanitizer, so this checked redirect is
    // still reported (a condition the analysis does not read):
    //   if (Url.IsLocalUrl(returnUrl)) { return Redirect(returnUrl); }
}
