#!/usr/bin/env python3
"""The syntax-trees benchmark (issue 26): what parsing costs, and what it adds to a scan.

1. Scan CPU with every built-in pack, before syntax rules (a build of BEFORE, default the
   last commit without them) and now, on the performance corpus (bench/perf.py assembles
   it; the 10% subset by default), interleaved runs, medians.
2. Parse cost per language (MB/s, one thread) and the resident memory of a tree per
   source byte (largest files, each in a fresh process), from `sentra-syntax-cost`.

    bench/syntax.py                    # build both, run, write bench/results/<date>-syntax/
    bench/syntax.py --runs 5 --subset 50
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perf  # noqa: E402  (corpus assembly and the measured run helper)

ROOT = perf.ROOT
BIN = ROOT / "target/bench-bin"
BEFORE = "7f6514d"


def build(rev, name):
    """A release `sentra` of `rev` (HEAD: the working tree) as target/bench-bin/<name>."""
    BIN.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if rev == "HEAD":
        src = ROOT
    else:
        src = ROOT / "target/bench-worktree"
        if src.exists():
            subprocess.run(["git", "worktree", "remove", "--force", str(src)], cwd=ROOT)
        subprocess.run(["git", "worktree", "add", "--detach", str(src), rev], cwd=ROOT, check=True)
        # Its guest packs must not overwrite this tree's (tests read them from target/guest).
        env["SENTRA_GUEST_TARGET_DIR"] = str(ROOT / "target/bench-guest-before")
    subprocess.run(["cargo", "build", "--release", "-p", "sentra-cli", "-p", "sentra-bench", "--target-dir", str(ROOT / "target")], cwd=src, env=env, check=True)
    shutil.copy(ROOT / "target/release/sentra", BIN / name)
    if rev == "HEAD":
        shutil.copy(ROOT / "target/release/sentra-syntax-cost", BIN / "sentra-syntax-cost")
    else:
        subprocess.run(["git", "worktree", "remove", "--force", str(src)], cwd=ROOT)


def scan_cpu(binary, corpus, packs, cache):
    env = perf.sentra_env(cache)
    cmd = [str(binary), "scan", str(corpus), "--no-cache", "--pack", ",".join(packs), "--format", "json", "-o", "/dev/null", "--timings"]
    wall, cpu, rss, code, err = perf.run(cmd, env=env)
    if code not in (0, 1):
        raise SystemExit(f"{binary} failed ({code}): {err[-2000:]}")
    return {"wall": wall, "cpu": cpu, "rss_mib": rss}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--subset", type=int, default=10, choices=[10, 50, 100])
    ap.add_argument("--before", default=BEFORE)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--reuse-before", action="store_true", help="keep target/bench-bin/sentra-before; rebuild only this tree")
    ap.add_argument("--out", default=None, help="results directory (default bench/results/<date>-syntax)")
    args = ap.parse_args()
    if not args.skip_build:
        if not (args.reuse_before and (BIN / "sentra-before").exists()):
            build(args.before, "sentra-before")
        build("HEAD", "sentra-after")
    subsets = perf.assemble_corpus()
    corpus = subsets[args.subset]
    perf.SENTRA = BIN / "sentra-after"
    packs = perf.all_pack_ids()
    cache = ROOT / "target/bench-cache"
    results = {"before": args.before, "head": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()}
    facts = perf.corpus_facts(corpus)
    results["corpus"] = {"subset_pct": args.subset, **facts}
    runs = {"before": [], "after": []}
    for name in runs:  # warm-up: compile caches, page cache
        scan_cpu(BIN / f"sentra-{name}", corpus, packs, cache)
    for _ in range(args.runs):
        for name in runs:
            runs[name].append(scan_cpu(BIN / f"sentra-{name}", corpus, packs, cache))
    for name, rs in runs.items():
        results[name] = {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "rss_mib")}
    results["cpu_ratio"] = results["after"]["cpu"] / results["before"]["cpu"]
    out = subprocess.run([str(BIN / "sentra-syntax-cost"), str(subsets[50])], capture_output=True, text=True, check=True).stdout
    results["parse"] = json.loads(out)
    dest = Path(args.out) if args.out else ROOT / "bench/results" / f"{datetime.date.today()}-syntax"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
