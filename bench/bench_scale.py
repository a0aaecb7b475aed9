"""Ingestion on more than one core: `tidings ingest` with --workers 1, --workers 2 and a Dask local
cluster (--cluster local:2) on the same corpora, in one run, timed as a user runs it.

    python bench/bench_scale.py --csv ../shared/data/news/agnews-dev.csv \
        --texts ../shared/data/quotes/polnear/train/text [--csv-limit 2000] [--texts-limit 150] [--no-dask]

Two corpora: AG News snippets (title + ~30-word description) and full-length news articles (PolNeAR's
US political news, ~4,600 characters each, like the articles GDELT reads). For each run: the wall time
of the whole command (start-up, reading, duplicate checks, analysis, story grouping, writing), articles
per second, the CPU seconds of every process it ran (workers and a cluster's processes included), articles
and characters per CPU-second (a core-second actually spent: what capacity planning needs, and what the
machine's other work does not change much), the speed-up in wall time over --workers 1, and whether
the store holds exactly what --workers 1 stored. It also times
`tidings analyze --json` with --workers 1 and 2 on the full-length articles and compares the bytes.
Every command runs ``--rounds`` times (2), in turn, and its fastest run is shown: other work on a shared
machine comes and goes, and slows the runs with more processes most. The machine's load
(os.getloadavg) is printed before and after.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIDINGS = [str(Path(sys.executable).parent / "tidings")]
#: what a store holds, clock times left out (ingested_at, updated_at)
STORED = ["SELECT id, title, published, text, content_hash, analysis, story_id, num_articles FROM articles ORDER BY aid",
          "SELECT * FROM events ORDER BY eid", "SELECT * FROM quotes ORDER BY qid",
          "SELECT id, aid, content_hash FROM copies ORDER BY id",
          "SELECT id, title, first_date, last_date, article_count, state, seq FROM stories ORDER BY seq"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", required=True, help="AG News CSV (class, title, description)")
    ap.add_argument("--texts", required=True, help="a folder of full-length articles, one .txt file each")
    ap.add_argument("--csv-limit", type=int, default=2000)
    ap.add_argument("--texts-limit", type=int, default=200)
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask local cluster")
    ap.add_argument("--rounds", type=int, default=2,
                    help="run every command this many times, in turn, and keep each one's fastest run: the "
                         "other work on a shared machine comes and goes")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    snippets = _snippets(Path(args.csv), args.csv_limit, work / "snippets.jsonl")
    articles = _articles(Path(args.texts), args.texts_limit, work / "articles.jsonl")
    modes = [("--workers 1", ["--workers", "1"], 1), ("--workers 2", ["--workers", "2"], 2)]
    if not args.no_dask:
        modes.append(("--cluster local:2", ["--cluster", "local:2"], 2))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}; "
          f"load before: {_load()}")
    for name, corpus in (("AG News snippets", snippets), ("full-length articles", articles)):
        n, chars = _size(corpus)
        print(f"\n{name}: {n} articles, {chars / n:,.0f} characters each on average")
        print(f"  {'command':<26}{'wall s':>7}{'CPU s':>7}{'art/s':>8}{'art/CPU-s':>10}{'chars/CPU-s':>12}"
              f"{'speed-up':>9}  same store")
        best: dict[str, tuple[float, float]] = {}
        same: dict[str, bool] = {}
        base_rows = None
        for _ in range(args.rounds):
            for label, option, cores in modes:
                db = work / "run.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(str(db) + suffix).unlink(missing_ok=True)
                elapsed, cpu = _run(["ingest", str(corpus), "--db", str(db), *option])
                rows = _stored(db)
                base_rows = base_rows or rows
                same[label] = same.get(label, True) and rows == base_rows
                best[label] = min(best.get(label, (elapsed, cpu)), (elapsed, cpu))
        base_time = best[modes[0][0]][0]
        for label, _, _ in modes:
            elapsed, cpu = best[label]
            print(f"  ingest {label:<19}{elapsed:>7.1f}{cpu:>7.1f}{n / elapsed:>8.1f}{n / cpu:>10.2f}"
                  f"{chars / cpu:>12,.0f}{base_time / elapsed:>8.2f}x  {'yes' if same[label] else 'NO'}")
    print("\nfull-length articles, tidings analyze --json:")
    best_analyze: dict[int, tuple[float, float]] = {}
    outputs = {}
    for _ in range(args.rounds):
        for workers in (1, 2):
            out = work / f"analyses-{workers}.jsonl"
            timing = _run(["analyze", str(articles), "--json", "--out", str(out), "--workers", str(workers)])
            best_analyze[workers] = min(best_analyze.get(workers, timing), timing)
            outputs[workers] = out.read_bytes()
    (one, cpu1), (two, cpu2) = best_analyze[1], best_analyze[2]
    print(f"  --workers 1: {one:.1f} s ({cpu1:.1f} CPU s); --workers 2: {two:.1f} s ({cpu2:.1f} CPU s); "
          f"speed-up {one / two:.2f}x; same bytes: {'yes' if outputs[1] == outputs[2] else 'NO'}")
    print(f"\nload after: {_load()}")


def _snippets(source: Path, limit: int, out: Path) -> Path:
    with open(source, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    out.write_text("".join(json.dumps({"id": f"ag{i}", "title": r["title"], "text": r["description"],
                                       "published": "2004-08-15"}) + "\n" for i, r in enumerate(rows)))
    return out


def _articles(folder: Path, limit: int, out: Path) -> Path:
    files = sorted(folder.glob("*.txt"))[:limit]
    out.write_text("".join(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8"),
                                       "published": f.stem.split("_")[1] if f.stem.count("_") >= 2 else None}) + "\n"
                           for f in files))
    return out


def _size(corpus: Path) -> tuple[int, int]:
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    return len(records), sum(len(r["text"]) for r in records)


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, of the command and every process it started and
    waited for: its workers, a local cluster's nannies and workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*TIDINGS, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"tidings {' '.join(args)} failed:\n{done.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _stored(db: Path) -> list[list[tuple]]:
    with sqlite3.connect(db) as conn:
        return [conn.execute(sql).fetchall() for sql in STORED]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)"


if __name__ == "__main__":
    main()
