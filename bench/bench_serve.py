"""Load benchmark of `tidings serve`: requests/s and latency percentiles at 50 concurrent clients.

    python bench/bench_serve.py --events 100000 --db /tmp/tidings-serve-100000.db      # make bench-serve
    python bench/bench_serve.py --events 100000 --db /tmp/tidings-serve-100000.db --rebuild
    python bench/bench_serve.py --db /tmp/tidings-serve-100000.db --workers 1 --duration 10

The store: a synthetic corpus made by ``bench/bench_store.py``'s builder (``build()``: Zipf-like actor
codes over 5 years, ~5 events per article, real-shaped analysis JSON). It is built once and reused
while the file holds at least ``--events`` events (``--rebuild`` forces a new one).

The server: ``tidings serve --db ... --port <free port>`` as a subprocess, read-only (no token), once
per ``--workers`` value (default: 1 then 2 worker processes). The load: ``wrk`` (``apt-get install
wrk``) with ``-t 2 -c 50`` (two load threads, 50 open connections, each sending its next request as
soon as the previous answer arrives) for ``--duration`` seconds after a short warm-up, against

- ``/events?limit=50``: the latest events, the dashboard's first request;
- ``/events?source=<A>&limit=50``: the latest events of the busiest source actor;
- ``/dyads/<A>/<B>?by=week``: the weekly series of the busiest dyad (from ``/dyads?n=5``).

A Lua script (written to a temporary file) reports from wrk's ``done()`` callback the requests/s,
p50/p95/p99 latency, non-2xx answers and socket errors as JSON; this script prints a table and writes
everything to ``--out`` (JSON). wrk runs on the same machine as the server and competes with it for
the CPU cores: the figures are a floor for a server with the machine to itself.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

TIDINGS = Path(sys.executable).parent / "tidings"

#: wrk's Lua hooks: count non-2xx answers in each load thread, report everything once at the end.
WRK_SCRIPT = r"""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_s": %.3f, "requests_per_s": %.1f, "bytes": %d, ' ..
    '"latency_us": {"p50": %d, "p90": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f}, ' ..
    '"non_2xx": %d, "socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean, bad, e.connect, e.read, e.write, e.timeout))
end
"""


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False).stdout.splitlines()
    return {"date": datetime.now(UTC).isoformat(timespec="seconds"), "nproc": os.cpu_count(),
            "cpu": cpu, "python": platform.python_version(), "platform": platform.platform(),
            "wrk": wrk[0].strip() if wrk else "unknown",
            "note": "wrk runs on the same machine as the server and shares its CPU cores with it"}


def store_events(db: Path) -> int | None:
    """Events in the store at ``db``, or None if it is not a readable store."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM events").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def ensure_store(db: Path, n_events: int, rebuild: bool) -> dict:
    have = None if rebuild else store_events(db)
    if have is not None and have >= n_events:
        print(f"reusing {db}: {have:,} events (--rebuild to make it again)", file=sys.stderr)
        return {"reused": True, "events": have}
    # imported only when building: it loads numpy and the CAMEO table
    from bench_store import build

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    # ~5 events per article: batches of about 10,000 events keep the overshoot past n_events small
    batch = max(50, min(10_000, n_events // 50))
    print(f"building {n_events:,} events into {db}", file=sys.stderr)
    result = build(str(db), n_events, batch, True)
    if result.get("rollups_consistent") is False:
        raise SystemExit("error: the built store's rollups do not match a recount")
    return {"reused": False, **result}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 30):
    with urlopen(url, timeout=timeout) as r:
        return r.status, json.loads(r.read())


class Server:
    """``tidings serve`` in a subprocess (its own session, so its workers are stopped with it)."""

    def __init__(self, db: Path, workers: int):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k not in ("TIDINGS_TOKEN", "TIDINGS_DB")}
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen([str(TIDINGS), "serve", "--db", str(db), "--port", str(self.port),
                                      "--workers", str(workers)], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def wait(self, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"error: tidings serve exited with {self.proc.returncode}:\n{self.output()}")
            try:
                return fetch(self.url + "/status", timeout=5)[1]
            except (URLError, ConnectionError, OSError):
                time.sleep(0.25)
        raise SystemExit(f"error: tidings serve did not answer within {timeout:.0f} s:\n{self.output()}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # uvicorn shuts down (and stops its workers) on SIGINT
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)  # the session this script started for it
                self.proc.wait(10)
        self.log.close()


def run_wrk(url: str, script: Path, duration: float, connections: int, threads: int) -> dict:
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration:g}s", "--timeout", "10s",
           "-s", str(script), url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 120, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("WRK_RESULT "):
            return json.loads(line[len("WRK_RESULT "):])
    raise SystemExit(f"error: wrk gave no result (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")


def targets(server: Server) -> dict[str, str]:
    """The three URLs (paths) to load, with the busiest dyad's codes."""
    _, top = fetch(server.url + "/dyads?n=5")
    if not top:
        raise SystemExit("error: the store has no dyads")
    a, b = top[0]["source"], top[0]["target"]
    return {"events latest": "/events?limit=50",
            f"events source={a}": f"/events?source={a}&limit=50",
            f"dyad {a}-{b} by week": f"/dyads/{a}/{b}?by=week"}


def check(server: Server, path: str) -> None:
    status, body = fetch(server.url + path)
    if status != 200:
        raise SystemExit(f"error: {path} answered {status}")
    items = body.get("items", body.get("points"))
    if not items:
        raise SystemExit(f"error: {path} answered nothing to measure: {str(body)[:200]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000, help="events in the synthetic store")
    ap.add_argument("--db", type=Path, default=Path("/tmp/tidings-serve-100000.db"))
    ap.add_argument("--rebuild", action="store_true", help="build the store again even if --db holds one")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker process counts to try")
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2, help="wrk load threads")
    ap.add_argument("--duration", type=float, default=20, help="seconds of load per URL")
    ap.add_argument("--warmup", type=float, default=3, help="seconds of load per URL before measuring")
    ap.add_argument("--out", type=Path, default=Path("/tmp/tidings-bench-serve.json"), help="JSON results")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("error: wrk is not installed (apt-get install wrk)")
    if not TIDINGS.exists():
        raise SystemExit(f"error: {TIDINGS} not found: run this with the project's virtualenv python")
    workers = [int(w) for w in args.workers.split(",") if w.strip()]

    report: dict = {"machine": machine(), "db": str(args.db),
                    "load": {"tool": "wrk", "connections": args.connections, "threads": args.threads,
                             "duration_s": args.duration, "warmup_s": args.warmup}}
    report["store"] = ensure_store(args.db, args.events, args.rebuild)
    report["runs"] = []
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="tidings-wrk-", delete=False) as fh:
        fh.write(WRK_SCRIPT)
        script = Path(fh.name)
    try:
        for w in workers:
            server = Server(args.db, w)
            try:
                status = server.wait()
                report["store"]["counts"] = status["counts"]
                paths = targets(server)
                print(f"\n{w} worker(s) on {server.url}: {status['counts']['events']:,} events", file=sys.stderr)
                for name, path in paths.items():
                    check(server, path)
                    if args.warmup > 0:
                        run_wrk(server.url + path, script, args.warmup, args.connections, args.threads)
                    result = run_wrk(server.url + path, script, args.duration, args.connections, args.threads)
                    lat = result["latency_us"]
                    print(f"  {name:<32} {result['requests_per_s']:>8.1f} req/s  p50 {lat['p50'] / 1000:7.1f} ms  "
                          f"p95 {lat['p95'] / 1000:7.1f} ms  p99 {lat['p99'] / 1000:7.1f} ms  "
                          f"non-2xx {result['non_2xx']}  socket errors {sum(result['socket_errors'].values())}",
                          file=sys.stderr)
                    report["runs"].append({"workers": w, "endpoint": name, "path": path, **result})
            finally:
                server.stop()
    finally:
        script.unlink(missing_ok=True)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print_table(report)
    print(f"\nresults: {args.out}")


def print_table(report: dict) -> None:
    m = report["machine"]
    print(f"\ntidings serve load benchmark, {m['date']}")
    print(f"machine: {m['nproc']} cores, {m['cpu']}; Python {m['python']}; {m['wrk']}")
    print(f"store: {report['db']}, {report['store'].get('counts', {}).get('events', report['store']['events']):,} events")
    load = report["load"]
    print(f"load: wrk -t {load['threads']} -c {load['connections']}, {load['duration_s']:g} s per URL after a "
          f"{load['warmup_s']:g} s warm-up")
    print(f"note: {m['note']}\n")
    head = f"{'workers':>7}  {'endpoint':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'sock err':>8}"
    print(head)
    print("-" * len(head))
    for r in report["runs"]:
        lat = r["latency_us"]
        print(f"{r['workers']:>7}  {r['endpoint']:<34} {r['requests_per_s']:>8.1f} {lat['p50'] / 1000:>8.1f} "
              f"{lat['p95'] / 1000:>8.1f} {lat['p99'] / 1000:>8.1f} {r['non_2xx']:>8} "
              f"{sum(r['socket_errors'].values()):>8}")


if __name__ == "__main__":
    main()
