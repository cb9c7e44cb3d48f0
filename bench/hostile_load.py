#!/usr/bin/env python3
"""Hostile load (issue 23): every attack of the issue, at once, against one `sentra serve`
while a second tenant scans; records the server's peak RSS, `/health` latency
percentiles (polled from another client address), and whether the victim's scan results
stayed identical to an unloaded run. Not part of CI; results land in
bench/results/<date>-hostile-load.{json,md}.

    bench/hostile_load.py                           # 60 s, release build
    bench/hostile_load.py --seconds 30 --binary target/debug/sentra

Attacks (attacker tenant, each in its own loop):
- a YAML rule `a*b|a` over a 1 MB file of `a` (quadratic host matching), 1 s pack limit;
- distinct heavy-pattern packs imported, scanned and deleted (host regex cache);
- a pack of 100 rules x 1,024 brace-expanded globs, and one with a 2 MB remediation
  (both refused at import);
- the flooding component (`test-flood`) on 4 files;
- 2,000 idle TCP connections, reopened as the server closes them;
- 12 scan streams whose client never reads;
- scans with 20,000 `scan_exclude` globs, with `max_file_bytes` raised to 1 GiB, and
  approval requests with a 20 MB context (all refused).
"""

import argparse
import datetime
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def call(base, method, path, key, body=None, raw=None, ctype="application/json", timeout=120, source="127.0.0.1"):
    """One request from the client address `source` (the attacker is 127.0.0.1, the victim
    127.0.0.3, the health poller 127.0.0.2: per-client caps tell them apart)."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    host, port = base.removeprefix("http://").split(":")
    try:
        conn = http.client.HTTPConnection(host, int(port), timeout=timeout, source_address=(source, 0))
        conn.request(method, path, body=data, headers={"content-type": ctype, "x-api-key": key})
        r = conn.getresponse()
        out = r.status, r.read()
        conn.close()
        return out
    except OSError as e:
        return 0, str(e).encode()


def health_from(host, port, source_ip):
    """GET /health over a socket bound to `source_ip` (another client than the attacker)."""
    start = time.perf_counter()
    try:
        s = socket.create_connection((host, port), timeout=5, source_address=(source_ip, 0))
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        ok = s.recv(16).startswith(b"HTTP/1.1 200")
        s.close()
    except OSError:
        ok = False
    return ok, (time.perf_counter() - start) * 1000


def findings_of(payload):
    v = json.loads(payload)
    return sorted((f["rule_id"], f["evidence"]["file"], f["evidence"]["lines"][0]) for f in v.get("findings", []))


def key(binary, state, tenant):
    out = subprocess.run([str(binary), "--state-dir", str(state), "keys", "create", "--role", "admin", "--tenant", tenant], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def setup(work):
    tenants = work / "tenants"
    victim = tenants / "victim" / "repo"
    victim.mkdir(parents=True)
    shutil_copy(ROOT / "tests/fixtures/soak", victim)
    attacker = tenants / "attacker" / "repo"
    attacker.mkdir(parents=True)
    (attacker / "big.txt").write_text("a" * (1 << 20))
    for i in range(4):
        (attacker / f"flood{i}.py").write_text("MARKER\n")
    (work / "server").mkdir()
    (work / "server" / ".sentra").mkdir()
    (work / "server" / ".sentra" / "config.yaml").write_text("tenants:\n  attacker:\n    pack_limits: {timeout_ms: 1000}\n")
    return tenants


def shutil_copy(src, dst):
    import shutil
    shutil.copytree(src, dst, dirs_exist_ok=True)


def attacks(base, port, k, stop, counts, flood_wasm):
    quadratic = "pack_id: quadratic\nname: q\nrules:\n  - {id: Q-1, name: q, type: regex, severity: low, pattern: 'a*b|a', file_glob: '**/*.txt'}\n"
    brace = "{a,b,c,d}" * 5
    globs = "pack_id: globs\nname: g\nrules:\n" + "".join(f"  - {{id: G-{i}, name: g, type: regex, severity: low, pattern: x, file_glob: 'src/{brace}'}}\n" for i in range(100))
    huge = "pack_id: huge\nname: h\nrules:\n  - {id: H-1, name: h, type: regex, severity: low, pattern: x, remediation_guidance: '" + "r" * (2 << 20) + "'}\n"

    def loop(name, fn):
        def run():
            while not stop.is_set():
                got = fn()
                status = str(got[0]) if isinstance(got, tuple) else "done"
                per = counts.setdefault(name, {})
                per[status] = per.get(status, 0) + 1
        return threading.Thread(target=run, daemon=True)

    call(base, "POST", "/api/packs/import", k, {"pack_yaml": quadratic})
    call(base, "POST", "/api/packs/import", k, raw=flood_wasm, ctype="application/wasm")
    n = [0]

    def cache_churn():
        n[0] += 1
        pid = f"heavy-{n[0]}"
        pats = "".join(f"  - {{id: HV-{j}, name: h, type: regex, severity: low, pattern: '[\\p{{L}}\\p{{N}}]{{1,100}}x{n[0]}y{j}', file_glob: '**/*.txt'}}\n" for j in range(20))
        call(base, "POST", "/api/packs/import", k, {"pack_yaml": f"pack_id: {pid}\nname: h\nrules:\n{pats}"})
        call(base, "POST", "/scan", k, {"files": {"a.txt": "abc"}, "config_overrides": {"standards_packs": [pid]}})
        call(base, "DELETE", f"/api/packs/{pid}", k)

    def idle_sockets():
        held = []
        for _ in range(2000):
            try:
                # From an address of its own: the caps on it must not hide the other attacks.
                held.append(socket.create_connection(("127.0.0.1", port), timeout=2, source_address=("127.0.0.4", 0)))
            except OSError:
                break
        time.sleep(2)
        for s in held:
            s.close()

    def slow_streams():
        held = []
        for _ in range(12):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=("127.0.0.5", 0))
                body = json.dumps({"repo_path": "repo", "config_overrides": {"standards_packs": ["test-flood"]}}).encode()
                s.sendall(b"POST /api/run-scan-stream HTTP/1.1\r\nHost: x\r\nX-API-Key: " + k.encode() + b"\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                held.append(s)  # never read
            except OSError as e:
                print(f"slow stream not opened: {e}", file=sys.stderr)
        time.sleep(5)
        for s in held:
            s.close()

    # Bodies are encoded once: the harness's own work (and its interpreter lock) must not
    # be what the latency measures.
    enc = lambda v: json.dumps(v).encode()
    bodies = {
        "quadratic": enc({"repo_path": "repo", "config_overrides": {"standards_packs": ["quadratic"]}}),
        "glob_bomb": enc({"pack_yaml": globs}),
        "huge_metadata": enc({"pack_yaml": huge}),
        "flood": enc({"repo_path": "repo", "config_overrides": {"standards_packs": ["test-flood"]}}),
        "request_globs": enc({"files": {"a.py": "x"}, "config_overrides": {"scan_exclude": [f"d{i}/**" for i in range(20000)]}}),
        "max_file_bytes": enc({"files": {"a.py": "x"}, "config_overrides": {"max_file_bytes": 1 << 30}}),
        "approval_context": enc({"action_type": "deploy", "title": "x", "context": {"blob": "x" * (20 << 20)}}),
    }
    post = lambda path, name: loop(name, lambda: call(base, "POST", path, k, raw=bodies[name]))
    return [
        post("/scan", "quadratic"),
        loop("cache_churn", cache_churn),
        post("/api/packs/import", "glob_bomb"),
        post("/api/packs/import", "huge_metadata"),
        post("/scan", "flood"),
        loop("idle_sockets", idle_sockets),
        loop("slow_streams", slow_streams),
        post("/scan", "request_globs"),
        post("/scan", "max_file_bytes"),
        post("/api/approvals", "approval_context"),
    ]


def poll_health_main(port, seconds):
    """Polls /health from 127.0.0.2 every 100 ms for `seconds`; prints [[ok, ms], ...]."""
    out, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        out.append(health_from("127.0.0.1", port, "127.0.0.2"))
        time.sleep(0.1)
    print(json.dumps(out))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--poll-health":
        return poll_health_main(int(sys.argv[2]), float(sys.argv[3]))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--binary", default=str(ROOT / "target/release/sentra"))
    args = ap.parse_args()
    binary = Path(args.binary)
    if binary == ROOT / "target/release/sentra":
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "sentra-cli"], cwd=ROOT, check=True)
    flood_wasm = (ROOT / "target/guest/wasm32-wasip2/release/test_flood.wasm").read_bytes()
    work = Path(tempfile.mkdtemp(prefix="sentra-hostile-"))
    tenants = setup(work)
    state = work / "state"
    victim_key, attacker_key = key(binary, state, "victim"), key(binary, state, "attacker")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    cmd = [str(binary), "--state-dir", str(state), "serve", "--host", "127.0.0.1", "--port", str(port), "--root", str(work / "server"),
           "--tenants-root", str(tenants), "--rate-limit", "0", "--max-concurrent-scans", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while call(base, "GET", "/health", "", timeout=1)[0] != 200:
        time.sleep(0.05)
    victim_body = {"repo_path": "repo"}
    status, payload = call(base, "POST", "/scan", victim_key, victim_body)
    assert status == 200, payload
    expected = findings_of(payload)

    stop = threading.Event()
    counts = {}
    threads = attacks(base, port, attacker_key, stop, counts, flood_wasm)
    health, rss, victim = [], [], {"scans": 0, "identical": 0, "busy": 0, "other": 0}

    # The poller is a process of its own: no interpreter lock shared with the attackers.
    poller = subprocess.Popen([sys.executable, __file__, "--poll-health", str(port), str(args.seconds)], stdout=subprocess.PIPE, text=True)

    def sample_rss():
        while not stop.is_set():
            text = Path(f"/proc/{proc.pid}/status").read_text()
            rss.append(next(int(l.split()[1]) for l in text.splitlines() if l.startswith("VmRSS:")) / 1024)
            time.sleep(0.5)

    def victim_scans():
        while not stop.is_set():
            status, payload = call(base, "POST", "/scan", victim_key, victim_body, source="127.0.0.3")
            victim["scans"] += 1
            if status == 200:
                victim["identical" if findings_of(payload) == expected else "other"] += 1
            elif status == 503:
                victim["busy"] += 1
            else:
                victim["other"] += 1
                victim.setdefault("statuses", {}).setdefault(str(status), 0)
                victim["statuses"][str(status)] += 1

    helpers = [threading.Thread(target=f, daemon=True) for f in (sample_rss, victim_scans)]
    for t in threads + helpers:
        t.start()
    health.extend(tuple(x) for x in json.loads(poller.communicate()[0]))
    stop.set()
    time.sleep(3)
    hwm = next(int(l.split()[1]) for l in Path(f"/proc/{proc.pid}/status").read_text().splitlines() if l.startswith("VmHWM:")) / 1024
    proc.terminate()
    proc.wait(timeout=30)

    lat = sorted(ms for ok, ms in health if ok)
    failed = sum(1 for ok, _ in health if not ok)
    pct = lambda p: round(lat[min(len(lat) - 1, int(len(lat) * p))], 1) if lat else None
    result = {
        "date": datetime.date.today().isoformat(),
        "binary": str(binary.relative_to(ROOT)) if binary.is_relative_to(ROOT) else str(binary),
        "seconds": args.seconds,
        "cores": os.cpu_count(),
        "server_peak_rss_mib": round(hwm, 1),
        "server_rss_max_sampled_mib": round(max(rss), 1) if rss else None,
        "health": {"polls": len(health), "failed": failed, "p50_ms": pct(0.5), "p99_ms": pct(0.99), "max_ms": round(lat[-1], 1) if lat else None},
        "victim": victim,
        "attack_rounds": counts,
    }
    out = ROOT / "bench/results" / f"{result['date']}-hostile-load"
    out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    md = [
        f"# Hostile load, {result['date']}",
        "",
        f"`bench/hostile_load.py --seconds {args.seconds:g} --binary {result['binary']}` on {result['cores']} cores: every attack of issue 23 at once, while tenant `victim` scans its tree in a loop.",
        "",
        "| measure | value | aim |",
        "|---|---|---|",
        f"| server peak RSS | {result['server_peak_rss_mib']} MiB | under 1024 MiB |",
        f"| `/health` p50 / p99 / max (from another client) | {result['health']['p50_ms']} / {result['health']['p99_ms']} / {result['health']['max_ms']} ms over {len(health)} polls, {failed} failed | p99 under 50 ms |",
        f"| victim scans | {victim['scans']}: {victim['identical']} identical to the unloaded run, {victim['busy']} busy (503), {victim['other']} other | all identical or busy |",
        "",
        "Attack rounds by answer: " + "; ".join(f"{k} " + ", ".join(f"{n}x {st}" for st, n in sorted(v.items())) for k, v in sorted(counts.items())) + ".",
        "",
    ]
    out.with_suffix(".md").write_text("\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    sys.exit(main())
