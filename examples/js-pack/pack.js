// The example pack in JavaScript: the same two rules as examples/rust-pack, against the
// same WIT (`wit/pack.wit`), componentized with @bytecodealliance/componentize-js.
//
// EX-DEBUG-PRINT is a regex rule: the host compiles and runs the pattern natively, the pack
// only asks for the matches. EX-HARDCODED-IP is a hand-written check no regex expresses
// well: an IPv4 literal whose four parts are each 0-255.
import { compile } from "sentra:pack/host@0.2.0";

function rule(id, name, kind, severity, { description = "", globs = [], literals = [], pattern } = {}) {
  return {
    id, name, description, kind, severity,
    fileGlobs: globs, excludeGlobs: [], standard: "", clause: "", category: "code",
    cwe: [], tags: [], remediation: "", references: [], requiredLiterals: literals,
    pattern, projectLevel: false, appliesWhen: undefined, skipped: undefined,
  };
}

const RULES = [
  rule("EX-DEBUG-PRINT", "Debug print left in code", "regex", "low",
    { globs: ["**/*.py"], literals: ["print("], pattern: String.raw`\bprint\(\s*f?['"]debug` }),
  rule("EX-HARDCODED-IP", "Hard-coded IP address", "check", "medium",
    { description: "An IPv4 address literal ties the code to one network." }),
];

// Compiled once per instance, like the Rust SDK: the host shares it across instances.
let matcher;
const message = (r) => (r.description ? `${r.name}: ${r.description}` : r.name);
const isIpv4 = (s) => {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
};

export const scanner = {
  configure(settings) {
    if (settings) throw ["this pack takes no settings"];
  },
  describe() {
    return { id: "example-js", name: "Example team rules (JavaScript)", version: "1.0.0", description: "", license: "Apache-2.0", rules: RULES };
  },
  scan(files) {
    const findings = [];
    const errors = [];
    const decoder = new TextDecoder();
    for (const f of files) {
      for (const ri of f.rules) {
        const r = RULES[ri];
        if (r.kind === "regex") {
          try {
            matcher ??= compile([r.pattern]);
            const found = matcher.findAll(f.id, new Uint32Array([0]));
            for (const m of found.matches) {
              findings.push({ ruleId: r.id, file: f.id, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: message(r), fix: undefined });
            }
            for (const e of found.errors) errors.push({ ruleId: r.id, message: e.message });
          } catch (e) {
            // A pattern error is reported, never dropped.
            errors.push({ ruleId: r.id, message: String(e.payload?.message ?? e) });
          }
        } else {
          const lines = decoder.decode(f.contents).split(/\r?\n/);
          lines.forEach((line, i) => {
            if (line.split(/[^0-9.]/).some(isIpv4)) {
              findings.push({ ruleId: r.id, file: f.id, line: i + 1, column: 1, endLine: i + 1, endColumn: 1, message: message(r), fix: undefined });
            }
          });
        }
      }
    }
    return { findings, errors };
  },
  scanProject(_project) {
    return { findings: [], errors: [] };
  },
};
