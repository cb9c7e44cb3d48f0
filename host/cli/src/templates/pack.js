// {{NAME}}: a sentra pack in JavaScript, on the JavaScript SDK (vendored in sentra-sdk/).
// Build with `npm install && node build.mjs`, test with `sentra pack test . --pack-file pack.wasm`.
import { Pack } from "./sentra-sdk/index.js";

const MAX_LINES = 40;
const pack = new Pack({ id: "{{NAME}}", name: "{{NAME}}", version: "0.1.0" });

// The host matches regex rules natively; `literals` keep files without them away.
pack.regex({
  id: "{{PREFIX}}-TASK-NO-ISSUE", name: "TODO without an issue reference", severity: "low",
  pattern: String.raw`\bTODO\b(?!\(#\d+\))`, globs: ["**/*.py"], literals: ["TODO"],
});

const indentOf = (l) => l.length - l.trimStart().length;

pack.check({ id: "{{PREFIX}}-LONG-FUNCTION", name: "Function longer than 40 lines", severity: "low", globs: ["**/*.py"] }, (file, out) => {
  const lines = file.lines();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trimStart().startsWith("def ")) continue;
    const indent = indentOf(lines[i]);
    let body = 0;
    for (const later of lines.slice(i + 1)) {
      if (later.trim() && indentOf(later) <= indent) break;
      body++;
    }
    while (body && !lines[i + body].trim()) body--;
    if (body + 1 > MAX_LINES) out.reportLine(i + 1);
  }
});

export const scanner = pack.scanner();
