#!/usr/bin/env python3
"""Soak test (issue 13, part 7): mixed traffic against one `sentra serve` for a while,
reporting the server's memory over time, error counts and latency percentiles per kind
of request. Not part of CI; results land in bench/results/<date>-soak.{json,md}.

    bench/soak.py                     # 10 minutes, 8 client threads
    bench/soak.py --minutes 1 --threads 4
    bench/soak.py --replicas 3 --database-url postgres://sentra@127.0.0.1:5432/postgres

With `--database-url`, the servers share that PostgreSQL database (a new schema per run)
and each request goes to a replica chosen at random, as behind a load balancer; queued
scans (`POST /api/scans`, then polled until done) join the traffic.

Traffic, chosen at random per request: /health, /rules, /api/findings, /api/metrics,
inline scans, directory scans of a small tree, suppression create + delete, approval
requests, audit reads. Two tenants (each with an admin key) share the server. Any 5xx,
or any answer other than the one expected, counts as an error.
"""

import argparse
import datetime
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perf  # noqa: E402  (shares the binary, port and HTTP helpers)

ROOT = perf.ROOT


def call(base, method, path, key, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"content-type": "application/json", "x-api-key": key})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            payload = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        payload = e.read()
        status = e.code
    return status, payload, (time.perf_counter() - start) * 1000


def make_key(store_args, role, tenant):
    out = subprocess.run([str(perf.SENTRA), *store_args, "keys", "create", "--role", role, "--tenant", tenant, "--name", f"soak-{tenant}"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def scoped_database(url):
    """A new schema on the server at `url`, and `url` scoped to it."""
    schema = f"soak_{int(time.time() * 1000)}"
    subprocess.run(["psql", url, "-qc", f"CREATE SCHEMA {schema}"], check=True)
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-c%20search_path%3D{schema}"


def queued_scan(bases, key, rnd):
    """Queues a directory scan on one replica, polls another until it ends; (ok, ms)."""
    start = time.perf_counter()
    status, payload, _ = call(rnd.choice(bases), "POST", "/api/scans", key, {"repo_path": "."})
    if status != 202:
        return False, (time.perf_counter() - start) * 1000
    job = json.loads(payload)["id"]
    while time.perf_counter() - start < 120:
        status, payload, _ = call(rnd.choice(bases), "GET", f"/api/scans/{job}", key)
        state = json.loads(payload).get("status") if status == 200 else None
        if state in ("done", "failed"):
            return state == "done", (time.perf_counter() - start) * 1000
        time.sleep(0.05)
    return False, (time.perf_counter() - start) * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--replicas", type=int, default=1, help="servers sharing one store (needs --database-url past 1)")
    ap.add_argument("--database-url", help="a PostgreSQL server: the replicas share a new schema on it")
    ap.add_argument("--out", help="where to write the JSON summary (default bench/results/<date>-soak.json)")
    args = ap.parse_args()
    if args.replicas > 1 and not args.database_url:
        ap.error("--replicas above 1 needs --database-url")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "sentra-cli"], cwd=ROOT, check=True)

    work = Path(tempfile.mkdtemp(prefix="sentra-soak-"))
    tree = work / "repo"
    # Two files with findings (a fixture, so sentra's self-scan leaves them be) and 200 clean ones.
    shutil.copytree(ROOT / "tests/fixtures/soak", tree)
    for i in range(200):
        (tree / "src" / f"mod{i}.py").write_text(f"def f{i}(a):\n    return a + {i}\n")
    # Each tenant scans its own copy of the tree (`--tenants-root`): a tenant without a
    # workspace reads no files.
    tenants = work / "tenants"
    for t in ("alpha", "beta"):
        shutil.copytree(tree, tenants / t)
    state = work / "state"
    db = scoped_database(args.database_url) if args.database_url else None
    store_args = ["--database-url", db] if db else ["--state-dir", str(state)]
    keys = {t: make_key(store_args, "admin", t) for t in ("alpha", "beta")}
    procs, bases = [], []
    for i in range(args.replicas):
        port = perf.free_port()
        bases.append(f"http://127.0.0.1:{port}")
        # Each replica has its own state directory (its local caches); the store is shared.
        local = ["--state-dir", str(work / f"state-{i}"), "--database-url", db] if db else ["--state-dir", str(state)]
        procs.append(subprocess.Popen([str(perf.SENTRA), *local, "serve", "--host", "127.0.0.1", "--port", str(port), "--root", str(tree),
                                       "--tenants-root", str(tenants), "--rate-limit", "0"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=perf.sentra_env(work / f"cache-{i}")))
    for base in bases:
        while True:
            try:
                up = perf.http("GET", base + "/health", timeout=1)[0] == 200
            except OSError:
                up = False  # not listening yet
            if up:
                break
            time.sleep(0.01)

    inline = {"files": {name: (tree / "src" / name).read_text() for name in ("app.py", "config.js")}}
    kinds = [
        ("health", 30, lambda k: ("GET", "/health", None, {200})),
        ("rules", 15, lambda k: ("GET", "/rules", None, {200})),
        ("findings", 10, lambda k: ("GET", "/api/findings?limit=50", None, {200})),
        ("metrics", 5, lambda k: ("GET", "/api/metrics", None, {200})),
        ("audit", 5, lambda k: ("GET", "/api/audit?limit=20", None, {200})),
        ("scan-inline", 15, lambda k: ("POST", "/scan", inline, {200, 503})),
        ("scan-dir", 5, lambda k: ("POST", "/scan", {"repo_path": "."}, {200, 503})),
        ("approval", 5, lambda k: ("POST", "/api/approvals", {"action_type": "deploy", "title": "soak"}, {201})),
        ("suppression", 10, None),
    ] + ([("scan-queued", 5, None)] if db else [])
    spec = {name: make for name, _, make in kinds}
    names = [k[0] for k in kinds]
    weights = [k[1] for k in kinds]
    lat = {n: [] for n in names}
    errors = {n: 0 for n in names}
    samples = []
    lock = threading.Lock()
    deadline = time.monotonic() + args.minutes * 60
    started = time.monotonic()

    def worker(seed):
        rnd = random.Random(seed)
        n = 0
        while time.monotonic() < deadline:
            kind = rnd.choices(names, weights)[0]
            key = keys[rnd.choice(["alpha", "beta"])]
            n += 1
            base = rnd.choice(bases)
            if kind == "scan-queued":
                ok, ms = queued_scan(bases, key, rnd)
            elif kind == "suppression":
                body = {"rule_id": "PY-EVAL", "file_pattern": f"soak/{seed}-{n}.py", "reason": "soak test"}
                s1, p1, ms1 = call(base, "POST", "/api/suppressions", key, body)
                ok = s1 == 201
                ms = ms1
                if ok:
                    sid = json.loads(p1)["id"]
                    # Deleted through another replica: it must see the suppression at once.
                    s2, _, ms2 = call(rnd.choice(bases), "DELETE", f"/api/suppressions/{sid}", key)
                    ok = s2 in (200, 204)
                    ms += ms2
            else:
                method, path, body, expected = spec[kind](key)
                status, _, ms = call(base, method, path, key, body)
                ok = status in expected
            with lock:
                lat[kind].append(ms)
                if not ok:
                    errors[kind] += 1

    def sampler():
        while time.monotonic() < deadline:
            rss = 0
            for proc in procs:
                status = Path(f"/proc/{proc.pid}/status").read_text()
                rss = max(rss, next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmRSS:")) / 1024)
            samples.append((round(time.monotonic() - started, 1), round(rss, 1)))
            time.sleep(5)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)] + [threading.Thread(target=sampler)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    alive = all(proc.poll() is None for proc in procs)
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=30)
    state_mib = round(sum(f.stat().st_size for f in state.iterdir() if f.is_file()) / 2**20, 1) if state.is_dir() else None
    shutil.rmtree(work, ignore_errors=True)

    def pct(xs, p):
        return round(statistics.quantiles(xs, n=100)[p - 1], 2) if len(xs) >= 2 else None

    summary = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "minutes": args.minutes,
        "threads": args.threads,
        "replicas": args.replicas,
        "store": "postgresql" if db else "sqlite",
        # Scans answered (synchronous and queued) per minute, over every replica.
        "scans_per_minute": round(sum(len(lat[n]) - errors[n] for n in names if n.startswith("scan")) / args.minutes, 1),
        "server_alive_at_end": alive,
        # The state directory at the end (database, WAL, scan cache): it must stay bounded.
        "state_dir_mib": state_mib,
        "requests": {n: len(lat[n]) for n in names},
        "errors": errors,
        "latency_ms": {n: {"p50": pct(lat[n], 50), "p99": pct(lat[n], 99), "max": round(max(lat[n]), 1) if lat[n] else None} for n in names},
        # The largest replica's resident memory.
        "rss_mib": {"first": samples[0][1] if samples else None, "last": samples[-1][1] if samples else None, "max": max(s[1] for s in samples) if samples else None, "samples": samples},
    }
    out = Path(args.out) if args.out else ROOT / "bench/results" / f"{datetime.date.today().isoformat()}-soak.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if k != "rss_mib"} | {"rss": {k: v for k, v in summary["rss_mib"].items() if k != "samples"}}, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
