// Command injection as data flow: request data reaching Process.Start and ProcessStartInfo.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ops.Web.Controllers;

public class DiagnosticsController : Controller
{
    // A query value concatenated into a shell command line.
    public IActionResult Ping()
    {
        var host = Request.Query["host"].ToString();
        var commandLine = "-c \"ping -c 1 " + host + "\"";
        // ruleid: CS-PROCESS-START
        // ruleid: CS-COMMAND-INJECTION
        Process.Start("/bin/sh", commandLine);
        // ruleid: CS-PROCESS-START
        // ok: CS-COMMAND-INJECTION
        Process.Start("/bin/sh", "-c \"ping -c 1 localhost\"");
        return Ok();
    }

    // A [FromForm] parameter through Arguments, versus ArgumentList (no shell parsing).
    [HttpPost]
    public IActionResult Archive([FromForm] string folder)
    {
        var psi = new ProcessStartInfo("tar");
        // ruleid: CS-PROCESS-START
        // ruleid: CS-COMMAND-INJECTION
        psi.Arguments = $"-czf backup.tgz {folder}";
        var safe = new ProcessStartInfo("tar");
        safe.ArgumentList.Add("-czf");
        safe.ArgumentList.Add("backup.tgz");
        safe.ArgumentList.Add(folder);
        // ok: CS-COMMAND-INJECTION
        Process.Start(safe);
        return Ok();
    }

    // An action parameter through a helper, into the ProcessStartInfo constructor.
    public IActionResult Convert(string file)
    {
        // ruleid: CS-COMMAND-INJECTION
        var psi = new ProcessStartInfo("convert", BuildArgs(file));
        // ok: CS-COMMAND-INJECTION
        var fixedPsi = new ProcessStartInfo("convert", BuildArgs("logo.png"));
        return Ok();
    }

    private static string BuildArgs(string input) => input + " -resize 50% out.png";

    // The program itself chosen by a header; a number parsed from the request is clean.
    public IActionResult Tool(int pid)
    {
        var tool = Request.Headers["X-Tool"].ToString();
        var psi = new ProcessStartInfo();
        // ruleid: CS-COMMAND-INJECTION
        psi.FileName = tool;
        // ok: CS-COMMAND-INJECTION
        psi.FileName = "/usr/bin/kill";
        var signal = int.Parse(Request.Query["signal"]);
        // ruleid: CS-PROCESS-START
        // ok: CS-COMMAND-INJECTION
        Process.Start("/usr/bin/kill", "-" + signal + " " + pid);
        return Ok();
    }

    // The variable is overwritten by a constant before use.
    public IActionResult Git()
    {
        var branch = HttpContext.Request.Query["branch"].ToString();
        // ruleid: CS-PROCESS-START
        // ruleid: CS-COMMAND-INJECTION
        Process.Start("git", "checkout " + branch);
        branch = "main";
        // ruleid: CS-PROCESS-START
        // ok: CS-COMMAND-INJECTION
        Process.Start("git", "checkout " + branch);
        return Ok();
    }
}
