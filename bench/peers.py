#!/usr/bin/env python3
"""sentra and its peers side by side, interleaved, on one corpus (issue 29).

    bench/peers.py [--sentra target/release/sentra] [--runs 3] [--sentrik-runs 1]
                   [--out bench/results/<date>-peers]

Corpus: a copy of sentrik's own installed environment, `target/pack-toolchains/sentrik-venv`
(`examples/setup-toolchains.sh` installs sentrik 1.5.127 there from PyPI), copied to
`target/bench-corpus/sentrik-env` without `__pycache__` (about 2,600 files, 2,040 of them
Python). Each round runs every tool once, in a rotating order, so drift on this noisy
machine falls on all of them alike; figures are medians over rounds.

Tools (user + system CPU of the process and its children, peak RSS):
- sentra, every built-in pack, no cache; and the same with every syntax-query and
  data-flow rule turned off (`pack_overrides`), for the cost of those rules;
- sentrik, all 26 of its packs (`sentrik init` activates its 30-day trial offline);
- ripgrep with the same regexes as sentra's regex rules, one run per glob group (its own
  engine, PCRE2 for look-around: Debian's `rg`), as `bench/perf.py` does;
- semgrep (PyPI) with the same regexes as `pattern-regex` rules under the same globs.

Also: start-up with every pack (a scan of an empty directory), an unchanged rescan (the
incremental cache, second run over the same tree against the first), and sentra's peak
RSS with every pack on the large corpus `bench/perf.py` assembles (every crate in the
cargo registry, the system's Python, Perl and C headers, `/usr/share/doc`: about 1.6 GB;
skip it with `--no-large`).
"""

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perf  # noqa: E402  (the shared helpers: run, ripgrep, tool setup)

ROOT = perf.ROOT
SENTRIK_VENV = ROOT / "target/pack-toolchains/sentrik-venv"
SENTRIK = SENTRIK_VENV / "bin/sentrik"
CORPUS = ROOT / "target/bench-corpus/sentrik-env"
SEMGREP = perf.VENV / "bin/semgrep"
SENTRIK_PACKS = [
    "cloud-iac", "cmmc", "cpp-coding-standards", "csharp-security", "do-178c", "eu-ai-act",
    "fda-21cfr11", "fda-iec-62304", "gdpr", "go-security", "hipaa", "iec-81001-5-1",
    "iso-14971", "iso-26262", "iso-27001", "java-security", "kotlin-security", "misra-c",
    "nist-800-53", "nist-ai-rmf", "owasp-top-10", "pci-dss", "php-security",
    "python-security", "soc2", "supply-chain-security",
]


def ensure():
    perf.ensure_tools()
    if not SEMGREP.exists():
        perf.sh([str(perf.VENV / "bin/pip"), "install", "-q", "semgrep"])
    if not SENTRIK.exists():
        perf.sh(["bash", str(ROOT / "examples/setup-toolchains.sh")])
    if not CORPUS.exists():
        CORPUS.parent.mkdir(parents=True, exist_ok=True)
        perf.sh(["cp", "-a", str(SENTRIK_VENV), str(CORPUS)])
        for d in list(CORPUS.rglob("__pycache__")):
            shutil.rmtree(d, ignore_errors=True)


def rules(sentra):
    out = subprocess.run([sentra, "list-rules", "--format", "json"], capture_output=True, check=True).stdout
    return json.loads(out)["rules"]


def regex_groups(all_rules):
    """sentra's regex rules by (globs, excludes, needs PCRE2, multi-line), as perf.py."""
    groups = {}
    for r in all_rules:
        pat = r.get("pattern")
        if r.get("kind") != "regex" or not pat or r.get("project_level"):
            continue
        globs = tuple(sorted(g.strip() for gs in r["file_globs"] for g in gs.split(",") if g.strip()))
        pcre = re.search(r"\(\?<?[=!]|\\[1-9]", pat) is not None
        groups.setdefault((globs, tuple(sorted(r["exclude_globs"])), pcre, "\\n" in pat), []).append(pat)
    return groups


def semgrep_config(all_rules, path):
    """The same regexes as semgrep `pattern-regex` rules under the same globs."""
    out = []
    for i, r in enumerate(x for x in all_rules if x.get("kind") == "regex" and x.get("pattern") and not x.get("project_level")):
        rule = {"id": f"r{i}", "message": r["id"], "severity": "INFO", "languages": ["regex"], "pattern-regex": r["pattern"]}
        globs = [g.strip() for gs in r["file_globs"] for g in gs.split(",") if g.strip() and g.strip() != "**/*"]
        paths = {}
        if globs:
            paths["include"] = globs
        if r["exclude_globs"]:
            paths["exclude"] = r["exclude_globs"]
        if paths:
            rule["paths"] = paths
        out.append(rule)
    path.write_text(json.dumps({"rules": out}))
    return len(out)


def overrides_off(all_rules, path):
    """A config turning off every syntax-query and data-flow rule: the regex-only run."""
    off = {}
    for r in all_rules:
        if r.get("kind") in ("ast", "taint"):
            off.setdefault(r["pack_id"], {})[r["id"]] = {"enabled": False}
    path.write_text(json.dumps({"pack_overrides": off}))
    return sum(len(v) for v in off.values())


def sentra_run(sentra, corpus, packs, env, extra=()):
    cmd = [sentra, "scan", str(corpus), "--pack", ",".join(packs), "--format", "json", "-o", "/dev/null", *extra]
    wall, cpu, rss, code, err = perf.run(cmd, env=env)
    if code not in (0, 1):
        raise SystemExit(f"sentra failed ({code}): {err[-2000:]}")
    return {"wall": wall, "cpu": cpu, "rss_mib": rss}


def sentrik_run(workdir):
    env = dict(os.environ, SENTRIK_TELEMETRY="0")
    wall, cpu, rss, code, err = perf.run([str(SENTRIK), "scan"], env=env, cwd=workdir)
    if code not in (0, 1):
        raise SystemExit(f"sentrik failed ({code}): {err[-2000:]}")
    return {"wall": wall, "cpu": cpu, "rss_mib": rss}


def sentrik_setup(tmp):
    """sentrik scans its working directory and writes its output there: a hard-linked
    copy of the corpus with its config (all 26 packs, telemetry off)."""
    work = tmp / "sentrik-work"
    perf.sh(["cp", "-al", str(CORPUS), str(work)])
    env = dict(os.environ, SENTRIK_TELEMETRY="0")
    perf.sh([str(SENTRIK), "init", "--no-interactive"], cwd=work, env=env, stdout=subprocess.DEVNULL)
    cfg = work / ".sentrik/config.yaml"
    text = cfg.read_text().replace("telemetry_enabled: true", "telemetry_enabled: false")
    start = text.index("standards_packs:\n")
    end = text.index("\n", text.index("\n- ", start) + 1)
    while text[end + 1 :].startswith("- "):
        end = text.index("\n", end + 1)
    text = text[:start] + "standards_packs:\n" + "".join(f"- {p}\n" for p in SENTRIK_PACKS) + text[end + 1 :]
    cfg.write_text(text)
    return work


def semgrep_run(config, corpus):
    cmd = [str(SEMGREP), "scan", "--config", str(config), "--metrics", "off", "--disable-version-check", "--no-git-ignore",
           "--quiet", "--json", "-o", "/dev/null", "--timeout", "0", "--max-target-bytes", "1000000", str(corpus)]
    wall, cpu, rss, code, err = perf.run(cmd, env=dict(os.environ, SEMGREP_SEND_METRICS="off"))
    if code not in (0, 1):
        raise SystemExit(f"semgrep failed ({code}): {err[-2000:]}")
    return {"wall": wall, "cpu": cpu, "rss_mib": rss}


def median(rows, key):
    return statistics.median(r[key] for r in rows) if rows else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentra", default=str(ROOT / "target/release/sentra"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sentrik-runs", type=int, default=1, help="sentrik takes minutes a run: in the first rounds only")
    ap.add_argument("--no-semgrep", action="store_true")
    ap.add_argument("--no-large", action="store_true", help="skip the peak-RSS run on the large corpus")
    ap.add_argument("--out", default=str(ROOT / f"bench/results/{datetime.date.today()}-peers"))
    args = ap.parse_args()
    ensure()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sentra = args.sentra
    packs = [p["pack_id"] for p in json.loads(subprocess.run([sentra, "list-packs", "--format", "json"], capture_output=True, check=True).stdout)["packs"]]
    all_rules = rules(sentra)
    groups = regex_groups(all_rules)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        env = perf.sentra_env(tmp / "cache")
        regex_only = tmp / "regex-only.json"
        n_off = overrides_off(all_rules, regex_only)
        semgrep_cfg = tmp / "semgrep.json"
        n_semgrep = semgrep_config(all_rules, semgrep_cfg)
        sentrik_work = sentrik_setup(tmp)
        tools = {
            "sentra": lambda: sentra_run(sentra, CORPUS, packs, env, ["--no-cache"]),
            "sentra regex-only": lambda: sentra_run(sentra, CORPUS, packs, env, ["--no-cache", "--config", str(regex_only)]),
            "ripgrep": lambda: perf.ripgrep(CORPUS, groups, tmp),
        }
        if not args.no_semgrep:
            tools["semgrep"] = lambda: semgrep_run(semgrep_cfg, CORPUS)
        results = {name: [] for name in [*tools, "sentrik"]}
        for round_ in range(args.runs):
            names = list(tools)
            names = names[round_ % len(names) :] + names[: round_ % len(names)]
            if round_ < args.sentrik_runs:
                names.insert(round_ % (len(names) + 1), "sentrik")
            for name in names:
                r = sentrik_run(sentrik_work) if name == "sentrik" else tools[name]()
                print(f"round {round_ + 1} {name}: {r['cpu']:.2f} s CPU", file=sys.stderr, flush=True)
                results[name].append(r)
        # Start-up with every pack: a scan of an empty directory.
        empty = tmp / "empty"
        empty.mkdir()
        startup = [sentra_run(sentra, empty, packs, env, ["--no-cache"]) for _ in range(5)]
        # Unchanged rescan: the cache filled by a first scan, then the same scan again.
        cache_env = perf.sentra_env(tmp / "rescan-cache")
        cold = sentra_run(sentra, CORPUS, packs, cache_env)
        warm = [sentra_run(sentra, CORPUS, packs, cache_env) for _ in range(3)]
        large = None if args.no_large else large_run(sentra, packs, env)

    fig = {name: {"cpu": median(rows, "cpu"), "wall": median(rows, "wall"), "rss_mib": median(rows, "rss_mib") if rows and "rss_mib" in rows[0] else None,
                  "runs": len(rows)} for name, rows in results.items()}
    s = fig["sentra"]["cpu"]
    summary = {
        "date": str(datetime.date.today()),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip(),
        "corpus": {"path": str(CORPUS.relative_to(ROOT)), **perf.corpus_facts(CORPUS)},
        "sentra_packs": len(packs),
        "regex_rules": sum(len(v) for v in groups.values()),
        "rg_groups": len(groups),
        "rules_off_in_regex_only": n_off,
        "semgrep_rules": n_semgrep,
        "tools": fig,
        "raw": results,
        "ratios": {
            "sentrik_over_sentra": fig["sentrik"]["cpu"] / s if fig["sentrik"]["cpu"] else None,
            "sentra_over_ripgrep": s / fig["ripgrep"]["cpu"],
            "sentra_over_regex_only": s / fig["sentra regex-only"]["cpu"],
            "semgrep_over_sentra": fig["semgrep"]["cpu"] / s if fig.get("semgrep", {}).get("cpu") else None,
            "cold_over_warm_rescan": cold["wall"] / median(warm, "wall"),
        },
        "startup": {"wall_ms": 1000 * median(startup, "wall"), "cpu_ms": 1000 * median(startup, "cpu"), "rss_mib": median(startup, "rss_mib")},
        "rescan": {"cold": cold, "warm_median_wall": median(warm, "wall"), "warm_median_cpu": median(warm, "cpu")},
        "large_corpus": large,
    }
    (out / "results.json").write_text(json.dumps(summary, indent=2) + "\n")
    plot(summary, out / "cpu.png")
    print(json.dumps({k: summary[k] for k in ("tools", "ratios", "startup", "rescan", "large_corpus")}, indent=2))


def large_run(sentra, packs, env):
    """sentra with every pack once on `bench/perf.py`'s full corpus: its peak RSS."""
    corpus = perf.assemble_corpus()[100]
    with tempfile.TemporaryDirectory() as t:
        report = Path(t) / "result.json"
        wall, cpu, rss, code, err = perf.run([sentra, "scan", str(corpus), "--pack", ",".join(packs), "--no-cache", "--format", "json", "-o", str(report)], env=env)
        if code not in (0, 1):
            raise SystemExit(f"sentra failed ({code}): {err[-2000:]}")
        result = json.loads(report.read_text())
    facts = perf.corpus_facts(corpus)
    return {"wall": wall, "cpu": cpu, "rss_mib": rss, "corpus": {"path": str(corpus.relative_to(ROOT)), **facts}, "findings": result["total"],
            "findings_before_cap": result["total"] + sum(int(m.group(1)) for e in result["errored_packs"] for m in [re.search(r"(\d+) findings dropped", e["message"])] if m)}


def plot(summary, path):
    code = f"""
import json, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
s = json.loads({json.dumps(json.dumps(summary))})
names = [n for n, v in s["tools"].items() if v["cpu"]]
cpu = [s["tools"][n]["cpu"] for n in names]
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.barh(names, cpu, color=["#2a7" if n.startswith("sentra") else "#888" for n in names])
ax.set_xscale("log")
ax.set_xlabel("CPU seconds (log scale, median)")
ax.set_title("{summary['corpus']['files']} files of sentrik's environment, {summary['date']}")
for i, v in enumerate(cpu):
    ax.text(v, i, f" {{v:.1f}} s", va="center")
fig.tight_layout()
fig.savefig({json.dumps(str(path))}, dpi=110)
"""
    subprocess.run([str(perf.VENV / "bin/python"), "-c", code], check=True)


if __name__ == "__main__":
    main()
