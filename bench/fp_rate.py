#!/usr/bin/env python3
"""Finding density of the built-in packs on a large real tree, and a seeded sample of
findings to check by hand.

    bench/fp_rate.py                       # corpus: ~/.cargo/registry/src, every pack but misra-c
    bench/fp_rate.py /some/tree --packs secrets,owasp-top-10 --sample 20 --seed 7

Lines are counted over the files the scan read (text files under the size limit that the
walk does not exclude), so "findings per 10,000 lines" has the scanned code as its base.
Writes bench/results/<date>-fp-rate.{json,md}; the hand verdicts go into the .md after.
"""

import argparse
import collections
import datetime
import json
import os
import pathlib
import random
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def sentra_bin() -> pathlib.Path:
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "sentra-cli"], cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "sentra"


def main() -> int:
    ap = argparse.ArgumentParser()
    default = next(iter(sorted((pathlib.Path.home() / ".cargo/registry/src").glob("*"))), None)
    ap.add_argument("tree", nargs="?", default=str(default) if default else None)
    ap.add_argument("--packs", default=None, help="comma-separated pack ids (default: every built-in pack but misra-c, which is opt-in)")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not args.tree:
        print("no tree given and ~/.cargo/registry/src is empty", file=sys.stderr)
        return 2
    sentra = sentra_bin()
    if args.packs is None:
        out = subprocess.run([sentra, "list-packs", "--format", "json"], check=True, capture_output=True, text=True).stdout
        args.packs = ",".join(p["pack_id"] for p in json.loads(out)["packs"] if p["pack_id"] != "misra-c")
    scan = subprocess.run([sentra, "scan", args.tree, "--pack", args.packs, "--format", "json"], capture_output=True, text=True)
    if scan.returncode != 0:
        print(scan.stderr, file=sys.stderr)
        return 2
    result = json.loads(scan.stdout)

    # The scanned files are not listed in the result: recount them with the same limits.
    lines = 0
    files = 0
    skip_dirs = {".git", "node_modules", "target", "vendor", ".venv", "venv", "__pycache__", ".tox", ".sentra", ".hg"}
    for dirpath, dirnames, filenames in os.walk(args.tree):
        dirnames[:] = [d for d in dirnames if d not in skip_dirs]
        for name in filenames:
            p = os.path.join(dirpath, name)
            try:
                if os.path.getsize(p) > 1 << 20:
                    continue
                data = open(p, "rb").read()
            except OSError:
                continue
            if b"\0" in data[:8192]:
                continue
            files += 1
            lines += data.count(b"\n")

    by_rule = collections.Counter(f["rule_id"] for f in result["findings"])
    by_pack = collections.Counter(f["pack_id"] for f in result["findings"])
    rnd = random.Random(args.seed)
    # One finding per rule first (so the sample is not just the loudest rule), then at random.
    firing = sorted(by_rule)
    rnd.shuffle(firing)
    picked = []
    for rule in firing[: args.sample]:
        picked.append(rnd.choice([f for f in result["findings"] if f["rule_id"] == rule]))
    rest = [f for f in result["findings"] if f not in picked]
    picked += rnd.sample(rest, max(0, min(len(rest), args.sample - len(picked))))
    sample = [
        {"rule_id": f["rule_id"], "file": f["evidence"]["file"], "line": f["evidence"]["lines"][0], "snippet": f["evidence"]["snippet"].strip()[:160]}
        for f in picked
    ]
    summary = {
        "date": datetime.date.today().isoformat(),
        "tree": args.tree,
        "packs": args.packs.split(","),
        "files_scanned": result["files_scanned"],
        "files_skipped": result["files_skipped"],
        "text_files_counted": files,
        "lines": lines,
        "findings": result["total"],
        "per_10k_lines": round(result["total"] * 10000 / max(lines, 1), 2),
        "duration_ms": result["duration_ms"],
        "rule_errors": len(result["rule_errors"]),
        "errored_packs": len(result["errored_packs"]),
        "by_pack": dict(by_pack.most_common()),
        "by_rule": dict(by_rule.most_common()),
        "sample": sample,
    }
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"{summary['date']}-fp-rate"
    stem.with_suffix(".json").write_text(json.dumps(summary, indent=2) + "\n")
    md = [
        f"# Finding density on {args.tree} ({summary['date']})",
        "",
        f"Packs: {', '.join(summary['packs'])}.",
        f"{summary['files_scanned']} files scanned ({summary['files_skipped']}), {lines:,} lines in {files:,} text files,",
        f"{summary['findings']} findings: **{summary['per_10k_lines']} per 10,000 lines**; {summary['rule_errors']} rule errors, {summary['errored_packs']} errored packs; {summary['duration_ms']} ms.",
        "",
        "| pack | findings | per 10k lines |",
        "|---|---|---|",
    ]
    for p, n in by_pack.most_common():
        md.append(f"| {p} | {n} | {n * 10000 / max(lines, 1):.2f} |")
    md += ["", "| rule | findings |", "|---|---|"] + [f"| {r} | {n} |" for r, n in by_rule.most_common()]
    md += ["", "## Sample (seed %d)" % args.seed, "", "| # | rule | where | snippet | verdict |", "|---|---|---|---|---|"]
    for i, s in enumerate(sample, 1):
        snippet = s["snippet"].replace("|", "\\|").replace("\n", " ")
        md.append(f"| {i} | {s['rule_id']} | {s['file']}:{s['line']} | `{snippet}` | |")
    stem.with_suffix(".md").write_text("\n".join(md) + "\n")
    print(f"{summary['findings']} findings in {lines:,} lines: {summary['per_10k_lines']} per 10k lines -> {stem}.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
