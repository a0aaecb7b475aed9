"""What analysing in worker processes costs against analysing in a thread of the server, and what it buys.

    python bench/bench_analysis_pool.py [--repeat 30]

On the bundled example articles (examples/*.md, 1-3 KB each) and a 10 KB text made of them:

- start-up: loading and warming a pipeline in this process; starting a pool of 1 and 2 warm workers
  (fork server, as the server does);
- one analysis, as a request sees it: in a thread (``run_in_executor`` over a loaded pipeline) and in
  the pool (pickled there and back): the median of ``--repeat``;
- the event loop while analyses run: the latency of a /status-like job (a small SQLite read and a
  JSON dump, in the loop's thread pool), 100 times, while the 10 KB text is analysed over and over,
  in a thread of this process and then in the pool; and while analyses hold the GIL throughout (a
  regular expression backtracking for ~0.5 s, the way a pathological text can hold it in C code);
- memory: the resident size of a worker process.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import platform
import re
import sqlite3
import statistics
import threading
import time
from pathlib import Path

from tidings.model import Article
from tidings.pipeline import Pipeline
from tidings.serve.analysis_pool import AnalysisPool, PoolLimits

ROOT = Path(__file__).resolve().parent.parent
#: backtracks for about half a second inside one C call, holding the GIL all along
CATASTROPHIC = (re.compile(r"^(a+)+$"), "a" * 24 + "!")


def articles() -> list[Article]:
    out = []
    for path in sorted((ROOT / "examples").glob("*.md")):
        if not path.name.startswith("README"):
            out.append(Article(id=path.stem, text=path.read_text(encoding="utf-8"), published=path.name[:10]))
    return out


def long_text(items: list[Article]) -> Article:
    text = "\n\n".join(a.text for a in items)
    return Article(id="long", text=text[:10_000], published="2022-01-10")


def status_job(conn_path: str) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(conn_path)
    json.dumps(conn.execute("SELECT count(*) FROM t").fetchall())
    conn.close()
    return time.perf_counter() - started


def regex_hold() -> None:
    pattern, text = CATASTROPHIC
    pattern.match(text)


async def loop_latency(db: str, busy, seconds_between: float = 0.01, n: int = 100) -> dict:
    """Latency of ``n`` /status-like jobs (scheduled from the loop, run in its thread pool) while ``busy``
    keeps the analysis side occupied. Measured from scheduling to result, as a client would see it."""
    loop = asyncio.get_running_loop()
    stop = threading.Event()
    worker = asyncio.ensure_future(busy(stop))
    latencies = []
    for _ in range(n):
        started = time.perf_counter()
        await loop.run_in_executor(None, status_job, db)
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(seconds_between)
    stop.set()
    await worker
    latencies.sort()
    return {"median_ms": round(1000 * statistics.median(latencies), 2),
            "p95_ms": round(1000 * latencies[int(0.95 * len(latencies)) - 1], 2),
            "max_ms": round(1000 * latencies[-1], 2)}


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker_pids() -> list[int]:
    """Processes whose parent's parent is this one (the fork server's children: the pool's workers)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    import os

    me = os.getpid()
    return sorted(pid for pid, parent in parents.items() if parents.get(parent) == me)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    items = articles()
    long = long_text(items)
    report: dict = {"machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
                    "python": platform.python_version(), "when": time.strftime("%Y-%m-%d")}

    started = time.perf_counter()
    pipeline = Pipeline()
    pipeline.warm_up()
    pipeline.analyze(long.text, {"id": "warm"})
    report["in_process_load_and_warm_s"] = round(time.perf_counter() - started, 2)

    pools = {}
    for workers in (1, 2):
        started = time.perf_counter()
        pool = AnalysisPool(limits=PoolLimits(workers=workers, queue=8, budget_s=120))
        pool.start()
        report[f"pool_{workers}_workers_start_s"] = round(time.perf_counter() - started, 2)
        pools[workers] = pool
    pools.pop(1).stop()
    pool = pools[2]
    report["worker_rss_mb"] = [round(rss_mb(pid), 1) for pid in worker_pids()]

    async def timings() -> dict:
        loop = asyncio.get_running_loop()
        out = {}
        for name, article in (("example article", items[2]), ("10 KB text", long)):
            thread, process = [], []
            for _ in range(args.repeat):
                t = time.perf_counter()
                await loop.run_in_executor(None, lambda: next(pipeline.analyze_many([article])))
                thread.append(time.perf_counter() - t)
                t = time.perf_counter()
                await pool.analyze(article)
                process.append(time.perf_counter() - t)
            out[name] = {"chars": len(article.text), "thread_ms": round(1000 * statistics.median(thread), 1),
                         "pool_ms": round(1000 * statistics.median(process), 1)}
        return out

    async def responsiveness(db: str) -> dict:
        loop = asyncio.get_running_loop()

        async def analyse_in_thread(stop):
            while not stop.is_set():
                await loop.run_in_executor(None, lambda: next(pipeline.analyze_many([long])))

        async def analyse_in_pool(stop):
            while not stop.is_set():
                await pool.analyze(long)

        async def regex_in_thread(stop):
            while not stop.is_set():
                await loop.run_in_executor(None, regex_hold)

        async def idle(stop):
            pass

        return {"idle": await loop_latency(db, idle),
                "10 KB analyses in a thread": await loop_latency(db, analyse_in_thread),
                "10 KB analyses in the pool": await loop_latency(db, analyse_in_pool),
                "GIL held 0.5 s at a time in a thread": await loop_latency(db, regex_in_thread, n=20)}

    db = "/tmp/bench-analysis-pool.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
    report["one_analysis"] = asyncio.run(timings())
    report["status_job_latency"] = asyncio.run(responsiveness(db))
    pool.stop()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
