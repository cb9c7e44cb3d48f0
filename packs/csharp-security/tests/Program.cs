// A minimal-API Program.cs: top-level statements.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    // ok: CS-ASPNET-DEV-EXCEPTION-PAGE
    app.UseDeveloperExceptionPage();
}

// ruleid: CS-ASPNET-DEV-EXCEPTION-PAGE
builder.WebHost.Configure(web => web.UseDeveloperExceptionPage());

app.MapPost("/login", (HttpContext ctx, string user) =>
{
    // ruleid: CS-ASPNET-COOKIE-NO-FLAGS
    ctx.Response.Cookies.Append("user", user, new CookieOptions { SameSite = SameSiteMode.Lax });
    return Results.Ok();
});

app.MapPost("/hook", (Payload p) => Results.Ok())
    // ruleid: CS-ASPNET-ANTIFORGERY-OFF
    .DisableAntiforgery();

app.MapPost("/form", (Payload p) => Results.Ok())
    // ok: CS-ASPNET-ANTIFORGERY-OFF
    .RequireAuthorization();

// ok: CS-ASPNET-ANTIFORGERY-OFF
var text = "endpoint.DisableAntiforgery()";

app.Run();
