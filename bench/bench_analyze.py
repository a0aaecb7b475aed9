"""Throughput of `analyze` against bare spaCy parsing, in the same run, on the same texts.

    python bench/bench_analyze.py --csv ../shared/data/news/agnews-dev.csv [--limit N] [--repeat 2]

Prints articles/s for a bare ``nlp.pipe`` over the texts and for the full pipeline (parse + every
extractor), their ratio, the time each extractor takes, and the process's peak memory. Each phase runs
``--repeat`` times, alternating, and the best run counts: the machine is shared, noise only slows.
"""
from __future__ import annotations

import argparse
import csv
import html
import platform
import resource
import time
from collections import defaultdict
from dataclasses import replace

from tidings.model import Article
from tidings.pipeline import Pipeline


def load_texts(path: str, limit: int | None) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = [html.unescape(f"{r['title']}. {r['description']}").replace("\\", " ") for r in rows]
    return texts[:limit] if limit else texts


def time_bare(pipeline: Pipeline, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
        pass
    return time.perf_counter() - start


def time_full(pipeline: Pipeline, texts: list[str]) -> float:
    articles = [Article(id=str(i), text=t, published="2004-08-15") for i, t in enumerate(texts)]
    start = time.perf_counter()
    for result in pipeline.analyze_many(articles):
        if not hasattr(result, "sentences"):
            raise SystemExit(f"benchmark article failed: {result}")
    return time.perf_counter() - start


def instrument(pipeline: Pipeline, per_step: dict[str, float]) -> None:
    """Wrap each extractor so its time is added up in ``per_step``."""

    def timed(step):
        def run(doc, analysis, knowledge):
            t0 = time.perf_counter()
            step.run(doc, analysis, knowledge)
            per_step[step.name] += time.perf_counter() - t0

        return replace(step, run=run)

    pipeline.steps = tuple(timed(s) for s in pipeline.steps)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", required=True, help="agnews-style CSV: class,title,description")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    texts = load_texts(args.csv, args.limit)
    pipeline = Pipeline()
    t0 = time.perf_counter()
    pipeline.warm_up()
    load_s = time.perf_counter() - t0
    per_step: dict[str, float] = defaultdict(float)
    instrument(pipeline, per_step)
    # warm both paths (first batches pay for lazy allocations)
    time_bare(pipeline, texts[:200])
    time_full(pipeline, texts[:200])
    per_step.clear()

    bare, full = [], []
    for _ in range(args.repeat):
        bare.append(time_bare(pipeline, texts))
        full.append(time_full(pipeline, texts))
    n = len(texts)
    bare_rate, full_rate = n / min(bare), n / min(full)
    overhead = min(full) / min(bare) - 1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(map(len, texts)) / n

    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}, "
          f"{n} articles ({chars:.0f} chars on average), best of {args.repeat}")
    print(f"model + knowledge load: {load_s:.2f} s")
    print(f"bare spaCy nlp.pipe : {bare_rate:8.1f} articles/s")
    print(f"tidings analyze     : {full_rate:8.1f} articles/s")
    print(f"extractor overhead  : {100 * overhead:6.1f} % on top of parsing (ratio {min(full) / min(bare):.3f})")
    runs = args.repeat
    step_ms = 1000 * sum(per_step.values()) / runs / n
    parse_ms = 1000 * min(bare) / n
    # the summed step time is measured inside the same run as each article, so it is immune to the
    # machine's load shifting between the two phases; the ratio above is not
    print(f"extractors, summed  : {step_ms:.3f} ms/article = {100 * step_ms / parse_ms:.1f} % of parse time ({parse_ms:.2f} ms)")
    for name, secs in per_step.items():
        print(f"  {name:<10} {1000 * secs / runs / n:7.3f} ms/article")
    print(f"peak memory (RSS)   : {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
