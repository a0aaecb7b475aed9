"""Ingestion: sources -> identity and duplicate checks -> analysis -> story grouping -> store, one
transaction a batch.

The order matters. Each item is first matched by its id: an id the store (or this run) already holds
with the same text is already stored (or repeated); an id that arrives with *another* text is an
``IdConflict`` naming it, and the stored text is kept, unless the run was asked to update (then the
new text replaces it, counted as updated). Duplicates are found *before* analysis (an exact copy by
its normalised-text hash, a near copy by MinHash), so a wire story re-posted twenty times is
analysed once and stored once, its copies recorded against it (they are what NumArticles /
NumSources count). Each batch of new articles is analysed together (spaCy batches), then written in
one transaction with the stories it changed: a crash loses at most the batch in flight, and running
again skips what was committed. Stories are assigned inside that transaction (``story_store``), so
they come out the same whether the articles arrive in one run, several, after a kill or through
several writers at once.

Every item read is counted once, in exactly one of: new, updated, duplicates, already stored,
repeated, failed (``IngestSummary.unaccounted`` is always 0). Apart from those, ``undated`` counts the
articles stored without a publication date: they stay undated (no day is invented for them) and form
stories only with the undated articles of the same run (``run``, one id per ``Ingestor``).
"""
from __future__ import annotations

import re
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Callable, Iterable

from tidings.errors import (ArticleError, ArticleWarning, BinaryContent, IdConflict, StoreConnectionLost,
                            StoreError)
from tidings.ingest.dedupe import NearDuplicateIndex, content_hash
from tidings.ingest.story_store import StoredStories, ToGroup
from tidings.model import Analysis, Article
from tidings.pipeline import Pipeline, check_article, layer_warnings
from tidings.store import Store
from tidings.store.lookup import original_for_hash, stored_under_id
from tidings.store.rows import day_of, now_iso

DEFAULT_BATCH = 64
#: times a batch is written when the connection to the store drops (PostgreSQL) before it commits
WRITE_TRIES = 3


@dataclass
class IngestSummary:
    """What an ingestion did, for the closing report. Each item read lands in exactly one count."""

    read: int = 0
    new: int = 0
    #: stored articles whose text changed and was replaced (``update=True``), or re-analysed because
    #: another pipeline version analysed them
    updated: int = 0
    already_stored: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    #: read again in the same run with the same id and text (a record listed twice)
    repeated: int = 0
    errors: list[ArticleError] = field(default_factory=list)  # one per failed item, naming it
    warnings: list[str] = field(default_factory=list)
    new_stories: int = 0
    #: articles stored (new or updated) with no publication date: undated, not put on any day
    undated: int = 0

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    @property
    def failed(self) -> list[str]:
        """One line per failed item, naming it."""
        return [str(e) for e in self.errors]

    @property
    def unaccounted(self) -> int:
        """Items read but in no count: always 0 (the counts add up to ``read``)."""
        return self.read - (self.new + self.updated + self.duplicates + self.already_stored + self.repeated
                            + len(self.errors))

    def reasons(self) -> Counter:
        """Failures counted by their kind of error ("empty article", "fetch timeout"), for the summary line."""
        return Counter(_kind(type(e)) for e in self.errors)


def new_run_id() -> str:
    """An id for one ingest run: when it began, and a random part so that two runs begun in the same
    second differ."""
    stamp = "".join(ch for ch in now_iso()[:19] if ch.isdigit())
    return f"{stamp}-{uuid.uuid4().hex[:8]}"


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
    #: the id is stored already (with another text, or by another pipeline version): replace it
    replaces: bool = False
    #: the id is stored as a copy of another article: forget that copy first
    was_copy: bool = False


@dataclass
class _Copy:
    article: Article
    original: str
    content_hash: str
    near: bool
    was_copy: bool = False  # the id was stored as a copy of something else before (an update)
    #: the original was taken in this run and not yet written: if its analysis fails, so does this copy
    original_unwritten: bool = False


@dataclass
class _Sealed:
    """A batch whose analysis has started (elsewhere, with ``--workers``/``--cluster``) and that is not
    written yet: its articles, their copies, and how to get the analyses."""

    pending: list[_Pending]
    copies: list[_Copy]
    results: Callable[[], list]


class Ingestor:
    """Feeds articles into a store. Create once per run; call ``ingest`` with an iterable of articles
    (and errors, as the source readers yield them).

    With a pipeline that analyses elsewhere (a ``tidings.scale.ordered.BatchAnalyser``: worker
    processes or a cluster), up to its ``in_flight`` batches are analysed while this one process reads
    ahead and writes, still in input order. The duplicate checks then also look at the batches not yet
    written, so every article is counted and stored as one process would, with one exception: a copy
    of an article whose analysis fails (a crash in the model, not refused input) is reported as a copy
    of a failed article when the two were in flight together, where one process would have analysed
    the copy itself.

    ``update``: an article whose id is stored with another text replaces it (an edited file, a
    corrected page); without it, that is an ``IdConflict`` and the stored text is kept.
    ``run``: the id of this ingest run, stored with each article (a fresh one when not given).
    """

    def __init__(self, store: Store, pipeline: Pipeline, batch_size: int = DEFAULT_BATCH,
                 on_item: Callable[[], None] | None = None, on_problem: Callable[[str], None] | None = None,
                 update: bool = False, run: str | None = None):
        self.store = store
        self.run = run or new_run_id()
        self.pipeline = pipeline
        self.version = pipeline.version
        self.batch_size = batch_size
        self.update = update
        self.on_item = on_item or (lambda: None)
        self.on_problem = on_problem or (lambda line: None)
        self.summary = IngestSummary()
        self.near = NearDuplicateIndex.from_signatures(store.signatures())
        self.stories = StoredStories(store, run=self.run)
        self._pending: list[_Pending] = []
        # content hash -> article id, for every article taken but not yet written
        self._pending_hashes: dict[str, str] = {}
        self._copies: list[_Copy] = []
        self._sealed: deque[_Sealed] = deque()
        self._unwritten: set[str] = set()  # ids of the articles taken and not yet written
        self._failed_ids: set[str] = set()  # articles of this run whose analysis failed
        self._in_flight = max(1, getattr(pipeline, "in_flight", 1))
        # id -> (content hash, where it was read), for every id taken in this ``ingest`` call: one id
        # met twice is a repeat (same text) or a conflict (another text), never a silent replacement
        self._taken: dict[str, tuple[str, str]] = {}

    def ingest(self, items: Iterable[Article | ArticleError]) -> IngestSummary:
        self._taken = {}
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
                self._seal()
                while len(self._sealed) >= self._in_flight:
                    self._write_sealed(self._sealed.popleft())
        self.flush()
        return self.summary

    def _fail(self, error: ArticleError) -> None:
        self.summary.errors.append(error)
        self.on_problem(f"error: {error}")

    def _take(self, article: Article) -> None:
        name = article.origin or article.id
        try:
            # refused before the duplicate check: unusable texts (blank, binary) must not match each
            # other as "copies" through their empty normalised text
            check_article(article, self.pipeline.settings.max_article_chars)
            if "\x00" in article.text:  # anywhere in it, not only where check_article samples
                raise BinaryContent(name, f"text contains a NUL character (at character "
                                          f"{article.text.index(chr(0)):,}): binary data, not text")
        except ArticleError as exc:
            self._fail(exc)
            return
        text_hash = content_hash(article.text)
        taken = self._taken.get(article.id)
        if taken is not None:
            if taken[0] == text_hash:
                self.summary.repeated += 1
            else:
                self._fail(IdConflict(name, article.id, f"id {article.id!r} was given to another text earlier in "
                                                        f"this run ({taken[1]}); this one is skipped"))
            return
        stored = stored_under_id(self.store, article.id)
        replaces = was_copy = False
        if stored is not None:
            stored_hash, stored_version = stored
            was_copy = stored_version is None
            if stored_hash == text_hash and (was_copy or stored_version == self.version):
                self._taken[article.id] = (text_hash, name)
                self.summary.already_stored += 1  # this very article, stored by an earlier run
                return
            if stored_hash != text_hash and not self.update:
                self._fail(IdConflict(name, article.id, f"id {article.id!r} is stored with another text; the "
                                                        f"stored one is kept (update it with --update)"))
                return
            replaces = not was_copy  # another text (an update), or the same one analysed by another version
        original = self._pending_hashes.get(text_hash) or original_for_hash(self.store, text_hash)
        if original is not None and original != article.id:
            if replaces:
                self._fail(IdConflict(name, article.id, f"id {article.id!r}: its new text is a copy of {original!r}; "
                                                        f"the stored text is kept"))
                return
            self._taken[article.id] = (text_hash, name)
            self._copies.append(_Copy(article, original, text_hash, near=False, was_copy=was_copy,
                                      original_unwritten=original in self._unwritten))
            return
        signature = self.near.signature(article.text)
        if not replaces and original is None:
            near = self.near.query(signature)
            if near is not None and near != article.id:
                self._taken[article.id] = (text_hash, name)
                self._copies.append(_Copy(article, near, text_hash, near=True, was_copy=was_copy,
                                          original_unwritten=near in self._unwritten))
                return
        self._taken[article.id] = (text_hash, name)
        self._pending.append(_Pending(article, text_hash, signature, replaces=replaces, was_copy=was_copy))
        self._pending_hashes[text_hash] = article.id
        self._unwritten.add(article.id)
        if not replaces:
            # indexed now, so that copies later in the same batch are found; taken out again if it fails
            self.near.add(article.id, signature)

    def flush(self) -> None:
        """Analyse the pending articles and write them, their copies and their stories in one
        transaction a batch. Called at the end, and by whoever is about to wait (a fetcher before a
        request): what is ready is committed before the wait."""
        self._seal()
        while self._sealed:
            self._write_sealed(self._sealed.popleft())

    def _seal(self) -> None:
        """Close the pending batch and start its analysis (in this process: when it is written)."""
        if not self._pending and not self._copies:
            return
        pending, self._pending = self._pending, []
        copies, self._copies = self._copies, []
        articles = [p.article for p in pending]
        submit = getattr(self.pipeline, "submit", None)
        if submit is None or not articles:
            # the pipeline's one entry point: a batch in, one result (analysis or error) per article out
            results = lambda: list(self.pipeline.analyze_many(articles))  # noqa: E731
        else:
            handle = submit(articles)
            results = lambda: self.pipeline.collect(handle, articles)  # noqa: E731
        self._sealed.append(_Sealed(pending, copies, results))

    def _write_sealed(self, sealed: _Sealed) -> None:
        pending, copies = sealed.pending, sealed.copies
        for p in pending:
            self._unwritten.discard(p.article.id)
            if self._pending_hashes.get(p.content_hash) == p.article.id:
                del self._pending_hashes[p.content_hash]
        analysed: list[tuple[_Pending, Analysis]] = []
        for p, result in zip(pending, sealed.results()):
            if isinstance(result, ArticleError):
                self._fail(result)
                self._failed_ids.add(p.article.id)
                self.near.remove(p.article.id)  # a failed article must not swallow its copies
            else:
                analysed.append((p, result))
                for warning in layer_warnings(result, p.article.origin):  # stored without that layer
                    self.summary.warnings.append(str(warning))
                    self.on_problem(f"warning: {warning}")
        kept: list[_Copy] = []
        for copy in copies:
            if copy.original_unwritten and copy.original in self._failed_ids:
                # the original failed analysis: this copy stands alone next time it is read
                self._fail(ArticleError(copy.article.origin or copy.article.id, f"copy of {copy.original}, "
                                                                                f"which failed"))
            else:
                kept.append(copy)
        for attempt in range(1, WRITE_TRIES + 1):
            try:
                assignments, raced, found_stored = self._write(analysed, kept)
                break
            except StoreConnectionLost as exc:
                # the server rolled the transaction back: nothing of it is stored, so the same batch is
                # written again on a new connection (the stories are re-read: their token is unchanged)
                if attempt == WRITE_TRIES:
                    raise
                self.on_problem(f"warning: {exc}; writing the batch again ({attempt}/{WRITE_TRIES - 1})")
                self._reconnect(attempt)
        # counted once committed, so that the counts say what the store holds
        for p, analysis in analysed:
            if p.article.id not in raced and not (day_of(analysis.published) or day_of(p.article.published)):
                self.summary.undated += 1
            if p.article.id in raced:
                self.summary.exact_duplicates += 1
                self.near.remove(p.article.id)
            elif p.article.id in found_stored and not (p.replaces or p.was_copy):
                self.summary.already_stored += 1  # stored by a concurrent writer since this one read it
            elif p.replaces or p.was_copy:
                self.summary.updated += 1
                self.near.remove(p.article.id)
                self.near.add(p.article.id, p.signature)
            else:
                self.summary.new += 1
        for copy in kept:
            if copy.was_copy:
                self.summary.updated += 1
            elif copy.near:
                self.summary.near_duplicates += 1
            else:
                self.summary.exact_duplicates += 1
        self.summary.new_stories += sum(a.is_new for a in assignments.values())

    def _write(self, analysed: list[tuple[_Pending, Analysis]], copies: list[_Copy]):
        """One transaction: the batch's stories, articles and copies. Returns the story assignments, the
        articles a concurrent writer stored first under another id (recorded as copies of it), and those
        it stored under their own id."""
        with self.store.batch(self.version) as tx:
            # grouped under the write lock: no other writer can change the stories until this commits
            assignments = self.stories.assign(tx, [ToGroup(p.article.id, p.content_hash, analysis.published,
                                                            analysis, p.article.title) for p, analysis in analysed])
            raced: dict[str, str] = {}  # article id -> the id another writer stored its text under meanwhile
            for p, analysis in analysed:
                if p.was_copy:
                    tx.remove_copy(p.article.id)
                stored_as = tx.add_article(p.article, analysis, p.content_hash, p.signature,
                                           assignments[p.article.id].story_id, run=self.run)
                if stored_as != p.article.id:  # a concurrent writer (PostgreSQL) stored this text first
                    tx.add_copy(p.article, stored_as, p.content_hash)
                    raced[p.article.id] = stored_as
            self.stories.save(tx)
            for copy in copies:
                if copy.was_copy:
                    tx.remove_copy(copy.article.id)
                tx.add_copy(copy.article, copy.original, copy.content_hash)
        return assignments, raced, tx.found_stored

    def _reconnect(self, attempt: int) -> None:
        """A new connection after a lost one, waiting a little longer each time the server is not back."""
        for wait in (0, 1, 2, 4, 8):
            time.sleep(wait * attempt)
            try:
                self.store.reconnect()
                return
            except StoreError:
                continue
        self.store.reconnect()  # the last try raises its StoreError


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

