#!/usr/bin/env python3
"""Precision on real projects (issue 27): scan the source distributions of Flask and Django
(from PyPI), a large JavaScript project (webpack and ESLint, from npm) and a large Java project (React
Native's Android sources, from npm) as a new user would (`sentra scan DIR`, no config: the
packs are chosen from what the tree is made of), then draw a seeded random sample of
findings per project to classify by hand.

    bench/precision.py                       # fetch, build, scan, sample 30 per project
    bench/precision.py --sample 30 --seed 27 --out bench/results/2026-12-03-security-packs

Writes <out>/findings.json (every finding: project, rule, file, line, snippet, fingerprint)
and <out>/sample.json. The verdicts are given by hand in <out>/verdicts.json, keyed by
"<project>:<fingerprint>": {"verdict": "real" | "risky-api" | "false-positive", "why": "..."}; with it
present, the script writes <out>/precision.md with the tallies.
"""

import argparse
import collections
import datetime
import json
import pathlib
import random
import subprocess
import sys
import tarfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "target" / "precision-corpus"

# (project, how to fetch, archive name, the directory to scan inside the unpacked archive)
PROJECTS = [
    ("flask", ["pip", "download", "--no-deps", "--no-binary", ":all:", "flask==3.1.0"], "flask-3.1.0.tar.gz", "flask-3.1.0"),
    ("django", ["pip", "download", "--no-deps", "--no-binary", ":all:", "django==5.1.4"], "Django-5.1.4.tar.gz", "Django-5.1.4"),
    ("webpack", ["npm", "pack", "webpack@5.97.1"], "webpack-5.97.1.tgz", "package"),
    ("eslint", ["npm", "pack", "eslint@9.16.0"], "eslint-9.16.0.tgz", "package"),
    ("react-native-android", ["npm", "pack", "react-native@0.76.5"], "react-native-0.76.5.tgz", "package/ReactAndroid"),
]


def fetch(project, command, archive, inner):
    dest = CORPUS / project
    if not (dest / inner).exists():
        dest.mkdir(parents=True, exist_ok=True)
        if not (CORPUS / archive).exists():
            extra = ["-d", str(CORPUS), "-q"] if command[0] == "pip" else ["--pack-destination", str(CORPUS), "-q"]
            subprocess.run(command + extra, check=True, cwd=CORPUS)
        with tarfile.open(CORPUS / archive) as t:
            t.extractall(dest, filter="data")
    return dest / inner


def scan(binary, tree):
    out = subprocess.run([str(binary), "scan", str(tree), "--format", "json"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"scan of {tree} failed: {out.stderr}")
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / f"{datetime.date.today()}-security-packs"))
    ap.add_argument("--binary", default=None, help="a sentra binary (default: build target/release/sentra)")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    CORPUS.mkdir(parents=True, exist_ok=True)
    binary = pathlib.Path(args.binary) if args.binary else None
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "sentra-cli"], cwd=ROOT, check=True)
        binary = ROOT / "target" / "release" / "sentra"
    findings, sample = [], []
    for project, command, archive, inner in PROJECTS:
        tree = fetch(project, command, archive, inner)
        result = scan(binary, tree)
        rows = [
            {
                "project": project,
                "pack": f["pack_id"],
                "rule": f["rule_id"],
                "severity": f["severity"],
                "file": f["evidence"]["file"],
                "line": f["evidence"]["lines"][0],
                "snippet": f["evidence"]["snippet"][:200],
                "fingerprint": f["fingerprint"],
            }
            for f in result["findings"]
        ]
        findings += rows
        rng = random.Random(f"{args.seed}-{project}")
        sample += rng.sample(rows, min(args.sample, len(rows)))
        print(f"{project}: {len(rows)} findings, packs {', '.join(p if isinstance(p, str) else p.get('pack_id', '') for p in result.get('packs', []))}")
    (out / "findings.json").write_text(json.dumps(findings, indent=1) + "\n")
    (out / "sample.json").write_text(json.dumps(sample, indent=1) + "\n")
    verdicts_file = out / "verdicts.json"
    if verdicts_file.exists():
        report(out, findings, sample, json.loads(verdicts_file.read_text()))
    return 0


def report(out, findings, sample, verdicts):
    lines = [f"# Precision on real projects ({datetime.date.today()})", "", "`bench/precision.py`; verdicts by hand in `verdicts.json`.", ""]
    lines += ["| project | findings | sampled | real | risky-API flag | false positive | unclassified |", "|---|---|---|---|---|---|---|"]
    by_project = collections.defaultdict(list)
    for s in sample:
        by_project[s["project"]].append(s)
    totals = collections.Counter()
    for project, rows in by_project.items():
        c = collections.Counter(verdicts.get(f"{r['project']}:{r['fingerprint']}", {}).get("verdict", "unclassified") for r in rows)
        totals.update(c)
        total = sum(1 for f in findings if f["project"] == project)
        lines.append(f"| {project} | {total} | {len(rows)} | {c['real']} | {c['risky-api']} | {c['false-positive']} | {c['unclassified']} |")
    lines += ["", f"All samples: {sum(totals.values())}, false positives {totals['false-positive']}.", "", "## The sample", ""]
    lines += ["| project | rule | file:line | verdict | why |", "|---|---|---|---|---|"]
    for r in sample:
        v = verdicts.get(f"{r['project']}:{r['fingerprint']}", {})
        lines.append(f"| {r['project']} | {r['rule']} | {r['file']}:{r['line']} | {v.get('verdict', '')} | {v.get('why', '').replace('|', '/')} |")
    (out / "precision.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
