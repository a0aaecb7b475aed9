"""The limits of one worker: peak memory for the largest article allowed, and the time of texts that
used to freeze it (a 20,000-character punctuation run took 133 s before the bounded tokenizer).

    python bench/bench_limits.py [--csv ../shared/data/news/agnews-dev.csv]

Each case runs in a fresh process (a worker: the pipeline loaded, then one analysis), so its peak RSS
is its own. Texts are made here: news prose (AG News snippets joined into paragraphs, when --csv is
given; else a sentence of our own repeated), tiny sentences, spaced and unspaced punctuation, emoji,
a base64 blob and a long URL, each at the size limit (Settings.max_article_chars); plus one batch of
four such articles through ``analyze_many``, to show that memory does not add up across a batch.
"""
from __future__ import annotations

import argparse
import base64
import csv
import html
import json
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROSE = "Negotiators met in Geneva on Monday and agreed to meet again next week, officials said."


def make_text(case: str, size: int, csv_path: str | None) -> str:
    rng = random.Random(7)
    if case == "prose":
        if csv_path:
            with open(csv_path, encoding="utf-8", newline="") as fh:
                rows = [html.unescape(f"{r['title']}. {r['description']}").replace("\\", " ") for r in csv.DictReader(fh)]
        else:
            rows = [PROSE]
        out, i = [], 0
        while sum(map(len, out)) < size:
            out.append(rows[i % len(rows)] + "\n\n")
            i += 1
        return "".join(out)[:size]
    if case == "tiny-sentences":
        return "".join(f"It {'ab'[i % 2]}. " for i in range(size // 6 + 1))[:size]
    if case == "spaced-punctuation":
        return ("$ " * size)[:size]
    if case == "punctuation-run":
        return "$" * size
    if case == "emoji-run":
        return "".join(chr(0x1F600 + rng.randrange(64)) for _ in range(size))
    if case == "base64-blob":
        return base64.b64encode(rng.randbytes(size))[:size].decode()
    if case == "url":
        return ("https://example.com/" + "/".join(f"p{i}?q={i}&r=x.y" for i in range(size // 10)))[:size]
    raise SystemExit(f"unknown case {case}")


def run_one(case: str, size: int, batch: int, csv_path: str | None) -> dict:
    """In this process: load the pipeline, analyse, report time and peak memory."""
    from tidings.model import Article
    from tidings.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.warm_up()
    pipeline.analyze("Talks resumed in Geneva on Monday.")
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = make_text(case, size, csv_path)
    articles = [Article(str(i), text[i:] + text[:i]) for i in range(batch)]
    start = time.perf_counter()
    results = list(pipeline.analyze_many(articles))
    seconds = time.perf_counter() - start
    bad = [str(r) for r in results if not hasattr(r, "failed_layers") or r.failed_layers]
    return {"case": case, "chars": len(text), "articles": batch, "seconds": round(seconds, 2),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "loaded_mb": round(loaded), "problems": bad}


def in_worker(case: str, size: int, batch: int, csv_path: str | None) -> dict:
    cmd = [sys.executable, __file__, "--one", case, "--size", str(size), "--batch", str(batch)]
    if csv_path:
        cmd += ["--csv", csv_path]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{case} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", help="agnews-style CSV for the news prose case")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--batch", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.size, args.batch, args.csv)))
        return

    from tidings.settings import Settings

    limit = Settings().max_article_chars
    print(f"machine: {platform.machine()} {platform.processor() or ''}, python {platform.python_version()}; "
          f"max_article_chars {limit:,}, max_parse_tokens {Settings().max_parse_tokens:,}, "
          f"batch_chars {Settings().batch_chars:,}")
    runs = [("punctuation-run", 20_000, 1), ("emoji-run", 20_000, 1)]
    runs += [(case, limit, 1) for case in ("prose", "tiny-sentences", "spaced-punctuation", "punctuation-run",
                                           "emoji-run", "base64-blob", "url")]
    runs += [("tiny-sentences", limit, 4)]
    worst = 0
    print(f"{'case':<20} {'chars':>9} {'articles':>8} {'seconds':>8} {'peak RSS':>9} {'loaded':>7}")
    for case, size, batch in runs:
        r = in_worker(case, size, batch, args.csv)
        worst = max(worst, r["peak_mb"])
        print(f"{r['case']:<20} {r['chars']:>9,} {r['articles']:>8} {r['seconds']:>8.2f} {r['peak_mb']:>6} MB "
              f"{r['loaded_mb']:>4} MB" + (f"  PROBLEMS: {r['problems']}" if r["problems"] else ""), flush=True)
    print(f"peak memory per worker at the size limit: {worst} MB")


if __name__ == "__main__":
    main()
