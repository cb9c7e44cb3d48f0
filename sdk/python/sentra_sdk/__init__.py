"""The sentra pack SDK for Python: the shape of the Rust SDK (``sdk/src``) in Python.

A pack is a table of rules plus, optionally, hand-written checks. Regex rules are matched
by the host natively (every pattern compiled once per instance), query rules run a
tree-sitter query on the host's syntax tree, taint rules ask the host for data flows, and
checks are plain Python run inside the sandbox. Build with componentize-py against
sentra's ``wit/pack.wit`` (the ``wit_world`` module below is what it generates)::

    from sentra_sdk import Pack

    pack = Pack("my-pack", "My pack", license="MIT")
    pack.regex("MY-EVAL", "Use of eval", r"\\beval\\(", literals=["eval("], severity="high")

    @pack.check("MY-LONG-LINE", "Line over 200 characters", globs=["**/*.py"])
    def long_lines(file, out):
        for n, line in enumerate(file.lines(), start=1):
            if len(line) > 200:
                out.report_line(n)

    Scanner = pack.scanner()
"""

from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import Finding, Fix, PackInfo, Rule as WitRule, RuleError, ScanOutput, Severity

__all__ = ["API_VERSION", "Fix", "Pack", "Severity", "File", "Findings", "Project", "log", "compile_patterns", "compile_query", "compile_taint"]

#: The host's capabilities, for checks that match or query themselves (rules made with
#: `Pack.regex`, `Pack.query` and `Pack.taint` need none of this): `compile_patterns([...])`
#: gives a matcher (`find_all(file.id, [indices])`), `compile_query(language, source)` a
#: query (`matches(file.id, with_text)`), `compile_taint(spec)` a rule (`flows(file.id)`).
compile_patterns = host.compile
compile_query = host.compile_query
compile_taint = host.compile_taint

#: The pack API version this SDK targets.
API_VERSION = "0.2.0"

_SEVERITIES = {"critical": Severity.CRITICAL, "high": Severity.HIGH, "medium": Severity.MEDIUM, "low": Severity.LOW, "info": Severity.INFO}


def _severity(s):
    if isinstance(s, str):
        try:
            return _SEVERITIES[s.lower()]
        except KeyError:
            raise ValueError(f"unknown severity `{s}` (critical, high, medium, low or info)") from None
    return s


def _message_of(error):
    """The message of a host error (a `wit_world.types.Err` around a record with `message`)."""
    value = getattr(error, "value", None)
    return getattr(value, "message", None) or str(error)


def log(level, message):
    """Writes to the host's log, tagged with the pack id (`level`: trace, debug, info, warn, error)."""
    levels = {"trace": host.LogLevel.TRACE, "debug": host.LogLevel.DEBUG, "info": host.LogLevel.INFO, "warn": host.LogLevel.WARN, "error": host.LogLevel.ERROR}
    host.log(levels.get(level, level), message)


class File:
    """A file handed to the pack: `id` (for host calls), `path`, `contents` (bytes)."""

    def __init__(self, source):
        self.id, self.path, self.contents = source.id, source.path, source.contents
        self._text = None

    @property
    def text(self):
        """The contents as text (lossy UTF-8)."""
        if self._text is None:
            self._text = bytes(self.contents).decode("utf-8", errors="replace")
        return self._text

    def lines(self):
        return self.text.splitlines()


class Project:
    """What `scan_project` gets: every file walked (relative, sorted)."""

    def __init__(self, files):
        self.files = list(files)


class Findings:
    """Where a rule reports: positions are 1-based, columns count characters, the end is
    exclusive (as in the WIT)."""

    def __init__(self, rule, file_id):
        self._rule, self._file = rule, file_id
        self.out, self.errors = [], []

    @property
    def message(self):
        return self._rule.message

    def report(self, line, column=1, end_line=None, end_column=None, message=None, fix=None):
        end_line = line if end_line is None else end_line
        end_column = column if end_column is None else end_column
        self.out.append(Finding(rule_id=self._rule.id, file=self._file, line=line, column=column, end_line=end_line,
                                end_column=end_column, message=message or self._rule.message, fix=fix))

    def report_line(self, line, message=None, fix=None):
        self.report(line, 1, line, 1, message, fix)

    def report_project(self, message=None):
        self.report(1, 1, 1, 1, message)

    def error(self, message):
        """The rule could not be evaluated here: the host reports it, never drops it."""
        self.errors.append(str(message))


class _Rule:
    def __init__(self, kind, id, name, *, description="", severity="medium", globs=(), exclude=(), literals=(),
                 standard="", clause="", category="code", cwe=(), tags=(), remediation="", references=(), message=None,
                 pattern=None, project_level=False):
        self.kind, self.id, self.name, self.description = kind, id, name, description
        self.severity = _severity(severity)
        self.globs, self.exclude, self.literals = list(globs), list(exclude), list(literals)
        self.standard, self.clause, self.category = standard, clause, category
        self.cwe, self.tags, self.remediation, self.references = list(cwe), list(tags), remediation, list(references)
        self.pattern, self.project_level = pattern, project_level
        # Findings say "<name>: <description>" unless the rule gives its own message.
        self.message = message or (f"{name}: {description}" if description else name)
        self.run = None

    def wit(self):
        return WitRule(id=self.id, name=self.name, description=self.description, kind=self.kind, severity=self.severity,
                       file_globs=self.globs, exclude_globs=self.exclude, standard=self.standard, clause=self.clause,
                       category=self.category, cwe=self.cwe, tags=self.tags, remediation=self.remediation,
                       references=self.references, required_literals=self.literals, pattern=self.pattern,
                       project_level=self.project_level, applies_when=None, skipped=None)


class Pack:
    """A pack: metadata and a rule table. Rule keywords: `description`, `severity`
    (`"high"` or `Severity.HIGH`), `globs`, `exclude`, `literals` (prefilter), `standard`,
    `clause`, `category`, `cwe`, `tags`, `remediation`, `references`, `message`."""

    def __init__(self, id, name, *, version="0.1.0", description="", license="Apache-2.0"):
        self.id, self.name, self.version, self.description, self.license = id, name, version, description, license
        self.rules = []
        self._matcher = None

    def _add(self, rule):
        if any(r.id == rule.id for r in self.rules):
            raise ValueError(f"rule `{rule.id}` is defined twice")
        self.rules.append(rule)
        return rule

    def regex(self, id, name, pattern, **meta):
        """A rule the host matches natively: one finding per match."""
        return self._add(_Rule("regex", id, name, pattern=pattern, **meta))

    def check(self, id, name, **meta):
        """Decorates `fn(file, out)`, a hand-written check run on each file the rule selects."""
        def register(fn):
            self._add(_Rule("check", id, name, **meta)).run = fn
            return fn
        return register

    def query(self, id, name, language, query, report=None, **meta):
        """A tree-sitter query on the host's syntax tree: one finding per line at the
        `report` capture (or any capture). `{{capture}}` in `message` is its text."""
        rule = self._add(_Rule("query", id, name, **meta))
        rule.language, rule.source, rule.report_capture, rule.compiled = language, query, report, None
        return rule

    def taint(self, id, name, language, sources, sinks, sanitizers=(), propagators=(), unknown_calls_propagate=True, **meta):
        """A data-flow rule: one finding at each sink untrusted data reaches. Patterns are
        code (`request.args.get(...)`) or, as `("query", "...")`, tree-sitter queries."""
        rule = self._add(_Rule("taint", id, name, **meta))
        pattern = lambda p: host.TaintPattern_Query(p[1]) if isinstance(p, tuple) else host.TaintPattern_Code(p)
        rule.spec = host.TaintSpec(language=language, sources=[pattern(p) for p in sources], sinks=[pattern(p) for p in sinks],
                                   sanitizers=[pattern(p) for p in sanitizers], propagators=[pattern(p) for p in propagators],
                                   unknown_calls_propagate=unknown_calls_propagate)
        rule.compiled = None
        return rule

    def project(self, id, name, **meta):
        """Decorates `fn(project, out)`, a project-level rule run once per scan."""
        def register(fn):
            self._add(_Rule("project", id, name, project_level=True, **meta)).run = fn
            return fn
        return register

    def scanner(self):
        """The class componentize-py exports: assign it to `Scanner` in your app module."""
        pack = self

        class Scanner(exports.Scanner):
            def configure(self, settings):
                if settings.strip():
                    from wit_world.types import Err
                    raise Err(["this pack takes no settings"])

            def describe(self):
                return PackInfo(id=pack.id, name=pack.name, version=pack.version, description=pack.description,
                                license=pack.license, rules=[r.wit() for r in pack.rules])

            def scan(self, files):
                return pack._scan(files)

            def scan_project(self, project):
                return pack._scan_project(project)

        return Scanner

    # The runtime: what the exported functions do.

    def _patterns(self):
        regex = [r for r in self.rules if r.kind == "regex"]
        if self._matcher is None:
            try:
                self._matcher = ("ok", host.compile([r.pattern for r in regex]))
            except Exception as e:  # one bad pattern fails every regex rule: report it on each
                self._matcher = ("err", _message_of(e))
        return regex

    def _scan(self, sources):
        findings, errors = [], []
        for source in sources:
            file = File(source)
            regex = []
            for index in source.rules:
                rule = self.rules[index] if index < len(self.rules) else None
                if rule is None or rule.kind == "project":
                    continue
                if rule.kind == "regex":
                    regex.append(rule)
                    continue
                out = Findings(rule, file.id)
                try:
                    self._run(rule, file, out)
                except Exception as e:
                    out.error(_message_of(e))
                findings += out.out
                errors += [RuleError(rule_id=rule.id, message=m) for m in out.errors]
            if regex:
                self._match(regex, file, findings, errors)
        return ScanOutput(findings=findings, errors=errors)

    def _run(self, rule, file, out):
        if rule.kind == "check":
            rule.run(file, out)
        elif rule.kind == "query":
            if rule.compiled is None:
                rule.compiled = host.compile_query(rule.language, rule.source)
            _report_captures(rule.compiled, rule.report_capture, file, out)
        elif rule.kind == "taint":
            if rule.compiled is None:
                rule.compiled = host.compile_taint(rule.spec)
            for flow in rule.compiled.flows(file.id):
                if flow.steps:
                    sink = flow.steps[-1]
                    out.report(sink.line, sink.column, sink.end_line, sink.end_column, _flow_message(out.message, flow))

    def _match(self, rules, file, findings, errors):
        every = self._patterns()
        state, matcher = self._matcher
        if state == "err":
            errors += [RuleError(rule_id=r.id, message=matcher) for r in rules]
            return
        index = {every.index(r): r for r in rules}
        try:
            found = matcher.find_all(file.id, list(index))
        except Exception as e:
            errors += [RuleError(rule_id=r.id, message=_message_of(e)) for r in rules]
            return
        for m in found.matches:
            rule = index.get(m.pattern)
            if rule is not None:
                findings.append(Finding(rule_id=rule.id, file=file.id, line=m.line, column=m.column, end_line=m.end_line,
                                        end_column=m.end_column, message=rule.message, fix=None))
        for e in found.errors:
            if e.pattern in index:
                errors.append(RuleError(rule_id=index[e.pattern].id, message=e.message))

    def _scan_project(self, project):
        findings, errors = [], []
        wanted = [self.rules[i] for i in project.rules if i < len(self.rules)]
        for rule in (r for r in wanted if r.kind == "project"):
            out = Findings(rule, 0)
            try:
                rule.run(Project(project.files), out)
            except Exception as e:
                out.error(_message_of(e))
            findings += out.out
            errors += [RuleError(rule_id=rule.id, message=m) for m in out.errors]
        return ScanOutput(findings=findings, errors=errors)


def _render(template, names, match):
    """`template` with each `{{name}}` replaced by that capture's text."""
    out, rest = [], template
    while "{{" in rest:
        before, _, after = rest.partition("{{")
        name, closed, rest_after = after.partition("}}")
        if not closed:
            break
        out.append(before)
        index = names.index(name.strip()) if name.strip() in names else None
        text = next((c.node.text or "" for c in match.captures if c.index == index), "")
        out.append(text)
        rest = rest_after
    out.append(rest)
    return "".join(out)


def _report_captures(query, report, file, out):
    """One finding per line at the `report` capture's nodes (or every capture's)."""
    template = out.message if "{{" in out.message else None
    found = query.matches(file.id, template is not None)
    names = query.capture_names()
    wanted = names.index(report) if report in names else None
    hits = sorted(((c.node.start, c, m) for m in found.matches for c in m.captures if wanted is None or c.index == wanted),
                  key=lambda h: h[0])
    last = 0
    for _, c, m in hits:
        if c.node.line == last:
            continue
        last = c.node.line
        n = c.node
        out.report(n.line, n.column, n.end_line, n.end_column, _render(template, names, m) if template else None)


def _flow_message(base, flow):
    if len(flow.steps) > 1:
        source = flow.steps[0]
        what = source.label[len("untrusted data enters at "):] if source.label.startswith("untrusted data enters at ") else source.label
        return f"{base} (untrusted data from {what} on line {source.line})"
    return base
