// The JavaScript SDK's test pack: the rules of ../python/app.py (one of every kind the SDK
// offers), which must give the same findings on ../fixtures.
import { Pack } from "./sentra-sdk/index.js";

const pack = new Pack({ id: "sdk-test-js", name: "SDK test pack (JavaScript)", version: "1.0.0" });

pack.regex({ id: "SDK-DEBUG-PRINT", name: "Debug print", severity: "low", pattern: String.raw`\bprint\(\s*f?['"]debug`, globs: ["**/*.py"], literals: ["print("] });

pack.check({ id: "SDK-MD5", name: "MD5 digest", severity: "medium", globs: ["**/*.py"], literals: ["md5("] }, (file, out) => {
  file.lines().forEach((line, i) => {
    const at = line.indexOf("md5(");
    if (at >= 0 && !line.trimStart().startsWith("#")) {
      out.report(i + 1, at + 1, i + 1, at + 4, { fix: { description: "Use SHA-256", replacement: "sha256" } });
    }
  });
});

pack.query({
  id: "SDK-EVAL-CALL", name: "eval", severity: "high", globs: ["**/*.py"], language: "python",
  query: '(call function: (identifier) @fn (#eq? @fn "eval")) @call', report: "call", message: "Call of {{fn}}",
});

pack.taint({
  id: "SDK-CMD-INJECTION", name: "Command injection", severity: "critical", globs: ["**/*.py"], language: "python",
  sources: ["request.args.get(...)"], sinks: ["os.system($SINK)"], sanitizers: ["shlex.quote(...)"],
});

pack.project({ id: "SDK-README", name: "README missing", severity: "low" }, (project, out) => {
  if (!project.files.some((f) => f.toLowerCase() === "readme.md")) out.reportProject();
});

export const scanner = pack.scanner();
