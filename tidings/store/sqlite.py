"""The SQLite store: opening a file, the write API the ingest runner uses, and maintenance.

    store = Store.open(path)                       # creates dirs, WAL, migrates
    if not store.has_article(content_hash, version):
        with store.batch(pipeline_version=version) as tx:   # one transaction: all of it or none
            tx.add_article(article, analysis, content_hash, signature, story_id, story_state)
            tx.add_copy(dup_article, original_id=article.id, content_hash=dup_hash)
            tx.upsert_story(story_json)

Identity is the content hash: adding a text already stored under the same pipeline version is a no-op
(so re-ingesting a folder never duplicates); under another version it replaces the analysis; a known
article id with a new text replaces that article. Rollups are adjusted in the same transaction as the
rows they summarise: each batch sums the rollup changes of the rows it writes in memory
(``rollups.Delta``) and applies them just before COMMIT. Readers (dashboard, queries) use their own connection; WAL
lets them read the last committed state while a batch is open.
"""
from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from tidings.errors import StoreError
from tidings.model import Analysis, Article
from tidings.store import rollups, schema
from tidings.store.dialect import is_postgres_url
from tidings.store.paths import default_db_path
from tidings.store.rows import (ARTICLE_COLS, EVENT_COLS, MENTION_COLS, QUOTE_COLS, Prepared, day_of, now_iso,
                                prepare, analysis_json)

BUSY_TIMEOUT_S = 30.0  # a reader or second writer waits this long for a lock before failing

_INSERT_ARTICLE = f"INSERT INTO articles (aid, {', '.join(ARTICLE_COLS)}) VALUES ({', '.join('?' * (len(ARTICLE_COLS) + 1))})"
_UPDATE_ARTICLE = "UPDATE articles SET " + ", ".join(f"{c} = ?" for c in ARTICLE_COLS[1:]) + " WHERE aid = ?"
_INSERT_EVENT = f"INSERT INTO events (aid, {', '.join(EVENT_COLS)}) VALUES ({', '.join('?' * (len(EVENT_COLS) + 1))})"
_QUOTE_NAMES = ", ".join(f'"{c}"' for c in QUOTE_COLS)  # "end" is an SQL keyword
_INSERT_QUOTE = f"INSERT INTO quotes (aid, {_QUOTE_NAMES}) VALUES ({', '.join('?' * (len(QUOTE_COLS) + 1))})"
_INSERT_MENTION = (f"INSERT INTO mentions (aid, {', '.join(MENTION_COLS)}) VALUES ({', '.join('?' * (len(MENTION_COLS) + 1))}) "
                   f"ON CONFLICT DO UPDATE SET count = count + excluded.count")


def connect(path: str | os.PathLike, readonly: bool = False, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection with the store's settings. Autocommit mode: transactions are explicit."""
    if readonly:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                               isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        # WAL: one writer and any number of readers at once, readers see the last commit.
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal" and str(path) != ":memory:":
            raise StoreError(str(path), f"could not switch the store to WAL mode (got {mode!r})")
    # NORMAL in WAL mode: a crash never corrupts or half-applies a transaction; a power cut may lose
    # the last commits, which the runner re-ingests (idempotent).
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
    rollups.register(conn)
    return conn


class Store:
    """One store file. Not shared between threads: open one ``Store`` per thread or process.

    ``Store.open`` of a ``postgresql://`` URL gives a ``PgStore`` (``tidings.store.pg.store``), the
    same interface over a PostgreSQL database."""

    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool = False):
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.timeout = BUSY_TIMEOUT_S
        self._in_batch = False
        self.fts = conn.execute("SELECT 1 FROM sqlite_master WHERE name='quotes_fts'").fetchone() is not None

    # -- opening -------------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, readonly: bool = False,
             timeout: float = BUSY_TIMEOUT_S) -> "Store":
        """Open (creating it and its folder if needed) and migrate the store at ``path``.

        ``path`` None resolves through ``default_db_path()``. ``readonly`` opens without migrating
        (refusing a file that would need it) and never writes. A ``postgresql://`` URL opens a
        PostgreSQL database instead (``PgStore``).
        """
        path = default_db_path(path)
        if is_postgres_url(path):
            from tidings.store.pg.store import PgStore

            return PgStore.open_url(path, readonly=readonly, timeout=timeout)
        if readonly:
            if not path.exists():
                raise StoreError(str(path), "no store here")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = connect(path, readonly=readonly, timeout=timeout)
            if readonly:
                found = schema.current_version(conn)
                if found > schema.SCHEMA_VERSION:
                    from tidings.errors import StoreTooNew
                    raise StoreTooNew(str(path), found, schema.SCHEMA_VERSION)
                if found < schema.SCHEMA_VERSION:
                    raise StoreError(str(path), f"store schema version {found} needs migrating to "
                                                f"{schema.SCHEMA_VERSION}; open it once read-write")
            else:
                schema.migrate(conn, str(path))
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(path), f"cannot open the store: {exc}") from exc
        store = cls(conn, str(path), readonly)
        store.timeout = timeout
        return store

    def close(self) -> None:
        if not self.readonly:
            try:
                self.conn.execute("PRAGMA optimize")  # keeps the planner's statistics fresh, cheaply
            except sqlite3.DatabaseError:
                pass
        self.conn.close()

    def reconnect(self) -> None:
        """Nothing to do for a file (``PgStore`` opens a new session after a lost connection)."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema.current_version(self.conn)

    def data_version(self) -> int:
        """A number that changes when another connection commits to the store (read it after your own
        writes: then a change means someone else wrote)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    @property
    def queries(self):
        from tidings.store.queries import Queries

        return Queries(self)

    # -- writing -------------------------------------------------------------------------------------
    @contextmanager
    def batch(self, pipeline_version: str | None = None) -> Iterator["Batch"]:
        """One write transaction: committed when the block ends, rolled back if it raises.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so a second writer waits (busy timeout)
        instead of failing half-way; readers are never blocked. ``_begin``/``_abort`` are what a
        PostgreSQL store does differently.
        """
        if self.readonly:
            raise StoreError(self.path, "the store was opened read-only")
        if self._in_batch:
            raise StoreError(self.path, "a batch is already open on this store (batches do not nest)")
        if pipeline_version is None:
            from tidings import __version__ as pipeline_version
        self._begin()
        self._in_batch = True
        try:
            tx = self._new_batch(pipeline_version)
            yield tx
            tx.flush()  # the rollup changes of everything written, in the same transaction
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._abort(exc)
            raise
        finally:
            self._in_batch = False

    def _new_batch(self, pipeline_version: str) -> "Batch":
        return Batch(self, pipeline_version)

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._busy(exc) from exc

    def _busy(self, exc: Exception) -> StoreError:
        return StoreError(self.path, f"the store is busy: another writer kept the lock past the "
                                     f"{self.timeout:g} s wait ({exc})")

    def _abort(self, exc: BaseException) -> None:
        """Undo the open transaction after ``exc``."""
        self.conn.execute("ROLLBACK")

    def replace_analysis(self, article_id: str, analysis: Analysis, pipeline_version: str) -> None:
        """Re-analysis of a stored article: its events, quotes, mentions and rollups replaced at once."""
        with self.batch(pipeline_version) as tx:
            tx.replace_analysis(article_id, analysis, pipeline_version)

    # -- reading for the runner ----------------------------------------------------------------------
    def has_article(self, content_hash: str, pipeline_version: str) -> bool:
        """Whether this text is stored analysed by this version, or stored as a copy of another."""
        return self.conn.execute(
            "SELECT EXISTS(SELECT 1 FROM articles WHERE content_hash = ? AND pipeline_version = ?) "
            "OR EXISTS(SELECT 1 FROM copies WHERE content_hash = ?)",
            (content_hash, pipeline_version, content_hash)).fetchone()[0] == 1

    def signatures(self, page: int = 10_000) -> Iterator[tuple[str, bytes]]:
        """Every (article id, MinHash bytes), streamed in pages (safe to write between pages)."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT s.aid, a.id, s.minhash FROM signatures s JOIN articles a ON a.aid = s.aid "
                                     "WHERE s.aid > ? ORDER BY s.aid LIMIT ?", (last, page)).fetchall()
            if not rows:
                return
            for _, article_id, blob in rows:
                yield article_id, bytes(blob)
            last = rows[-1][0]

    def open_stories(self, since_date: str | None = None, run: str | None = None) -> list[dict]:
        """The JSON states of the dated stories whose last date is on or after ``since_date`` (all when
        None) and of the undated stories of ingest run ``run`` (undated articles form stories only within
        their run; an undated story saved before undated stories had a run is never read), in the order
        they were created."""
        rows = self.conn.execute("SELECT state FROM stories WHERE (last_date IS NOT NULL AND (? IS NULL OR last_date >= ?)) "
                                 "OR (last_date IS NULL AND run IS ? AND json_extract(state, '$.undated_from') IS NOT NULL) "
                                 "ORDER BY seq",
                                 (since_date, since_date, run)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def latest_story_date(self) -> str | None:
        """The newest last date of any story (the story grouper's clock)."""
        return self.conn.execute("SELECT max(last_date) FROM stories").fetchone()[0]

    def story_token(self) -> str:
        """The token the last committed story write left (``Batch.set_story_token``)."""
        return self.conn.execute("SELECT token FROM story_sync WHERE id = 1").fetchone()[0]

    def story_of(self, article_id: str, content_hash: str | None = None) -> str | None:
        """The story of a stored article, found by its id or its text."""
        row = self.conn.execute("SELECT story_id FROM articles WHERE story_id IS NOT NULL AND (id = ? OR content_hash = ?) "
                                "ORDER BY id = ? DESC LIMIT 1", (article_id, content_hash, article_id)).fetchone()
        return row[0] if row else None

    def grouped_articles(self, page: int = 500) -> Iterator[tuple[str, str | None, str | None, Analysis, str | None]]:
        """``(article id, title, story id, analysis, ingest run)`` of every stored article, in the order
        they were first stored (for replaying the story grouping: undated articles group by run)."""
        from tidings.store.rows import unpack_json

        last = 0
        while True:
            rows = self.conn.execute("SELECT aid, id, title, story_id, text, analysis, run FROM articles WHERE aid > ? "
                                     "ORDER BY aid LIMIT ?", (last, page)).fetchall()
            if not rows:
                return
            for _, article_id, title, story, text, blob, run in rows:
                yield article_id, title, story, Analysis.from_json({**unpack_json(blob), "text": text}), run
            last = rows[-1][0]

    def stories_saved(self) -> dict[str, tuple[dict, int]]:
        """Every story's ``(JSON state, article_count)`` by id."""
        return {sid: (json.loads(state), count)
                for sid, state, count in self.conn.execute("SELECT id, state, article_count FROM stories")}

    def articles_needing_reanalysis(self, pipeline_version: str, page: int = 500) -> Iterator[Article]:
        """Stored articles analysed by another pipeline version, as ``Article`` objects to re-analyse."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT aid, id, text, title, url, published, outlet FROM articles "
                                     "WHERE pipeline_version != ? AND aid > ? ORDER BY aid LIMIT ?",
                                     (pipeline_version, last, page)).fetchall()
            if not rows:
                return
            for aid, article_id, text, title, url, published, outlet in rows:
                yield Article(id=article_id, text=text, title=title, url=url, published=published,
                              origin=f"{self.path}#{article_id}", outlet=outlet)
            last = rows[-1][0]

    # -- maintenance ---------------------------------------------------------------------------------
    def check_rollups(self) -> list[str]:
        """Differences between the rollup tables and a recount from events (empty: consistent)."""
        return rollups.check(self.conn)

    def rebuild_rollups(self) -> None:
        with self.batch():
            rollups.rebuild(self.conn)

    def optimize(self) -> None:
        """Refresh planner statistics (after a big import)."""
        self.conn.execute("ANALYZE")

    def counts(self) -> dict[str, int]:
        """Rows per table, from the counts the schema's triggers keep (seven rows read, not seven scans)."""
        kept = dict(self.conn.execute("SELECT name, n FROM row_counts"))
        return {t: kept[t] for t in schema.COUNTED_TABLES}


class Batch:
    """The writes of one transaction; get one from ``Store.batch()``."""

    def __init__(self, store: Store, pipeline_version: str):
        self.store = store
        self.conn = store.conn
        self.pipeline_version = pipeline_version
        self.delta = rollups.Delta()  # rollup changes not yet applied; flushed before COMMIT
        # ids whose text ``add_prepared`` found stored already, analysed by the same version (nothing
        # written): another writer stored them since this one checked (``Ingestor`` counts them so)
        self.found_stored: set[str] = set()

    def flush(self) -> None:
        """Apply the pending rollup changes now (``Store.batch`` does it before committing)."""
        self.delta.flush(self.conn)

    def add_article(self, article: Article, analysis: Analysis, content_hash: str, signature: Any = None,
                    story_id: str | None = None, story_state: dict | None = None, *,
                    pipeline_version: str | None = None, run: str | None = None) -> str:
        """Store an analysed article; returns the stored article id (an existing one if the text is known).

        ``signature`` is the MinHash (bytes or a datasketch ``MinHash``); ``story_state`` (the story's
        JSON) is upserted after the article, so its article count includes it. ``run`` names the
        ingest run (undated articles form stories only within their run).
        """
        if story_id is None and story_state:
            story_id = story_state.get("id")
        prepared = prepare(article, analysis, content_hash, pipeline_version or self.pipeline_version,
                           signature, story_id, run=run)
        stored_id = self.add_prepared(prepared)
        if story_state:
            self.upsert_story(story_state)
        return stored_id

    def add_prepared(self, p: Prepared) -> str:
        c = self.conn
        known = c.execute("SELECT aid, id, pipeline_version FROM articles WHERE content_hash = ?",
                          (p.content_hash,)).fetchone()
        if known is not None:
            aid, stored_id, version = known
            if version != p.article[8]:
                self._replace(aid, p, keep_id=stored_id)
            else:
                self.found_stored.add(p.id)
                if p.article[10] is not None:
                    self._set_story(aid, p.article[10])
            return stored_id
        copy = c.execute("SELECT id FROM copies WHERE content_hash = ?", (p.content_hash,)).fetchone()
        if copy is not None:
            return copy[0]
        same_id = c.execute("SELECT aid FROM articles WHERE id = ?", (p.id,)).fetchone()
        if same_id is not None:  # the article changed (same id, new text): replace it
            self._replace(same_id[0], p, keep_id=p.id)
            return p.id
        aid = c.execute(_INSERT_ARTICLE, (None, *p.article)).lastrowid
        self._insert_children(aid, p)
        if p.article[10] is not None:
            self._refresh_story_count(p.article[10])
        return p.id

    def add_prepared_many(self, items: list[Prepared]) -> None:
        """Bulk path for new articles (benchmarks, imports): one rollup update for the whole list.

        Raises ``sqlite3.IntegrityError`` (rolling the batch back) if any text or id is already stored.
        """
        if not items:
            return
        c = self.conn
        first = c.execute("SELECT coalesce(max(aid), 0) + 1 FROM articles").fetchone()[0]
        c.executemany(_INSERT_ARTICLE, ((first + i, *p.article) for i, p in enumerate(items)))
        c.executemany(_INSERT_EVENT, ((first + i, *e) for i, p in enumerate(items) for e in p.events))
        c.executemany(_INSERT_QUOTE, ((first + i, *q) for i, p in enumerate(items) for q in p.quotes))
        c.executemany(_INSERT_MENTION, ((first + i, *m) for i, p in enumerate(items) for m in p.mentions))
        c.executemany("INSERT INTO signatures VALUES (?, ?)",
                      ((first + i, p.signature) for i, p in enumerate(items) if p.signature is not None))
        codes: set[str] = set()
        for p in items:
            codes |= p.codes()
            self._count(p)
        c.executemany("INSERT OR IGNORE INTO codes VALUES (?)", ((code,) for code in sorted(codes)))

    def replace_analysis(self, article_id: str, analysis: Analysis, pipeline_version: str | None = None) -> None:
        row = self.conn.execute("SELECT aid, url, title, outlet, published, content_hash, story_id, ingested_at, run "
                                "FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(self.store.path, f"replace_analysis: article {article_id!r} is not in the store")
        aid, url, title, outlet, published, content_hash, story_id, ingested_at, run = row
        article = Article(id=article_id, text=analysis.text, title=title, url=url, published=published, outlet=outlet)
        self._replace(aid, prepare(article, analysis, content_hash, pipeline_version or self.pipeline_version,
                                   None, story_id, ingested_at, run), keep_id=article_id, keep_signature=True)

    def add_copy(self, article: Article, original_id: str, content_hash: str) -> None:
        """Record ``article`` as a near-duplicate of ``original_id`` (stored, or added earlier in this batch).

        Idempotent; updates the original's NumArticles / NumSources.
        """
        c = self.conn
        row = c.execute("SELECT aid FROM articles WHERE id = ?", (original_id,)).fetchone() or \
            c.execute("SELECT aid FROM copies WHERE id = ?", (original_id,)).fetchone()  # a copy of a copy
        if row is None:
            raise StoreError(self.store.path, f"add_copy: original article {original_id!r} is not in the store")
        aid = row[0]
        c.execute("INSERT INTO copies (id, aid, url, title, outlet, published, content_hash, ingested_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  (article.id, aid, article.url, article.title, article.outlet, day_of(article.published),
                   content_hash, now_iso()))
        self._count_copies(aid)

    def remove_copy(self, copy_id: str) -> None:
        """Forget the copy recorded as ``copy_id`` (its source now says something else), updating its
        original's NumArticles / NumSources. Nothing happens if there is no such copy."""
        row = self.conn.execute("SELECT aid FROM copies WHERE id = ?", (copy_id,)).fetchone()
        if row is not None:
            self.conn.execute("DELETE FROM copies WHERE id = ?", (copy_id,))
            self._count_copies(row[0])

    def _count_copies(self, aid: int) -> None:
        self.conn.execute("""UPDATE articles SET
                       num_articles = 1 + (SELECT count(*) FROM copies WHERE aid = :aid),
                       num_sources = max(1, (SELECT count(DISTINCT o) FROM
                           (SELECT outlet AS o FROM articles WHERE aid = :aid
                            UNION ALL SELECT outlet FROM copies WHERE aid = :aid) WHERE o IS NOT NULL))
                     WHERE aid = :aid""", {"aid": aid})

    def upsert_story(self, story: dict) -> None:
        """Insert or replace a story from the grouper's JSON (needs ``id``; reads ``title``, ``summary``,
        ``first_date``, ``last_date`` and ``run``, the ingest run of an undated story; the whole dict is
        kept as ``state``)."""
        if "id" not in story:
            raise StoreError(self.store.path, "upsert_story: the story JSON has no 'id'")
        sid = str(story["id"])
        # a new story takes the next place in the order of creation; an update keeps its place
        self.conn.execute(
            """INSERT INTO stories (id, title, summary, first_date, last_date, state, updated_at, article_count, seq, run)
               VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT count(*) FROM articles WHERE story_id = ?),
                       (SELECT coalesce(max(seq), 0) + 1 FROM stories), ?)
               ON CONFLICT(id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
                 first_date = excluded.first_date, last_date = excluded.last_date, state = excluded.state,
                 updated_at = excluded.updated_at, article_count = excluded.article_count, run = excluded.run""",
            (sid, story.get("title"), story.get("summary"), story.get("first_date"), story.get("last_date"),
             json.dumps(story, ensure_ascii=False, default=str), now_iso(), sid, story.get("run")))

    def set_story_token(self, token: str) -> None:
        """Leave ``token`` as the mark of this batch's story writes (rolled back with the batch)."""
        self.conn.execute("UPDATE story_sync SET token = ? WHERE id = 1", (token,))

    # -- internals -----------------------------------------------------------------------------------
    def _replace(self, aid: int, p: Prepared, keep_id: str, keep_signature: bool = False) -> None:
        c = self.conn
        old_story = c.execute("SELECT story_id FROM articles WHERE aid = ?", (aid,)).fetchone()[0]
        rollups.subtract_stored(c, self.delta, aid)  # while the old rows (and the old day) are still there
        for table in ("events", "quotes", "mentions"):
            c.execute(f"DELETE FROM {table} WHERE aid = ?", (aid,))
        values = list(p.article)
        values[0] = keep_id
        if values[10] is None:
            values[10] = old_story
        c.execute(_UPDATE_ARTICLE, (*values[1:], aid))
        self._insert_children(aid, p, signature=not keep_signature)
        for story in {old_story, values[10]} - {None}:
            self._refresh_story_count(story)

    def _insert_children(self, aid: int, p: Prepared, signature: bool = True) -> None:
        c = self.conn
        c.executemany(_INSERT_EVENT, ((aid, *e) for e in p.events))
        c.executemany(_INSERT_QUOTE, ((aid, *q) for q in p.quotes))
        c.executemany(_INSERT_MENTION, ((aid, *m) for m in p.mentions))
        if signature and p.signature is not None:
            # an upsert, not OR REPLACE: a replacing delete would fire no trigger and skew row_counts
            c.execute("INSERT INTO signatures VALUES (?, ?) ON CONFLICT(aid) DO UPDATE SET minhash = excluded.minhash",
                      (aid, p.signature))
        c.executemany("INSERT OR IGNORE INTO codes VALUES (?)", ((code,) for code in p.codes()))
        self._count(p)

    def _count(self, p: Prepared) -> None:
        """Add ``p``'s events and mentions to the pending rollup changes."""
        self.delta.events(rollups.event_rollup_rows(p.events))
        self.delta.mentions(_stored_mentions(p.mentions), p.article[5])

    def _set_story(self, aid: int, story_id: str) -> None:
        old = self.conn.execute("SELECT story_id FROM articles WHERE aid = ?", (aid,)).fetchone()[0]
        if old != story_id:
            self.conn.execute("UPDATE articles SET story_id = ? WHERE aid = ?", (story_id, aid))
            for story in {old, story_id} - {None}:
                self._refresh_story_count(story)

    def _refresh_story_count(self, story_id: str) -> None:
        self.conn.execute("UPDATE stories SET article_count = (SELECT count(*) FROM articles WHERE story_id = ?) "
                          "WHERE id = ?", (story_id, story_id))


def _stored_mentions(rows: list[tuple]) -> list[tuple[str | None, int]]:
    """``(code, count)`` as the mentions table ends up holding them: rows repeating an ``actor_id`` are
    merged into the first (its code kept, counts summed), like ``_INSERT_MENTION``'s ON CONFLICT."""
    if len({m[0] for m in rows}) == len(rows):
        return [(m[1], m[4]) for m in rows]
    merged: dict[str, list] = {}
    for actor_id, code, _, _, count in rows:
        if actor_id in merged:
            merged[actor_id][1] += count
        else:
            merged[actor_id] = [code, count]
    return [tuple(v) for v in merged.values()]


__all__ = ["Batch", "Store", "connect", "analysis_json"]
