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
    """What ``tidings analyze`` and an ``Ingestor`` need of a pipeline whose batches run elsewhere:
    ``submit`` starts one batch and returns a handle at once, ``collect`` waits for its results (one
    per item, in order). ``analyze_many`` is ``Pipeline.analyze_many`` on top of the two."""

    settings: Settings
    version: str
    #: how many batches may be submitted before the oldest one's results are taken
    in_flight: int = 1

    def submit(self, items: list[Item]) -> Any:
        raise NotImplementedError

    def collect(self, handle: Any, items: list[Item]) -> list[Result]:
        raise NotImplementedError

    def analyze_many(self, articles: Iterable[Item]) -> Iterator[Result]:
        # the very batches one process would parse, so that each article is parsed in the same company
        window: deque[tuple[list[Item], Any]] = deque()
        for batch in analysis_batches(articles, self.settings):
            window.append((batch, self.submit(batch)))
            if len(window) >= self.in_flight:
                yield from self.collect(*_swap(window.popleft()))
        while window:
            yield from self.collect(*_swap(window.popleft()))

    def close(self) -> None:
        """Stop what ``start`` started."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def _swap(pair: tuple[list[Item], Any]) -> tuple[Any, list[Item]]:
    return pair[1], pair[0]
