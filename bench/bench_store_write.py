"""Store write rate, SQLite and PostgreSQL: articles/s and events/s through the store's two write paths.

    python bench/bench_store_write.py --articles 20000                       # SQLite file + a throwaway PG server
    python bench/bench_store_write.py --articles 20000 --pg postgresql://me@host/db   # an existing (empty) database

Rows are the synthetic articles of ``bench_store.py`` (~5 events, one quote, a few mentions and a
MinHash signature per article), made before the clock starts. Two paths, each into a new store:

* ``runner``: ``Batch.add_prepared`` one article at a time, ``--batch`` articles per transaction: what
  ``tidings ingest`` does once the articles are analysed (identity checks, inserts, rollup deltas);
* ``bulk``: ``Batch.add_prepared_many``, one call per transaction (imports, benchmarks).

Without ``--pg`` the PostgreSQL store is a throwaway cluster made with Debian's initdb/pg_ctl in a
temporary folder (``tests/pg_server.py``), fsync on, default settings otherwise, on loopback TCP.
The SQLite file is in WAL mode with synchronous=NORMAL (the store's settings). Times are wall-clock
around the write transactions only. A second PostgreSQL run writes with two processes at once
(``--writers``), each its own share of the articles, to show what serialised batches cost.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from bench_store import Universe  # noqa: E402

from tidings.store import Store  # noqa: E402


def make_rows(n: int, first: int = 0, seed: int = 7) -> list:
    return Universe(seed).prepared(n, first)


def write(db: str, rows: list, batch: int, path: str) -> float:
    """Seconds spent writing ``rows`` into ``db`` in transactions of ``batch`` articles."""
    with Store.open(db) as store:
        spent = 0.0
        for i in range(0, len(rows), batch):
            chunk = rows[i:i + batch]
            t = time.perf_counter()
            with store.batch("bench") as tx:
                if path == "bulk":
                    tx.add_prepared_many(chunk)
                else:
                    for p in chunk:
                        tx.add_prepared(p)
            spent += time.perf_counter() - t
        assert store.counts()["articles"] >= len(rows)
    return spent


def _writer(db: str, n: int, first: int, batch: int, out) -> None:
    rows = make_rows(n, first, seed=first + 1)
    out.put((write(db, rows, batch, "runner"), sum(len(p.events) for p in rows)))


def concurrent(db: str, n: int, batch: int, writers: int) -> dict:
    out = mp.Queue()
    procs = [mp.Process(target=_writer, args=(db, n // writers, k * 10_000_000, batch, out)) for k in range(writers)]
    Store.open(db).close()  # schema first
    t = time.perf_counter()
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - t  # includes each writer making its rows (the same for every run)
    with Store.open(db) as store:
        consistent = store.check_rollups() == []
    events = sum(e for _, e in results)
    return {"writers": writers, "articles": n // writers * writers, "events": events,
            "busiest_writer_s": round(max(s for s, _ in results), 2),
            "articles_per_s": round(n // writers * writers / max(s for s, _ in results)),
            "events_per_s": round(events / max(s for s, _ in results)), "wall_s": round(wall, 1),
            "rollups_consistent": consistent}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--batch", type=int, default=64, help="articles per transaction (the runner's default)")
    ap.add_argument("--pg", help="an empty PostgreSQL database URL (default: a throwaway server)")
    ap.add_argument("--writers", type=int, default=2)
    args = ap.parse_args()
    rows = make_rows(args.articles)
    events = sum(len(p.events) for p in rows)
    server = None
    if args.pg is None:
        from pg_server import PgServer

        server = PgServer(fsync=True).start()
    results = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for path in ("runner", "bulk"):
                for kind in ("sqlite", "postgresql"):
                    if kind == "sqlite":
                        db = str(Path(tmp) / f"{path}.db")
                    else:
                        db = args.pg if (args.pg and path == "runner") else (server.new_database() if server else None)
                        if db is None:
                            continue  # an existing database is used once (it must start empty)
                    s = write(db, rows, args.batch, path)
                    results.append({"store": kind, "path": path, "articles": len(rows), "events": events,
                                    "seconds": round(s, 2), "articles_per_s": round(len(rows) / s),
                                    "events_per_s": round(events / s)})
                    print(json.dumps(results[-1]), flush=True)
            if server is not None and args.writers > 1:
                for kind, db in (("sqlite", str(Path(tmp) / "concurrent.db")), ("postgresql", server.new_database())):
                    r = {"store": kind, "path": "runner, concurrent", **concurrent(db, len(rows), args.batch,
                                                                                 args.writers)}
                    results.append(r)
                    print(json.dumps(r), flush=True)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
