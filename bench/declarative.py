#!/usr/bin/env python3
"""Declarative engine throughput: `sentra scan` with a YAML pack whose rules apply to
every file (bench/packs/every-file.yaml), against the built-in `secrets` component pack
on the same tree, for scale.

Usage: python3 bench/declarative.py [CORPUS] [--runs N]
Writes bench/results/<date>-declarative.{json,md}.
"""
import argparse, datetime, json, os, platform, statistics, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, measure  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=os.path.expanduser("~/.cargo/registry/src"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "-p", "sentra-cli"], cwd=ROOT, check=True)
    sentra = os.path.join(ROOT, "target/release/sentra")
    pack = os.path.join(ROOT, "bench/packs/every-file.yaml")
    cmds = {
        "yaml every-file": [sentra, "scan", args.corpus, "--pack", "every-file", "--pack-file", pack, "--format", "json"],
        "secrets": [sentra, "scan", args.corpus, "--pack", "secrets", "--format", "json"],
    }
    for cmd in cmds.values():
        measure(cmd)  # warm the compile cache and the page cache
    runs = {k: [] for k in cmds}
    results = {}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            out, wall, cpu = measure(cmd)
            results[name] = json.loads(out)
            runs[name].append({"wall_s": wall, "cpu_s": cpu})

    summary = {}
    for name, r in runs.items():
        res = results[name]
        summary[name] = {
            "wall_s": statistics.median(x["wall_s"] for x in r),
            "cpu_s": statistics.median(x["cpu_s"] for x in r),
            "files_scanned": res["files_scanned"],
            "findings": res["total"],
            "rule_errors": len(res["rule_errors"]),
        }
    date = datetime.date.today().isoformat()
    record = {"date": date, "corpus": args.corpus, "runs": runs, "summary": summary, "cpus": os.cpu_count(), "machine": platform.machine()}
    out_dir = os.path.join(ROOT, "bench/results")
    with open(os.path.join(out_dir, f"{date}-declarative.json"), "w") as f:
        json.dump(record, f, indent=2)
    lines = [f"# Declarative engine throughput ({date})", "",
             f"Corpus `{args.corpus}`; {args.runs} interleaved runs after a warm-up, medians; {os.cpu_count()} CPUs.", "",
             "| pack | files | findings | rule errors | wall s | CPU s |", "|---|---|---|---|---|---|"]
    for name, s in summary.items():
        lines.append(f"| {name} | {s['files_scanned']} | {s['findings']} | {s['rule_errors']} | {s['wall_s']:.2f} | {s['cpu_s']:.2f} |")
    with open(os.path.join(out_dir, f"{date}-declarative.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
