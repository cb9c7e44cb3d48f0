"""The example pack in Python: the same two rules as examples/rust-pack, written with the
Python SDK (`sdk/python/sentra_sdk`) against the same WIT (`wit/pack.wit`), componentized
with componentize-py.

EX-DEBUG-PRINT is a regex rule: the host compiles and runs the pattern natively, the pack
only declares it. EX-HARDCODED-IP is a hand-written check no regex expresses well: an IPv4
literal whose four parts are each 0-255.
"""

import re

from sentra_sdk import Pack

pack = Pack("example-python", "Example team rules (Python)", version="1.0.0")

pack.regex("EX-DEBUG-PRINT", "Debug print left in code", r"""\bprint\(\s*f?['"]debug""",
           severity="low", globs=["**/*.py"], literals=["print("])


def is_ipv4(s):
    parts = s.split(".")
    return len(parts) == 4 and all(p and len(p) <= 3 and p.isdigit() and int(p) <= 255 for p in parts)


@pack.check("EX-HARDCODED-IP", "Hard-coded IP address", severity="medium",
            description="An IPv4 address literal ties the code to one network.")
def hardcoded_ip(file, out):
    for n, line in enumerate(file.lines(), start=1):
        if any(is_ipv4(token) for token in re.split(r"[^0-9.]", line)):
            out.report_line(n)


Scanner = pack.scanner()
