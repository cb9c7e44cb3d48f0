// The sentra pack SDK for JavaScript: the shape of the Rust SDK (sdk/src) in JavaScript.
//
// A pack is a table of rules plus, optionally, hand-written checks. Regex rules are matched
// by the host natively (every pattern compiled once per instance), query rules run a
// tree-sitter query on the host's syntax tree, taint rules ask the host for data flows, and
// checks are plain JavaScript run inside the sandbox. Build with componentize-js against
// sentra's wit/pack.wit:
//
//   import { Pack } from "./sentra-sdk/index.js";
//   const pack = new Pack({ id: "my-pack", name: "My pack", license: "MIT" });
//   pack.regex({ id: "MY-EVAL", name: "Use of eval", pattern: String.raw`\beval\(`, literals: ["eval("], severity: "high" });
//   pack.check({ id: "MY-LONG-LINE", name: "Line over 200 characters", globs: ["**/*.py"] }, (file, out) => {
//     file.lines().forEach((line, i) => { if (line.length > 200) out.reportLine(i + 1); });
//   });
//   export const scanner = pack.scanner();
import { compile, compileQuery, compileTaint, log as hostLog } from "sentra:pack/host@0.2.0";

/**
 * The host's capabilities, for checks that match or query themselves (rules made with
 * `regex`, `query` and `taint` need none of this): `compile([...])` gives a matcher
 * (`findAll(file.id, Uint32Array)`), `compileQuery(language, source)` a query
 * (`matches(file.id, withText)`), `compileTaint(spec)` a rule (`flows(file.id)`).
 */
export { compile, compileQuery, compileTaint };

/** The pack API version this SDK targets. */
export const API_VERSION = "0.2.0";

const SEVERITIES = ["critical", "high", "medium", "low", "info"];

/** The message of a host error (a thrown result error whose payload has `message`). */
const messageOf = (e) => String(e?.payload?.message ?? e?.message ?? e);

/** Writes to the host's log, tagged with the pack id (`level`: trace, debug, info, warn, error). */
export const log = (level, message) => hostLog(level, String(message));

/** A file handed to the pack: `id` (for host calls), `path`, `contents` (bytes). */
export class File {
  constructor(source) {
    this.id = source.id;
    this.path = source.path;
    this.contents = source.contents;
  }
  /** The contents as text (lossy UTF-8). */
  get text() {
    this._text ??= new TextDecoder().decode(this.contents);
    return this._text;
  }
  lines() {
    return this.text.split(/\r?\n/);
  }
}

/** Where a rule reports: positions are 1-based, columns count characters, the end is exclusive. */
export class Findings {
  constructor(rule, fileId) {
    this.rule = rule;
    this.file = fileId;
    this.out = [];
    this.errors = [];
  }
  get message() {
    return this.rule.message;
  }
  report(line, column = 1, endLine = line, endColumn = column, { message, fix } = {}) {
    this.out.push({ ruleId: this.rule.id, file: this.file, line, column, endLine, endColumn, message: message ?? this.rule.message, fix });
  }
  reportLine(line, options = {}) {
    this.report(line, 1, line, 1, options);
  }
  reportProject(message) {
    this.report(1, 1, 1, 1, { message });
  }
  /** The rule could not be evaluated here: the host reports it, never drops it. */
  error(message) {
    this.errors.push(String(message));
  }
}

function makeRule(kind, meta, extra = {}) {
  const { id, name, description = "", severity = "medium", globs = [], exclude = [], literals = [], standard = "", clause = "" } = meta;
  if (!id || !name) throw new Error("a rule needs an id and a name");
  if (!SEVERITIES.includes(severity)) throw new Error(`unknown severity \`${severity}\` (critical, high, medium, low or info)`);
  return {
    kind, id, name, description, severity, globs, exclude, literals, standard, clause,
    category: meta.category ?? "code", cwe: meta.cwe ?? [], tags: meta.tags ?? [], remediation: meta.remediation ?? "",
    references: meta.references ?? [],
    // Findings say "<name>: <description>" unless the rule gives its own message.
    message: meta.message ?? (description ? `${name}: ${description}` : name),
    pattern: undefined, projectLevel: false, ...extra,
  };
}

const witRule = (r) => ({
  id: r.id, name: r.name, description: r.description, kind: r.kind, severity: r.severity, fileGlobs: r.globs, excludeGlobs: r.exclude,
  standard: r.standard, clause: r.clause, category: r.category, cwe: r.cwe, tags: r.tags, remediation: r.remediation,
  references: r.references, requiredLiterals: r.literals, pattern: r.pattern, projectLevel: r.projectLevel,
  appliesWhen: undefined, skipped: undefined,
});

const taintPattern = (p) => (Array.isArray(p) && p[0] === "query" ? { tag: "query", val: p[1] } : { tag: "code", val: p });

/**
 * A pack: metadata and a rule table. Rule fields: `id`, `name`, `description`, `severity`,
 * `globs`, `exclude`, `literals` (prefilter), `standard`, `clause`, `category`, `cwe`, `tags`,
 * `remediation`, `references`, `message`.
 */
export class Pack {
  constructor({ id, name, version = "0.1.0", description = "", license = "Apache-2.0" }) {
    Object.assign(this, { id, name, version, description, license });
    this.rules = [];
    this.matcher = undefined;
  }
  add(rule) {
    if (this.rules.some((r) => r.id === rule.id)) throw new Error(`rule \`${rule.id}\` is defined twice`);
    this.rules.push(rule);
    return rule;
  }
  /** A rule the host matches natively: one finding per match. */
  regex(meta) {
    return this.add(makeRule("regex", meta, { pattern: meta.pattern }));
  }
  /** A hand-written check, `run(file, out)`, on each file the rule selects. */
  check(meta, run) {
    return this.add(makeRule("check", meta, { run }));
  }
  /** A tree-sitter query: one finding per line at the `report` capture (or any); `{{capture}}` in `message` is its text. */
  query(meta) {
    return this.add(makeRule("query", meta, { language: meta.language, source: meta.query, reportCapture: meta.report }));
  }
  /** A data-flow rule: one finding at each sink untrusted data reaches. Patterns are code, or `["query", "..."]`. */
  taint(meta) {
    const spec = {
      language: meta.language, sources: (meta.sources ?? []).map(taintPattern), sinks: (meta.sinks ?? []).map(taintPattern),
      sanitizers: (meta.sanitizers ?? []).map(taintPattern), propagators: (meta.propagators ?? []).map(taintPattern),
      unknownCallsPropagate: meta.unknownCallsPropagate ?? true,
    };
    return this.add(makeRule("taint", meta, { spec }));
  }
  /** A project-level rule, `run(project, out)`, once per scan (`project.files`: every file walked). */
  project(meta, run) {
    return this.add(makeRule("project", meta, { run, projectLevel: true }));
  }
  /** The `scanner` interface to export: `export const scanner = pack.scanner();`. */
  scanner() {
    return {
      configure: (settings) => {
        if (settings.trim()) throw ["this pack takes no settings"];
      },
      describe: () => ({ id: this.id, name: this.name, version: this.version, description: this.description, license: this.license, rules: this.rules.map(witRule) }),
      scan: (files) => this.scanFiles(files),
      scanProject: (project) => this.scanProject(project),
    };
  }

  scanFiles(sources) {
    const findings = [];
    const errors = [];
    for (const source of sources) {
      const file = new File(source);
      const regex = [];
      for (const index of source.rules) {
        const rule = this.rules[index];
        if (!rule || rule.kind === "project") continue;
        if (rule.kind === "regex") {
          regex.push(rule);
          continue;
        }
        const out = new Findings(rule, file.id);
        try {
          this.run(rule, file, out);
        } catch (e) {
          out.error(messageOf(e));
        }
        findings.push(...out.out);
        errors.push(...out.errors.map((message) => ({ ruleId: rule.id, message })));
      }
      if (regex.length) this.match(regex, file, findings, errors);
    }
    return { findings, errors };
  }

  run(rule, file, out) {
    if (rule.kind === "check") {
      rule.run(file, out);
    } else if (rule.kind === "query") {
      rule.compiled ??= compileQuery(rule.language, rule.source);
      reportCaptures(rule.compiled, rule.reportCapture, file, out);
    } else if (rule.kind === "taint") {
      rule.compiled ??= compileTaint(rule.spec);
      for (const flow of rule.compiled.flows(file.id)) {
        const sink = flow.steps[flow.steps.length - 1];
        if (sink) out.report(sink.line, sink.column, sink.endLine, sink.endColumn, { message: flowMessage(out.message, flow) });
      }
    }
  }

  match(rules, file, findings, errors) {
    const every = this.rules.filter((r) => r.kind === "regex");
    if (this.matcher === undefined) {
      try {
        this.matcher = { ok: compile(every.map((r) => r.pattern)) };
      } catch (e) {
        // One bad pattern fails every regex rule: report it on each.
        this.matcher = { error: messageOf(e) };
      }
    }
    if (this.matcher.error !== undefined) {
      errors.push(...rules.map((r) => ({ ruleId: r.id, message: this.matcher.error })));
      return;
    }
    const byPattern = new Map(rules.map((r) => [every.indexOf(r), r]));
    let found;
    try {
      found = this.matcher.ok.findAll(file.id, new Uint32Array([...byPattern.keys()]));
    } catch (e) {
      errors.push(...rules.map((r) => ({ ruleId: r.id, message: messageOf(e) })));
      return;
    }
    for (const m of found.matches) {
      const rule = byPattern.get(m.pattern);
      if (rule) findings.push({ ruleId: rule.id, file: file.id, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: rule.message, fix: undefined });
    }
    for (const e of found.errors) {
      const rule = byPattern.get(e.pattern);
      if (rule) errors.push({ ruleId: rule.id, message: e.message });
    }
  }

  scanProject(project) {
    const findings = [];
    const errors = [];
    for (const index of project.rules) {
      const rule = this.rules[index];
      if (!rule || rule.kind !== "project") continue;
      const out = new Findings(rule, 0);
      try {
        rule.run({ files: project.files }, out);
      } catch (e) {
        out.error(messageOf(e));
      }
      findings.push(...out.out);
      errors.push(...out.errors.map((message) => ({ ruleId: rule.id, message })));
    }
    return { findings, errors };
  }
}

/** `template` with each `{{name}}` replaced by that capture's text in `match`. */
function render(template, names, match) {
  return template.replace(/\{\{([^}]*)\}\}/g, (_, name) => {
    const index = names.indexOf(name.trim());
    return match.captures.find((c) => c.index === index)?.node.text ?? "";
  });
}

/** One finding per line at the `report` capture's nodes (or every capture's). */
function reportCaptures(query, report, file, out) {
  const template = out.message.includes("{{") ? out.message : undefined;
  const found = query.matches(file.id, template !== undefined);
  const names = query.captureNames();
  const wanted = report === undefined ? -1 : names.indexOf(report);
  const hits = [];
  for (const m of found.matches) {
    for (const c of m.captures) if (wanted < 0 || c.index === wanted) hits.push([c, m]);
  }
  hits.sort((a, b) => a[0].node.start - b[0].node.start);
  let last = 0;
  for (const [c, m] of hits) {
    if (c.node.line === last) continue;
    last = c.node.line;
    const n = c.node;
    out.report(n.line, n.column, n.endLine, n.endColumn, { message: template === undefined ? undefined : render(template, names, m) });
  }
}

function flowMessage(base, flow) {
  if (flow.steps.length < 2) return base;
  const source = flow.steps[0];
  const prefix = "untrusted data enters at ";
  const what = source.label.startsWith(prefix) ? source.label.slice(prefix.length) : source.label;
  return `${base} (untrusted data from ${what} on line ${source.line})`;
}
