"""Analyses as Parquet shards, for corpora larger than one store: ``tidings analyze ... --cluster ...
--to parquet DIR`` writes them, ``tidings ingest DIR`` reads them back and stores the analyses without
analysing again (an article whose shard was made by another pipeline version is analysed anew).

A shard is ``part-NNNNN.parquet``, ``ROWS_PER_SHARD`` articles, each row the article's fields, its
analysis as JSON (``Analysis.to_json`` without the text, which has its own column) and the pipeline
version that made it. A shard is written under a ``.partial`` name and renamed when complete, so a
folder never holds half a shard; articles that failed analysis are not written (they are reported).
"""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path
from typing import Iterable, Iterator

from tidings.errors import ArticleError, TidingsError
from tidings.model import Analysis, Article

ROWS_PER_SHARD = 10_000
PATTERN = "part-*.parquet"
_FIELDS = ("id", "title", "url", "published", "outlet", "origin", "text")


class ShardError(TidingsError):
    """A shard folder could not be written or read (names it)."""

    def __init__(self, path: Path, message: str):
        self.path = str(path)
        super().__init__(f"{path}: {message}")


def _schema():
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in _FIELDS]
                     + [("analysis", pa.string()), ("pipeline_version", pa.string())])


def is_shard_folder(source: str) -> bool:
    path = Path(source)
    return path.is_dir() and any(path.glob(PATTERN))


class ShardWriter:
    """Analyses into ``folder`` (created; refused if it already holds shards), a shard at a time."""

    def __init__(self, folder: Path, version: str, rows_per_shard: int = ROWS_PER_SHARD):
        if is_shard_folder(str(folder)):
            raise ShardError(folder, "already holds Parquet shards; write to a new folder")
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.version, self.rows_per_shard = folder, version, rows_per_shard
        self.rows: list[dict] = []
        self.shards = 0

    def write(self, article: Article, analysis: Analysis) -> None:
        data = analysis.to_json()
        del data["text"]
        self.rows.append({**{name: getattr(article, name) for name in _FIELDS},
                          "analysis": json.dumps(data, ensure_ascii=False), "pipeline_version": self.version})
        if len(self.rows) >= self.rows_per_shard:
            self._flush()

    def close(self) -> None:
        self._flush()

    def abort(self) -> None:
        self.rows = []

    def _flush(self) -> None:
        if not self.rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = self.folder / f"part-{self.shards:05d}.parquet"
        partial = path.with_name(path.name + ".partial")
        pq.write_table(pa.Table.from_pylist(self.rows, schema=_schema()), partial, compression="zstd")
        partial.replace(path)
        self.shards += 1
        self.rows = []


def read_shards(folder: Path) -> Iterator[tuple[Article, str, str]]:
    """(article, its analysis as JSON, the pipeline version that made it), shard by shard, in order."""
    import pyarrow.parquet as pq

    for path in sorted(folder.glob(PATTERN)):
        try:
            shard = pq.ParquetFile(path)
            batches = shard.iter_batches(batch_size=1024)
            for batch in batches:
                for row in batch.to_pylist():
                    article = Article(**{name: row[name] for name in _FIELDS})
                    yield article, row["analysis"], row["pipeline_version"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ShardError(path, f"not a tidings shard ({' '.join(str(exc).split())[:200]})") from None


class ShardedAnalyses:
    """A pipeline for ``Ingestor`` that hands back the analyses read from shards (those the same
    pipeline version made, for the same text) and analyses the rest with ``pipeline``. It remembers the
    last ``remember`` articles read: the ingestor asks for a batch's analyses soon after reading it."""

    def __init__(self, pipeline, remember: int = 4096):
        self.pipeline = pipeline
        self.settings = pipeline.settings
        self.version = pipeline.version
        self.remember = remember
        self._known: OrderedDict[str, tuple[str, str]] = OrderedDict()  # id -> (text, analysis JSON)

    def articles(self, folders: Iterable[str]) -> Iterator[Article]:
        for folder in folders:
            for article, analysis, version in read_shards(Path(folder)):
                if version == self.version:
                    self._known[article.id] = (article.text, analysis)
                    while len(self._known) > self.remember:
                        self._known.popitem(last=False)
                yield article

    def analyze_many(self, articles: Iterable[Article | ArticleError]) -> Iterator[Analysis | ArticleError]:
        items = list(articles)
        results: list[Analysis | ArticleError | None] = []
        for item in items:
            known = self._known.pop(item.id, None) if isinstance(item, Article) else None
            results.append(_analysis(item, known[1]) if known and known[0] == item.text else None)
        fresh = iter(self.pipeline.analyze_many([item for item, result in zip(items, results) if result is None]))
        for result in results:
            yield next(fresh) if result is None else result


def _analysis(article: Article, data: str) -> Analysis:
    return Analysis.from_json({**json.loads(data), "text": article.text})
