// Path traversal as data flow: request data reaching file APIs.
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Docs.Web.Controllers;

public class FilesController : Controller
{
    private const string Root = "/srv/docs";

    // A query value joined to a base directory: Path.Combine does not stop "../".
    public IActionResult Read()
    {
        var name = Request.Query["name"].ToString();
        var path = Path.Combine(Root, name);
        // ruleid: CS-PATH-TRAVERSAL
        var text = System.IO.File.ReadAllText(path);
        var safePath = Path.Combine(Root, Path.GetFileName(name));
        // ok: CS-PATH-TRAVERSAL
        var safeText = System.IO.File.ReadAllText(safePath);
        return Content(text + safeText);
    }

    // A route parameter served with PhysicalFile.
    [HttpGet("download/{file}")]
    public IActionResult Download([FromRoute] string file)
    {
        // ruleid: CS-PATH-TRAVERSAL
        return PhysicalFile(Root + "/" + file, "application/octet-stream");
    }

    [HttpGet("download-safe/{file}")]
    public IActionResult DownloadSafe([FromRoute] string file)
    {
        // ok: CS-PATH-TRAVERSAL
        return PhysicalFile(Root + "/" + Path.GetFileName(file), "application/octet-stream");
    }

    // An upload written under the client's file name (an IFormFile parameter).
    [HttpPost]
    public IActionResult Upload(IFormFile upload)
    {
        var target = $"{Root}/uploads/{upload.FileName}";
        // ruleid: CS-PATH-TRAVERSAL
        using var stream = new FileStream(target, FileMode.Create);
        var generated = $"{Root}/uploads/{Guid.NewGuid()}.bin";
        // ok: CS-PATH-TRAVERSAL
        using var safeStream = new FileStream(generated, FileMode.Create);
        return Ok();
    }

    // Deleting a file named by a cookie, through a helper; a StreamReader over the
    // request body is a stream, not a path.
    [HttpPost]
    public IActionResult Forget()
    {
        var draft = Request.Cookies["draft"];
        // ruleid: CS-PATH-TRAVERSAL
        System.IO.File.Delete(DraftPath(draft));
        // ok: CS-PATH-TRAVERSAL
        System.IO.File.Delete(DraftPath("current"));
        // ok: CS-PATH-TRAVERSAL
        using var body = new StreamReader(Request.Body);
        // ruleid: CS-PATH-TRAVERSAL
        using var reader = new StreamReader(Root + "/" + draft);
        return Ok();
    }

    private static string DraftPath(string id) => Root + "/drafts/" + id + ".json";

    // Copying between paths: both arguments are sinks; a dead branch keeps the constant.
    public IActionResult Backup(string source)
    {
        // ruleid: CS-PATH-TRAVERSAL
        System.IO.File.Copy(source, Root + "/backup.bin");
        int limit = 3;
        string from = source;
        if (limit * 2 < 10)
        {
            from = Root + "/current.bin";
        }
        // ok: CS-PATH-TRAVERSAL
        System.IO.File.Copy(from, Root + "/backup.bin");
        return Ok();
    }
}
