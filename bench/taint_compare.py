#!/usr/bin/env python3
"""Data-flow rules against their peers (issue 28), on the same fixture files in one run.

    bench/taint_compare.py [--sentra target/release/sentra] [--out bench/results/<date>-taint]

The cases are the taint fixtures of the built-in security packs: every `ruleid:` line of a
`type: taint` rule is an unsafe case and every `ok:` line a safe twin, in the category of
the rule's CWE (SQL injection, command, code, path traversal, SSRF, open redirect, XSS,
LDAP, XPath, header, log, trust boundary, deserialization). A tool flags a case when it
reports, on that line, a finding whose CWE (or, for bandit, whose test) belongs to the
category. Score per category = true-positive rate - false-positive rate, in points (-100 to
+100), as the third-party benchmarks score.

Peers, installed from PyPI into target/bench-venv (`python3 -m venv target/bench-venv &&
target/bench-venv/bin/pip install semgrep bandit njsscan`):
- sentra: every built-in pack (the default configuration), no cache;
- bandit: its default plugin set (Python only);
- semgrep: only rule sets that come as packages from the registries: njsscan's rules
  (PyPI `njsscan`) for JavaScript; no registry package ships semgrep rules for Python,
  Java, Go, C# or PHP web injections, so semgrep is not scored there.
CPU is user + system time of the tool's processes on the same files, best of three runs.
"""

import argparse
import collections
import datetime
import json
import pathlib
import re
import resource
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "bench-venv" / "bin"
PACKS = {
    "python": "python-security",
    "java": "java-security",
    "javascript": "javascript-security",
    "go": "go-security",
    "csharp": "csharp-security",
    "php": "php-security",
}
CATEGORIES = {
    "sql": ({89}, "SQL injection"),
    "command": ({78, 77}, "command injection"),
    "code": ({94, 95}, "code injection"),
    "path": ({22, 23, 36, 73, 98}, "path traversal / file inclusion"),
    "ssrf": ({918}, "SSRF"),
    "redirect": ({601}, "open redirect"),
    "xss": ({79, 80}, "XSS"),
    "ldap": ({90}, "LDAP injection"),
    "xpath": ({643}, "XPath injection"),
    "header": ({113, 644}, "header injection"),
    "log": ({117}, "log injection"),
    "trust": ({501}, "trust boundary"),
    "deser": ({502}, "deserialization"),
}
# Bandit's tests by the category they stand for (bandit tags eval/exec CWE-78).
BANDIT = {
    "B608": "sql", "B610": "sql", "B611": "sql",
    "B602": "command", "B603": "command", "B604": "command", "B605": "command", "B606": "command", "B607": "command", "B609": "command",
    "B307": "code", "B102": "code",
    "B310": "ssrf", "B113": None,
    "B301": "deser", "B302": "deser", "B403": "deser", "B506": "deser",
    "B703": "xss", "B308": "xss", "B701": "xss", "B704": "xss",
    "B320": "xpath", "B410": "xpath",
}


def category(cwes):
    for name, (ids, _) in CATEGORIES.items():
        if any(c in ids for c in cwes):
            return name
    return None


def cwe_ints(values):
    out = []
    for v in values:
        m = re.search(r"(\d+)", str(v))
        if m:
            out.append(int(m.group(1)))
    return out


def taint_rules(pack):
    """Rule id -> category of the pack's taint rules."""
    text = (ROOT / "packs" / pack / "pack.yaml").read_text()
    rules = {}
    for block in re.split(r"\n  - id: ", text)[1:]:
        rid = block.split("\n", 1)[0].strip().strip("'\"")
        if re.search(r"\n    type: taint\b", block):
            m = re.search(r"\n    cwe: \[([^\]]*)\]", block)
            cat = category(cwe_ints(m.group(1).split(","))) if m else None
            if cat:
                rules[rid] = cat
    return rules


def cases(lang):
    """(file, line, category, unsafe) for every annotation of a taint rule."""
    pack = PACKS[lang]
    rules = taint_rules(pack)
    out = []
    for f in sorted((ROOT / "packs" / pack / "tests").rglob("*")):
        if not f.is_file():
            continue
        lines = f.read_text(errors="replace").splitlines()
        for i, line in enumerate(lines):
            for kind, rid in re.findall(r"\b(ruleid|ok):\s*([A-Z0-9-]+)", line):
                if rid in rules:
                    out.append((f, i + 2, rules[rid], kind == "ruleid"))
    return out


def timed(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p, cpu


def best_of(n, cmd, cwd):
    runs = [timed(cmd, cwd) for _ in range(n)]
    return runs[0][0], min(c for _, c in runs)


def sentra_hits(binary, workdir):
    p, cpu = best_of(3, [binary, "scan", str(workdir), "--no-cache", "--format", "json"], ROOT)
    hits = set()
    for f in json.loads(p.stdout)["findings"]:
        cat = category(cwe_ints(f.get("cwe", [])))
        if cat:
            hits.add((f["evidence"]["file"], f["evidence"]["lines"][0], cat))
    return hits, cpu


def bandit_hits(workdir):
    p, cpu = best_of(3, [str(VENV / "bandit"), "-q", "-r", ".", "-f", "json"], workdir)
    hits = set()
    for r in json.loads(p.stdout or "{}").get("results", []):
        cat = BANDIT.get(r["test_id"]) or category(cwe_ints([r.get("issue_cwe", {}).get("id", "")]))
        if cat:
            rel = str(pathlib.Path(r["filename"]).relative_to("."))
            for line in r.get("line_range") or [r["line_number"]]:
                hits.add((rel, line, cat))
    return hits, cpu


def semgrep_hits(workdir, config):
    cmd = [str(VENV / "semgrep"), "scan", "--metrics=off", "--disable-version-check", "--json", "--quiet", "--config", str(config), "."]
    p, cpu = best_of(3, cmd, workdir)
    hits = set()
    for r in json.loads(p.stdout or "{}").get("results", []):
        cat = category(cwe_ints(r.get("extra", {}).get("metadata", {}).get("cwe", []) if isinstance(r.get("extra", {}).get("metadata", {}).get("cwe"), list) else [r.get("extra", {}).get("metadata", {}).get("cwe", "")]))
        if cat:
            for line in range(r["start"]["line"], r["end"]["line"] + 1):
                hits.add((r["path"], line, cat))
    return hits, cpu


def score(case_list, hits, workdir_of):
    per = collections.defaultdict(lambda: [0, 0, 0, 0])  # tp, pos, fp, neg
    for f, line, cat, unsafe in case_list:
        flagged = (workdir_of(f), line, cat) in hits
        s = per[cat]
        if unsafe:
            s[0] += flagged
            s[1] += 1
        else:
            s[2] += flagged
            s[3] += 1
    return {c: (100.0 * tp / pos if pos else 0.0) - (100.0 * fp / neg if neg else 0.0) for c, (tp, pos, fp, neg) in per.items()}, per


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentra", default=str(ROOT / "target" / "release" / "sentra"))
    ap.add_argument("--out")
    args = ap.parse_args()
    njsscan_rules = next((VENV.parent / "lib").glob("python3*/site-packages/njsscan/rules/semantic_grep"), None)
    lines = [f"# Data-flow rules against their peers ({datetime.date.today()})", "", __doc__.split("\n\n")[1], ""]
    table = ["| language | category | cases (unsafe/safe) | sentra | bandit | semgrep |", "|---|---|---|---|---|---|"]
    cpu_rows = ["| language | files | sentra CPU s | bandit CPU s | semgrep CPU s | semgrep / sentra |", "|---|---|---|---|---|---|"]
    for lang, pack in PACKS.items():
        cs = cases(lang)
        if not cs:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            work = pathlib.Path(tmp)
            files = sorted({f for f, *_ in cs})
            for f in files:
                dest = work / f.relative_to(ROOT / "packs" / pack / "tests")
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(f.read_bytes())
            rel = lambda f: str(f.relative_to(ROOT / "packs" / pack / "tests"))
            s_hits, s_cpu = sentra_hits(args.sentra, work)
            s_score, per = score(cs, s_hits, rel)
            b_score, b_cpu = ({}, None)
            if lang == "python":
                b_hits, b_cpu = bandit_hits(work)
                b_score, _ = score(cs, b_hits, rel)
            g_score, g_cpu = ({}, None)
            if lang == "javascript" and njsscan_rules:
                g_hits, g_cpu = semgrep_hits(work, njsscan_rules)
                g_score, _ = score(cs, g_hits, rel)
            for cat in sorted(per):
                tp, pos, fp, neg = per[cat]
                fmt = lambda sc, ran: f"{sc[cat]:+.0f}" if ran else "n/a"
                table.append(f"| {lang} | {CATEGORIES[cat][1]} | {pos}/{neg} | {s_score[cat]:+.0f} | {fmt(b_score, b_cpu is not None)} | {fmt(g_score, g_cpu is not None)} |")
            ratio = f"{g_cpu / s_cpu:.1f}x" if g_cpu and s_cpu else "n/a"
            cpu_rows.append(f"| {lang} | {len(files)} | {s_cpu:.2f} | {b_cpu if b_cpu is None else round(b_cpu, 2)} | {g_cpu if g_cpu is None else round(g_cpu, 2)} | {ratio} |")
            print(f"{lang}: sentra {s_cpu:.2f}s", file=sys.stderr)
    lines += ["## Score per category (TP rate - FP rate, points)", ""] + table + ["", "## CPU on the same files", ""] + cpu_rows + [""]
    text = "\n".join(lines)
    print(text)
    if args.out:
        out = pathlib.Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "taint-compare.md").write_text(text)


if __name__ == "__main__":
    main()
