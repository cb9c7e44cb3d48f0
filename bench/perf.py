#!/usr/bin/env python3
"""The performance benchmark of issue 12: sentra against ripgrep on a large real corpus,
scaling with bytes and with packs, peak memory, the incremental cache, start-up, and the
server under load. Writes bench/results/<date>-perf/ (results.json, README.md, two PNG
plots, the stage split and a perf profile summary).

    bench/perf.py                       # assemble the corpus, build, run everything
    bench/perf.py --runs 5 --skip-server

Everything runs side by side in one invocation because these machines are shared and
noisy: compare ratios, not absolute times across runs. Tools it needs (ripgrep, wrk,
matplotlib, perf) are installed by the script (apt, or a venv under target/).
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTRA = ROOT / "target/release/sentra"
CORPUS = ROOT / "target/bench-corpus"
VENV = ROOT / "target/bench-venv"
RG = VENV / "bin/rg"
# Debian's ripgrep, built with PCRE2, for the patterns that need look-around.
RG_PCRE2 = "rg"
# Directories the corpus is assembled from: every crate this workspace depends on, the
# Python, Perl and C headers of the system, and the npm and PyPI packages the examples use.
SOURCES = [
    ("crates", Path.home() / ".cargo/registry/src"),
    ("python3", Path("/usr/lib/python3")),
    ("python3.11", Path("/usr/lib/python3.11")),
    ("include", Path("/usr/include")),
    ("perl", Path("/usr/share/perl")),
    ("perl-lib", Path("/usr/lib/x86_64-linux-gnu/perl")),
    ("npm-global", Path("/usr/lib/node_modules")),
    ("js-deps", ROOT / "examples/js-pack/node_modules"),
    ("py-deps", ROOT / "target/pack-toolchains/venv/lib"),
    ("doc", Path("/usr/share/doc")),
]
# What sentra never descends into (DEFAULT_EXCLUDED_DIRS); ripgrep is told the same.
EXCLUDED_DIRS = [".git", "node_modules", "target", "vendor", ".venv", "venv", "__pycache__", ".tox", ".sentra", ".hg"]
FIVE_PACKS = ["secrets", "owasp-top-10", "python-security", "javascript-security", "supply-chain-security"]


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def ensure_tools():
    missing = [p for p, b in [("ripgrep", "rg"), ("wrk", "wrk"), ("linux-perf", "perf")] if not shutil.which(b)]
    if missing:
        sh(["apt-get", "install", "-y", "-q", *missing], stdout=subprocess.DEVNULL)
    if not (VENV / "bin/python").exists():
        sh([sys.executable, "-m", "venv", str(VENV)])
    if subprocess.run([str(VENV / "bin/python"), "-c", "import matplotlib"], capture_output=True).returncode != 0:
        sh([str(VENV / "bin/pip"), "install", "-q", "matplotlib"])
    # ripgrep from PyPI: Debian's 13.0 uses a regex crate too old for some of the packs'
    # syntax (escaped quotes), 14+ matches the engine sentra uses.
    if not RG.exists():
        sh([str(VENV / "bin/pip"), "install", "-q", "ripgrep"])


def assemble_corpus():
    full = CORPUS / "full"
    if not full.exists():
        full.mkdir(parents=True)
        for name, src in SOURCES:
            if src.is_dir():
                # Names sentra would skip (node_modules) are renamed at the top level only;
                # nested ones stay excluded for both tools alike.
                sh(["cp", "-a", "--reflink=auto", str(src), str(full / name)])
    subsets = {}
    for pct in (10, 50):
        d = CORPUS / f"p{pct}"
        if not d.exists():
            for f in sorted(full.rglob("*")):
                rel = f.relative_to(full)
                if f.is_file() and not f.is_symlink() and zlib.crc32(str(rel).encode()) % 100 < pct:
                    (d / rel).parent.mkdir(parents=True, exist_ok=True)
                    os.link(f, d / rel)
        subsets[pct] = d
    subsets[100] = full
    return subsets


def run(cmd, env=None, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=None):
    """Runs cmd; returns (wall s, CPU s, peak RSS MiB, exit code, stderr)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, env=env, cwd=cwd)
    err = p.stderr.read() if stderr == subprocess.PIPE else b""
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, code, err.decode(errors="replace")


def sentra_env(cache_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GUARD_")}
    env["GUARD_CACHE_DIR"] = str(cache_dir)
    return env


def all_pack_ids():
    out = subprocess.run([str(SENTRA), "list-packs", "--format", "json"], capture_output=True, check=True).stdout
    return [p["pack_id"] for p in json.loads(out)["packs"]]


def sentra_scan(corpus, packs, env, extra=()):
    cmd = [str(SENTRA), "scan", str(corpus), "--pack", ",".join(packs), "--format", "json", "-o", "/dev/null", "--timings", *extra]
    wall, cpu, rss, code, err = run(cmd, env=env)
    if code not in (0, 1):
        raise SystemExit(f"sentra failed ({code}): {err}")
    stages = {}
    for line in err.splitlines():
        m = re.match(r"^(cache load|walk|read|prefilter|guest|post|finish|cache save)\s+([\d.]+)$", line.strip())
        if m:
            stages[m.group(1)] = float(m.group(2))
        m = re.match(r"^(\d+) files scanned, (\d+) known to the cache, (\d+) run through packs", line.strip())
        if m:
            stages["files"] = int(m.group(1))
            stages["cached"] = int(m.group(2))
            stages["run"] = int(m.group(3))
    return {"wall": wall, "cpu": cpu, "rss_mib": rss, "stages": stages}


def rg_groups(packs):
    """The packs' regex rules grouped by (globs, excludes, needs PCRE2): one rg run each."""
    out = subprocess.run([str(SENTRA), "list-rules", "--pack", ",".join(packs), "--format", "json"], capture_output=True, check=True).stdout
    groups = {}
    for r in json.loads(out)["rules"]:
        pat = r.get("pattern")
        if not pat or r.get("project_level"):
            continue
        globs = tuple(sorted(g.strip() for gs in r["file_globs"] for g in gs.split(",") if g.strip()))
        excl = tuple(sorted(r["exclude_globs"]))
        pcre = bool(re.search(r"\(\?<?[=!]|\\[1-9]", pat))
        # rg needs -U for patterns that match a newline; sentra searches whole files.
        multiline = "\\n" in pat
        groups.setdefault((globs, excl, pcre, multiline), []).append(pat)
    return groups


def rg_base(corpus, pcre=False):
    cmd = [RG_PCRE2 if pcre else str(RG), "--no-messages", "--no-require-git", "--hidden", "--max-filesize", "1M", "-c"]
    for d in EXCLUDED_DIRS:
        cmd += ["-g", f"!{d}"]
    return cmd


def ripgrep(corpus, groups, tmp, per_group=True):
    """CPU of searching every pattern natively: per glob group (honouring each rule's
    globs), or in one pass over every file (no globs: a lower bound on walking)."""
    total_cpu = total_wall = 0.0
    runs = 0
    if per_group:
        items = list(groups.items())
    else:
        merged = {}
        for (_, _, pcre, multiline), pats in groups.items():
            merged.setdefault((pcre, multiline), []).extend(pats)
        items = [(((), (), pcre, multiline), pats) for (pcre, multiline), pats in merged.items()]
    for i, ((globs, excl, pcre, multiline), pats) in enumerate(items):
        pf = tmp / f"patterns-{i}.txt"
        pf.write_text("\n".join(pats) + "\n")
        cmd = rg_base(corpus, pcre)
        for g in globs:
            cmd += ["-g", g]
        for g in excl:
            cmd += ["-g", f"!{g}"]
        if pcre:
            cmd.append("-P")
        if multiline:
            cmd.append("-U")
        cmd += ["-f", str(pf), str(corpus)]
        wall, cpu, _, code, err = run(cmd)
        if code not in (0, 1):
            raise SystemExit(f"rg failed ({code}) on group {i}: {err[:500]}")
        total_cpu += cpu
        total_wall += wall
        runs += 1
    return {"cpu": total_cpu, "wall": total_wall, "invocations": runs}


def corpus_facts(corpus):
    files = 0
    size = 0
    for d, dirs, fs in os.walk(corpus):
        dirs[:] = [x for x in dirs if x not in EXCLUDED_DIRS]
        for f in fs:
            p = os.path.join(d, f)
            if not os.path.islink(p):
                files += 1
                size += os.path.getsize(p)
    return {"files": files, "bytes": size}


def median_of(fn, n):
    rs = [fn() for _ in range(n)]
    keys = rs[0].keys()
    return {k: statistics.median(r[k] for r in rs) if isinstance(rs[0][k], (int, float)) else rs[len(rs) // 2][k] for k in keys}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=600):
    req = urllib.request.Request(url, data=body, method=method, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def vm_hwm(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk(url, seconds):
    out = subprocess.run(["wrk", "-t2", "-c200", f"-d{seconds}s", "--latency", url], capture_output=True, text=True).stdout
    lat = {}
    for pct, val, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        lat[pct] = float(val) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"p50_ms": lat.get("50"), "p90_ms": lat.get("90"), "p99_ms": lat.get("99"), "rps": float(rps.group(1)) if rps else None, "non_2xx": int(errors.group(1)) if errors else 0, "raw": out}


OHA = ROOT / "target/bench-tools/bin/oha"


def oha(url, seconds, rate):
    """Latency at a fixed offered rate from 200 connections, corrected for coordinated
    omission (a late request counts from when it should have been sent)."""
    if not OHA.exists():
        sh(["cargo", "install", "oha", "--locked", "--root", str(OHA.parent.parent)])
    out = subprocess.run([str(OHA), "-z", f"{seconds}s", "-c", "200", "-q", str(rate), "--latency-correction", "--no-tui", "--output-format", "json", url], capture_output=True, text=True).stdout
    j = json.loads(out)
    pct = j["latencyPercentiles"]
    codes = j.get("statusCodeDistribution", {})
    return {"rate": rate, "p50_ms": pct["p50"] * 1000, "p90_ms": pct["p90"] * 1000, "p99_ms": pct["p99"] * 1000, "rps": j["summary"]["requestsPerSec"], "statuses": codes}


def server_bench(medium, cache_dir, tmp):
    state = tmp / "server-state"
    state.mkdir(exist_ok=True)
    port = free_port()
    env = sentra_env(cache_dir)
    cmd = [str(SENTRA), "--state-dir", str(state), "serve", "--host", "127.0.0.1", "--port", str(port), "--root", str(medium), "--rate-limit", "0"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    while True:
        try:
            up = http("GET", base + "/health", timeout=1)[0] == 200
        except OSError:
            up = False  # not listening yet
        if up:
            break
        if time.perf_counter() - start > 60:
            proc.kill()
            raise SystemExit("server did not start")
        time.sleep(0.005)
    started_ms = (time.perf_counter() - start) * 1000
    try:
        # Saturating closed-loop load (wrk: 200 connections as fast as they go; on 2 shared
        # cores latency is then mostly queueing, 200 / throughput by Little's law), and a
        # fixed offered rate (oha, latency corrected for coordinated omission).
        health = wrk(base + "/health", 10)
        rules = wrk(base + "/rules", 10)
        health_rate = oha(base + "/health", 10, 20000)
        rules_rate = oha(base + "/rules", 10, 2000)
        # 20 concurrent scans of the medium tree: each answers 200, or 503 when the pool
        # sheds it; memory is sampled throughout.
        statuses = []
        body = json.dumps({"repo_path": ".", "config_overrides": {"standards_packs": FIVE_PACKS}}).encode()
        peak = [vm_hwm(proc.pid)]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak.append(vm_hwm(proc.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        t0 = time.perf_counter()

        def one():
            statuses.append(http("POST", base + "/scan", body)[0])

        threads = [threading.Thread(target=one) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        done.set()
        sampler.join()
        scans = {"wall_s": time.perf_counter() - t0, "statuses": {str(s): statuses.count(s) for s in sorted(set(statuses))}, "peak_rss_mib": max(peak)}
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    for r in (health, rules):
        r.pop("raw")
    return {"start_ms": started_ms, "health": health, "rules": rules, "health_fixed_rate": health_rate, "rules_fixed_rate": rules_rate, "scans": scans}


def plot(results, out):
    script = f"""
import json, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
r = json.load(open({str(out / "results.json")!r}))
s = r["scaling"]
fig, ax = plt.subplots(figsize=(6, 4))
xs = [p["mib"] for p in s["bytes"]]
ax.plot(xs, [p["cpu"] for p in s["bytes"]], "o-", label="sentra, all packs")
ax.plot(xs, [p["rg_cpu"] for p in s["bytes"]], "s--", label="ripgrep, same patterns (per glob group)")
ax.set_xlabel("corpus scanned (MiB)"); ax.set_ylabel("CPU seconds"); ax.set_xlim(left=0); ax.set_ylim(bottom=0)
ax.set_title("Cost against bytes scanned"); ax.legend(); fig.tight_layout(); fig.savefig({str(out / "scaling-bytes.png")!r}, dpi=100)
fig, ax = plt.subplots(figsize=(6, 4))
xs = [p["rules"] for p in s["packs"]]
ax.plot(xs, [p["cpu"] for p in s["packs"]], "o-", label="sentra")
ax.plot(xs, [p["rg_cpu"] for p in s["packs"]], "s--", label="ripgrep, same patterns (per glob group)")
for p in s["packs"]:
    ax.annotate(f'{{p["packs"]}} pack(s)', (p["rules"], p["cpu"]), textcoords="offset points", xytext=(4, -12))
ax.set_xlabel("rules enabled"); ax.set_ylabel("CPU seconds"); ax.set_xlim(left=0); ax.set_ylim(bottom=0)
ax.set_title("Cost against rules (100% of the corpus)"); ax.legend(); fig.tight_layout(); fig.savefig({str(out / "scaling-rules.png")!r}, dpi=100)
"""
    sh([str(VENV / "bin/python"), "-c", script])


def profile(corpus, packs, env, out):
    """perf samples of one scan, summarised by shared object and by symbol."""
    data = out.parent / "perf.data.tmp"
    cmd = ["perf", "record", "-F", "499", "-g", "-o", str(data), "--", str(SENTRA), "scan", str(corpus), "--no-cache", "--pack", ",".join(packs), "--format", "json", "-o", "/dev/null"]
    if subprocess.run(cmd, env=env, capture_output=True).returncode != 0:
        return "perf record failed (perf_event_paranoid?)"
    by_dso = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children", "--sort", "dso", "--percent-limit", "1"], capture_output=True, text=True).stdout
    by_sym = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children", "--sort", "sym", "-g", "none", "--percent-limit", "1.5"], capture_output=True, text=True).stdout
    data.unlink(missing_ok=True)
    keep = lambda t: "\n".join(l for l in t.splitlines() if l.strip() and not l.startswith("#"))
    return "## by shared object\n" + keep(by_dso) + "\n\n## by symbol (self time >= 1.5%)\n" + keep(by_sym) + "\n"


def first_line_of(cmd):
    """The first line a tool prints about itself (wrk prints its version to stderr)."""
    out = subprocess.run(cmd, capture_output=True, text=True)
    return (out.stdout or out.stderr).splitlines()[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-server", action="store_true")
    ap.add_argument("--skip-profile", action="store_true")
    ap.add_argument("--quick", action="store_true", help="smoke test: a 10%% corpus stands in for the whole, results go to target/")
    args = ap.parse_args()

    ensure_tools()
    sh(["cargo", "build", "--release", "-q", "-p", "sentra-cli"], cwd=ROOT)
    corpora = assemble_corpus()
    if args.quick:
        corpora = {100: corpora[10], 50: corpora[10], 10: corpora[10]}
    full = corpora[100]
    date = datetime.date.today().isoformat()
    out = ROOT / ("target/bench-quick" if args.quick else "bench/results") / f"{date}-perf"
    out.mkdir(parents=True, exist_ok=True)
    tmp = CORPUS / "tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    cache = tmp / "cache"
    env = sentra_env(cache)
    packs = all_pack_ids()
    groups = rg_groups(packs)
    facts = {pct: corpus_facts(c) for pct, c in corpora.items()}
    print(f"corpus: {facts[100]['files']} files, {facts[100]['bytes'] / 2**20:.0f} MiB; {len(packs)} packs; {sum(len(p) for p in groups.values())} regex rules in {len(groups)} glob groups", flush=True)

    # Warm the page cache and the compile cache.
    sentra_scan(full, packs, env, ["--no-cache"])
    ripgrep(full, groups, tmp, per_group=False)

    # 1. Throughput, side by side, interleaved.
    s_runs, rg_runs, rg1_runs = [], [], []
    for _ in range(args.runs):
        s_runs.append(sentra_scan(full, packs, env, ["--no-cache"]))
        rg_runs.append(ripgrep(full, groups, tmp))
        rg1_runs.append(ripgrep(full, groups, tmp, per_group=False))
    med = lambda rs, k: statistics.median(r[k] for r in rs)
    stages = {k: statistics.median(r["stages"].get(k, 0) for r in s_runs) for k in s_runs[0]["stages"]}
    walk_only = run(rg_base(full) + ["--files", str(full)])[1]
    throughput = {
        "sentra": {"cpu": med(s_runs, "cpu"), "wall": med(s_runs, "wall"), "rss_mib": med(s_runs, "rss_mib"), "stages": stages},
        "rg_per_glob_group": {"cpu": med(rg_runs, "cpu"), "wall": med(rg_runs, "wall"), "invocations": rg_runs[0]["invocations"]},
        "rg_one_pass": {"cpu": med(rg1_runs, "cpu"), "wall": med(rg1_runs, "wall"), "invocations": rg1_runs[0]["invocations"]},
        "rg_walk_only_cpu": walk_only,
    }
    throughput["ratio_cpu_vs_rg_per_group"] = throughput["sentra"]["cpu"] / throughput["rg_per_glob_group"]["cpu"]
    throughput["ratio_cpu_vs_rg_one_pass"] = throughput["sentra"]["cpu"] / throughput["rg_one_pass"]["cpu"]
    print("throughput:", json.dumps({k: v for k, v in throughput.items() if k != "sentra"}), json.dumps(throughput["sentra"]), flush=True)

    # 2. Scaling: bytes (all packs) and rules (whole corpus).
    scaling = {"bytes": [], "packs": []}
    for pct in (10, 50, 100):
        c = corpora[pct]
        r = median_of(lambda: sentra_scan(c, packs, env, ["--no-cache"]), args.runs)
        g = ripgrep(c, groups, tmp)
        scaling["bytes"].append({"pct": pct, "mib": facts[pct]["bytes"] / 2**20, "files": facts[pct]["files"], "cpu": r["cpu"], "wall": r["wall"], "rss_mib": r["rss_mib"], "rg_cpu": g["cpu"]})
    for sel in (["secrets"], FIVE_PACKS, packs):
        r = median_of(lambda: sentra_scan(full, sel, env, ["--no-cache"]), args.runs)
        gs = rg_groups(sel)
        g = ripgrep(full, gs, tmp)
        n_rules = len(json.loads(subprocess.run([str(SENTRA), "list-rules", "--pack", ",".join(sel), "--format", "json"], capture_output=True, check=True).stdout)["rules"])
        scaling["packs"].append({"packs": len(sel), "rules": n_rules, "cpu": r["cpu"], "wall": r["wall"], "rss_mib": r["rss_mib"], "rg_cpu": g["cpu"]})
    print("scaling:", json.dumps(scaling), flush=True)

    # 4. Incremental: cold cache, unchanged tree, one file changed.
    shutil.rmtree(cache / "scans", ignore_errors=True)
    cold = sentra_scan(full, packs, env)
    warm = median_of(lambda: sentra_scan(full, packs, env), args.runs)
    victim = next(p for p in sorted((full / "crates").rglob("*.rs")) if p.is_file())
    original = victim.read_bytes()
    victim.write_bytes(original + b"\n// touched by bench/perf.py\n")
    try:
        one = sentra_scan(full, packs, env)
    finally:
        victim.write_bytes(original)
    incremental = {"cold": cold, "unchanged": warm, "one_file_changed": one, "speedup_wall": cold["wall"] / warm["wall"], "speedup_cpu": cold["cpu"] / warm["cpu"]}
    print("incremental:", json.dumps({k: (v if not isinstance(v, dict) else {kk: vv for kk, vv in v.items() if kk != "stages"}) for k, v in incremental.items()}), flush=True)

    # 6. Start-up on a tiny repository (three files), default packs and all packs.
    tiny = tmp / "tiny"
    tiny.mkdir()
    (tiny / "app.py").write_text("import os\nprint(os.getcwd())\n")
    (tiny / "README.md").write_text("# tiny\n")
    (tiny / "lib.rs").write_text("fn main() {}\n")
    startup = {}
    for name, extra in (("zero-config", []), ("all packs", ["--pack", ",".join(packs)])):
        walls = [run([str(SENTRA), "scan", str(tiny), "--format", "json", "-o", "/dev/null", *extra], env=env)[0] * 1000 for _ in range(20)]
        startup[name] = {"median_ms": statistics.median(walls), "max_ms": max(walls)}
    print("startup:", json.dumps(startup), flush=True)

    # 5. Server.
    server = None
    if not args.skip_server:
        server = server_bench(corpora[10], cache, tmp)
        print("server:", json.dumps(server), flush=True)

    prof = None if args.skip_profile else profile(full, packs, env, out)

    machine = {
        "cpus": os.cpu_count(),
        "kernel": platform.release(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "rg": subprocess.run([str(RG), "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        "wrk": first_line_of(["wrk", "--version"]),
        "sentra_commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip(),
    }
    results = {"date": date, "machine": machine, "corpus": {"sources": [str(s) for _, s in SOURCES], **{str(k): v for k, v in facts.items()}}, "packs": packs, "runs": args.runs, "throughput": throughput, "scaling": scaling, "incremental": incremental, "startup": startup, "server": server}
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if prof:
        (out / "profile.txt").write_text(prof)
    plot(results, out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
