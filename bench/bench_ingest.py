"""Ingestion throughput on a CSV corpus: read, deduplicate, analyse, group into stories, store.

    python bench/bench_ingest.py --csv ../shared/data/news/agnews-dev.csv [--db /tmp/ingest.db] [--limit N]

Runs the same code as `tidings ingest` (the Ingestor over the CSV source, title and description
columns) into a fresh SQLite file and prints articles/s, duplicates found, stories, and the store's
size. The time includes parsing, which dominates; `make bench` prints parsing alone for comparison.
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from tidings.ingest.runner import Ingestor
from tidings.ingest.sources import SourceOptions, iter_articles
from tidings.pipeline import Pipeline
from tidings.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", required=True)
    ap.add_argument("--db", default=None, help="store file to create (default: a temporary one)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N rows")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    source = Path(args.csv)
    if args.limit:
        tmp = Path(tempfile.mkdtemp()) / "head.csv"
        with open(source, encoding="utf-8", newline="") as fh, open(tmp, "w", encoding="utf-8", newline="") as out:
            rows = list(csv.reader(fh))[: args.limit + 1]
            csv.writer(out).writerows(rows)
        source = tmp
    db = Path(args.db or Path(tempfile.mkdtemp()) / "ingest.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)

    pipeline = Pipeline()
    pipeline.warm_up()
    options = SourceOptions(columns={"text": "description", "title": "title"}, published="2004-08-15")
    start = time.perf_counter()
    with Store.open(db) as store:
        summary = Ingestor(store, pipeline, batch_size=args.batch_size).ingest(iter_articles([str(source)], options))
        counts = store.counts()
    elapsed = time.perf_counter() - start
    size = sum(os.path.getsize(str(db) + s) for s in ("", "-wal", "-shm") if os.path.exists(str(db) + s))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"machine: {platform.machine()} python {platform.python_version()}; {source.name}")
    print(f"read {summary.read} items in {elapsed:.1f} s: {summary.read / elapsed:.1f} items/s "
          f"({summary.new / elapsed:.1f} new articles analysed and stored per second)")
    print(f"new {summary.new}, duplicates {summary.duplicates} ({summary.exact_duplicates} exact, "
          f"{summary.near_duplicates} near), failed {len(summary.failed)}, stories {summary.new_stories}")
    print(f"store: {size / 1e6:.1f} MB for {summary.new} articles ({size / max(1, summary.new):,.0f} bytes per article); "
          f"rows: {counts}")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
