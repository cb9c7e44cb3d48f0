"""The example pack in Python: the same two rules as examples/rust-pack, against the same
WIT (`wit/pack.wit`), componentized with componentize-py.

EX-DEBUG-PRINT is a regex rule: the host compiles and runs the pattern natively, the pack
only asks for the matches. EX-HARDCODED-IP is a hand-written check no regex expresses
well: an IPv4 literal whose four parts are each 0-255.
"""

import re

from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import (
    Finding,
    PackInfo,
    Rule,
    RuleError,
    ScanOutput,
    Severity,
)


def rule(id, name, kind, severity, description="", globs=(), literals=(), pattern=None):
    return Rule(
        id=id, name=name, description=description, kind=kind, severity=severity,
        file_globs=list(globs), exclude_globs=[], standard="", clause="", category="code",
        cwe=[], tags=[], remediation="", references=[], required_literals=list(literals),
        pattern=pattern, project_level=False, applies_when=None, skipped=None,
    )


RULES = [
    rule("EX-DEBUG-PRINT", "Debug print left in code", "regex", Severity.LOW,
         globs=["**/*.py"], literals=["print("], pattern=r"""\bprint\(\s*f?['"]debug"""),
    rule("EX-HARDCODED-IP", "Hard-coded IP address", "check", Severity.MEDIUM,
         description="An IPv4 address literal ties the code to one network."),
]

_matcher = None


def matcher():
    # Compiled once per instance, like the Rust SDK: the host shares it across instances.
    global _matcher
    if _matcher is None:
        _matcher = host.compile([RULES[0].pattern])
    return _matcher


def message(r):
    return f"{r.name}: {r.description}" if r.description else r.name


def is_ipv4(s):
    parts = s.split(".")
    return len(parts) == 4 and all(p and len(p) <= 3 and p.isdigit() and int(p) <= 255 for p in parts)


class Scanner(exports.Scanner):
    def configure(self, settings):
        if settings:
            from wit_world.types import Err
            raise Err(["this pack takes no settings"])

    def describe(self):
        return PackInfo(id="example-python", name="Example team rules (Python)", version="1.0.0",
                        description="", license="Apache-2.0", rules=RULES)

    def scan(self, files):
        findings, errors = [], []
        for f in files:
            for ri in f.rules:
                r = RULES[ri]
                if r.kind == "regex":
                    try:
                        found = matcher().find_all(f.id, [0])
                    except Exception as e:  # a pattern error is reported, never dropped
                        errors.append(RuleError(rule_id=r.id, message=str(e)))
                        continue
                    for m in found.matches:
                        findings.append(Finding(rule_id=r.id, file=f.id, line=m.line, column=m.column,
                                                end_line=m.end_line, end_column=m.end_column, message=message(r), fix=None))
                    for e in found.errors:
                        errors.append(RuleError(rule_id=r.id, message=e.message))
                else:
                    text = f.contents.decode("utf-8", errors="replace")
                    for i, line in enumerate(text.splitlines(), start=1):
                        if any(is_ipv4(tok) for tok in re.split(r"[^0-9.]", line)):
                            findings.append(Finding(rule_id=r.id, file=f.id, line=i, column=1,
                                                    end_line=i, end_column=1, message=message(r), fix=None))
        return ScanOutput(findings=findings, errors=errors)

    def scan_project(self, project):
        return ScanOutput(findings=[], errors=[])
