"""Ingestion: sources -> duplicate check -> analysis -> story grouping -> store, one transaction a batch.

The order matters. Duplicates are found *before* analysis (an exact copy by its normalised-text hash,
a near copy by MinHash), so a wire story re-posted twenty times is analysed once and stored once, its
copies recorded against it (they are what NumArticles / NumSources count). Each batch of new
articles is analysed together (spaCy batches), then written in one transaction with the stories it
changed: a crash loses at most the batch in flight, and running again skips what was committed
(identity is the content hash plus the pipeline version).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from tidings.errors import ArticleError, ArticleWarning
from tidings.ingest.dedupe import NearDuplicateIndex, content_hash
from tidings.ingest.stories import Story, StoryGrouper
from tidings.model import Analysis, Article
from tidings.pipeline import Pipeline, check_article, layer_warnings
from tidings.store import Store
from tidings.store.lookup import original_for_hash

DEFAULT_BATCH = 64


@dataclass
class IngestSummary:
    """What an ingestion did, for the closing report."""

    read: int = 0
    new: int = 0
    already_stored: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    errors: list[ArticleError] = field(default_factory=list)  # one per failed item, naming it
    warnings: list[str] = field(default_factory=list)
    new_stories: int = 0

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    @property
    def failed(self) -> list[str]:
        """One line per failed item, naming it."""
        return [str(e) for e in self.errors]

    def reasons(self) -> Counter:
        """Failures counted by their kind of error ("empty article", "fetch timeout"), for the summary line."""
        return Counter(_kind(type(e)) for e in self.errors)


def _kind(cls: type) -> str:
    """An error class as words: FetchHTTPError -> "fetch HTTP error" (ArticleError itself: "other error")."""
    if cls is ArticleError:
        return "other error"
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", cls.__name__).lower()
    return words.replace("http", "HTTP").replace("csv", "CSV")


@dataclass
class _Pending:
    article: Article
    content_hash: str
    signature: bytes


class Ingestor:
    """Feeds articles into a store. Create once per run; call ``ingest`` with an iterable of articles
    (and errors, as the source readers yield them)."""

    def __init__(self, store: Store, pipeline: Pipeline, batch_size: int = DEFAULT_BATCH,
                 on_item: Callable[[], None] | None = None, on_problem: Callable[[str], None] | None = None):
        self.store = store
        self.pipeline = pipeline
        self.version = pipeline.version
        self.batch_size = batch_size
        self.on_item = on_item or (lambda: None)
        self.on_problem = on_problem or (lambda line: None)
        self.summary = IngestSummary()
        self.near = NearDuplicateIndex.from_signatures(store.signatures())
        self.stories = StoryGrouper.from_stories(Story.from_json(s) for s in store.open_stories())
        self._pending: list[_Pending] = []
        self._pending_hashes: dict[str, str] = {}  # content hash -> article id, within the batch
        self._copies: list[tuple[Article, str, str]] = []  # (copy, original id, its hash)

    def ingest(self, items: Iterable[Article | ArticleError]) -> IngestSummary:
        for item in items:
            if isinstance(item, ArticleWarning):
                self.summary.warnings.append(str(item))
                self.on_problem(f"warning: {item}")
                continue
            self.summary.read += 1
            if isinstance(item, ArticleError):
                self._fail(item)
            else:
                self._take(item)
            self.on_item()
            if len(self._pending) >= self.batch_size:
                self.flush()
        self.flush()
        return self.summary

    def _fail(self, error: ArticleError) -> None:
        self.summary.errors.append(error)
        self.on_problem(f"error: {error}")

    def _take(self, article: Article) -> None:
        try:
            # refused before the duplicate check: unusable texts (blank, binary) must not match each
            # other as "copies" through their empty normalised text
            check_article(article, self.pipeline.settings.max_article_chars)
        except ArticleError as exc:
            self._fail(exc)
            return
        text_hash = content_hash(article.text)
        original = self._pending_hashes.get(text_hash)
        if original is None and self.store.has_article(text_hash, self.version):
            original = original_for_hash(self.store, text_hash)
            if original is None or original == article.id:
                self.summary.already_stored += 1  # this very article, stored by an earlier run
                return
        if original is not None:
            if original != article.id:
                self.summary.exact_duplicates += 1
                self._copies.append((article, original, text_hash))
            return
        signature = self.near.signature(article.text)
        original = self.near.query(signature)
        if original is not None and original != article.id:
            self.summary.near_duplicates += 1
            self._copies.append((article, original, text_hash))
            return
        self._pending.append(_Pending(article, text_hash, signature))
        self._pending_hashes[text_hash] = article.id
        # indexed now, so that copies later in the same batch are found; taken out again if it fails
        self.near.add(article.id, signature)

    def flush(self) -> None:
        """Analyse the pending articles and write them, their copies and their stories in one transaction."""
        if not self._pending and not self._copies:
            return
        pending, self._pending = self._pending, []
        copies, self._copies = self._copies, []
        self._pending_hashes = {}
        analysed: list[tuple[_Pending, Analysis]] = []
        by_id = {p.article.id: p for p in pending}
        for p, result in zip(pending, self.pipeline.analyze_many([p.article for p in pending])):
            if isinstance(result, ArticleError):
                self._fail(result)
                self.near.remove(p.article.id)  # a failed article must not swallow its copies
            else:
                analysed.append((p, result))
                for warning in layer_warnings(result, p.article.origin):  # stored without that layer
                    self.summary.warnings.append(str(warning))
                    self.on_problem(f"warning: {warning}")
        stored_ids = {p.article.id for p, _ in analysed}
        changed: dict[str, Story] = {}
        assignments = {}
        for p, analysis in analysed:
            assignment = self.stories.assign(p.article.id, analysis.published, analysis, p.article.title)
            assignments[p.article.id] = assignment.story_id
            changed[assignment.story_id] = self.stories.stories[assignment.story_id]
            self.summary.new_stories += assignment.is_new
        with self.store.batch(self.version) as tx:
            for p, analysis in analysed:
                tx.add_article(p.article, analysis, p.content_hash, p.signature, assignments[p.article.id])
            for story in changed.values():
                tx.upsert_story(story_record(story))
            for article, original, text_hash in copies:
                if original in by_id and original not in stored_ids:
                    # the original failed analysis: this copy stands alone next time it is read
                    self._fail(ArticleError(article.origin or article.id, f"copy of {original}, which failed"))
                    continue
                tx.add_copy(article, original, text_hash)
        self.summary.new += len(analysed)


def story_record(story: Story) -> dict:
    """The story's state as the store keeps it (the store reads first_date/last_date for its columns)."""
    return {**story.to_json(), "first_date": story.first, "last_date": story.last}


def reanalyze(store: Store, pipeline: Pipeline, batch_size: int = DEFAULT_BATCH,
              on_item: Callable[[], None] | None = None, on_problem: Callable[[str], None] | None = None) -> tuple[int, list[str]]:
    """Re-analyse every stored article that another pipeline version analysed; (done, failures)."""
    on_item = on_item or (lambda: None)
    failures: list[str] = []
    done = 0
    # materialise the ids first: rewriting rows while paging over the same table would skip some
    todo = list(store.articles_needing_reanalysis(pipeline.version))
    for start in range(0, len(todo), batch_size):
        chunk = todo[start:start + batch_size]
        results = list(pipeline.analyze_many(chunk))
        with store.batch(pipeline.version) as tx:
            for result in results:
                if isinstance(result, ArticleError):
                    failures.append(str(result))
                    if on_problem:
                        on_problem(f"error: {result}")
                else:
                    tx.replace_analysis(result.id, result, pipeline.version)
                    done += 1
                on_item()
    return done, failures

