"""``--workers N``: analysis in N processes on this machine, one writer.

The processes are the server's analysis pool (``tidings.serve.analysis_pool``): each loads the model
and the knowledge once, then analyses whole batches (``AnalysisPool.schedule_batch``). A batch whose
worker dies (killed, out of memory) left nothing behind - results only count once collected, and the
writer writes only what it collected - so it is analysed again by a fresh worker; if that one dies too,
its articles are analysed one by one and the one that kills its worker is reported as
``AnalysisCrashed``, the rest go on.
"""
from __future__ import annotations

import logging
import os

from pebble import ProcessExpired

from tidings.errors import AnalysisCrashed, ArticleError
from tidings.scale.ordered import BatchAnalyser, Item, Result
from tidings.serve.analysis_pool import AnalysisPool, PoolLimits
from tidings.settings import Settings

log = logging.getLogger(__name__)


def worker_count(requested: int) -> int:
    """``requested`` processes, or one per core this process may run on for 0."""
    if requested > 0:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class WorkerPipeline(BatchAnalyser):
    """N warm worker processes behind the ``BatchAnalyser`` interface; ``start`` before use."""

    def __init__(self, settings: Settings, workers: int):
        self.settings = settings
        self.workers = workers
        # two batches a worker: one running, one waiting, so that no worker idles while the writer writes
        self.in_flight = 2 * workers
        # fork, not the server's forkserver: a command has no threads yet when the pool starts, so its
        # workers can be forked from it after it has loaded the model once, and start without loading
        # their own (seconds each, on cores that the others need for the same)
        self.pool = AnalysisPool(settings, PoolLimits(workers=workers, queue=0), start_method="fork")
        self.version = ""

    def start(self) -> "WorkerPipeline":
        self.pool.start()
        self.version = self.pool.version
        return self

    def close(self) -> None:
        self.pool.stop()

    def submit_batch(self, items: list[Item]):
        return self.pool.schedule_batch(items)

    def collect_batch(self, handle, items: list[Item]) -> list[Result]:
        try:
            return handle.result()
        except ProcessExpired as exc:
            log.warning("an analysis worker died with a batch of %d (exit code %s); analysing it again",
                        len(items), exc.exitcode)
        try:
            return self.pool.schedule_batch(items).result()
        except ProcessExpired:
            log.warning("the batch killed its worker again; analysing its articles one by one")
        return [self._alone(item) for item in items]

    def _alone(self, item: Item) -> Result:
        if isinstance(item, ArticleError):
            return item
        try:
            [result] = self.pool.schedule_batch([item]).result()
            return result
        except ProcessExpired as exc:
            return AnalysisCrashed(item.origin or item.id, f"the analysis worker died (exit code {exc.exitcode}), "
                                                           f"twice in its batch and once alone")
