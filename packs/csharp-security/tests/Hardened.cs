// Every cookie this file creates is hardened: nothing to flag.
public class SessionCookies
{
    public void Issue(HttpResponse response, string id)
    {
        // ok: CS-ASPNET-COOKIE-NO-FLAGS
        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
        };
        response.Cookies.Append("sid", id, options);
    }

    public SessionCookies()
    {
        // ok: CS-ASPNET-COOKIE-NO-FLAGS
        var legacy = new HttpCookie("legacy") { Secure = true, HttpOnly = true };
    }
}
