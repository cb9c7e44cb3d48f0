// {{NAME}}: a sentra pack in JavaScript. Build with `npm install && node build.mjs`, test
// with `sentra pack test . --pack-file pack.wasm`.
import { compile } from "sentra:pack/host@0.2.0";

const MAX_LINES = 40;
const rule = (id, name, kind, pattern, literals = []) => ({
  id, name, description: "", kind, severity: "low", fileGlobs: ["**/*.py"], excludeGlobs: [], standard: "", clause: "",
  category: "code", cwe: [], tags: [], remediation: "", references: [], requiredLiterals: literals, pattern,
  projectLevel: false, appliesWhen: undefined, skipped: undefined,
});
const RULES = [
  rule("{{PREFIX}}-TASK-NO-ISSUE", "TODO without an issue reference", "regex", String.raw`\bTODO\b(?!\(#\d+\))`, ["TODO"]),
  rule("{{PREFIX}}-LONG-FUNCTION", "Function longer than 40 lines", "check"),
];
let matcher;
const indentOf = (l) => l.length - l.trimStart().length;

function* longFunctions(text) {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trimStart().startsWith("def ")) continue;
    const indent = indentOf(lines[i]);
    let body = 0;
    for (const later of lines.slice(i + 1)) {
      if (later.trim() && indentOf(later) <= indent) break;
      body++;
    }
    while (body && !lines[i + body].trim()) body--;
    if (body + 1 > MAX_LINES) yield i + 1;
  }
}

export const scanner = {
  configure(settings) {
    if (settings) throw ["this pack takes no settings"];
  },
  describe() {
    return { id: "{{NAME}}", name: "{{NAME}}", version: "0.1.0", description: "", license: "Apache-2.0", rules: RULES };
  },
  scan(files) {
    const findings = [];
    const errors = [];
    for (const f of files) {
      for (const ri of f.rules) {
        const r = RULES[ri];
        if (r.kind === "regex") {
          try {
            matcher ??= compile([RULES[0].pattern]);
            for (const m of matcher.findAll(f.id, new Uint32Array([0])).matches) {
              findings.push({ ruleId: r.id, file: f.id, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: r.name, fix: undefined });
            }
          } catch (e) {
            errors.push({ ruleId: r.id, message: String(e.payload?.message ?? e) });
          }
        } else {
          for (const line of longFunctions(new TextDecoder().decode(f.contents))) {
            findings.push({ ruleId: r.id, file: f.id, line, column: 1, endLine: line, endColumn: 1, message: r.name, fix: undefined });
          }
        }
      }
    }
    return { findings, errors };
  },
  scanProject() {
    return { findings: [], errors: [] };
  },
};
