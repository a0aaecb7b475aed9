"""Faults planted in the Dask workers of tests/test_cluster.py, as worker plugins registered after
tidings' own: a text that cannot be tokenized, and a text whose first analysis kills its worker.

They live in their own module, not in the test file, because each worker process imports them to
unpickle them (the workers get this process's ``sys.path``, so ``tests/`` is on it)."""
from __future__ import annotations

import os
from pathlib import Path

from distributed.diagnostics.plugin import WorkerPlugin

from tidings.scale.cluster import PLUGIN_NAME


class _Planted(WorkerPlugin):
    """Wraps the worker pipeline's tokenizing step for texts containing ``word``; undone on teardown."""

    def __init__(self, word: str):
        self.word = word

    def setup(self, worker):
        pipeline = worker.plugins[PLUGIN_NAME].pipeline
        original = pipeline._to_parse

        def to_parse(article):
            if self.word in article.text:
                self.strike()
            return original(article)

        pipeline._to_parse = to_parse
        self._undo = lambda: vars(pipeline).pop("_to_parse", None)

    def teardown(self, worker):
        self._undo()

    def strike(self) -> None:
        raise NotImplementedError


class Unparsable(_Planted):
    """A text the tokenizer raises on: a bug in the model, reported for that article alone."""

    name = "test-unparsable"

    def strike(self) -> None:
        raise ValueError("a planted tokenizer failure")


class KillOnce(_Planted):
    """The first worker to meet the text dies on the spot (as if killed, mid-batch: the texts before it
    are tokenized); ``marker`` records that it happened, so the batch's second worker lives."""

    name = "test-kill-once"

    def __init__(self, word: str, marker: Path):
        super().__init__(word)
        self.marker = str(marker)

    def strike(self) -> None:
        if not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            os._exit(1)
