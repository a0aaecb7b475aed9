"""Choosing where analysis runs, for the commands: this process, worker processes, or a cluster."""
from __future__ import annotations

import contextlib
from typing import Iterator

from tidings.errors import TidingsError
from tidings.settings import Settings


@contextlib.contextmanager
def analyser(settings: Settings, workers: int = 1, cluster: str | None = None) -> Iterator:
    """A started pipeline-like object (``analyze_many``, ``version``, ``settings``), stopped on exit.
    ``workers`` 0 means one per core; ``cluster`` a Dask address or ``local:N``."""
    if cluster and workers != 1:
        raise TidingsError("give --workers or --cluster, not both (a cluster's workers are its own)")
    if cluster:
        from tidings.scale.cluster import ClusterPipeline

        with ClusterPipeline(settings, cluster).start() as pipeline:
            yield pipeline
        return
    from tidings.scale.workers import WorkerPipeline, worker_count

    count = worker_count(workers)
    if count == 1:
        from tidings.pipeline import Pipeline

        pipeline = Pipeline(settings)
        pipeline.warm_up()
        yield pipeline
        return
    with WorkerPipeline(settings, count).start() as pipeline:
        yield pipeline
