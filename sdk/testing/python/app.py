"""The Python SDK's test pack: one rule of every kind the SDK offers (regex, check with a
fix, syntax query with a message template, data flow, project-level), run by the test
suite on `../fixtures` with `sentra pack test` and `sentra fix`. The JavaScript SDK's
test pack (`../js/pack.js`) has the same rules and must give the same findings."""

from sentra_sdk import Fix, Pack

pack = Pack("sdk-test-python", "SDK test pack (Python)", version="1.0.0")

pack.regex("SDK-DEBUG-PRINT", "Debug print", r"""\bprint\(\s*f?['"]debug""", severity="low", globs=["**/*.py"], literals=["print("])


@pack.check("SDK-MD5", "MD5 digest", severity="medium", globs=["**/*.py"], literals=["md5("])
def md5(file, out):
    for n, line in enumerate(file.lines(), start=1):
        at = line.find("md5(")
        if at >= 0 and not line.lstrip().startswith("#"):
            out.report(n, at + 1, n, at + 4, fix=Fix(description="Use SHA-256", replacement="sha256"))


pack.query("SDK-EVAL-CALL", "eval", "python", '(call function: (identifier) @fn (#eq? @fn "eval")) @call',
           report="call", severity="high", globs=["**/*.py"], message="Call of {{fn}}")

pack.taint("SDK-CMD-INJECTION", "Command injection", "python", sources=["request.args.get(...)"], sinks=["os.system($SINK)"],
           sanitizers=["shlex.quote(...)"], severity="critical", globs=["**/*.py"])


@pack.project("SDK-README", "README missing", severity="low")
def readme(project, out):
    if not any(f.lower() == "readme.md" for f in project.files):
        out.report_project()


Scanner = pack.scanner()
