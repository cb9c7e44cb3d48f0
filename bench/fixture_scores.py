#!/usr/bin/env python3
"""Precision and recall of the built-in security packs on their own fixtures (issue 27),
before and after the syntax rewrite: each binary's built-in pack runs over the current
fixtures (`sentra pack test packs/<id> --pack <id>`), so the old regex rules meet the new
lookalikes (definitions, strings, comments, hardened variants) and the new positives.

    bench/fixture_scores.py BEFORE_BIN AFTER_BIN [--out bench/results/<date>-security-packs/fixtures.md]

A `ruleid:` annotation is a positive; a finding on it is a true positive, a missing one a
false negative; any other finding (on an `ok:` line or an unannotated one) is a false
positive. Rules the old binary does not have count as missed.
"""

import argparse
import datetime
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKS = [
    "python-security",
    "java-security",
    "javascript-security",
    "go-security",
    "csharp-security",
    "php-security",
    "kotlin-security",
    "rust-security",
    "owasp-top-10",
    "supply-chain-security",
    "secrets",
]
FIXTURES = {"secrets": ROOT / "tests/fixtures/secrets"}


def positives(fixtures: pathlib.Path) -> int:
    n = 0
    for f in fixtures.rglob("*"):
        if f.is_file():
            n += len(re.findall(r"ruleid:\s*[A-Z0-9-]+", f.read_text(errors="replace")))
    return n


def score(binary: str, pack: str):
    # With --pack, the directory given is the fixtures themselves (the scan's root).
    fixtures = FIXTURES.get(pack, ROOT / "packs" / pack / "tests")
    out = subprocess.run([binary, "pack", "test", str(fixtures), "--pack", pack], capture_output=True, text=True, cwd=ROOT).stdout
    missing = len(re.findall(r"missing finding", out))
    unexpected = len(re.findall(r"unexpected finding", out))
    pos = positives(fixtures)
    tp = pos - missing
    precision = tp / (tp + unexpected) if tp + unexpected else 0.0
    recall = tp / pos if pos else 0.0
    return pos, tp, unexpected, missing, precision, recall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--out", default=str(ROOT / "bench/results" / f"{datetime.date.today()}-security-packs" / "fixtures.md"))
    args = ap.parse_args()
    rows = ["| pack | positives | before: TP / FP / FN | before P / R | after: TP / FP / FN | after P / R |", "|---|---|---|---|---|---|"]
    for pack in PACKS:
        b = score(args.before, pack)
        a = score(args.after, pack)
        rows.append(f"| {pack} | {a[0]} | {b[1]} / {b[2]} / {b[3]} | {b[4]:.2f} / {b[5]:.2f} | {a[1]} / {a[2]} / {a[3]} | {a[4]:.2f} / {a[5]:.2f} |")
        print(rows[-1])
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    head = [f"# Fixture precision and recall, before and after ({datetime.date.today()})", "", "`bench/fixture_scores.py`: each binary's built-in pack over the current fixtures.", ""]
    out.write_text("\n".join(head + rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
