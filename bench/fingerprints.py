#!/usr/bin/env python3
"""Which findings keep their fingerprints across the syntax rewrite (issue 27): scan the
same trees with the binary before and the binary after, and compare per rule.

    bench/fingerprints.py BEFORE_BIN AFTER_BIN TREE... [--out FILE.md]

For each rule id of the before scan: findings kept (same fingerprint after), dropped (no
finding of that rule on that line any more: a lookalike the syntax rule no longer takes,
or a rule now scoped away from tests), and changed (a finding of the same rule on the same
file and line whose fingerprint differs: what would churn suppressions). New findings are
counted per rule too.
"""

import argparse
import collections
import json
import pathlib
import subprocess
import sys


def scan(binary, tree):
    out = subprocess.run([binary, "scan", tree, "--format", "json"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{binary} scan {tree}: {out.stderr}")
    return [(tree, f["rule_id"], f["evidence"]["file"], f["evidence"]["lines"][0], f["fingerprint"]) for f in json.loads(out.stdout)["findings"]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("trees", nargs="+")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    before = [f for t in args.trees for f in scan(args.before, t)]
    after = [f for t in args.trees for f in scan(args.after, t)]
    after_prints = {f[4] for f in after}
    after_lines = {(f[0], f[1], f[2], f[3]): f[4] for f in after}
    before_prints = {f[4] for f in before}
    stats = collections.defaultdict(collections.Counter)
    for f in before:
        key = (f[0], f[1], f[2], f[3])
        if f[4] in after_prints:
            stats[f[1]]["kept"] += 1
        elif key in after_lines:
            stats[f[1]]["changed"] += 1
        else:
            stats[f[1]]["dropped"] += 1
    for f in after:
        if f[4] not in before_prints and (f[0], f[1], f[2], f[3]) not in {(b[0], b[1], b[2], b[3]) for b in before}:
            stats[f[1]]["new"] += 1
    rows = ["| rule | kept | changed | dropped | new |", "|---|---|---|---|---|"]
    total = collections.Counter()
    for rule in sorted(stats):
        s = stats[rule]
        total.update(s)
        rows.append(f"| {rule} | {s['kept']} | {s['changed']} | {s['dropped']} | {s['new']} |")
    rows.append(f"| **all** | {total['kept']} | {total['changed']} | {total['dropped']} | {total['new']} |")
    text = "\n".join(rows) + "\n"
    print(text)
    if args.out:
        pathlib.Path(args.out).write_text(f"# Fingerprints before and after\n\nTrees: {', '.join(args.trees)}\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
