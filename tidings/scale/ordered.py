"""Batches analysed elsewhere, results taken back in input order, with a bounded number in flight.

Order matters downstream (stories are grouped in the order articles are written), and memory does
too (each batch in flight holds its articles and, once done, their analyses), so a batch analyser
submits at most ``in_flight`` batches ahead of the one its consumer is waiting for.
"""
from __future__ import annotations

from collections import deque
from typing import Any, Iterable, Iterator

from tidings.errors import ArticleError
from tidings.model import Analysis, Article
from tidings.pipeline import analysis_batches
from tidings.settings import Settings

Item = Article | ArticleError
Result = Analysis | ArticleError


class BatchAnalyser:
    """What ``tidings analyze`` and an ``Ingestor`` need of a pipeline whose batches run elsewhere.
    Subclasses give ``submit_batch`` (start one batch, return a handle at once) and ``collect_batch``
    (wait for its results: one per item, in order). ``submit``/``collect`` do the same for any list of
    articles - an ingest batch - cut into the batches one process would parse, each its own job, so
    that the workers share even a short run; ``analyze_many`` is ``Pipeline.analyze_many`` on top."""

    settings: Settings
    version: str
    #: how many batches may be submitted before the oldest one's results are taken
    in_flight: int = 1

    def submit_batch(self, batch: list[Item]) -> Any:
        raise NotImplementedError

    def collect_batch(self, handle: Any, batch: list[Item]) -> list[Result]:
        raise NotImplementedError

    def submit(self, items: list[Item]) -> list[tuple[list[Item], Any]]:
        return [(batch, self.submit_batch(batch)) for batch in analysis_batches(items, self.settings)]

    def collect(self, handle: list[tuple[list[Item], Any]], items: list[Item]) -> list[Result]:
        return [result for batch, job in handle for result in self.collect_batch(job, batch)]

    def analyze_many(self, articles: Iterable[Item]) -> Iterator[Result]:
        # the very batches one process would parse, so that each article is parsed in the same company
        window: deque[tuple[list[Item], Any]] = deque()
        for batch in analysis_batches(articles, self.settings):
            window.append((batch, self.submit_batch(batch)))
            if len(window) >= self.in_flight:
                batch, job = window.popleft()
                yield from self.collect_batch(job, batch)
        while window:
            batch, job = window.popleft()
            yield from self.collect_batch(job, batch)

    def close(self) -> None:
        """Stop what ``start`` started."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
