"""``--cluster ADDRESS``: the same pure analysis mapped over batches on a Dask distributed cluster.

    tidings ingest corpus.csv --cluster tcp://scheduler:8786   # an existing cluster
    tidings ingest corpus.csv --cluster local:4                # a LocalCluster of 4 worker processes

Each Dask worker loads the model and the knowledge once, in a worker plugin (``PipelinePlugin``: a
worker that joins later, or one a nanny restarts, loads its own); a task is one batch, exactly as one
process would parse it (``analysis_batches``), and its results come back to the one writer in input
order, a bounded number of batches in flight. Dask is an optional extra (``pip install
tidings[dask]``); nothing else in tidings imports it.

A worker that dies with a batch loses nothing that was written: the scheduler gives the batch to
another worker (up to ``distributed.scheduler.allowed-failures`` times), and the writer only writes
results it has. A batch that has killed that many workers (``KilledWorker``) is analysed article by
article, and the article that still kills its worker is reported as ``AnalysisCrashed``.
"""
from __future__ import annotations

import logging
import re

from tidings.errors import AnalysisCrashed, ArticleError, TidingsError
from tidings.scale.ordered import BatchAnalyser, Item, Result
from tidings.settings import Settings

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the optional extra is missing: ``start`` says how to install it
    WorkerPlugin = object

log = logging.getLogger(__name__)

PLUGIN_NAME = "tidings-pipeline"
_LOCAL = re.compile(r"local:(\d+)$")


class ClusterError(TidingsError):
    """The cluster could not be reached or set up (names the address)."""

    def __init__(self, address: str, message: str):
        self.address = address
        super().__init__(f"cluster {address}: {message}")


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise TidingsError("--cluster needs Dask: pip install 'tidings[dask]'") from None
    return distributed


class PipelinePlugin(WorkerPlugin):
    """Loads one pipeline in each worker when it starts; tasks find it through ``worker.plugins``."""

    name = PLUGIN_NAME
    idempotent = False  # registering again (another client) replaces it with that client's settings

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pipeline = None

    def setup(self, worker):
        from tidings.pipeline import Pipeline

        pipeline = Pipeline(self.settings)
        pipeline.warm_up()
        self.pipeline = pipeline

    def __getstate__(self):  # the loaded pipeline never travels: each worker loads its own
        return {"settings": self.settings, "pipeline": None}


def analyze_batch(items: list[Item]) -> list[Result]:
    """The task: one batch through this worker's pipeline, one result per item, in order."""
    from distributed import get_worker

    return list(get_worker().plugins[PLUGIN_NAME].pipeline.analyze_many(items))


def worker_version(dask_worker) -> str:
    """Run on each worker by ``Client.run`` (which passes the worker by this parameter's name)."""
    return dask_worker.plugins[PLUGIN_NAME].pipeline.version


class ClusterPipeline(BatchAnalyser):
    """A Dask client (and, for ``local:N``, the LocalCluster it started) behind ``BatchAnalyser``."""

    def __init__(self, settings: Settings, address: str, in_flight: int | None = None):
        self.settings = settings
        self.address = address
        self.in_flight_override = in_flight
        self.in_flight = in_flight or 2
        self.client = None
        self.cluster = None
        self.version = ""

    def start(self, timeout: float = 60.0) -> "ClusterPipeline":
        distributed = _import_distributed()
        from tidings.pipeline import Pipeline

        try:
            local = _LOCAL.match(self.address)
            if local:
                workers = int(local[1])
                if workers < 1:
                    raise ClusterError(self.address, "a local cluster needs at least one worker")
                # one thread a worker: an analysis holds the GIL, so processes are what run in parallel
                self.cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                        dashboard_address=None)
                self.client = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(self.address, timeout=timeout)
            self.client.register_plugin(PipelinePlugin(self.settings))
            versions = self.client.run(worker_version)
        except TidingsError:
            self.close()
            raise
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise ClusterError(self.address, " ".join(str(exc).split()) or type(exc).__name__) from None
        if not versions:
            self.close()
            raise ClusterError(self.address, "has no workers")
        self.version = Pipeline(self.settings).version
        other = {w: v for w, v in versions.items() if v != self.version}
        if other:
            self.close()
            worker, version = next(iter(other.items()))
            raise ClusterError(self.address, f"worker {worker} runs pipeline {version}, this one is {self.version} "
                                             f"(install the same tidings, model and dictionaries everywhere)")
        if self.in_flight_override is None:
            self.in_flight = 2 * len(versions)
        return self

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def submit_batch(self, items: list[Item]):
        return self.client.submit(analyze_batch, items, pure=False)

    def collect_batch(self, handle, items: list[Item]) -> list[Result]:
        from distributed import KilledWorker

        try:
            return handle.result()
        except KilledWorker:
            log.warning("a batch of %d killed its Dask workers; analysing its articles one by one", len(items))
        finally:
            handle.release()
        return [self._alone(item) for item in items]

    def _alone(self, item: Item) -> Result:
        from distributed import KilledWorker

        if isinstance(item, ArticleError):
            return item
        future = self.client.submit(analyze_batch, [item], pure=False)
        try:
            [result] = future.result()
            return result
        except KilledWorker:
            return AnalysisCrashed(item.origin or item.id, "its analysis killed every Dask worker it was given to")
        finally:
            future.release()
