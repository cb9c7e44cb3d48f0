"""{{NAME}}: a sentra pack in Python. Build with
`componentize-py -d wit -w pack componentize app --stub-wasi -o pack.wasm`, test with
`sentra pack test . --pack-file pack.wasm`."""

from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import Finding, PackInfo, Rule, RuleError, ScanOutput, Severity

MAX_LINES = 40


def rule(id, name, kind, pattern=None, literals=()):
    return Rule(id=id, name=name, description="", kind=kind, severity=Severity.LOW, file_globs=["**/*.py"],
                exclude_globs=[], standard="", clause="", category="code", cwe=[], tags=[], remediation="",
                references=[], required_literals=list(literals), pattern=pattern, project_level=False,
                applies_when=None, skipped=None)


RULES = [
    rule("{{PREFIX}}-TASK-NO-ISSUE", "TODO without an issue reference", "regex", r"\bTODO\b(?!\(#\d+\))", ["TODO"]),
    rule("{{PREFIX}}-LONG-FUNCTION", "Function longer than 40 lines", "check"),
]
_matcher = None


def long_functions(text):
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("def "):
            continue
        indent = len(line) - len(line.lstrip())
        body = 0
        for later in lines[i + 1:]:
            if later.strip() and len(later) - len(later.lstrip()) <= indent:
                break
            body += 1
        while body and not lines[i + body].strip():
            body -= 1
        if body + 1 > MAX_LINES:
            yield i + 1


class Scanner(exports.Scanner):
    def configure(self, settings):
        if settings:
            from wit_world.types import Err
            raise Err(["this pack takes no settings"])

    def describe(self):
        return PackInfo(id="{{NAME}}", name="{{NAME}}", version="0.1.0", description="", license="Apache-2.0", rules=RULES)

    def scan(self, files):
        global _matcher
        findings, errors = [], []
        for f in files:
            for ri in f.rules:
                r = RULES[ri]
                if r.kind == "regex":
                    try:
                        if _matcher is None:
                            _matcher = host.compile([RULES[0].pattern])
                        found = _matcher.find_all(f.id, [0])
                    except Exception as e:
                        errors.append(RuleError(rule_id=r.id, message=str(e)))
                        continue
                    for m in found.matches:
                        findings.append(Finding(rule_id=r.id, file=f.id, line=m.line, column=m.column, end_line=m.end_line,
                                                end_column=m.end_column, message=r.name, fix=None))
                else:
                    for line in long_functions(f.contents.decode("utf-8", errors="replace")):
                        findings.append(Finding(rule_id=r.id, file=f.id, line=line, column=1, end_line=line, end_column=1,
                                                message=r.name, fix=None))
        return ScanOutput(findings=findings, errors=errors)

    def scan_project(self, project):
        return ScanOutput(findings=[], errors=[])
