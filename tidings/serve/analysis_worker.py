"""What runs inside an analysis worker process (``analysis_pool``): one pipeline, loaded and warmed
when the process starts, then one article at a time. Importing this module imports spaCy and the
pipeline code, which is why the fork server preloads it: each worker forked from it starts with them
imported and only has to load the model."""
from __future__ import annotations

import os
import time

from tidings.errors import ArticleError
from tidings.model import Analysis, Article
from tidings.pipeline import Pipeline
from tidings.settings import Settings

_pipeline: Pipeline | None = None
# Test hooks, both lock-free shared memory: a worker may be killed while it waits on them, and a lock or
# condition it held would then stay held (an Event whose waiter died blocks the next ``set`` for good)
_gate = None  # a RawValue: while 0, an analysis waits
_held = None  # a RawValue: the pid of the last worker to start waiting


def load(settings: Settings, gate, held, warm_up_text: str) -> str:
    """Load and warm this worker's pipeline (unless it was forked with one, see ``preload``); returns
    its version."""
    global _gate, _held
    _gate, _held = gate, held
    preload(settings, warm_up_text)
    return _pipeline.version


def preload(settings: Settings, warm_up_text: str) -> None:
    """Load and warm the pipeline in this process. Called in a parent that forks its workers (``tidings
    ingest --workers``), each worker starts with the loaded model instead of loading its own."""
    global _pipeline
    if _pipeline is not None and _pipeline.settings == settings:
        return
    _pipeline = Pipeline(settings)
    _pipeline.warm_up()
    _pipeline.analyze(warm_up_text, {"id": "warm-up", "published": "2022-01-10"})


def analyze(article: Article) -> tuple[Analysis | ArticleError, float]:
    """The article's analysis (or the error that refused it) and the seconds it took."""
    _wait_for_gate()
    started = time.perf_counter()
    result = next(_pipeline.analyze_many([article]))
    return result, time.perf_counter() - started


def analyze_batch(items: list[Article | ArticleError]) -> list[Analysis | ArticleError]:
    """One result per item, in order, exactly as ``Pipeline.analyze_many`` makes them in one process
    (``tidings --workers``: the batch is one that ``analysis_batches`` closed)."""
    _wait_for_gate()
    return list(_pipeline.analyze_many(items))


def _wait_for_gate() -> None:
    if not _gate.value:
        _held.value = os.getpid()
        while not _gate.value:
            time.sleep(0.01)
