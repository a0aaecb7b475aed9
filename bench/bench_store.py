"""Store benchmark: build a synthetic corpus store, then time the dashboard queries under ingestion.

    python bench/bench_store.py --events 1000000 --db /tmp/store-1m.db
    python bench/bench_store.py --events 10000000 --db /tmp/store-10m.db      # ~tens of minutes
    python bench/bench_store.py --events 10000000 --db /tmp/store-10m.db --time-limit 1800 --no-check
                                                   # shared machine: stop building after 30 min
    python bench/bench_store.py --db /tmp/store-1m.db --reuse                   # queries only

Data: ~250 actor codes (50 countries x 5 sectors, Zipf-like: a few dominate), 5 years of days, CAMEO
codes drawn from the real table with a plausible root mix (statements and consultations common,
assaults rarer, mass violence rare), 90% asserted events, ~5 events, ~1 quote and a MinHash signature
per article (524 bytes, the size ``NearDuplicateIndex.signature()`` makes: 12-byte header + 128 x
uint32), ~600 characters of text, and an analysis JSON shaped like ``Analysis.to_json()``.

Build: the store's own bulk path (``Batch.add_prepared_many``: the same inserts and in-memory rollup
deltas as ``add_article``, one transaction per batch of articles), fed by a generator process so the
synthetic data is made on the other core while the store writes; ``store_events_per_s`` is the rate of
the store alone (time inside the write transactions). Then ``check_rollups()`` verifies the rollups
equal a recount. Queries are timed (median of ``--repeat`` runs, after one warm-up) while another
process ingests batches through ``add_article`` (the runner's path), so readers and a writer overlap.
Targets: each query under 100 ms at 1M events, under 1 s at 10M.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import statistics
import struct
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tidings.knowledge.cameo import load_cameo  # noqa: E402
from tidings.model import (Actor, Analysis, Article, Event, EventPlace, Participant, Sentence,  # noqa: E402
                           Span)
from tidings.store import Store  # noqa: E402
from tidings.store.rows import Prepared, pack_json  # noqa: E402

# JSON shaped like Analysis.to_json(), by string templates: json.dumps of dicts would dominate the build.
EVENT_JSON = ('{"id":"e%d","source":{"start":%d,"end":%d,"text":"%s","actor":"%s","code":"%s"},'
              '"target":{"start":%d,"end":%d,"text":"%s","actor":"%s","code":"%s"},"cameo":"%s","plover":%s,'
              '"quad":%d,"goldstein":%s,"mode":"%s","date":"%s","place":{"name":"Capital","country":"%s",'
              '"lat":10.0,"lon":20.0,"start":null,"end":null},"trigger":{"start":%d,"end":%d,"text":"talked"},'
              '"sentence":%d,"confidence":%.3f,"evidence":"events.tsv:%d pattern %s"}')
ACTOR_JSON = ('{"id":"%s","code":"%s","country":"%s","sector":"%s","name":"%s","kind":"country",'
              '"mentions":[%s]}')
MENTION_JSON = '{"start":0,"end":8,"text":"%s"}'
ARTICLE_JSON = ('{"schema":"tidings.analysis/1","version":"0.1.0","id":"%s","title":"A title",'
                '"url":"https://news.example/%s","published":"%s","sentences":[%s],"paragraphs":[],'
                '"standfirst":null,"summary":null,"actors":[%s],"quotes":[],"times":[],"places":[],'
                '"events":[%s],"dateline":null,"warnings":[]}')

COUNTRIES = ("USA RUS UKR CHN ISR PSE IRN GBR FRA DEU TUR IND PAK SYR IRQ AFG SAU EGY JPN PRK KOR NGA ZAF "
             "BRA MEX VEN COL ARG CAN AUS ITA ESP POL BLR YEM LBN JOR QAT ARE ETH SDN SOM KEN LBY MLI "
             "IDN PHL MMR THA VNM").split()
SECTORS = [("GOV", 0.40), ("", 0.25), ("MIL", 0.15), ("BUS", 0.10), ("REB", 0.10)]
ROOT_WEIGHTS = {"01": 14, "02": 7, "03": 7, "04": 16, "05": 8, "06": 3, "07": 3, "08": 3, "09": 2, "10": 3,
                "11": 8, "12": 4, "13": 4, "14": 3, "15": 2, "16": 3, "17": 4, "18": 3, "19": 6, "20": 0.5}
MODES = (["asserted", "negated", "future", "hypothetical"], [0.90, 0.04, 0.04, 0.02])
START = date(2020, 1, 1)
#: analysis blobs made per event count; later articles reuse one of the same event count (same size; the
#: JSON + zlib of every article would cost the generator more CPU than the store spends writing it)
BLOB_POOL = 400
DAYS = 5 * 365
WORDS = ("talks officials said government minister forces border capital statement meeting agreement "
         "ceasefire troops sanctions aid president spokesman region crisis security reported").split()


class Universe:
    """The synthetic world: codes, their weights, CAMEO codes and theirs."""

    def __init__(self, seed: int = 7):
        self.rng = np.random.default_rng(seed)
        codes, weights = [], []
        for rank, country in enumerate(COUNTRIES):
            for sector, w in SECTORS:
                codes.append(country + sector)
                weights.append(w / (rank + 1) ** 1.1)  # Zipf over countries
        self.codes = np.array(codes)
        self.code_p = np.array(weights) / sum(weights)
        table = load_cameo()
        cameo = [c for c in table.codes.values() if len(c.code) >= 3]
        by_root: dict[str, list] = {}
        for c in cameo:
            by_root.setdefault(c.root, []).append(c)
        self.cameo = [c for root in sorted(by_root) for c in by_root[root]]
        self.cameo_p = np.array([ROOT_WEIGHTS[c.root] / len(by_root[c.root]) for c in self.cameo])
        self.cameo_p /= self.cameo_p.sum()
        self.days = [(START + timedelta(days=i)).isoformat() for i in range(DAYS)]
        self.blobs: dict[int, list[bytes]] = {}
        self.texts = [" ".join(WORDS[(i + w) % len(WORDS)] for w in range(90))[:590] for i in range(len(WORDS))]

    def prepared(self, n_articles: int, first: int, version: str = "bench") -> list[Prepared]:
        """``n_articles`` articles as store rows, ids ``b{first}``..., ~5 events each."""
        rng = self.rng
        per = rng.integers(1, 10, n_articles)  # 1..9 events, mean 5
        total = int(per.sum())
        src = rng.choice(len(self.codes), total, p=self.code_p)
        tgt = rng.choice(len(self.codes), total, p=self.code_p)
        tgt = np.where(tgt == src, (tgt + 5) % len(self.codes), tgt)
        cam = rng.choice(len(self.cameo), total, p=self.cameo_p)
        mode = rng.choice(4, total, p=MODES[1])
        art_day = rng.integers(0, DAYS, n_articles)
        lag = rng.integers(0, 3, total)  # an event is on its article's day or up to two days before
        sig = rng.integers(0, 2**32, (n_articles, 128), dtype=np.uint32).astype("<u4")
        header = struct.pack("<2sBBHHI", b"MH", 1, 5, 128, 0, 90)  # as tidings.ingest.dedupe writes it
        conf = rng.random(total)
        out, k = [], 0
        for i in range(n_articles):
            aid_text = f"b{first + i}"
            day = self.days[art_day[i]]
            events, ev_json, codes_here = [], [], {}
            pool = self.blobs.setdefault(int(per[i]), [])
            make_json = len(pool) < BLOB_POOL
            for j in range(per[i]):
                s, t, c = self.codes[src[k]], self.codes[tgt[k]], self.cameo[cam[k]]
                ed = self.days[max(0, art_day[i] - lag[k])]
                m = MODES[0][mode[k]]
                start = 60 * j
                events.append((f"e{j}", j, s, s, s[:3], start, start + 8, t, t, t[:3], start + 20, start + 28,
                               c.code, c.plover, c.quad, c.goldstein, m, ed, ed, "Capital", t[:3], 10.0, 20.0,
                               start + 10, start + 16, f"events.tsv:{cam[k] + 1} pattern {c.code}",
                               round(float(conf[k]), 3), 0))  # 0: directed (rows.EVENT_COLS ends with symmetric)
                codes_here[s] = codes_here.get(s, 0) + 1
                codes_here[t] = codes_here.get(t, 0) + 1
                if make_json:
                    ev_json.append(EVENT_JSON % (j, start, start + 8, s, s, s, start + 20, start + 28, t, t, t, c.code,
                                                 json.dumps(c.plover), c.quad, c.goldstein, m, ed, t[:3],
                                                 start + 10, start + 16, j, conf[k], cam[k] + 1, c.code))
                k += 1
            text = f"{self.texts[i % len(self.texts)]} {aid_text}"
            if make_json:
                analysis = ARTICLE_JSON % (aid_text, aid_text, day, ",".join(
                    '{"start":%d,"end":%d}' % (60 * j, 60 * j + 59) for j in range(per[i])), ",".join(
                    ACTOR_JSON % (code, code, code[:3], code[3:], code, ",".join([MENTION_JSON % code] * n))
                    for code, n in codes_here.items()), ",".join(ev_json))
                pool.append(pack_json(analysis))
                blob = pool[-1]
            else:  # a real blob of an article with as many events (same size), without making JSON again
                blob = pool[(first + i) % BLOB_POOL]
            first_code = self.codes[src[k - 1]]
            quotes = [("A spokesman", first_code, "direct", "We will continue the talks with our partners", 0, 45,
                       50, 61)]
            mentions = [(code, code, code, "country", n) for code, n in codes_here.items()]
            row = (aid_text, f"https://news.example/{aid_text}", "A title", f"outlet{i % 40}", day, day, text,
                   f"hash-{aid_text}", version, blob, None,
                   f"{day}T12:00:00+00:00", None)
            out.append(Prepared(row, events, quotes, mentions, header + sig[i].tobytes()))
        return out


def generator_loop(queue, n_events: int, batch_articles: int) -> None:
    """Make batches of synthetic articles until ``n_events`` are made; None marks the end."""
    universe, made, n_articles = Universe(), 0, 0
    while made < n_events:
        items = universe.prepared(batch_articles, n_articles)
        made += sum(len(p.events) for p in items)
        n_articles += len(items)
        queue.put(items)
    queue.put(None)


def build(db: str, n_events: int, batch_articles: int, check: bool, time_limit: float | None = None) -> dict:
    store = Store.open(db)
    store.conn.execute("PRAGMA cache_size=-4000000")  # 4 GB page cache while building: indexes stay hot
    queue = mp.Queue(maxsize=4)
    producer = mp.Process(target=generator_loop, args=(queue, n_events, batch_articles), daemon=True)
    producer.start()
    made, n_articles, t0 = 0, 0, time.perf_counter()
    wait_s = store_s = store_cpu_s = 0.0
    while True:
        g = time.perf_counter()
        items = queue.get()
        wait_s += time.perf_counter() - g
        if items is None:
            break
        if time_limit and time.perf_counter() - t0 > time_limit:  # shared machine: stop, report what was built
            print(f"  time limit: stopping at {made:,} events", file=sys.stderr, flush=True)
            producer.terminate()
            break
        w, cpu = time.perf_counter(), time.process_time()
        with store.batch("bench") as tx:
            tx.add_prepared_many(items)
        store_s += time.perf_counter() - w
        store_cpu_s += time.process_time() - cpu
        made += sum(len(p.events) for p in items)
        n_articles += len(items)
        if n_articles % (batch_articles * 10) == 0:
            rate = made / (time.perf_counter() - t0)
            print(f"  {made:>11,} events  {rate:,.0f} ev/s (store alone {made / store_s:,.0f} ev/s, "
                  f"{made / store_cpu_s:,.0f} per CPU-s)",
                  file=sys.stderr, flush=True)
    producer.join()
    queue.close()
    c = time.perf_counter()
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint_s = time.perf_counter() - c
    build_s = time.perf_counter() - t0
    a = time.perf_counter()
    store.optimize()
    analyze_s = time.perf_counter() - a
    result = {"events": made, "articles": n_articles, "build_s": round(build_s, 1),
              "events_per_s": round(made / build_s), "store_s": round(store_s, 1),
              "store_events_per_s": round(made / store_s), "store_cpu_s": round(store_cpu_s, 1),
              "store_events_per_cpu_s": round(made / store_cpu_s), "waiting_for_generator_s": round(wait_s, 1),
              "checkpoint_s": round(checkpoint_s, 1), "analyze_s": round(analyze_s, 1)}
    if check:
        c = time.perf_counter()
        problems = store.check_rollups()
        result["check_rollups_s"] = round(time.perf_counter() - c, 1)
        result["rollups_consistent"] = not problems
        if problems:
            print("\n".join(problems[:10]), file=sys.stderr)
    store.close()
    return result


def _analysis(i: int, rng) -> tuple[Article, Analysis]:
    """A small real ``Analysis`` for the concurrent writer (the runner's path)."""
    codes = ["USAGOV", "RUSGOV", "UKRGOV", "CHNGOV"]
    actors = [Actor(id=f"a{j}", code=c, country=c[:3], sector="GOV", name=c, kind="country",
                    mentions=[Span(0, 6, c)]) for j, c in enumerate(codes)]
    events = []
    for j in range(5):
        s, t = rng.choice(4, 2, replace=False)
        events.append(Event(id=f"e{j}", source=Participant(0, 6, codes[s], f"a{s}", codes[s]),
                            target=Participant(10, 16, codes[t], f"a{t}", codes[t]), cameo="042", plover="CONSULT",
                            quad=1, goldstein=1.9, mode="asserted", date="2024-12-30",
                            place=EventPlace("Geneva", "CHE", 46.2, 6.1), trigger=Span(7, 9, "met"), sentence=j,
                            confidence=0.9, evidence="events.tsv:1 met"))
    text = f"live article {i} " * 30
    analysis = Analysis(id=f"live{i}", text=text, published="2024-12-30", sentences=[Sentence(0, len(text))],
                        actors=actors, events=events)
    return Article(id=f"live{i}", text=text, published="2024-12-30", outlet="wire"), analysis


def writer_loop(db: str, stop, counter, batch: int = 20) -> None:
    rng = np.random.default_rng(os.getpid())
    store = Store.open(db)
    i = int(time.time() * 1000) % 10**9 * 1000
    while not stop.is_set():
        with store.batch("bench-live") as tx:
            for _ in range(batch):
                article, analysis = _analysis(i, rng)
                tx.add_article(article, analysis, f"live-{i}")
                i += 1
        with counter.get_lock():
            counter.value += batch
    store.close()


def timed(fn, repeat: int) -> float:
    fn()  # warm-up (page cache, statement cache)
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(runs), 2)


def run_queries(db: str, repeat: int, concurrent: bool) -> dict:
    stop, counter = mp.Event(), mp.Value("i", 0)
    proc = None
    if concurrent:
        proc = mp.Process(target=writer_loop, args=(db, stop, counter), daemon=True)
        proc.start()
        time.sleep(1.0)
    store = Store.open(db, readonly=True)
    q = store.queries
    t0 = time.perf_counter()
    top = q.top_dyads(1)[0]
    last = store.conn.execute("SELECT max(period) FROM dyad_day").fetchone()[0]
    year_ago = (date.fromisoformat(last) - timedelta(days=365)).isoformat()
    src_country, tgt_country = top.source[:3], top.target[:3]
    plover = store.conn.execute("SELECT plover FROM events WHERE src = ? AND tgt = ? AND plover IS NOT NULL "
                                "GROUP BY plover ORDER BY count(*) DESC LIMIT 1", (top.source, top.target)).fetchone()[0]
    top_actor = q.actors(limit=1)[0].code
    cases = {
        f"dyad weekly {top.source}-{top.target} (all time)": lambda: q.dyad(top.source, top.target, by="week"),
        f"dyad weekly {src_country}*-{tgt_country}* (prefixes)": lambda: q.dyad(src_country, tgt_country, by="week"),
        "top 50 dyads (all time)": lambda: q.top_dyads(50),
        "top 50 dyads (last 365 days)": lambda: q.top_dyads(50, since=year_ago, until=last),
        f"actor page {top_actor}": lambda: q.actor_page(top_actor),
        f"actor page {top_actor[:3]}* (prefix)": lambda: q.actor_page(top_actor[:3]),
        f"events {src_country}->{tgt_country} {plover} last year, limit 50":
            lambda: q.events(source=src_country, target=tgt_country, plover_type=plover, since=year_ago,
                             until=last, limit=50),
        "events latest, limit 50": lambda: q.events(limit=50),
    }
    results = {name: timed(fn, repeat) for name, fn in cases.items()}
    elapsed = time.perf_counter() - t0
    store.close()
    written = 0
    if proc:
        stop.set()
        proc.join(30)
        written = counter.value
    return {"queries_ms": results, "concurrent_writer_articles": written,
            "concurrent_writer_articles_per_s": round(written / elapsed, 1) if elapsed else None,
            "concurrent_writer_events_per_s": round(5 * written / elapsed, 1) if elapsed else None}


def sizes(db: str) -> dict:
    import sqlite3

    conn = sqlite3.connect(db)
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    by_name = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    conn.close()
    file_bytes = os.path.getsize(db)
    return {"file_bytes": file_bytes, "file_mb": round(file_bytes / 2**20, 1), "events_now": events,
            "bytes_per_event": round(page_size * pages / events, 1) if events else None,
            "largest_objects_mb": {n: round(b / 2**20, 1) for n, b in by_name[:14]}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/tidings-bench-store.db")
    ap.add_argument("--reuse", action="store_true", help="query an existing store, do not build")
    ap.add_argument("--batch", type=int, default=10000,
                    help="articles per build transaction (big: each commit rewrites the index pages it touched, "
                         "and 50,000 events touch each page of a big index fewer times than 5 x 10,000)")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--time-limit", type=float, default=None,
                    help="stop building after this many seconds (the report gives the events built)")
    ap.add_argument("--no-check", action="store_true", help="skip the rollup recount after building")
    ap.add_argument("--no-writer", action="store_true", help="time queries without concurrent ingestion")
    args = ap.parse_args()
    report: dict = {"db": args.db}
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        print(f"building {args.events:,} events into {args.db}", file=sys.stderr)
        report["build"] = build(args.db, args.events, args.batch, not args.no_check, args.time_limit)
    report["size"] = sizes(args.db)
    report.update(run_queries(args.db, args.repeat, not args.no_writer))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
