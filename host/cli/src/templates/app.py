"""{{NAME}}: a sentra pack in Python, on the Python SDK (vendored in `sentra_sdk/`). Build
with `componentize-py -d wit -w pack componentize app --stub-wasi -o pack.wasm`, test with
`sentra pack test . --pack-file pack.wasm`."""

from sentra_sdk import Pack

MAX_LINES = 40

pack = Pack("{{NAME}}", "{{NAME}}", version="0.1.0")

# The host matches regex rules natively; `literals` keep files without them away.
pack.regex("{{PREFIX}}-TASK-NO-ISSUE", "TODO without an issue reference", r"\bTODO\b(?!\(#\d+\))",
           severity="low", globs=["**/*.py"], literals=["TODO"])


@pack.check("{{PREFIX}}-LONG-FUNCTION", "Function longer than 40 lines", severity="low", globs=["**/*.py"])
def long_functions(file, out):
    lines = file.lines()
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
            out.report_line(i + 1)


Scanner = pack.scanner()
