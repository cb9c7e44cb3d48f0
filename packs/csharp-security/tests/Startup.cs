using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;

namespace Shop.Web;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("open", policy =>
                // ok: CS-ASPNET-CORS-ANY
                policy.AllowAnyOrigin()
                      .AllowAnyHeader()
                      .AllowAnyMethod()
                      // ruleid: CS-ASPNET-CORS-ANY
                      .AllowCredentials());
            options.AddPolicy("reversed", policy =>
                // ruleid: CS-ASPNET-CORS-ANY
                policy.AllowCredentials().AllowAnyMethod().AllowAnyOrigin());
            options.AddPolicy("statements", policy =>
            {
                // ruleid: CS-ASPNET-CORS-ANY
                policy.AllowAnyOrigin();
                policy.AllowCredentials();
            });
            // ruleid: CS-ASPNET-CORS-ANY
            options.AddPolicy("callback", policy => policy.SetIsOriginAllowed(origin => { return true; }).AllowCredentials());

            // ok: CS-ASPNET-CORS-ANY
            options.AddPolicy("public", policy => policy.AllowAnyOrigin().AllowAnyHeader());
            // ok: CS-ASPNET-CORS-ANY
            options.AddPolicy("partners", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith(".example.com")).AllowCredentials());
            // ok: CS-ASPNET-CORS-ANY
            var hint = "policy.AllowAnyOrigin().AllowCredentials() is rejected by review";
            // ok: CS-ASPNET-CORS-ANY
            // policy.AllowAnyOrigin().AllowCredentials();
        });

        services.AddAntiforgery(o =>
        {
            // ruleid: CS-ASPNET-COOKIE-INSECURE
            o.Cookie.HttpOnly = false;
            // ok: CS-ASPNET-COOKIE-INSECURE
            o.Cookie.HttpOnly = true;
        });
        services.ConfigureApplicationCookie(o =>
        {
            // ruleid: CS-ASPNET-COOKIE-INSECURE
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.None;
            // ok: CS-ASPNET-COOKIE-INSECURE
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            // ruleid: CS-ASPNET-COOKIE-INSECURE
            o.HttpOnly = HttpOnlyPolicy.None;
            // ok: CS-ASPNET-COOKIE-INSECURE
            o.Secure = CookieSecurePolicy.Always;
            // ok: CS-ASPNET-COOKIE-INSECURE
            o.RequireSecure = false;
        });
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        // ruleid: CS-ASPNET-DEV-EXCEPTION-PAGE
        app.UseDeveloperExceptionPage();
        // ruleid: CS-ASPNET-DEV-EXCEPTION-PAGE
        app.UseDeveloperExceptionPage().UseHsts();

        if (env.IsDevelopment())
        {
            // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
            app.UseExceptionHandler("/Error");
        }
        if (env.IsProduction())
        {
            app.UseExceptionHandler("/Error");
        }
        else
        {
            // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
            app.UseDeveloperExceptionPage();
        }
        try
        {
            // ruleid: CS-ASPNET-DEV-EXCEPTION-PAGE
            app.UseDeveloperExceptionPage();
        }
        finally { }
#if DEBUG
        // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
        app.UseDeveloperExceptionPage();
#endif
        // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
        var doc = "app.UseDeveloperExceptionPage();";
        // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
        // app.UseDeveloperExceptionPage();
    }

    public void ConfigureDevelopment(IApplicationBuilder app)
    {
        // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
        app.UseDeveloperExceptionPage();
    }

    // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
    public static IApplicationBuilder UseDeveloperExceptionPage(IApplicationBuilder app) => app;
}

// ruleid: CS-ASPNET-ANTIFORGERY-OFF
[IgnoreAntiforgeryToken(Order = 1001)]
public class WebhookController : Controller
{
    // ruleid: CS-ASPNET-ANTIFORGERY-OFF
    [HttpPost, Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute]
    public IActionResult Receive() => Ok();

    // ok: CS-ASPNET-ANTIFORGERY-OFF
    [HttpPost, ValidateAntiForgeryToken]
    public IActionResult Save() => Ok();

    // ok: CS-ASPNET-ANTIFORGERY-OFF
    [AutoValidateAntiforgeryToken]
    public IActionResult Update() => Ok();

    // ok: CS-ASPNET-ANTIFORGERY-OFF
    public string Help() => "[IgnoreAntiforgeryToken] is reserved for webhooks";
}

// ok: CS-ASPNET-ANTIFORGERY-OFF
public sealed class IgnoreAntiforgeryTokenPolicy { }

public class Serializers
{
    public object Load(Stream stream, string json, string xml)
    {
        // ruleid: CS-BINARYFORMATTER
        var soap = new System.Runtime.Serialization.Formatters.Soap.SoapFormatter();
        // ruleid: CS-BINARYFORMATTER
        BinaryFormatter binary = new();
        // ruleid: CS-BINARYFORMATTER
        var los = new LosFormatter { };
        // ok: CS-BINARYFORMATTER
        var type = typeof(BinaryFormatter);
        // ok: CS-BINARYFORMATTER
        var dc = new DataContractSerializer(typeof(Order));
        // ok: CS-BINARYFORMATTER
        var msg = "new BinaryFormatter() is banned";
        // ok: CS-BINARYFORMATTER
        // var f = new BinaryFormatter();

        // ruleid: CS-JSON-TYPENAMEHANDLING
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto };
        // ruleid: CS-JSON-TYPENAMEHANDLING
        settings.TypeNameHandling = Newtonsoft.Json.TypeNameHandling.Objects;
        // ok: CS-JSON-TYPENAMEHANDLING
        settings.TypeNameHandling = TypeNameHandling.None;
        // ok: CS-JSON-TYPENAMEHANDLING
        if (settings.TypeNameHandling == TypeNameHandling.All) throw new JsonException();
        // ok: CS-JSON-TYPENAMEHANDLING
        var note = "TypeNameHandling = TypeNameHandling.All";
        // ok: CS-JSON-TYPENAMEHANDLING
        // settings.TypeNameHandling = TypeNameHandling.All;

        // ruleid: CS-XXE
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() };
        var doc = new XmlDocument();
        // ruleid: CS-XXE
        doc.XmlResolver = new System.Xml.XmlUrlResolver();
        // ruleid: CS-XXE
        readerSettings.ProhibitDtd = false;
        // ok: CS-XXE
        doc.XmlResolver = null;
        // ok: CS-XXE
        readerSettings.DtdProcessing = DtdProcessing.Ignore;
        // ok: CS-XXE
        if (readerSettings.DtdProcessing == DtdProcessing.Parse) throw new XmlException();
        // ok: CS-XXE
        var warn = "DtdProcessing = DtdProcessing.Parse enables XXE";
        // ok: CS-XXE
        // readerSettings.DtdProcessing = DtdProcessing.Parse;
        return null;
    }
}

public class Order
{
    // ruleid: CS-JSON-TYPENAMEHANDLING
    [JsonProperty(ItemTypeNameHandling = TypeNameHandling.All)]
    public List<object> Items { get; set; }

    // ok: CS-JSON-TYPENAMEHANDLING
    [JsonProperty(TypeNameHandling = TypeNameHandling.None)]
    public object Payload { get; set; }
}

public class CookiesController : Controller
{
    public IActionResult Login(string token)
    {
        // ruleid: CS-ASPNET-COOKIE-NO-FLAGS
        Response.Cookies.Append("session", token);
        // ruleid: CS-ASPNET-COOKIE-INSECURE, CS-ASPNET-COOKIE-NO-FLAGS
        Response.Cookies.Append("remember", token, new CookieOptions { HttpOnly = true, Secure = false });
        // ok: CS-ASPNET-COOKIE-NO-FLAGS
        Response.Cookies.Append("theme", "dark", Hardened());
        // ok: CS-ASPNET-COOKIE-NO-FLAGS
        list.Append("a");
        // ok: CS-ASPNET-COOKIE-NO-FLAGS
        var hint = "Response.Cookies.Append(\"session\", token)";
        // ok: CS-ASPNET-COOKIE-NO-FLAGS
        // Response.Cookies.Append("session", token);
        return Ok();
    }

    public IActionResult Track(string id)
    {
        // ruleid: CS-ASPNET-COOKIE-NO-FLAGS
        var options = new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(30) };
        Response.Cookies.Append("track", id, options);
        return Ok();
    }

    public void Legacy(HttpResponse response, string value)
    {
        // ruleid: CS-ASPNET-COOKIE-NO-FLAGS
        var cookie = new System.Web.HttpCookie("legacy", value);
        cookie.HttpOnly = true;
        response.Cookies.Add(cookie);
    }

    private static CookieOptions Hardened()
    {
        // ok: CS-ASPNET-COOKIE-NO-FLAGS
        var options = new CookieOptions { Secure = true, SameSite = SameSiteMode.Strict };
        options.HttpOnly = true;
        return options;
    }
}
