"""Analysis off the server's process: a few worker processes, each with its own warm pipeline, a bounded
queue in front of them, and a time budget for each analysis.

    pool = AnalysisPool(Settings(), PoolLimits(workers=2, queue=8, budget_s=30))
    pool.start()                            # spawns the workers; each loads and warms its pipeline
    with pool.admission():                  # AnalysisBusy (-> 503, Retry-After) when the queue is full
        analysis = await pool.analyze(article)   # AnalysisOverBudget (-> 504) past the budget
    pool.stop()

Why processes and not threads (bench/bench_analysis_pool.py measures both): an analysis is Python
and Cython code that holds the GIL for most of its run, and some C calls (a regular expression
backtracking over a long line) hold it from start to end, so an analysis in a thread of the server
slows or freezes every other request of that server, ``/status`` included. And a thread cannot be
stopped: one over its budget would go on using a worker until it ends, however long. A worker
process runs beside the server, and one over budget is killed and replaced (``pebble`` does both).
The price: each worker loads its own model and knowledge (memory and start-up time, measured in the
bench), and an article and its analysis are pickled across a pipe for each request.

The admission count covers every job a request has given the pool (running or waiting): more than
``workers + queue`` at once and the next is refused at once, with a ``Retry-After`` estimated from
how long recent analyses took. The budget runs from when a worker starts the analysis, so a request
waits at most about ``(queue / workers + 1) * budget`` in all.
"""
from __future__ import annotations

import asyncio
import math
import multiprocessing
import os
import queue as queue_module
import threading
import time
from concurrent.futures import CancelledError, TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable, Iterator

from pebble import ProcessExpired, ProcessPool

from tidings.errors import AnalysisCrashed, AnalysisOverBudget, ArticleError
from tidings.model import Analysis, Article
from tidings.settings import Settings

#: a short text every worker analyses once at start, so that the first request finds everything loaded
#: (the model, every knowledge table, the lazily built matchers): the first analysis after start-up took
#: 4.6 s when it loaded them itself
WARM_UP_TEXT = ("GENEVA, Jan. 10, 2022 - Russian and American diplomats held talks in Geneva on Monday. "
                "\"We will not accept these demands,\" the deputy secretary of state told reporters.")
#: how long start-up may wait for the workers to be warm before the server gives up
START_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class PoolLimits:
    """``workers`` processes; ``queue`` more jobs may wait for one; ``budget_s`` seconds per analysis."""

    workers: int = 2
    queue: int = 8
    budget_s: float = 30.0

    def __post_init__(self):
        if self.workers < 1 or self.queue < 0 or not self.budget_s > 0:
            raise ValueError(f"analysis pool limits must have workers >= 1, queue >= 0, budget > 0: {self}")


class AnalysisBusy(Exception):
    """Every worker is busy and the queue is full; ``retry_after`` is a fair guess in seconds."""

    def __init__(self, admitted: int, retry_after: int):
        self.retry_after = retry_after
        super().__init__(f"the analysis queue is full ({admitted} analyses running or waiting); "
                         f"retry in about {retry_after} s")


class AnalysisPool:
    """The server's analysis workers. Safe to use from the event loop and from threads."""

    def __init__(self, settings: Settings | None = None, limits: PoolLimits | None = None,
                 start_method: str = "forkserver"):
        self.settings = settings or Settings()
        self.limits = limits or PoolLimits()
        # forkserver: workers are forked from a small server process that has imported spaCy once, not
        # from this multi-threaded one (forking a process with threads can deadlock the child) and
        # without a whole new interpreter per replacement (spawn)
        self._context = multiprocessing.get_context(start_method)
        self._gate = self._context.RawValue("b", 1)  # 1: analyses run; 0 while ``hold`` (tests)
        self._held = self._context.RawValue("i", 0)  # the pid of the last analysis to wait on the hold
        self._ready = self._context.Queue()  # a worker's version, once it is warm
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()
        self._admitted = 0
        self._mean_s = 1.0  # a running mean of analysis times, for Retry-After
        self._stopped_over_budget = 0
        self._crashed = 0
        self.version: str | None = None

    # -- life ------------------------------------------------------------------------------------------
    def start(self, timeout: float = START_TIMEOUT_S) -> None:
        """Start the workers and wait until every one is warm (its pipeline loaded and run once)."""
        if self._context.get_start_method() == "forkserver":
            self._context.set_forkserver_preload(["tidings.serve.analysis_worker"])
        elif self._context.get_start_method() == "fork":
            from tidings.serve import analysis_worker

            analysis_worker.preload(self.settings, WARM_UP_TEXT)
        self._pool = ProcessPool(max_workers=self.limits.workers, context=self._context, initializer=_init_worker,
                                 initargs=(self.settings, self._gate, self._held, self._ready))
        self._pool.schedule(_ping)  # pebble starts its processes with the first job
        for _ in range(self.limits.workers):
            self.version = _get(self._ready, timeout, "warm")

    def stop(self) -> None:
        if self._pool is not None:
            self._gate.value = 1
            self._pool.stop()
            self._pool.join(timeout=30)
            self._pool = None

    # -- admission -------------------------------------------------------------------------------------
    @contextmanager
    def admission(self) -> Iterator[None]:
        """Count one job for the length of the block, or raise ``AnalysisBusy`` if the pool is full."""
        with self._lock:
            capacity = self.limits.workers + self.limits.queue
            if self._admitted >= capacity:
                waves = (self._admitted + 1) / self.limits.workers
                raise AnalysisBusy(self._admitted, max(1, math.ceil(waves * self._mean_s)))
            self._admitted += 1
        try:
            yield
        finally:
            with self._lock:
                self._admitted -= 1

    # -- analysing -------------------------------------------------------------------------------------
    async def analyze(self, article: Article) -> Analysis:
        """The article's analysis, computed by a worker while the event loop goes on; raises its
        ``ArticleError`` (``AnalysisOverBudget`` past the budget, ``AnalysisCrashed``)."""
        future = self._schedule(article)
        try:
            result = self._timed(await asyncio.wrap_future(future))
        except (FutureTimeout, ProcessExpired, CancelledError) as exc:
            result = self._failure(article, exc)
        if isinstance(result, ArticleError):
            raise result
        return result

    def analyze_waiting(self, article: Article) -> Analysis | ArticleError:
        """The same for a thread that may block (the server's writer thread): the error is returned."""
        try:
            return self._timed(self._schedule(article).result())
        except (FutureTimeout, ProcessExpired, CancelledError) as exc:
            return self._failure(article, exc)

    def schedule_batch(self, items: list[Article | ArticleError]):
        """A future of one worker's results for a whole batch, in order (``Pipeline.analyze_many``);
        it raises ``ProcessExpired`` if that worker dies. No time budget: a batch command (``tidings
        ingest --workers``) waits for its articles as a single process would."""
        if self._pool is None:
            raise RuntimeError("the analysis pool is not started")
        return self._pool.schedule(_analyze_batch, args=(items,))

    def _schedule(self, article: Article):
        if self._pool is None:
            raise RuntimeError("the analysis pool is not started")
        return self._pool.schedule(_analyze, args=(article,), timeout=self.limits.budget_s)

    def _timed(self, outcome: tuple[Analysis | ArticleError, float]) -> Analysis | ArticleError:
        result, seconds = outcome
        with self._lock:
            self._mean_s = 0.8 * self._mean_s + 0.2 * seconds
        return result

    def _failure(self, article: Article, exc: BaseException) -> ArticleError:
        name = article.origin or article.id
        self._drain_ready()
        with self._lock:
            if isinstance(exc, FutureTimeout):
                self._stopped_over_budget += 1
                return AnalysisOverBudget(name, self.limits.budget_s)
            self._crashed += 1
        if isinstance(exc, ProcessExpired):
            return AnalysisCrashed(name, f"the analysis worker died (exit code {exc.exitcode})")
        return AnalysisCrashed(name, "the analysis was cancelled")

    def _drain_ready(self) -> None:
        """Take the notices of replacement workers (nobody waits for them), so the queue never fills."""
        try:
            while True:
                self._ready.get_nowait()
        except queue_module.Empty:
            pass

    # -- reporting -------------------------------------------------------------------------------------
    def status(self) -> dict:
        """What ``/status`` says of the pool."""
        with self._lock:
            return {"workers": self.limits.workers, "queue": self.limits.queue, "budget_s": self.limits.budget_s,
                    "admitted": self._admitted, "stopped_over_budget": self._stopped_over_budget,
                    "crashed": self._crashed}

    # -- for tests: keep analyses from finishing, deterministically ------------------------------------
    def hold(self) -> None:
        """Analyses that start from now on wait until ``release``; ``held_worker`` names their workers."""
        self._held.value = 0
        self._gate.value = 0

    def release(self) -> None:
        self._gate.value = 1

    def held_worker(self, timeout: float = START_TIMEOUT_S) -> int:
        """The pid of the next worker to wait on the hold (blocks until one does; each is reported once)."""
        deadline = time.monotonic() + timeout
        while not self._held.value:
            if time.monotonic() > deadline:
                raise RuntimeError(f"no analysis started waiting within {timeout:g} s")
            time.sleep(0.01)
        pid, self._held.value = self._held.value, 0
        return pid


def _get(notices, timeout: float, what: str):
    try:
        return notices.get(timeout=timeout)
    except queue_module.Empty:
        raise RuntimeError(f"no analysis worker reported {what} within {timeout:g} s") from None


class PooledPipeline:
    """What an ``Ingestor`` needs of a pipeline, served by the pool: one article at a time (a request
    never takes every worker), each with the pool's budget; a failed article comes back as its error."""

    def __init__(self, pool: AnalysisPool):
        self.pool = pool
        self.settings = pool.settings

    @property
    def version(self) -> str:
        return self.pool.version

    def analyze_many(self, articles: Iterable[Article | ArticleError]) -> Iterator[Analysis | ArticleError]:
        for article in articles:
            yield article if isinstance(article, ArticleError) else self.pool.analyze_waiting(article)


# -- in the worker processes ------------------------------------------------------------------------------
def _init_worker(settings: Settings, gate, held, ready) -> None:
    from tidings.serve import analysis_worker

    ready.put(analysis_worker.load(settings, gate, held, WARM_UP_TEXT))


def _ping() -> int:
    return os.getpid()


def _analyze(article: Article) -> tuple[Analysis | ArticleError, float]:
    from tidings.serve import analysis_worker

    return analysis_worker.analyze(article)


def _analyze_batch(items: list[Article | ArticleError]) -> list[Analysis | ArticleError]:
    from tidings.serve import analysis_worker

    return analysis_worker.analyze_batch(items)
