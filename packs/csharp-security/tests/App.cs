// ruleid: CS-SQL-CONCAT
var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = '" + context.Request.Query["name"] + "'", conn);
// ok: CS-SQL-CONCAT
var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
// ruleid: CS-BINARYFORMATTER
var obj = new BinaryFormatter().Deserialize(stream);
// ok: CS-BINARYFORMATTER
var obj = JsonSerializer.Deserialize<Order>(stream);
// ruleid: CS-JSON-TYPENAMEHANDLING
var s = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };
// ok: CS-JSON-TYPENAMEHANDLING
var s = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
// ruleid: CS-WEAK-HASH
var hash = MD5.Create().ComputeHash(bytes);
// ok: CS-WEAK-HASH
var hash = SHA256.HashData(bytes);
// ruleid: CS-WEAK-CIPHER
var des = DES.Create();
// ok: CS-WEAK-CIPHER
var aes = new AesGcm(key, 16);
// ruleid: CS-XXE
var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse };
// ok: CS-XXE
var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
// ruleid: CS-PROCESS-START
Process.Start("cmd.exe", "/c dir " + path);
// ok: CS-PROCESS-START
var psi = new ProcessStartInfo("git"); psi.ArgumentList.Add(path);
// ruleid: CS-INSECURE-RANDOM
var resetToken = new Random().Next();
// ok: CS-INSECURE-RANDOM
var resetToken = RandomNumberGenerator.GetInt32(int.MaxValue);
// ruleid: CS-CERT-VALIDATION-OFF
handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;
// ok: CS-CERT-VALIDATION-OFF
handler.ServerCertificateCustomValidationCallback = PinnedValidator.Check;
// ruleid: CS-ASPNET-CORS-ANY
policy.SetIsOriginAllowed(_ => true).AllowCredentials();
// ok: CS-ASPNET-CORS-ANY
policy.WithOrigins("https://shop.example.com").AllowCredentials();
// ruleid: CS-ASPNET-DEV-EXCEPTION-PAGE
app.UseDeveloperExceptionPage();
// ok: CS-ASPNET-DEV-EXCEPTION-PAGE
if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }
// ruleid: CS-ASPNET-COOKIE-INSECURE
options.Cookie.SecurePolicy = CookieSecurePolicy.None;
// ok: CS-ASPNET-COOKIE-INSECURE
options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
// Attributes sit on a declaration (top-level statements come first in a C# file).
public class OrdersController : Controller
{
    // ruleid: CS-ASPNET-ANTIFORGERY-OFF
    [IgnoreAntiforgeryToken]
    public IActionResult Import() => Ok();
    // ok: CS-ASPNET-ANTIFORGERY-OFF
    [ValidateAntiForgeryToken]
    public IActionResult Export() => Ok();
}
